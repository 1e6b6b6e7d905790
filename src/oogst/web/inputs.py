"""What a user hands the server: uploaded files and typed URLs, vetted before ingestion."""
from __future__ import annotations

import hashlib
import ipaddress
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from oogst.ingest.files import SUFFIXES
from oogst.ingest.safety import blocked_reason, odd_address

MAX_NAME = 120
HASH_LENGTH = 12  # hex digits of the content hash in an upload's name
CHUNK = 1024 * 1024
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str) -> str | None:
    """A plain file name from whatever a browser sent, or None when nothing usable is left.

    Folders are dropped (``../../x.html`` → ``x.html``), accents folded, anything but
    letters, digits, ``.``, ``_`` and ``-`` becomes ``-``; no leading dot; the suffix must be
    one oogst reads.
    """
    base = re.split(r"[/\\]", name or "")[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    base = _UNSAFE.sub("-", base).strip(".-_ ")
    if not base:
        return None
    stem, dot, suffix = base.rpartition(".")
    if not dot or f".{suffix.lower()}" not in SUFFIXES:
        return None
    stem = stem[: MAX_NAME - len(suffix) - 1].rstrip(".-_") or "upload"
    return f"{stem}.{suffix.lower()}"


@dataclass(frozen=True, slots=True)
class Saved:
    name: str  # as the browser sent it
    path: Path | None  # None: refused
    reason: str | None = None


def save_upload(folder: Path, name: str, data: BinaryIO, limit: int) -> Saved:
    """Copy one uploaded file into ``folder`` (never elsewhere), at most ``limit`` bytes.

    The file is named after its content (``artikel-<12 hex of its SHA-256>.html``), so every
    upload is kept: two different files called ``artikel.html`` are two documents, and
    uploading the same file again finds the same document (unchanged).
    """
    clean = safe_name(name)
    if clean is None:
        return Saved(name, None, f"not a file type oogst reads; use {', '.join(SUFFIXES)}")
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{secrets.token_hex(8)}.part"
    size = 0
    digest = hashlib.sha256()
    try:
        with partial.open("xb") as out:
            while chunk := data.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise OverflowError
                digest.update(chunk)
                out.write(chunk)
        if size == 0:
            partial.unlink()
            return Saved(name, None, "the file is empty")
        stem, _, suffix = clean.rpartition(".")
        target = (folder / f"{stem[: MAX_NAME - HASH_LENGTH - 1]}-{digest.hexdigest()[:HASH_LENGTH]}.{suffix}").resolve()
        if target.parent != folder:  # cannot happen after safe_name; checked all the same
            partial.unlink()
            return Saved(name, None, "refused: the name leads outside the upload folder")
        os.replace(partial, target)  # the same name holds the same bytes: nothing is lost
    except OverflowError:
        partial.unlink(missing_ok=True)
        return Saved(name, None, f"larger than {limit // (1024 * 1024)} MB")
    except OSError as exc:
        partial.unlink(missing_ok=True)
        return Saved(name, None, f"could not be saved ({exc.strerror or exc})")
    return Saved(name, target)


_HASHED = re.compile(r"-[0-9a-f]{%d}(?=\.[a-z0-9]+$)" % 12)


def upload_name(path_or_url: str) -> str:
    """The name a user gave an upload, from its stored path or file: URL (``artikel.html``)."""
    base = re.split(r"[/\\]", unquote(path_or_url))[-1]
    return _HASHED.sub("", base)


def uploaded_file(folder: Path, url: str) -> Path | None:
    """The file in the upload ``folder`` a document URL points at (``file:///…-uploads/x.html``), or None."""
    if not url.startswith("file://"):
        return None
    try:
        path = Path(unquote(urlsplit(url).path)).resolve()
    except (OSError, ValueError):
        return None
    return path if path.parent == folder.resolve() and path.is_file() else None


def url_problem(url: str, allow_private: bool) -> str | None:
    """Why a typed URL is refused before fetching, or None.

    Only http(s); without ``allow_private`` also no loopback, private or link-local address
    written in the URL and no ``localhost``. Names are checked again when the fetcher resolves
    them (``FetchPolicy.allow_private_addresses``), so DNS cannot lead inside either.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return f"only http and https URLs are fetched, not {parts.scheme or 'a URL without a scheme'}"
    if not host:
        return "the URL has no host name"
    if parts.username or parts.password:
        return "URLs with a user name or password are not fetched"
    if allow_private:
        return None
    if host == "localhost" or host.endswith(".localhost"):
        return f"refused: {host} is this machine; private addresses are not fetched here"
    odd = odd_address(host)
    if odd:
        return odd
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return None
    reason = blocked_reason(host)
    return f"refused: {host} is {reason}; private addresses are not fetched here" if reason else None


def split_urls(text: str) -> list[str]:
    """One URL per line (or separated by spaces); blank lines and duplicates dropped."""
    return list(dict.fromkeys(u for u in re.split(r"\s+", text or "") if u))


__all__ = ["Saved", "safe_name", "save_upload", "split_urls", "upload_name", "uploaded_file", "url_problem"]
