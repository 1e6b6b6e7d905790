"""Find quotation spans in a block of text, whatever marks the writer (or the CMS) used.

Every mark is classified by its context — an opening mark follows a space and precedes text, a
closing mark follows text and precedes a space or punctuation, an apostrophe sits between
letters or before s/t/n — and then paired with a stack, so nested quotes, the single right mark
used as an apostrophe (zo’n, auto’s, ’s avonds) and mismatched pairs („…”, “…’’) all work.
"""
from __future__ import annotations

import bisect
import itertools
import re
from typing import NamedTuple

from oogst.harvest.text import matches_at, positions

# The marks: one character, or a doubled one (,, `` '' ’’ ‚‚). Written to open with a character
# class, which lets the regex engine skip straight to the next candidate (2x faster than an
# alternation of the same marks); a lone , is no mark. A lone ` opens a single quote in the old
# typewriter style (`…'), but only when a closing mark follows before the next backtick.
_TOKEN = re.compile(r"[‘’“”„‚«»‹›\"',`](?:(?<=,),|(?<=`)`|(?<=')'|(?<=’)’|(?<=‚)‚|(?<!,))")
_MARK_CHARS = "‘’“”„‚«»‹›\"'`"  # _TOKEN's first characters but the comma (a mark only as ,,)
SINGLE, DOUBLE = 1, 2
_FAMILY = {
    "‘": SINGLE, "’": SINGLE, "'": SINGLE, "`": SINGLE, "‚": SINGLE, "‹": SINGLE, "›": SINGLE,
    "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, '"': DOUBLE, ",,": DOUBLE, "``": DOUBLE,
    "''": DOUBLE, "’’": DOUBLE, "«": DOUBLE, "»": DOUBLE, "‚‚": DOUBLE,
}
_ALWAYS_OPEN = frozenset({"„", "‚", ",,", "``", "«", "‹", "‚‚"})
_ALWAYS_CLOSE = frozenset({"»", "›", "''", "’’"})
_CLOSE_FOLLOW = frozenset(".,;:!?)]}—–-…/")
_OPEN_PRECEDE = frozenset("([{—–-/:")
_APOS_WORD = re.compile(r"(?:s|t|n|k|m|r)(?:\b|-)|\d", re.IGNORECASE)

OPEN, CLOSE, WEAK_CLOSE = 1, 2, 3
_BACKTICK_CLOSE = re.compile(r"(?<=[^\s`])['’](?=[\s.,;:!?)\]—–-]|$)")  # the close of `…'

_REOPENING = frozenset('"“„')  # marks that never nest inside themselves
MAX_DEPTH = 3


class Span(NamedTuple):
    """A quotation: ``inner_start:inner_end`` is the text between the marks."""

    open_pos: int  # position of the opening mark, or -1 when the quote has none
    close_pos: int  # position of the closing mark, or -1 when it runs to the block's end
    inner_start: int
    inner_end: int
    depth: int  # 0 for an outer quote, 1+ for a quote nested in another

    @property
    def closed(self) -> bool:
        return self.close_pos >= 0

    @property
    def opened(self) -> bool:
        return self.open_pos >= 0


class Stray(NamedTuple):
    pos: int
    reason: str


def _is_space(c: str) -> bool:
    return c == "" or c.isspace()


def _classify(text: str, i: int, j: int, tok: str, lo: int, hi: int) -> int:
    prev = text[i - 1] if i > lo else ""
    nxt = text[j] if j < hi else ""
    nxt_space = not nxt or nxt.isspace()
    if tok in _ALWAYS_OPEN:
        return OPEN if not nxt_space or tok in "«‹" else 0
    if tok in _ALWAYS_CLOSE:
        return CLOSE
    prev_space = not prev or prev.isspace()
    opening = (prev_space or prev in _OPEN_PRECEDE or prev in _FAMILY) and not nxt_space
    closing = not prev_space and (nxt_space or nxt in _CLOSE_FOLLOW or nxt in _FAMILY)
    if tok == "`":
        if not opening:
            return 0  # `code` in a Markdown text, a stray backtick
        upto = text.find("`", j, hi)
        return OPEN if _BACKTICK_CLOSE.search(text, j, upto if upto >= 0 else hi) else 0
    if tok in ("’", "'", "‘"):
        if prev.isalnum() and nxt.isalnum():
            return 0  # zo’n, auto’s, Jan’s, rock’n
        if opening and _APOS_WORD.match(text, j, min(j + 2, hi)) and (tok != "‘" or nxt.isdigit()):
            # ’s avonds, ’t, ’n, ’s-Hertogenbosch, ’90s — unless the word is longer ('sommige')
            if not text[j : j + 3].isalpha() or nxt.isdigit():
                return 0
        if tok == "‘":
            return OPEN if opening else (CLOSE if closing else 0)
        if closing:
            return WEAK_CLOSE if prev.lower() == "s" or prev.isdigit() else CLOSE
        return OPEN if opening else 0
    # “ ” "
    if not opening and not closing and prev in ".!?" and nxt.isupper() and tok in "”\"’'":
        return CLOSE  # paragraphs glued without a space: ‘… gedaan."Sinds vandaag …’
    if not opening and not closing and prev_space and tok in "”\"" and i - 2 >= lo and text[i - 2] in ",.!?":
        return CLOSE  # a mark set off by spaces after the quote's comma: ‘staat, " vindt Holtman’
    if opening and not closing:
        return OPEN
    if closing and not opening:
        return CLOSE
    if opening and closing:  # e.g. a mark between two other marks
        return CLOSE if tok == "”" else OPEN
    return 0


