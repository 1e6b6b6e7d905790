"""Words, stems and compound-aware matching shared by the selection stages."""
from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from oogst.select.lexicon import Lexicon, get_lexicon

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def words(text: str) -> list[str]:
    """Lowercased word tokens; numbers and punctuation are dropped, zo'n stays one word."""
    return list(_words(text))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(text))


@lru_cache(maxsize=8)
def _stemmer(name: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=65536)
def stem(word: str, language: str) -> str:
    lex = get_lexicon(language)
    return str(_stemmer(lex.stemmer).stemWord(word.lower()))


def content_words(text: str, language: str) -> list[str]:
    """Words that carry meaning: no stopwords, at least three letters."""
    stop = get_lexicon(language).stopwords
    return [w for w in words(text) if len(w) >= 3 and w not in stop]


def stems(text: str, language: str) -> list[str]:
    return [stem(w, language) for w in content_words(text, language)]


def stem_analyzer(language: str):  # type: ignore[no-untyped-def]
    """A callable analyzer for scikit-learn vectorizers."""

    def analyze(text: str) -> list[str]:
        return stems(text, language)

    return analyze


@lru_cache(maxsize=262144)
def matches(term: str, word: str, language: str, min_part: int) -> bool:
    """Does ``word`` express the stemmed ``term``?

    Equal stems match; a term of at least ``min_part`` letters (``Tuning.ranking.min_part``)
    also matches inside a longer word, so ``samenwerk`` matches samenwerking and
    samenwerkingsverband, ``gemeent`` gemeentelijke.
    """
    w_stem = stem(word, language)
    if w_stem == term:
        return True
    if len(term) < min_part:
        return False
    return term in word or term in w_stem


def compound_parts(word: str, vocabulary: frozenset[str], lex: Lexicon, min_part: int) -> tuple[str, ...]:
    """Split a compound into two parts (``samenwerkingsverband`` → samenwerking, verband).

    Both parts must be at least ``min_part`` letters and one of them must occur in
    ``vocabulary`` (the corpus words); a linking s/en/e after the first part is allowed. The
    longest known first part wins. Returns () when no split is found.
    """
    for i in range(len(word) - min_part, min_part - 1, -1):
        head, tail = word[:i], word[i:]
        heads = [head] + [h for link in lex.linking if head.endswith(link) and len(h := head[: -len(link)]) >= min_part]
        known = [h for h in heads if h in vocabulary]
        if known:
            return (known[0], tail)
        if tail in vocabulary:
            return (heads[-1], tail)
    return ()


__all__ = ["compound_parts", "content_words", "matches", "stem", "stem_analyzer", "stems", "words"]
