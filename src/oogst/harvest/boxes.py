"""Key-point boxes and lesson lists as real pages lay them out.

A box is announced by a heading ("In 1 minuut", "Key take-aways - design:", "5 lessen voor …")
or by the sentence that introduces a list ("Een greep uit de voorstellen …:", "some key lessons
emerged:"); its items are the bullets that follow, or — when the introduction ends with a
colon and headings follow instead of bullets — those headings ("De belangrijkste conclusies op
een rij:" followed by one heading per conclusion, each with its explanation).

Scraped text breaks the paragraph structure in a few typical ways, all undone here before the
box is read: a heading glued to the caption lines before it ("Beeld: …\\nIn 1 minuut\\n• …"),
bullets run into one line ("In 1 minuut • Eén • Twee"), a heading glued to the end of the
paragraph before it ("… terug.In 1 minuut• …"). Each item is the whole bullet, also when it has
several sentences; a list ends where its marker changes ("•" items, then "1." subheads).
"""
from __future__ import annotations

import re
from functools import lru_cache
from oogst.harvest.text import Block
from oogst.lang import Language, every
from oogst.models import Item


Unit = Block  # a line-level piece of a block: a paragraph line, a heading, or one bullet


_INLINE_MARKS = "•▪◦●"  # marks that are never punctuation inside a sentence
_INLINE_BULLET = re.compile(f"[{_INLINE_MARKS}]")
_SPACE = re.compile(r"\s*")
_NON_SPACE = re.compile(r"\S")
_SENTENCE_CLOSERS = "'’”\""  # may follow a heading's final punctuation (_ends_as_sentence)
_HEADING_CLEAN = re.compile(r"[\s:.!?#*]+$|^[\s#*]+")
# "Stap 1:", "Regel 2.", "Finding 3:": the labels of every language (``item_labels``, ``box_labels``)
_LABEL = re.compile(r"(?:" + "|".join(sorted(every("item_labels") | every("box_labels"), key=lambda w: (-len(w), w)))
                    + r")\s*\d{0,2}\s*[:.–-]\s+", re.IGNORECASE)
_WORD = re.compile(r"[\w’'-][\w’'-]*+")
MAX_HEADING = 100  # characters


def _marker(text: str, b: Block) -> str:
    """The marker class of a bullet ("•", "-", "1.", "a."), read from the characters before it."""
    k = b.start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k < 0:
        return ""
    c = text[k]
    if c in ".)" and k > 0:
        return "1." if text[k - 1].isdigit() else "a."
    return "-" if c in "-–" else c


def units(text: str, blocks: list[Block]) -> list[Unit]:
    """Blocks cut into lines and inline bullets (see the module's docstring)."""
    inline_anywhere = _has_inline_bullet(text)
    out: list[Unit] = []
    for b in blocks:
        multi = text.find("\n", b.start, b.end) >= 0
        inline = _INLINE_BULLET.search(text, b.start, b.end) if inline_anywhere else None
        if not multi and inline is None:
            out.append(b)
            continue
        if b.bullet and inline is None:  # a wrapped bullet stays one item, up to a line that is no wrap
            _split_bullet(text, b, out)
            continue
        first = True
        pos = b.start
        while pos < b.end:
            nl = text.find("\n", pos, b.end)
            stop = b.end if nl < 0 else nl
            _split_line(text, pos, stop, b.bullet and first, out)
            first = False
            pos = stop + 1
    return out


def _split_bullet(text: str, b: Block, out: list[Unit]) -> None:
    """A bullet over several lines: the lines that continue it, then (when the scraper lost
    the blank line) what follows it: an unindented line that opens with a capital after a
    line that ended a sentence ("- … launch.\nKey take-aways - the organisation:",
    "- … it.\nPhoto: the author")."""
    start = b.start
    pos = text.find("\n", b.start, b.end)
    while pos >= 0:
        nxt = pos + 1
        prev_end = pos
        while prev_end > start and text[prev_end - 1] in " \t":
            prev_end -= 1
        if nxt < b.end and text[nxt].isupper() and text[prev_end - 1] in ".!?:":
            out.append(Unit(start, prev_end, start == b.start))
            start = nxt
        pos = text.find("\n", nxt, b.end)
    out.append(Unit(start, b.end, start == b.start))


def _split_line(text: str, s: int, e: int, bullet: bool, out: list[Unit]) -> None:
    """One line: the text before its first inline bullet mark, then one bullet per mark."""
    parts: list[tuple[int, int, bool]] = []
    cur, cur_bullet = s, bullet
    for m in _INLINE_BULLET.finditer(text, s, e):
        parts.append((cur, m.start(), cur_bullet))
        cur, cur_bullet = m.end(), True
    parts.append((cur, e, cur_bullet))
    for a, z, is_bullet in parts:
        a = _SPACE.match(text, a, z).end()  # type: ignore[union-attr]
        while z > a and text[z - 1].isspace():
            z -= 1
        if z > a:
            out.append(Unit(a, z, is_bullet))


