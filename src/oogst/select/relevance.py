"""How much an item (and its whole document) is about a topic phrase.

The topic's content words are stemmed (``interbestuurlijk samenwerken`` → interbestur,
samenwerk) and matched compound-aware (see :func:`oogst.select.terms.matches`). The topic is
then expanded with terms that co-occur with it: the mean TF-IDF vector over the documents that
match the topic, minus what is common in the other documents. Everything is deterministic.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from oogst.models import Document
from oogst.select.lexicon import get_lexicon
from oogst.select.terms import MIN_PART, compound_parts, content_words, matches, stem, stem_analyzer, words

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
    for word in words(text):
        for term, term_parts in zip(topic.core, parts):
            if found.get(term, ("", 0.0))[1] == 1.0:
                continue
            if matches(term, word, topic.language):
                found[term] = (word, 1.0)
            elif term not in found and any(matches(p, word, topic.language) for p in term_parts):
                found[term] = (word, 0.5)
    return found


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
    n_words = max(1, len(words(document.text)))
    hits = sum(1 for w in words(document.text) if any(matches(t, w, topic.language) for t in topic.core))
    density = min(1.0, hits / n_words * 50)  # two hits per hundred words is plenty
    score = 0.45 * _coverage(body, topic) + 0.3 * _coverage(title, topic) + 0.25 * density
    matched = tuple(dict.fromkeys(w for w, _ in [*title.values(), *body.values()]))
    return Relevance(round(min(1.0, score), 4), matched)


def _expand(documents: Sequence[Document], topic: Topic, n: int) -> tuple[tuple[str, float], ...]:
    texts = [f"{d.title}\n{d.text}" for d in documents]
    if not texts or n <= 0:
        return ()
    core, language = topic.core, topic.language
    on_topic = np.array([_coverage(_match(t, topic), topic) >= TOPIC_DOC_COVERAGE for t in texts])
    if not on_topic.any():
        return ()
    vectorizer = TfidfVectorizer(analyzer=stem_analyzer(language), sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform(texts).toarray()
    except ValueError:  # empty vocabulary
        return ()
    weights = matrix[on_topic].mean(axis=0)
    if (~on_topic).any():
        weights = weights - 0.5 * matrix[~on_topic].mean(axis=0)
    doc_freq = (matrix[on_topic] > 0).sum(axis=0)
    min_df = 2 if on_topic.sum() >= 2 else 1
    terms = vectorizer.get_feature_names_out()
    ranked = sorted(
        (
            (str(t), float(w))
            for t, w, df in zip(terms, weights, doc_freq)
            if w > 0 and df >= min_df and len(t) >= 4 and not any(t == c or c in t or t in c for c in core)
        ),
        key=lambda tw: (-tw[1], tw[0]),
    )[:n]
    if not ranked:
        return ()
    top = ranked[0][1]
    return tuple((t, round(w / top, 4)) for t, w in ranked)


def build_topic(
    phrase: str, documents: Sequence[Document] = (), *, language: str | None = None, n_expand: int = 8
) -> Topic:
    """The topic's core stems plus up to ``n_expand`` terms that co-occur with it in ``documents``."""
    lang = language or majority_language(documents)
    vocabulary = frozenset(w for d in documents for w in words(d.text))
    core, parts = core_terms(phrase, lang, vocabulary)
    topic = Topic(phrase, lang, core, parts)
    docs = [d for d in documents if get_lexicon(d.language).language == get_lexicon(lang).language]
    return Topic(phrase, lang, core, parts, _expand(docs, topic, n_expand) if core else ())


def majority_language(documents: Sequence[Document]) -> str:
    """The most common document language; ties and no documents give "nl"."""
    counts: dict[str, int] = {}
    for d in documents:
        counts[d.language] = counts.get(d.language, 0) + 1
    if not counts:
        return "nl"
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] != "nl", kv[0]))[0][0]


__all__ = ["Relevance", "Topic", "build_topic", "core_terms", "majority_language", "score_document", "score_text"]
