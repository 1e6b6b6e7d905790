"""How much an item (and its whole document) is about a topic phrase.

The topic's content words are stemmed (``interbestuurlijk samenwerken`` → interbestur,
samenwerk) and matched compound-aware (see :func:`oogst.select.terms.matches`). The topic is
then expanded with terms that co-occur with it: the mean TF-IDF vector over the documents that
match the topic, minus what is common in the other documents. Everything is deterministic.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from collections.abc import Mapping, Sequence
from typing import Any
from dataclasses import dataclass, field

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from oogst.models import Document
from oogst.select.lexicon import get_lexicon
from oogst.select.terms import MIN_PART, compound_parts, content_words, matches, stem, stem_analyzer, words

_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-zà-ÿ][^\W\d_]+")
_AFTER_WORD = re.compile(r"\b([^\W\d_]+) ([A-ZÀ-Ý][^\W\d_]+)")  # "het Rijk": a thing, not a name
RELATED_WEIGHT = 0.6  # an article like the on-topic ones, without naming the topic, scores up to this
CORE_WEIGHT = 0.8
EXPANSION_WEIGHT = 0.2
TOPIC_DOC_COVERAGE = 0.5  # a document "matches the topic" when it has half the core terms


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "related_of", dict(self.related))


@dataclass(frozen=True, slots=True)
class Relevance:
    score: float  # in [0, 1]
    matched: tuple[str, ...]  # the words in the text that matched, in text order


def core_terms(
    phrase: str, language: str, vocabulary: frozenset[str] = frozenset()
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Stems of the topic's words, and per word the stems of its compound parts (≥ 5 letters).

    A part found in a text counts half: ``samenwerkingsverband`` is half-matched by samenwerking.
    """
    lex = get_lexicon(language)
    core: list[str] = []
    parts: list[tuple[str, ...]] = []
    for word in content_words(phrase, language) or words(phrase):
        s = stem(word, language)
        if s in core:
            continue
        core.append(s)
        found = (stem(p, language) for p in compound_parts(word, vocabulary, lex))
        parts.append(tuple(p for p in found if len(p) >= MIN_PART and p != s))
    return tuple(core), tuple(parts)


def _match(text: str, topic: Topic) -> dict[str, tuple[str, float]]:
    """core term → (first word in ``text`` that expresses it, credit 1 or 0.5 for a part)."""
    found: dict[str, tuple[str, float]] = {}
    parts = topic.parts or tuple(() for _ in topic.core)
    for word in dict.fromkeys(words(text)):  # each distinct word once, in order of first use
        for term, credit in zip(topic.core, _credits(word, topic.core, parts, topic.language)):
            if credit and credit > found.get(term, ("", 0.0))[1]:
                found[term] = (word, credit)
    return found


@lru_cache(maxsize=131072)
def _credits(word: str, core: tuple[str, ...], parts: tuple[tuple[str, ...], ...], language: str) -> tuple[float, ...]:
    """Per core term: 1 when ``word`` expresses it, 0.5 when it expresses one of its parts."""
    return tuple(
        1.0 if matches(term, word, language) else 0.5 if any(matches(p, word, language) for p in term_parts) else 0.0
        for term, term_parts in zip(core, parts)
    )


def _coverage(found: dict[str, tuple[str, float]], topic: Topic) -> float:
    return sum(c for _, c in found.values()) / len(topic.core)


def score_text(text: str, topic: Topic) -> Relevance:
    """Relevance of a statement: share of core terms present, plus co-occurring terms."""
    if not topic.core:
        return Relevance(0.0, ())
    core = _match(text, topic)
    core_share = _coverage(core, topic)
    text_stems = {stem(w, topic.language) for w in content_words(text, topic.language)}
    expansion = [(t, w) for t, w in topic.expansion if t in text_stems]
    exp_share = min(1.0, sum(w for _, w in expansion) / 1.5)
    score = CORE_WEIGHT * core_share + EXPANSION_WEIGHT * exp_share
    if not core:
        score *= 0.75  # only related words, not the topic itself
    found = {w for w, _ in core.values()} | {w for w in words(text) if stem(w, topic.language) in dict(expansion)}
    ordered = tuple(dict.fromkeys(w for w in words(text) if w in found))
    return Relevance(round(min(1.0, score), 4), ordered)


