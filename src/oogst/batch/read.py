"""The input of a batch harvest, cut into partitions of bounded size.

Sources are JSON Lines corpora (also ``.jsonl.gz``), Parquet files with ``url`` / ``text``
(or ``html``) / ``title`` / ``published`` columns, single documents (HTML, TXT, MD, PDF, DOCX)
and folders of any of these. Every document becomes one ``Record``; consecutive records form a
``Partition`` of at most ``docs`` records and ``max_bytes`` bytes. The cut depends only on the
input and the two bounds, so a resumed run numbers its partitions exactly as the first run did.

Reading streams: a JSONL line is read with a cap (a longer one is drained and recorded as a
failure, never held whole), a Parquet file by record batches, and a file's bytes only when its
partition is about to be sent (``materialize``), so memory stays bounded by the partition size,
not by the corpus.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from oogst.batch.output import MANIFEST
from oogst.errors import InputError
from oogst.filekinds import regular_file

# One document's bytes at most (as for a single file in `oogst add`); the harvester cuts the
# text at 2 M characters anyway, so a bigger record is no article but a dump.
MAX_DOC_BYTES = 50 * 1024 * 1024
DOC_SUFFIXES = (".html", ".htm", ".txt", ".md", ".markdown", ".pdf", ".docx")
SUFFIXES = (*DOC_SUFFIXES, ".jsonl", ".jsonl.gz", ".parquet")
PARQUET_COLUMNS = ("url", "text", "html", "title", "published", "date", "lang", "language", "author")

Form = Literal["line", "file", "failed"]


@dataclass(frozen=True, slots=True)
class Record:
    """One document of the input, as it travels to a worker.

    ``form`` is ``line`` (a JSON object: a JSONL line or a Parquet row), ``file`` (a file's
    bytes: ``payload`` is filled by ``materialize``; ``path`` and ``url`` say where it came
    from) or ``failed`` (``payload`` is the reason it could not even be read).
    """

    source: str
    form: Form
    payload: str | bytes | None
    size: int
    path: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Partition:
    index: int
    records: tuple[Record, ...]

    @property
    def size(self) -> int:
        return sum(r.size for r in self.records)


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz")):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    return "doc"


def expand(sources: Iterable[str]) -> list[Path | str]:
    """Every input file in a stable order (``oogst.ingest.files.expand``: a folder is walked
    recursively, sorted); a URL is kept as a string, to be recorded as a failure."""
    from oogst.ingest import files  # not at import: a worker unpickles this module first (see work.py)

    out: list[Path | str] = []
    for src in sources:
        if "://" in src:
            out.append(src)
            continue
        path = Path(src)
        # a harvest's own output (it may lie in the folder harvested) is no input
        harvests = [m.parent for m in path.rglob(MANIFEST)] if path.is_dir() else []
        out.extend(files.expand(path, suffixes=SUFFIXES, skip=lambda p, h=harvests: p.name.startswith((".", "_"))
                                or any(p.is_relative_to(d) for d in h)))
    return out


def fingerprint(files: list[Path | str]) -> list[list[object]]:
    """What the input was: each file with its size and modification time. A resumed run must
    see the same, or its partitions would not be the ones already written."""
    out: list[list[object]] = []
    for f in files:
        try:
            st = f.stat() if isinstance(f, Path) else None
        except OSError:  # missing: a failure of its own, also on the resumed run
            st = None
        out.append([str(f.resolve()), st.st_size, st.st_mtime_ns] if st else [str(f), None, None])
    return out


def _failed(source: str, reason: str) -> Record:
    return Record(source, "failed", reason, len(reason))


def _jsonl_records(path: Path, cap: int) -> Iterator[Record]:
    from oogst.ingest import files

    for line in files.jsonl_lines(path, cap):
        if isinstance(line, files.Failed):
            yield _failed(line.source, line.reason)
        else:
            yield Record(line.source, "line", line.text, line.size)


def _json_value(value: object) -> object:
    iso = getattr(value, "isoformat", None)
    return iso() if callable(iso) else str(value)


def _parquet_records(path: Path, cap: int) -> Iterator[Record]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
        names = set(pf.schema_arrow.names)
        if "url" not in names or not names & {"text", "html"}:
            yield _failed(str(path), "a Parquet corpus needs a 'url' and a 'text' (or 'html') column; it has "
                          + (", ".join(sorted(names)) or "none"))
            return
        columns = [c for c in PARQUET_COLUMNS if c in names]
        n = 0
        for batch in pf.iter_batches(batch_size=256, columns=columns):
            for row in batch.to_pylist():
                n += 1
                line = json.dumps(row, ensure_ascii=False, default=_json_value)
                size = len(line.encode("utf-8"))
                if size > cap:
                    yield _failed(f"{path}:{n}", f"the record is larger than {cap // (1024 * 1024)} MB")
                else:
                    yield Record(f"{path}:{n}", "line", line, size)
        if not n:
            yield _failed(str(path), "the Parquet file holds no rows (it is empty)")
    except (OSError, pa.ArrowException) as exc:
        yield _failed(str(path), f"not a readable Parquet file ({exc})")


def _file_record(path: Path, cap: int) -> Record:
    try:
        size = path.stat().st_size
    except OSError as exc:
        return _failed(str(path), f"cannot read the file: {exc.strerror or exc}")
    if size > cap:
        return _failed(str(path), f"file is larger than {cap // (1024 * 1024)} MB")
    return Record(str(path), "file", None, size, path=str(path), url=path.resolve().as_uri())


def records(paths: Iterable[Path | str], cap: int = MAX_DOC_BYTES) -> Iterator[Record]:
    """Every document of the input, in order; what is not a regular file (missing, a FIFO, a
    device) is a failure that says what it is, before anything is opened."""
    for f in paths:
        if isinstance(f, str):
            yield _failed(f, "oogst harvest reads files; fetch web pages with oogst add")
            continue
        try:
            regular_file(f)
        except InputError as exc:
            yield _failed(str(f), str(exc))
            continue
        if _kind(f) == "jsonl":
            yield from _jsonl_records(f, cap)
        elif _kind(f) == "parquet":
            yield from _parquet_records(f, cap)
        else:
            yield _file_record(f, cap)


def partitions(recs: Iterable[Record], docs: int, max_bytes: int) -> Iterator[Partition]:
    """Consecutive records in partitions of at most ``docs`` records and ``max_bytes`` bytes
    (a single bigger record makes a partition of its own)."""
    if docs < 1 or max_bytes < 1:
        raise ValueError("a partition holds at least one document and one byte")
    index, batch, size = 0, [], 0
    for rec in recs:
        if batch and (len(batch) >= docs or size + rec.size > max_bytes):
            yield Partition(index, tuple(batch))
            index, batch, size = index + 1, [], 0
        batch.append(rec)
        size += rec.size
    if batch:
        yield Partition(index, tuple(batch))


def materialize(part: Partition) -> Partition:
    """The partition with each file's bytes read (a file gone since is recorded as failed)."""
    out: list[Record] = []
    for rec in part.records:
        if rec.form != "file" or rec.payload is not None:
            out.append(rec)
            continue
        try:
            with open(rec.path, "rb") as fh:
                data = fh.read(MAX_DOC_BYTES + 1)
        except OSError as exc:
            out.append(_failed(rec.source, f"cannot read the file: {exc.strerror or exc}"))
            continue
        out.append(Record(rec.source, "file", data, len(data), rec.path, rec.url))
    return Partition(part.index, tuple(out))


def count(paths: Iterable[Path | str]) -> int | None:
    """How many records the input holds, for a progress bar: lines of plain JSONL, rows of
    Parquet, one per other file; None with a compressed corpus (it is not unpacked twice)."""
    import pyarrow.parquet as pq

    n = 0
    for f in paths:
        if isinstance(f, Path) and f.name.lower().endswith(".gz"):
            return None
        if isinstance(f, str):
            n += 1
            continue
        name = f.name.lower()
        try:
            regular_file(f)  # never open a FIFO to count it
            if name.endswith(".jsonl"):
                with open(f, "rb") as fh:
                    n += sum(1 for line in fh if line.strip()) or 1
            elif name.endswith(".parquet"):
                n += pq.ParquetFile(f).metadata.num_rows or 1
            else:
                n += 1
        except Exception:  # noqa: BLE001 — unreadable: it will be one failure
            n += 1
    return n


__all__ = ["MAX_DOC_BYTES", "Partition", "Record", "count", "expand", "fingerprint", "materialize",
           "partitions", "records"]
