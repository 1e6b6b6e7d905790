"""Paragraphs and sentences with character offsets — fast, regex-based.

Extracted web text has one block per line; hand-written text files separate paragraphs with
blank lines and may wrap lines. Both come out as :class:`Block` s with offsets into the text.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from oogst.lang import every

_BULLET_MARK = r"[-*•·–▪◦✓✔]|\d{1,2}[.)]|[a-z][.)]"
_BULLET = re.compile(rf"[ \t]*(?:{_BULLET_MARK})[ \t]+")
_BLANK_SPLIT = re.compile(r"\n[ \t]*\n")
_BLANK_LINE = re.compile(r"\n[ \t]+\n")
# one line: an optional bullet (as _BULLET), then the text without surrounding white space
_LINE_BLOCK = re.compile(rf"[ \t]*(?:(?P<bullet>{_BULLET_MARK})[ \t]+)?[^\S\n]*"
                         r"(?P<body>[^\n]*[^\s])?[^\S\n]*(?:\n|\Z)")
_LINE = re.compile(r"[^\n]+")
_ANSWER_OPENERS = frozenset("‘“„\"'«")


class Block(NamedTuple):
    """A paragraph, heading or bullet: ``text[start:end]`` without its bullet marker."""

    start: int
    end: int
    bullet: bool


def blocks(text: str) -> list[Block]:
    """Split text into blocks. With blank lines in the text, a block is a blank-line separated
    paragraph (bullets still one per line); without, every line is a block."""
    out: list[Block] = []
    if "\n\n" in text or _BLANK_LINE.search(text):
        pos = 0
        for m in _BLANK_SPLIT.finditer(text + "\n\n"):
            _add_chunk(text, pos, min(m.start(), len(text)), out)
            pos = m.end()
        if pos < len(text):
            _add_chunk(text, pos, len(text), out)
    else:
        for m in _LINE_BLOCK.finditer(text):  # what _add_line does per line, in one pattern
            start = m.start("body")
            if start >= 0:
                out.append(Block(start, m.end("body"), m.start("bullet") >= 0))
    return out


def _add_chunk(text: str, start: int, end: int, out: list[Block]) -> None:
    if start < end and text.find("\n", start, end) < 0:
        _add_line(text, start, end, out)  # one line (most paragraphs): a bullet or not, the same
        return
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text, start, end)]
    if not lines:
        return
    if any(_BULLET.match(text, s, e) for s, e in lines):
        # a list: each bullet line its own block; wrapped continuation lines join the bullet
        current: list[int] | None = None
        for s, e in lines:
            if _BULLET.match(text, s, e) or current is None:
                if current is not None:
                    _add_line(text, current[0], current[1], out)
                current = [s, e]
            else:
                current[1] = e
        if current is not None:
            _add_line(text, current[0], current[1], out)
    else:
        # a question on its own line with the answer in quote marks on the next (Q&A written
        # without a blank line between): two blocks, so that the answer is a bare quote
        first = 0
        for k in range(1, len(lines)):
            if text[lines[k - 1][0] : lines[k - 1][1]].rstrip().endswith("?") \
                    and text[lines[k][0] : lines[k][1]].lstrip()[:1] in _ANSWER_OPENERS:
                _add_line(text, lines[first][0], lines[k - 1][1], out)
                first = k
        _add_line(text, lines[first][0], lines[-1][1], out)


def _add_line(text: str, start: int, end: int, out: list[Block]) -> None:
    bullet = False
    m = _BULLET.match(text, start, end)
    if m:
        start, bullet = m.end(), True
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Block(start, end, bullet))


# A sentence ends at . ! ? … (optionally followed by closing marks/brackets) + space +
# an uppercase letter, digit, opening mark (also ,, and ``) or bullet. Abbreviations are protected.
# (group 1: the punctuation run, which ends where the sentence does)
_SENT_END = re.compile(r"([.!?…][.!?…]*+[’'”\")\]»]*+)\s++(?=[A-ZÀ-Ý‘“„\"'(\[«0-9]|,,|``)")  # [.!?…]+, skipping ahead
# the abbreviations of every language (oogst.lang: ``abbreviations``), or an initial
_ABBREV = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(a) for a in sorted(every("abbreviations"))) + r")\.|\b[A-Z]\.)\s+$"
)
# how far before its white space a match of _ABBREV can start: the longest abbreviation and its
# full stop (the search starts there, not earlier: ``\b`` looks at the character before the
# start of a search too, so the answer is the same with fewer positions tried)
_ABBREV_REACH = max(len(a) for a in every("abbreviations")) + 1


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``."""
    out: list[tuple[int, int]] = []
    pos = start
    # (not matches_at: full stops are too frequent for a candidate list to pay)
    for m in _SENT_END.finditer(text, start, end):
        cut = m.end()
        stop = m.end(1)  # the punctuation run ends before the white space
        # an abbreviation ends in its full stop right before the white space (a quick test first)
        if text[stop - 1] == "." and _ABBREV.search(text, max(pos, stop - _ABBREV_REACH), stop + 1):
            continue
        if stop > pos:
            out.append((pos, stop))
        pos = cut
    if pos < end:
        e = end
        while e > pos and text[e - 1].isspace():
            e -= 1
        if e > pos:
            out.append((pos, e))
    return out


