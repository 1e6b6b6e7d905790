"""Takeaways (key-point boxes), advice (lessons and tips) and paraphrases (indirect speech)."""
from __future__ import annotations

import re

from oogst.harvest import speakers
from oogst.harvest.text import Block, sentences
from oogst.lang import Language
from oogst.models import Item

_HEADING_CLEAN = re.compile(r"[\s:.!?#*]+$|^[\s#*]+")
_WORD = re.compile(r"[\w’'-]+")
_QUOTE_CHARS = re.compile(r"[‘“„«\"]|(?<!\w)'(?=\w)|,,")


def _heading(text: str, b: Block) -> str | None:
    """The lower-cased text of a block that reads as a heading, or None."""
    if b.bullet or b.end - b.start > 80 or "\n" in text[b.start : b.end]:
        return None
    raw = text[b.start : b.end]
    if re.search(r"[.!?,;]['’”\"]?$", raw) and not raw.endswith(":"):
        return None
    return _HEADING_CLEAN.sub("", raw).lower()


def _matches(heading: str, names: tuple[str, ...]) -> str | None:
    for name in names:
        if heading == name or heading.startswith(name + " ") or heading.endswith(" " + name):
            return name
    # "5 lessen voor samenwerking", "Tien tips", "Zes aanbevelingen"
    words = heading.split()
    for name in names:
        if len(name.split()) == 1 and name in words[:3]:
            return name
    return None


def boxes(text: str, blocks: list[Block], lang: Language, doc_id: str) -> list[Item]:
    """Bullets under key-point headings become takeaways, under lesson/tip headings advice."""
    items: list[Item] = []
    kind: str | None = None
    cue: str | None = None
    for b in blocks:
        head = _heading(text, b)
        if head is not None:
            t = _matches(head, lang.takeaway_headings)
            a = None if t else _matches(head, lang.advice_headings)
            kind, cue = ("takeaway", text[b.start : b.end]) if t else ("advice", text[b.start : b.end]) if a else (None, None)
            continue
        if b.bullet and kind:
            items.append(Item(doc_id, kind, text[b.start : b.end], b.start, b.end, cue=cue, confidence=0.9))  # type: ignore[arg-type]
        elif not b.bullet:
            kind = None if not _looks_like_lesson_paragraph(text, b, lang) or kind != "advice" else kind
    return items


def _looks_like_lesson_paragraph(text: str, b: Block, lang: Language) -> bool:
    first = _WORD.match(text, b.start)
    return bool(first and first.group(0).lower() in lang.advice_starts)


def advice_sentences(text: str, blocks: list[Block], lang: Language, doc_id: str,
                     quoted: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[Item]:
    """Imperative and normative sentences outside quotes and boxes: general lessons."""
    items: list[Item] = []
    norm = lang.normative_re
    for b in blocks:
        if _heading(text, b) is not None or _inside(b.start, b.end, taken):
            continue
        for s, e in sentences(text, b.start, b.end):
            if _overlaps(s, e, quoted) or _QUOTE_CHARS.search(text, s, e):
                continue
            sent = text[s:e]
            if sent.endswith("?") or len(sent) < 15:
                continue
            first = _WORD.match(sent)
            if not first:
                continue
            w = first.group(0)
            if w[0].isupper() and w.lower() in lang.advice_starts and not sent.startswith(w + ","):
                items.append(Item(doc_id, "advice", sent, s, e, cue="imperative", confidence=0.7))
            elif norm.match(sent):
                items.append(Item(doc_id, "advice", sent, s, e, cue="normative", confidence=0.6))
    return items


def paraphrases(text: str, blocks: list[Block], lang: Language, doc_id: str,
                quoted: list[tuple[int, int]], res: speakers.Resolver) -> list[Item]:
    """Indirect speech: "Jansen benadrukt hoe …", "Volgens Jansen moet …", "She said that …"."""
    items: list[Item] = []
    for b in blocks:
        if b.bullet:
            continue
        for s, e in sentences(text, b.start, b.end):
            if _overlaps(s, e, quoted) or _QUOTE_CHARS.search(text, s, e):
                continue
            hit = _indirect(text, s, e, lang, res)
            if hit:
                person, cue = hit
                items.append(Item(doc_id, "paraphrase", text[s:e], s, e, speaker=person.name,
                                  speaker_role=person.role, cue=cue, confidence=0.7,
                                  organisation=person.organisation))
    return items


def _indirect(text: str, s: int, e: int, lang: Language, res: speakers.Resolver):
    words = list(_WORD.finditer(text, s, e))[:14]
    low = [w.group(0).lower() for w in words]
    for phrase in lang.according_to:
        parts = phrase.split()
        if low[: len(parts)] == parts and len(words) > len(parts) + 2:
            end = words[min(len(words) - 1, len(parts) + 4)].end()
            person = res.reference(words[len(parts) - 1].end(), end, text, s)
            if person:
                return person, phrase
    for k, w in enumerate(low[:8]):
        if w not in lang.reporting_verbs or w in ("lacht", "laughs", "ziet", "weet", "kijkt"):
            continue
        rest = low[k + 1 : k + 8]
        if not any(c in lang.paraphrase_conjunctions for c in rest) and not (
            w in ("vindt", "meent", "denkt", "believes", "thinks") and k > 0):
            continue
        lo = words[max(0, k - 4)].start() if k else words[k].end()
        hi = words[k].start() if k else words[min(len(words) - 1, k + 4)].end()
        person = res.reference(lo, hi, text, s) or (res.reference(words[k].end(), words[min(len(words) - 1, k + 4)].end(), text, s) if k else None)
        if person:
            return person, w
    return None


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


def _inside(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= s and e <= b for a, b in spans)
