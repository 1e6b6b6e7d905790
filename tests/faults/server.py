"""A misbehaving web server on 127.0.0.1 for the fault tests (and bench/pathological.py).

``Faulty(robots=...)`` serves, on its own port (robots.txt is per site, so one behaviour each):

- ``/artikel/N.html``     a short article (every page differs by N)
- ``/doorsturen.html``    a forwarding stub: meta refresh to /artikel/1.html
- ``/traag-kop.html``     the status line, then one header byte every ``drip`` seconds, for ever
- ``/traag-lijf.html``    complete headers, then one body byte every ``drip`` seconds, for ever
- ``/wacht.html``         429 with Retry-After: 100000
- ``/status-999.html``    HTTP 999
- ``/bom.html``           a gzip bomb (Content-Encoding: gzip, ``BOMB_MB`` MB of zeros unpacked)
- ``/sitemap-N.xml``      a sitemap of N article links
- ``/feed-N.xml``         an RSS feed of N article links

robots: ``"none"`` (404), ``"429"`` (429 with Retry-After: 100000), ``"groot"`` (a 29 MB
robots.txt, allowing everything), ``"traag"`` (one byte every ``drip`` seconds).
"""
from __future__ import annotations

import gzip
import threading
import time
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BOMB_MB = 200
ARTICLE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Dorpshuis {n} weer open</title>
<meta property="article:published_time" content="2025-09-{day:02d}"></head><body><article>
<h1>Dorpshuis {n} weer open</h1>
<p>Na twee jaar verbouwen gaat het dorpshuis van Lutjewoude weer open. De gemeente en de provincie
betaalden samen, de bewoners deden het werk. Bij de opening waren ruim honderd mensen.</p>
<p>‘Het dorpshuis is weer van ons allemaal,’ zegt wethouder Fenna Hoekstra. ‘We hebben het samen
gedaan, en dat merk je aan alles.’</p>
<p>Bewoner Sjoerd Kramer (64) hielp elke zaterdag mee. ‘Ik ken nu de halve straat,’ zegt hij.</p>
</article></body></html>"""
STUB = """<!doctype html><html><head><meta http-equiv="refresh" content="0; url=/artikel/1.html">
<title>Doorsturen</title></head><body><p>U wordt doorgestuurd.</p></body></html>"""


@lru_cache(maxsize=1)
def bomb() -> bytes:
    """``BOMB_MB`` MB of zeros, gzipped to about 200 KB."""
    chunk = b"\0" * (1024 * 1024)
    out = gzip.compress(chunk * BOMB_MB, compresslevel=9, mtime=0)
    return out


class Faulty:
    def __init__(self, robots: str = "none", drip: float = 0.25) -> None:
        self.robots, self.drip = robots, drip
        self.hits: list[str] = []
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.server.handle_error = lambda request, address: None  # a client that hangs up is the point
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, prefix: str) -> int:
        with self.lock:
            return sum(1 for h in self.hits if h.startswith(prefix))

    def __enter__(self) -> Faulty:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
                      headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def _drip(self, data: bytes) -> None:
                """Write one byte every ``drip`` seconds until the client gives up."""
                try:
                    for i in range(100_000):
                        if owner.stopped.is_set():
                            return
                        self.wfile.write(data[i % len(data):i % len(data) + 1])
                        self.wfile.flush()
                        time.sleep(owner.drip)
                except OSError:
                    return

            def do_GET(self) -> None:  # noqa: N802, C901
                path = self.path.split("?")[0]
                with owner.lock:
                    owner.hits.append(path)
                if path == "/robots.txt":
                    return self._robots()
                if path.startswith("/artikel/"):
                    n = int(path.rsplit("/", 1)[1].split(".")[0] or 0)
                    return self._send(200, ARTICLE.format(n=n, day=1 + n % 28).encode())
                if path == "/doorsturen.html":
                    return self._send(200, STUB.encode())
                if path == "/traag-kop.html":
                    self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                    return self._drip(b"X-Langzaam: " + b"a" * 1000)
                if path == "/traag-lijf.html":
                    self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n\r\n")
                    return self._drip(b"<p>traag</p>")
                if path == "/wacht.html":
                    return self._send(429, b"te vaak", headers={"Retry-After": "100000"})
                if path == "/status-999.html":
                    return self._send(999, b"vreemd")
                if path == "/bom.html":
                    return self._send(200, bomb(), headers={"Content-Encoding": "gzip"})
                if path.startswith("/sitemap-"):
                    n = int(path[len("/sitemap-"):].split(".")[0])
                    urls = "".join(f"<url><loc>{owner.base}/artikel/{i}.html</loc></url>" for i in range(n))
                    body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
                    return self._send(200, body.encode(), "application/xml")
                if path.startswith("/feed-"):
                    n = int(path[len("/feed-"):].split(".")[0])
                    items = "".join(f"<item><title>A{i}</title><link>{owner.base}/artikel/{i}.html</link></item>"
                                    for i in range(n))
                    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>{owner.base}/</link>{items}</channel></rss>'
                    return self._send(200, body.encode(), "application/rss+xml")
                return self._send(404, b"weg")

            def _robots(self) -> None:
                mode = owner.robots
                if mode == "429":
                    return self._send(429, b"", headers={"Retry-After": "100000"})
                if mode == "groot":
                    size = 29 * 1024 * 1024
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain")
                    self.send_header("Content-Length", str(size))
                    self.end_headers()
                    line = b"User-agent: *\nAllow: /\n" + b"# " + b"x" * 1000 + b"\n"
                    try:
                        sent = 0
                        while sent < size:
                            part = line[: size - sent]
                            self.wfile.write(part)
                            sent += len(part)
                    except OSError:
                        pass
                    return
                if mode == "traag":
                    self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n")
                    return self._drip(b"User-agent: *\n")
                return self._send(404, b"")

        return Handler


def fast_policy(**overrides: object):  # noqa: ANN201
    """Short timeouts and deadlines, no per-host delay: each fault ends in seconds."""
    from dataclasses import replace

    from oogst.ingest import FetchPolicy

    policy = FetchPolicy(contact="redactie@kennisbank.example", host_delay=0.0, read_timeout=1.0,
                         connect_timeout=2.0, backoff=0.05, max_wait=2.0, deadline=2.0,
                         robots_deadline=1.5)
    return replace(policy, **overrides)  # type: ignore[arg-type]
