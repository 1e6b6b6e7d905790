"""How well a statement works on its own in a digest: a score in [0, 1] with reasons.

Five parts, each in [0, 1]: it stands on its own (no opening that points back), it is a general
insight rather than a detail (few numbers, dates, names), it has a readable length (8–40 words),
it speaks in a generic voice (je, we, you), and it has punch (contrast, evaluation).

The weighted sum is then multiplied by penalties for what an editor would not print on a
one-page digest: a fragment as first sentence (an interview answer, "In de mensen."), a
pronoun that refers back ("We hadden het kunnen verstoppen"), an anecdote (a past-tense story
with details), a quote over 55 words (oogst picks, it does not shorten), greetings and
programme talk of an event ("Welkom bij dit webinar", "de vragen graag via de Q&A"), bylines
and credit lines. Two checks need the page around the statement (:func:`in_context`): a photo
caption or display quote, and a statement cut off where the page ends. The weights, the part
values and the penalties are ``Tuning.ranking``'s (``part_*``, ``penalty_*``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from oogst.select.lexicon import Lexicon, get_lexicon
from oogst.select.shape import announcement, byline, caption, chatter, cut_off, fragment, refers_back, story
from oogst.select.terms import words
from oogst.tuning import TUNING, RankingTuning, Tuning

_TOKEN = re.compile(r"\S+")
_NUMBER = re.compile(r"\d")
_CAPITALISED = re.compile(r"^[\"'“‘„(]*([A-ZÀ-Ý][\w’'-]*)")


@dataclass(frozen=True, slots=True)
class Quotability:
    score: float
    parts: dict[str, float] = field(hash=False, compare=False, default_factory=dict)
    reasons: tuple[str, ...] = ()


def _standalone(text: str, lex: Lexicon, r: RankingTuning) -> tuple[float, str]:
    first_words = words(text)[:1]
    raw = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)[:1]
    if not first_words:
        return r.no_words, "no words"
    first = first_words[0]
    shown = raw[0] if raw else first
    if first in lex.back_pointers:
        return r.points_back, f"starts by pointing back ('{shown}')"
    if first in lex.weak_back_pointers:
        ws = words(text)
        second = ws[1] if len(ws) > 1 else ""
        verb_like = second in lex.finite_verbs or second in lex.past_verbs or second.endswith(lex.finite_suffixes)
        if second and not verb_like and second not in lex.stopwords:
            return 1.0, "stands on its own"  # an article or possessive: "Het probleem zit …", "Hun aanpak …"
        return r.may_point_back, f"may point back ('{shown}')"
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


def _generality(text: str, r: RankingTuning) -> tuple[float, str | None]:
    n = _details(text)
    score = max(0.0, 1.0 - r.detail_cost * n)
    if n == 0:
        return 1.0, "general insight"
    if score < r.detail_heavy:
        return score, f"detail-heavy ({n} numbers or names)"
    return score, None


def _length(n_words: int, r: RankingTuning) -> tuple[float, str | None]:
    """1 for ``ideal_min``–``ideal_max`` words (8–40); down to ``long_length`` at ``long_words``
    (0.5 at 55) and to 0 at ``too_long_words`` (80)."""
    if n_words < r.ideal_min:
        return max(n_words / r.ideal_min, 0.0), f"short ({n_words} words)"
    if n_words > r.long_words:
        over = n_words - r.long_words
        return max(0.0, r.long_length - r.long_length * over / (r.too_long_words - r.long_words)), f"too long for one page ({n_words} words)"
    if n_words > r.ideal_max:
        return 1.0 - (1.0 - r.long_length) * (n_words - r.ideal_max) / (r.long_words - r.ideal_max), f"long ({n_words} words)"
    return 1.0, None


def _penalties(text: str, n_words: int, lex: Lexicon, tuning: Tuning) -> dict[str, tuple[float, str]]:
    """The multiplicative penalties that apply, each with its reason."""
    r = tuning.ranking
    out: dict[str, tuple[float, str]] = {}
    why = fragment(text, lex)
    if why:
        out["fragment"] = (r.penalty_fragment, f"fragment: {why}")
    if why == "starts mid-sentence" and n_words < r.ideal_min:  # "‘kan niet, wil niet’", "‘eerst de mens’"
        out["scare_quote"] = (r.penalty_scare_quote, "a few words quoted inside a sentence")
    said = announcement(text, lex)
    if said:
        out["announcement"] = (r.penalty_announcement, said)
    back = refers_back(text, lex)
    if back:
        out["refers_back"] = (r.penalty_refers_back, back)
    tale = story(text, lex, tuning=tuning)
    if tale:
        shown = f", {', '.join(tale.markers[:3])}" if tale.markers else ""
        out["anecdote"] = (r.penalty_anecdote, f"anecdote ({tale.past_sentences} of {tale.sentences} sentences in the past{shown})")
    if n_words > r.long_words:
        out["too_long"] = (r.penalty_too_long, f"over {r.long_words} words")
    talk = chatter(text, lex)
    if talk:
        out["chatter"] = (r.penalty_chatter, talk)
    credit = byline(text, lex)
    if credit:
        out["byline"] = (r.penalty_byline, credit)
    return out


def _voice(ws: list[str], lex: Lexicon, r: RankingTuning) -> tuple[float, str | None]:
    hit = next((w for w in ws if w in lex.generic_voice), None)
    return (1.0, f"speaks to the reader ('{hit}')") if hit else (r.no_voice, None)


def _punch(ws: list[str], lex: Lexicon, r: RankingTuning) -> tuple[float, str | None]:
    for a, b in lex.contrast_pairs:
        if a in ws and b in ws[ws.index(a) + 1 :]:
            return 1.0, f"contrast ('{a} … {b}')"
    hits = [w for w in ws if w in lex.contrast or w in lex.evaluation]
    if not hits:
        return r.no_punch, None
    score = min(1.0, r.punch_base + r.punch_per_word * len(hits))
    kind = "contrast" if any(w in lex.contrast for w in hits) else "evaluation"
    return score, f"{kind} ('{hits[0]}')"


def quotability(text: str, language: str = "nl", *, tuning: Tuning = TUNING) -> Quotability:
    """Score ``text`` as a stand-alone statement; reasons say what helped and what hurt."""
    lex = get_lexicon(language)
    r = tuning.ranking
    ws = words(text)
    checks = {
        "standalone": (r.part_standalone, _standalone(text, lex, r)),
        "generality": (r.part_generality, _generality(text, r)),
        "length": (r.part_length, _length(len(ws), r)),
        "voice": (r.part_voice, _voice(ws, lex, r)),
        "punch": (r.part_punch, _punch(ws, lex, r)),
    }
    parts = {name: round(value, 4) for name, (_, (value, _)) in checks.items()}
    score = sum(checks[name][0] * value for name, value in parts.items())
    reasons = [reason for _, (_, reason) in checks.values() if reason]
    penalties = _penalties(text, len(ws), lex, tuning)
    for name, (factor, reason) in penalties.items():
        score *= factor
        parts[name] = factor
        reasons.append(reason)
    return Quotability(round(score, 4), parts, tuple(reasons))


def in_context(
    q: Quotability, text: str, document_text: str, start: int, end: int, language: str = "nl", *, tuning: Tuning = TUNING
) -> Quotability:
    """``q`` with the penalties that need the page: a caption or display quote next to a credit
    line, and a statement cut off where the page ends."""
    lex = get_lexicon(language)
    r = tuning.ranking
    found = {
        "caption": (r.penalty_caption, caption(document_text, start, end, lex, tuning=tuning)),
        "cut_off": (r.penalty_cut_off, cut_off(text, document_text, end)),
    }
    score, parts, reasons = q.score, dict(q.parts), list(q.reasons)
    for name, (factor, reason) in found.items():
        if reason:
            score *= factor
            parts[name] = factor
            reasons.append(reason)
    return Quotability(round(score, 4), parts, tuple(reasons))


__all__ = ["Quotability", "in_context", "quotability"]