def _after_sentence(text: str, lo: int, i: int) -> bool:
    """Whether a sentence ends right before the white space before ``i``."""
    j = i - 1
    while j >= lo and text[j].isspace():
        j -= 1
    return lo <= j < i - 1 and text[j] in ".!?"


def mark_starts(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Every position in ``text[lo:hi]`` where a mark can start, in order: each mark character,
    and each ,, (a lone comma is no mark)."""
    return positions(text, _MARK_CHARS, (",,",), lo, hi)


def scan(text: str, lo: int, hi: int, starts: list[int] | None = None) -> tuple[list[Span], list[Stray]]:
    """Quotation spans in ``text[lo:hi]`` (one block). Unclosed quotes run to ``hi``.
    ``starts``: ``mark_starts(text)``, when the caller scans several blocks of one text."""
    if starts is None:
        starts = mark_starts(text, lo, hi)
    tokens = matches_at(_TOKEN, text, starts, lo, hi)
    first = next(tokens, None)
    if first is None:
        return [], []  # most paragraphs quote no one
    stack: list[tuple[int, int, int]] = []  # (family, mark position, mark end)
    # the stack positions of the open marks of each family, innermost last: a closing mark
    # finds its opener at once instead of walking back through the stack (which made a
    # paragraph of unmatched openers of the other family quadratic)
    open_at: dict[int, list[int]] = {SINGLE: [], DOUBLE: []}
    spans: list[Span] = []
    strays: list[Stray] = []

    def close(idx: int, i: int) -> None:
        for k in range(len(stack) - 1, idx, -1):
            strays.append(Stray(stack[k][1], "opening mark inside a quote was never closed"))
        _fam, pos, end = stack[idx]
        del stack[idx:]
        for opened in open_at.values():
            while opened and opened[-1] >= idx:
                opened.pop()
        if len(stack) <= MAX_DEPTH:
            spans.append(Span(pos, i, end, i, len(stack)))
        else:
            strays.append(Stray(pos, f"quote nested more than {MAX_DEPTH} levels deep"))

    for m in itertools.chain((first,), tokens):
        tok = m.group(0)
        i = m.start()
        role = _classify(text, i, m.end(), tok, lo, hi)
        if not role:
            continue
        fam = _FAMILY[tok]
        if role == OPEN and stack and stack[-1][2] == i and stack[-1][0] == fam:
            stack[-1] = (fam, stack[-1][1], m.end())  # a doubled opening mark (‘‘, ““, ‘’) opens one quote
            continue
        if role == OPEN:
            # a straight mark that could close the innermost open straight mark closes it
            if tok in "\"'" and stack and stack[-1][0] == fam and text[stack[-1][1]] == tok and not _is_space(text[i - 1] if i > lo else ""):
                role = CLOSE
            else:
                if tok in _REOPENING and open_at[DOUBLE] and text[stack[open_at[DOUBLE][-1]][1]] == tok \
                        and _after_sentence(text, lo, i):
                    # ‘"Eerste zin, zegt X. "Tweede."’: a quote opening after a sentence with the
                    # same mark as the open one means that one lost its closing mark; it ends here
                    idx = open_at[DOUBLE][-1]
                    _fam, pos, end = stack[idx]
                    del stack[idx:]
                    for opened in open_at.values():
                        while opened and opened[-1] >= idx:
                            opened.pop()
                    spans.append(Span(pos, -1, end, i, len(stack)))
                open_at[fam].append(len(stack))
                stack.append((fam, i, m.end()))
                continue
        if tok in ("’’", "''") and not open_at[DOUBLE] and len(open_at[SINGLE]) >= 2:
            # ‘… ‘dieper’’: two single closing marks back to back, not one double mark
            close(open_at[SINGLE][-1], i)
            close(open_at[SINGLE][-1], i + 1)
            continue
        # a closing mark: the innermost opener of the same family
        opened = open_at[fam]
        idx = opened[-1] if opened else -1
        if idx < 0 and role == CLOSE and len(stack) == 1:
            idx = 0  # a mismatched pair: opened ‘ and closed ”
        if idx < 0:
            if role == WEAK_CLOSE:
                continue  # the councils’ plans
            if not stack:
                spans.append(Span(-1, i, lo, i, 0))
            else:
                strays.append(Stray(i, f"closing mark {tok} does not match the open quote"))
            continue
        close(idx, i)
    if stack:
        fam_, pos, end = stack[0]
        spans.append(Span(pos, -1, end, hi, 0))
        for _, p, _e in stack[1:]:
            strays.append(Stray(p, "opening mark inside an unclosed quote"))
    spans.sort(key=lambda s: (s.inner_start, -s.inner_end))
    return spans, strays


def scan_blocks(text: str, bounds: list[tuple[int, int]]) -> list[tuple[list[Span], list[Stray]]]:
    """``scan`` of each ``(lo, hi)`` in ``bounds``: the text's marks are found once, and a
    block without a mark character is passed over (most paragraphs quote no one)."""
    starts = mark_starts(text)
    out: list[tuple[list[Span], list[Stray]]] = []
    for lo, hi in bounds:
        k = bisect.bisect_left(starts, lo)
        out.append(scan(text, lo, hi, starts) if k < len(starts) and starts[k] < hi else ([], []))
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace and a trailing comma (attribution punctuation) from a quote's inner span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end
