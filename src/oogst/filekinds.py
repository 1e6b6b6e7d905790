"""What a local file is before it is read: a regular file or not (``regular_file``), and
whether bytes that should be text are binary (``binary_kind``); ``read_text`` reads a small
UTF-8 file (a digest.json, a gold file) with both checks.

Light on purpose (no oogst imports but the errors): the store, ``digest_json``, the batch
reader and the CLI use these checks without loading the ingest package.
"""
from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from oogst.errors import InputError


class NoSuchFile(InputError):
    """``regular_file``: nothing is at the path (or a link points nowhere)."""


_NOT_FILES = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
              (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def regular_file(path: Path) -> os.stat_result:
    """The stat of ``path`` when it is a regular file; InputError for anything else (NoSuchFile
    when nothing is there), before a byte is read: reading a FIFO waits for ever, /dev/zero
    never ends."""
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise NoSuchFile("a link that points nowhere (its target does not exist)") from None
        raise NoSuchFile("no such file or folder") from None
    for test, what in _NOT_FILES:
        if test(st.st_mode):
            raise InputError(f"not a regular file: it is {what}; only files are read")
    if not stat.S_ISREG(st.st_mode):
        raise InputError("not a regular file; only files are read")
    return st


_SIGNATURES = (
    (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF", "a PDF file"), (b"PK\x03\x04", "a ZIP archive (or an Office file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a media file"), (b"\x7fELF", "a program"), (b"MZ", "a Windows program"),
)


def binary_kind(data: bytes) -> str | None:
    """What a body that should be text really is, when it is binary; None when it looks like text."""
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            return name
    head = data[:4096]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary data"
    return None


def read_text(path: Path, max_bytes: int) -> str:
    """The text of a UTF-8 file (a BOM allowed) of at most ``max_bytes``, read once; InputError
    (NoSuchFile when nothing is there) that says what the file is instead: not a regular file,
    too large, binary, another encoding."""
    st = regular_file(path)
    too_large = InputError(f"it is larger than {max_bytes // (1024 * 1024)} MB, too large")
    if st.st_size > max_bytes:
        raise too_large
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise too_large
    kind = binary_kind(data)
    if kind:
        raise InputError(f"it holds {kind}: binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        hint = ("it looks like Latin-1 / Windows-1252: save it as UTF-8" if 0x80 <= bad <= 0xFF and _latin1(data)
                else "save it as UTF-8")
        raise InputError(f"it is not UTF-8 text (byte 0x{bad:02x} at offset {exc.start}); {hint}") from None


def _latin1(data: bytes) -> bool:
    text = data.decode("cp1252", errors="replace")
    return "\ufffd" not in text and not any(ord(c) < 32 and c not in "\t\r\n" for c in text)


__all__ = ["NoSuchFile", "binary_kind", "read_text", "regular_file"]
