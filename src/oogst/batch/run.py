"""Run a batch harvest on Dask: partitions out to the workers, Arrow tables back, Parquet on disk.

The client (this process) reads the input, sends each partition to a worker and writes what
comes back: it is the only writer. At most a few partitions per worker thread are in flight,
so memory stays flat however large the corpus. Without a scheduler address the run starts a
local cluster of processes, one per core; with one it uses that cluster. The rows are the same
either way, because each partition's harvest is a pure function of its records.
"""
from __future__ import annotations

import logging
import os
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from oogst import lang as languages
from oogst.batch import read
from oogst.batch.output import TABLES, HarvestOutput, _dir, part_name
from oogst.errors import InputError, LanguageError, OogstError
from oogst.models import ITEM_KINDS

DEFAULT_PARTITION_DOCS = 500
DEFAULT_PARTITION_BYTES = 8 * 1024 * 1024
DEFAULT_TIME_LIMIT = 120.0  # seconds for one document's harvest
# Dask keeps its last N messages of each connection (and N scheduler events and transitions) for
# debugging, 1,000 by default: every partition under 1 MB sent to the scheduler stays in the
# client, and its copy in the in-process scheduler of a local cluster, so memory grew with the
# corpus (10 k → 100 k documents: client 253 → 855 MB). Kept to a few, memory stays flat.
DASK_LOG_LENGTH = 16


class BatchError(OogstError):
    """The cluster cannot be reached or cannot run oogst."""


@dataclass(frozen=True, slots=True)
class ClusterInfo:
    scheduler: str
    workers: int
    threads: int
    dashboard: str | None
    local: bool


@dataclass(frozen=True, slots=True)
class Progress:
    documents: int  # read so far (harvested or failed), with those of partitions done earlier
    total: int | None  # documents in the input, when known without unpacking
    items: int
    failed: int


@dataclass
class BatchSummary:
    out: Path
    partitions: int = 0
    resumed: int = 0  # partitions done by an earlier run and kept
    documents: int = 0  # harvested, in the whole output
    items: int = 0
    failed: int = 0  # documents that failed, in the whole output
    failures: list[tuple[str, str]] = field(default_factory=list)  # of this run, the first ones
    failed_partitions: list[tuple[int, str]] = field(default_factory=list)  # not written: run again
    seconds: float = 0.0
    cluster: ClusterInfo | None = None

    @property
    def complete(self) -> bool:
        return not self.failed_partitions


def _connect(scheduler: str | None, workers: int | None, connect_timeout: float):  # noqa: ANN202
    import dask
    import distributed  # noqa: F401 — loads its config defaults, which the set below must not hide

    with dask.config.set({"distributed.admin.low-level-log-length": DASK_LOG_LENGTH}):
        return _connect_with(scheduler, workers, connect_timeout)


def _connect_with(scheduler: str | None, workers: int | None, connect_timeout: float):  # noqa: ANN202
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=connect_timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise BatchError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
                             "'dask scheduler' and a worker with 'dask worker ADDRESS'") from None
        try:
            client.wait_for_workers(1, timeout=connect_timeout)
        except (OSError, TimeoutError) as exc:
            client.close()
            raise BatchError(f"the Dask scheduler at {scheduler} has no workers ({exc}); start one with "
                             f"'dask worker {scheduler}'") from None
        return client, None
    n = workers or os.cpu_count() or 1
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address="127.0.0.1:0",  # a free port, never another run's 8787
                           silence_logs=logging.ERROR)
    return Client(cluster, set_as_default=False), cluster


def _info(client, local: bool) -> ClusterInfo:  # noqa: ANN001
    import inspect

    from oogst.batch.work import has_dashboard

    every = {"n_workers": -1} if "n_workers" in inspect.signature(client.scheduler_info).parameters else {}
    workers = client.scheduler_info(**every)["workers"]
    threads = sum(int(w.get("nthreads", 1)) for w in workers.values())
    try:  # the scheduler names a dashboard port even when it could not start one (no bokeh)
        dashboard = client.dashboard_link if client.run_on_scheduler(has_dashboard) else None
    except Exception:  # noqa: BLE001 — no dashboard is no error
        dashboard = None
    return ClusterInfo(client.scheduler.address, len(workers), threads, dashboard, local)


