"""`oogst add` on every core: the store it writes with a process pool is the one it writes in one
process, in the same order; a pool that loses a worker harvests the rest in this process."""
from __future__ import annotations

import os
import re
import signal
from pathlib import Path

from batch_corpus import write_corpus

from oogst.batch.pool import HarvestPool
from oogst.harvest import harvest
from oogst.ingest import Filters, add
from oogst.store import Store

_CANONICAL = re.compile(r'(<link rel="canonical" href=")([^"]+?)/?(")')


def _pages(folder: Path, demo_corpus: Path, n: int) -> None:
    folder.mkdir()
    corpus = sorted(demo_corpus.glob("*.html"))
    for i in range(n):
        src = corpus[i % len(corpus)]
        html = _CANONICAL.sub(lambda m: f"{m[1]}{m[2]}-{i:03d}/{m[3]}", src.read_text(encoding="utf-8"), count=1)
        (folder / f"{i:03d}-{src.name}").write_text(html, encoding="utf-8")
    (folder / "999-kapot.html").write_bytes(b"\x00\x01" * 500)


def _snapshot(path: Path):  # noqa: ANN202
    with Store(path) as st:
        return st.documents(), st.items(), [(r.url, r.status, r.error) for r in st.sources()]


def test_a_pool_writes_the_store_one_process_writes(tmp_path: Path, demo_corpus: Path) -> None:
    _pages(tmp_path / "pages", demo_corpus, 70)
    write_corpus(tmp_path / "corpus.jsonl", 90)
    sources = [str(tmp_path / "pages"), str(tmp_path / "corpus.jsonl")]
    events: dict[int, list] = {1: [], 2: []}
    summaries = {}
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as st:
            summaries[workers] = add(st, sources, workers=workers, filters=Filters.build(None, "2021", None, None),
                                     on_result=lambda s, st_, r, w=workers: events[w].append((s, st_, r)))
    assert _snapshot(tmp_path / "w1.db") == _snapshot(tmp_path / "w2.db")
    assert events[1] == events[2]  # the same outcomes in the same order
    one, two = summaries[1], summaries[2]
    assert (one.added, one.failed, one.skipped) == (two.added, two.failed, two.skipped)
    assert len(one.added) > 100 and one.skipped and len(one.failed) == 4
    with Store(tmp_path / "w2.db") as st:  # re-adding changes nothing, in the pool too
        again = add(st, sources, workers=2, filters=Filters.build(None, "2021", None, None))
    assert not again.added and not again.updated and again.unchanged == one.added
    assert _snapshot(tmp_path / "w2.db") == _snapshot(tmp_path / "w1.db")


