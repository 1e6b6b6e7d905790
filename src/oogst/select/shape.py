"""The shape of a statement: is it a fragment, an anecdote, does it refer back?

No parser: word lists from the lexicon plus a few positional rules that hold for Dutch and
English main clauses (the finite verb comes early; a word right after a subject pronoun is a
verb). Each check returns a plain record or ``None``, so a reason can say exactly what it saw.
The positions of those rules define the checks and stay here; what tunes them (how many past
sentences make an anecdote, how far a credit line may be) is ``Tuning.ranking``'s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from oogst.select.lexicon import Lexicon
from oogst.tuning import TUNING, Tuning

_SENTENCE = re.compile(r"(?<=[.!?…])[’'”\"]?\s+(?=[\"'“‘„(]*[A-ZÀ-Ý0-9])")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[,;:]")


@dataclass(frozen=True, slots=True)
class Story:
    past_sentences: int
    sentences: int
    markers: tuple[str, ...]  # narrative markers and number words seen


def sentences(text: str) -> list[str]:
    return list(_sentences(text))


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s for s in _SENTENCE.split(text.strip()) if s.strip())


@lru_cache(maxsize=16384)
def _tokens(sentence: str) -> tuple[str, ...]:
    return tuple(t.lower().replace("’", "'") for t in _TOKEN.findall(sentence))


def _imperative_starts(language: str) -> frozenset[str]:
    from oogst.lang import get

    return get(language).advice_starts


def has_finite_verb(sentence: str, lex: Lexicon) -> bool:
    """Does the sentence have a word that is (very likely) a finite verb?

    A known finite form; an imperative at the start; the word right after a subject pronoun
    (*ik zeg*, *we kennen*); an ``-en`` word next to a plural pronoun (*nu weten we*) or in
    second place after a bare noun (*bestuurders wisselen*); a word ending in ``-t`` that does
    not follow an article (*het kost*, *speelt*).
    """
    raw = [t for t in _TOKEN.findall(sentence) if t not in {",", ";", ":"}]
    toks = [t.lower().replace("’", "'") for t in raw]
    if not toks:
        return False
    named = {i for i, t in enumerate(raw) if i and t[:1].isupper()}  # "Vincent" is no verb ending in -t
    imperatives = _imperative_starts(lex.language)
    if toks[0] in imperatives or (len(toks) > 1 and toks[0] in lex.back_pointers and toks[1] in imperatives):
        return True  # "Houd …", "En houd …"
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i else ""
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t in lex.finite_verbs or t in lex.past_verbs:
            return True
        if prev in lex.subject_pronouns and prev != t and i <= 3:
            return True
        if nxt in lex.subject_pronouns and 0 < i <= 3 and t not in lex.stopwords and t not in lex.subordinators:
            return True  # inversion: "Het eerste vind ik …"
        if t.endswith(lex.verb_suffixes) and (prev in lex.plural_pronouns or nxt in lex.plural_pronouns):
            return True
        if i == 1 and t.endswith(lex.verb_suffixes) and prev not in lex.articles and prev not in lex.answer_openers:
            return True
        if len(t) >= 4 and t.endswith(lex.finite_suffixes) and prev not in lex.articles and t not in lex.stopwords and i not in named:
            return True
        if len(t) >= 4 and t.endswith(lex.past_suffixes) and prev not in lex.articles and i not in named:
            return True
    return False


def fragment(text: str, lex: Lexicon) -> str | None:
    """Why the statement's first sentence is not a full sentence, or ``None`` when it is.

    An interview answer often starts with a fragment that answers the question ("In de mensen.",
    "Omdat elke overheid …", "Minder dan beloofd."); a partial quote starts in lower case.
    """
    first = sentences(text)[:1]
    if not first:
        return None
    head = first[0].lstrip("\"'“‘„(…[ ")
    if head[:1].islower():
        return "starts mid-sentence"
    toks = _tokens(head)
    words = [t for t in toks if t not in {",", ";", ":"}]
    if not words:
        return None
    if words[0] in lex.answer_openers and words[0] in lex.subordinators and "," not in toks:
        return f"answers a question ('{head.split()[0]} …')"
    if not has_finite_verb(head, lex):
        return "first sentence has no verb"
    return None


def chatter(text: str, lex: Lexicon) -> str | None:
    """Greetings and programme talk: the speaker addresses the audience of an event ("Welkom
    bij dit webinar", "de vragen graag via de Q&A", "straks gaan we …") instead of the matter."""
    head = text.lstrip("\"'“‘„(…[ ")
    for pattern in lex.greetings:
        m = re.search(pattern, head, re.IGNORECASE)
        if m:
            return f"greeting ('{m.group(0)}')"
    hits = [m.group(0) for p in lex.programme_talk for m in re.finditer(p, text, re.IGNORECASE)]
    if hits:
        return f"programme talk ('{hits[0]}')"
    return None


def byline(text: str, lex: Lexicon) -> str | None:
    """A credit line, not a statement: "Tekst: …", "Door Anna de Vries", "© …"."""
    head = text.lstrip("\"'“‘„(…[ ")
    for pattern in lex.bylines:
        m = re.search(pattern, head)
        if m or re.search(pattern, head, re.IGNORECASE) and ":" in pattern:
            return f"byline ('{head.split()[0]}')"
    return None


def cut_off(text: str, document_text: str, end: int) -> str | None:
    """The statement stops mid-sentence because the page (or excerpt) stops there."""
    if re.search(r"[.!?…]['’”\"]?\s*$", text):
        return None
    if document_text[end:].strip(" \t\n'’”\"") == "":
        return "cut off where the page ends"
    return None


def caption(document_text: str, start: int, end: int, lex: Lexicon, *, tuning: Tuning = TUNING) -> str | None:
    """A photo caption or display quote: the item's line stands next to a credit line ("Beeld:
    …", "portretfoto …", "©"): one of the two lines before it or the line after it, within
    ``caption_reach`` characters and shorter than ``caption_line``."""
    reach, longest = tuning.ranking.caption_reach, tuning.ranking.caption_line
    line_start = document_text.rfind("\n", 0, start) + 1
    before = document_text[max(0, line_start - reach):line_start].splitlines()[-2:]
    line_end = document_text.find("\n", end)
    after = document_text[line_end + 1:line_end + reach].splitlines()[:1] if line_end >= 0 else []
    for line in [*before, *after]:
        for pattern in lex.caption_lines:
            if line.strip() and len(line) < longest and re.search(pattern, line, re.IGNORECASE):
                return f"caption or display quote (next to '{line.strip()[:30]}')"
    return None


def announcement(text: str, lex: Lexicon) -> str | None:
    """The text announces what someone will say instead of saying it: "Directeur X vertelt wat
    vijf jaar samenwerking heeft geleerd." (a standfirst, not a statement)."""
    for pattern in lex.announcements:
        m = re.search(pattern, text, re.IGNORECASE)
        if m:
            return f"announces, does not say ('{m.group(0).split()[0]} …')"
    return None


def refers_back(text: str, lex: Lexicon) -> str | None:
    """An object pronoun in the first sentence with nothing before it to refer to: "We hadden
    het kunnen verstoppen". A pronoun that points forward to a colon ("Ik zeg het zo: …") is fine."""
    first = sentences(text)[:1]
    if not first:
        return None
    toks = _tokens(first[0])
    for i, t in enumerate(toks[1:-1], start=1):
        if t in lex.object_pronouns and toks[i + 1] in lex.after_object and toks[i - 1] not in {",", ";", ":"}:
            if ":" in toks[i:]:
                return None
            return f"'{t}' refers back"
    return None


def story(text: str, lex: Lexicon, *, tuning: Tuning = TUNING) -> Story | None:
    """A past-tense narrative that ends in the past: at least half of the sentences have a
    simple-past verb, at least two do, the last one does, and it has story markers (toen, twee
    keer, 2019) or three past sentences (``story_*`` of ``Tuning.ranking``).

    A story that ends on a present-tense moral ("Nu zeggen we: …") is not penalised.
    """
    r = tuning.ranking
    sents = sentences(text)
    past = [_is_past(s, lex) for s in sents]
    n_past = sum(past)
    if n_past < r.story_min_past or n_past < r.story_past_share * len(sents) or not past[-1]:
        return None
    toks = [t for s in sents for t in _tokens(s)]
    markers = tuple(dict.fromkeys(t for t in toks if t in lex.narrative_markers or t in lex.number_words or t.isdigit()))
    if not markers and n_past < r.story_unmarked_past:
        return None
    return Story(n_past, len(sents), markers)


def _is_past(sentence: str, lex: Lexicon) -> bool:
    toks = [t for t in _tokens(sentence) if t not in {",", ";", ":"}]
    for i, t in enumerate(toks):
        if t in lex.past_verbs:
            return True
        near_pronoun = (i and toks[i - 1] in lex.subject_pronouns) or (i + 1 < len(toks) and toks[i + 1] in lex.subject_pronouns)
        if near_pronoun and len(t) >= 5 and t.endswith(lex.past_endings) and not t.endswith(lex.past_endings_not):
            return True
    return False


__all__ = ["Story", "announcement", "byline", "caption", "chatter", "cut_off", "fragment", "has_finite_verb", "refers_back", "sentences", "story"]
