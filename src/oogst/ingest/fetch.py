"""Fetching over HTTP(S), politely: one httpx client for a whole run.

Every request: the scheme and address checks of ``safety``, robots.txt, a per-host delay and
concurrency limit, timeouts, redirects followed by hand (each hop checked again, at most
``max_redirects``), retries with backoff on 429/5xx honouring Retry-After, a body-size cap
while streaming, and ETag / Last-Modified validators for conditional requests.
"""
from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import httpx

from oogst.errors import FetchError
from oogst.ingest import safety
from oogst.ingest.policy import FetchPolicy
from oogst.ingest.robots import ROBOTS_MAX_BYTES, Robots

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
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
    """At most ``host_concurrency`` requests per host, starts at least ``delay`` apart."""

    def __init__(self, policy: FetchPolicy, sleep: Callable[[float], None]) -> None:
        self._policy, self._sleep = policy, sleep
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
        with gate.semaphore:
            with gate.lock:
                now = time.monotonic()
                start = max(now, gate.next_start)
                gate.next_start = start + gate.delay
            if start > now:
                self._sleep(start - now)
            yield


class StatusError(FetchError):
    """The server answered with an HTTP error status."""

    def __init__(self, status: int) -> None:
        super().__init__(http_reason(status))
        self.status = status


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def http_reason(status: int) -> str:
    """A sentence for an HTTP error status."""
    try:
        phrase = f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        phrase = f"HTTP {status}"
    if status in (404, 410):
        return f"the page does not exist ({phrase})"
    if status in (401, 403):
        return f"the server refused access ({phrase})"
    if status == 429:
        return f"the server kept saying we ask too often ({phrase}), also after retrying"
    if status >= 500:
        return f"the server had an error ({phrase}), also after retrying"
    return f"the server answered {phrase}"


def _why(exc: Exception) -> str:
    """An exception's message without the "[Errno 111]" prefix."""
    text = str(exc) or type(exc).__name__
    return text.split("] ", 1)[1] if text.startswith("[Errno") and "] " in text else text


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


class Fetcher:
    """Fetch URLs under a ``FetchPolicy``; use as a context manager. Safe to share between threads."""

    def __init__(self, policy: FetchPolicy | None = None, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.policy = policy or FetchPolicy()
        self._sleep = sleep
        p = self.policy
        self._client = httpx.Client(
            transport=safety.transport(p.allow_private_addresses, max(4, p.workers * 2)),
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout),
            headers={"User-Agent": p.user_agent, "Accept": ACCEPT, "Accept-Language": "nl, en;q=0.8"},
            follow_redirects=False, trust_env=p.allow_private_addresses)
        self._gates = _HostGates(p, sleep)
        self.robots = Robots(self._robots_txt, p.user_agent)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            robots: bool = True, max_bytes: int | None = None) -> Response:
        """GET ``url``; raises FetchError with a readable reason. A 304 comes back as status 304."""
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
            result = self._request(url, headers, limit)
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
        try:
            resp = self.get(url, robots=False, max_bytes=ROBOTS_MAX_BYTES)
        except StatusError as exc:
            return exc.status, ""
        return resp.status, resp.body.decode("utf-8", errors="replace")

    def _request(self, url: str, headers: dict[str, str], limit: int) -> Response | str:
        """One hop: a Response, or the URL a redirect points to."""
        host = urlsplit(url).netloc.lower()
        p = self.policy
        for attempt in range(p.retries + 1):
            last_try = attempt == p.retries
            wait = min(p.backoff * 2**attempt, p.max_wait)
            try:
                with self._gates.slot(host), self._client.stream("GET", url, headers=headers) as resp:
                    status = resp.status_code
                    if status in RETRY_STATUSES and not last_try:
                        after = _retry_after(resp.headers.get("retry-after"))
                        wait = min(after, p.max_wait) if after is not None else wait
                    elif 300 <= status < 400 and status != 304:
                        if not resp.headers.get("location"):
                            raise FetchError(f"the server redirected (HTTP {status}) without saying where to")
                        return urljoin(url, resp.headers["location"])
                    elif status >= 400:
                        raise StatusError(status)
                    else:
                        return self._response(url, resp, limit)
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
            self._sleep(wait)
        raise FetchError("could not fetch")  # not reached: the last try returns or raises

    def _response(self, url: str, resp: httpx.Response, limit: int) -> Response:
        ctype, _, params = resp.headers.get("content-type", "").partition(";")
        charset = None
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"' ")
        body = b""
        if resp.status_code != 304:
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchError(f"the page is {_mb(int(declared))}, more than the {_mb(limit)} limit")
            buf = bytearray()
            for chunk in resp.iter_bytes(65536):
                buf.extend(chunk)
                if len(buf) > limit:
                    raise FetchError(f"the page is larger than the {_mb(limit)} limit")
            body = bytes(buf)
        return Response(url, 304 if resp.status_code == 304 else 200, body, ctype.strip().lower(), charset,
                        resp.headers.get("etag"), resp.headers.get("last-modified"))


__all__ = ["Fetcher", "Response", "StatusError", "http_reason"]
