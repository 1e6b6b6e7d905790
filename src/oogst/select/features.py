"""What selection needs of an article, read once: its distinct words with their counts.

``oogst add`` stores these per document (:func:`stored`, written with the document), so that a digest over a large
store reads a few kilobytes per article in the period instead of tokenising every text again;
:func:`document_words` makes them from the text where the store has none (a batch load, an
older store). Topic-independent and deterministic: the same text gives the same record.
"""
from __future__ import annotations

import re
import sys
from array import array
from collections import Counter
from dataclasses import dataclass

from oogst.models import Document
from oogst.select.lexicon import get_lexicon
from oogst.select.terms import _WORD

FEATURES_VERSION = 1  # bump when what is counted changes: stored rows of another version are ignored

LOWER_WORD = re.compile(r"(?<![\w’'-])[a-zà-ÿ][^\W\d_]+")
AFTER_WORD = re.compile(r"\b([^\W\d_]+) ([A-ZÀ-Ý][^\W\d_]+)")  # "het Rijk": a thing, not a name


@dataclass(frozen=True, slots=True)
class DocumentWords:
    """One article's words: each distinct word (lower case, interned, in order of first use)
    with its count, for the body and the title; and ``common``, the words of title and body
    written in lower case somewhere (or after an article: "het Rijk"), which names never are
    (kept as one string: a set per article would cost a digest more memory than the article)."""

    body: tuple[str, ...]
    body_counts: array[int]  # array('q'), parallel to ``body``
    title: tuple[str, ...]
    title_counts: array[int]
    common: str = ""  # "\0"-joined, sorted; a digest only needs the union over all articles

    def n_words(self) -> int:
        return sum(self.body_counts)


def _counted(text: str) -> tuple[tuple[str, ...], array[int]]:
    # what ``terms.words`` gives, lower-cased in one call (NUL never occurs in a word, and an
    # uncased separator keeps str.lower's context rules, e.g. a final sigma, as they are per word)
    tokens = _WORD.findall(text)
    if not tokens:
        return (), array("q")
    counts = Counter("\0".join(tokens).lower().replace("’", "'").split("\0"))
    return tuple(map(sys.intern, counts)), array("q", counts.values())


def common_words(text: str, language: str) -> set[str]:
    """Words of ``text`` written in lower case, and capitalised words after an article."""
    articles = get_lexicon(language).articles
    found = set(LOWER_WORD.findall(text))
    found.update(m.group(2) for m in AFTER_WORD.finditer(text) if m.group(1).lower() in articles)
    return found


def document_words(document: Document) -> DocumentWords:
    body, body_counts = _counted(document.text)
    title, title_counts = _counted(document.title)
    common = common_words(f"{document.title}\n{document.text}", document.language)
    return DocumentWords(body, body_counts, title, title_counts, "\0".join(sorted(common)))


def stored(document: Document) -> tuple[int, tuple[str, bytes, str, bytes, str]]:
    """What the store keeps of ``document``: the version and the columns of its row."""
    return FEATURES_VERSION, encode(document_words(document))


def encode(words: DocumentWords) -> tuple[str, bytes, str, bytes, str]:
    """The columns of a ``document_words`` row."""
    return ("\0".join(words.body), words.body_counts.tobytes(), "\0".join(words.title),
            words.title_counts.tobytes(), words.common)


def decode(body: str, body_counts: bytes, title: str, title_counts: bytes, common: str) -> DocumentWords:
    def split(text: str) -> tuple[str, ...]:
        return tuple(map(sys.intern, text.split("\0"))) if text else ()

    def numbers(raw: bytes) -> array[int]:
        a = array("q")
        a.frombytes(raw)
        return a

    return DocumentWords(split(body), numbers(body_counts), split(title), numbers(title_counts), common)


__all__ = ["FEATURES_VERSION", "DocumentWords", "common_words", "decode", "document_words", "encode"]
