"""Ingestion in the background: one worker thread, jobs in order, progress anyone can read.

A job opens its own store connection in the worker thread (SQLite connections stay in the
thread that made them) and calls ``oogst.ingest.add``; every result is recorded as an event.
"""
from __future__ import annotations

import itertools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from oogst.errors import OogstError
from oogst.ingest import add
from oogst.ingest.filters import Filters
from oogst.ingest.policy import FetchPolicy
from oogst.store import Store

State = Literal["queued", "running", "done", "failed"]
KEEP_JOBS = 30
STATUSES = ("added", "updated", "unchanged", "skipped", "failed", "listed")


@dataclass(frozen=True, slots=True)
class Event:
    source: str
    status: str  # added, updated, unchanged, skipped, failed, listed (a sitemap or feed read)
    reason: str | None


class Stopped(Exception):
    """Raised from a progress callback when the server stops: ``add`` ends after the current source."""


@dataclass
class Job:
    id: int
    label: str
    state: State = "queued"
    total: int = 0
    events: list[Event] = field(default_factory=list)
    refused: list[Event] = field(default_factory=list)  # refused before ingestion (bad URL, upload)
    error: str | None = None
    started: float = field(default_factory=time.time)
    finished: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    stop: threading.Event = field(default_factory=threading.Event, repr=False)

    def found(self, n: int) -> None:
        with self.lock:
            self.total += n

    def record(self, source: str, status: str, reason: str | None) -> None:
        with self.lock:
            self.events.append(Event(source, status, reason))
        if self.stop.is_set():  # every stored source is committed: stopping here loses nothing
            raise Stopped

    def snapshot(self) -> dict[str, Any]:
        """A consistent copy for a page or the progress endpoint."""
        with self.lock:
            events = list(self.refused) + list(self.events)
            done = sum(1 for e in self.events if e.status != "listed")
            counts = {s: sum(1 for e in events if e.status == s) for s in STATUSES}
            return {"id": self.id, "label": self.label, "state": self.state, "total": max(self.total, done),
                    "done": done, "counts": counts, "error": self.error,
                    "events": [{"source": e.source, "status": e.status, "reason": e.reason} for e in events],
                    "finished": self.state in ("done", "failed")}


class Jobs:
    """The jobs of this server process, newest last; the oldest finished ones are forgotten."""

    def __init__(self, store: Path, on_done: Callable[[], None] | None = None) -> None:
        self.store, self.on_done = store, on_done
        self._pool = ThreadPoolExecutor(1, "oogst-ingest")
        self._jobs: OrderedDict[int, Job] = OrderedDict()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def start(self, label: str, sources: list[str], filters: Filters, policy: FetchPolicy,
              refused: list[Event] | None = None) -> Job:
        job = Job(next(self._ids), label, refused=list(refused or []))
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                oldest = next(iter(self._jobs.values()))
                if not oldest.snapshot()["finished"]:
                    break
                self._jobs.popitem(last=False)
        if sources:
            self._pool.submit(self._run, job, sources, filters, policy)
        else:
            job.state, job.finished = "done", time.time()
        return job

    def get(self, job_id: int) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def recent(self) -> list[Job]:
        with self._lock:
            return list(reversed(self._jobs.values()))

    def busy(self) -> bool:
        return any(not j.snapshot()["finished"] for j in self.recent())

    def _run(self, job: Job, sources: list[str], filters: Filters, policy: FetchPolicy) -> None:
        job.state = "running"
        try:
            with Store(self.store) as store:
                add(store, sources, filters=filters, policy=policy, on_result=job.record, on_found=job.found)
            job.state = "done"
        except Stopped:
            job.error, job.state = "stopped: the server was shut down; add the sources again for the rest", "failed"
        except OogstError as exc:
            job.error, job.state = str(exc), "failed"
        except Exception as exc:  # the worker must outlive one bad job  # noqa: BLE001
            job.error, job.state = f"unexpected error ({type(exc).__name__}: {exc})", "failed"
        finally:
            job.finished = time.time()
            if self.on_done:
                self.on_done()

    def shutdown(self) -> None:
        """Stop a running job after its current source, and drop the queued ones."""
        for job in self.recent():
            job.stop.set()
        self._pool.shutdown(wait=False, cancel_futures=True)


__all__ = ["Event", "Job", "Jobs", "Stopped"]
