"""Periods such as ``2020-Q3..2020-Q4``: parsing, membership of partial dates, labels, titles.

Accepted forms (each side of ``..`` may use any unit; a single unit is a period by itself):
``2020``, ``2020-H2``, ``2020-Q3``, ``2020-07``, ``2020-07-01``.

Membership rule: a published date is *inside* when its whole span lies within the period
(``2020-08`` is inside Q3 2020; ``2020`` is not inside H2 2020 because it may be from March).
A date whose span only partly overlaps the period is ``"partial"`` and counts as outside.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from oogst.errors import PeriodError
from oogst.models import normalize_partial_date
from oogst.select.lexicon import Lexicon, get_lexicon

Unit = Literal["year", "half", "quarter", "month", "day"]
Placement = Literal["inside", "outside", "partial", "undated"]

_UNIT = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<h>[Hh]\d)|(?P<q>[Qq]\d)|(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?))?$"
)


@dataclass(frozen=True, slots=True)
class _Span:
    start: dt.date
    end: dt.date
    unit: Unit
    year: int
    index: int  # half, quarter or month number; day of month for days


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _unreadable(whole: str, reason: str) -> PeriodError:
    return PeriodError(f"cannot read period {whole!r}: {reason}", reason)


def _parse_unit(text: str, whole: str) -> _Span:
    m = _UNIT.match(text.strip())
    if not m:
        raise _unreadable(whole, f"{text.strip()!r} is not a year, half (2020-H2), "
                                 "quarter (2020-Q3), month (2020-07) or day (2020-07-01)")
    year = int(m["y"])
    if year < 1:
        raise _unreadable(whole, "there is no year 0; years start at 0001")
    if m["h"]:
        half = int(m["h"][1:])
        if half not in (1, 2):
            raise _unreadable(whole, f"half {m['h']!r} must be H1 or H2")
        first = 1 + 6 * (half - 1)
        return _Span(dt.date(year, first, 1), _month_end(year, first + 5), "half", year, half)
    if m["q"]:
        q = int(m["q"][1:])
        if not 1 <= q <= 4:
            raise _unreadable(whole, f"quarter {m['q']!r} must be Q1–Q4")
        first = 1 + 3 * (q - 1)
        return _Span(dt.date(year, first, 1), _month_end(year, first + 2), "quarter", year, q)
    if m["m"]:
        month = int(m["m"])
        if not 1 <= month <= 12:
            raise _unreadable(whole, f"month {m['m']} must be 01–12")
        if m["d"]:
            try:
                day = dt.date(year, month, int(m["d"]))
            except ValueError as exc:
                raise _unreadable(whole, str(exc)) from None
            return _Span(day, day, "day", year, day.day)
        return _Span(dt.date(year, month, 1), _month_end(year, month), "month", year, month)
    return _Span(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", year, 0)


@dataclass(frozen=True, slots=True)
class Period:
    """A closed range of days, remembering how it was written (for labels)."""

    start: dt.date
    end: dt.date
    text: str
    first: _Span
    last: _Span

    def placement(self, published: str | None) -> Placement:
        """Where a (partial) ISO date falls; unreadable dates count as undated."""
        try:
            value = normalize_partial_date(published)
        except ValueError:
            return "undated"
        if value is None:
            return "undated"
        span = _parse_unit(value, value)
        if span.start >= self.start and span.end <= self.end:
            return "inside"
        if span.end < self.start or span.start > self.end:
            return "outside"
        return "partial"

    def contains(self, published: str | None) -> bool | None:
        """True inside, False outside or only partly inside, None when undated."""
        place = self.placement(published)
        return None if place == "undated" else place == "inside"

    @property
    def unit(self) -> Unit:
        return self.first.unit if self.first.unit == self.last.unit else "day"

    def label(self, lang: str = "nl", *, with_year: bool = True) -> str:
        """A phrase for the period: "Q3 en Q4 2020", "de tweede helft van 2020", "juli t/m december 2020"."""
        return _label(self, get_lexicon(lang), with_year)


def parse_period(text: str) -> Period:
    """Parse ``2020-Q3..2020-Q4``, ``2020-H2``, ``2020-07..2020-12``, ``2020-07-01..2020-12-31`` …"""
    if not isinstance(text, str) or not text.strip():
        raise PeriodError("no period given: use e.g. 2020-Q3..2020-Q4, 2020-H2 or 2020")
    parts = text.strip().split("..")
    if len(parts) > 2:
        raise _unreadable(text, "use one '..' between start and end")
    first = _parse_unit(parts[0], text)
    last = _parse_unit(parts[-1], text)
    if last.end < first.start:
        raise PeriodError(f"period {text!r} runs backwards: {parts[-1]} is before {parts[0]}")
    if len(parts) == 2 and first.unit == last.unit and first.start == last.start:
        last = first
    return Period(first.start, last.end, text.strip(), first, last)


def _unit_text(span: _Span, lex: Lexicon, with_year: bool) -> str:
    year = f" {span.year}" if with_year else ""
    if span.unit == "quarter":
        return f"Q{span.index}{year}"
    if span.unit == "month":
        return f"{lex.months[span.index - 1]}{year}"
    if span.unit == "day":
        return f"{span.index} {lex.months[span.start.month - 1]}{year}"
    if span.unit == "half":
        return lex.half_template.format(half=lex.halves[span.index - 1], year=span.year)
    return str(span.year)


def _label(period: Period, lex: Lexicon, with_year: bool) -> str:
    a, b = period.first, period.last
    if a == b:
        return _unit_text(a, lex, with_year or a.unit in ("year", "half"))
    if a.unit == b.unit == "year":
        joiner = lex.and_word if b.year - a.year == 1 else lex.through_word
        return f"{a.year} {joiner} {b.year}"
    if a.unit != b.unit or a.unit == "half":
        return f"{_unit_text(a, lex, True)} {lex.through_word} {_unit_text(b, lex, True)}"
    same_year = a.year == b.year
    per_year = {"quarter": 4, "month": 12}.get(a.unit, 0)
    adjacent = bool(per_year) and (b.year * per_year + b.index) - (a.year * per_year + a.index) == 1
    joiner = lex.and_word if adjacent else lex.through_word
    if same_year:
        year = f" {a.year}" if with_year else ""
        return f"{_unit_text(a, lex, False)} {joiner} {_unit_text(b, lex, False)}{year}"
    return f"{_unit_text(a, lex, True)} {joiner} {_unit_text(b, lex, True)}"


def digest_title(
    topic: str | None, period: Period | str, lang: str = "nl", *, with_year: bool | None = None
) -> str:
    """"Wat zeiden jullie in Q3 en Q4 over interbestuurlijk samenwerken?"

    The year is left out when the period lies within one year and is written in quarters,
    months or days (the digest shows the full period elsewhere); it stays for years, halves
    ("in de tweede helft van 2020") and periods that span years. ``with_year`` overrides.
    """
    if isinstance(period, str):
        period = parse_period(period)
    lex = get_lexicon(lang)
    if with_year is None:
        with_year = period.first.year != period.last.year
    when = period.label(lang, with_year=with_year)
    prep = lex.on_word if period.first == period.last and period.unit == "day" else lex.in_word
    clean_topic = (topic or "").strip().rstrip("?").strip()
    if not clean_topic:  # no topic: "Wat zeiden jullie in Q3 en Q4?"
        return lex.open_title_template.format(when=f"{prep} {when}")
    return lex.title_template.format(when=f"{prep} {when}", topic=clean_topic)


__all__ = ["Period", "Placement", "digest_title", "parse_period"]