def score_document(document: Document, topic: Topic) -> Relevance:
    """Relevance of a whole article: core terms in the title count double, density helps."""
    if not topic.core:
        return Relevance(0.0, ())
    body = _match(document.text, topic)
    title = _match(document.title, topic)
    counts = Counter(words(document.text))
    n_words = max(1, sum(counts.values()))
    hits = sum(n for w, n in counts.items() if any(matches(t, w, topic.language) for t in topic.core))
    density = min(1.0, hits / n_words * 50)  # two hits per hundred words is plenty
    literal = 0.45 * _coverage(body, topic) + 0.3 * _coverage(title, topic) + 0.25 * density
    score = max(literal, RELATED_WEIGHT * topic.related_of.get(document.id, 0.0))
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


def _expand(
    documents: Sequence[Document], topic: Topic, n: int
) -> tuple[tuple[tuple[str, float], ...], tuple[tuple[str, float], ...]]:
    """Co-occurring terms (for statements) and related documents (for articles)."""
    texts = [f"{d.title}\n{d.text}" for d in documents]
    if not texts:
        return (), ()
    core, language = topic.core, topic.language
    on_topic = np.array([_coverage(_match(t, topic), topic) >= TOPIC_DOC_COVERAGE for t in texts])
    if not on_topic.any():
        return (), ()
    vectorizer = TfidfVectorizer(analyzer=stem_analyzer(language), sublinear_tf=True, dtype=np.float32)
    try:
        matrix = vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # empty vocabulary
        return (), ()
    related = _related([d.id for d in documents], matrix, on_topic)
    if n <= 0:
        return (), related
    weights = np.asarray(matrix[on_topic].mean(axis=0)).ravel()
    if (~on_topic).any():
        weights = weights - 0.5 * np.asarray(matrix[~on_topic].mean(axis=0)).ravel()
    doc_freq = np.asarray((matrix[on_topic] > 0).sum(axis=0)).ravel()
    min_df = 2 if on_topic.sum() >= 2 else 1
    terms = vectorizer.get_feature_names_out()
    keep = np.flatnonzero((weights > 0) & (doc_freq >= min_df))
    common = _common_word_stems(texts, language)
    numbers = {stem(w, language) for w in get_lexicon(language).number_words}
    ranked = sorted(
        (
            (str(terms[j]), float(weights[j]))
            for j in keep
            if len(terms[j]) >= 4 and terms[j] in common and terms[j] not in numbers
            and not any(terms[j] == c or c in terms[j] or terms[j] in c for c in core)
        ),
        key=lambda tw: (-tw[1], tw[0]),
    )[:n]
    if not ranked:
        return (), related
    top = ranked[0][1]
    return tuple((t, round(w / top, 4)) for t, w in ranked), related


def _common_word_stems(texts: Sequence[str], language: str) -> set[str]:
    """Stems of words that occur in lower case somewhere: names (Dalmeer, Groenendijk) never do,
    and a name says where something happened, not what it is about."""
    joined = "\n".join(texts)
    lower = set(_LOWER_WORD.findall(joined))
    articles = get_lexicon(language).articles
    after_article = {m.group(2) for m in _AFTER_WORD.finditer(joined) if m.group(1).lower() in articles}
    return {stem(w.lower(), language) for w in lower | after_article}


def build_topic(
    phrase: str, documents: Sequence[Document] = (), *, language: str | None = None, n_expand: int = 24
) -> Topic:
    """The topic's core stems plus up to ``n_expand`` terms that co-occur with it in ``documents``."""
    lang = language or majority_language(documents)
    vocabulary = frozenset(w for d in documents for w in words(d.text))
    core, parts = core_terms(phrase, lang, vocabulary)
    topic = Topic(phrase, lang, core, parts)
    docs = sorted(
        (d for d in documents if get_lexicon(d.language).language == get_lexicon(lang).language), key=lambda d: d.id
    )
    expansion, related = _expand(docs, topic, n_expand) if core else ((), ())
    return Topic(phrase, lang, core, parts, expansion, related)


def majority_language(documents: Sequence[Document]) -> str:
    """The most common document language; ties and no documents give "nl"."""
    counts: dict[str, int] = {}
    for d in documents:
        counts[d.language] = counts.get(d.language, 0) + 1
    if not counts:
        return "nl"
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] != "nl", kv[0]))[0][0]


__all__ = ["Relevance", "Topic", "build_topic", "core_terms", "majority_language", "score_document", "score_text"]
