"""robots.txt, read once per site through oogst's own client (so every fetching rule applies).

Following RFC 9309: a robots.txt that does not exist (HTTP 4xx) allows everything; one that
cannot be read (HTTP 5xx, time-out, refused) allows nothing, because we cannot know.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from oogst.errors import FetchError
from oogst.ingest.safety import BlockedAddress

ROBOTS_MAX_BYTES = 512 * 1024

# fetch(url) -> (HTTP status, text); raises FetchError when the file cannot be fetched at all
RobotsFetch = Callable[[str], tuple[int, str]]


@dataclass(frozen=True, slots=True)
class Rules:
    parser: RobotFileParser | None  # None: everything allowed
    unreadable: str | None = None  # why nothing is allowed
    unreachable: bool = False  # the site did not answer at all (no HTTP status)

    def allows(self, agent: str, url: str) -> bool:
        if self.unreadable:
            return False
        return self.parser is None or self.parser.can_fetch(agent, url)

    def crawl_delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay is not None else None


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class Robots:
    """robots.txt rules per origin, fetched on first use and kept for the run."""

    def __init__(self, fetch: RobotsFetch, agent: str) -> None:
        self._fetch = fetch
        self.agent = agent
        self._rules: dict[str, Rules] = {}
        self._lock = threading.Lock()
        self._origin_locks: dict[str, threading.Lock] = {}

    def rules(self, url: str) -> Rules:
        key = origin(url)
        with self._lock:
            lock = self._origin_locks.setdefault(key, threading.Lock())
        with lock:  # one fetch of robots.txt per site, even with many workers
            if key not in self._rules:
                self._rules[key] = self._load(key)
            return self._rules[key]

    def refusal(self, url: str) -> str | None:
        """Why robots.txt does not let us fetch ``url``, or None when it does."""
        rules = self.rules(url)
        if rules.allows(self.agent, url):
            return None
        if rules.unreadable and rules.unreachable:
            return rules.unreadable  # the site itself cannot be reached: say that
        if rules.unreadable:
            return f"robots.txt of {urlsplit(url).netloc} could not be read ({rules.unreadable}), so nothing there is fetched"
        return f"robots.txt of {urlsplit(url).netloc} does not allow fetching this page"

    def _load(self, key: str) -> Rules:
        try:
            status, text = self._fetch(key + "/robots.txt")
        except BlockedAddress:
            raise  # the page itself is refused; say that, not "robots.txt unreadable"
        except FetchError as exc:
            return Rules(None, unreadable=str(exc), unreachable=True)
        if status >= 500 or status == 429:
            return Rules(None, unreadable=f"HTTP {status}")
        if status >= 400:
            return Rules(None)
        parser = RobotFileParser()
        parser.parse(text.splitlines())
        return Rules(parser)


__all__ = ["ROBOTS_MAX_BYTES", "Robots", "Rules", "origin"]
