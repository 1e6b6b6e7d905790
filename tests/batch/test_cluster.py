"""The batch harvest on a real Dask cluster of two worker processes on 127.0.0.1.

One cluster serves the whole module (a start costs seconds on this machine). Local and cluster
runs give the same rows; a run killed mid-way and resumed writes no row twice; bad documents
are recorded and the batch goes on; the result loads into a store exactly as `oogst add` of the
same corpus would have written it.
"""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_corpus import write_corpus
from typer.testing import CliRunner

from oogst.batch import BatchError, harvest_batch, load_into, read_harvest
from oogst.batch.output import partitions_done
from oogst.cli import app
from oogst.errors import InputError
from oogst.store import Store

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():  # noqa: ANN201
    from distributed import LocalCluster

    import dask

    # a task whose worker died twice is given up (KilledWorker): the default (3) costs more restarts
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                         dashboard_address=None, silence_logs=logging.ERROR)
    yield c
    c.close()


def _table(out: Path, name: str = "") -> pa.Table:
    return pq.read_table(out / name if name else out)


def _rows(out: Path) -> dict[str, list[dict]]:
    return {"items": _table(out).to_pylist(), "documents": _table(out, "_documents").to_pylist(),
            "failures": _table(out, "_failures").to_pylist()}


def _reference(corpus: Path) -> dict[str, list[dict]]:
    """The rows of the worker function over the whole corpus in this process: what any run,
    however cut into partitions and on whatever cluster, must write."""
    from oogst.batch import read
    from oogst.batch.work import harvest_partition

    records = read.materialize(read.Partition(0, tuple(read.records(read.expand([str(corpus)]))))).records
    res = harvest_partition(0, records)
    return {name: res[name].to_pylist() for name in ("items", "documents", "failures")}


def test_cluster_rows_equal_local_rows(tmp_path: Path, corpus: Path, cluster) -> None:  # noqa: ANN001
    on_cluster = harvest_batch([str(corpus)], tmp_path / "c.parquet", scheduler=cluster.scheduler_address,
                               partition_docs=30)
    local = harvest_batch([str(corpus)], tmp_path / "l.parquet", workers=1, partition_docs=30)
    assert on_cluster.cluster.workers == 2 and not on_cluster.cluster.local and local.cluster.local
    a, b = _rows(tmp_path / "c.parquet"), _rows(tmp_path / "l.parquet")
    assert a == b == _reference(corpus)
    assert len(a["documents"]) == on_cluster.documents == 240 and len(a["items"]) == on_cluster.items > 600
    # bad documents are recorded with their reason, and the batch went on around them
    assert [f["source"].rsplit(":", 1)[1] for f in a["failures"]] == ["6", "46", "86"]
    assert on_cluster.partitions == 25 and on_cluster.complete  # 243 records: at least 32 partitions, of 10 at least
    # the items of both runs: one row per item, never one twice
    assert len({r["id"] for r in a["items"]}) == len(a["items"])


