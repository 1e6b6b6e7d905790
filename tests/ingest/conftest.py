"""A fixture web site on 127.0.0.1: the pages in ``site/`` plus the bad cases, with a request log.

Served files may contain ``{base}`` (replaced by http://127.0.0.1:PORT); ``X.xml.gz`` is ``X.xml``
gzipped on the fly. Every page has an ETag and a Last-Modified and answers a matching
conditional request with 304. Special paths:

- ``/verhalen/storing.html``      500 on the first request, the page after that
- ``/verhalen/druk.html``         429 with ``Retry-After: 1`` on the first request, then the page
- ``/verhalen/traag.html``        answers after ``SLOW`` seconds
- ``/verhalen/lus-a.html``        redirects to lus-b, which redirects back
- ``/verhalen/groot.html``        a 50 MB body, streamed in chunks, without Content-Length
- ``/verhalen/plaatje.html``      a PNG image served as text/html
- ``/verhalen/verkeerd-charset.html``  windows-1252 bytes served as ``charset=utf-8``
- ``/verhalen/utf8-als-latin1.html``   UTF-8 bytes served as ``charset=iso-8859-1``
- ``/langzaam/N.html``            a page after 0.3 s
- ``/naar/PATH?to=URL``           302 to URL
"""
from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

SITE = Path(__file__).parent / "site"
SLOW = 3.0
BIG = 50 * 1024 * 1024
LAST_MODIFIED = "Mon, 04 Jan 2021 10:00:00 GMT"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 2000
CHARSETS = {"/verhalen/verkeerd-charset.html": "utf-8", "/verhalen/utf8-als-latin1.html": "iso-8859-1"}


@dataclass(frozen=True)
class Hit:
    path: str
    status: int
    conditional: bool
    start: float  # when the request arrived
    at: float  # when the answer was sent
    user_agent: str


@dataclass
class Site:
    base: str = ""
    log: list[Hit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    reset_at: float = 0.0  # requests that arrived before the last reset are not logged
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def reset(self) -> None:
        """Forget the log and the request counts (the 500 and 429 pages fail again once)."""
        self.clear_log()
        with self.lock:
            self.counts.clear()

    def clear_log(self) -> None:
        with self.lock:
            self.log.clear()
            self.reset_at = time.monotonic()

    def hits(self, path: str) -> list[Hit]:
        return [h for h in self.log if h.path == path]

    def max_in_flight(self, prefix: str = "/") -> int:
        """The most requests under ``prefix`` that were being answered at the same moment."""
        log = [h for h in self.log if h.path.startswith(prefix)]
        edges = sorted([(h.start, 1) for h in log] + [(h.at, -1) for h in log])
        now = peak = 0
        for _, step in edges:
            now += step
            peak = max(peak, now)
        return peak


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep the test output clean
            pass

        def _record(self, status: int) -> None:
            conditional = bool(self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"))
            with site.lock:
                if self.arrived < site.reset_at:
                    return
                site.log.append(Hit(urlsplit(self.path).path, status, conditional, self.arrived, time.monotonic(),
                                    self.headers.get("User-Agent", "")))

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
                  headers: dict[str, str] | None = None) -> None:
            self._record(status)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802
            self.arrived = time.monotonic()
            try:
                self._route()
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _route(self) -> None:
            parts = urlsplit(self.path)
            path = parts.path
            with site.lock:
                site.counts[path] = n = site.counts.get(path, 0) + 1
            if path.startswith("/naar/"):
                return self._send(302, headers={"Location": parse_qs(parts.query)["to"][0]})
            if path == "/verhalen/storing.html" and n == 1:
                return self._send(500, b"<h1>Interne fout</h1>")
            if path == "/verhalen/druk.html":
                if n == 1:
                    return self._send(429, b"te druk", headers={"Retry-After": "1"})
                path = "/verhalen/storing.html"
            if path == "/verhalen/traag.html":
                time.sleep(SLOW)
            if path.startswith("/langzaam/"):  # a page that takes a moment: /langzaam/1.html …
                time.sleep(0.3)
                path = "/verhalen/storing.html"
            if path in ("/verhalen/lus-a.html", "/verhalen/lus-b.html"):
                other = "/verhalen/lus-b.html" if path.endswith("a.html") else "/verhalen/lus-a.html"
                return self._send(301, headers={"Location": other})
            if path == "/verhalen/groot.html":
                return self._big()
            if path == "/verhalen/plaatje.html":
                return self._send(200, PNG, "text/html")
            self._file(path)

        def _big(self) -> None:
            self._record(200)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = (b"<p>" + b"Heel veel tekst over samenwerken. " * 1900 + b"</p>\n")[:65536]
            sent = 0
            self.wfile.write(b"<html><body>")
            while sent < BIG:
                self.wfile.write(chunk)
                sent += len(chunk)
            self.close_connection = True

        def _file(self, path: str) -> None:
            gz = path.endswith(".gz")
            file = SITE / path.lstrip("/").removesuffix(".gz")
            if not file.is_file() or ".." in path:
                return self._send(404, b"<h1>Niet gevonden</h1>")
            body = file.read_bytes()
            if file.suffix in (".xml", ".txt"):
                body = body.replace(b"{base}", site.base.encode())
            ctype = {".xml": "application/xml", ".txt": "text/plain"}.get(file.suffix, "text/html; charset=utf-8")
            if path in CHARSETS:
                ctype = f"text/html; charset={CHARSETS[path]}"
            if gz:
                body, ctype = gzip.compress(body, mtime=0), "application/gzip"
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag or (
                    not self.headers.get("If-None-Match") and self.headers.get("If-Modified-Since") == LAST_MODIFIED):
                self._record(304)
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self._send(200, body, ctype, {"ETag": etag, "Last-Modified": LAST_MODIFIED})

    return Handler


@pytest.fixture(scope="session")
def site_server() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(site_server: Site) -> Site:
    site_server.reset()
    return site_server


@pytest.fixture
def fast_policy():  # noqa: ANN201
    """A policy that keeps tests quick: no per-host delay, short timeouts and backoff."""
    from oogst.ingest import FetchPolicy

    return FetchPolicy(contact="redactie@kennisbank.example", host_delay=0.0, read_timeout=1.0,
                       connect_timeout=2.0, backoff=0.05, max_wait=2.0, max_bytes=1024 * 1024)
