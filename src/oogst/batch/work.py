"""What a worker does with one partition: read each record, harvest it, return Arrow tables.

``harvest_partition`` is the function Dask sends to workers. It is pure in effect (records in,
tables out, nothing written), so a task that runs twice — a lost worker, a resumed run —
gives the same rows. Each document is read by the same rules as ``oogst add`` and harvested by
``oogst.harvest.harvest``; one that cannot be read or harvested, whose language cannot be told
(or is one no pack has), or that runs past the time limit becomes a failure row with the reason,
and the partition goes on.

oogst's modules are imported inside the function: the worker unpickles this module before
anything else, and importing the harvester at module level here closes an import cycle
(``oogst.ingest`` → ``oogst.store`` → …) while the package is half-initialised.
"""
from __future__ import annotations

import ctypes
import os
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from oogst.batch.read import Record
from oogst.errors import InputError, LanguageError

T = TypeVar("T")

def schemas():  # noqa: ANN201 — pyarrow is imported lazily
    """The three tables' Arrow schemas; their names are the columns, in order. A document's
    ``notes`` say what the harvest left out of it (a cap: ``oogst.ingest.cuts``)."""
    import pyarrow as pa

    s, i64 = pa.string(), pa.int64()
    items = pa.schema([("url", s), ("title", s), ("published", s), ("lang", s), ("kind", s), ("text", s),
                       ("start", i64), ("end", i64), ("speaker", s), ("speaker_role", s), ("organisation", s),
                       ("cue", s), ("confidence", pa.float64()), ("nested", pa.bool_()), ("document_id", s),
                       ("id", s)])
    documents = pa.schema([("document_id", s), ("url", s), ("title", s), ("published", s), ("lang", s),
                           ("text", s), ("source_kind", s), ("author", s), ("source", s), ("items", i64),
                           ("notes", pa.list_(s))])
    failures = pa.schema([("source", s), ("reason", s)])
    return {"items": items, "documents": documents, "failures": failures}


class DocumentTimeout(Exception):
    """A document's harvest ran past the time limit."""


class _Interrupt(BaseException):
    """Raised inside the harvesting thread by the watchdog; BaseException, so that no
    ``except Exception`` in the harvester swallows it."""


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    _set_async_exc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else ctypes.py_object())


