"""Local sources: HTML, TXT, MD (with front matter), PDF, DOCX files and JSON Lines corpora."""
from __future__ import annotations

import gzip
import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from oogst.errors import InputError
from oogst.filekinds import binary_kind, regular_file
from oogst.ingest.decode import decode_page, decode_text, looks_binary
from oogst.ingest.html import date_from_url, extract_html
from oogst.models import normalize_partial_date

MAX_FILE_BYTES = 50 * 1024 * 1024
SUFFIXES = (".html", ".htm", ".txt", ".md", ".markdown", ".pdf", ".docx", ".jsonl")


@dataclass(frozen=True, slots=True)
class Loaded:
    """A source read into text, before language detection and harvesting."""

    source: str  # where it came from, for messages: a path, "file.jsonl:12", a URL
    url: str
    title: str
    published: str | None
    text: str
    language: str | None  # as the source gives it, also one no pack has; None: to be detected
    source_kind: str
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Failed:
    source: str
    reason: str


def expand(path: Path, glob: str | None = None, *, suffixes: tuple[str, ...] = SUFFIXES,
           skip: Callable[[Path], bool] | None = None) -> Iterator[Path]:
    """Files under ``path`` (recursively for a folder; ``path`` itself otherwise), in a stable
    order: those whose name ends in one of ``suffixes``, and whatever is neither a file nor a
    folder (a FIFO, a device, a broken link), for the reader to say why it is not read.
    ``skip`` leaves out what it is true for (the batch harvest: its own output)."""
    if not path.is_dir():
        yield path
        return
    for p in sorted(path.rglob(glob or "*")):
        if skip is not None and skip(p):
            continue
        if p.is_file():
            name = p.name.lower()  # ".md" alone is a hidden file, not an .md file (as for Path.suffix)
            if any(name.endswith(x) and len(name) > len(x) for x in suffixes):
                yield p
        elif not p.is_dir():
            yield p


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB" if n >= 1024 else f"{n} bytes"


def _too_big(size: int) -> InputError:
    return InputError(f"file is larger than {_size(MAX_FILE_BYTES)}")


def _read_bytes(path: Path) -> bytes:
    # opened without blocking, checked on the open file (no race with a swapped-in FIFO), and
    # read to at most the limit: the size a file system reports is not trusted
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError("not a regular file; only files are read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(len(data))
    kind = binary_kind(data)
    if kind:
        raise InputError(f"not a text file: it holds {kind}")
    return data


def _read_text(path: Path, html: bool = False) -> str:
    """A text or HTML file's text, in whatever encoding it has; refuses binary data."""
    data = _read_bytes(path)
    text = decode_page(data) if html else decode_text(data)
    why = looks_binary(text)
    if why:
        raise InputError(f"not a text file: {why}")
    return text


_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")


_SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "data", "blob", "about"})


def _checked_url(value: str) -> str:
    """A document URL or identifier from a corpus or front matter (https:, doi:, urn:, a
    plain id); a scheme that runs or embeds content (javascript:, data:) is refused."""
    m = _SCHEME.match(value)
    if m and m.group(1).lower() in _SCRIPT_SCHEMES:
        raise InputError(f"'url' cannot be a {m.group(1).lower()}: URL; give the article's web address")
    return value.strip()


_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    m = _FRONT.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        k, sep, v = line.partition(":")
        if sep:
            meta[k.strip().lower()] = v.strip().strip("'\"")
    return meta, text[m.end():]