def _has_inline_bullet(text: str) -> bool:
    """Whether ``text`` holds an inline bullet mark (``in`` skips through a text far faster than
    a regex that opens with a character class)."""
    return any(c in text for c in _INLINE_MARKS)


def _ends_as_sentence(raw: str) -> bool:
    """Whether a line (no line break in it) ends as a sentence: ``[.!?,;]['’”"]?$``, read from
    its end."""
    last = raw[-1:]
    if last in _SENTENCE_CLOSERS and len(raw) >= 2:
        last = raw[-2]
    return last != "" and last in ".!?,;"


def _inner_stop(raw: str) -> bool:
    """Whether a sentence ends inside the line (not "Stap 1. Zorg …"): ``[^\\W\\d][.!?] [A-Z]``,
    looked for at each ". " (and "! ", "? ") only: a pattern that opens with a letter class is
    tried at every letter."""
    for stop in (". ", "! ", "? "):
        i = raw.find(stop, 1)
        while i >= 0:
            before, after = raw[i - 1], raw[i + 2 : i + 3]
            if "A" <= after <= "Z" and after and (before.isalnum() or before == "_") and not before.isdecimal():
                return True
            i = raw.find(stop, i + 1)
    return False


def heading(text: str, u: Unit | Block) -> str | None:
    """The lower-cased text of a unit that reads as a heading, or None."""
    if u.bullet or u.end - u.start > MAX_HEADING or text.find("\n", u.start, u.end) >= 0:
        return None
    raw = text[u.start : u.end]
    if (_ends_as_sentence(raw) and not raw.endswith(":")) or _inner_stop(raw):
        return None  # a sentence, or two: "Zet de aanbieders om tafel. Met deze tips …:"
    return _HEADING_CLEAN.sub("", raw).lower().replace("take-away", "takeaway").replace("take away", "takeaway")


def matches(head: str, names: tuple[str, ...]) -> str | None:
    """The first of ``names`` that the heading is, starts or ends with ("Key take-aways -
    design"), or a one-word name among its first three words ("5 lessen voor samenwerking")."""
    firsts, lasts, single = _forms(names)
    words = head.split()
    if not words:
        return None
    if words[0] in firsts or words[-1] in lasts:
        for name in names:  # the first name that matches, as the list orders them
            if head == name or head.startswith(name + " ") or head.endswith(" " + name):
                return name
    if not single.isdisjoint(words[:3]):
        for name in names:
            if name in single and name in words[:3]:
                return name
    return None


_FORMS: dict[int, tuple[tuple[str, ...], tuple[frozenset[str], frozenset[str], frozenset[str]]]] = {}


