"""Harvest on every core of one machine: a process pool for ``oogst add``.

The store stays single-writer: the caller's process reads, decides and writes; only the pure
harvest — and, for a document file, its reading and text extraction, which cost as much — runs
in the pool. ``submit`` (one JSONL record's text) returns a handle whose ``outcome()`` gives the
harvest's items; ``submit_file`` (one HTML, PDF, DOCX, TXT file) one whose ``decisions()`` says
what became of its document. Handles are resolved in the order they were submitted, so the
store sees documents in input order, as without a pool.

Workers are started with ``spawn`` (a fork of a process with threads — the crawler's, the web
UI's — can deadlock). A worker that dies takes the pool down: the pool then harvests in this
process, so no document is lost to it.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from oogst.models import Item


def _die_with_parent(parent: int) -> None:
    """Pool initializer: a worker whose parent was killed (kill -9, the OOM killer) exits too,
    instead of waiting forever for work. Linux: the kernel sends SIGKILL (PR_SET_PDEATHSIG);
    elsewhere, and as a back-stop, a thread that looks for a new parent every second."""
    import os
    import signal
    import threading
    import time

    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # died before prctl took hold
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="oogst-parent-watch", daemon=True).start()


# a harvest as the store takes it: the items, and the notes on what a cap cut (oogst.ingest.cuts)
Outcome = tuple[tuple[Item, ...], list[str]]


def _harvest(text: str, lang: str, document_id: str) -> Outcome:
    from oogst.harvest import harvest
    from oogst.ingest import cuts

    result = harvest(text, lang, document_id=document_id)
    return result.items, cuts(result)


class _ReadOnlyStore:
    """What a worker needs of the store to decide: known hashes, read-only (WAL lets it read
    while the main process writes; a hash it does not see yet only costs a harvest, and
    ``Store.put`` still finds the document unchanged)."""

    def __init__(self, path: str) -> None:
        import sqlite3

        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)

    def known_hash(self, url: str) -> str | None:
        row = self.db.execute("SELECT hash FROM documents WHERE url=?", (url,)).fetchone()
        return row[0] if row else None


_STORES: dict[str, _ReadOnlyStore] = {}


def file_decisions(path: str, store_path: str, filters) -> list[tuple]:  # noqa: ANN001
    """Run in a worker: read one file, decide each of its documents as ``oogst add`` does
    (filtered out, unchanged, or harvested here), for the main process to settle in order."""
    from dataclasses import replace
    from pathlib import Path

    from oogst.ingest import _Run, source_name
    from oogst.ingest.files import Failed, load_file

    store = _STORES.get(store_path) or _STORES.setdefault(store_path, _ReadOnlyStore(store_path))
    run = _Run(store, filters, None)  # type: ignore[arg-type]
    out: list[tuple] = []
    for res in load_file(Path(path)):
        if isinstance(res, Failed):
            out.append(("failed", source_name(res.source), res.reason))
            continue
        decision = run.decide(replace(res, source=source_name(res.source)))
        if decision[0] == "harvest":
            loaded, doc, cache = decision[1:4]
            try:
                outcome = _harvest(doc.text, doc.language, doc.id)
            except Exception as exc:  # noqa: BLE001 — the same reason as in the main process
                decision = ("failed", loaded.source, f"could not harvest the text ({type(exc).__name__}: {exc})")
            else:
                decision = ("harvest", loaded, doc, cache, _Ready(outcome))
        out.append(decision)
    return out


class _Ready:
    def __init__(self, outcome: Outcome) -> None:
        self._outcome = outcome

    def outcome(self) -> Outcome:
        return self._outcome


class _Done:
    def __init__(self, text: str, lang: str, document_id: str) -> None:
        self.args = (text, lang, document_id)

    def outcome(self) -> Outcome:
        return _harvest(*self.args)


class _Pending:
    def __init__(self, pool: HarvestPool, future: Future, args: tuple[str, str, str]) -> None:
        self.pool, self.future, self.args = pool, future, args

    def outcome(self) -> Outcome:
        try:
            return self.future.result()
        except BrokenProcessPool:
            self.pool.broken = True
            return _harvest(*self.args)


class _FileDone:
    def __init__(self, *args: object) -> None:
        self.args = args

    def decisions(self) -> list[tuple]:
        return file_decisions(*self.args)  # type: ignore[arg-type]


class _FilePending:
    def __init__(self, pool: HarvestPool, future: Future, args: tuple) -> None:
        self.pool, self.future, self.args = pool, future, args

    def decisions(self) -> list[tuple]:
        try:
            return self.future.result()
        except BrokenProcessPool:
            self.pool.broken = True
            return file_decisions(*self.args)


class HarvestPool:
    """``workers`` processes harvesting documents; ``workers <= 1`` harvests in this process."""

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)
        self.broken = False
        self._pool: ProcessPoolExecutor | None = None

    @property
    def window(self) -> int:
        """How many documents may be in flight: enough to keep every worker busy."""
        return 1 if self.workers == 1 else 4 * self.workers

    def submit(self, text: str, lang: str, document_id: str) -> _Done | _Pending:
        if self.workers == 1 or self.broken:
            return _Done(text, lang, document_id)
        self._start()
        try:
            return _Pending(self, self._pool.submit(_harvest, text, lang, document_id), (text, lang, document_id))
        except BrokenProcessPool:
            self.broken = True
            return _Done(text, lang, document_id)

    def submit_file(self, path: str, store_path: str, filters):  # noqa: ANN001, ANN201
        """A whole file (read, extract, decide, harvest) in the pool: ``decisions()`` gives
        what ``file_decisions`` gives."""
        if self.workers == 1 or self.broken:
            return _FileDone(path, store_path, filters)
        self._start()
        try:
            return _FilePending(self, self._pool.submit(file_decisions, path, store_path, filters),
                                (path, store_path, filters))
        except BrokenProcessPool:
            self.broken = True
            return _FileDone(path, store_path, filters)

    def _start(self) -> None:
        import os

        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_die_with_parent, initargs=(os.getpid(),))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> HarvestPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["HarvestPool"]
