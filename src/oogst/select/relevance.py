"""How much an item (and its whole document) is about a topic phrase.

The topic's content words are stemmed (``interbestuurlijk samenwerken`` → interbestur,
samenwerk) and matched compound-aware (see :func:`oogst.select.terms.matches`). The topic is
then expanded with terms that co-occur with it: the mean TF-IDF vector over the documents that
match the topic, minus what is common in the other documents. Everything is deterministic.
"""
from __future__ import annotations

from functools import lru_cache
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from dataclasses import dataclass, field

import numpy as np

from oogst.models import Document
from oogst.select.features import DocumentWords, document_words
from oogst.select.lexicon import get_lexicon
from oogst.select.terms import compound_parts, content_words, matches, stem, words
from oogst.tuning import TUNING, Tuning


@dataclass(frozen=True, slots=True)
class Topic:
    phrase: str
    language: str
    core: tuple[str, ...]  # stems of the topic's content words
    parts: tuple[tuple[str, ...], ...] = ()  # per core term: stems of its compound parts
    expansion: tuple[tuple[str, float], ...] = ()  # co-occurring stems with weights in (0, 1]
    related: tuple[tuple[str, float], ...] = ()  # document id → likeness to the on-topic articles, in [0, 1]
    # ``related`` as a mapping, built once: looking an article up must not cost the whole tuple
    related_of: Mapping[str, float] = field(init=False, repr=False, compare=False)
    credits_of: _Credits = field(init=False, repr=False, compare=False)  # a cache, see _Credits

    def __post_init__(self) -> None:
        object.__setattr__(self, "related_of", dict(self.related))
        object.__setattr__(self, "credits_of", _Credits())


@dataclass(frozen=True, slots=True)
class Relevance:
    score: float  # in [0, 1]
    matched: tuple[str, ...]  # the words in the text that matched, in text order


def core_terms(
    phrase: str, language: str, vocabulary: frozenset[str] = frozenset(), *, tuning: Tuning = TUNING
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Stems of the topic's words, and per word the stems of its compound parts (at least
    ``min_part`` letters). A part found in a text counts ``part_credit``: ``samenwerkingsverband``
    is half-matched by samenwerking.
    """
    lex = get_lexicon(language)
    min_part = tuning.ranking.min_part
    core: list[str] = []
    parts: list[tuple[str, ...]] = []
    for word in content_words(phrase, language) or words(phrase):
        s = stem(word, language)
        if s in core:
            continue
        core.append(s)
        found = (stem(p, language) for p in compound_parts(word, vocabulary, lex, min_part))
        parts.append(tuple(p for p in found if len(p) >= min_part and p != s))
    return tuple(core), tuple(parts)


def _match(text: str, topic: Topic, tuning: Tuning) -> dict[str, tuple[str, float]]:
    """core term → (first word in ``text`` that expresses it, credit 1 or ``part_credit`` for a part)."""
    return _match_words(tuple(dict.fromkeys(words(text))), topic, tuning)  # each distinct word once, in order of first use


def _match_words(distinct: Sequence[str], topic: Topic, tuning: Tuning) -> dict[str, tuple[str, float]]:
    credits = topic.credits_of
    credits.rules(tuning)
    known = credits.matched.get(distinct) if len(distinct) > 64 else None  # an article's words: asked twice
    if known is not None:
        return dict(known)
    found: dict[str, tuple[str, float]] = {}
    hitting = credits.hitting.intersection(distinct) if not credits.unknown(distinct) else credits.learn(distinct, topic, tuning)
    if hitting:
        order = sorted(hitting, key=distinct.index) if len(hitting) > 1 else list(hitting)
        for word in order:  # in order of first use
            for term, credit in zip(topic.core, credits.of[word]):
                if credit and credit > found.get(term, ("", 0.0))[1]:
                    found[term] = (word, credit)
    if len(distinct) > 64:
        credits.matched[distinct] = tuple(found.items())
    return found


class _Credits:
    """Per topic, which words express a core term (or a part of one), learnt word by word: an
    article's distinct words are then met with one set intersection, not a loop in Python."""

    __slots__ = ("hitting", "matched", "numbers", "of", "seen")

    def __init__(self) -> None:
        self.matched: dict[Sequence[str], tuple[tuple[str, tuple[str, float]], ...]] = {}  # long word lists → their matches
        self.seen: set[str] = set()
        self.hitting: set[str] = set()
        self.of: dict[str, tuple[float, ...]] = {}
        self.numbers: tuple[int, float] | None = None  # the (min_part, part_credit) it learnt with

    def rules(self, tuning: Tuning) -> None:
        """Forget what was learnt with other numbers (one topic scored with two tunings)."""
        numbers = (tuning.ranking.min_part, tuning.ranking.part_credit)
        if numbers != self.numbers:
            self.matched.clear()
            self.seen.clear()
            self.hitting.clear()
            self.of.clear()
            self.numbers = numbers

    def forget_articles(self) -> None:
        """Drop the kept matches of articles' word lists (they would keep the lists alive)."""
        self.matched.clear()

    def unknown(self, distinct: Sequence[str]) -> bool:
        return not self.seen.issuperset(distinct)

    def learn(self, distinct: Sequence[str], topic: Topic, tuning: Tuning) -> set[str]:
        parts = topic.parts or tuple(() for _ in topic.core)
        min_part, part_credit = tuning.ranking.min_part, tuning.ranking.part_credit
        for word in self.seen.symmetric_difference(distinct).difference(self.seen):
            credits = _credits(word, topic.core, parts, topic.language, min_part, part_credit)
            if any(credits):
                self.hitting.add(word)
                self.of[word] = credits
            self.seen.add(word)
        return self.hitting.intersection(distinct)