_WORD = r"\w\w*+(?:[’'-]\w++)*+"  # \w+(?:[’'-]\w+)*: a word, with zo’n, auto's, Jan-Willem
_WORDS = re.compile(_WORD)


def word_count(s: str, upto: int = 0) -> int:
    """The number of words in ``s``; with ``upto``, counting stops there (``min(n, upto)``),
    so that a long text costs no more than its opening."""
    if 0 < upto <= 32:  # the nested pattern below; deeper nesting would not compile
        return nested_words(upto).match(s).lastindex or 0  # type: ignore[union-attr]
    n = len(_WORDS.findall(s))
    return min(n, upto) if upto else n


@lru_cache(maxsize=None)
def nested_words(upto: int, word: str = _WORD, gap: str = r"\W*+") -> re.Pattern[str]:
    """The first ``upto`` words of a string (``word`` a word, ``gap`` what may come between),
    each in its own nested optional group: the last group that matched is the count and the
    groups are the words, with no list of every word built."""
    inner = ""
    for _ in range(upto - 1):
        inner = rf"(?:{gap}({word}){inner})?"
    return re.compile(rf"{gap}(?:({word}){inner})?")


def positions(text: str, chars: Iterable[str], strings: Iterable[str] = (), lo: int = 0,
              hi: int | None = None) -> list[int]:
    """Where each of ``chars`` and each of ``strings`` starts in ``text[lo:hi]`` (overlapping
    occurrences too, and a string may run past ``hi``), in order: the candidates of a regex
    that opens with one of them.

    ``str.find`` skips through text many times faster than a regex that opens with a
    character class: the engine tests such a class character by character (about 13 ns a
    character, against a fraction of a nanosecond), and several of the harvest's patterns
    open with one (quote marks) and ran over every text."""
    end = len(text) if hi is None else hi
    out: list[int] = []
    for needle in (*chars, *strings):
        limit = end + len(needle) - 1  # an occurrence may start before hi and run past it
        i = text.find(needle, lo, limit)
        while i >= 0:
            out.append(i)
            i = text.find(needle, i + 1, limit)
    out.sort()
    return out


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int], lo: int = 0,
               hi: int | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, lo, hi)``, trying only the positions in ``starts`` (sorted):
    the same matches, for a pattern that never matches the empty string and can start
    nowhere else."""
    end_pos = len(text) if hi is None else hi
    match = pattern.match
    end = lo
    for k in range(bisect.bisect_left(starts, lo), len(starts)):
        p = starts[k]
        if p >= end_pos:
            return
        if p < end:
            continue  # inside the match just read
        m = match(text, p, end_pos)
        if m is not None:
            end = m.end()
            yield m
