"""The on-disk form of a batch harvest: a folder of Parquet files, one set per partition.

    ITEMS.parquet/
      part-000000.parquet …     the items (one row per item): pyarrow.parquet.read_table("ITEMS.parquet")
      _documents/part-….parquet the documents with their text (for the store, the digest and the check)
      _failures/part-….parquet  per-document failures: source, reason
      _oogst_harvest.json       what was harvested (the input's fingerprint, the options) and whether it is complete

Parquet readers skip names that start with ``_``, so the folder itself reads as the items table.
A partition is written as three files, each to a temporary name, flushed and renamed; the items
file is renamed last and marks the partition done. A killed run leaves at most a partition's
documents or failures without its items file: a resumed run removes those and writes the
partition again, so no row is ever written twice.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

from oogst.errors import InputError

MANIFEST = "_oogst_harvest.json"
FORMAT = 1
_PART = re.compile(r"^part-(\d{6})\.parquet$")
TABLES = ("items", "documents", "failures")


def _dir(root: Path, table: str) -> Path:
    return root if table == "items" else root / f"_{table}"


def part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def is_harvest(path: Path) -> bool:
    return (path / MANIFEST).is_file()


def read_manifest(path: Path) -> dict:
    try:
        data = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a readable oogst harvest ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{path}: an oogst harvest of an unknown format ({data.get('format') if isinstance(data, dict) else '?'}); "
                         "harvest again with this version of oogst")
    return data


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class HarvestOutput:
    """The output folder of one batch harvest, opened for writing (and resuming)."""

    def __init__(self, root: Path, settings: dict, *, fresh: bool = False) -> None:
        self.root = root
        if root.exists() and not root.is_dir():
            raise InputError(f"{root} exists and is a file; --out names a folder the harvest writes into")
        if root.is_dir() and not is_harvest(root) and any(root.iterdir()):
            raise InputError(f"{root} exists and is not an oogst harvest; choose another --out")
        self.previous: dict = {}
        if is_harvest(root):
            old = read_manifest(root)
            if fresh:
                self._clear()
            elif old.get("settings") != settings:
                raise InputError(f"{root} holds a harvest of other input or options; run with --fresh to start "
                                 "over, or choose another --out")
            else:
                self.previous = old
        for table in TABLES:
            _dir(root, table).mkdir(parents=True, exist_ok=True)
        self.settings = settings
        self.done = self._tidy()
        if not self.complete:
            self._manifest(complete=False)

    @property
    def complete(self) -> bool:
        """Every partition of the same input and options is written already."""
        return bool(self.previous.get("complete")) and len(self.done) == self.previous.get("partitions")

    def _clear(self) -> None:
        for p in self.root.iterdir():
            if _PART.match(p.name) or (p.name.startswith(".part-") and p.name.endswith(".tmp")):
                p.unlink()
        for table in ("documents", "failures"):
            shutil.rmtree(_dir(self.root, table), ignore_errors=True)

    def _tidy(self) -> set[int]:
        """The partitions already done; leftovers of a killed run are removed."""
        done = {int(m.group(1)) for p in self.root.iterdir() if (m := _PART.match(p.name))}
        for table in TABLES:
            d = _dir(self.root, table)
            for p in d.iterdir():
                if p.name.startswith(".part-") and p.name.endswith(".tmp"):
                    p.unlink()
                elif (m := _PART.match(p.name)) and int(m.group(1)) not in done:
                    p.unlink()
        return done

    def _manifest(self, *, complete: bool, **extra: object) -> None:
        data = {"format": FORMAT, "settings": self.settings, "complete": complete, **extra}
        _write_atomic(self.root / MANIFEST, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))

    def write(self, index: int, tables: dict) -> None:
        """Write one partition's three tables; the items file last, as the mark that it is done."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        for table in ("failures", "documents", "items"):
            sink = pa.BufferOutputStream()
            pq.write_table(tables[table], sink, compression="zstd")
            _write_atomic(_dir(self.root, table) / part_name(index), sink.getvalue().to_pybytes())
        self.done.add(index)

    def finish(self, partitions: int, **counts: object) -> None:
        self._manifest(complete=len(self.done) == partitions, partitions=partitions, **counts)


def partitions_done(root: Path) -> list[int]:
    return sorted(int(m.group(1)) for p in root.iterdir() if (m := _PART.match(p.name)))


def read_partition(root: Path, index: int) -> dict:
    """One done partition's three tables."""
    import pyarrow.parquet as pq

    return {t: pq.read_table(_dir(root, t) / part_name(index)) for t in TABLES}


def iter_partitions(root: Path) -> Iterator[dict]:
    for index in partitions_done(root):
        yield read_partition(root, index)


__all__ = ["MANIFEST", "HarvestOutput", "is_harvest", "iter_partitions", "partitions_done", "read_manifest",
           "read_partition"]