@lru_cache(maxsize=131072)
def _credits(
    word: str, core: tuple[str, ...], parts: tuple[tuple[str, ...], ...], language: str, min_part: int, part_credit: float
) -> tuple[float, ...]:
    """Per core term: 1 when ``word`` expresses it, ``part_credit`` when it expresses one of its parts."""
    return tuple(
        1.0 if matches(term, word, language, min_part)
        else part_credit if any(matches(p, word, language, min_part) for p in term_parts) else 0.0
        for term, term_parts in zip(core, parts)
    )


def _coverage(found: dict[str, tuple[str, float]], topic: Topic) -> float:
    return sum(c for _, c in found.values()) / len(topic.core)


def score_text(text: str, topic: Topic, *, tuning: Tuning = TUNING) -> Relevance:
    """Relevance of a statement: share of core terms present, plus co-occurring terms."""
    if not topic.core:
        return Relevance(0.0, ())
    r = tuning.ranking
    core = _match(text, topic, tuning)
    core_share = _coverage(core, topic)
    text_stems = {stem(w, topic.language) for w in content_words(text, topic.language)}
    expansion = [(t, w) for t, w in topic.expansion if t in text_stems]
    exp_share = min(1.0, sum(w for _, w in expansion) / r.expansion_full)
    score = r.core_weight * core_share + r.expansion_weight * exp_share
    if not core:
        score *= r.related_only  # only related words, not the topic itself
    found = {w for w, _ in core.values()} | {w for w in words(text) if stem(w, topic.language) in dict(expansion)}
    ordered = tuple(dict.fromkeys(w for w in words(text) if w in found))
    return Relevance(round(min(1.0, score), 4), ordered)


@lru_cache(maxsize=262144)
def _hit(word: str, core: tuple[str, ...], language: str, min_part: int) -> bool:
    return any(matches(t, word, language, min_part) for t in core)


def score_document(
    document: Document, topic: Topic, counted: DocumentWords | None = None, *, tuning: Tuning = TUNING
) -> Relevance:
    """Relevance of a whole article: its text, its title and how densely it names the topic
    (``body_weight``, ``title_weight``, ``density_weight``), or its likeness to the on-topic
    articles. ``counted``: the article's :func:`document_words`, when the caller has them already."""
    if not topic.core:
        return Relevance(0.0, ())
    r = tuning.ranking
    counted = counted or document_words(document)
    body = _match_words(counted.body, topic, tuning)
    title = _match_words(counted.title, topic, tuning)
    n_words = max(1, counted.n_words())
    core, language = topic.core, topic.language
    hitting = topic.credits_of.hitting.intersection(counted.body)  # _match_words learnt the body's words
    hits = sum(counted.body_counts[counted.body.index(w)] for w in hitting if _hit(w, core, language, r.min_part))
    density = min(1.0, hits / n_words * r.density_full)
    literal = r.body_weight * _coverage(body, topic) + r.title_weight * _coverage(title, topic) + r.density_weight * density
    score = max(literal, r.related_weight * topic.related_of.get(document.id, 0.0))
    matched = tuple(dict.fromkeys(w for w, _ in [*title.values(), *body.values()]))
    return Relevance(round(min(1.0, score), 4), matched)