def test_a_lost_worker_costs_no_document(tmp_path: Path) -> None:
    texts = [f"‘Begin klein,’ zegt wethouder Anna de Vries in bericht {i}." for i in range(40)]
    with HarvestPool(2) as pool:
        handles = [pool.submit(t, "nl", f"d{i}") for i, t in enumerate(texts[:20])]
        for proc in list(pool._pool._processes.values()):  # noqa: SLF001 — a worker dies (OOM killer, segfault)
            os.kill(proc.pid, signal.SIGKILL)
        handles += [pool.submit(t, "nl", f"d{i + 20}") for i, t in enumerate(texts[20:])]
        got = [h.result().items for h in handles]
        assert pool.broken  # the pool did break, and the fallback did the work
    assert got == [harvest(t, "nl", document_id=f"d{i}").items for i, t in enumerate(texts)]
    assert all(got)


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    """kill -9 of `oogst add` must not leave its pool's workers waiting forever."""
    import subprocess
    import sys

    script = tmp_path / "parent.py"
    script.write_text(
        "import os, sys, time\n"
        "from oogst.batch.pool import HarvestPool\n"
        "if __name__ == '__main__':\n"
        "    pool = HarvestPool(2)\n"
        "    pool.submit('‘Begin klein,’ zegt Anna de Vries.', 'nl', 'd').result()\n"
        "    print(' '.join(str(p) for p in pool._pool._processes), flush=True)\n"
        "    time.sleep(600)\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    pids = [int(p) for p in proc.stdout.readline().split()]
    assert len(pids) >= 1
    assert not _alive_after_kill(proc, pids)


def _alive_after_kill(proc, pids: list[int]) -> list[int]:  # noqa: ANN001
    """kill -9 of ``proc``; which of ``pids`` are still alive ten seconds later."""
    import time

    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in pids if _alive(p)]
    return alive


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def test_a_worker_reads_the_store_whose_path_holds_uri_characters(tmp_path: Path) -> None:
    """'#' and '?' in a store's path are part of the file name, not a URI's fragment or query."""
    from oogst.batch.pool import file_decisions
    from oogst.ingest.decision import ToHarvest, Unchanged

    folder = tmp_path / "map #1?x=y"
    folder.mkdir()
    page = folder / "stuk.md"
    page.write_text("---\ntitle: Stuk\nlang: nl\n---\n‘Begin klein,’ zegt wethouder Anna de Vries.\n", encoding="utf-8")
    other = folder / "ander.md"
    other.write_text("---\ntitle: Ander\nlang: nl\n---\n‘Durf te leren,’ zegt Fenna Hoekstra.\n", encoding="utf-8")
    (tmp_path / "map ").mkdir()  # where an unescaped URI would lead: an empty store of another name
    store = folder / "s#1?.db"
    with Store(store) as st:
        add(st, [str(page)])
    assert [type(d) for d in file_decisions(str(page), str(store), Filters())] == [Unchanged]
    assert [type(d) for d in file_decisions(str(other), str(store), Filters())] == [ToHarvest]


def test_a_future_the_broken_pool_never_settles_falls_back(monkeypatch) -> None:  # noqa: ANN001
    """A worker killed while work is handed out can end the executor's manager thread without
    settling a future submitted in that moment (seen once in a loaded test run, which then hung):
    the handle must notice and harvest here instead of waiting for ever."""
    import threading
    from concurrent.futures import Future

    from oogst.batch import pool as pool_mod

    monkeypatch.setattr(pool_mod, "POLL", 0.01)
    ended = threading.Thread(target=lambda: None)
    ended.start()
    ended.join()

    class Executor:  # what a ProcessPoolExecutor looks like after such a break
        _broken = False
        _executor_manager_thread = ended

    pool = HarvestPool(2)
    pool._pool = Executor()  # type: ignore[assignment]  # noqa: SLF001
    text = "‘Begin klein,’ zegt wethouder Anna de Vries."
    handle = pool_mod.Handle(pool_mod._harvest, (text, "nl", "d1"), pool, Future())  # noqa: SLF001
    assert handle.result().items == harvest(text, "nl", document_id="d1").items
    assert pool.broken
    pool._pool = None  # noqa: SLF001 — nothing to shut down


def test_the_web_digest_worker_dies_with_a_killed_server(tmp_path: Path) -> None:
    """kill -9 of `oogst web` must not leave the worker that makes its digests waiting for ever
    (each killed server left one behind, 135 MB each). The pool is started from another thread,
    which ends first, as a request thread may: the worker must outlive that thread."""
    import subprocess
    import sys

    script = tmp_path / "server.py"
    script.write_text(
        "import os, threading, time\n"
        "from oogst.web import workspace\n"
        "if __name__ == '__main__':\n"
        "    got = []\n"
        "    t = threading.Thread(target=lambda: got.append(workspace._worker_pool()))\n"
        "    t.start(); t.join()\n"
        "    pool = got[0]\n"
        "    assert pool.submit(os.getpid).result() != os.getpid()\n"
        "    time.sleep(0.3)  # the starting thread has ended: the worker is still there\n"
        "    assert pool.submit(sum, [1, 2]).result() == 3\n"
        "    print(' '.join(str(p) for p in pool._processes), flush=True)\n"
        "    time.sleep(600)\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    pids = [int(p) for p in proc.stdout.readline().split()]
    assert len(pids) == 1
    assert not _alive_after_kill(proc, pids)
