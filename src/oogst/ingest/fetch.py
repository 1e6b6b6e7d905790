"""Fetching over HTTP(S), politely: one httpx client for a whole run.

Every request: the scheme and address checks of ``safety``, robots.txt, a per-host delay and
concurrency limit, timeouts, redirects followed by hand (each hop checked again, at most
``max_redirects``), retries with backoff on 429/5xx honouring Retry-After, a body-size cap
while streaming, and ETag / Last-Modified validators for conditional requests.
"""
from __future__ import annotations

import email.utils
import math
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import httpx

from oogst.errors import FetchError
from oogst.ingest import deadline, safety
from oogst.ingest.policy import FetchPolicy
from oogst.ingest.robots import ROBOTS_MAX_BYTES, Robots

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ACCEPT_ENCODING = "gzip, deflate"  # what _Decoder unpacks, in bounded steps
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,*/*;q=0.5"


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 when the validators still match
    body: bytes = b""
    content_type: str = ""  # media type only, lower case
    charset: str | None = None  # as the server declared it
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class _Gate:
    semaphore: threading.Semaphore
    delay: float
    next_start: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


class _HostGates:
    """At most ``host_concurrency`` requests per host, starts at least ``delay`` apart (by
    ``clock``, a monotonic clock in seconds; waits through ``sleep``)."""

    def __init__(self, policy: FetchPolicy, sleep: Callable[[float], None],
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._policy, self._sleep, self._clock = policy, sleep, clock
        self._gates: dict[str, _Gate] = {}
        self._lock = threading.Lock()

    def _gate(self, host: str) -> _Gate:
        with self._lock:
            if host not in self._gates:
                sem = threading.Semaphore(max(1, self._policy.host_concurrency))
                self._gates[host] = _Gate(sem, self._policy.host_delay)
            return self._gates[host]

    def slow_down(self, host: str, delay: float) -> None:
        gate = self._gate(host)
        gate.delay = max(gate.delay, min(delay, self._policy.max_wait))

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        gate = self._gate(host)
        queued = self._clock()
        with gate.semaphore:
            deadline.pause(self._clock() - queued)  # waiting our turn is politeness, not slowness
            with gate.lock:
                now = self._clock()
                start = max(now, gate.next_start)
                gate.next_start = start + gate.delay
            if start > now:
                deadline.pause(start - now)
                self._sleep(start - now)
            yield


class StatusError(FetchError):
    """The server answered with an HTTP error status."""

    def __init__(self, status: int, retried: bool = False) -> None:
        super().__init__(http_reason(status, retried))
        self.status = status


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value) if len(value) < 12 else math.inf
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def http_reason(status: int, retried: bool = True) -> str:
    """A sentence for an HTTP error status; ``retried``: whether it came again after retries."""
    try:
        phrase = f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        phrase = f"HTTP {status}"
    again = ", also after retrying" if retried and status in RETRY_STATUSES else ""
    if status in (404, 410):
        return f"the page does not exist ({phrase})"
    if status in (401, 403):
        return f"the server refused access ({phrase})"
    if status == 429:
        return f"the server {'kept saying' if again else 'said'} we ask too often ({phrase}){again}"
    if status >= 600 or status < 100:
        return f"the server answered with a status HTTP does not define ({phrase})"
    if status >= 500:
        return f"the server had an error ({phrase}){again}"
    return f"the server answered {phrase}"


def _why(exc: Exception) -> str:
    """An exception's message without the "[Errno 111]" prefix."""
    text = str(exc) or type(exc).__name__
    return text.split("] ", 1)[1] if text.startswith("[Errno") and "] " in text else text


def _mb(n: int) -> str:
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / (1024 * 1024):.0f} MB"


class _Decoder:
    """Content-Encoding undone in bounded steps: a gzip bomb stops at ``limit`` bytes unpacked,
    not after httpx has inflated a whole network chunk (a 64 KB chunk can hold 64 MB)."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        for c in codings:
            if c not in ("gzip", "x-gzip", "deflate"):
                raise FetchError(f"the server sent the page encoded as {c!r}, which oogst does not read")
        self.codings = codings  # applied in order; undone in reverse
        self._objs = [self._new(c) for c in reversed(codings)]
        self.compressed = bool(codings)

    @staticmethod
    def _new(coding: str):  # noqa: ANN205
        return zlib.decompressobj(zlib.MAX_WBITS | 32 if coding in ("gzip", "x-gzip") else zlib.MAX_WBITS)

    def feed(self, data: bytes, room: int) -> bytes:
        """Unpack ``data``, returning at most ``room + 1`` bytes (one more says "over the limit")."""
        for i, obj in enumerate(self._objs):
            data = self._step(i, obj, data, room + 1)
        return data

    def _step(self, i: int, obj, data: bytes, most: int) -> bytes:  # noqa: ANN001
        try:
            out = obj.decompress(data, most)
        except zlib.error:
            if self.codings[::-1][i] == "deflate" and not obj.unused_data and obj.eof is False:
                # raw deflate without the zlib header (servers send both)
                self._objs[i] = obj = zlib.decompressobj(-zlib.MAX_WBITS)
                try:
                    return obj.decompress(data, most)
                except zlib.error as exc:
                    raise FetchError(f"the page's compression is broken ({exc})") from None
            raise FetchError("the page's compression is broken") from None
        return out


class Fetcher:
    """Fetch URLs under a ``FetchPolicy``; use as a context manager. Safe to share between threads.

    ``sleep`` (every wait: a host's turn, a retry's backoff or Retry-After) and ``clock`` (the
    monotonic clock that spaces a host's requests) can be replaced, so that tests of the waits
    need no real time."""

    def __init__(self, policy: FetchPolicy | None = None, *, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.policy = policy or FetchPolicy()
        self._sleep = sleep
        p = self.policy
        self._client = httpx.Client(
            transport=deadline.guard(safety.transport(p.allow_private_addresses, max(4, p.workers * 2))),
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout),
            headers={"User-Agent": p.user_agent, "Accept": ACCEPT, "Accept-Language": "nl, en;q=0.8",
                     "Accept-Encoding": ACCEPT_ENCODING},
            follow_redirects=False, trust_env=p.allow_private_addresses)
        self._gates = _HostGates(p, sleep, clock)
        self.robots = Robots(self._robots_txt, p.user_agent)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            robots: bool = True, max_bytes: int | None = None) -> Response:
        """GET ``url``; raises FetchError with a readable reason. A 304 comes back as status 304.

        The whole call — robots.txt, redirects, retries and every byte — ends within the
        policy's ``deadline`` (time waiting for a host's turn not counted)."""
        with deadline.within(self.policy.deadline, "the page"):
            return self._get(url, etag=etag, last_modified=last_modified, robots=robots, max_bytes=max_bytes)

    def _get(self, url: str, *, etag: str | None, last_modified: str | None, robots: bool,
             max_bytes: int | None, retries: int | None = None, truncate: bool = False) -> Response:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = max_bytes or self.policy.max_bytes
        seen = [url]
        for _ in range(self.policy.max_redirects + 1):
            safety.check_scheme(url)
            if robots:
                refusal = self.robots.refusal(url)
                if refusal:
                    raise FetchError(refusal)
                self._apply_crawl_delay(url)
            result = self._request(url, headers, limit, retries, truncate)
            if isinstance(result, Response):
                return result
            url = result
            if url in seen:
                raise FetchError("a redirect loop: " + " → ".join(urlsplit(u).path or "/" for u in seen + [url]))
            seen.append(url)
        raise FetchError(f"too many redirects (more than {self.policy.max_redirects})")

    def _apply_crawl_delay(self, url: str) -> None:
        delay = self.robots.rules(url).crawl_delay(self.robots.agent)
        if delay:
            self._gates.slow_down(urlsplit(url).netloc.lower(), delay)

    def _robots_txt(self, url: str) -> tuple[int, str]:
        """robots.txt: one try, its own (shorter) deadline, and only its first 512 KB read —
        RFC 9309 lets a crawler ignore what lies past its parsing limit."""
        with deadline.within(self.policy.robots_deadline, "robots.txt"):
            try:
                resp = self._get(url, etag=None, last_modified=None, robots=False,
                                 max_bytes=ROBOTS_MAX_BYTES, retries=0, truncate=True)
            except StatusError as exc:
                return exc.status, ""
        return resp.status, resp.body.decode("utf-8", errors="replace")

    def _request(self, url: str, headers: dict[str, str], limit: int, retries: int | None = None,
                 truncate: bool = False) -> Response | str:
        """One hop: a Response, or the URL a redirect points to."""
        host = urlsplit(url).netloc.lower()
        p = self.policy
        tries = p.retries if retries is None else retries
        for attempt in range(tries + 1):
            last_try = attempt == tries
            wait = min(p.backoff * 2**attempt, p.max_wait)
            asked: float | None = None
            try:
                with self._gates.slot(host), self._client.stream("GET", url, headers=headers) as resp:
                    status = resp.status_code
                    if status in RETRY_STATUSES and not last_try:
                        asked = _retry_after(resp.headers.get("retry-after"))
                        wait = min(asked, p.max_wait) if asked is not None else wait
                    elif 300 <= status < 400 and status != 304:
                        if not resp.headers.get("location"):
                            raise FetchError(f"the server redirected (HTTP {status}) without saying where to")
                        return urljoin(url, resp.headers["location"])
                    elif status >= 400 or status < 200:
                        raise StatusError(status, retried=attempt > 0)
                    else:
                        return self._response(url, resp, limit, truncate)
            except httpx.ConnectTimeout:
                raise FetchError(f"could not connect within {p.connect_timeout:g} s") from None
            except httpx.TimeoutException:
                raise FetchError(f"the server did not answer within {p.read_timeout:g} s") from None
            except httpx.ConnectError as exc:
                if last_try:
                    raise FetchError(f"could not connect to {host} ({_why(exc)})") from None
            except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
                if last_try:
                    raise FetchError(f"the connection broke off ({_why(exc)})") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"could not fetch: {exc or type(exc).__name__}") from None
            budget = deadline.current()
            left = budget.left() if budget is not None else math.inf
            if asked is not None and asked > left:
                raise FetchError(f"the server asks us to come back in {_seconds(asked)} (HTTP {status}, "
                                 f"Retry-After), longer than this URL may still take ({left:.0f} s of "
                                 f"--deadline); not retried")
            if wait >= left:
                raise budget.exceeded() if budget is not None else FetchError("could not fetch")
            self._sleep(wait)
        raise FetchError("could not fetch")  # not reached: the last try returns or raises

    def _response(self, url: str, resp: httpx.Response, limit: int, truncate: bool = False) -> Response:
        ctype, _, params = resp.headers.get("content-type", "").partition(";")
        charset = None
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"' ")
        body = b""
        if resp.status_code != 304:
            body = self._body(resp, limit, truncate)
        return Response(url, 304 if resp.status_code == 304 else 200, body, ctype.strip().lower(), charset,
                        resp.headers.get("etag"), resp.headers.get("last-modified"))

    @staticmethod
    def _body(resp: httpx.Response, limit: int, truncate: bool) -> bytes:
        """The body, unpacked, never more than ``limit`` bytes in memory (``truncate``: keep
        the first ``limit`` bytes instead of failing)."""
        what = "robots.txt" if truncate else "the page"
        decoder = _Decoder(resp.headers.get("content-encoding", ""), limit)
        declared = resp.headers.get("content-length", "")
        if not truncate and declared.isdigit() and len(declared) < 20 and int(declared) > limit:
            raise FetchError(f"{what} is {_mb(int(declared))}, more than the {_mb(limit)} limit")
        buf = bytearray()
        for chunk in resp.iter_raw(65536):
            buf.extend(decoder.feed(chunk, limit - len(buf)) if decoder.compressed else chunk)
            if len(buf) > limit:
                if truncate:
                    return bytes(buf[:limit])
                packed = " when unpacked (it is sent compressed)" if decoder.compressed else ""
                raise FetchError(f"{what} is larger than the {_mb(limit)} limit{packed}")
        return bytes(buf)


def _seconds(value: float) -> str:
    if not math.isfinite(value) or value > 86400 * 365:
        return "more than a year"
    if value >= 3600:
        return f"{value / 3600:.0f} h"
    return f"{value:.0f} s"


__all__ = ["Fetcher", "Response", "StatusError", "http_reason"]
