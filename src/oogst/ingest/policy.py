"""How politely and how safely oogst fetches: one frozen value passed to every fetching function."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace

from oogst import __version__

CONTACT_ENV = "OOGST_CONTACT"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Limits and manners for fetching URLs.

    ``allow_private_addresses`` is True for the command line on your own machine (an intranet
    page is a fine source there). A server that fetches URLs its users type — the web UI —
    must pass False: loopback, private-network and link-local addresses are then refused,
    also when a redirect or a DNS answer leads there.
    """

    contact: str | None = None  # an e-mail address or URL for site owners, sent in the User-Agent
    allow_private_addresses: bool = True
    connect_timeout: float = 10.0  # seconds
    read_timeout: float = 20.0  # seconds without a byte from the server
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024  # a page (or an unpacked sitemap) larger than this fails
    retries: int = 3  # extra tries after HTTP 429, 500, 502, 503, 504 or a dropped connection
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    max_wait: float = 60.0  # cap on Retry-After, backoff and robots.txt Crawl-delay waits
    host_delay: float = 1.0  # seconds between the starts of two requests to one host
    host_concurrency: int = 2  # requests in flight to one host at most
    workers: int = 4  # pages fetched and extracted at the same time
    max_sitemaps: int = 200  # sitemap files read per source at most
    deadline: float = 120.0  # seconds one URL may take in all: slow bytes, retries, redirects
    robots_deadline: float = 15.0  # seconds for a site's robots.txt (one try)
    max_links: int = 1000  # pages followed from one sitemap or feed at most

    def __post_init__(self) -> None:
        """Refuse limits that would make every fetch fail with an odd error (or never end)."""
        import math

        from oogst.errors import InputError

        for name in ("connect_timeout", "read_timeout", "deadline", "robots_deadline"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
                raise InputError(f"{name.replace('_', ' ')} must be a number of seconds above 0, not {value!r}")
        for name in ("backoff", "max_wait", "host_delay"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
                raise InputError(f"{name.replace('_', ' ')} must be a number of seconds of 0 or more, not {value!r}")
        for name in ("max_bytes", "max_links", "max_sitemaps", "workers", "host_concurrency"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise InputError(f"{name.replace('_', ' ')} must be a whole number of 1 or more, not {value!r}")

    @classmethod
    def from_env(cls, **overrides: object) -> FetchPolicy:
        """The defaults, with the contact address from ``$OOGST_CONTACT`` unless one is given."""
        policy = cls(contact=os.environ.get(CONTACT_ENV) or None)
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(policy, **given)  # type: ignore[arg-type]

    @property
    def user_agent(self) -> str:
        contact = f"; +{self.contact}" if self.contact else ""
        return f"oogst/{__version__} (digest harvester{contact})"


__all__ = ["CONTACT_ENV", "FetchPolicy"]
