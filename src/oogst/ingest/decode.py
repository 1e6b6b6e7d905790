"""Bytes of a fetched page → text, also when the declared charset is missing or wrong.

Order: a byte-order mark; valid UTF-8 (a page that says ISO-8859-1 but is UTF-8 is common,
and non-ASCII bytes that happen to form valid UTF-8 are rare); the charset the server
declared, then the one the page declares (``<meta charset>``, the XML declaration) — except
that UTF-8 with a few damaged bytes beats a declared single-byte charset, which would decode
it without error but garbled; then charset_normalizer's guess. Western single-byte guesses
become windows-1252, the encoding browsers use for "latin-1" and the usual one for Dutch and
English pages that are not UTF-8. Local text files skip the guess (``decode_text``).
"""
from __future__ import annotations

import codecs
import gzip
import io
import re

from oogst.errors import FetchError
from oogst.filekinds import binary_kind  # noqa: F401 — the readers take it from here

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_WESTERN = re.compile(r"^(cp125\d|windows-125\d|iso8859_\d+|iso-8859-\d+|latin_?\d|mac_\w+|ascii)$", re.I)
# labels that browsers read as windows-1252 (WHATWG Encoding Standard)
_AS_1252 = {"latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "us-ascii", "ascii", "cp819"}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _AS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charsets(data: bytes, header: str | None) -> list[str]:
    """Charsets from the Content-Type header and the first 4 KB of the body, in that order."""
    head = data[:4096]
    found = [header] + [m.group(1).decode("ascii", "replace") for m in (_META.search(head), _XML_DECL.search(head)) if m]
    out: list[str] = []
    for label in found:
        codec = _codec(label)
        if codec and codec not in out:
            out.append(codec)
    return out


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or _WESTERN.match(best.encoding or ""):
        return "cp1252"
    return str(best.encoding)


def decode_page(data: bytes, header_charset: str | None = None) -> str:
    """Decode a page's bytes; never raises on bad bytes (the last resort replaces them)."""
    plain = _bom_or_utf8(data)
    if plain is not None:
        return plain
    damaged = _mostly_utf8(data)
    for codec in declared_charsets(data, header_charset):
        if codec in ("utf-8", "utf-8-sig"):
            continue
        # a single-byte charset decodes anything, so UTF-8 with a stray byte that says
        # ISO-8859-1 would come out garbled; a multi-byte one (GBK, Shift_JIS) is believed
        # first, because its bytes often form valid UTF-8 pairs
        if damaged is not None and _single_byte(codec):
            return damaged
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    if damaged is not None:
        return damaged
    try:
        return data.decode(_guess(data))
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace")


def decode_text(data: bytes) -> str:
    """Decode a local text file (TXT, MD): a byte-order mark, UTF-8 (also with a few broken
    bytes), else windows-1252 — the usual non-UTF-8 encoding of Dutch and English files. No
    statistical guess: on a short file it picks exotic code pages ("café" as UTF-16)."""
    text = _bom_or_utf8(data)
    if text is None:
        text = _mostly_utf8(data)
    if text is not None:
        return text
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _single_byte(codec: str) -> bool:
    """Whether a (Python codec) name is a single-byte charset, one that decodes any bytes."""
    return codec.startswith(("cp125", "cp437", "cp850", "iso8859", "latin", "koi8", "mac", "ascii"))


def _bom_or_utf8(data: bytes) -> str | None:
    """The text when a byte-order mark says how to read it or it is valid UTF-8, else None."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a truncated character, a stray byte) decoded as UTF-8.

    Text in a single-byte encoding almost never holds valid multi-byte UTF-8 sequences, so two
    or more of them mean the text is UTF-8 and the bad bytes are damage, replaced by U+FFFD;
    reading it all as windows-1252 instead would garble every quote mark and accent.
    """
    text = data.decode("utf-8", errors="replace")
    valid = len(_NON_ASCII.findall(text))
    return text if valid >= 2 and valid >= text.count("\ufffd") // 4 else None


_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")  # decoded non-ASCII characters, U+FFFD not counted


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


def looks_binary(text: str, sample: int = 20_000) -> str | None:
    """Why decoded text is really binary data (random bytes that happened to decode), or None.

    More than 5% control characters or undecodable bytes in the first ``sample`` characters
    (and more than a few: a short note with one broken character is still a note) is no
    document a person wrote.
    """
    head = text[:sample]
    if not head:
        return None
    bad = len(_CONTROL.findall(head))
    if bad > max(0.05 * len(head), 10):
        return f"it looks like binary data ({100 * bad / len(head):.0f}% control or undecodable characters)"
    return None


def gunzip(data: bytes, limit: int) -> bytes:
    """Unpack a gzip body (a ``sitemap.xml.gz``) without letting it grow past ``limit`` bytes."""
    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            while chunk := fh.read(65536):
                out.extend(chunk)
                if len(out) > limit:
                    raise FetchError(f"the unpacked file is larger than the {limit // (1024 * 1024)} MB limit")
    except (OSError, EOFError) as exc:
        raise FetchError(f"a broken gzip file ({exc})") from None
    return bytes(out)


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"
