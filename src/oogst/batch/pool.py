"""Harvest on every core of one machine: a process pool for ``oogst add``.

The store stays single-writer: the caller's process reads, decides and writes; only the pure
harvest — and, for a document file, its reading and text extraction, which cost as much — runs
in the pool. ``submit`` (one JSONL record's text) returns a ``Handle`` whose ``result()`` is the
harvest (``oogst.ingest.decision.Harvested``); ``submit_file`` (one HTML, PDF, DOCX, TXT file)
one whose ``result()`` is the decisions on its documents. Handles are resolved in the order they
were submitted, so the store sees documents in input order, as without a pool.

Workers are started with ``spawn`` (a fork of a process with threads — the crawler's, the web
UI's — can deadlock). A worker that dies takes the pool down: the pool then harvests in this
process, so no document is lost to it.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any


def _die_with_parent(parent: int) -> None:
    """Pool initializer: a worker whose parent was killed (kill -9, the OOM killer) exits too,
    instead of waiting forever for work. Linux: the kernel sends SIGKILL (PR_SET_PDEATHSIG);
    elsewhere, and as a back-stop, a thread that looks for a new parent every second."""
    import signal

    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    exit_with_parent(parent)


def exit_with_parent(parent: int) -> None:
    """Pool initializer: the worker exits within a second of its parent process. Without the
    kernel's signal, which fires when the parent *thread* that started the worker ends: right
    for a pool started in a thread that may end first (the web server's request threads)."""
    import os
    import threading
    import time

    if os.getppid() != parent:  # the parent died already
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="oogst-parent-watch", daemon=True).start()


def _harvest(text: str, lang: str, document_id: str):  # noqa: ANN202 — a Harvested
    from oogst.ingest import harvested

    return harvested(text, lang, document_id)


_STORES: dict[str, object] = {}  # a worker's read-only view of each store, opened once


def file_decisions(path: str, store_path: str, filters, lang: str | None = None,  # noqa: ANN001
                   lang_hint: str = "") -> list:
    """Run in a worker: read one file, decide each of its documents as ``oogst add`` does
    (filtered out, unchanged, or harvested here), for the main process to settle in order.

    The worker decides from a read-only view of the store (WAL lets it read while the main
    process writes; a hash it does not see yet only costs a harvest, and ``Store.put`` still
    finds the document unchanged)."""
    from dataclasses import replace
    from pathlib import Path

    from oogst.ingest import _Run, source_name
    from oogst.ingest.decision import Failure, ToHarvest
    from oogst.ingest.files import Failed, load_file
    from oogst.store import Store

    store = _STORES.get(store_path) or _STORES.setdefault(store_path, Store(store_path, readonly=True))
    run = _Run(store, filters, None, lang, lang_hint)  # type: ignore[arg-type]
    out: list = []
    for res in load_file(Path(path)):
        if isinstance(res, Failed):
            out.append(Failure(source_name(res.source), res.reason))
            continue
        decision = run.decide(replace(res, source=source_name(res.source)))
        if isinstance(decision, ToHarvest):
            try:
                decision = replace(decision, harvest=_harvest(decision.doc.text, decision.doc.language,
                                                              decision.doc.id))
            except Exception as exc:  # noqa: BLE001 — the same reason as in the main process
                decision = Failure(decision.loaded.source, f"could not harvest the text ({type(exc).__name__}: {exc})")
        out.append(decision)
    return out


@dataclass
class Handle:
    """A call of ``fn(*args)`` sent to the pool (``future``), or to be made here when the pool
    is not used or broke: ``result()`` gives its value either way."""

    fn: Callable[..., Any]
    args: tuple
    pool: HarvestPool | None = None
    future: Future | None = None

    def result(self) -> Any:  # noqa: ANN401 — what fn returns
        if self.future is not None:
            try:
                return _settled(self.future, self.pool)  # type: ignore[arg-type]
            except BrokenProcessPool:
                self.pool.broken = True  # type: ignore[union-attr]
        return self.fn(*self.args)


POLL = 1.0  # seconds between looks at a pool whose answer is late


def _settled(future: Future, pool: HarvestPool) -> Any:  # noqa: ANN401 — what the call returns
    """``future.result()``, or BrokenProcessPool when the pool can no longer settle it. A worker
    killed while work is handed out can break the executor so that its manager thread ends
    without setting a future submitted in that moment (CPython 3.11): waiting on it would
    hang ``oogst add`` for ever."""
    while True:
        try:
            return future.result(timeout=POLL)
        except TimeoutError:
            if pool.lost():
                raise BrokenProcessPool("the pool stopped without answering") from None


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

    def submit(self, text: str, lang: str, document_id: str) -> Handle:
        """One text's harvest: ``result()`` is a ``Harvested``."""
        return self._submit(_harvest, (text, lang, document_id))

    def submit_file(self, path: str, store_path: str, filters, lang: str | None = None,  # noqa: ANN001
                    lang_hint: str = "") -> Handle:
        """A whole file (read, extract, decide, harvest): ``result()`` is what ``file_decisions`` gives."""
        return self._submit(file_decisions, (path, store_path, filters, lang, lang_hint))

    def _submit(self, fn: Callable[..., Any], args: tuple) -> Handle:
        if self.workers == 1 or self.broken:
            return Handle(fn, args)
        self._start()
        try:
            return Handle(fn, args, self, self._pool.submit(fn, *args))
        except BrokenProcessPool:
            self.broken = True
            return Handle(fn, args)

    def lost(self) -> bool:
        """Whether the executor is broken or its manager thread (which settles every future) has
        ended: then no pending future will be settled."""
        ex = self._pool
        if ex is None or getattr(ex, "_broken", False):
            return True
        manager = getattr(ex, "_executor_manager_thread", None)
        return manager is not None and not manager.is_alive()

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


__all__ = ["Handle", "HarvestPool", "exit_with_parent", "file_decisions"]
