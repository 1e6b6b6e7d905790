"""How fast the faithfulness check is: check_abridgement on many cuts, check_digest on a digest.

    python bench/check_speed.py [--cuts 3000] [--old src/oogst/check.py-from-git]

Cuts are made from the demo corpus's harvested statements (a marked cut inside, an unmarked one
at either end). With ``--old FILE`` (an earlier check.py, e.g. ``git show HEAD~9:src/oogst/check.py
> /tmp/old_check.py``) the same cuts go through it as well, and the ratio is printed. Also the
worst case of the alignment search: a kept word that occurs hundreds of times. Figures, not
assertions; compare ratios within one run.
"""
from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import tempfile
import time
from importlib.resources import files
from pathlib import Path


def cuts(items: list[str], n: int) -> list[tuple[str, str]]:
    rng = random.Random(18)
    items = [t for t in items if len(t.split()) >= 8]
    out = []
    while len(out) < n:
        words = rng.choice(items).split()
        i = rng.randint(0, len(words) - 3)
        j = rng.randint(i + 1, len(words) - 1)
        mark = [] if i == 0 or j == len(words) else ["[…]"]
        out.append((" ".join(words), " ".join(words[:i] + mark + words[j:])))
    return out


def run(check, pairs: list[tuple[str, str]]) -> tuple[float, int]:  # noqa: ANN001
    start = time.perf_counter()
    ok = sum(check(o, e).ok for o, e in pairs)
    return time.perf_counter() - start, ok


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cuts", type=int, default=3000)
    ap.add_argument("--old", type=Path, help="an earlier check.py to compare with")
    args = ap.parse_args()
    from oogst.check import check_abridgement, check_digest, store_lookups
    from oogst.digest import build_digest
    from oogst.ingest import add
    from oogst.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "oogst.db") as st:
        add(st, [str(files("oogst") / "demo" / "corpus")], glob="*.html")
        pairs = cuts([i.text for i in st.items()], args.cuts)
        seconds, ok = run(check_abridgement, pairs)
        print(f"check_abridgement: {len(pairs)} random cuts of the demo's statements in {seconds:.3f} s "
              f"({seconds / len(pairs) * 1e3:.3f} ms each), {ok} accepted")
        if args.old:
            spec = importlib.util.spec_from_file_location("old_check", args.old)
            old = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
            sys.modules["old_check"] = old  # dataclasses look their module up
            spec.loader.exec_module(old)  # type: ignore[union-attr]
            old_seconds, old_ok = run(old.check_abridgement, pairs)
            print(f"  old check.py: {old_seconds:.3f} s, {old_ok} accepted; new/old time {seconds / old_seconds:.2f}; "
                  f"{old_ok - ok} cuts now refused")
        worst_o = " ".join(["de niet"] * 200) + " eind"
        worst_e = " … ".join(["de"] * 30) + " … eind"
        start = time.perf_counter()
        check_abridgement(worst_o, worst_e)
        print(f"worst case (a kept word 200 times, 31 segments): {time.perf_counter() - start:.3f} s")

        digest = build_digest(st.documents(), st.items(), "interbestuurlijk samenwerken", "2025-Q3..2026-Q1").digest
        start = time.perf_counter()
        for _ in range(20):
            violations = check_digest(digest, *store_lookups(st, digest))
        stored = (time.perf_counter() - start) / 20
        start = time.perf_counter()
        text_of = store_lookups(st, digest)[0]
        for _ in range(5):
            check_digest(digest, text_of)
        fresh = (time.perf_counter() - start) / 5
        print(f"check_digest ({len(digest.all_items())} items, {len(violations)} violations): {stored * 1e3:.1f} ms with "
              f"the store's items, {fresh * 1e3:.1f} ms harvesting the sources again")


if __name__ == "__main__":
    sys.exit(main())