def _related(ids: Sequence[str], matrix: Any, on_topic: np.ndarray) -> tuple[tuple[str, float], ...]:
    """Pseudo-relevance feedback: each document's cosine with the centroid of the on-topic
    documents, scaled so that the least similar document gets 0 and a typical on-topic one 1.
    An article about the topic in other words (*samen*, *provincie*, *één pot*) is related even
    when it never names the topic."""
    centroid = np.asarray(matrix[on_topic].mean(axis=0)).ravel()
    norm = float(np.linalg.norm(centroid))
    if not norm:
        return ()
    sims = np.asarray(matrix @ (centroid / norm)).ravel()
    high, low = float(np.median(sims[on_topic])), float(sims.min())
    if high - low < 1e-9:
        return tuple((i, 1.0 if t else 0.0) for i, t in zip(ids, on_topic))
    return tuple((i, round(float(np.clip((s - low) / (high - low), 0.0, 1.0)), 4)) for i, s in zip(ids, sims))


def _tfidf_matrix(rows: Sequence[DocumentWords], language: str) -> tuple[Any, np.ndarray]:
    """What ``TfidfVectorizer(analyzer=stem_analyzer(language), sublinear_tf=True,
    dtype=np.float32).fit_transform`` makes of ``f"{title}\\n{text}"`` of each article, bit for
    bit, from its counted words instead of a token stream: the same vocabulary order (first seen,
    then sorted), the same counts, the same TfidfTransformer. ValueError for an empty vocabulary."""
    import scipy.sparse as sp

    from oogst.select.tfidf import sublinear_tfidf

    stop = get_lexicon(language).stopwords
    column: dict[str, int] = {}  # word → its stem's column in order of first sight; -1: not a content word
    vocabulary: dict[str, int] = {}
    row_parts, col_parts, data_parts = [], [], []
    for r, c in enumerate(rows):
        for distinct, counts in ((c.title, c.title_counts), (c.body, c.body_counts)):
            if not distinct:
                continue
            for w in [w for w in distinct if w not in column]:  # in order of first use
                if len(w) < 3 or w in stop:
                    column[w] = -1
                    continue
                s = stem(w, language)
                j = vocabulary.get(s)
                if j is None:
                    j = vocabulary[s] = len(vocabulary)
                column[w] = j
            cols = np.fromiter(map(column.__getitem__, distinct), dtype=np.int32, count=len(distinct))
            keep = cols >= 0
            col_parts.append(cols[keep])
            data_parts.append(np.frombuffer(counts, dtype=np.int64)[keep].astype(np.float32))  # counts: exact in float32
            row_parts.append(np.full(int(keep.sum()), r, dtype=np.int32))
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    n_rows, n_cols = len(rows), len(vocabulary)
    data, row_index, col_index = np.concatenate(data_parts), np.concatenate(row_parts), np.concatenate(col_parts)
    del data_parts, row_parts, col_parts
    coo = sp.coo_matrix((data, (row_index, col_index)), shape=(n_rows, n_cols))
    del data, row_index, col_index
    counts_matrix = coo.tocsr()  # duplicates summed, indices sorted: as CountVectorizer's sort_indices
    del coo
    counts_matrix.sum_duplicates()
    index_dtype = np.int64 if counts_matrix.nnz > np.iinfo(np.int32).max else np.int32
    counts_matrix.indices = counts_matrix.indices.astype(index_dtype, copy=False)
    counts_matrix.indptr = counts_matrix.indptr.astype(index_dtype, copy=False)
    ordered = sorted(vocabulary.items())
    map_index = np.empty(len(ordered), dtype=counts_matrix.indices.dtype)
    for new, (_, old) in enumerate(ordered):
        map_index[old] = new
    counts_matrix.indices = map_index.take(counts_matrix.indices, mode="clip")
    terms = np.asarray([t for t, _ in ordered], dtype=object)
    return sublinear_tfidf(counts_matrix).tocsr(), terms