def _forms(names: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The first words, last words and one-word names of ``names``, by the identity of the
    (long-lived) tuple: hashing the tuple on every heading cost more than the test itself."""
    entry = _FORMS.get(id(names))
    if entry is None or entry[0] is not names:
        entry = _FORMS[id(names)] = (names, (frozenset(n.split()[0] for n in names),
                                             frozenset(n.split()[-1] for n in names),
                                             frozenset(n for n in names if len(n.split()) == 1)))
    return entry[1]


_INTRO_RE: dict[str, re.Pattern[str]] = {}  # by language code: hashing the phrase tuples per call was costly


@lru_cache(maxsize=None)
def _intro_re(code: str, takeaway: tuple[str, ...], advice: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the cue words of list introductions; group ``t`` for takeaways."""
    t = "|".join(re.escape(p) for p in sorted(takeaway, key=len, reverse=True))
    a = "|".join(re.escape(p) for p in sorted(advice, key=len, reverse=True))
    return re.compile(rf"\b(?:(?P<t>{t})|(?P<a>{a}))\b", re.IGNORECASE)


def _intro(text: str, u: Unit, lang: Language, needs_colon: bool) -> tuple[str, str] | None:
    """("takeaway" | "advice", the sentence) when the paragraph's last sentence introduces such
    a list."""
    raw_end = u.end
    colon = text[raw_end - 1] == ":"
    if needs_colon and not colon:
        return None
    # the last sentence: after the last ". " (a list introduction is one sentence)
    cut = max(text.rfind(". ", u.start, raw_end - 1), text.rfind("? ", u.start, raw_end - 1),
              text.rfind("! ", u.start, raw_end - 1))
    last = text[(cut + 2 if cut >= 0 else u.start) : raw_end]
    if len(last) > 300:
        return None
    pattern = _INTRO_RE.get(lang.code)
    if pattern is None:
        pattern = _INTRO_RE[lang.code] = _intro_re(lang.code, lang.takeaway_intros, lang.advice_intros)
    m = pattern.search(last)
    if m is None:
        return None
    return ("takeaway" if m.group("t") else "advice"), last


def _glued_heading(text: str, u: Unit, lang: Language) -> tuple[Unit, Unit] | None:
    """A box heading glued to the end of the paragraph before its bullets ("… terug.In 1
    minuut"): the paragraph and the heading as two units."""
    tail = text[max(u.start, u.end - 40) : u.end].lower().rstrip(": ")
    for name in lang.takeaway_headings + lang.advice_headings:
        if len(name.split()) > 1 and tail.endswith(name):
            h = u.start + len(text[u.start : u.end].lower().rstrip(": ")) - len(name)
            if h > u.start and not text[h - 1].isalnum():
                e = h
                while e > u.start and text[e - 1].isspace():
                    e -= 1
                return Unit(u.start, e, False), Unit(h, u.end, False)
    return None


def _looks_like_lesson_paragraph(text: str, u: Unit, lang: Language) -> bool:
    first = _WORD.match(text, u.start)
    return bool(first and first.group(0).lower() in lang.advice_starts)


def _is_cut(text: str, u: Unit, previous: list[Item]) -> bool:
    """The last item of a text that an excerpt cut off: a few words without final punctuation
    where the items before it ended as sentences."""
    if not previous or _NON_SPACE.search(text, u.end) is not None:  # not the end of the text
        return False
    body = text[u.start : u.end]
    return (len(_WORD.findall(body)) < 4 and body[-1].isalnum()
            and all(p.text[-1] in ".!?:;,)’”\"'" for p in previous[-2:]))


def boxes(text: str, blocks: list[Block], lang: Language, doc_id: str
          ) -> tuple[list[Item], list[tuple[int, int]]]:
    """Items of key-point boxes (takeaways) and of lesson, tip and recommendation lists
    (advice), and the spans of items left out because the excerpt cut them off."""
    items: list[Item] = []
    cut: list[tuple[int, int]] = []
    # no bullet and no line that ends with a colon: no box (most news articles)
    if not any(b.bullet or text[b.end - 1] == ":" for b in blocks) and ":\n" not in text \
            and not _has_inline_bullet(text):
        return items, cut
    us = units(text, blocks)
    heads = [None if u.bullet or u.end - u.start > MAX_HEADING else heading(text, u) for u in us]
    kind: str | None = None
    cue: str | None = None
    marker: str | None = None
    by_headings = False  # the introduction ended with a colon and headings follow: they are the items
    in_box: list[Item] = []
    n = len(us)
    for k in range(n):
        u = us[k]
        nxt = us[k + 1] if k + 1 < n else None
        if u.bullet:
            if kind is None:
                continue
            mk = _marker(text, u)
            if marker is not None and mk != marker:  # a new list style ends the box
                kind = None
                continue
            marker = mk
            if _is_cut(text, u, in_box):
                cut.append((u.start, u.end))
                continue
            item = Item(doc_id, kind, text[u.start : u.end], u.start, u.end, cue=cue, confidence=0.9)  # type: ignore[arg-type]
            items.append(item)
            in_box.append(item)
            continue
        head = heads[k]
        t = a = None
        if head is not None:
            t = matches(head, lang.takeaway_headings)
            a = None if t else matches(head, lang.advice_headings)
        if nxt is not None and nxt.bullet and not (t or a):
            glued = _glued_heading(text, u, lang)
            if glued is not None:
                u = glued[1]
                head = heading(text, u)
                if head is not None:
                    t = matches(head, lang.takeaway_headings)
                    a = None if t else matches(head, lang.advice_headings)
        if head is not None:
            if t or a:
                kind, cue, marker, in_box = ("takeaway" if t else "advice"), text[u.start : u.end], None, []
                by_headings = _headings_follow(text, u, nxt)
                continue
            if by_headings and kind and nxt is not None and not head.endswith("?"):
                s = u.start
                label = _LABEL.match(text, s, u.end)
                if label:
                    s = label.end()
                item = Item(doc_id, kind, text[s : u.end], s, u.end, cue=cue, confidence=0.7)  # type: ignore[arg-type]
                items.append(item)
                in_box.append(item)
                continue
            if text[u.end - 1] == ":" and nxt is not None:
                found = _intro(text, u, lang, needs_colon=not nxt.bullet)
                if found:
                    (kind, cue), marker, in_box = found, None, []
                    by_headings = _headings_follow(text, u, nxt)
                    continue
            kind, by_headings = None, False
            continue
        if by_headings:  # the explanation under a heading item; a question heading ("Hoe dan wel?") ends the list
            if u.end - u.start <= MAX_HEADING and text[u.end - 1] == "?" and text.find("\n", u.start, u.end) < 0:
                kind, by_headings = None, False
            continue
        if nxt is not None and (nxt.bullet or heads[k + 1] is not None):
            found = _intro(text, u, lang, needs_colon=not nxt.bullet)
            if found:
                (kind, cue), marker, in_box = found, None, []
                by_headings = _headings_follow(text, u, nxt)
                continue
        if kind == "advice" and _looks_like_lesson_paragraph(text, u, lang):
            continue
        kind = None
    return items, cut


def _headings_follow(text: str, u: Unit, nxt: Unit | None) -> bool:
    """An introduction that ends with a colon and is followed by a heading, not a bullet:
    the headings that follow are the list."""
    return text[u.end - 1] == ":" and nxt is not None and not nxt.bullet and heading(text, nxt) is not None
