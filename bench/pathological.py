"""Worst cases: how long one pathological document costs, in harvest and in a whole `add`.

    python bench/pathological.py [--scale 1.0] [--before] [--faults-only] [--no-slowloris]

Part 1 harvests generated texts built to be slow (unbalanced and mixed quote marks, thousands
of quotations, apostrophes everywhere, one endless line, deep nesting, a wall of advice, names
on every word) and prints the seconds, items and recorded cuts for each, slowest first.
Part 2 times the nested-quote paragraph of issue 15 at 4,000, 8,000 and 20,000 repeats: the
seconds per repeat should stay flat (linear), where the old pairing grew quadratically.
Part 3 runs one `oogst.ingest.add` over the hostile corpus of tests/hostile/build.py and prints
its slowest sources. Part 4 fetches from a misbehaving server on 127.0.0.1 (slowloris in the
headers and the body, gzip bombs) in child processes and prints each case's time and peak RSS;
``--before`` adds the same cases read the way oogst 0.1 read them (httpx decoding, read
timeouts only). Figures, not assertions: the point is that the worst case costs seconds.
"""
from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import tempfile
import time
from pathlib import Path

from oogst.harvest import harvest
from oogst.ingest import add
from oogst.store import Store

ROOT = Path(__file__).resolve().parents[1]
# one line of repeated nested quotes: ’’ closes two single quotes, not one double quote
NESTED = "‘Zo’n auto’s, ‘genest ‘diep’ en ‘dieper’’ zegt ze,’ aldus Jan. "
NESTED_REPEATS = (4_000, 8_000, 20_000)
QUOTE = "‘Het dorpshuis is weer van ons allemaal,’ zegt wethouder Fenna Hoekstra van Lutjewoude. "


def texts(scale: float) -> dict[str, str]:
    rng = random.Random(7)
    n = lambda k: max(1, int(k * scale))  # noqa: E731
    marks = "‘’“”„‚«»\"',,''"
    return {
        "mixed unbalanced marks, 0.9 MB": "".join(rng.choice(marks) + rng.choice(["zo’n ", "Jansen ", "zegt ", "x "])
                                                 for _ in range(n(150_000))),
        "20,000 short quotations": QUOTE * n(20_000),
        "apostrophes only, 2 MB": "’s auto’s zo’n " * n(130_000),
        "one line without a full stop, 2 MB": "zonder einde " * n(150_000),
        "opening marks only, 1 MB": "‘" * n(1_000_000),
        "nested 5,000 deep": "‘" * n(5_000) + "tekst" + "’" * n(5_000),
        "40,000 advice sentences": "Zorg dat je elkaar kent. " * n(40_000),
        "capitalised words only, 1 MB": "Wethouder Jansen De Vries Pietersen " * n(30_000),
        "one paragraph of names and verbs": " ".join(f"wethouder Piet{i} zegt ‘ja’." for i in range(n(20_000))),
        "16,000 distinct names with an age": " ".join(f"{_name(rng)} (12), bewoner, zegt ja." for _ in range(n(16_000))),
        "8,000 distinct 'wethouder X van Dalmeer'": " ".join(
            f"Wethouder {(w := _name(rng))} van Dalmeer opent de dag. {w} lacht." for _ in range(n(8_000))),
        "'Dat zegt wethouder Jansen van Dalmeer' x 8,000": "Dat zegt wethouder Jansen van Dalmeer. " * n(8_000),
    }


def _name(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)).capitalize()


