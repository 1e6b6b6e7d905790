"""Servers that misbehave: every case ends within its deadline, with a clear reason, and the
other sources of the same run are still stored."""
from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from oogst.ingest import add
from oogst.ingest.fetch import Fetcher
from oogst.errors import FetchError
from oogst.store import Store
from .conftest import RunCli
from .server import Faulty, fast_policy


@pytest.fixture
def server():  # noqa: ANN201
    with Faulty(drip=0.2) as srv:
        yield srv


def _add(tmp_path: Path, urls: list[str], **policy: object):  # noqa: ANN202
    with Store(tmp_path / "s.db") as st:
        start = time.monotonic()
        summary = add(st, urls, policy=fast_policy(**policy))
        return summary, time.monotonic() - start, [d.url for d in st.documents()]


@pytest.mark.parametrize(("path", "words"), [
    ("/traag-kop.html", "took longer than 2 s in all"),
    ("/traag-lijf.html", "took longer than 2 s in all"),
])
def test_slowloris_ends_at_the_deadline_and_the_rest_is_stored(tmp_path: Path, server: Faulty,
                                                                path: str, words: str) -> None:
    summary, took, docs = _add(tmp_path, [server.url(path), server.url("/artikel/1.html")])
    assert took < 8
    assert [u for u, _ in summary.failed] == [server.url(path)]
    assert words in summary.failed[0][1]
    assert docs == [server.url("/artikel/1.html")]


def test_retry_after_beyond_the_deadline_fails_at_once(tmp_path: Path, server: Faulty) -> None:
    summary, took, docs = _add(tmp_path, [server.url("/wacht.html"), server.url("/artikel/2.html")])
    assert took < 3
    reason = dict(summary.failed)[server.url("/wacht.html")]
    assert "come back in 28 h" in reason and "not retried" in reason
    assert server.count("/wacht.html") == 1
    assert docs == [server.url("/artikel/2.html")]


def test_status_999_says_what_it_is_without_claiming_a_retry(tmp_path: Path, server: Faulty) -> None:
    summary, _, _ = _add(tmp_path, [server.url("/status-999.html")])
    reason = summary.failed[0][1]
    assert "HTTP 999" in reason and "does not define" in reason and "retrying" not in reason
    assert server.count("/status-999.html") == 1


def test_gzip_bomb_is_refused_early_with_flat_memory(server: Faulty) -> None:
    from .server import bomb

    bomb()  # build it before measuring
    tracemalloc.start()
    try:
        with Fetcher(fast_policy(max_bytes=10 * 1024 * 1024, deadline=10.0)) as fetcher:
            with pytest.raises(FetchError, match="larger than the 10 MB limit when unpacked"):
                fetcher.get(server.url("/bom.html"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB while refusing a 200 MB bomb"


def test_compressed_pages_still_read(tmp_path: Path) -> None:
    import gzip
    import zlib
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    import threading

    from .server import ARTICLE

    page = ARTICLE.format(n=7, day=7).encode()
    bodies = {"/gzip.html": ("gzip", gzip.compress(page)), "/deflate.html": ("deflate", zlib.compress(page)),
              "/raw.html": ("deflate", zlib.compress(page)[2:-4]), "/br.html": ("br", b"\x0b\x00\x80")}

    class H(BaseHTTPRequestHandler):
        def log_message(self, *a: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            if self.path not in bodies:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            enc, body = bodies[self.path]
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", enc)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    try:
        with Fetcher(fast_policy()) as fetcher:
            for path in ("/gzip.html", "/deflate.html", "/raw.html"):
                assert fetcher.get(base + path).body == page, path
            with pytest.raises(FetchError, match="encoded as 'br'"):
                fetcher.get(base + "/br.html")
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.mark.parametrize(("robots", "words"), [
    ("429", "could not be read (HTTP 429)"),
    ("traag", "robots.txt took longer than 1.5 s"),
])
def test_unreadable_robots_costs_one_try_and_its_own_deadline(tmp_path: Path, robots: str, words: str) -> None:
    with Faulty(robots=robots, drip=0.2) as srv:
        summary, took, docs = _add(tmp_path, [srv.url("/artikel/1.html"), srv.url("/artikel/2.html")])
        assert srv.count("/robots.txt") == 1
    assert took < 5 and docs == []
    assert len(summary.failed) == 2 and all(words in r for _, r in summary.failed), summary.failed


def test_huge_robots_is_read_to_its_limit_and_obeyed(tmp_path: Path) -> None:
    with Faulty(robots="groot") as srv:
        summary, took, docs = _add(tmp_path, [srv.url("/artikel/1.html")], deadline=10.0, robots_deadline=10.0)
    assert not summary.failed, summary.failed
    assert docs == [srv.url("/artikel/1.html")]


def test_sitemap_and_feed_links_are_capped_with_a_note(tmp_path: Path, server: Faulty) -> None:
    summary, took, docs = _add(tmp_path, [server.url("/sitemap-50000.xml"), server.url("/feed-10000.xml")],
                               max_links=5)
    # both list /artikel/0… in order: the one read first follows 0–4, the other 5–9
    capped = {url: (n, left) for url, n, left in summary.capped}
    assert capped[server.url("/sitemap-50000.xml")][0] == 50000 and capped[server.url("/feed-10000.xml")][0] == 10000
    assert sum(n - left for n, left in capped.values()) == 15  # 5 + 5 followed, 5 already seen
    assert server.count("/artikel/") == 10
    assert len(docs) == 10 and summary.partial


def test_a_forwarding_stub_is_followed_not_stored(tmp_path: Path, server: Faulty) -> None:
    summary, _, docs = _add(tmp_path, [server.url("/doorsturen.html")])
    assert not summary.failed
    assert docs == [server.url("/artikel/1.html")]


def test_cli_slowloris_summary_and_exit_code(tmp_path: Path, server: Faulty, run_cli: RunCli) -> None:
    store = str(tmp_path / "s.db")
    res = run_cli("add", server.url("/traag-lijf.html"), server.url("/artikel/3.html"), "--store", store,
                  "--delay", "0", "--timeout", "1", "--deadline", "1.5", "--contact", "r@x.example")
    assert res.code == 3, res
    assert "added 1," in res.out and "failed 1" in res.out and "took longer than 1.5 s" in res.out
    res = run_cli("add", server.url("/sitemap-40.xml"), "--store", store, "--delay", "0", "--max-links", "3",
                  "--strict", "--contact", "r@x.example")
    assert res.code == 3 and "capped: " in res.out and "lists 40 links; the last 37 were not followed" in res.out, res


def test_waiting_for_a_hosts_turn_does_not_count_against_the_deadline(tmp_path: Path, server: Faulty) -> None:
    urls = [server.url(f"/artikel/{i}.html") for i in range(4)]
    summary, took, docs = _add(tmp_path, urls, host_delay=0.6, deadline=0.5, host_concurrency=1)
    assert not summary.failed, summary.failed
    assert len(docs) == 4 and took >= 1.8  # 4 starts 0.6 s apart: the last waited 1.8 s, past its 0.5 s
