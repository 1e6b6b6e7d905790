"""Attribute a quotation to a person: before it, after it, by adjacency, or in an interview."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from oogst.harvest.people import PUNCTUATION, Mention, Person, is_aside, is_organisation_name, is_role_word
from oogst.harvest.sources import OrganisationSpeaker
from oogst.lang import Language, every

_WORD = re.compile(r"[\w’'-][\w’'-]*+")
# How far before a quote attribution looks (characters). An introducing sentence is far shorter;
# the bound keeps a paragraph with thousands of quotes linear instead of quadratic.
LOOKBACK = 800  # for a person named earlier in the paragraph
LEAD_IN = 500  # for the sentence that introduces the quote ("Volgens Jansen is het ‘…’")
# Where the attribution after a quote stops: the end of the sentence (not after Dr. or an
# initial) or the next opening mark. The pattern opens with the characters it can match, so
# the engine skips to them; the abbreviation checks look behind only once one is found.
# (the abbreviations before a name: ``name_abbreviations`` of every language in oogst.lang)
_SENT_STOP = re.compile(
    r"[.!?‘“„\"«`](?:(?<=[.!?])" + "".join(rf"(?<!\b{re.escape(a)}.)" for a in sorted(every("name_abbreviations")))
    + r"(?<!\b[A-Z].)(?=\s|$)|(?<=[‘“„\"«`]))"
)


_SENT_END = re.compile(r"[.!?](?:[’”'\"])?\s+")


class Attribution(NamedTuple):
    person: Person | None
    cue: str | None
    how: str  # "after", "before", "according", "pronoun", ...
    role: str | None = None  # for an unnamed speaker: "een boer", "a council spokesperson"


class Resolver:
    """Resolves names, surnames, pronouns and role nouns to people mentioned earlier."""

    def __init__(self, mentions: list[Mention], lang: Language) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.lang = lang
        self.first_at: dict[str, int] = {}  # where each person is first named
        for m in mentions:
            self.first_at.setdefault(m.person.name, m.start)

    def last_before(self, pos: int, text: str | None = None) -> Person | None:
        """The person a pronoun at ``pos`` most likely refers to: the first person named in the
        sentence of the last mention (the subject, more often than not)."""
        k = bisect.bisect_left(self.starts, pos)
        if not k:
            return None
        last = self.mentions[k - 1]
        if text is not None:
            cut = max(text.rfind(". ", 0, last.start), text.rfind("\n", 0, last.start))
            j = k - 1
            while j > 0 and self.mentions[j - 1].start > cut:
                j -= 1
            return self.mentions[j].person
        return last.person

    def in_range(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return self.mentions[lo:hi]

    def by_role(self, role: str, before: int) -> Person | None:
        k = bisect.bisect_left(self.starts, before)
        for m in reversed(self.mentions[:k]):
            if m.person.role and role in m.person.role.lower():
                return m.person
        return None

    def together(self, a: Mention, b: Mention, text: str) -> bool:
        """Whether two mentions are one subject: "econoom Rogier Aalders en hoogleraar Martijn
        van der Steen", "Stolk en De Greef", "Pieter de Kroon, voorzitter van WEN, en Ellen van
        Selm" — a coordinator between them, no verb and no sentence end."""
        between = text[a.end : b.start]
        if len(between) > 80 or any(c in between for c in ".!?:;‘’“”\"\n"):
            return False
        words = between.lower().replace(",", " ").split()
        return any(w in self.lang.coordinators for w in words) and a.person.name != b.person.name \
            and not any(w in self.lang.reporting_verbs for w in words)

    def group(self, found: list[Mention], text: str) -> int:
        """How many of the first mentions in ``found`` are one subject: 1, or 2 for "X en Y", 3
        for "X, Y en Z"."""
        if len(found) > 1 and self.together(found[0], found[1], text):
            return 2
        if len(found) > 2 and text[found[0].end : found[1].start].strip() == "," \
                and self.together(found[1], found[2], text):
            return 3
        return 1

    def reference(self, start: int, end: int, text: str, anchor: int) -> Person | None:
        """The person named (or pronoun/role noun) in ``text[start:end]``; pronouns resolve to
        the last person mentioned before ``anchor``. People named together are no one speaker
        (None)."""
        found = self.in_range(start, end)
        if found:
            return found[0].person if self.group(found, text) == 1 else None
        for w in _WORD.finditer(text, start, end):
            word = w.group(0).lower()
            if word in self.lang.pronouns:
                return self.last_before(anchor, text)
            if is_role_word(word, self.lang):
                person = self.by_role(word, anchor)
                if person is not None or not word.endswith(self.lang.epithets):
                    return person
            if word.endswith(self.lang.epithets):
                # "constateert de overheidswaakhond", "zegt de 54-jarige": the person named before
                return self.last_before(anchor, text)
        return None


