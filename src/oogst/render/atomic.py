"""Writing an output file so that a killed run never leaves half of it under its final name."""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to a hidden temp file beside ``path``, fsync it, then ``os.replace`` it.

    Readers see the old file or the new one, never a partial one. A run killed mid-write may
    leave the hidden ``.NAME.HEX.part`` file behind, never a truncated ``path``.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        with partial.open("xb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
