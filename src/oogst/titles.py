"""Lesson titles: a short imperative an editor would write ("Ken elkaars belangen", "Durf te leren").

A title is *cut* from an advice item: the part before ``:``, else its first clause, shortened at a
coordinator or relative word ("Durf te leren van wat misgaat en …" → "Durf te leren") so that it
has two to five words, starts with an imperative verb and contains no name. Without usable
advice, the title is built from the lesson's key terms as an actionable phrase ("Maak werk van
vertrouwen"). Titles are editorial text, not quotes: shortening them is allowed.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from oogst.select.lexicon import get_lexicon

MIN_TITLE_WORDS, MAX_TITLE_WORDS, MAX_UNCUT_WORDS = 2, 5, 6
_CLAUSE = re.compile(r"[,;:.!?–—(]")
_STRIP = " \t\n\"'“”„‘’•-–—*"


def _imperatives(language: str) -> frozenset[str]:
    from oogst.lang import SUPPORTED, get

    code = get_lexicon(language).language
    return get(code).advice_starts if code in SUPPORTED else frozenset()


def _clean(words: Sequence[str], trailing: frozenset[str]) -> list[str]:
    """Drop dangling words at the end ("van", "de", "dat"). A two-word title that lost its
    object this way ("Wees eerlijk [over]") says too little and is dropped."""
    out = list(words)
    while out and out[-1].lower().strip(_STRIP) in trailing:
        out.pop()
    if len(out) < len(words) and len(out) <= MIN_TITLE_WORDS:
        return []
    return out


def title_from_advice(text: str, language: str = "nl") -> str | None:
    """A 2–5 word imperative cut from ``text`` (at most 6 when it cannot be cut), or ``None``.

    ``None`` when the advice does not start with an imperative verb ("Je moet weten …", "Als je
    …"), addresses someone in the second word ("Laat ik eerlijk zijn"), or names a place or person.
    """
    lex = get_lexicon(language)
    head = text.split(":", 1)[0] if ":" in text[:80] else _CLAUSE.split(text, 1)[0]
    words = head.strip(_STRIP).split()
    if len(words) < MIN_TITLE_WORDS:
        return None
    first = words[0].lower()
    if first not in _imperatives(language) or words[1].lower() in lex.subject_pronouns:
        return None
    if any(w[:1].isupper() for w in words[1:]):
        return None
    trailing = lex.title_trailing | lex.title_cuts
    title = _clean(words, trailing)
    if len(title) > MAX_TITLE_WORDS:
        imperatives = _imperatives(language)
        # a clause ending in a verb particle ("Neem de raden vaak en vroeg mee") may only be cut
        # where a new imperative starts ("Ken elkaars belangen | en spreek ze hardop uit")
        particle = words[-1].lower().strip(_STRIP) in lex.verb_particles
        cuts = [
            _clean(words[:i], trailing)
            for i in range(MIN_TITLE_WORDS, len(words))
            if words[i].lower() in lex.title_cuts
            and (not particle or (i + 1 < len(words) and words[i + 1].lower() in imperatives))
        ]
        fitting = [c for c in cuts if MIN_TITLE_WORDS <= len(c) <= MAX_TITLE_WORDS]
        fitting = fitting or [c for c in cuts if MIN_TITLE_WORDS <= len(c) <= MAX_UNCUT_WORDS]
        if not fitting and not particle and len(title) > MAX_UNCUT_WORDS:  # last resort: before a preposition ("Ken de belangen | van …")
            fitting = [
                c for c in (_clean(words[:i], trailing) for i in range(MIN_TITLE_WORDS, len(words)) if words[i].lower() in lex.title_trailing)
                if MIN_TITLE_WORDS < len(c) <= MAX_TITLE_WORDS and not any(w.lower() in lex.title_cuts for w in c)
            ]
        if fitting:
            title = fitting[-1]
        elif len(title) > MAX_UNCUT_WORDS or particle:
            return None
    if len(title) < MIN_TITLE_WORDS:
        return None
    joined = " ".join(title).strip(_STRIP)
    return joined[0].upper() + joined[1:]


def own_title_allowed(title: str, advice: str) -> bool:
    """May a lesson titled ``title`` (cut from ``advice``) use that same advice as its tip?

    Only when the title is the lead-in of a "Title: concrete step" item and the step after the
    colon has at least four words ("Durf te leren: evalueer elk halfjaar wat werkt"); a title
    that merely repeats the tip's opening ("Wees eerlijk over …, ook als …") is not allowed.
    """
    head, sep, step = advice.partition(":")
    return bool(sep) and head.strip(_STRIP).lower() == title.lower() and len(step.split()) >= 4


def title_from_terms(terms: Sequence[str], language: str) -> str:
    """An actionable phrase from key terms: "Maak werk van vertrouwen" / "Work on trust and time"."""
    lex = get_lexicon(language)
    if not terms:
        return "Overig" if lex.language == "nl" else "Other"
    if len(terms) == 1:
        return _capital(lex.terms_title_one.format(a=terms[0]))
    return _capital(lex.terms_title_two.format(a=terms[0], b=terms[1]))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


__all__ = ["MAX_TITLE_WORDS", "imperatives", "own_title_allowed", "title_from_advice", "title_from_terms"]

imperatives = _imperatives
