"""Direct quotations with their speakers."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from oogst.harvest import boxes, speakers
from oogst.harvest.marks import Span, scan_blocks, trim
from oogst.harvest.sources import OrganisationSpeaker
from oogst.harvest.people import Person, find_people
from oogst.harvest.text import Block, word_count
from oogst.lang import Language
from oogst.models import Item, Skipped

_CLOSERS = "'’”\")"
_LABEL_WORD = re.compile(r"[\w’'-][\w’'-]*+")
_HEADLINE_END = re.compile(r"[.!?…:][’”'\"»]*$")


MAX_TABLE = 8_192  # characters _WORDS_ONLY remembers


class _WordsOnly(dict[int, int]):
    """A ``str.translate`` table that turns every character a regex ``\\w`` does not match
    (Unicode letters, digits and "_") into a space, filled as characters are met (up to
    MAX_TABLE of them, so that a text of a million different characters cannot grow it)."""

    def __missing__(self, code: int) -> int:
        c = chr(code)
        out = code if c.isalnum() or c == "_" else 32
        if len(self) < MAX_TABLE:
            self[code] = out
        return out


_WORDS_ONLY = _WordsOnly()


def _ends_sentence(s: str) -> bool:
    """Whether ``s`` ends in . ! ? or …, closing marks and brackets after it allowed."""
    return s.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…")


@dataclass(slots=True)
class _Q:
    block: int
    span: Span
    start: int
    end: int
    person: Person | None = None
    role: str | None = None  # an unnamed speaker's role
    cue: str | None = None
    how: str = ""
    attributed: bool = False


def _is_label(text: str, q: _Q, lang: Language, split_head: bool = False) -> str | None:
    """Why a quoted stretch is a scare quote, label or title rather than a quotation, or None.
    ``split_head``: the quote is the first part of one broken by its attribution."""
    inner = text[q.start : q.end]
    n = word_count(inner, upto=9)  # only counts up to nine matter here
    if n == 0:
        return "empty quotation"
    if (split_head or (q.attributed and q.how == "after")) and n >= 2:
        # ‘Durf te leren,’ zegt Anna de Vries. / ‘Het eerste deel,’ zegt ze. ‘En het tweede.’
        # (the gold set annotates no quote under four words, so these count against precision)
        return None
    if n >= 2 and q.how in ("split", "before") and q.span.open_pos > 0 \
            and text[max(0, q.span.open_pos - 3) : q.span.open_pos].rstrip().endswith(",") and _ends_sentence(inner):
        # the rest of a quote broken by its attribution: "‘…’, zegt wethouder X, ‘Het is teleurstellend.’"
        return None
    if n <= 3:
        return f"short label or scare quote ({n} word{'s' if n > 1 else ''})"
    if _ends_sentence(inner):
        return None
    if inner[:1].isupper() and q.span.open_pos >= 0:
        before = text[max(0, q.span.open_pos - 30) : q.span.open_pos].split()
        if before and before[-1].lower() in lang.title_cues:  # right before the mark ("advies: ‘…’" is a quote)
            return "a title (of a report, plan, film …)"
        if n <= 8 and not q.attributed and len(before) >= 2 and before[-1][:1].isupper() and before[-1][-1:].isalnum() \
                and (before[-2][:1].isupper() or before[-2].lower() in lang.definite_articles) \
                and before[-2][-1:].isalnum():
            # "de City Deal ‘Een slimme stad, zo doe je dat’": the name of a programme, then its title
            return "a title after a name (of a programme, deal, event …)"
    if n <= 8:
        words = _LABEL_WORD.findall(inner)
        caps = sum(1 for w in words[1:] if w[0].isupper() and w.lower() not in lang.function_words)
        if caps >= max(1, (n - 1) // 3):
            return "looks like a title or name"
        if n <= 5 and q.span.close_pos >= 0 and q.span.open_pos >= 0 and not q.attributed:
            after = text[q.span.close_pos + 1 : q.span.close_pos + 3]
            if after[:1] == " " and after[1:2].islower():
                return "short phrase woven into a sentence (scare quote)"
        if not inner[:1].isupper() and q.span.open_pos >= 0 and not q.attributed \
                and q.span.open_pos >= 2 and text[q.span.open_pos - 1] == " " and text[q.span.open_pos - 2].isalnum():
            # "een typering als ‘een sofist aan de academie’", "de affaire ‘…’", "een woning met
            # “0 op de meter”": a phrase named or mentioned in the middle of a sentence, no one quoted
            return "phrase of a few words mentioned inside a sentence"
    return None


def _headline(text: str, blocks: list[Block], q: _Q) -> str | None:
    """A quote in the headline (a short first line without closing punctuation), a repeat of
    it, or a subhead in quote marks (a short paragraph that is only the quote, no closing
    punctuation, no speaker) is display text."""
    if len(blocks) < 2:
        return None
    b = blocks[q.block]
    if b.end - b.start >= 200:
        return None
    line = text[b.start : b.end]
    if "\n" in line or _HEADLINE_END.search(line):
        return None
    if q.block == 0:
        return "quote in the headline"
    if q.block <= 3 and any(text[o.start : o.end] == line for o in blocks[: q.block]):
        return "quote in a repeated headline"
    if not q.attributed and q.span.depth == 0 and q.span.open_pos >= 0 and q.span.close_pos >= 0 \
            and q.span.open_pos <= b.start + 1 and q.span.close_pos >= b.end - 2:
        return "a subhead or display line in quote marks"
    return None


# A real article has tens of quotations, a long report a few hundred; past this the page is
# not journalism (a data dump, a generated page) and reading on would only cost time.
MAX_QUOTES = 3_000


def harvest_quotes(text: str, blocks: list[Block], lang: Language, doc_id: str
                   ) -> tuple[list[Item], list[Skipped], speakers.Resolver]:
    spans_by_block: list[list[Span]] = []
    skipped: list[Skipped] = []
    quoted: list[tuple[int, int]] = []
    for b, (spans, strays) in zip(blocks, scan_blocks(text, [(b.start, b.end) for b in blocks])):
        spans_by_block.append(spans)
        if strays:
            skipped.extend(Skipped(s.pos, s.pos + 1, s.reason) for s in strays)
        if spans:
            # a quote without its closing mark may hold its own attribution (", zegt X"):
            # the names there are not quoted
            quoted.extend((s.inner_start, s.inner_end if s.close_pos >= 0 else _verb_after_comma(text, s.inner_start, s.inner_end, lang))
                          for s in spans if s.depth == 0)
    res = speakers.Resolver(find_people(text, lang, exclude=quoted), lang)
    qs: list[_Q] = []
    todo = [(bi, sp) for bi, spans in enumerate(spans_by_block) for sp in spans]
    if len(todo) > MAX_QUOTES:
        sp = todo[MAX_QUOTES][1]
        skipped.append(Skipped(sp.open_pos if sp.open_pos >= 0 else sp.inner_start, len(text),
                               f"more than {MAX_QUOTES} quotations in one document; the rest was not read",
                               cap=True))
        todo = todo[:MAX_QUOTES]
    for bi, sp in todo:
        b = blocks[bi]
        s, e = trim(text, sp.inner_start, sp.inner_end)
        if e <= s:
            skipped.append(Skipped(sp.inner_start, sp.inner_end, "empty quotation"))
            continue
        q = _Q(bi, sp, s, e)
        if sp.close_pos < 0 and _cut_at_attribution(text, q, lang, res):
            qs.append(q)
            continue
        _attribute(text, b, q, lang, res)
        qs.append(q)
    qs = _check_unbalanced(text, blocks, qs, skipped)
    _propagate(text, blocks, qs, lang, res)
    items: list[Item] = []
    heads = {id(qs[k - 1]) for k in range(1, len(qs)) if qs[k].how == "split" and qs[k - 1].block == qs[k].block}
    for q in qs:
        reason = _is_label(text, q, lang, id(q) in heads) or _headline(text, blocks, q)
        if reason:
            skipped.append(Skipped(q.start, q.end, reason))
            continue
        p = q.person
        conf = 0.9 if q.span.close_pos >= 0 and q.span.open_pos >= 0 else 0.6
        items.append(Item(doc_id, "quote", text[q.start : q.end], q.start, q.end,
                          speaker=p.name if p else None,
                          speaker_role=p.role if p else (None if isinstance(q.role, OrganisationSpeaker) else q.role),
                          cue=q.cue, confidence=conf if p else conf - 0.2, nested=q.span.depth > 0,
                          organisation=p.organisation if p else (
                              str(q.role) if isinstance(q.role, OrganisationSpeaker) else None)))
    return _dedupe(items, skipped), skipped, res


def _attribute(text: str, b: Block, q: _Q, lang: Language, res: speakers.Resolver) -> None:
    sp = q.span
    anchor = sp.open_pos if sp.open_pos >= 0 else q.start
    att = None
    if sp.close_pos >= 0:
        att = speakers.after(text, sp.close_pos + 1 + (1 if text[sp.close_pos:sp.close_pos + 2] in ("''", "’’", ",,") else 0), b.end, lang, res, anchor)
    if (att is None or att.person is None) and sp.open_pos >= 0 and sp.depth == 0:
        att2 = speakers.before(text, b.start, sp.open_pos, lang, res)
        att = att2 or att
    if att is not None:
        q.attributed = True
        q.person, q.cue, q.how, q.role = att.person, att.cue, att.how, att.role


_SENTENCE_BREAK = re.compile(r"[.!?] ")
_COMMA_WORD = re.compile(r",[ \t\u00a0]+([^\W\d_]+)")


def _attribution_word(word: str, lang: Language) -> bool:
    return word in lang.reporting_verbs or word in lang.attribution_words \
        or word in lang.attribution_openers or word in lang.separable_verbs


def _verb_after_comma(text: str, start: int, end: int, lang: Language) -> int:
    """Where the first ", <reporting verb>" in ``text[start:end]`` starts, else ``end``."""
    for m in _COMMA_WORD.finditer(text, start, end):
        if _attribution_word(m.group(1).lower(), lang):
            return m.start()
    return end


def _cut_at_attribution(text: str, q: _Q, lang: Language, res: speakers.Resolver) -> bool:
    """A quote that lost its closing mark ends where its attribution starts: ‘"We kiezen dus,
    zegt Marjan Holtman van het waterschap. "Maar …’. The first comma followed by an
    attribution that names someone is the cut; ``q`` ends there with that speaker."""
    for m in _COMMA_WORD.finditer(text, q.start, q.end):
        if not _attribution_word(m.group(1).lower(), lang):
            continue
        att = speakers.after(text, m.start() + 1, q.end, lang, res, q.span.open_pos)
        if att is not None and (att.person is not None or att.role is not None):
            q.end = trim(text, q.start, m.start())[1]
            q.attributed = True
            q.person, q.cue, q.how, q.role = att.person, att.cue, att.how, att.role
            return True
    return False


def _check_unbalanced(text: str, blocks: list[Block], qs: list[_Q], skipped: list[Skipped]) -> list[_Q]:
    """Keep a quote without an opening mark only when attributed; keep a quote without a
    closing mark only when it starts a sentence or continues into the next paragraph."""
    out: list[_Q] = []
    for k, q in enumerate(qs):
        sp = q.span
        if sp.open_pos < 0 and not q.attributed:
            skipped.append(Skipped(q.start, q.end, "closing mark without an opening mark and no attribution"))
            continue
        if sp.close_pos < 0:
            b = blocks[q.block]
            lead = text[b.start : sp.open_pos].rstrip()
            starts_sentence = not lead or lead[-1] in ".:!?—–-"
            nxt = blocks[q.block + 1] if q.block + 1 < len(blocks) else None
            continues = nxt is not None and text[nxt.start : nxt.start + 2].lstrip()[:1] in "‘“„\"'«,"
            if not (starts_sentence or continues or q.attributed):
                skipped.append(Skipped(q.start, q.end, "opening mark without closing mark inside a sentence"))
                continue
            if sp.inner_end == b.end and not continues and not q.attributed \
                    and len(_SENTENCE_BREAK.findall(text, q.start, q.end)) >= 2:
                # ‘’Op dit moment … (three sentences of narrative, and the next paragraph goes on
                # without a mark): a stray mark, not a quote that lost its closing mark
                skipped.append(Skipped(q.start, q.end, "opening mark never closed in a paragraph of "
                                       "several sentences that no one is said to speak"))
                continue
        out.append(q)
    return out


def _speaks(q: _Q) -> bool:
    """Whether a quote has its speaker: a person, or an unnamed one the text gives a role
    ("zei een boer"); the rest of such a quote is theirs, never borrowed from a name nearby."""
    return q.person is not None or (q.attributed and q.role is not None)


def _opening_quote_from_next(text: str, blocks: list[Block], outer_by_block: dict[int, list[_Q]],
                             res: speakers.Resolver) -> None:
    """ "`…' En daarom is …, meent Frans de Waal. ``…''": a quote that opens its paragraph with
    no speaker is the one of the next quote, when the words between name that speaker and no one
    else."""
    for bi, outer in outer_by_block.items():
        if len(outer) < 2:
            continue
        q, nxt = outer[0], outer[1]
        if q.person is not None or q.attributed or q.span.open_pos < 0 or q.span.close_pos < 0 \
                or q.span.open_pos > blocks[bi].start + 1 or nxt.person is None or nxt.span.open_pos < 0:
            continue
        named = res.in_range(q.span.close_pos, nxt.span.open_pos)
        if named and all(m.person.name == nxt.person.name for m in named):
            q.person, q.cue, q.how = nxt.person, nxt.cue, "split"


def _share_in_block(text: str, outer_by_block: dict[int, list[_Q]], res: speakers.Resolver) -> None:
    """Within a block: a quote with no speaker takes the one of the quote before it, or else of
    the next one (a split quote, the rest of what one person says in the paragraph) — not when
    someone else is introduced between them, opening a sentence with a role ("… vraagt X. Roel
    Gerritsma is één van de vrijwilligers. ‘…’": that is for the names before the quote to say)."""
    for outer in outer_by_block.values():
        prev_src: list[_Q | None] = []
        last: _Q | None = None
        for q in outer:
            prev_src.append(last)
            last = q if _speaks(q) else last
        nxt: _Q | None = None
        for k in range(len(outer) - 1, -1, -1):
            q = outer[k]
            if q.person is None and not q.attributed:
                src = prev_src[k] or nxt
                if src and src.person is not None and q.span.open_pos >= 0 and src.span.open_pos >= 0:
                    lo, hi = (src.end, q.span.open_pos) if src.start < q.start else (q.end, src.span.open_pos)
                    if any(m.person.name != src.person.name and m.person.role and speakers.opens_sentence(text, lo, m.start)
                           for m in res.in_range(lo, hi)):
                        src = None
                if src:
                    q.person, q.cue, q.how = src.person, src.cue, "split"
                    if src.person is None:
                        q.role, q.attributed = src.role, True
            nxt = q if _speaks(q) and q.how != "split" else nxt


def _propagate(text: str, blocks: list[Block], qs: list[_Q], lang: Language, res: speakers.Resolver) -> None:
    """Speakers for unattributed quotes: split quotes, multi-paragraph quotes, adjacency."""
    by_block: dict[int, list[_Q]] = {}
    for q in qs:
        by_block.setdefault(q.block, []).append(q)
    # the outer quotes of each block (nested ones take their outer quote's speaker at the end)
    outer_by_block = {bi: [q for q in group if q.span.depth == 0] for bi, group in by_block.items()}
    _share_in_block(text, outer_by_block, res)
    # a person named earlier in the same paragraph
    for bi, group in by_block.items():
        b = blocks[bi]
        for q in group:
            if q.person is None and not q.attributed and q.span.depth == 0 and q.span.open_pos >= 0:
                att = speakers.lead(text, b.start, q.span.open_pos, res)
                if att is None and q.span.close_pos >= 0:
                    att = speakers.introduced_after(text, q.span.close_pos + 1, b.end, res)
                if att:
                    q.person, q.how = att.person, att.how
                    if att.person is None:  # an unnamed speaker: the role, no name borrowed
                        q.role, q.attributed = att.role, True
    _opening_quote_from_next(text, blocks, outer_by_block, res)
    _chains(blocks, outer_by_block)
    _adjacent(text, blocks, by_block, outer_by_block, res)
    _chains(blocks, outer_by_block)
    # nested quotes take the speaker of their outer quote (the last outer one starting before)
    for group in by_block.values():
        outer_q: _Q | None = None
        for q in sorted(group, key=lambda x: (x.start, x.span.depth)):
            if q.span.depth == 0:
                outer_q = q
            elif outer_q is not None and outer_q.start <= q.start and q.end <= outer_q.end + 1:
                q.person, q.cue, q.how, q.attributed = outer_q.person, outer_q.cue, "nested", True


def _chains(blocks: list[Block], outer_by_block: dict[int, list[_Q]]) -> None:
    """Multi-paragraph quotes: a block ending in an open quote, the next block reopening
    (``outer_by_block``: the outer quotes of each block)."""
    chain: list[_Q] = []
    for bi in sorted(outer_by_block):
        group = outer_by_block[bi]
        if chain and group and group[0].span.open_pos == blocks[bi].start and chain[-1].block == bi - 1:
            chain.append(group[0])
        else:
            if len(chain) > 1:
                _share(chain)
            chain = [group[-1]] if group else []
        if chain and chain[-1].span.close_pos >= 0:
            if len(chain) > 1:
                _share(chain)
            chain = []
    if len(chain) > 1:
        _share(chain)


def _adjacent(text: str, blocks: list[Block], by_block: dict[int, list[_Q]], outer_by_block: dict[int, list[_Q]],
              res: speakers.Resolver) -> None:
    """Bare quote paragraphs: after a question (interview) or a paragraph introducing someone."""
    interviewee = _interviewee(text, blocks, res, by_block)
    for bi in sorted(outer_by_block):
        group = outer_by_block[bi]
        if not group or any(_speaks(q) for q in group):
            continue
        b = blocks[bi]
        bare = group[0].span.open_pos <= b.start + 1
        if not bare or bi == 0:
            continue
        prev = blocks[bi - 1]
        prev_text = text[prev.start : prev.end]
        # the quotes of the paragraph before, leaving out labels (‘postcode lottery’)
        prev_quotes = [q for q in outer_by_block.get(bi - 1, ())
                       if word_count(text[q.start : q.end], upto=4) >= 4]
        person, role = None, None
        question = prev_text.rstrip().endswith("?") or (
            interviewee is not None and len(prev_text) < 80 and not res.in_range(prev.start, prev.end))
        if question and not prev_quotes:
            person, how = interviewee, "interview"  # an answer, after a question or a short remark
        elif not prev_quotes:
            found = [m for m in res.in_range(prev.start, prev.end) if not _credited(text, m.start, res.lang)]
            person, how = (found[-1].person if found else None), "adjacent"
        else:
            # a new paragraph that opens with a quote and names no one goes on with the speaker
            # of the quote paragraph before it
            src = next((q for q in reversed(prev_quotes) if _speaks(q)), None)
            if src is not None:
                person, role, how = src.person, (src.role if src.person is None else None), "continued"
        if not (person or role) and bi >= 2 and _subhead(text, prev, by_block.get(bi - 1), res):
            # … across a subhead: "‘… waar ze zijn.’ / Hogere lasten / ‘En de Kamerleden …’"
            src = next((q for q in reversed(by_block.get(bi - 2, ())) if q.span.depth == 0 and _speaks(q)
                        and word_count(text[q.start : q.end], upto=4) >= 4), None)
            if src is not None:
                person, role, how = src.person, (src.role if src.person is None else None), "continued"
        if not (person or role) and group[-1].span.close_pos >= 0:
            person = _signature(text, blocks, bi, res)
            how = "signed"
        if person or role:
            for q in group:
                q.person, q.how = person, how
                if role:
                    q.role, q.attributed = role, True


_QUOTE_MARKS = frozenset("‘’“”„\"'«»")


def _credited(text: str, pos: int, lang: Language) -> bool:
    """Whether the name at ``pos`` follows a byline label that opens its line or its part of
    one ("Auteur: Leo Mulder | Beeld: …", "Door Anna Brink"): whoever wrote the page."""
    lo = max(text.rfind("\n", 0, pos), text.rfind("|", 0, pos), pos - 30) + 1
    label = text[lo:pos].strip().rstrip(":").strip().lower()
    return label in lang.byline_labels


def _subhead(text: str, b: Block, quotes: list[_Q] | None, res: speakers.Resolver) -> bool:
    """A subhead: a block that reads as a heading (``boxes.heading``), with no quote, no one
    named and no colon that leads into what follows."""
    return not quotes and boxes.heading(text, b) is not None and not text[b.start : b.end].endswith(":") \
        and not any(c in _QUOTE_MARKS for c in text[b.start : b.end]) and not res.in_range(b.start, b.end)


def _signature(text: str, blocks: list[Block], bi: int, res: speakers.Resolver) -> Person | None:
    """ "“…”" then a line "Cllr Gill Williams" (or "Anna Brink, wethouder"): a quote paragraph
    signed by the name on the short line right after it."""
    if bi + 1 >= len(blocks):
        return None
    nxt = blocks[bi + 1]
    line = text[nxt.start : nxt.end]
    if len(line) > 80 or any(c in _QUOTE_MARKS for c in line) or _ends_sentence(line):
        return None
    found = res.in_range(nxt.start, nxt.end)
    if not found or found[0].start > nxt.start + 12:
        return None  # the line must open with the name (after a title at most)
    head = text[found[0].end : nxt.end].lstrip()
    if head and head[0] != "," and head[0] != "(":
        return None  # "Gill Williams" or "Gill Williams, wethouder", not a sentence about her
    return found[0].person


def _share(chain: list[_Q]) -> None:
    if len(chain) < 2:
        return
    src = next((q for q in reversed(chain) if _speaks(q)), None)
    if src:
        for q in chain:
            if not _speaks(q):
                q.person, q.cue, q.how = src.person, src.cue, "continued"
                if src.person is None:
                    q.role = src.role
    for q in chain:
        q.attributed = True


def _interviewee(text: str, blocks: list[Block], res: speakers.Resolver,
                 by_block: dict[int, list[_Q]]) -> Person | None:
    """The person an interview is with: the one most of the attributed quotes are from (the
    intro may name someone else first: "Premier Rutte beloofde …, maar ombudsman X …"), else
    the first person introduced in the opening blocks."""
    if not any(text[b.end - 1] == "?" for b in blocks):  # a block ends on its last non-space
        return None
    said = Counter(q.person.name for group in by_block.values() for q in group
                   if q.person is not None and q.how not in ("split", "nested", "interview"))
    if said:
        top = said.most_common(1)[0][0]
        for group in by_block.values():
            for q in group:
                if q.person is not None and q.person.name == top:
                    return q.person
    head_end = blocks[min(len(blocks) - 1, 3)].end if blocks else 0
    found = res.in_range(0, head_end)
    return found[0].person if found else None


# ASCII bytes that are no word character (``\w``) become a space; the bytes of every other
# character (UTF-8 sequences, 128 and up) stay as they are
_ASCII_WORDS = bytes(c if chr(c).isalnum() or c == ord("_") else 32 for c in range(128)) + bytes(range(128, 256))
# marks and dashes that real quotes hold beside their words, none of them a word character
_COMMON_MARKS = "’‘“”„–—…«»\u00a0"


def _norm(s: str) -> str:
    """Lower-case words, single spaces: "‘Het werkt,’" and "het werkt" compare equal."""
    # the words as ``\w+`` finds them, joined by one space (this runs for every quote of
    # every document). ``str.translate`` looks up every character of a text that is not
    # ASCII in its table (about 50 ns a character), and ``split`` and ``join`` make an object of
    # every word. The fast form blanks the common marks with ``replace`` and the ASCII
    # punctuation with a byte table, then closes up the spaces; its answer stands when what is
    # left is ASCII, or words (letters and digits) alone; else the table decides.
    low = s.lower()
    fast = low
    if not fast.isascii():
        for c in filter(low.__contains__, _COMMON_MARKS):  # the tests run in C
            fast = fast.replace(c, " ")
    fast = fast.encode("utf-8", "surrogatepass").translate(_ASCII_WORDS).decode("utf-8", "surrogatepass")
    if fast.isascii() or fast.replace(" ", "").isalnum():
        while "  " in fast:
            fast = fast.replace("  ", " ")
        return fast.strip(" ")
    return " ".join(low.translate(_WORDS_ONLY).split())


MAX_CONTAINMENT_CHECK = 400  # quotes per document; beyond that only exact repeats are removed


def _dedupe(items: list[Item], skipped: list[Skipped]) -> list[Item]:
    """A headline or pull-quote that repeats a body quote is not a second quote: of two
    quotes where one contains the other, the contained one goes (of two equal, the first)."""
    norms = ["" if i.nested else _norm(i.text) for i in items]  # a nested quote's is never compared
    last: dict[str, int] = {}
    for k, (n, item) in enumerate(zip(norms, items)):
        if not item.nested:
            last[n] = k
    check_contained = len(items) <= MAX_CONTAINMENT_CHECK
    # one search over all quotes first: a norm found more often than it occurs as a whole
    # quote is contained in another quote (norms hold no newline, so none spans two)
    whole = [n for n, item in zip(norms, items) if not item.nested]
    flat = "\n".join(whole)
    same = Counter(whole)
    out: list[Item] = []
    for k, item in enumerate(items):
        n = norms[k]
        dup = False
        if not item.nested and len(n) > 12:
            if last.get(n, k) > k:
                dup = True
            elif check_contained and flat.count(n) > same[n]:
                dup = any(j != k and not other.nested and n != norms[j] and n in norms[j]
                          and not (other.start <= item.start and item.end <= other.end)
                          for j, other in enumerate(items))
        if dup:
            skipped.append(Skipped(item.start, item.end, "repeats a quote found elsewhere in the text (headline or pull-quote)"))
            continue
        out.append(item)
    return out
