"""Read a batch harvest back: its documents with their items, and its failures; load it into a store.

``oogst add ITEMS.parquet`` uses ``load_into``: each document is written as ``oogst add`` would
have written it after harvesting (the same document, items and notes on what a cap cut, with
the same ids), so ``digest``, ``candidates``, ``check``, ``sources`` and ``serve`` work on it
without harvesting again. One partition is in memory at a time.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from oogst.batch.output import is_harvest, iter_partitions, read_manifest
from oogst.errors import InputError
from oogst.models import Document, Item
from oogst.select.features import stored as stored_words
from oogst.store import Entry

OnResult = Callable[[str, str, str | None], None]


def _documents(tables: dict) -> Iterator[Entry]:
    by_doc: dict[str, list[Item]] = {}
    for r in tables["items"].to_pylist():
        by_doc.setdefault(r["document_id"], []).append(
            Item(r["document_id"], r["kind"], r["text"], r["start"], r["end"], r["speaker"], r["speaker_role"],
                 r["cue"], r["confidence"], bool(r["nested"]), r["organisation"]))
    for d in tables["documents"].to_pylist():
        doc = Document(d["document_id"], d["url"], d["title"], d["published"], d["lang"], d["text"],
                       d["source_kind"], d["author"])
        # a harvest written before the notes column has none: its cuts were not kept
        yield Entry(doc, by_doc.get(doc.id, []), d["source"], tuple(d.get("notes") or ()), partial(stored_words, doc))


def _failures(tables: dict) -> Iterator[tuple[str, str]]:
    failures = tables["failures"]
    yield from zip(failures.column("source").to_pylist(), failures.column("reason").to_pylist())


def read_harvest(path: Path) -> Iterator[Entry]:
    """Every harvested document of ``path`` with its items, its source and the harvest's notes
    on it (``oogst.store.Entry``), in input order."""
    check(path)
    for tables in iter_partitions(path):
        yield from _documents(tables)


def read_failures(path: Path) -> Iterator[tuple[str, str]]:
    """Every failure of ``path``: (source, reason), in input order."""
    check(path)
    for tables in iter_partitions(path):
        yield from _failures(tables)


def check(path: Path) -> dict:
    """The harvest's manifest; an InputError when ``path`` is no harvest."""
    if not path.is_dir() or not is_harvest(path):
        hint = (" (a Parquet corpus: harvest it first with 'oogst harvest "
                f"{path} --out items.parquet', then add items.parquet)") if path.suffix.lower() == ".parquet" else ""
        raise InputError(f"{path}: not an oogst harvest{hint}")
    return read_manifest(path)


def count(path: Path) -> int:
    """Documents plus failures in a harvest, for a progress bar."""
    import pyarrow.parquet as pq

    from oogst.batch.output import _dir, part_name, partitions_done

    n = 0
    for i in partitions_done(path):
        n += pq.ParquetFile(_dir(path, "documents") / part_name(i)).metadata.num_rows
        n += pq.ParquetFile(_dir(path, "failures") / part_name(i)).metadata.num_rows
    return n


def load_into(store, path: Path, *, filters=None, on_result: OnResult | None = None):  # noqa: ANN001, ANN201
    """Write a harvest's documents (with their items and notes) and failures into ``store``.

    Returns an ``oogst.ingest.AddSummary``; ``filters`` (``oogst.ingest.Filters``) keeps only
    documents in a period, as in ``oogst add``. Failures are recorded in the store with their
    reasons, so ``oogst sources --failed`` lists them; a document's notes (what a cap cut)
    are stored with it and reported in ``cut``, as ``oogst add`` does.
    """
    from oogst.ingest import AddSummary

    manifest = check(path)
    summary = AddSummary()

    def report(source: str, status: str, reason: str | None = None) -> None:
        if on_result:
            on_result(source, status, reason)

    for tables in iter_partitions(path):
        kept: list[Entry] = []
        for entry in _documents(tables):
            reason = filters.date_reason(entry.doc.published) if filters is not None else None
            if reason:
                summary.skipped.append((entry.source, reason))
                report(entry.source, "skipped", reason)
            else:
                kept.append(entry)
        # one transaction per partition: a kill leaves whole partitions, and re-adding finishes
        for entry, status in zip(kept, store.put_many(kept)):
            {"added": summary.added, "updated": summary.updated, "unchanged": summary.unchanged}[status].append(
                entry.doc.url)
            if status != "unchanged":
                summary.cut.extend((entry.doc.url, note) for note in entry.notes)
            report(entry.source, status)
        for source, reason in _failures(tables):
            store.record_failure(source, reason)
            summary.failed.append((source, reason))
            report(source, "failed", reason)
    if not manifest.get("complete"):
        summary.failed.append((str(path), "the harvest is not complete: run the same oogst harvest again to finish "
                                          "it, then add it again"))
    return summary


__all__ = ["check", "count", "load_into", "read_failures", "read_harvest"]
