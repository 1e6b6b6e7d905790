"""Frozen, typed records that flow between the stages.

source → Document → Item → Candidate → Lesson → Digest → rendered files
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Literal

ItemKind = Literal["quote", "paraphrase", "takeaway", "advice"]
ITEM_KINDS: tuple[ItemKind, ...] = ("quote", "paraphrase", "takeaway", "advice")
SourceKind = Literal["web", "file", "jsonl", "text"]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def normalize_partial_date(value: str | None) -> str | None:
    """Return an ISO date that may be partial (``2021``, ``2021-01``, ``2021-01-05``), or None.

    Raises ValueError for something that is not a real (partial) date, such as ``2021-02-31``.
    """
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    m = _PARTIAL_DATE.match(value[:10]) if len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-" else _PARTIAL_DATE.match(value)
    if not m:
        raise ValueError(f"not a date: {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if int(year) < 1:
        raise ValueError(f"not a date: {value!r} (year 0)")
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        raise ValueError(f"not a date: {value!r} (month {month})")
    if day is None:
        return f"{year}-{month}"
    import datetime as _dt

    try:
        _dt.date(int(year), int(month), int(day))
    except ValueError as exc:
        raise ValueError(f"not a date: {value!r} ({exc})") from None
    return f"{year}-{month}-{day}"


def document_id(url: str) -> str:
    """A short stable id for a document, derived from its URL."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    """One article. ``text`` is the main text; every item's offsets point into it."""

    id: str
    url: str
    title: str
    published: str | None  # ISO date, possibly partial: 2021, 2021-01, 2021-01-05
    language: str  # "nl" | "en"
    text: str
    source_kind: SourceKind = "file"
    author: str | None = None

    @property
    def hash(self) -> str:
        return content_hash(self.title + "\x00" + (self.published or "") + "\x00" + self.text)


@dataclass(frozen=True, slots=True)
class Item:
    """A harvested statement: verbatim ``text`` == ``document.text[start:end]``."""

    document_id: str
    kind: ItemKind
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_role: str | None = None
    cue: str | None = None
    confidence: float = 1.0
    nested: bool = False
    organisation: str | None = None

    @property
    def id(self) -> str:
        raw = f"{self.document_id}:{self.kind}:{self.start}:{self.end}"
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A stretch of text the harvester deliberately did not turn into an item, and why."""

    start: int
    end: int
    reason: str
    cap: bool = False  # a limit cut the harvest here: the rest of the text or of a kind was left out


@dataclass(frozen=True, slots=True)
class Harvest:
    items: tuple[Item, ...]
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """An item ranked for a topic, with the scores and the reasons behind them."""

    item: Item
    score: float
    scores: dict[str, float] = field(default_factory=dict, hash=False, compare=False)
    reasons: tuple[str, ...] = ()
    source_url: str = ""
    source_title: str = ""
    published: str | None = None


@dataclass(frozen=True, slots=True)
class DigestItem:
    """An item as it appears in a digest file — the editor may have shortened ``text``."""

    id: str
    kind: ItemKind
    text: str
    speaker: str | None
    speaker_role: str | None
    source_url: str
    published: str | None
    start: int
    end: int
    score: float = 0.0
    reasons: tuple[str, ...] = ()
    edited: bool = False


@dataclass(frozen=True, slots=True)
class Lesson:
    title: str
    tips: tuple[DigestItem, ...]
    items: tuple[DigestItem, ...]


@dataclass(frozen=True, slots=True)
class Source:
    url: str
    title: str
    published: str | None


@dataclass(frozen=True, slots=True)
class Digest:
    title: str
    topic: str
    period: str
    language: str
    highlights: tuple[DigestItem, ...]
    lessons: tuple[Lesson, ...]
    sources: tuple[Source, ...]
    notes: tuple[str, ...] = ()

    def all_items(self) -> list[DigestItem]:
        out = list(self.highlights)
        for lesson in self.lessons:
            out.extend(lesson.tips)
            out.extend(lesson.items)
        return out


__all__ = [
    "ITEM_KINDS",
    "Candidate",
    "Digest",
    "DigestItem",
    "Document",
    "Harvest",
    "Item",
    "ItemKind",
    "Lesson",
    "Skipped",
    "Source",
    "content_hash",
    "document_id",
    "normalize_partial_date",
    "replace",
]
