"""Memory of one large ingest: 5,000 documents through ``oogst.ingest.add`` in one batch.

    python bench/memory_5000.py [--docs 5000] [--every 500]

The demo corpus is varied into ``--docs`` JSONL records exactly as ``bench/digest_speed.py``
does (own URL, spread date, rotated paragraphs) and ingested into a temporary store in one
``add`` call. The progress callback samples the process's resident set size (``VmRSS`` in
/proc/self/status) after every ``--every`` documents. Prints the RSS series in MB, the peak
(``resource.getrusage`` ru_maxrss) and the total time. "Memory stays flat" means the RSS
after the last document is not growing in step with the number of documents: the script
compares the growth over the second half of the series with that over the first half.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from digest_speed import corpus_jsonl  # noqa: E402

from oogst.ingest import add  # noqa: E402
from oogst.store import Store  # noqa: E402


def rss_mb() -> float:
    """The current resident set size of this process in MB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024  # kB
    return float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--every", type=int, default=500)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        corpus = tmpdir / "bench.jsonl"
        corpus_jsonl(corpus, args.docs)
        series: list[tuple[int, float]] = [(0, rss_mb())]
        done = 0

        def on_result(source: str, status: str, reason: str | None) -> None:
            nonlocal done
            done += 1
            if done % args.every == 0:
                series.append((done, rss_mb()))

        t0 = time.perf_counter()
        with Store(tmpdir / "bench.db") as st:
            summary = add(st, [str(corpus)], on_result=on_result)
        total_s = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"documents: added {len(summary.added)}, updated {len(summary.updated)}, "
          f"unchanged {len(summary.unchanged)}, failed {len(summary.failed)}, skipped {len(summary.skipped)}")
    print("RSS (MB) after n documents:")
    for n, mb in series:
        print(f"  {n:>6}: {mb:7.1f}")
    mid = series[len(series) // 2]
    first, second = mid[1] - series[1][1], series[-1][1] - mid[1]
    print(f"growth {series[1][0]}→{mid[0]}: {first:+.1f} MB; {mid[0]}→{series[-1][0]}: {second:+.1f} MB")
    print(f"peak memory: {peak_mb:.0f} MB (ru_maxrss, whole process)")
    print(f"total time:  {total_s:.1f} s ({args.docs / total_s:.0f} docs/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