class TimeLimit:
    """Stops a call that runs longer than ``seconds``, in the calling thread.

    Dask runs tasks in worker threads, where signals cannot reach; so one watchdog thread
    raises an exception in the harvesting thread (CPython's ``PyThreadState_SetAsyncExc``)
    when the deadline passes. It takes effect at the next Python step: a single long regular
    expression search finishes first. The handshake (``armed`` / ``firing``) guarantees that an
    interrupt never escapes the call it was aimed at.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds if seconds and seconds > 0 else None
        self.cond = threading.Condition()
        self.armed = self.firing = self.stopped = False
        self.deadline = 0.0
        self.thread_id = 0
        self._watchdog: threading.Thread | None = None

    def __enter__(self) -> TimeLimit:
        if self.seconds:
            self._watchdog = threading.Thread(target=self._watch, name="oogst-time-limit", daemon=True)
            self._watchdog.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self.cond:
            self.stopped = True
            self.cond.notify()
        if self._watchdog:
            self._watchdog.join()

    def _watch(self) -> None:
        with self.cond:
            while not self.stopped:
                if not self.armed:
                    self.cond.wait()
                    continue
                remaining = self.deadline - time.monotonic()
                if remaining > 0:
                    self.cond.wait(remaining)
                    continue
                self.firing = True  # before looking at `armed`: see _disarm
                if self.armed:
                    self.armed = False
                    _raise_in(self.thread_id, _Interrupt)
                self.firing = False

    def _disarm(self) -> None:
        self.armed = False
        while True:
            try:
                while self.firing:
                    time.sleep(0.0005)
                _raise_in(self.thread_id, None)  # an interrupt set but not yet raised is dropped
                return
            except _Interrupt:  # it arrived while we waited: it is spent
                continue

    def run(self, fn: Callable[[], T]) -> T:
        if not self.seconds:
            return fn()
        with self.cond:
            self.thread_id = threading.get_ident()
            self.deadline = time.monotonic() + self.seconds
            self.armed = True
            self.cond.notify()
        try:
            result = fn()
            self._disarm()
            return result
        except _Interrupt:
            self._disarm()
            raise DocumentTimeout(f"the harvest took longer than {self.seconds:g} s; the document was skipped") from None


def _load(rec: Record, tmp: str):  # noqa: ANN202 — Loaded | Failed, imported lazily
    from dataclasses import replace
    from pathlib import Path

    from oogst.ingest.files import Failed, _jsonl_record, load_file

    if rec.form == "line":
        return _jsonl_record(str(rec.payload), rec.source)
    # the readers take a path: the bytes land under the file's own name (which may carry a
    # date, and is the title's fallback), in a folder of this task's own
    path = Path(tmp) / Path(rec.path).name
    path.write_bytes(rec.payload if isinstance(rec.payload, bytes) else b"")
    try:
        res = next(iter(load_file(path)), None)
    finally:
        path.unlink(missing_ok=True)
    if res is None:
        return Failed(rec.source, "the file holds no document")
    if isinstance(res, Failed):
        return Failed(rec.source, res.reason)
    return replace(res, source=rec.source, url=rec.url if res.url == path.resolve().as_uri() else res.url)


def harvest_partition(index: int, records: Sequence[Record], lang: str = "auto",
                      kinds: Sequence[str] | None = None, time_limit: float | None = 120.0) -> dict[str, object]:
    """Harvest one partition: ``{"index", "items", "documents", "failures", "seconds"}`` with
    three ``pyarrow.Table``s in the order of the records."""
    import pyarrow as pa

    from oogst.ingest import harvested, language_failure, scrub, source_name, to_document
    from oogst.ingest.files import Failed, unexpected
    from oogst.models import ITEM_KINDS

    wanted = tuple(kinds) if kinds else ITEM_KINDS
    started = time.monotonic()
    sch = schemas()
    items, docs, fails = ({c: [] for c in sch[t].names} for t in ("items", "documents", "failures"))

    def fail(source: str, reason: str) -> None:  # a lone surrogate would stop Arrow: kept visible instead
        fails["source"].append(source_name(source))
        fails["reason"].append(scrub(reason))

    with tempfile.TemporaryDirectory(prefix="oogst-batch-") as tmp, TimeLimit(time_limit) as limit:
        for rec in records:
            if rec.form == "failed":
                fail(rec.source, str(rec.payload))
                continue
            try:
                loaded = _load(rec, tmp)
            except InputError as exc:
                fail(rec.source, str(exc))
                continue
            except Exception as exc:  # a reader bug on one odd record must not end the batch  # noqa: BLE001
                fail(rec.source, unexpected(exc))
                continue
            if isinstance(loaded, Failed):
                fail(loaded.source, loaded.reason)
                continue
            try:  # --lang wins over the document's own language, and neither is detected over
                doc = to_document(loaded, lang if lang != "auto" else None)
            except LanguageError as exc:
                fail(rec.source, language_failure(exc, ", or choose one for every document with --lang"))
                continue
            try:
                found = limit.run(lambda: harvested(doc.text, doc.language, doc.id, kinds=wanted))  # noqa: B023
            except DocumentTimeout as exc:
                fail(rec.source, str(exc))
                continue
            except Exception as exc:  # a harvester bug on one odd text must not end the batch  # noqa: BLE001
                fail(rec.source, f"could not harvest the text ({type(exc).__name__}: {exc})")
                continue
            for c, v in zip(docs, (doc.id, doc.url, doc.title, doc.published, doc.language, doc.text,
                                   doc.source_kind, doc.author, source_name(rec.source), len(found.items),
                                   list(found.notes))):
                docs[c].append(v)
            for it in found.items:
                for c, v in zip(items, (doc.url, doc.title, doc.published, doc.language, it.kind, it.text,
                                        it.start, it.end, it.speaker, it.speaker_role, it.organisation,
                                        it.cue, it.confidence, it.nested, doc.id, it.id)):
                    items[c].append(v)
    return {"index": index,
            "items": pa.table(items, schema=sch["items"]),
            "documents": pa.table(docs, schema=sch["documents"]),
            "failures": pa.table(fails, schema=sch["failures"]),
            "seconds": time.monotonic() - started,
            "pid": os.getpid()}


def probe() -> str:
    """Run on a worker before the batch: it can import oogst and pyarrow (else the batch would
    fail partition by partition with the same error)."""
    import pyarrow  # noqa: F401

    import oogst
    from oogst.harvest import harvest  # noqa: F401

    return oogst.__version__


def has_dashboard() -> bool:
    """Run on the scheduler: does it serve a dashboard (which needs bokeh)?"""
    import importlib.util

    return importlib.util.find_spec("bokeh") is not None


__all__ = ["DocumentTimeout", "TimeLimit",
           "harvest_partition", "has_dashboard", "probe", "schemas"]
