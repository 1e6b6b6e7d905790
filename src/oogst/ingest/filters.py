"""Which sources a run keeps: a period, --since/--until, and a pattern on the URL path.

Dates follow the rule of ``oogst.select.period``: a (partial) date is kept when its whole span
lies inside; ``2020`` is not inside ``2020-H2``. A page's own date decides, so the page is
fetched first; an undated page is skipped while a date filter is set.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from oogst.errors import InputError, PeriodError
from oogst.select.period import Period, parse_period

_FIRST, _LAST = "0001", "9999"


@dataclass(frozen=True, slots=True)
class Filters:
    periods: tuple[Period, ...] = ()
    match: re.Pattern[str] | None = None

    @classmethod
    def build(cls, period: str | None = None, since: str | None = None, until: str | None = None,
              match: str | None = None) -> Filters:
        """Raises PeriodError or InputError with a readable sentence for a bad value."""
        periods = [parse_period(period)] if period else []
        for flag, value in (("--since", since), ("--until", until)):
            if value:
                try:
                    parse_period(value)
                except PeriodError as exc:
                    raise PeriodError(f"{flag} {value!r}: {exc.reason}", exc.reason) from None
        if since or until:
            periods.append(parse_period(f"{since or _FIRST}..{until or _LAST}"))
        pattern = None
        if match:
            try:
                pattern = re.compile(match)
            except re.error as exc:
                raise InputError(f"--match {match!r} is not a valid regular expression ({exc})") from None
        return cls(tuple(periods), pattern)

    @property
    def by_date(self) -> bool:
        return bool(self.periods)

    def url_reason(self, url: str) -> str | None:
        """Why a URL is skipped before fetching (its path does not match), or None."""
        if self.match is None:
            return None
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return None if self.match.search(path) else f"the URL path does not match {self.match.pattern!r}"

    def lastmod_reason(self, lastmod: str | None, listing: str = "sitemap") -> str | None:
        """Why a sitemap entry is skipped unfetched: last modified before a period began.

        Only that case: a page is published no later than it was last modified, so it cannot
        be inside. A later ``lastmod`` says nothing about when the page was published.
        """
        for period in self.periods:
            if lastmod and period.placement(lastmod) == "outside" and lastmod < period.start.isoformat():
                return f"last modified {lastmod} (says the {listing}), before {_show(period)} begins"
        return None

    def feed_date_reason(self, published: str | None) -> str | None:
        """Why a feed entry is skipped unfetched: the feed dates it more than a day outside a
        period (the day of margin absorbs time zones: a feed in UTC, a page in local time)."""
        if not published:
            return None
        try:
            day = date.fromisoformat(published)
        except ValueError:
            return None
        # compare the shifted feed date, not a shifted bound: open periods run to 9999-12-31;
        # at the ends of the calendar the unshifted date is as good as any
        early = day + timedelta(days=1) if day < date.max else day
        late = day - timedelta(days=1) if day > date.min else day
        for period in self.periods:
            if early < period.start or late > period.end:
                return f"published {published} (says the feed), outside {_show(period)}"
        return None

    def date_reason(self, published: str | None) -> str | None:
        """Why a document with this (partial) date is skipped, or None to keep it."""
        for period in self.periods:
            place = period.placement(published)
            if place == "undated":
                return "no publication date found, and a date filter is set"
            if place == "outside":
                return f"published {published}, outside {_show(period)}"
            if place == "partial":
                return f"dated only {published}, which is not wholly inside {_show(period)}"
        return None


def _show(period: Period) -> str:
    return period.text.replace(f"{_FIRST}..", "until ").replace(f"..{_LAST}", " or later")


__all__ = ["Filters"]