def test_a_killed_run_resumes_without_duplicates(tmp_path: Path, cluster) -> None:  # noqa: ANN001
    corpus = tmp_path / "big.jsonl"
    write_corpus(corpus, 600, seed=3)
    out = tmp_path / "run.parquet"
    cmd = [sys.executable, "-c", "from oogst.cli import main; main()", "harvest", str(corpus), "--out", str(out),
           "--scheduler", cluster.scheduler_address, "--partition-docs", "10"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and len(partitions_done(out)) >= 5:
            break
        time.sleep(0.01)
    assert proc.poll() is None, proc.stderr.read().decode()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_at_kill = len(partitions_done(out))
    assert 5 <= done_at_kill < 61  # 603 records in partitions of 10
    resumed = harvest_batch([str(corpus)], out, scheduler=cluster.scheduler_address, partition_docs=10)
    assert resumed.resumed >= done_at_kill and resumed.complete and resumed.partitions == 61
    assert _rows(out) == _reference(corpus)
    items = _table(out).to_pylist()
    assert len({r["id"] for r in items}) == len(items)
    assert not [p for p in out.rglob("*.tmp")]


def test_a_harvest_loads_into_the_store_as_oogst_add_would(tmp_path: Path, corpus: Path, cluster) -> None:  # noqa: ANN001
    out = tmp_path / "items.parquet"
    runner = CliRunner()
    res = runner.invoke(app, ["harvest", str(corpus), "--out", str(out), "--scheduler", cluster.scheduler_address,
                              "--partition-docs", "50"])
    assert res.exit_code == 0, res.output
    assert "harvested 240 documents" in res.output and "3 failed" in res.output
    res = runner.invoke(app, ["add", str(out), "--store", str(tmp_path / "h.db")])
    assert res.exit_code == 3, res.output  # the documented code for "some sources failed"
    assert "added 240, updated 0, unchanged 0, failed 3," in res.output
    res = runner.invoke(app, ["add", str(corpus), "--store", str(tmp_path / "a.db")])
    assert res.exit_code == 3, res.output
    with Store(tmp_path / "h.db") as h, Store(tmp_path / "a.db") as a:
        assert h.documents() == a.documents()
        assert h.items() == a.items()
        words = "SELECT * FROM document_words ORDER BY document_id"  # what a digest reads, counted once
        assert h.db.execute(words).fetchall() == a.db.execute(words).fetchall() != []
        assert [(r.url, r.status, r.error, r.items) for r in h.sources()] == \
            [(r.url, r.status, r.error, r.items) for r in a.sources()]
    res = runner.invoke(app, ["add", str(out), "--store", str(tmp_path / "h.db")])
    assert "added 0, updated 0, unchanged 240," in res.output
    res = runner.invoke(app, ["candidates", "--topic", "samenwerken", "--period", "2020..2025",
                              "--store", str(tmp_path / "h.db"), "--format", "json"])
    assert res.exit_code == 0 and '"Samenwerken met de provincie' in res.output


def test_folders_parquet_and_gzip_inputs(tmp_path: Path, demo_corpus: Path, cluster) -> None:  # noqa: ANN001
    rows = write_corpus(tmp_path / "a.jsonl.gz", 40, bad=False)
    pq.write_table(pa.table({k: [r.get(k) for r in rows] for k in ("url", "text", "title", "published")}),
                   tmp_path / "b.parquet")
    folder = tmp_path / "html"
    folder.mkdir()
    for p in sorted(demo_corpus.glob("*.html"))[:4]:
        (folder / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "o.parquet"
    s = harvest_batch([str(tmp_path / "a.jsonl.gz"), str(tmp_path / "b.parquet"), str(folder)], out,
                      scheduler=cluster.scheduler_address, partition_docs=25)
    assert s.documents == 84 and s.failed == 0
    docs = list(read_harvest(out))
    gz, pqt, html = docs[:40], docs[40:80], docs[80:]
    assert [e.doc.url for e in gz] == [e.doc.url for e in pqt] == [r["url"] for r in rows]
    assert [e.items for e in gz] == [e.items for e in pqt]  # English rows lose only their lang hint: same items
    assert all(e.doc.url.startswith("https://") for e in html) and all(e.items for e in html)


def test_other_input_or_options_are_refused_until_fresh(tmp_path: Path, corpus: Path, cluster) -> None:  # noqa: ANN001
    out = tmp_path / "o.parquet"
    harvest_batch([str(corpus)], out, scheduler=cluster.scheduler_address, partition_docs=100, kinds=["quote"])
    with pytest.raises(InputError, match="other input or options"):
        harvest_batch([str(corpus)], out, scheduler=cluster.scheduler_address, partition_docs=100)
    again = harvest_batch([str(corpus)], out, scheduler=cluster.scheduler_address, partition_docs=100, fresh=True)
    assert again.resumed == 0 and {r["kind"] for r in _table(out).to_pylist()} > {"quote"}
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.txt").write_text("iets", encoding="utf-8")
    with pytest.raises(InputError, match="not an oogst harvest"):
        harvest_batch([str(corpus)], tmp_path / "other", scheduler=cluster.scheduler_address)
    with Store(tmp_path / "s.db") as st, pytest.raises(InputError, match="not an oogst harvest"):
        load_into(st, tmp_path / "other")


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path, corpus: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(BatchError, match="cannot reach the Dask scheduler"):
        harvest_batch([str(corpus)], tmp_path / "o.parquet", scheduler=f"tcp://127.0.0.1:{port}",
                      connect_timeout=2)


def test_a_lost_worker_costs_no_row(tmp_path: Path, cluster) -> None:  # noqa: ANN001
    """A worker process killed mid-run (its nanny starts a new one): Dask runs its partitions
    again elsewhere, and the output is the one an undisturbed run writes."""
    import threading

    from distributed import Client

    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 300, seed=11)
    out = tmp_path / "run.parquet"
    result: dict = {}
    run = threading.Thread(target=lambda: result.setdefault("s", harvest_batch(
        [str(corpus)], out, scheduler=cluster.scheduler_address, partition_docs=10)))
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        pids = client.run(os.getpid)
        run.start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (out.is_dir() and len(partitions_done(out)) >= 3):
            time.sleep(0.01)
        assert run.is_alive(), "the run ended before a worker could be killed"
        os.kill(next(iter(pids.values())), signal.SIGKILL)
        run.join(120)
        client.wait_for_workers(2, timeout=60)  # the nanny's new worker, for the tests after this one
    assert result["s"].complete and not result["s"].failed_partitions
    assert _rows(out) == _reference(corpus)


POISON = "DIT DOCUMENT LAAT DE WERKER VALLEN"


class _Poison(distributed.WorkerPlugin):
    """Makes every worker (also one a nanny starts anew) die on one marked document, as a
    crash in a parser or the OOM killer would."""

    name = "oogst-test-poison"

    def setup(self, worker) -> None:  # noqa: ANN001
        import os as _os

        import oogst.harvest

        real = oogst.harvest.harvest

        def harvest(text, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
            if POISON in text:
                _os._exit(1)
            return real(text, *a, **kw)

        oogst.harvest.harvest = harvest


def test_a_document_that_kills_workers_is_skipped_and_the_batch_goes_on(tmp_path: Path) -> None:
    """Its partition is run again record by record; the record that kills its worker twice is
    recorded as a failure, every other one is harvested. (A cluster of its own: its workers die.)"""
    import json

    import dask
    from distributed import Client, LocalCluster

    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 20, bad=False, seed=5)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(4, json.dumps({"url": "https://x.example/gif", "text": f"{POISON}. ‘Au,’ zegt Piet."}) + "\n")
    corpus.write_text("".join(lines), encoding="utf-8")
    # one task on a worker at a time, given up at the first death: few restarts, and none of
    # them can take an innocent record along (the production defaults, 1.1 and 3, cost more
    # restarts, and the retry covers them)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0,
                          "distributed.scheduler.worker-saturation": 1.0}):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=logging.ERROR)
    try:
        with Client(cluster.scheduler_address, set_as_default=False) as client:
            client.register_plugin(_Poison())
            s = harvest_batch([str(corpus)], tmp_path / "o.parquet", scheduler=cluster.scheduler_address,
                              partition_docs=10)
    finally:
        cluster.close()
    assert s.complete and s.documents == 20 and s.failed == 1
    assert s.failures == [(f"{corpus}:5", "the worker process died while harvesting it (KilledWorker); "
                                          "the document was skipped")]
    rows = _rows(tmp_path / "o.parquet")
    good = _reference(corpus)
    assert [d["url"] for d in rows["documents"]] == [d["url"] for d in good["documents"]
                                                     if d["url"] != "https://x.example/gif"]


def test_the_client_keeps_few_messages_so_memory_stays_flat(cluster) -> None:  # noqa: ANN001
    # Dask logs each connection's last 1,000 messages: every partition sent stayed in the client
    # (10 k → 100 k documents: 253 → 855 MB). The run keeps a few; Dask's own config survives.
    import dask

    from oogst.batch import run

    client, local = run._connect(cluster.scheduler_address, None, 30.0)
    try:
        assert local is None
        assert client.scheduler_comm.recent_message_log.maxlen == run.DASK_LOG_LENGTH
    finally:
        client.close()
    assert dask.config.get("distributed.admin.low-level-log-length") == 1000
    assert dask.config.get("distributed.deploy.lost-worker-timeout")
