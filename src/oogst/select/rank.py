"""Rank harvested items for a topic and period: relevance × quotability × kind weight ×
the harvester's confidence.

Relevance ranks before it filters. The editor chose the sources, so when the period holds a
handful of articles (``small_period`` or fewer) every one of them is in scope and the topic only
orders their statements. In a larger period an article is in scope when its relevance reaches
``min_relevance``, and the ``min_scope`` most relevant articles always are: the topic orders, it
never silently empties the digest. Without a topic every article in the period is in scope.
What is left out, and why, goes to the editor's notes. The numbers are ``Tuning.ranking``'s
(``max_articles``: ``Tuning.shortlist``'s).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from oogst.models import Candidate, Document, Item
from oogst.select.features import FEATURES_VERSION, DocumentWords, decode, document_words
from oogst.select.lexicon import note
from oogst.select.period import Period, parse_period
from oogst.select.quotability import Quotability, in_context, quotability
from oogst.select.relevance import Relevance, Topic, build_topic, score_document, score_text
from oogst.tuning import TUNING, Tuning

if TYPE_CHECKING:
    from oogst.store import Store


@dataclass(frozen=True, slots=True)
class RankResult:
    candidates: tuple[Candidate, ...]  # best first; ties by item id
    topic: Topic
    documents_in_period: int
    undated: int  # documents left out because they have no date
    outside: int  # documents dated outside the period
    partial: int  # documents dated too coarsely to place inside the period (e.g. only a year)
    off_topic: int  # items of in-period articles that are out of scope (off the topic)
    broken: int  # items whose document is missing or whose offsets do not match its text
    out_of_scope: int = 0  # in-period articles left out because they are not about the topic

    def notes(self, language: str | None = None) -> tuple[str, ...]:
        """What was left out and why, in ``language`` (default: the topic's language)."""
        lang = language or self.topic.language
        counts = (
            ("undated", self.undated),
            ("outside", self.outside),
            ("partial", self.partial),
            ("out_of_scope", self.out_of_scope),
            ("off_topic", self.off_topic),
            ("broken", self.broken),
        )
        return tuple(note(lang, key, n=n) for key, n in counts if n)


def kind_weight(item: Item, *, tuning: Tuning = TUNING) -> tuple[float, str | None]:
    r = tuning.ranking
    if item.kind == "quote" and item.speaker:
        return r.kind_named_quote, "quote from a named speaker"
    if item.kind == "advice":
        return r.kind_advice, "advice"
    return {"quote": r.kind_quote, "takeaway": r.kind_takeaway, "paraphrase": r.kind_paraphrase}.get(item.kind, 1.0), None


def _relevance_reason(item_rel: Relevance) -> str | None:
    if not item_rel.matched:
        return None
    return f"relevant: {', '.join(item_rel.matched[:4])} ({item_rel.score:.2f})"


def score_item(
    item: Item, document: Document, topic: Topic, doc_rel: Relevance, item_rel: Relevance | None = None,
    quote_alone: Quotability | None = None, *, tuning: Tuning = TUNING,
) -> Candidate:
    """One candidate with its score parts and the reasons a person can read. ``item_rel`` and
    ``quote_alone`` (the item's ``quotability``) may be given when the caller knows them.

    The harvester's ``item.confidence`` (how sure it is of the item: of its marks, its speaker,
    its cue) multiplies the score, at ``confidence_share``."""
    t = tuning.ranking
    item_rel = item_rel or score_text(item.text, topic, tuning=tuning)
    relevance = t.item_share * item_rel.score + (1 - t.item_share) * doc_rel.score
    quote_alone = quote_alone or quotability(item.text, document.language, tuning=tuning)
    quote = in_context(quote_alone, item.text, document.text, item.start, item.end, document.language, tuning=tuning)
    weight, kind_reason = kind_weight(item, tuning=tuning)
    confidence = 1 - t.confidence_share + t.confidence_share * item.confidence
    score = min(1.0, quote.score * (t.relevance_base + (1 - t.relevance_base) * relevance) * weight * confidence)
    reasons = [r for r in (_relevance_reason(item_rel), *quote.reasons) if r]
    if doc_rel.score >= t.about_topic:
        reasons.append("article about the topic")
    if kind_reason:
        reasons.append(kind_reason)
    scores = {
        "relevance": round(relevance, 4),
        "item_relevance": item_rel.score,
        "document_relevance": doc_rel.score,
        "quotability": quote.score,
        "kind_weight": weight,
        **quote.parts,
    }
    return Candidate(
        item=item,
        score=round(score, 4),
        scores=scores,
        reasons=tuple(reasons),
        source_url=document.url,
        source_title=document.title,
        published=document.published,
    )


def in_scope(doc_rel: dict[str, Relevance], has_topic: bool = True, *, tuning: Tuning = TUNING) -> set[str]:
    """The ids of the articles in scope (see the module doc): all of a small period, else the
    relevant ones and at least the ``min_scope`` most relevant; ties by id."""
    r = tuning.ranking
    if not has_topic or len(doc_rel) <= r.small_period:
        return set(doc_rel)
    ordered = sorted(doc_rel, key=lambda i: (-doc_rel[i].score, i))
    return {i for n, i in enumerate(ordered) if n < r.min_scope or doc_rel[i].score >= r.min_relevance}


def shortlist(doc_rel: Mapping[str, Relevance], scope: set[str], max_articles: int | None) -> set[str]:
    """The cheap first pass: of the articles in scope, the ``max_articles`` most relevant (ties
    by id) have their statements scored; ``None`` scores them all."""
    if max_articles is None or len(scope) <= max_articles:
        return scope
    return set(sorted(scope, key=lambda i: (-doc_rel[i].score, i))[:max_articles])


class _Scorer:
    """Scores items; what depends on an item's text alone (its quotability, its relevance to
    the topic) is worked out once per distinct text: syndicated copies cost a look-up."""

    def __init__(self, topic: Topic, tuning: Tuning) -> None:
        self.topic = topic
        self.tuning = tuning
        self.quotes: dict[tuple[str, str], Quotability] = {}
        self.relevance: dict[str, Relevance] = {}

    def __call__(self, item: Item, doc: Document, doc_rel: Relevance) -> Candidate:
        key = (item.text, doc.language)
        quote = self.quotes.get(key)
        if quote is None:
            quote = self.quotes[key] = quotability(item.text, doc.language, tuning=self.tuning)
        rel = self.relevance.get(item.text)
        if rel is None:
            rel = self.relevance[item.text] = score_text(item.text, self.topic, tuning=self.tuning)
        return score_item(item, doc, self.topic, doc_rel, rel, quote, tuning=self.tuning)


def _ranked(
    inside: list[Document],
    in_lang: list[Document],
    places: Counter[str],
    topic: str | None,
    language: str | None,
    words: Callable[[list[Document]], dict[str, DocumentWords]],
    items_of: Callable[[set[str]], Iterable[Item]],
    item_counts: Callable[[set[str]], int],
    tuning: Tuning,
    broken_elsewhere: int = 0,
    texts: Callable[[set[str]], Mapping[str, Document]] | None = None,
) -> RankResult:
    counted = words(in_lang)
    the_topic = build_topic(topic or "", in_lang, language=language, counted=counted, tuning=tuning)
    doc_rel = {d.id: score_document(d, the_topic, counted[d.id], tuning=tuning) for d in in_lang}
    the_topic.credits_of.forget_articles()
    del counted
    scope = in_scope(doc_rel, bool(the_topic.core), tuning=tuning)
    scored = shortlist(doc_rel, scope, tuning.shortlist.max_articles)
    by_id = dict(texts(scored)) if texts else {d.id: d for d in in_lang if d.id in scored}
    score = _Scorer(the_topic, tuning)
    candidates: list[Candidate] = []
    broken = broken_elsewhere
    for item in items_of(scored):
        doc = by_id[item.document_id]
        if doc.text[item.start : item.end] != item.text:
            broken += 1
            continue
        candidates.append(score(item, doc, doc_rel[doc.id]))
    candidates.sort(key=lambda c: (-c.score, c.item.id))
    return RankResult(
        candidates=tuple(candidates),
        topic=the_topic,
        documents_in_period=len(inside),
        undated=places["undated"],
        outside=places["outside"],
        partial=places["partial"],
        off_topic=item_counts({i for i in doc_rel if i not in scope}),  # decided before the (costlier) quotability checks
        broken=broken,
        out_of_scope=len(doc_rel) - len(scope),
    )


def rank(
    documents: Sequence[Document],
    items: Sequence[Item],
    topic: str | None,
    period: Period | str,
    *,
    language: str | None = None,
    tuning: Tuning = TUNING,
) -> RankResult:
    """Rank the items of the in-scope documents inside ``period`` for ``topic``; best first.

    ``topic`` may be ``None`` or empty: then every article of the period is in scope and the
    statements are ordered by how well they work on the page. Only the statements of the
    ``tuning.shortlist.max_articles`` most relevant articles in scope are scored (:func:`shortlist`).
    """
    period = parse_period(period) if isinstance(period, str) else period
    places = {d.id: period.placement(d.published) for d in documents}
    inside = sorted((d for d in documents if places[d.id] == "inside"), key=lambda d: d.id)
    in_lang = [d for d in inside if language is None or d.language.startswith(language)]
    known = {d.id: d for d in documents}
    by_doc: dict[str, list[Item]] = {}
    broken = 0
    for item in items:
        doc = known.get(item.document_id)
        if doc is None or doc.text[item.start : item.end] != item.text:
            broken += 1  # an item without its document, or out of step with its text
        else:
            by_doc.setdefault(item.document_id, []).append(item)
    return _ranked(
        inside, in_lang, Counter(places.values()), topic, language,
        words=lambda docs: {d.id: document_words(d) for d in docs},
        items_of=lambda ids: (i for d in sorted(ids) for i in by_doc.get(d, ())),
        item_counts=lambda ids: sum(len(by_doc.get(i, ())) for i in ids),
        tuning=tuning,
        broken_elsewhere=broken,
    )


def rank_store(
    store: Store,
    topic: str | None,
    period: Period | str,
    *,
    language: str | None = None,
    tuning: Tuning = TUNING,
) -> RankResult:
    """:func:`rank` over a store, reading what the period needs: the dates of all documents
    (grouped, in SQL), the documents inside the period (of ``language``), their stored words
    (counted again only where the store has none), and the items of the shortlisted articles
    as a stream. Items out of step with their text are counted among the shortlist only."""
    period = parse_period(period) if isinstance(period, str) else period
    places: Counter[str] = Counter()
    inside_dates: list[str] = []
    for published, n in store.dates():
        where = period.placement(published)
        places[where] += n
        if where == "inside" and published is not None:
            inside_dates.append(published)
    # the period's documents without their text: relevance needs only their stored words; the
    # texts are read for the shortlisted articles (and where a document's words are not stored)
    inside = sorted(store.documents_dated(inside_dates, text=False), key=lambda d: d.id)
    in_lang = [d for d in inside if language is None or d.language.startswith(language)]
    del inside_dates
    full: dict[str, Document] = {}

    def words(docs: list[Document]) -> dict[str, DocumentWords]:
        counted = {i: decode(*cols) for i, cols in store.document_words([d.id for d in docs], FEATURES_VERSION)}
        missing = [d.id for d in docs if d.id not in counted]
        for d in store.documents_by_id(missing):
            counted[d.id] = document_words(d)
        return counted

    def texts(ids: set[str]) -> dict[str, Document]:
        full.update((d.id, d) for d in store.documents_by_id(ids))
        return full

    return _ranked(
        inside, in_lang, places, topic, language,
        words=words,
        items_of=store.stream_items,
        item_counts=lambda ids: sum(store.item_counts(ids).values()),
        tuning=tuning,
        texts=texts,
    )


__all__ = ["RankResult", "in_scope", "kind_weight", "rank", "rank_store", "score_item", "shortlist"]
