"""Corpus scale: `oogst harvest` on Dask against a plain `harvest()` loop, in one run.

    python bench/harvest_scale.py                       # 10 k documents: loop, 1 worker, 2 workers
    python bench/harvest_scale.py --sizes 10000,100000  # and 100 k on 2 workers; 1 M estimated
    python bench/harvest_scale.py --add 1000            # also oogst add: one process against the pool

Documents are generated: paragraphs of our own texts (the demo corpus and the gold texts),
mixed at random into articles of 3–8 paragraphs (about 1.5 KB), each with its own URL, as one
JSONL corpus per size. Reported per run: documents/s, items, and the peak resident memory of
the whole process tree (this process, which reads and writes, plus every Dask worker), sampled
every 0.2 s with psutil, with the client's and the largest worker's peak beside it, and the CPU
time per document of the whole tree (robust where the wall clock is not: a busy machine).

Ratios, read within one run (the machine is shared and noisy):
- overhead: the plain loop (read a JSONL line, make the Document, `harvest()`, in one process)
  against the batch on one worker (reading, Dask, Arrow, Parquet on top of the same work);
- speed-up: two workers against one on the same corpus;
- flat memory: peak RSS at the largest size against the smallest, on two workers.
1 M documents is not run: its time and memory are extrapolated linearly from the two largest
sizes measured (documents/s stays, memory grows by the slope), and printed as an estimate.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import threading
import time
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _paragraphs() -> list[str]:
    from oogst.ingest import iter_sources
    from oogst.ingest.files import Loaded

    texts = [r.text for r in iter_sources([str(files("oogst") / "demo" / "corpus")], glob="*.html")
             if isinstance(r, Loaded)]
    for gold in (ROOT / "tests" / "gold" / "nl.jsonl", ROOT / "tests" / "gold" / "en.jsonl"):
        texts += [json.loads(line)["text"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    paras = [p.strip() for t in texts for p in re.split(r"\n\s*\n", t) if len(p.strip()) > 40]
    return paras


def make_corpus(path: Path, n: int, seed: int = 1) -> int:
    rnd = random.Random(seed)
    paras = _paragraphs()
    size = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = "\n\n".join(rnd.choice(paras) for _ in range(rnd.randint(3, 8)))
            line = json.dumps({"url": f"https://archief.example.org/{i:07d}", "title": f"Bericht {i}",
                               "published": f"20{15 + i % 11}-{1 + i % 12:02d}-{1 + i % 28:02d}", "text": text},
                              ensure_ascii=False)
            fh.write(line + "\n")
            size += len(line) + 1
    return size


class TreeRSS:
    """Peak RSS of this process plus all its descendants (the Dask nannies and workers)."""

    def __init__(self, every: float = 0.2) -> None:
        import psutil

        self.me = psutil.Process()
        self.every, self.peak, self.client_peak, self.worker_peak = every, 0, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        import psutil

        total = mine = self.me.memory_info().rss
        for child in self.me.children(recursive=True):
            try:
                rss = child.memory_info().rss
            except psutil.Error:
                continue
            total += rss
            self.worker_peak = max(self.worker_peak, rss)
        self.peak, self.client_peak = max(self.peak, total), max(self.client_peak, mine)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.every)

    def __enter__(self) -> TreeRSS:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


def _cpu() -> float:
    """CPU seconds of this process and of its children that have exited (Dask's, once closed)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def plain_loop(corpus: Path) -> dict[str, float]:
    from oogst.harvest import harvest
    from oogst.ingest import to_document
    from oogst.ingest.files import Loaded, load_jsonl

    n = items = 0
    cpu = _cpu()
    with TreeRSS() as rss:
        started = time.perf_counter()
        for loaded in load_jsonl(corpus):
            if isinstance(loaded, Loaded):
                doc = to_document(loaded)
                items += len(harvest(doc.text, doc.language, document_id=doc.id).items)
                n += 1
        seconds = time.perf_counter() - started
    return {"docs": n, "items": items, "seconds": seconds, "docs_per_s": n / seconds, "peak_mb": rss.peak / 2**20,
            "client_mb": rss.client_peak / 2**20, "worker_mb": 0.0, "cpu_ms": 1000 * (_cpu() - cpu) / n}


def _tree_cpu() -> float:
    """CPU seconds of this process and its live descendants, now."""
    import psutil

    me = psutil.Process()
    total = sum(me.cpu_times()[:2])
    for child in me.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.Error:
            pass
    return total


def batch(corpus: Path, out: Path, workers: int) -> dict[str, float]:
    from oogst.batch import harvest_batch

    marks: dict[str, float] = {}

    def started(info) -> None:  # noqa: ANN001
        marks["start"], marks["cpu_start"] = time.perf_counter(), _tree_cpu()

    def progress(p) -> None:  # noqa: ANN001
        if p.total and p.documents >= p.total:  # the last partition is in: the cluster is still up
            marks["cpu_end"] = _tree_cpu()

    cpu = _cpu()
    with TreeRSS() as rss:
        started_at = time.perf_counter()
        summary = harvest_batch([str(corpus)], out, workers=workers, fresh=True, on_start=started,
                                on_progress=progress)
        seconds = time.perf_counter() - started_at
    work = seconds - (marks["start"] - started_at)  # without the cluster's start
    return {"docs": summary.documents, "items": summary.items, "seconds": seconds, "work_s": work,
            "docs_per_s": summary.documents / work, "peak_mb": rss.peak / 2**20,
            "client_mb": rss.client_peak / 2**20, "worker_mb": rss.worker_peak / 2**20,
            "cpu_ms": 1000 * (_cpu() - cpu) / summary.documents,
            "work_cpu_ms": 1000 * (marks["cpu_end"] - marks["cpu_start"]) / summary.documents}


_CANONICAL = re.compile(r'(<link rel="canonical" href=")([^"]+?)/?(")')


def add_pool(folder: Path, n: int) -> dict[str, float]:
    """`oogst add` of n local HTML pages (the demo corpus, each copy with its own URL): one
    process against a pool of one per core; the stores must come out equal."""
    from oogst.ingest import add
    from oogst.store import Store

    folder.mkdir()
    demo = sorted((Path(str(files("oogst") / "demo" / "corpus"))).glob("*.html"))
    for i in range(n):
        src = demo[i % len(demo)]
        html = _CANONICAL.sub(lambda m: f"{m[1]}{m[2]}-{i:05d}/{m[3]}", src.read_text(encoding="utf-8"), count=1)
        (folder / f"{i:05d}-{src.name}").write_text(html, encoding="utf-8")
    out: dict[str, float] = {}
    for workers in (1, os.cpu_count() or 1):
        store = folder.parent / f"add-{workers}.db"
        with Store(store) as st:
            started = time.perf_counter()
            summary = add(st, [str(folder)], workers=workers)
            out[f"docs_per_s_{workers}"] = len(summary.added) / (time.perf_counter() - started)
        with Store(store) as st:
            out[f"items_{workers}"] = len(st.items())
    return out


def _row(name: str, r: dict[str, float]) -> str:
    return (f"{name:<22} {r['docs']:>8,.0f} {r['items']:>10,.0f} {r['seconds']:>8.1f} {r['docs_per_s']:>9,.0f} "
            f"{r['peak_mb']:>9,.0f} {r['client_mb']:>9,.0f} {r['worker_mb']:>9,.0f} {r['cpu_ms']:>7.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000", help="comma-separated corpus sizes; the first also runs the loop "
                    "and one worker (default 10000)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--add", type=int, default=0, metavar="N",
                    help="also oogst add of N local HTML pages, one process against one per core")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="oogst-scale-") as tmp:
        print(f"{'run':<22} {'docs':>8} {'items':>10} {'s':>8} {'docs/s':>9} {'peak MB':>9} {'client MB':>9} "
              f"{'worker MB':>9} {'CPU ms/doc':>7}")
        for k, n in enumerate(sizes):
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            mb = make_corpus(corpus, n) / 2**20
            print(f"# {n:,} documents, {mb:,.0f} MB of JSONL", flush=True)
            runs = [("loop", None), ("1 worker", 1), ("2 workers", 2)] if k == 0 else [("2 workers", 2)]
            for name, workers in runs:
                r = plain_loop(corpus) if workers is None else batch(corpus, Path(tmp) / f"out-{n}.parquet", workers)
                results[f"{n} {name}"] = r
                print(_row(f"{n:,} {name}", r), flush=True)
            corpus.unlink()
    small = sizes[0]
    loop, one, two = results[f"{small} loop"], results[f"{small} 1 worker"], results[f"{small} 2 workers"]
    print()
    print(f"overhead of the batch on 1 worker over the plain loop: {loop['docs_per_s'] / one['docs_per_s']:.2f}× "
          f"the time per document ({one['docs_per_s']:,.0f} against {loop['docs_per_s']:,.0f} docs/s; "
          f"the cluster's start, {one['seconds'] - one['work_s']:.1f} s, left out)")
    print(f"CPU per document, whole process tree, after the cluster's start: loop {loop['cpu_ms']:.2f} ms, "
          f"1 worker {one['work_cpu_ms']:.2f} ms (overhead {one['work_cpu_ms'] / loop['cpu_ms']:.2f}×), "
          f"2 workers {two['work_cpu_ms']:.2f} ms ({two['work_cpu_ms'] / loop['cpu_ms']:.2f}×); with the start: "
          f"{one['cpu_ms']:.2f} and {two['cpu_ms']:.2f} ms")
    cores = os.cpu_count() or 1
    print(f"on {cores} idle cores that CPU cost allows about {1000 * cores / two['work_cpu_ms']:,.0f} docs/s "
          f"with 2 workers (estimated: cores ÷ CPU per document), against {1000 / loop['cpu_ms']:,.0f} for the loop")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (a shared machine: "
          "wall-clock ratios understate what idle cores give)")
    print(f"speed-up of 2 workers over 1: {two['docs_per_s'] / one['docs_per_s']:.2f}× on {os.cpu_count()} cores")
    if len(sizes) > 1:
        a, b = results[f"{sizes[-2]} 2 workers"], results[f"{sizes[-1]} 2 workers"]
        slope = (b["peak_mb"] - a["peak_mb"]) / (sizes[-1] - sizes[-2])
        print(f"memory {sizes[-2]:,} → {sizes[-1]:,} documents (2 workers): peak {a['peak_mb']:,.0f} → "
              f"{b['peak_mb']:,.0f} MB ({b['peak_mb'] / a['peak_mb']:.2f}×; client {a['client_mb']:,.0f} → "
              f"{b['client_mb']:,.0f} MB, largest worker {a['worker_mb']:,.0f} → {b['worker_mb']:,.0f} MB)")
        est_mb = b["peak_mb"] + slope * (1_000_000 - sizes[-1])
        est_s = 1_000_000 / b["docs_per_s"]
        print(f"1,000,000 documents, ESTIMATED from the {sizes[-2]:,} → {sizes[-1]:,} slope (not run): "
              f"{est_s / 60:,.0f} min at {b['docs_per_s']:,.0f} docs/s on 2 workers, peak about {est_mb:,.0f} MB")
        results["1000000 2 workers (estimate)"] = {"docs": 1_000_000, "seconds": est_s,
                                                   "docs_per_s": b["docs_per_s"], "peak_mb": est_mb}
    if args.add:
        with tempfile.TemporaryDirectory(prefix="oogst-add-") as tmp:
            r = add_pool(Path(tmp) / "pages", args.add)
        cores = os.cpu_count() or 1
        same = "equal stores" if r["items_1"] == r[f"items_{cores}"] else "STORES DIFFER"
        print(f"oogst add of {args.add:,} HTML pages: {r['docs_per_s_1']:,.1f} docs/s in one process, "
              f"{r[f'docs_per_s_{cores}']:,.1f} with {cores} workers "
              f"({r[f'docs_per_s_{cores}'] / r['docs_per_s_1']:.2f}×; {same})")
        results["add"] = r
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
