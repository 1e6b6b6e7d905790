"""An overall deadline per fetch, enforced below httpx, on every read from the socket.

httpx's read timeout is per read: a server that sends one byte a second ("slowloris") never
trips it, in the headers or in the body. A ``Budget`` is the time one URL may take in all;
``within(seconds)`` sets it for the current thread, and the network backend installed by
``guard`` clamps every connect and read to what is left and raises ``DeadlineExceeded`` once
it is spent. Time spent waiting politely for a host (the per-host delay, a Crawl-delay) does
not count: ``pause`` moves the end out by that much.
"""
from __future__ import annotations

import threading
import time
import typing
from collections.abc import Iterator
from contextlib import contextmanager

import httpcore

from oogst.errors import FetchError


class DeadlineExceeded(FetchError):
    """A URL took longer in all than its deadline."""


class Budget:
    def __init__(self, seconds: float, what: str) -> None:
        self.seconds = seconds
        self.what = what
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return self.end - time.monotonic()

    def pause(self, seconds: float) -> None:
        self.end += max(0.0, seconds)

    def exceeded(self) -> DeadlineExceeded:
        return DeadlineExceeded(f"{self.what} took longer than {self.seconds:g} s in all "
                                "(the server sends too slowly); given up")


_local = threading.local()


def current() -> Budget | None:
    return getattr(_local, "budget", None)


@contextmanager
def within(seconds: float, what: str = "the page") -> Iterator[Budget]:
    """A budget of ``seconds`` for this thread, never longer than an enclosing one."""
    outer = current()
    budget = Budget(seconds, what)
    if outer is not None and outer.end < budget.end:
        budget.end, budget.seconds, budget.what = outer.end, outer.seconds, outer.what
    _local.budget = budget
    try:
        yield budget
    finally:
        _local.budget = outer


def pause(seconds: float) -> None:
    """Waiting ``seconds`` on purpose (politeness) does not count against the budget."""
    budget = current()
    if budget is not None:
        budget.pause(seconds)


def _clamp(timeout: float | None) -> float | None:
    budget = current()
    if budget is None:
        return timeout
    left = budget.left()
    if left <= 0:
        raise budget.exceeded()
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        budget = current()
        clamped = _clamp(timeout)
        try:
            return self._inner.read(max_bytes, clamped)
        except httpcore.ReadTimeout:
            if budget is not None and budget.left() <= 0:
                raise budget.exceeded() from None
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clamp(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: typing.Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _clamp(timeout)))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_tcp(host, port, _clamp(timeout), local_address, socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(path, _clamp(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def guard(transport: typing.Any) -> typing.Any:
    """Install the deadline on an httpx.HTTPTransport's connection pool (before its first use)."""
    pool = transport._pool  # noqa: SLF001 — httpx has no public hook for the network backend
    pool._network_backend = _Backend(pool._network_backend)  # noqa: SLF001
    return transport


__all__ = ["Budget", "DeadlineExceeded", "current", "guard", "pause", "within"]
