"""Glue: documents + items + topic + period → a ``Digest`` (rank, pick, group, assemble).

Every number comes from the ``tuning`` passed in (default :data:`oogst.tuning.TUNING`) and is
handed on to each stage."""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from oogst.group import Group, Grouping, group
from oogst.titles import is_placeholder
from oogst.models import Candidate, Digest, DigestItem, Document, Item, Lesson, Source
from oogst.select.diversity import select_diverse
from oogst.select.lexicon import note
from oogst.select.period import Period, digest_title, parse_period
from oogst.select.rank import RankResult, rank, rank_store
from oogst.tuning import TUNING, Tuning

if TYPE_CHECKING:
    from oogst.store import Store


@dataclass(frozen=True, slots=True)
class DigestResult:
    digest: Digest
    candidates: tuple[Candidate, ...]  # every ranked candidate, best first
    notes: tuple[str, ...]  # for the editor (CLI, web UI): what was left out and why; not on the page


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
    """Drop lesson items until the total fits ``budget``: the weakest item of the largest lesson
    first (so lessons stay balanced), never a lesson's last one."""
    groups = list(grouping.groups)

    def total() -> int:
        return len(grouping.highlights) + sum(len(g.items) + (g.tip is not None) for g in groups)

    while total() > budget:
        droppable = [(-len(g.items), g.items[-1].score, g.items[-1].item.id, n) for n, g in enumerate(groups) if len(g.items) > 1]
        if not droppable:
            break
        n = min(droppable)[-1]
        g = groups[n]
        groups[n] = replace(g, items=g.items[:-1])
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
    topic: str | None,
    period_text: str,
    *,
    lessons: int | None = None,
    title: str | None = None,
    language: str | None = None,
    tuning: Tuning = TUNING,
) -> DigestResult:
    """Rank, pick a varied set of statements, group them into lessons under advice themes (titles
    and tips come from the advice), trim to ``tuning.shortlist.max_items`` and assemble the digest.

    Statements (quotes, takeaways, paraphrases) fill highlights and lessons; advice gives the
    lessons their titles and tips. When there are too few statements, advice fills in. Every
    article in scope (see :mod:`oogst.select.rank`) contributes candidates; the topic orders
    them. What was left out, and why, is in ``DigestResult.notes`` for the editor, not on the page.
    Identical input gives identical output: every ordering is broken by item or document id.
    Only the statements of the ``tuning.shortlist.max_articles`` most relevant articles in scope
    are scored (``None``: all of them; see ``docs/architecture.md``, "Articles scored"). Every
    number of the selection is ``tuning``'s (``docs/architecture.md``, "Tuning").
    """
    period = parse_period(period_text)
    topic = (topic or "").strip() or None
    ranked = rank(documents, items, topic, period, language=language, tuning=tuning)
    return _assemble(ranked, lambda urls: documents, topic, period, lessons=lessons, title=title, tuning=tuning)


def digest_from_store(
    store: Store,
    topic: str | None,
    period_text: str,
    *,
    lessons: int | None = None,
    title: str | None = None,
    language: str | None = None,
    tuning: Tuning = TUNING,
) -> DigestResult:
    """:func:`build_digest` over a store: only the period's documents and the shortlisted
    articles' items are read (:func:`oogst.select.rank.rank_store`)."""
    period = parse_period(period_text)
    topic = (topic or "").strip() or None
    ranked = rank_store(store, topic, period, language=language, tuning=tuning)

    def documents(urls: Sequence[str]) -> list[Document]:
        return [d for d in map(store.document_by_url, urls) if d is not None]

    return _assemble(ranked, documents, topic, period, lessons=lessons, title=title, tuning=tuning)


def _assemble(
    ranked: RankResult,
    documents: Callable[[Sequence[str]], Sequence[Document]],  # the documents of these urls (or more)
    topic: str | None,
    period: Period,
    *,
    lessons: int | None,
    title: str | None,
    tuning: Tuning,
) -> DigestResult:
    s = tuning.shortlist
    max_items = s.max_items
    lang = ranked.topic.language
    candidates = ranked.candidates
    floor = max(s.min_score, s.min_share * candidates[0].score) if candidates else 0.0
    printable = [c for c in candidates if c.score >= floor]  # small talk, captions, cut-offs stay off the page
    statements = [c for c in printable if c.item.kind != "advice"]
    pool = statements if len(statements) >= math.floor(s.statements_first * max_items) else printable
    picks = select_diverse(pool, s.shortlist_factor * max_items, language=lang, tuning=tuning,
                           per_speaker=s.shortlist_factor * tuning.diversity.speaker_limit)
    grouping = group(picks.picked, language=lang, lessons=lessons, tip_pool=candidates, budget=max_items, tuning=tuning)
    grouping = _trim(grouping, max_items)
    notes = list(ranked.notes(lang))
    if picks.duplicates:
        notes.append(note(lang, "duplicates", n=len(picks.duplicates)))
    if not candidates:
        notes.append(note(lang, "empty"))
    notes.extend(note(lang, "no_tip", title=g.title) for g in grouping.groups if g.tip is None)
    notes.extend(note(lang, "no_title", title=g.title) for g in grouping.groups if g.title_from is None and is_placeholder(g.title))
    digest_lessons = tuple(_lesson(g) for g in grouping.groups)
    highlights = tuple(to_digest_item(c) for c in grouping.highlights)
    digest = Digest(
        title=title or digest_title(topic, period, lang),
        topic=topic or "",
        period=period.text,
        language=lang,
        highlights=highlights,
        lessons=digest_lessons,
        sources=(),
    )
    shown = digest.all_items()
    digest = replace(digest, sources=_sources(shown, documents(list(dict.fromkeys(i.source_url for i in shown)))))
    return DigestResult(digest, candidates, tuple(notes))


__all__ = ["DigestResult", "build_digest", "digest_from_store", "to_digest_item"]
