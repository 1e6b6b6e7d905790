"""Ingest throughput: 1,000 local HTML pages (the demo corpus pages under varied URLs) into a
fresh store, as `oogst add FOLDER` does — read, extract, harvest, store — then a second run
over the same folder (everything unchanged).

    python bench/ingest_speed.py [--pages 1000]

The pages are copies of the 18 demo articles, each with its own canonical URL (so each is its own
document) and a numbered title; they are written to a temporary folder first (not timed).
"""
from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from importlib.resources import files
from pathlib import Path

from oogst.ingest import add
from oogst.store import Store

_CANONICAL = re.compile(r'(<link rel="canonical" href=")([^"]+?)/?(")')
_TITLE = re.compile(r"(<title>)(.*?)(</title>)", re.S)


def make_pages(folder: Path, n: int) -> list[Path]:
    """``n`` HTML files from the demo corpus, each with its own URL, in nested folders."""
    corpus = sorted(Path(str(files("oogst") / "demo" / "corpus")).glob("*.html"))
    pages = [p.read_text(encoding="utf-8") for p in corpus]
    out: list[Path] = []
    for i in range(n):
        html = pages[i % len(pages)]
        html = _CANONICAL.sub(lambda m: f"{m[1]}{m[2]}-{i:04d}/{m[3]}", html, count=1)
        html = _TITLE.sub(lambda m: f"{m[1]}{m[2]} ({i}){m[3]}", html, count=1)
        path = folder / f"jaar-{i % 7}" / f"deel-{i % 13}" / f"{i:04d}-{corpus[i % len(corpus)].name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        out.append(path)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        paths = make_pages(folder, args.pages)
        mb = sum(p.stat().st_size for p in paths) / 1e6
        results: dict[str, object] = {"pages": args.pages, "MB": round(mb, 2)}
        with Store(Path(tmp) / "bench.db") as st:
            for run in ("first run", "second run (unchanged)"):
                start = time.perf_counter()
                summary = add(st, [str(folder)])
                secs = time.perf_counter() - start
                results[run] = {"seconds": round(secs, 2), "pages/s": round(args.pages / secs, 1),
                                "added": len(summary.added), "unchanged": len(summary.unchanged),
                                "failed": len(summary.failed)}
            results["items"] = len(st.items())
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
