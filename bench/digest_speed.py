"""Digest speed: 1,000 stored articles → build_digest → JSON + HTML + PDF, with peak memory.

    python bench/digest_speed.py [--articles 1000] [--keep DIR]

The demo corpus (18 Dutch articles) is varied into ``--articles`` JSONL records: every copy
gets its own URL, a date spread over 2025-2026, and its paragraphs rotated, so documents
differ while the language stays real. They are ingested into a temporary store with
``oogst.ingest.add`` (not timed), then the timed part runs: read the store, ``build_digest``
for "interbestuurlijk samenwerken" over 2025-Q3..2026-Q1, ``dumps`` and ``render`` with
html, pdf and json. Peak memory is the process's maximum resident set size
(``resource.getrusage``), which includes the ingest step. Target on the 2-core machine:
≤ 10 s and ≤ 500 MB.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from importlib.resources import files
from pathlib import Path

from oogst.digest import build_digest
from oogst.digest_json import dumps
from oogst.ingest import add, iter_sources
from oogst.ingest.files import Loaded
from oogst.render import render
from oogst.store import Store

TOPIC, PERIOD = "interbestuurlijk samenwerken", "2025-Q3..2026-Q1"


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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--keep", type=Path, help="write the outputs here instead of a temp folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        corpus = tmpdir / "bench.jsonl"
        corpus_jsonl(corpus, args.articles)
        t0 = time.perf_counter()
        with Store(tmpdir / "bench.db") as st:
            summary = add(st, [str(corpus)])
        ingest_s = time.perf_counter() - t0

        t1 = time.perf_counter()
        with Store(tmpdir / "bench.db") as st:
            documents, items = st.documents(), st.items()
        t2 = time.perf_counter()
        result = build_digest(documents, items, TOPIC, PERIOD)
        t3 = time.perf_counter()
        out_dir = args.keep or tmpdir / "out"
        render(result.digest, out_dir, ["html", "pdf", "json"], json_text=dumps(result.digest))
        t4 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    total = t4 - t1
    print(f"articles stored:   {len(summary.added)} ({len(items)} items; ingest {ingest_s:.1f} s, not timed)")
    print(f"read store:        {t2 - t1:.2f} s")
    print(f"build_digest:      {t3 - t2:.2f} s  ({len(result.candidates)} candidates, {len(result.digest.all_items())} items in the digest)")
    print(f"json + html + pdf: {t4 - t3:.2f} s")
    print(f"total:             {total:.2f} s  (target ≤ 10 s)")
    print(f"peak memory:       {peak_mb:.0f} MB (ru_maxrss, whole process; target ≤ 500 MB)")
    return 0 if total <= 10 and peak_mb <= 500 else 1


if __name__ == "__main__":
    sys.exit(main())
