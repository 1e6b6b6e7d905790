"""Glue: documents + items + topic + period → a ``Digest`` (rank, pick, group, assemble)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from oogst.group import Group, Grouping, group
from oogst.models import Candidate, Digest, DigestItem, Document, Item, Lesson, Source
from oogst.select.diversity import select_diverse
from oogst.select.period import digest_title, parse_period
from oogst.select.rank import rank


@dataclass(frozen=True, slots=True)
class DigestResult:
    digest: Digest
    candidates: tuple[Candidate, ...]  # every ranked candidate, best first
    notes: tuple[str, ...]


def to_digest_item(c: Candidate) -> DigestItem:
    return DigestItem(
        id=c.item.id,
        kind=c.item.kind,
        text=c.item.text,
        speaker=c.item.speaker,
        speaker_role=c.item.speaker_role,
        source_url=c.source_url,
        published=c.published,
        start=c.item.start,
        end=c.item.end,
        score=round(c.score, 4),
        reasons=c.reasons,
    )


def _trim(grouping: Grouping, budget: int) -> Grouping:
    """Drop the weakest lesson items (never a lesson's last one) until the total fits ``budget``."""
    groups = list(grouping.groups)

    def total() -> int:
        return len(grouping.highlights) + sum(len(g.items) + (g.tip is not None) for g in groups)

    while total() > budget:
        droppable = [(g.items[-1].score, g.items[-1].item.id, n) for n, g in enumerate(groups) if len(g.items) > 1]
        if not droppable:
            break
        _, _, n = min(droppable)
        g = groups[n]
        groups[n] = Group(g.title, g.tip, g.items[:-1], g.key_terms)
    return Grouping(grouping.highlights, tuple(groups))


def _lesson(g: Group) -> Lesson:
    tips = (to_digest_item(g.tip),) if g.tip else ()
    return Lesson(title=g.title, tips=tips, items=tuple(to_digest_item(c) for c in g.items))


def _sources(items: Sequence[DigestItem], documents: Sequence[Document]) -> tuple[Source, ...]:
    by_url = {d.url: d for d in sorted(documents, key=lambda d: d.id)}
    urls = dict.fromkeys(i.source_url for i in items)
    return tuple(Source(u, by_url[u].title, by_url[u].published) for u in urls if u in by_url)


def build_digest(
    documents: Sequence[Document],
    items: Sequence[Item],
    topic: str,
    period_text: str,
    *,
    lessons: int | None = None,
    title: str | None = None,
    max_items: int = 14,
    language: str | None = None,
) -> DigestResult:
    """Rank, pick a varied set of ``max_items``, group into lessons and assemble the digest.

    Identical input gives identical output: every ordering is broken by item or document id.
    """
    period = parse_period(period_text)
    ranked = rank(documents, items, topic, period, language=language)
    lang = ranked.topic.language
    picks = select_diverse(ranked.candidates, max_items, language=lang)
    grouping = group(picks.picked, language=lang, lessons=lessons, tip_pool=ranked.candidates)
    grouping = _trim(grouping, max_items)
    notes = list(ranked.notes())
    if picks.duplicates:
        notes.append(f"{len(picks.duplicates)} near-duplicate item(s) left out")
    if not ranked.candidates:
        notes.append("no items about the topic in this period")
    notes.extend(f"lesson '{g.title}' has no advice to use as a tip" for g in grouping.groups if g.tip is None)
    digest_lessons = tuple(_lesson(g) for g in grouping.groups)
    highlights = tuple(to_digest_item(c) for c in grouping.highlights)
    digest = Digest(
        title=title or digest_title(topic, period, lang),
        topic=topic,
        period=period.text,
        language=lang,
        highlights=highlights,
        lessons=digest_lessons,
        sources=(),
        notes=tuple(notes),
    )
    digest = replace(digest, sources=_sources(digest.all_items(), documents))
    return DigestResult(digest, ranked.candidates, tuple(notes))


__all__ = ["DigestResult", "build_digest", "to_digest_item"]
