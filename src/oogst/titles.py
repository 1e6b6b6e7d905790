"""Lesson titles: a short imperative an editor would write ("Ken elkaars belangen", "Durf te leren").

A title is *cut* from an advice item: the part before ``:``, else its first clause, shortened at a
coordinator or relative word ("Durf te leren van wat misgaat en …" → "Durf te leren") so that it
has two to five words, starts with an imperative verb and contains no name. Advice in other
words is turned into the imperative first: "Zorg dat je de wet goed kent" → "Ken de wet", "Het is
belangrijk om te durven leren" → "Durf leren", "Make sure you know …" → "Know …" (the frames are
language data). Where no title can be made, the lesson gets a visible placeholder
("[titel voor les 2]") for the editor — never a template filled with arbitrary words.
Titles are editorial text, not quotes: shortening them is allowed. The word counts are
``Tuning.grouping``'s (``min_title_words``, ``max_title_words``, ``max_uncut_words`` …).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from oogst.select.lexicon import Lexicon, get_lexicon
from oogst.tuning import TUNING, Tuning

_CLAUSE = re.compile(r"[,;:.!?–—(]")
_STRIP = " \t\n\"'“”„‘’•-–—*"


def _imperatives(language: str) -> frozenset[str]:
    from oogst.lang import get

    lex = get_lexicon(language)
    return get(lex.language).advice_starts | lex.title_imperatives


def _clean(words: Sequence[str], trailing: frozenset[str], tuning: Tuning) -> list[str]:
    """Drop dangling words at the end ("van", "de", "dat"). A two-word title that lost its
    object this way ("Wees eerlijk [over]") says too little and is dropped."""
    out = list(words)
    while out and out[-1].lower().strip(_STRIP) in trailing:
        out.pop()
    if len(out) < len(words) and len(out) <= tuning.grouping.min_title_words:
        return []
    return out


_VOWELS = "aeiouyàáâäèéêëìíîïòóôöùúûü"


def imperative_form(verb: str, language: str) -> str | None:
    """The imperative of a Dutch finite form or infinitive ("kent" → "ken", "leren" → "leer",
    "weet" → "weet"); English verbs after "you" or "to" are already the base form. ``None`` for
    modals and auxiliaries (no title is cut from "Zorg dat je … kunt")."""
    lex = get_lexicon(language)
    v = verb.lower()
    if v in lex.no_title_verbs:
        return None
    irregular = dict(lex.imperative_irregular)
    if v in irregular:
        return irregular[v]
    if not lex.imperative_from_stem:
        return v
    if v.endswith("en") and len(v) > 4:
        stem = v[:-2]
        if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            stem = stem[:-1]  # kennen → ken
        elif len(stem) >= 3 and stem[-1] not in _VOWELS and stem[-2] in _VOWELS and stem[-3] not in _VOWELS:
            schwa = stem[-2] == "e" and stem[-1] in "rlnm" and any(ch in _VOWELS for ch in stem[:-3])
            if not schwa and stem[-2] != "i":
                stem = stem[:-1] + stem[-2] + stem[-1]  # leren → leer, maken → maak
        if stem.endswith("v"):
            stem = stem[:-1] + "f"
        elif stem.endswith("z"):
            stem = stem[:-1] + "s"
        return stem
    if v.endswith("t") and len(v) > 2 and v[-2] not in _VOWELS:
        return v[:-1]  # kent → ken, maakt → maak; weet, zet, praat stay
    return v


def _reframe(text: str, language: str) -> str | None:
    """Advice in other words as an imperative sentence; ``""`` when it has a known frame that
    gives no imperative (a modal: "Zorg dat je het kunt"), ``None`` when it has no known frame."""
    lex = get_lexicon(language)
    low = text.strip(_STRIP).replace("’", "'")
    found = None
    for pattern in lex.title_frames + lex.infinitive_frames:
        m = re.search(pattern, low, re.IGNORECASE)
        if not m:
            continue
        found = ""
        groups = m.groupdict()
        rest = (groups.get("rest") or "").split()
        verb = groups.get("verb")
        if verb is None:  # subordinate order: the verb closes the clause …
            if len(rest) < 2:
                continue
            inner = [j for j, w in enumerate(rest[:-1]) if w.lower() in lex.finite_verbs]
            if inner:  # … unless a clause follows it: "dat je vooraf weet welke vragen er leven"
                j = inner[0]
                verb, rest = rest[j], rest[:j] + rest[j + 1:]
            else:
                verb, rest = rest[-1], rest[:-1]
        imperative = imperative_form(verb, language)
        if not imperative:
            continue
        tail = (groups.get("tail") or "").split()
        return " ".join([imperative, *rest, *tail])
    return found


def title_from_advice(text: str, language: str = "nl", *, tuning: Tuning = TUNING) -> str | None:
    """A 2–5 word imperative from ``text``: cut from it, or from the imperative it says in other
    words ("Zorg dat je X kent" → "Ken X"); ``None`` when neither works."""
    framed = _reframe(text, language)
    if framed is not None:  # "Zorg dat je …" is never itself a title
        return _cut_title(framed, language, tuning, any_verb=True) if framed else None
    return _cut_title(text, language, tuning)


def _drop_apposition(words: list[str], lex: Lexicon, tuning: Tuning) -> list[str] | None:
    """ "Ken als partijen in zorg en welzijn elkaars wereld" → "Ken elkaars wereld": a role
    after the verb ("als …", "as …") up to the next possessive or article is left out of a
    title. ``None`` when the role has no object after it that a title could keep."""
    if len(words) < 3 or words[1].lower() != lex.apposition_word:
        return words
    possessives = lex.title_possessives
    low = [w.lower() for w in words]
    to_possessive, to_article = tuning.grouping.apposition_reach
    for group, reach in ((possessives, to_possessive), (lex.articles, to_article)):
        for i in range(2, min(len(low), reach)):
            if low[i] in group and low[i - 1] not in lex.title_trailing:
                return [words[0], *words[i:]]
    return None


def _cut_title(text: str, language: str, tuning: Tuning, *, any_verb: bool = False) -> str | None:
    """A 2–5 word imperative cut from ``text`` (at most 6 when it cannot be cut), or ``None``.

    ``None`` when the advice does not start with an imperative verb ("Je moet weten …", "Als je
    …"), addresses someone in the second word ("Laat ik eerlijk zijn"), or names a place or person.
    """
    lex = get_lexicon(language)
    g = tuning.grouping
    min_words, max_words, max_uncut = g.min_title_words, g.max_title_words, g.max_uncut_words
    head = text.split(":", 1)[0] if ":" in text[:g.title_colon_reach] else _CLAUSE.split(text, 1)[0]
    words = head.strip(_STRIP).split()
    if len(words) < min_words:
        return None
    first = words[0].lower()
    if (not any_verb and first not in _imperatives(language)) or words[1].lower() in lex.subject_pronouns:
        return None
    kept = _drop_apposition(words, lex, tuning)
    if kept is None:
        return None
    words = kept
    if any(w[:1].isupper() for w in words[1:]):
        return None
    if any(w.lower().strip(_STRIP) in lex.title_back_words for w in words[1:max_uncut]):
        return None  # "Let daarbij op de timing": leans on what came before
    trailing = lex.title_trailing | lex.title_cuts
    title = _clean(words, trailing, tuning)
    if len(title) > max_words:
        imperatives = _imperatives(language)
        # a clause ending in a verb particle ("Neem de raden vaak en vroeg mee") may only be cut
        # where a new imperative starts ("Ken elkaars belangen | en spreek ze hardop uit")
        particle = words[-1].lower().strip(_STRIP) in lex.verb_particles
        cuts = [
            _clean(words[:i], trailing, tuning)
            for i in range(min_words, len(words))
            if not any(w.lower() in lex.clause_openers for w in words[1:i])  # never end inside a clause
            and words[i].lower() in lex.title_cuts
            and not words[i - 1].endswith("-")  # "wet- en regelgeving" is one phrase
            and (not particle or (i + 1 < len(words) and words[i + 1].lower() in imperatives))
        ]
        fitting = [c for c in cuts if min_words <= len(c) <= max_words]
        fitting = fitting or [c for c in cuts if min_words <= len(c) <= max_uncut]
        if not fitting and not particle and len(title) > max_uncut:  # last resort: before a preposition ("Ken de belangen | van …")
            fitting = [
                c for c in (_clean(words[:i], trailing, tuning) for i in range(min_words, len(words))
                                if words[i].lower() in lex.title_trailing and not words[i - 1].endswith("-"))
                if min_words < len(c) <= max_words and not any(w.lower() in lex.title_cuts | lex.clause_openers for w in c)
            ]
        if fitting:
            title = fitting[-1]
        elif len(title) > max_uncut or particle:
            return None
    if len(title) < min_words:
        return None
    if len(title) == min_words and (title[1].lower() in lex.verb_particles or title[1].lower() in lex.thin_words):
        return None  # "Spreek af", "Weet vooraf": a verb and a particle say too little
    joined = " ".join(title).strip(_STRIP).rstrip(",;")
    return joined[0].upper() + joined[1:]


def own_title_allowed(title: str, advice: str, *, tuning: Tuning = TUNING) -> bool:
    """May a lesson titled ``title`` (cut from ``advice``) use that same advice as its tip?

    When the title is (cut from) the lead-in of a "Title: concrete step" item and the step after
    the colon has at least ``own_tip_step`` (four) words ("Durf te leren: evalueer elk halfjaar wat
    werkt"), or when the title says the advice in other words ("Ken de regels" for "Zorg dat je de
    regels kent …"). A title that merely repeats the tip's opening ("Wees eerlijk over …, ook als
    …") is not allowed.
    """
    head, sep, step = advice.partition(":")
    if sep and head.strip(_STRIP).lower().startswith(title.lower()):
        return len(step.split()) >= tuning.grouping.own_tip_step
    return not advice.strip(_STRIP).lower().startswith(title.lower())


def placeholder_title(n: int, language: str) -> str:
    """The visible mark of a lesson that still needs a title: "[titel voor les 2]"."""
    return get_lexicon(language).title_placeholder.format(n=n)


def is_placeholder(title: str) -> bool:
    return title.startswith("[") and title.endswith("]")


__all__ = ["imperative_form", "imperatives", "is_placeholder", "own_title_allowed", "placeholder_title", "title_from_advice"]

imperatives = _imperatives