def _joint_coverage(c: DocumentWords, topic: Topic, tuning: Tuning) -> float:
    """The coverage of ``f"{title}\\n{text}"``: per core term the best credit in either."""
    body, title = _match_words(c.body, topic, tuning), _match_words(c.title, topic, tuning)
    return sum(max(body.get(t, ("", 0.0))[1], title.get(t, ("", 0.0))[1]) for t in topic.core) / len(topic.core)


def _expand(
    documents: Sequence[Document], topic: Topic, tuning: Tuning, counted: Sequence[DocumentWords] | None = None
) -> tuple[tuple[tuple[str, float], ...], tuple[tuple[str, float], ...]]:
    """Co-occurring terms (for statements) and related documents (for articles)."""
    if not documents:
        return (), ()
    r = tuning.ranking
    n = r.expansion_terms
    core, language = topic.core, topic.language
    rows = counted or [document_words(d) for d in documents]
    on_topic = np.array([_joint_coverage(c, topic, tuning) >= r.on_topic_coverage for c in rows])
    if not on_topic.any():
        return (), ()
    try:
        matrix, terms = _tfidf_matrix(rows, language)
    except ValueError:  # empty vocabulary
        return (), ()
    related = _related([d.id for d in documents], matrix, on_topic)
    if n <= 0:
        return (), related
    weights = np.asarray(matrix[on_topic].mean(axis=0)).ravel()
    if (~on_topic).any():
        weights = weights - r.off_topic_share * np.asarray(matrix[~on_topic].mean(axis=0)).ravel()
    doc_freq = np.asarray((matrix[on_topic] > 0).sum(axis=0)).ravel()
    min_df = min(r.expansion_min_articles, int(on_topic.sum()))
    keep = np.flatnonzero((weights > 0) & (doc_freq >= min_df))
    common = _common_word_stems(rows, language)
    numbers = {stem(w, language) for w in get_lexicon(language).number_words}
    ranked = sorted(
        (
            (str(terms[j]), float(weights[j]))
            for j in keep
            if len(terms[j]) >= r.expansion_min_letters and terms[j] in common and terms[j] not in numbers
            and not any(terms[j] == c or c in terms[j] or terms[j] in c for c in core)
        ),
        key=lambda tw: (-tw[1], tw[0]),
    )[:n]
    if not ranked:
        return (), related
    top = ranked[0][1]
    return tuple((t, round(w / top, 4)) for t, w in ranked), related


def _common_word_stems(counted: Iterable[DocumentWords], language: str) -> set[str]:
    """Stems of words that occur in lower case somewhere: names (Dalmeer, Groenendijk) never do,
    and a name says where something happened, not what it is about. Gathered per article
    (``DocumentWords.common``; no match crosses a line break), so the corpus is never joined."""
    found: set[str] = set()
    for c in counted:
        if c.common:
            found.update(c.common.split("\0"))
    return {stem(w.lower(), language) for w in found}


def build_topic(
    phrase: str,
    documents: Sequence[Document] = (),
    *,
    language: str | None = None,
    counted: Mapping[str, DocumentWords] | None = None,
    tuning: Tuning = TUNING,
) -> Topic:
    """The topic's core stems plus up to ``expansion_terms`` terms that co-occur with it in
    ``documents``. ``counted``: document id → its :func:`document_words`, when the caller has them
    (each article is then read once for the topic and its own relevance)."""
    lang = language or majority_language(documents)
    if counted is None:
        counted = {d.id: document_words(d) for d in documents}
    vocabulary = frozenset().union(*(counted[d.id].body for d in documents))
    core, parts = core_terms(phrase, lang, vocabulary, tuning=tuning)
    topic = Topic(phrase, lang, core, parts)
    docs = sorted(
        (d for d in documents if get_lexicon(d.language).language == get_lexicon(lang).language), key=lambda d: d.id
    )
    expansion, related = _expand(docs, topic, tuning, [counted[d.id] for d in docs]) if core else ((), ())
    made = Topic(phrase, lang, core, parts, expansion, related)
    object.__setattr__(made, "credits_of", topic.credits_of)  # the same core terms: what was learnt holds
    return made


def majority_language(documents: Sequence[Document]) -> str:
    """The most common document language; ties and no documents give "nl"."""
    counts: dict[str, int] = {}
    for d in documents:
        counts[d.language] = counts.get(d.language, 0) + 1
    if not counts:
        return "nl"
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] != "nl", kv[0]))[0][0]


__all__ = ["Relevance", "Topic", "build_topic", "core_terms", "majority_language", "score_document", "score_text"]