def _hostile_build():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("hostile_build", ROOT / "tests" / "hostile" / "build.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["hostile_build"] = mod
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod.build


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_known_args()[0]  # --before and --faults-only are read below
    rows = []
    for name, text in texts(args.scale).items():
        t0 = time.perf_counter()
        res = harvest(text, "nl")
        rows.append((time.perf_counter() - t0, name, len(text.encode()) / 1e6, len(res.items), len(res.skipped)))
    print("harvest of pathological texts (slowest first):")
    for secs, name, mb, items, cuts in sorted(rows, reverse=True):
        print(f"  {secs:6.2f} s  {mb:5.2f} MB  {items:6d} items  {cuts:6d} recorded cuts  {name}")

    print("\nnested quotes on one line (issue 15), growth with the input:")
    base = None
    for reps in NESTED_REPEATS:
        n = max(1, int(reps * args.scale))
        text = NESTED * n
        t0 = time.perf_counter()
        res = harvest(text, "nl")
        secs = time.perf_counter() - t0
        per = secs / n * 1e6
        base = base or per
        print(f"  {n:6d} repeats  {secs:6.2f} s  {per:6.1f} µs per repeat  (x{per / base:.2f} of the first; "
              f"1.00 is linear)  {len(res.items)} items  {len(res.skipped)} recorded cuts")

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "hostile"
        cases = _hostile_build()(corpus)
        timings: dict[str, float] = {}
        last = [time.perf_counter()]

        def on_result(source: str, status: str, reason: str | None) -> None:
            now = time.perf_counter()
            timings[source] = timings.get(source, 0.0) + now - last[0]
            last[0] = now

        t0 = time.perf_counter()
        with Store(Path(tmp) / "s.db") as st:
            summary = add(st, [str(corpus)], on_result=on_result)
        total = time.perf_counter() - t0
    print(f"\nadd of the hostile corpus: {len(cases)} sources in {total:.1f} s "
          f"({len(summary.added)} added, {len(summary.failed)} failed with a reason); slowest:")
    for src, secs in sorted(timings.items(), key=lambda kv: -kv[1])[:5]:
        print(f"  {secs:6.2f} s  {src.removeprefix(str(corpus) + '/')}")
    return 0


# -- faults: slowloris and decompression bombs, time and peak RSS ----------------------------
# Each case runs in a child process (so its peak RSS is its own) against the misbehaving server
# of tests/faults/server.py, which runs in this process.

def _faulty_module():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("faulty_server", ROOT / "tests" / "faults" / "server.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["faulty_server"] = mod
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _fault_child(kind: str, urls: list[str]) -> None:
    """Run one case and print its seconds, peak RSS and outcome as JSON (in the child)."""
    import json

    import httpx

    from oogst.errors import FetchError
    from oogst.ingest import FetchPolicy
    from oogst.ingest.fetch import Fetcher

    policy = FetchPolicy(contact="bench@example.org", host_delay=0.0)  # the defaults: 20 s reads, 120 s deadline
    base = _rss_mb("VmRSS")
    _reset_peak()
    t0 = time.perf_counter()
    outcome = ""
    if kind == "fetch":
        try:
            with Fetcher(policy) as fetcher:
                outcome = f"{len(fetcher.get(urls[0]).body)} bytes"
        except FetchError as exc:
            outcome = str(exc)
    elif kind == "add":
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as st:
            summary = add(st, urls, policy=policy)
        outcome = f"{len(summary.added)} added, {len(summary.failed)} failed: " + "; ".join(
            sorted({r for _, r in summary.failed}))
    elif kind == "before-decoding":  # how 0.1 read a body: httpx inflates whole network chunks
        buf = bytearray()
        with httpx.Client(timeout=20) as client, client.stream("GET", urls[0]) as resp:
            for chunk in resp.iter_bytes(65536):
                buf.extend(chunk)
                if len(buf) > policy.max_bytes:
                    outcome = "refused past 10 MB"
                    break
    elif kind == "before-slowloris":  # a per-read timeout only: one byte a second never trips it
        with httpx.Client(timeout=20) as client, client.stream("GET", urls[0]) as resp:
            for _ in resp.iter_raw(1):
                if time.perf_counter() - t0 > 30:
                    outcome = "still reading after 30 s (stopped by the bench, not by the fetch)"
                    break
    peak = _rss_mb("VmHWM")
    print(json.dumps({"seconds": time.perf_counter() - t0, "peak_mb": peak, "base_mb": base, "outcome": outcome}))


def _rss_mb(field: str) -> float:
    """VmRSS or VmHWM (peak) of this process in MB. Not ru_maxrss: Linux carries that over
    exec from the parent, which holds the 200 MB the bomb was made from."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")  # the peak starts again from the RSS now (after the imports)
    except OSError:
        pass


def faults(before: bool = False, slow: bool = True) -> None:
    import json
    import subprocess

    faulty = _faulty_module()
    faulty.bomb()
    with faulty.Faulty(drip=1.0) as srv:
        cases = [
            ("slowloris in the headers (1 byte/s)", "fetch", [srv.url("/traag-kop.html")]),
            ("slowloris in the body (1 byte/s)", "fetch", [srv.url("/traag-lijf.html")]),
        ] if slow else []
        cases += [
            (f"gzip bomb, {faulty.BOMB_MB} MB unpacked", "fetch", [srv.url("/bom.html")]),
            ("8 gzip bombs in one add", "add", [srv.url(f"/bom.html?{i}") for i in range(8)]),
        ]
        if before:
            cases.append(("before: gzip bomb, httpx decoding", "before-decoding", [srv.url("/bom.html")]))
            if slow:
                cases.append(("before: slowloris in the body, read timeout only", "before-slowloris",
                              [srv.url("/traag-lijf.html")]))
        print("\nfaults (each in a child process; peak RSS over the run, base = RSS with oogst imported):")
        for name, kind, urls in cases:
            done = subprocess.run([sys.executable, __file__, "--fault-child", kind, *urls],
                                  capture_output=True, text=True, timeout=600, check=False)
            try:
                r = json.loads(done.stdout.strip().splitlines()[-1])
            except (IndexError, ValueError):
                print(f"  {name}: the child failed: {done.stderr.strip()[-300:]}")
                continue
            print(f"  {r['seconds']:7.1f} s  peak {r['peak_mb']:6.0f} MB (base {r['base_mb']:4.0f} MB, "
                  f"+{r['peak_mb'] - r['base_mb']:.0f} MB)  "
                  f"{name}: {r['outcome'][:160]}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--fault-child":
        _fault_child(sys.argv[2], sys.argv[3:])
        sys.exit(0)
    if "--faults-only" in sys.argv:
        faults(before="--before" in sys.argv, slow="--no-slowloris" not in sys.argv)
        sys.exit(0)
    code = main()
    faults(before="--before" in sys.argv, slow="--no-slowloris" not in sys.argv)
    sys.exit(code)
