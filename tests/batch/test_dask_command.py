"""The project's `dask` command starts a scheduler and a worker that `oogst harvest --scheduler`
uses; the rows equal those of the worker function run in this process over the whole corpus.
(Both processes are started and stopped here.)"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from oogst.cli import app

DASK = Path(sys.executable).with_name("dask")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the dask scheduler stopped"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the dask scheduler did not listen in time")


def test_dask_scheduler_and_worker_from_the_venv(tmp_path: Path, corpus: Path) -> None:
    assert DASK.exists() or shutil.which("dask"), "the dask command comes with dask[distributed]"
    dask = str(DASK if DASK.exists() else shutil.which("dask"))
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = None
    try:
        _wait_for_port(port, scheduler)
        worker = subprocess.Popen([dask, "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard",
                                   "--host", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # both workers registered before the run (on a busy machine the second one came late,
        # and the run, which waits for one, reported one)
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        runner = CliRunner()
        res = runner.invoke(app, ["harvest", str(corpus), "--out", str(tmp_path / "c.parquet"), "--scheduler", address])
        assert res.exit_code == 0, res.output
        assert f"cluster at {address}: 2 worker(s)" in res.output
    finally:
        for proc in (worker, scheduler):
            if proc is not None:
                proc.terminate()
        for proc in (worker, scheduler):
            if proc is not None:
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
    # the same rows as one worker function over the whole corpus in this process
    from oogst.batch import read
    from oogst.batch.work import harvest_partition

    records = read.materialize(read.Partition(0, tuple(read.records(read.expand([str(corpus)]))))).records
    reference = harvest_partition(0, records)
    for table, name in (("", "items"), ("_documents", "documents"), ("_failures", "failures")):
        got = pq.read_table(tmp_path / "c.parquet" / table).to_pylist()
        assert got and got == reference[name].to_pylist(), table
