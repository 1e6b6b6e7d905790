"""What a local file is before it is read: a regular file or not (``regular_file``), and
whether bytes that should be text are binary (``binary_kind``).

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


__all__ = ["NoSuchFile", "binary_kind", "regular_file"]