def _date(value: object, source: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return normalize_partial_date(str(value))
    except ValueError as exc:
        raise InputError(f"{exc}") from None


def load_file(path: Path) -> Iterator[Loaded | Failed]:
    """Read one file; a .jsonl corpus yields one result per line."""
    src = str(path)
    suffix = path.suffix.lower()
    try:
        st = regular_file(path)
        if suffix in (".pdf", ".docx") and st.st_size > MAX_FILE_BYTES:
            raise _too_big(st.st_size)
        if suffix == ".jsonl":
            yield from load_jsonl(path)
            return
        url = path.resolve().as_uri()
        if suffix in (".html", ".htm"):
            page = extract_html(_read_text(path, html=True), url=None)
            yield _dated(Loaded(src, page.canonical_url or url, page.title or path.stem, page.published,
                                page.text, page.language, "file", page.author), path)
        elif suffix in (".txt", ".md", ".markdown"):
            meta, body = _front_matter(_read_text(path))
            if not body.strip():
                raise InputError("the file is empty")
            title = meta.get("title") or _first_line(body) or path.stem
            yield _dated(Loaded(src, _checked_url(meta["url"]) if meta.get("url") else url, title, _date(meta.get("date") or meta.get("published"), src),
                                body.strip("\n"), meta.get("lang") or meta.get("language"), "file", meta.get("author")), path)
        elif suffix == ".pdf":
            yield _dated(load_pdf(path, src, url), path)
        elif suffix == ".docx":
            yield _dated(load_docx(path, src, url), path)
        else:
            raise InputError(f"unsupported file type {suffix or '(none)'}; use {', '.join(SUFFIXES)}")
    except InputError as exc:
        yield Failed(src, str(exc))
    except OSError as exc:
        yield Failed(src, f"cannot read the file: {exc.strerror or exc}")
    except Exception as exc:  # a parser bug on one odd file must not end the batch  # noqa: BLE001
        yield Failed(src, unexpected(exc))


def unexpected(exc: BaseException) -> str:
    """A reason for an error no reader anticipated: what happened, in one readable line."""
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"could not be read: the reader failed unexpectedly ({type(exc).__name__}{': ' + detail if detail else ''})"


def _dated(loaded: Loaded, path: Path) -> Loaded:
    if loaded.published:
        return loaded
    return replace(loaded, published=date_from_name(path))


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return ""


_NAME_DATE = re.compile(r"^((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?(?=\D|$)")


def date_from_name(path: Path) -> str | None:
    """A date at the start of a file name (``2020-11-02-verslag.pdf``, ``2020-11 notulen.docx``)."""
    m = _NAME_DATE.match(path.name)
    if not m:
        return None
    try:
        return normalize_partial_date("-".join(g for g in m.groups() if g))
    except ValueError:
        return None


def _pdf_date(value: str | None) -> str | None:
    """A PDF date (``D:20201102093000+01'00'``) as an ISO date, kept partial when it is."""
    m = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", (value or "").strip())
    if not m:
        return None
    try:
        return normalize_partial_date("-".join(g for g in m.groups() if g))
    except ValueError:
        return None


def load_pdf(data: Path | bytes, source: str, url: str) -> Loaded:
    """The text layer of a PDF (a file or fetched bytes); title and date from its metadata."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data if isinstance(data, bytes) else str(data))
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        meta = pdf.get_metadata_dict(skip_empty=True)
    except Exception as exc:  # pdfium raises PdfiumError and others on broken files
        raise InputError(f"not a readable PDF ({exc})") from None
    text = "\n\n".join(p.replace("\r\n", "\n").replace("\r", "\n").strip() for p in pages if p.strip())
    if not text.strip():
        raise InputError("the PDF has no text layer (scanned images only?)")
    title = (meta.get("Title") or "").strip() or _first_line(text) or Path(source).stem
    return Loaded(source, url, title, _pdf_date(meta.get("CreationDate")), text, None, "file",
                  (meta.get("Author") or "").strip() or None)


def load_docx(data: Path | bytes, source: str, url: str) -> Loaded:
    """The paragraphs of a DOCX (a file or fetched bytes); title, author and date from its properties."""
    import io

    try:
        import docx

        d = docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))
    except Exception as exc:  # python-docx raises on non-zip and broken packages
        raise InputError(f"not a readable DOCX file ({type(exc).__name__})") from None
    paras = [p.text.strip() for p in d.paragraphs if p.text.strip()]
    if not paras:
        raise InputError("the DOCX has no text")
    title = d.core_properties.title or paras[0][:200]
    created = d.core_properties.created
    return Loaded(source, url, title, created.date().isoformat() if created else None,
                  "\n\n".join(paras), None, "file", d.core_properties.author or None)


def load_jsonl(path: Path) -> Iterator[Loaded | Failed]:
    for line in jsonl_lines(path):
        if isinstance(line, Failed):
            yield line
            continue
        try:
            yield _jsonl_record(line.text, line.source)
        except InputError as exc:
            yield Failed(line.source, str(exc))
        except Exception as exc:  # a parser bug on one odd line must not end the batch  # noqa: BLE001
            yield Failed(line.source, unexpected(exc))


@dataclass(frozen=True, slots=True)
class Line:
    """One record of a JSON Lines file, not parsed yet: ``source`` is ``file.jsonl:12``."""

    source: str
    text: str
    size: int  # bytes


def jsonl_lines(path: Path, cap: int | None = None) -> Iterator[Line | Failed]:
    """The non-empty lines of a JSON Lines file (also ``.jsonl.gz``), in order, each read to at
    most ``cap`` bytes (``MAX_FILE_BYTES``): a longer line is skipped to its end and becomes a
    Failed, so one endless line cannot fill memory. A binary file, an empty one and a read error
    are a Failed too."""
    cap = MAX_FILE_BYTES if cap is None else cap
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    n = records = 0
    try:
        with opener(path, "rb") as fh:
            why = looks_binary(fh.read(20_000).decode("utf-8", "replace"))
            if why:
                yield Failed(str(path), f"not a JSON Lines file: {why}")
                return
            fh.seek(0)
            while line := fh.readline(cap + 1):
                n += 1
                if len(line) > cap and not line.endswith(b"\n"):
                    while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                        pass
                    records += 1
                    yield Failed(f"{path}:{n}", f"the line is longer than {_size(cap)}; not read")
                    continue
                if line.strip():
                    records += 1
                    yield Line(f"{path}:{n}", line.decode("utf-8", "replace"), len(line))
    except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
        where = f" after line {n}" if n else ""
        yield Failed(str(path), f"cannot read the file{where}: {getattr(exc, 'strerror', None) or exc}")
        return
    if not records:
        yield Failed(str(path), "the JSON Lines file holds no records (it is empty)")


def _given_language(obj: dict, page_lang: str | None) -> str | None:
    """The language a JSONL record gives (``language`` or ``lang``, else its html's ``<html lang>``)
    as it gives it: a code oogst has no pack for is refused by name at ``to_document``, never
    detected over; a value that is not text is kept as text, to be refused the same way."""
    lang = obj.get("language") or obj.get("lang")
    if lang is None or lang == "":
        return page_lang
    return (lang.strip() or page_lang) if isinstance(lang, str) else str(lang)


def _jsonl_record(line: str, src: str) -> Loaded:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise InputError("not usable JSON: nested too deeply") from None
    if not isinstance(obj, dict):
        raise InputError("a line must be a JSON object")
    url = obj.get("url")
    if not isinstance(url, str) or not url.strip():
        raise InputError("the record has no 'url' text")
    url = _checked_url(url)
    title = str(obj.get("title") or "")
    published = _date(obj.get("published") or obj.get("date"), src)
    page_lang = None
    if isinstance(obj.get("text"), str) and obj["text"].strip():
        text = obj["text"]
    elif isinstance(obj.get("html"), str) and obj["html"].strip():
        page = extract_html(obj["html"], url=url)
        text, title = page.text, title or page.title
        published = published or page.published
        page_lang = page.language
    else:
        raise InputError("needs a non-empty 'text' or 'html'")
    published = published or date_from_url(url)  # /2019/03/14/, as for an HTML page
    return Loaded(src, url, title or _first_line(text), published, text, _given_language(obj, page_lang),
                  "jsonl", obj.get("author") if isinstance(obj.get("author"), str) else None)