@lru_cache(maxsize=None)
def _pronoun_re(code: str, pronouns: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(pronouns, key=lambda p: (-len(p), p)))
    return re.compile(rf"(?<![\w’'-])(?:{alternatives})(?![\w’'-])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _according_pronoun_re(code: str, phrases: tuple[str, ...], pronouns: frozenset[str]) -> re.Pattern[str]:
    """"volgens haar", "according to him": a source named by a pronoun, the person named before."""
    heads = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=lambda p: (-len(p), p)))
    objects = "|".join(re.escape(p) for p in sorted(pronouns))
    return re.compile(rf"(?<![\w’'-])(?:{heads})\s+(?:{objects})(?![\w’'-])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _particle_re(particle: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w’'-]){re.escape(particle)}(?![\w’'-])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _according_index(code: str, phrases: tuple[str, ...]) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    """First word -> (position in ``phrases``, words) of the phrases that start with it."""
    index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for i, phrase in enumerate(phrases):
        parts = tuple(phrase.split())
        index.setdefault(parts[0], []).append((i, parts))
    return index


def _words(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_WORD.finditer(text, start, end))


def _anonymous_role(words: list[re.Match[str]], lang: Language) -> str | None:
    """ "zei een boer", "said a council spokesperson": the role of an unnamed speaker."""
    low = [w.group(0).lower() for w in words[:5]]
    if not low or low[0] not in lang.indefinite_articles:
        return None
    for k, w in enumerate(low[1:4], start=1):
        if is_role_word(w, lang):
            return " ".join(low[1 : k + 1])
    return None


def _organisation(words: list[re.Match[str]], res: Resolver) -> OrganisationSpeaker | None:
    """ "melden D66 en GBLV in een bericht", "aldus de gemeente Dalmeer": an organisation or a
    group that names no person — capitals ("D66", "GBLV"), organisation words, joined by a
    coordinator — up to the first other word."""
    lang = res.lang
    taken: list[re.Match[str]] = []
    org = False
    for k, w in enumerate(words[:6]):
        t = w.group(0)
        low = t.lower()
        if k == 0 and low in lang.definite_articles:
            continue
        if is_organisation_name(t, lang):
            org = True
        elif not (t[0].isupper() or (taken and low in lang.coordinators)):
            break
        taken.append(w)
    while taken and taken[-1].group(0).lower() in lang.coordinators:
        taken.pop()
    if not org or not taken:
        return None
    return OrganisationSpeaker(w.string[taken[0].start() : taken[-1].end()])


_SUBJECT_APPOSITION = re.compile(r"[^,.;:!?\n]{2,60}?(?P<comma>,)[^,.;:!?\n]{2,100}?,\s+(?P<verb>[^\W\d_]+)")


def _speech_noun(text: str, words: list[re.Match[str]], low: list[str], end: int, lang: Language, res: Resolver,
                 anchor: int) -> Attribution | None:
    """ "‘…’ Dat was de oproep van Hanna Kuiper, …" / "“…” That was the message from Cllr Jones." /
    "‘…’ Met deze uitspraak van burgemeester Ellen Bos begon …" / "With these words from …"."""
    if len(words) <= 3 or not (low[0] in lang.demonstratives
                               or low[0] in lang.speech_prepositions and low[1] in lang.demonstratives):
        return None
    k = next((k for k in range(2, min(len(words) - 1, 5)) if low[k] in lang.speech_nouns), -1)
    if k > 0 and low[k + 1] in lang.speech_of and k + 2 < len(words):
        person = res.reference(words[k + 2].start(), end, text, anchor)
        if person is not None:
            return Attribution(person, low[k], "after")
    return None


def after(text: str, pos: int, hi: int, lang: Language, res: Resolver, anchor: int) -> Attribution | None:
    """‘…,’ zegt Jansen. / ‘…’, aldus de wethouder. / “…,” Smith said. / ‘…,’ legt ze uit."""
    hi = min(hi, pos + LEAD_IN)
    stop = _SENT_STOP.search(text, pos, hi)
    end = stop.start() if stop else hi
    seg_start = pos
    while seg_start < end and text[seg_start] in " ,;—–-\u00a0":
        seg_start += 1
    if seg_start == pos and seg_start < end and text[pos] not in " ":
        return None
    if seg_start == end and text[end : end + 1] in (".", "!", "?"):
        # "‘…’. Met deze uitspraak van burgemeester Ellen Bos begon …": the full stop after the
        # mark, and the next sentence names the words' speaker (most such sentences do not
        # open with a demonstrative: one word read, no more)
        head = _WORD.search(text, end + 1, hi)
        if head is None or (head.group(0).lower() not in lang.demonstratives
                            and head.group(0).lower() not in lang.speech_prepositions):
            return None
        stop = _SENT_STOP.search(text, end + 1, hi)
        nxt = stop.start() if stop else hi
        words = list(islice(_WORD.finditer(text, end + 1, nxt), 7))
        return _speech_noun(text, words, [w.group(0).lower() for w in words], nxt, lang, res, anchor)
    words = list(islice(_WORD.finditer(text, seg_start, end), 7))  # the attribution is in the first words
    if not words:
        return None
    first = words[0].group(0).lower()
    if first in lang.demonstratives and len(words) > 2 and words[1].group(0).lower() in lang.reporting_verbs:
        # "Dat zegt wethouder Jansen.": the speaker right after the verb, or this is no
        # attribution ("Dat zegt veel over het beleid van wethouder Jansen.", "Dat zegt genoeg.")
        near = words[min(len(words) - 1, 5)].end()
        person = res.reference(words[2].start(), near, text, anchor)
        return Attribution(person, words[1].group(0).lower(), "after") if person is not None else None
    low = [w.group(0).lower() for w in words]
    for i, parts in _according_index(lang.code, lang.according_to).get(first, ()):
        # "“…”, according to Prime Minister Rishi Sunak." / "‘…’, volgens de wethouder."
        if low[: len(parts)] == list(parts) and len(words) > len(parts):
            person = res.reference(words[len(parts)].start(), end, text, anchor)
            if person is not None:
                return Attribution(person, lang.according_to[i], "according")
            role = _anonymous_role(words[len(parts):], lang) or _organisation(words[len(parts):], res)
            return Attribution(None, lang.according_to[i], "after-unresolved", role) if role else None
    said = _speech_noun(text, words, low, end, lang, res, anchor)
    if said is not None:
        return said
    if first in lang.attribution_openers and len(words) > 1 and words[1].group(0).lower() in lang.reporting_verbs:
        words = words[1:]  # "‘…’, zo zegt Jansen"
        first = words[0].group(0).lower()
    verb_first = first in lang.reporting_verbs or first in lang.attribution_words
    particle = lang.separable_verbs.get(first) if not verb_first else None
    if particle:  # "laat Hanneke Ploeg, bestuurder van De Lindehof, weten": the speaker sits between
        found = _particle_re(particle).search(text, words[0].end(), end)
        if found:
            verb_first, end = True, found.start()
    if verb_first:
        # the speaker comes before the listener: "zegt de wethouder tegen Omroep Dalmeer"
        end = next((w.start() for w in words[2:] if w.start() < end and w.group(0).lower() in lang.addressee_words), end)
        person = res.reference(words[1].start() if len(words) > 1 else end, end, text, anchor)
        if person is None and len(words) > 1:
            return Attribution(None, first, "after-unresolved",
                               _anonymous_role(words[1:], res.lang) or _organisation(words[1:], res))
        return Attribution(person, first, "after")
    # English and Dutch subject-first: “…,” Smith said. / ‘…’, Jansen lacht. / “…,” a
    # spokeswoman for the trust told the Echo (unnamed: the role, no name borrowed)
    for k, w in enumerate(words[1:6], start=1):
        if w.group(0).lower() in lang.reporting_verbs:
            person = res.reference(words[0].start(), w.start(), text, anchor)
            if person is not None:
                return Attribution(person, w.group(0).lower(), "after")
            role = _anonymous_role(words[:k], lang) or _organisation(words[:k], res)
            if role:
                return Attribution(None, w.group(0).lower(), "after-unresolved", role)
            break
    else:
        # with an apposition between subject and verb: “…,” Ann Webb, a nurse at the clinic, said.
        m = _SUBJECT_APPOSITION.match(text, seg_start, end)
        if m and m.group("verb").lower() in lang.reporting_verbs:
            person = res.reference(seg_start, m.start("comma"), text, anchor)
            if person is not None:
                return Attribution(person, m.group("verb").lower(), "after")
    return None


def lead(text: str, lo: int, pos: int, res: Resolver) -> Attribution | None:
    """No attribution at all, but the same paragraph named someone before the quote:
    "Okafor acknowledged the gap. “…”" / "Inmiddels is hij om. ‘…’"."""
    if pos <= lo:
        return None
    person = None
    window = max(lo, pos - LOOKBACK)
    unnamed = _role_subject_before(text, window, pos, res)
    if unnamed is not None:
        # the sentence right before the quote has a role for its subject and names no one:
        # "…, maar de woordvoerster wil nog niets beloven. ‘…’" / "…, said a spokeswoman. “…”"
        return unnamed
    found = res.in_range(window, pos)
    if found:
        if len(found) > 1 and res.together(found[-2], found[-1], text):
            # "… praten minister X en voorzitter Y over het plan. ‘…’": which one speaks? No one
            # is borrowed, now or later from the paragraph before
            return Attribution(None, None, "lead-together", None)
        person = found[-1].person
    else:
        if _pronoun_re(res.lang.code, tuple(res.lang.pronouns)).search(text, max(lo, pos - LOOKBACK), pos) or \
                _according_pronoun_re(res.lang.code, res.lang.according_to, res.lang.object_pronouns).search(
                    text, max(lo, pos - LOOKBACK), pos):
            person = res.last_before(lo, text)
    return Attribution(person, None, "lead") if person else None


def _role_subject_before(text: str, lo: int, pos: int, res: Resolver) -> Attribution | None:
    """The speaker when the sentence that ends right before ``pos`` names no one and has a role
    noun for its subject: at its start ("De woordvoerster wil niets beloven."), or opening a
    clause after a comma with a conjunction or an inverted reporting verb ("…, maar de
    woordvoerster wil …", "…, said a spokeswoman for the police."). A definite role ("de
    wethouder") is the person with that role, when there is one; else the role is unnamed."""
    if pos <= lo or not opens_sentence(text, lo, pos):
        return None  # the quote does not open a sentence (or opens the paragraph)
    window = max(lo, pos - 400)
    ends = [m.end() for m in _SENT_END.finditer(text, window, pos)]
    if not ends:
        return None
    start = ends[-2] if len(ends) > 1 else window
    if res.in_range(start, ends[-1]):
        return None  # the sentence names someone: that is for the caller
    lang = res.lang
    raw = text[start : ends[-1]].split()
    toks = [t.lower().strip(PUNCTUATION) for t in raw]
    for k, w in enumerate(toks[:-1]):
        if w not in lang.definite_articles and w not in lang.indefinite_articles:
            continue
        if k == 0:
            if start == window and window > lo:
                continue  # the window cut the sentence: this is not its start
        elif toks[k - 1] not in lang.reporting_verbs and toks[k - 1] not in lang.leading_conjunctions \
                or not (k == 1 or raw[k - 2].endswith(",")):
            continue  # "met de burgemeester en de wethouder", "Reed said the mayor had …"
        for j in range(k + 1, min(k + 4, len(toks))):
            if is_role_word(toks[j], lang):
                person = res.by_role(toks[j], start) if w in lang.definite_articles else None
                return Attribution(person, None, "lead", None if person else " ".join(toks[k + 1 : j + 1]))
            if not toks[j].isalpha() or toks[j] in lang.function_words:
                break
    return None


def introduced_after(text: str, pos: int, hi: int, res: Resolver) -> Attribution | None:
    """ "‘…’ Sevgi Aksoy heeft twee kinderen op de school." / "“…” Aan het woord is Trijntje
    ’t Hart, …": a quote with no attribution, and the next sentence opens by introducing a
    person — named there for the first time — who is then its speaker."""
    start = pos
    while start < hi and text[start].isspace():
        start += 1
    if start >= hi or start == pos:
        return None
    lead_in = next((p for p in res.lang.introductions if text[start : start + len(p)].lower() == p), "")
    at = start + len(lead_in)
    while at < hi and text[at].isspace():
        at += 1
    found = res.in_range(at, at + 1)
    if not found:
        return None
    person = found[0].person
    return Attribution(person, None, "introduced") if res.first_at.get(person.name) == at else None


def opens_sentence(text: str, lo: int, pos: int) -> bool:
    """Whether nothing of a sentence stands between ``lo`` and ``pos``: ``pos`` opens the
    paragraph, or white space after . ! ? (and a closing mark) comes right before it — what
    the last match of ``_SENT_END`` in ``text[lo:pos]`` would show, without the scan."""
    j = pos - 1
    while j >= lo and text[j].isspace():
        j -= 1
    if j < lo:
        return True
    if j == pos - 1:
        return False
    return text[j] in ".!?" or (text[j] in "’”'\"" and j > lo and text[j - 1] in ".!?")


_CLOSERS = frozenset("’”\"»")


def before(text: str, lo: int, pos: int, lang: Language, res: Resolver) -> Attribution | None:
    """Jansen: ‘…’ / Jansen zegt: ‘…’ / Volgens Jansen is het ‘…’ / Smith said: “…”."""
    lo = max(lo, pos - LEAD_IN)
    if opens_sentence(text, lo, pos):
        return None  # most quotes: no lead-in to read
    sent_lo = lo
    for m in _SENT_END.finditer(text, lo, pos):
        sent_lo = m.end()
    lead = text[sent_lo:pos].rstrip()
    if not lead:
        return None
    words = _words(text, sent_lo, pos)
    if not words:
        return None
    low = [w.group(0).lower() for w in words]
    by_first = _according_index(lang.code, lang.according_to)
    hits = sorted((i, k, parts) for k, w in enumerate(low) for i, parts in by_first.get(w, ())
                  if low[k : k + len(parts)] == list(parts))
    for i, k, parts in hits:
        person = res.reference(words[k + len(parts) - 1].end(), pos, text, sent_lo)
        if person:
            return Attribution(person, lang.according_to[i], "according")
    verb_k = next((k for k, w in enumerate(low) if w in lang.reporting_verbs), -1)
    if lead.endswith(":") or verb_k >= 0:
        limit = words[verb_k].start() if verb_k > 0 else pos
        person = None
        if verb_k > 0:
            # "Cllr Sue Baxter read out the statement, in which Lord Porter said:": the subject
            # of the verb is the name right before it
            named = res.in_range(sent_lo, limit)
            at_verb = named[-1] if len(named) > 1 and is_aside(text[named[-1].end : limit]) else None
            person = at_verb.person if at_verb else res.reference(sent_lo, limit, text, sent_lo)
        if person is None and verb_k >= 0:
            person = res.reference(words[verb_k].end(), pos, text, sent_lo)
        if person is None and lead.endswith(":"):
            colon = sent_lo + len(lead) - 1
            named = res.in_range(sent_lo, colon)
            if len(named) > 1 and is_aside(text[named[-1].end : colon]) \
                    and any(c in _CLOSERS for c in text[named[-2].end : named[-1].start]):
                # "Anna Hoekstra: ‘…’ Kristel Lammers (NP RES): ‘…’": a quote ended since the
                # first name, and the name at the colon speaks the next one
                person = named[-1].person
            else:
                person = res.reference(sent_lo, pos, text, sent_lo)
        if person is not None:
            return Attribution(person, low[verb_k] if verb_k >= 0 else ":", "before")
        # "Een gedeputeerde zei me eens: ‘…’": an unnamed speaker; keep the role, borrow no name
        role = _anonymous_role(words[:verb_k] if verb_k > 0 else words, lang)
        if role:
            return Attribution(None, low[verb_k] if verb_k >= 0 else ":", "before-unnamed", role)
    return None
