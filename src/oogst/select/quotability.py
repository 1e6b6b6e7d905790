"""How well a statement works on its own in a digest: a score in [0, 1] with reasons.

Five parts, each in [0, 1]: it stands on its own (no opening that points back), it is a general
insight rather than a detail (few numbers, dates, names), it has a readable length (12–40 words),
it speaks in a generic voice (je, we, you), and it has punch (contrast, evaluation).

The weighted sum is then multiplied by penalties for what an editor would not print on a
one-page digest: a fragment as first sentence (an interview answer, "In de mensen."), a
pronoun that refers back ("We hadden het kunnen verstoppen"), an anecdote (a past-tense story
with details), a quote over 55 words (oogst picks, it does not shorten), greetings and
programme talk of an event ("Welkom bij dit webinar", "de vragen graag via de Q&A"), bylines
and credit lines. Two checks need the page around the statement (:func:`in_context`): a photo
caption or display quote, and a statement cut off where the page ends.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from oogst.select.lexicon import Lexicon, get_lexicon
from oogst.select.shape import announcement, byline, caption, chatter, cut_off, fragment, refers_back, story
from oogst.select.terms import words

WEIGHTS: dict[str, float] = {
    "standalone": 0.3,
    "generality": 0.2,
    "length": 0.2,
    "voice": 0.15,
    "punch": 0.15,
}
IDEAL_MIN, IDEAL_MAX, LONG, TOO_LONG = 8, 40, 55, 80  # a punchy line of eight words is a quote an editor picks
PENALTIES: dict[str, float] = {  # multiplied into the score when the check fires
    "fragment": 0.55,
    "refers_back": 0.7,
    "anecdote": 0.55,
    "too_long": 0.6,
    "announcement": 0.4,
    "chatter": 0.2,
    "byline": 0.2,
    "caption": 0.4,
    "cut_off": 0.4,
    "scare_quote": 0.4,
}

_TOKEN = re.compile(r"\S+")
_NUMBER = re.compile(r"\d")
_CAPITALISED = re.compile(r"^[\"'“‘„(]*([A-ZÀ-Ý][\w’'-]*)")


@dataclass(frozen=True, slots=True)
class Quotability:
    score: float
    parts: dict[str, float] = field(hash=False, compare=False, default_factory=dict)
    reasons: tuple[str, ...] = ()


def _standalone(text: str, lex: Lexicon) -> tuple[float, str]:
    first_words = words(text)[:1]
    raw = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)[:1]
    if not first_words:
        return 0.5, "no words"
    first = first_words[0]
    shown = raw[0] if raw else first
    if first in lex.back_pointers:
        return 0.2, f"starts by pointing back ('{shown}')"
    if first in lex.weak_back_pointers:
        ws = words(text)
        second = ws[1] if len(ws) > 1 else ""
        verb_like = second in lex.finite_verbs or second in lex.past_verbs or second.endswith(lex.finite_suffixes)
        if second and not verb_like and second not in lex.stopwords:
            return 1.0, "stands on its own"  # an article or possessive: "Het probleem zit …", "Hun aanpak …"
        return 0.6, f"may point back ('{shown}')"
    return 1.0, "stands on its own"


def _details(text: str) -> int:
    """Numbers, dates and proper names: capitalised words that do not start a sentence."""
    tokens = _TOKEN.findall(text)
    count = 0
    sentence_start = True
    for tok in tokens:
        if _NUMBER.search(tok):
            count += 1
        elif (not sentence_start and _CAPITALISED.match(tok) and not tok.isupper()) or (
            tok[:2] in ("’s", "'s") and len(tok) > 3  # ’s-Hertogenbosch
        ):
            count += 1
        sentence_start = tok.endswith((".", "!", "?", ":", "“", '"')) or tok in ("-", "–", "—")
    return count


def _generality(text: str) -> tuple[float, str | None]:
    n = _details(text)
    score = max(0.0, 1.0 - 0.25 * n)
    if n == 0:
        return 1.0, "general insight"
    if score < 0.5:
        return score, f"detail-heavy ({n} numbers or names)"
    return score, None


def _length(n_words: int) -> tuple[float, str | None]:
    """1 for 12–40 words; down to 0.5 at 55 words and to 0 at 80."""
    if n_words < IDEAL_MIN:
        return max(n_words / IDEAL_MIN, 0.0), f"short ({n_words} words)"
    if n_words > LONG:
        return max(0.0, 0.5 - 0.5 * (n_words - LONG) / (TOO_LONG - LONG)), f"too long for one page ({n_words} words)"
    if n_words > IDEAL_MAX:
        return 1.0 - 0.5 * (n_words - IDEAL_MAX) / (LONG - IDEAL_MAX), f"long ({n_words} words)"
    return 1.0, None


def _penalties(text: str, n_words: int, lex: Lexicon) -> dict[str, tuple[float, str]]:
    """The multiplicative penalties that apply, each with its reason."""
    out: dict[str, tuple[float, str]] = {}
    why = fragment(text, lex)
    if why:
        out["fragment"] = (PENALTIES["fragment"], f"fragment: {why}")
    if why == "starts mid-sentence" and n_words < IDEAL_MIN:  # "‘kan niet, wil niet’", "‘eerst de mens’"
        out["scare_quote"] = (PENALTIES["scare_quote"], "a few words quoted inside a sentence")
    said = announcement(text, lex)
    if said:
        out["announcement"] = (PENALTIES["announcement"], said)
    back = refers_back(text, lex)
    if back:
        out["refers_back"] = (PENALTIES["refers_back"], back)
    tale = story(text, lex)
    if tale:
        shown = f", {', '.join(tale.markers[:3])}" if tale.markers else ""
        out["anecdote"] = (PENALTIES["anecdote"], f"anecdote ({tale.past_sentences} of {tale.sentences} sentences in the past{shown})")
    if n_words > LONG:
        out["too_long"] = (PENALTIES["too_long"], f"over {LONG} words")
    talk = chatter(text, lex)
    if talk:
        out["chatter"] = (PENALTIES["chatter"], talk)
    credit = byline(text, lex)
    if credit:
        out["byline"] = (PENALTIES["byline"], credit)
    return out


def _voice(ws: list[str], lex: Lexicon) -> tuple[float, str | None]:
    hit = next((w for w in ws if w in lex.generic_voice), None)
    return (1.0, f"speaks to the reader ('{hit}')") if hit else (0.5, None)


def _punch(ws: list[str], lex: Lexicon) -> tuple[float, str | None]:
    for a, b in lex.contrast_pairs:
        if a in ws and b in ws[ws.index(a) + 1 :]:
            return 1.0, f"contrast ('{a} … {b}')"
    hits = [w for w in ws if w in lex.contrast or w in lex.evaluation]
    if not hits:
        return 0.4, None
    score = min(1.0, 0.6 + 0.2 * len(hits))
    kind = "contrast" if any(w in lex.contrast for w in hits) else "evaluation"
    return score, f"{kind} ('{hits[0]}')"


def quotability(text: str, language: str = "nl") -> Quotability:
    """Score ``text`` as a stand-alone statement; reasons say what helped and what hurt."""
    lex = get_lexicon(language)
    ws = words(text)
    checks = {
        "standalone": _standalone(text, lex),
        "generality": _generality(text),
        "length": _length(len(ws)),
        "voice": _voice(ws, lex),
        "punch": _punch(ws, lex),
    }
    parts = {name: round(value, 4) for name, (value, _) in checks.items()}
    score = sum(WEIGHTS[name] * value for name, value in parts.items())
    reasons = [reason for _, reason in checks.values() if reason]
    penalties = _penalties(text, len(ws), lex)
    for name, (factor, reason) in penalties.items():
        score *= factor
        parts[name] = factor
        reasons.append(reason)
    return Quotability(round(score, 4), parts, tuple(reasons))


def in_context(q: Quotability, text: str, document_text: str, start: int, end: int, language: str = "nl") -> Quotability:
    """``q`` with the penalties that need the page: a caption or display quote next to a credit
    line, and a statement cut off where the page ends."""
    lex = get_lexicon(language)
    found = {"caption": caption(document_text, start, end, lex), "cut_off": cut_off(text, document_text, end)}
    score, parts, reasons = q.score, dict(q.parts), list(q.reasons)
    for name, reason in found.items():
        if reason:
            score *= PENALTIES[name]
            parts[name] = PENALTIES[name]
            reasons.append(reason)
    return Quotability(round(score, 4), parts, tuple(reasons))


__all__ = ["PENALTIES", "WEIGHTS", "Quotability", "in_context", "quotability"]
