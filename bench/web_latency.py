"""Web UI latency: 50 parallel GETs of the editor page on the demo store, idle and while
digests are being made in the same server process.

    python bench/web_latency.py [--requests 50] [--builds 3]

The demo corpus is added to a temporary store, a server (uvicorn, 127.0.0.1, a free port) is
started in this process, one digest is made and its editor page fetched once (the candidates
cache is warm, as it is for an editor at work). Then ``--requests`` GETs of that page are sent
at once, first with nothing else going on, then while a background thread makes ``--builds``
digests one after another through ``Workspace.create`` (what ``POST /digests`` runs). Reported:
median and worst latency of each volley. Target (issue 20): median ≤ 0.5 s while a digest is made.
"""
from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from importlib.resources import files
from pathlib import Path

import httpx
import uvicorn

from oogst.ingest import add
from oogst.store import Store
from oogst.web import WebSettings, create_app

TOPIC, PERIOD = "interbestuurlijk samenwerken", "2025-Q3..2026-Q1"


def volley(url: str, n: int) -> list[float]:
    """``n`` GETs at once, each on its own connection of one shared client (a client per
    request would spend its time making TLS contexts in this process, not waiting)."""
    with httpx.Client(timeout=120, limits=httpx.Limits(max_connections=n, max_keepalive_connections=0)) as client:
        def one(_: int) -> float:
            t0 = time.perf_counter()
            r = client.get(url)
            r.raise_for_status()
            return time.perf_counter() - t0

        with ThreadPoolExecutor(n) as pool:
            return list(pool.map(one, range(n)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=50)
    ap.add_argument("--builds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "demo.db"
        with Store(store) as st:
            add(st, [str(files("oogst") / "demo" / "corpus")], glob="*.html")
        app = create_app(WebSettings.build(store))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        ws = app.state.workspace
        with ws.store() as st:
            digest_id = ws.create(st, TOPIC, PERIOD, None, None)
        url = f"http://127.0.0.1:{port}/digests/{digest_id}"
        volley(url, 1)  # warm: templates, candidates cache
        idle = volley(url, args.requests)

        done = threading.Event()
        made: list[float] = []

        def build() -> None:
            for _ in range(args.builds):
                t0 = time.perf_counter()
                with ws.store() as st:
                    ws.create(st, TOPIC, PERIOD, None, None)
                made.append(time.perf_counter() - t0)
            done.set()

        builder = threading.Thread(target=build)
        builder.start()
        time.sleep(0.2)  # the first digest is under way
        busy = []
        while not done.is_set():
            busy.extend(volley(url, args.requests))
        builder.join()
        server.should_exit = True
    print(f"idle:          median {statistics.median(idle):.3f} s, worst {max(idle):.3f} s ({len(idle)} GETs)")
    print(f"digest making: median {statistics.median(busy):.3f} s, worst {max(busy):.3f} s ({len(busy)} GETs; "
          f"{len(made)} digests, {statistics.median(made):.2f} s each)")
    return 0 if statistics.median(busy) <= 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())