def _probe(client) -> None:  # noqa: ANN001
    from oogst import __version__
    from oogst.batch.work import probe

    try:
        versions = client.run(probe)
    except Exception as exc:  # noqa: BLE001 — whatever a worker raised, the message says what to do
        raise BatchError(f"the Dask workers cannot run oogst ({type(exc).__name__}: {exc}); install oogst "
                         "and pyarrow on every worker") from None
    other = {v for v in versions.values() if v != __version__}
    if other:
        raise BatchError(f"the Dask workers run oogst {', '.join(sorted(other))}, this is {__version__}; "
                         "install the same version everywhere")


def _rows(root: Path, table: str, indexes: Iterable[int]) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(_dir(root, table) / part_name(i)).metadata.num_rows for i in indexes)


def harvest_batch(sources: Sequence[str], out: Path, *, scheduler: str | None = None, workers: int | None = None,
                  lang: str = "auto", kinds: Sequence[str] = ITEM_KINDS,
                  partition_docs: int = DEFAULT_PARTITION_DOCS, partition_bytes: int = DEFAULT_PARTITION_BYTES,
                  time_limit: float | None = DEFAULT_TIME_LIMIT, fresh: bool = False,
                  connect_timeout: float = 30.0,
                  on_start: Callable[[ClusterInfo], None] | None = None,
                  on_progress: Callable[[Progress], None] | None = None) -> BatchSummary:
    """Harvest every document of ``sources`` into the Parquet folder ``out``, on Dask.

    A run that finds ``out`` holding an unfinished harvest of the same input and options
    keeps the partitions already written and does the rest. ``fresh`` starts over instead.
    """
    if lang != "auto":  # the one rule of oogst.lang: "NL" and "nl-BE" are nl, "fr" is no language of ours
        if not languages.known(lang):
            raise LanguageError(f"{languages.unknown_language(lang)} (or auto)")
        lang = languages.get(lang).code
    kinds = tuple(kinds)
    bad = [k for k in kinds if k not in ITEM_KINDS]
    if bad or not kinds:
        raise InputError(f"unknown kind {', '.join(bad) or '(none)'}; choose from {', '.join(ITEM_KINDS)}")
    if partition_docs < 1 or partition_bytes < 1:
        raise InputError("a partition holds at least one document")
    if not sources:
        raise InputError("nothing to harvest: give one or more JSONL, Parquet or document files or folders")
    started = time.monotonic()
    files = read.expand(sources)
    total = read.count(files)
    if total:  # a small corpus still fills every core: at least 32 partitions (of 10 or more)
        partition_docs = min(partition_docs, max(10, -(-total // 32)))
    settings = {"input": read.fingerprint(files), "lang": lang, "kinds": list(kinds),
                "partition_docs": partition_docs, "partition_bytes": partition_bytes,
                "max_doc_bytes": read.MAX_DOC_BYTES}
    output = HarvestOutput(out, settings, fresh=fresh)
    summary = BatchSummary(out)

    if output.complete:  # nothing left to do: no cluster to start
        summary.partitions = summary.resumed = len(output.done)
        return _totals(summary, output, started)
    client, cluster = _connect(scheduler, workers, connect_timeout)
    try:
        _probe(client)
        summary.cluster = info = _info(client, cluster is not None)
        if on_start:
            on_start(info)
        _drive(client, info, output, files, summary, total, lang, kinds, partition_docs, partition_bytes,
               time_limit, on_progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    _totals(summary, output, started)
    output.finish(summary.partitions, documents=summary.documents, items=summary.items, failures=summary.failed)
    return summary


def _totals(summary: BatchSummary, output: HarvestOutput, started: float) -> BatchSummary:
    done = sorted(output.done)
    summary.documents = _rows(output.root, "documents", done)
    summary.items = _rows(output.root, "items", done)
    summary.failed = _rows(output.root, "failures", done)
    summary.failures.sort()
    summary.seconds = time.monotonic() - started
    return summary


def _drive(client, info: ClusterInfo, output: HarvestOutput, files, summary: BatchSummary,  # noqa: ANN001, PLR0913, C901
           total: int | None, lang: str, kinds: tuple[str, ...], partition_docs: int, partition_bytes: int,
           time_limit: float | None, on_progress: Callable[[Progress], None] | None) -> None:
    from distributed import KilledWorker, as_completed

    from oogst.batch.work import harvest_partition, schemas

    parts = read.partitions(read.records(files), partition_docs, partition_bytes)
    limit = max(2, 2 * info.threads + 1)  # enough to keep every worker busy, few enough to stay flat
    pending: dict = {}  # future key -> (partition index, record number or None for the whole, records)
    tries: dict[tuple[int, int], int] = {}  # a record run alone: how often its worker died
    split: dict[int, list] = {}  # partition index -> each record's result, while it runs record by record
    queue = as_completed(loop=client.loop)
    counts = {"documents": 0, "items": 0, "failed": 0}
    run_id = os.urandom(4).hex()

    def report() -> None:
        if on_progress:
            on_progress(Progress(counts["documents"], total, counts["items"], counts["failed"]))

    def submit(index: int, sub: int | None, records: tuple) -> None:
        key = f"oogst-harvest-{run_id}-{index}" + ("" if sub is None else f"-{sub}-{tries.get((index, sub), 0)}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "large graph": a partition is bounded, and sent once
            fut = client.submit(harvest_partition, index, records, lang, kinds, time_limit, pure=False, retries=1,
                                key=key)
        pending[fut.key] = (index, sub, records)
        queue.add(fut)

    def feed() -> bool:
        for part in parts:
            summary.partitions = part.index + 1
            if part.index in output.done:
                summary.resumed += 1
                counts["documents"] += len(part.records)
                report()
                continue
            part = read.materialize(part)
            submit(part.index, None, part.records)
            return True
        return False

    def died(records: tuple, exc: BaseException) -> dict:
        """A record whose harvest killed its worker every time (a crash, memory): a failure row."""
        import pyarrow as pa

        sch = schemas()
        reason = f"the worker process died while harvesting it ({type(exc).__name__}); the document was skipped"
        return {"items": sch["items"].empty_table(), "documents": sch["documents"].empty_table(),
                "failures": pa.table({"source": [r.source for r in records], "reason": [reason] * len(records)},
                                     schema=sch["failures"])}

    def written(index: int, result: dict, n: int) -> None:
        output.write(index, result)
        fails = result["failures"]
        counts["documents"] += n
        counts["items"] += result["items"].num_rows
        counts["failed"] += fails.num_rows
        room = 50 - len(summary.failures)
        if room > 0 and fails.num_rows:
            summary.failures.extend(zip(fails.column("source").to_pylist()[:room],
                                        fails.column("reason").to_pylist()[:room]))

    for _ in range(limit):
        if not feed():
            break
    report()
    for fut in queue:
        index, sub, records = pending.pop(fut.key)
        try:
            result = fut.result()
        except KilledWorker as exc:
            if sub is None and len(records) > 1:
                # one document may be what kills the workers: run the partition record by record,
                # so that it alone is skipped and the batch goes on
                split[index] = [None] * len(records)
                for j, rec in enumerate(records):
                    submit(index, j, (rec,))
                fut.release()
                continue
            if tries.get((index, sub or 0), 0) < 1:
                # a worker may die of another task while this one waits on it: once more, alone
                tries[(index, sub or 0)] = tries.get((index, sub or 0), 0) + 1
                if sub is None:  # a partition of one record: it goes on as that record
                    split[index] = [None]
                submit(index, 0 if sub is None else sub, records)
                fut.release()
                continue
            result = died(records, exc)
        except Exception as exc:  # noqa: BLE001 — a lost partition is reported, the others go on
            summary.failed_partitions.append((index, f"{type(exc).__name__}: {exc}"))
            counts["documents"] += len(split.pop(index, records))
            fut.release()
            report()
            feed()
            continue
        fut.release()
        if sub is None:
            written(index, result, len(records))
        elif index in split:
            split[index][sub] = result
            if all(r is not None for r in split[index]):
                import pyarrow as pa

                pieces = split.pop(index)
                written(index, {t: pa.concat_tables([p[t] for p in pieces]) for t in TABLES}, len(pieces))
            else:
                continue
        report()
        feed()


__all__ = ["DEFAULT_PARTITION_BYTES", "DEFAULT_PARTITION_DOCS", "DEFAULT_TIME_LIMIT", "BatchError",
           "BatchSummary", "ClusterInfo", "Progress", "harvest_batch", "TABLES"]
