"""A display-ready view of a Digest, shared by the HTML, PDF, social and Markdown outputs.

Sources get stable numbers (the digest's order, then any URL an item cites that the list
lacks); every item points at its number. Items are addressed by a positional key so the
one-page fitter can leave some out without renumbering anything.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping
from urllib.parse import urlsplit

from oogst.models import Digest, DigestItem, Source
from oogst.render.labels import format_date, labels_for

# ("h", 0, i) a highlight; ("t", lesson, i) a tip; ("i", lesson, i) a lesson item.
ItemKey = tuple[str, int, int]

_OPEN = "\u2018\u201c\u201a\u201e'\"\u00ab\u2039"
_CLOSE = "\u2019\u201d'\"\u00bb\u203a"


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL, else None (javascript:, data:, relative…)."""
    if not url:
        return None
    url = url.strip()
    if any(ord(c) < 32 or c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def strip_quote_marks(text: str) -> str:
    """Drop quote marks that wrap the whole text, so the renderer can add its own."""
    text = text.strip()
    if len(text) >= 2 and text[0] in _OPEN and text[-1] in _CLOSE:
        return text[1:-1].strip()
    return text


def first_words(text: str, n: int = 8) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


@dataclass(frozen=True, slots=True)
class SourceView:
    number: int
    url: str
    href: str | None
    title: str
    date: str

    @property
    def url_parts(self) -> list[str]:
        """The URL cut after each / . - ? & = so a narrow column can break it there."""
        return [p for p in re.split(r"(?<=[/.?&=-])", self.url) if p]


@dataclass(frozen=True, slots=True)
class ItemView:
    key: ItemKey
    kind: str
    text: str
    speaker: str
    role: str
    ref: int
    cite: str | None
    edited: bool
    score: float

    @property
    def is_quote(self) -> bool:
        return self.kind == "quote"

    def describe(self) -> str:
        """``Speaker (role): ‘first words …’`` — how warnings name an item."""
        who = self.speaker or self.role or "zonder spreker"
        if self.speaker and self.role:
            who += f" ({self.role})"
        return f"{who}: \u2018{first_words(self.text)}\u2019"


@dataclass(frozen=True, slots=True)
class LessonView:
    index: int
    title: str
    tips: tuple[ItemView, ...]
    items: tuple[ItemView, ...]


@dataclass(frozen=True, slots=True)
class DigestView:
    title: str
    topic: str
    period: str
    language: str
    labels: Mapping[str, str]
    highlights: tuple[ItemView, ...]
    lessons: tuple[LessonView, ...]
    sources: tuple[SourceView, ...]
    notes: tuple[str, ...]
    item_count: int

    def all_items(self) -> list[ItemView]:
        out = list(self.highlights)
        for lesson in self.lessons:
            out.extend(lesson.tips)
            out.extend(lesson.items)
        return out


def _number_sources(digest: Digest, language: str) -> tuple[dict[str, int], list[SourceView], list[str]]:
    numbers: dict[str, int] = {}
    views: list[SourceView] = []
    warnings: list[str] = []

    def add(src: Source) -> None:
        if src.url in numbers:
            return
        numbers[src.url] = len(views) + 1
        views.append(SourceView(len(views) + 1, src.url, safe_href(src.url),
                                src.title.strip() or src.url, format_date(src.published, language)))

    for src in digest.sources:
        add(src)
    for item in digest.all_items():
        if item.source_url not in numbers:
            warnings.append(f"item {item.id} cites {item.source_url!r}, which is not in the "
                            "source list; it was added with its URL as title")
            add(Source(item.source_url, item.source_url, item.published))
    return numbers, views, warnings


def unnamed(role: str, language: str) -> str:
    """The byline of a speaker the text does not name: "een gedeputeerde", "an engineer"."""
    labels = labels_for(language)
    return labels["unnamed_vowel" if role[:1].lower() in "aeiou" else "unnamed"].format(role=role)


def _item(item: DigestItem, key: ItemKey, numbers: dict[str, int], language: str) -> ItemView:
    text = strip_quote_marks(item.text) if item.kind == "quote" else item.text.strip()
    speaker, role = (item.speaker or "").strip(), (item.speaker_role or "").strip()
    if role and not speaker:
        role = unnamed(role, language)
    return ItemView(key, item.kind, text, speaker, role, numbers[item.source_url],
                    safe_href(item.source_url), item.edited, item.score)


def build_view(digest: Digest, omit: frozenset[ItemKey] = frozenset(),
               language: str | None = None) -> tuple[DigestView, tuple[str, ...]]:
    """The view of ``digest`` without the items in ``omit``, and warnings about the input."""
    lang = language or digest.language or "nl"
    numbers, sources, warnings = _number_sources(digest, lang)
    highlights = tuple(v for i, it in enumerate(digest.highlights)
                       if (v := _item(it, ("h", 0, i), numbers, lang)).key not in omit)
    lessons = []
    for li, lesson in enumerate(digest.lessons):
        tips = tuple(v for i, it in enumerate(lesson.tips)
                     if (v := _item(it, ("t", li, i), numbers, lang)).key not in omit)
        items = tuple(v for i, it in enumerate(lesson.items)
                      if (v := _item(it, ("i", li, i), numbers, lang)).key not in omit)
        if tips or items or not (lesson.tips or lesson.items):
            lessons.append(LessonView(li, lesson.title.strip(), tips, items))
    view = DigestView(digest.title.strip(), digest.topic.strip(), digest.period.strip(), lang,
                      labels_for(lang), highlights, tuple(lessons), tuple(sources),
                      digest.notes, len(digest.all_items()))
    return view, tuple(warnings)


def _weight(lesson: LessonView) -> float:
    """A rough height of a lesson card in lines, for balancing print columns."""
    lines = 2.5 + len(lesson.title) / 28
    lines += sum(len(t.text) / 40 + 1.2 for t in lesson.tips)
    lines += sum(len(i.text) / 42 + (1.6 if i.speaker or i.role else 0.6) for i in lesson.items)
    return lines


def balance(lessons: tuple[LessonView, ...], n: int) -> list[list[LessonView]]:
    """Spread cards over ``n`` columns, each card to the shortest column so far (masonry).

    Done here because CSS multi-column balancing is very slow in WeasyPrint.
    """
    cols: list[list[LessonView]] = [[] for _ in range(n)]
    heights = [0.0] * n
    for lesson in lessons:
        i = heights.index(min(heights))
        cols[i].append(lesson)
        heights[i] += _weight(lesson)
    return [c for c in cols if c]


def chunks(items: tuple[SourceView, ...], n: int) -> list[tuple[SourceView, ...]]:
    """Split the source list into ``n`` nearly equal runs, in order."""
    size = -(-len(items) // n) if items else 0
    return [items[i:i + size] for i in range(0, len(items), size)] if size else []
