"""Digest speed at archive size: `oogst digest` (HTML + PDF) and `oogst candidates` on stores of
1,000 / 5,000 / 20,000 articles, whole processes, with the peak memory of each.

    python bench/digest_speed.py [--sizes 1000,5000,20000] [--repeat 1] [--keep DIR]
                                 [--baseline OLD/src --baseline-keep DIR2]

The demo corpus (18 Dutch articles) is varied into N JSONL records: every copy gets its own
URL, a date spread over 2025-2026, and its paragraphs rotated, so documents differ while the
language stays real. They are ingested with ``oogst add`` (not timed). Then, per size, the
timed part runs as the user would run it, each in its own process (start-up and imports count):
``oogst digest --formats html,pdf`` and ``oogst candidates --format json`` for "interbestuurlijk
samenwerken" over 2025-Q3..2026-Q1. Wall time is the median of ``--repeat`` runs; peak memory
is the child's maximum resident set size (``os.wait4``). With ``--keep DIR`` the corpora and the
stores are made once in DIR and reused by later runs (a store is rebuilt when it lacks its
``.done`` mark). Targets (issue 20, 2-core machine): digest ≤ 5 / 8 / 15 s, candidates ≤ 2 / 3 /
5 s, peak RSS ≤ 300 MB at 20,000.

With ``--baseline OLD/src`` (the ``src`` folder of an earlier checkout, e.g. from ``git archive``)
every command also runs with that code first (``PYTHONPATH``), on stores it made itself in
``--baseline-keep``, so that before and after come from one run on the same machine load.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.resources import files
from pathlib import Path

from oogst.ingest import iter_sources
from oogst.ingest.files import Loaded

TOPIC, PERIOD = "interbestuurlijk samenwerken", "2025-Q3..2026-Q1"
TARGETS = {1000: (5, 2), 5000: (8, 3), 20000: (15, 5)}  # articles → (digest s, candidates s)
RSS_TARGET_MB = 300
OOGST = [sys.executable, "-m", "oogst.cli"]


def corpus_jsonl(path: Path, n: int) -> None:
    """Write ``n`` varied copies of the demo corpus as JSONL."""
    demo = [r for r in iter_sources([str(files("oogst") / "demo" / "corpus")], glob="*.html") if isinstance(r, Loaded)]
    demo.sort(key=lambda r: r.url or r.source)
    with path.open("w", encoding="utf-8") as out:
        for k in range(n):
            doc = demo[k % len(demo)]
            paras = doc.text.split("\n\n")
            shift = (k // len(demo)) % max(1, len(paras))
            text = "\n\n".join(paras[shift:] + paras[:shift])
            month = 1 + (k * 7) % 18
            year, month = 2025 + (month - 1) // 12, (month - 1) % 12 + 1
            record = {
                "url": f"https://bench.example/{k:04d}/{(doc.url or 'doc').rstrip('/').rsplit('/', 1)[-1]}",
                "title": doc.title,
                "published": f"{year}-{month:02d}-{1 + k % 28:02d}",
                "text": text,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Run ``cmd``; wall seconds, peak RSS in MB (of that child alone) and its exit code."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode:
        print(f"  {' '.join(cmd[3:5])}: exit {proc.returncode}: {err.strip()[-400:]}", file=sys.stderr)
    return wall, usage.ru_maxrss / 1024, proc.returncode  # KiB on Linux


def store_of(folder: Path, n: int, env: dict[str, str] | None = None) -> Path:
    """The store of ``n`` articles in ``folder``, made unless a complete one is there."""
    db, done = folder / f"bench-{n}.db", folder / f"bench-{n}.done"
    if db.exists() and done.exists():
        return db
    for p in folder.glob(f"bench-{n}.db*"):
        p.unlink()
    corpus = folder / f"bench-{n}.jsonl"
    corpus_jsonl(corpus, n)
    t0 = time.perf_counter()
    subprocess.run([*OOGST, "add", str(corpus), "--store", str(db)], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"  made the store of {n} articles in {time.perf_counter() - t0:.0f} s (not timed)", file=sys.stderr)
    done.write_text("ok\n")
    return db


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--repeat", type=int, default=1, help="runs per command; the median counts")
    ap.add_argument("--keep", type=Path, help="make and keep the corpora and stores here (reused by later runs)")
    ap.add_argument("--baseline", type=Path, help="the src folder of an earlier oogst, run beside this one")
    ap.add_argument("--baseline-keep", type=Path, help="where the baseline keeps its stores (default: a temp folder)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    versions: list[tuple[str, dict[str, str] | None]] = []
    if args.baseline:
        versions.append(("before", {**os.environ, "PYTHONPATH": str(args.baseline.resolve())}))
    versions.append(("after" if args.baseline else "this", None))
    with tempfile.TemporaryDirectory() as tmp:
        folders = {"before": args.baseline_keep or Path(tmp) / "baseline", "after": args.keep or Path(tmp),
                   "this": args.keep or Path(tmp)}
        for f in folders.values():
            f.mkdir(parents=True, exist_ok=True)
        rows, ok = [], True
        for n in sizes:
            for version, env in versions:
                db = store_of(folders[version], n, env)
                base = ["--store", str(db), "--topic", TOPIC, "--period", PERIOD]
                measured = {}
                for name, cmd in (
                    ("digest", [*OOGST, "digest", *base, "--formats", "html,pdf", "--out", str(Path(tmp) / f"out-{n}")]),
                    ("candidates", [*OOGST, "candidates", *base, "--format", "json"]),
                ):
                    runs = [timed(cmd, env) for _ in range(max(1, args.repeat))]
                    if version != "before":
                        ok &= all(r[2] == 0 for r in runs)
                    measured[name] = (statistics.median(r[0] for r in runs), max(r[1] for r in runs))
                rows.append((n, version, measured))
                d, c = measured["digest"], measured["candidates"]
                print(f"{n:>7} articles, {version:>6}: digest {d[0]:6.2f} s {d[1]:5.0f} MB · "
                      f"candidates {c[0]:6.2f} s {c[1]:5.0f} MB", flush=True)
    print()
    print("| articles | code | digest wall | digest peak RSS | candidates wall | candidates peak RSS |")
    print("|---|---|---|---|---|---|")
    for n, version, m in rows:
        d, c = m["digest"], m["candidates"]
        target = TARGETS.get(n) if version != "before" else None
        mark = "" if target is None else f" (≤ {target[0]} s)"
        cmark = "" if target is None else f" (≤ {target[1]} s)"
        print(f"| {n:,} | {version} | {d[0]:.1f} s{mark} | {d[1]:.0f} MB | {c[0]:.1f} s{cmark} | {c[1]:.0f} MB |")
        if target:
            ok &= d[0] <= target[0] and c[0] <= target[1]
        if n >= 20000 and version != "before":
            ok &= max(d[1], c[1]) <= RSS_TARGET_MB
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
