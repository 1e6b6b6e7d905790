"""Glue: documents + items + topic + period → a ``Digest`` (rank, pick, group, assemble)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from oogst.group import Grouping, group
from oogst.models import Candidate, Digest, DigestItem, Document, Item, Lesson, Source
from oogst.select.diversity import select_diverse
from oogst.select.lexicon import note
from oogst.select.period import digest_title, parse_period
from oogst.select.rank import MIN_RELEVANCE, rank


MAX_ITEMS = 16  # highlights + tips + lesson items: what fits one page
SHORTLIST = 3  # lessons choose their statements from a varied shortlist this many times the budget
TIP_RELEVANCE = 0.08  # advice this relevant may still give a lesson on the topic its tip


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
    topic: str,
    period_text: str,
    *,
    lessons: int | None = None,
    title: str | None = None,
    max_items: int = MAX_ITEMS,
    language: str | None = None,
) -> DigestResult:
    """Rank, pick a varied set of statements, group them into lessons under advice themes (titles
    and tips come from the advice), trim to ``max_items`` and assemble the digest.

    Statements (quotes, takeaways, paraphrases) fill highlights and lessons; advice gives the
    lessons their titles and tips. When there are too few statements, advice fills in.
    Identical input gives identical output: every ordering is broken by item or document id.
    """
    period = parse_period(period_text)
    ranked = rank(documents, items, topic, period, language=language, min_relevance=TIP_RELEVANCE)
    lang = ranked.topic.language
    relevant = [c for c in ranked.candidates if c.scores["relevance"] >= MIN_RELEVANCE]
    relevant_ids = {c.item.id for c in relevant}
    advice = tuple(c for c in ranked.candidates if c.item.kind == "advice")
    candidates = tuple(c for c in ranked.candidates if c.item.id in relevant_ids or c.item.kind == "advice")
    statements = [c for c in relevant if c.item.kind != "advice"]
    pool = statements if len(statements) >= max_items // 2 else relevant
    picks = select_diverse(pool, SHORTLIST * max_items, language=lang, per_speaker=SHORTLIST * 2)
    grouping = group(picks.picked, language=lang, lessons=lessons, tip_pool=advice, budget=max_items)
    grouping = _trim(grouping, max_items)
    off_topic = ranked.off_topic + sum(1 for c in ranked.candidates if c.item.id not in relevant_ids and c.item.kind != "advice")
    notes = list(replace(ranked, off_topic=off_topic).notes(lang))
    if picks.duplicates:
        notes.append(note(lang, "duplicates", n=len(picks.duplicates)))
    if not relevant:
        notes.append(note(lang, "empty"))
    notes.extend(note(lang, "no_tip", title=g.title) for g in grouping.groups if g.tip is None)
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
    return DigestResult(digest, candidates, tuple(notes))


__all__ = ["MAX_ITEMS", "DigestResult", "build_digest", "to_digest_item"]
