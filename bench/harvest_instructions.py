"""Harvest cost in machine instructions: a measure that a busy machine does not disturb.

Wall-clock ratios on a shared two-core machine wander by 20 % and more between runs; the count
of instructions a pass executes (valgrind's cachegrind) moves by well under 1 %. It is not
time (cache misses and branch mispredictions are not in it), but for two versions of the same
Python code it tracks the time ratio closely (the code before issue 15 against main in
December 2026: 0.874 in instructions, 0.83 in best-of-five MB/s on the Dutch quotes).

    python bench/harvest_instructions.py                      # this checkout
    python bench/harvest_instructions.py --base /tmp/old/src  # and an older one, e.g. from
                                                              # `git archive REV src | tar -x -C /tmp/old`

Each figure is the instructions of one warm pass over the text of bench/harvest_speed.py (the
run with a pass minus the run without, both after one warm-up pass), in millions. Needs
valgrind (Debian: `apt-get install valgrind`); each figure takes about a minute.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SRC = BENCH.parent / "src"
SETS = ("nl", "gold", "en")
KINDS = ("quotes", "all")


def _child(which: str, kinds: str, passes: int) -> None:
    sys.path.insert(0, str(BENCH))
    import harvest_speed as hs

    from oogst.harvest import harvest

    docs = {"nl": hs.dutch_docs, "gold": hs.dutch_gold_docs, "en": hs.english_docs}[which]()
    lang = "en" if which == "en" else "nl"
    kw = {"kinds": ["quote"]} if kinds == "quotes" else {}
    for _ in range(1 + passes):  # the first pass warms the caches
        for d in docs:
            harvest(d, lang, **kw)


def _instructions(src: Path, which: str, kinds: str, passes: int) -> int:
    env = dict(os.environ, PYTHONPATH=str(src), PYTHONHASHSEED="0")
    out = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          sys.executable, __file__, "--child", which, kinds, str(passes)],
                         env=env, capture_output=True, text=True, check=True).stderr
    m = re.search(r"I\s+refs:\s+([\d,]+)", out)
    if m is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{out[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", type=Path, help="the src folder of another version, measured beside this one")
    ap.add_argument("--sets", default=",".join(SETS), help="which texts, of " + ",".join(SETS))
    ap.add_argument("--kinds", default=",".join(KINDS), help="quotes only, all kinds, or both")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child[0], args.child[1], int(args.child[2]))
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    versions = {"this": SRC} | ({"base": args.base} if args.base else {})
    print("text  kinds   " + "  ".join(f"{name:>8}" for name in versions) + ("   base/this" if args.base else ""))
    for which in args.sets.split(","):
        for kinds in args.kinds.split(","):
            got = {name: (_instructions(src, which, kinds, 1) - _instructions(src, which, kinds, 0)) / 1e6
                   for name, src in versions.items()}
            line = f"{which:5} {kinds:7} " + "  ".join(f"{v:7.0f}M" for v in got.values())
            if args.base:
                line += f"   {got['base'] / got['this']:.3f}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
