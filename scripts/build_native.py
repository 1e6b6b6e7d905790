"""Compile the harvest modules with mypyc into src/oogst/harvest/_compiled/ (see oogst.harvest.accel).

    .venv/bin/python scripts/build_native.py           # build when the sources changed
    .venv/bin/python scripts/build_native.py --force   # build anyway
    .venv/bin/python scripts/build_native.py --clean   # remove the build: the pure-Python harvest runs

Needs mypy (which ships mypyc) and a C compiler with the Python headers. The sources are
compiled in a temporary copy of src/, so that no build output lands beside them; the result
and a manifest of the sources' hashes are moved into _compiled/ at the end, in one step, so an
interrupted build leaves the old one (or none) in place. Exit status 0 also when nothing had
to be done; non-zero, with the compiler's last lines, when the build failed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))

os.environ.setdefault("OOGST_PURE", "1")  # this script reads the sources, never the build (and warns of none)
from oogst.harvest import accel  # noqa: E402  (after the path: this checkout's package)


def build() -> None:
    with tempfile.TemporaryDirectory(prefix="oogst-mypyc-") as tmp:
        work = Path(tmp) / "src"
        shutil.copytree(SRC, work, ignore=shutil.ignore_patterns("_compiled", "__pycache__", "*.so"))
        targets = [f"oogst/harvest/{m}.py" for m in accel.MODULES]
        done = subprocess.run([sys.executable, "-m", "mypyc", *targets], cwd=work, capture_output=True, text=True)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).splitlines()[-25:])
            raise SystemExit(f"mypyc failed; the pure-Python harvest stays in use:\n{tail}")
        suffix = accel.interpreter_tag()
        runtime = [p.name for p in work.glob(f"*__mypyc{suffix}")]
        if len(runtime) != 1:
            raise SystemExit(f"mypyc left {len(runtime)} runtime libraries, expected one: {runtime}")
        staged = Path(tmp) / "_compiled"
        (staged / "oogst" / "harvest").mkdir(parents=True)
        shutil.copy2(work / runtime[0], staged / runtime[0])
        for m in accel.MODULES:
            shutil.copy2(work / "oogst" / "harvest" / f"{m}{suffix}", staged / "oogst" / "harvest" / f"{m}{suffix}")
        (staged / "SOURCES.json").write_text(json.dumps(
            {"ext_suffix": suffix, "runtime": runtime[0], "sources": accel.source_hashes()}, indent=1) + "\n",
            encoding="utf-8")
        if accel.COMPILED_DIR.exists():
            shutil.rmtree(accel.COMPILED_DIR)
        shutil.move(str(staged), str(accel.COMPILED_DIR))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--force", action="store_true", help="build even when the build matches the sources")
    ap.add_argument("--clean", action="store_true", help="remove the build")
    args = ap.parse_args()
    if args.clean:
        shutil.rmtree(accel.COMPILED_DIR, ignore_errors=True)
        print("removed the compiled harvest; the pure-Python one runs")
        return
    if not args.force and accel.status(environ=False) == "compiled":
        print("compiled harvest is up to date")
        return
    build()
    print(f"compiled harvest built ({len(accel.MODULES)} modules): {accel.status(environ=False)}")


if __name__ == "__main__":
    main()
