"""Takeaways (key-point boxes), advice (lessons and tips) and paraphrases (indirect speech)."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from oogst.harvest import speakers
from oogst.harvest.boxes import MAX_HEADING, boxes, heading
from oogst.harvest.people import Mention, Person, is_organisation_name, is_organisation_word, is_role_word
from oogst.harvest.text import Block, nested_words, sentences
from oogst.lang import Language, every, get
from oogst.models import Item

_WORD = re.compile(r"[\w’'-][\w’'-]*+")  # [\w’'-]+: skips ahead, never backtracks
# "Stap 1:", "Lesson 2.": the labels of every language (``item_labels`` in oogst.lang)
_LABEL = re.compile(r"(?:" + "|".join(sorted(every("item_labels"), key=lambda w: (-len(w), w)))
                    + r")\s*\d{0,2}\s*[:.–-]\s+", re.IGNORECASE)


SentenceCache = dict[int, list[tuple[int, int]]]  # block start -> its sentences


def _sentences(text: str, b: Block, cache: SentenceCache | None) -> list[tuple[int, int]]:
    """The sentences of a block, computed once when advice and paraphrases both need them."""
    if cache is None:
        return sentences(text, b.start, b.end)
    found = cache.get(b.start)
    if found is None:
        found = cache[b.start] = sentences(text, b.start, b.end)
    return found


def advice_sentences(text: str, blocks: list[Block], lang: Language, doc_id: str,
                     quoted: list[tuple[int, int]], taken: list[tuple[int, int]],
                     cache: SentenceCache | None = None) -> list[Item]:
    """Imperative and normative sentences outside quotes and boxes: general lessons. A heading
    that is an imperative ("Zet brede welvaart bovenaan", "Stap 1: Zorg voor …") is a tip of
    the article, its label left out."""
    items: list[Item] = []
    in_quote, in_box = Spans(quoted), Spans(taken)
    pats = _normative(lang.code)
    for b in blocks:
        if in_box.contains(b.start, b.end):
            continue
        if b.end - b.start <= MAX_HEADING and heading(text, b) is not None:
            tip = _imperative_heading(text, b, lang)
            if tip and not in_quote.overlaps(*tip):
                items.append(Item(doc_id, "advice", text[tip[0] : tip[1]], tip[0], tip[1],
                                  cue="imperative heading", confidence=0.6))
            continue
        quoted_block = in_quote.overlaps(b.start, b.end)  # most blocks hold no quote: one test for all their sentences
        for s, e in _sentences(text, b, cache):
            if quoted_block and in_quote.overlaps(s, e):
                continue
            sent = text[s:e]
            if sent.endswith("?") or len(sent) < 15:
                continue
            # the opening words decide: the first four (whether there are more than three
            # matters, and _advice_cue reads three), in one match, not a list of them all
            # (the groups are the words in order, and the last that matched is their number)
            opening = _OPENING_WORDS.match(sent, 0, 60)
            words = opening.groups()[: opening.lastindex or 0]  # type: ignore[union-attr]
            if not words or (len(words) <= 3 and words[0].lower() in lang.example_openers):
                continue  # "Neem het waterschap." introduces an example, it is no lesson
            cue = _advice_cue(sent, words, lang, pats)
            if cue:
                items.append(Item(doc_id, "advice", sent, s, e, cue=cue[0], confidence=cue[1]))
    return items


# the first four words of _WORD, each in a nested optional group
_OPENING_WORDS = nested_words(4, _WORD.pattern, r"[^\w’'-]*+")


def _imperative_heading(text: str, b: Block, lang: Language) -> tuple[int, int] | None:
    """The span of a heading that gives advice: an imperative of two words or more, after an
    optional label ("Stap 1:", "Tip:")."""
    s = b.start
    label = _LABEL.match(text, s, b.end)
    if label:
        s = label.end()
    first = _WORD.match(text, s, b.end)
    if first is None or first.group(0).lower() not in lang.advice_starts or text[b.end - 1] == "?":
        return None
    raw = text[s : b.end]
    words = _WORD.findall(raw, 0, 80)
    if len(words) < 2 or not words[0][0].isupper() or words[0].lower() not in lang.advice_starts:
        return None
    if raw[len(words[0]) : len(words[0]) + 1] == ":":  # "Review: the region’s …" is a kicker, no tip
        return None
    if words[1].lower() in lang.example_particles:
        return None
    end = b.end
    while end > s and text[end - 1] in ":":
        end -= 1
    return s, end


class _Normative(NamedTuple):
    """A language's normative patterns (``_normative``)."""

    start: re.Pattern[str]
    inside: re.Pattern[str] | None


def _first_in(words: tuple[str, ...], s: str) -> str | None:
    """The first of ``words`` that occurs in ``s``: ``in`` tests run by ``filter`` in C, which
    beats a loop, a generator and a regex alternation (tried at every position) for a dozen words."""
    return next(filter(s.__contains__, words), None)


@lru_cache(maxsize=None)
def _normative(code: str) -> _Normative:
    """The normative patterns of a language, compiled once (building them hashed every pattern
    of the pack for each document)."""
    lang = get(code)
    return _Normative(lang.normative_re, lang.normative_inside_re)


def _advice_cue(sent: str, words: Sequence[str], lang: Language, pats: _Normative | None = None) -> tuple[str, float] | None:
    """("imperative" | "normative", confidence) when a sentence gives advice, else None.

    After "en"/"and" ("En zorg dat …", "And it is important to …") the imperative must be
    followed by what imperatives take ("zorg dat", "keep it"): "En vier jaar later" and "And
    test results showed" start with a noun that is spelled like a verb. An imperative followed
    by "maar"/"bijvoorbeeld" ("Denk maar aan …") introduces examples, not advice. A normative
    phrase may stand later in the sentence ("Omdat …, is het nodig dat …"), and an imperative
    after a colon counts ("Hierbij geldt wel: doe het goed of doe het niet.").
    """
    first = words[0]
    if first.lower() in lang.leading_conjunctions and len(words) > 2:
        verb, body, confidence = words[1], sent[sent.index(words[1], len(first)) :], 0.6
        imperative = verb.lower() in lang.advice_starts and words[2].lower() in lang.imperative_followers
        after = words[2]
    else:
        verb, body, confidence = first, sent, 0.7
        after = words[1] if len(words) > 1 else ""
        imperative = first[0].isupper() and first.lower() in lang.advice_starts and (
            first.lower() not in lang.ambiguous_imperatives or after.lower() in lang.imperative_followers)
    if imperative and after.lower() in lang.example_particles:
        return None
    if imperative and not body.startswith(verb + ","):
        return "imperative", confidence
    if pats is None:
        pats = _normative(lang.code)
    plain = body.replace("’", "'")
    if pats.start.match(plain):
        return "normative", 0.6
    if pats.inside is not None and _first_in(lang.normative_triggers, plain) is not None and pats.inside.search(plain):
        return "normative", 0.5  # the trigger words stand inside the sentence, in lower case
    colon = sent.find(": ")
    if 0 < colon <= 60 and len(_WORD.findall(sent, 0, colon)) <= 4:  # "Hierbij geldt wel: doe het …"
        rest = _WORD.findall(sent, colon + 2, colon + 60)[:2]
        if len(rest) == 2 and rest[0].islower() and rest[0] in lang.advice_starts \
                and rest[1].lower() in lang.imperative_followers:
            return "imperative", 0.5
    return None


class Source(NamedTuple):
    """A speaker that is an organisation or a group: "De gemeente hoopt dat …", "D66 en GBLV vinden"."""

    organisation: str


def paraphrases(text: str, blocks: list[Block], lang: Language, doc_id: str,
                quoted: list[tuple[int, int]], res: speakers.Resolver,
                cache: SentenceCache | None = None) -> list[Item]:
    """Indirect speech: "Jansen benadrukt hoe …", "Volgens Jansen moet …", "She said that …",
    "…, zegt de bewindsvrouw.", "Want, zegt ze, …", "De gemeente hoopt dat …". A sentence may
    hold a partial quote ("… de „belangrijke opdracht” heeft …, zegt minister X"); one that opens
    with a quote or is mostly quote is the quote's, not a paraphrase."""
    items: list[Item] = []
    in_quote = Spans(quoted)
    for b in blocks:
        if b.bullet:
            continue
        quoted_block = in_quote.overlaps(b.start, b.end)  # most blocks hold no quote: one test for all their sentences
        for s, e in _sentences(text, b, cache):
            if quoted_block and in_quote.overlaps(s, e) and not _partly_quoted(text, s, e, in_quote):
                continue
            hit = _indirect(text, s, e, lang, res)
            if hit:
                who, cue = hit
                if isinstance(who, Source):
                    items.append(Item(doc_id, "paraphrase", text[s:e], s, e, cue=cue, confidence=0.5,
                                      organisation=who.organisation))
                elif isinstance(who, str):  # "De woordvoerder laat weten dat …": unnamed, the role
                    items.append(Item(doc_id, "paraphrase", text[s:e], s, e, speaker_role=who, cue=cue,
                                      confidence=0.5))
                else:
                    items.append(Item(doc_id, "paraphrase", text[s:e], s, e, speaker=who.name,
                                      speaker_role=who.role, cue=cue, confidence=0.7,
                                      organisation=who.organisation))
    return items


_OPENING_MARKS = "‘“„‚\"'«,`"


def _partly_quoted(text: str, s: int, e: int, in_quote: Spans) -> bool:
    """Whether the sentence is its own words with a partial quote inside: it does not open with
    a mark and at most half of it is quoted."""
    if text[s] in _OPENING_MARKS or in_quote.overlaps(s, s + 2):  # the quote's own (last) sentence
        return False
    k = bisect.bisect_left(in_quote.ends, s + 1)
    if k < len(in_quote.starts):  # "X zegt: ‘…’": the quote is what is reported
        lead = text[s : in_quote.starts[k]].rstrip(_OPENING_MARKS + " ")
        if lead.endswith(":"):
            return False
    return in_quote.covered(s, e) * 2 <= e - s


# words of every language (oogst.lang): "lacht", "asks" report nothing; "Hij noemt ze een ‘…’: …" names
_NOT_SPEECH = every("not_speech_verbs")
_NAMING = every("naming_verbs")
_DEFINITE = every("definite_articles")
_OWN_ACCOUNT = tuple(sorted(every("own_account")))
_CLAUSE_CONTINUERS = every("clause_continuers")
_PERSON_SUFFIXES = tuple(sorted(every("person_suffixes")))
_COORDINATORS = every("coordinators")
_POSSESSIVES = every("possessives")
_SUBJECT_WINDOW = 4  # the subject starts within the first words of the sentence
_MAX_WORDS = 80  # words of a sentence looked at


def _indirect(text: str, s: int, e: int, lang: Language,
              res: speakers.Resolver) -> tuple[Person | str | Source, str] | None:
    """(person | role | Source, cue) when the sentence reports what someone said or thinks, else None."""
    sent = text[s:e].lower()
    # the words of the lower-cased sentence are the lower-cased words, unless lower-casing
    # changed the length (a dotted İ becomes two characters)
    low = _WORD.findall(sent)[:_MAX_WORDS] if len(sent) == e - s else [w.lower() for w in _WORD.findall(text, s, e)[:_MAX_WORDS]]
    according, cues = _speech_cues(lang.code)
    # most sentences report no one: no reporting verb, no "volgens"
    own = _first_in(_OWN_ACCOUNT, sent)  # "naar eigen zeggen"
    if cues.isdisjoint(low) and not (low and low[0] in according) and own is None:
        return None
    hits = [k for k, w in enumerate(low) if w in cues]
    verbs = _verbs(lang)
    words = list(islice(_WORD.finditer(text, s, e), _MAX_WORDS))
    # "Volgens X …" opens the sentence; a title line "… Volgens socioloog X" (no full stop) is no report
    for phrase, parts in according.get(low[0], ()) if low else ():
        if low[: len(parts)] == parts and len(words) > len(parts) + 2 and (text[e - 1] in ".!?…:;’”\"'" or len(words) > len(parts) + 6):
            end = words[min(len(words) - 1, len(parts) + 4)].end()
            person = _reference(text, s, words, len(parts), end, lang, res)
            if person:
                return person, phrase
    if own is not None and len(words) > 5:
        person = _subject(text, s, words, 3, lang, res)
        if person:
            return person, own
    for k in hits:
        if k >= 22:
            break
        w = low[k]
        rest = low[k + 1 :]
        particle = lang.separable_verbs.get(w)  # "laat … weten": also reporting when its particle follows
        thought = w in lang.thought_verbs
        if (w in _NOT_SPEECH and not thought) or (w not in verbs and not thought
                                                  and not (particle and particle in rest[:10])):
            continue
        # "schrijft in een brief aan de bewoners dat …": the clause may come a few words later;
        # a verb of thought reports only with the clause right after it ("hoopt ook dat")
        conj = next((j for j, x in enumerate(rest[: 3 if thought else 10]) if x in lang.paraphrase_conjunctions
                     and (not thought or x in lang.complementizers)), -1)
        clause = conj >= 0 and len(rest) - conj >= 4
        if not clause and not thought and 0 < k and k + 1 < len(words) and len(rest) >= 5 and w not in _NAMING:
            # "constateren maandag eenduidig: mensen die …": a colon a few words after the verb
            colon = text.find(":", words[k].end(), words[min(len(words) - 1, k + 4)].end())
            clause = colon >= 0 and len(_WORD.findall(text, colon, min(e, colon + 120))) >= 4
        if not clause and not thought and rest and rest[0] not in lang.bare_report_stops and len(rest) >= 4 \
                and w in lang.bare_report_verbs:
            clause = True  # "Osei said the authority would review …"
        if not clause and w in lang.opinion_verbs and k > 0 and len(rest) >= 4:
            clause = True  # "De wethouder vindt het tijd voor …"
        if not clause:
            continue
        person = _subject(text, s, words[:k], _SUBJECT_WINDOW, lang, res) if k else None
        if person is None and k < 4 and k + 1 < len(words):  # "Daarnaast benadrukt Jansen dat …"
            # named between the verb and the clause ("laat weten dat ze …": ze is in the clause)
            end = words[k + 1 + conj].start() if conj >= 0 else words[min(len(words) - 1, k + 3)].end()
            person = res.reference(words[k].end(), end, text, s)
            if person is None and conj > 0 and w not in lang.announcement_verbs:  # "Daarom vinden D66 en GBLV dat …"
                person = _source(text, words[k + 1 : k + 1 + conj], lang)
        if person is None and k and w not in lang.announcement_verbs:
            person = _source(text, words[_skip_adverbs(low, k) : k], lang)  # "De gemeente hoopt dat …"
        if person:
            return person, w
        break
    return _attributed_after(text, s, e, low, words, hits, lang, res) or _according_inside(text, s, low, words, hits, lang, res)


def _reference(text: str, s: int, words: list[re.Match[str]], k: int, end: int, lang: Language,
               res: speakers.Resolver) -> Person | str | Source | None:
    """The source after "volgens"/"according to" (the phrase's last word is ``words[k - 1]``):
    a person, "volgens haar" (the last person named), "volgens de indieners" (a group)."""
    nxt = words[k].group(0).lower() if k < len(words) else ""
    if nxt in lang.object_pronouns:
        return res.last_before(s, text)
    person = res.reference(words[k - 1].end(), end, text, s)
    if person:
        return person
    if nxt in lang.definite_articles and k + 1 < len(words):
        head = words[k + 1].group(0).lower()
        if head in lang.collective_sources or is_organisation_word(head, lang):
            return Source(words[k + 1].group(0))
    return None


def _according_inside(text: str, s: int, low: list[str], words: list[re.Match[str]], hits: list[int],
                      lang: Language, res: speakers.Resolver) -> tuple[Person | str | Source, str] | None:
    """"…, is het volgens De Greef de opgave om …", "…, according to Prime Minister X.": the
    according-to phrase inside the sentence, with a named source right after it."""
    according, _ = _speech_cues(lang.code)
    for k in [k for k in hits if k and low[k] in according]:
        for phrase, parts in according[low[k]]:
            n = len(parts)
            if low[k : k + n] != parts or k + n >= len(words):
                continue
            found = res.in_range(words[k + n - 1].end(), words[min(len(words) - 1, k + n + 3)].end())
            if found and found[0].start <= words[k + n].start() + 1 + _title_room(text, words, k + n):
                return found[0].person, phrase
            nxt = low[k + n]
            if nxt in lang.object_pronouns:
                person = res.last_before(s, text)
                if person:
                    return person, phrase
            if nxt in lang.definite_articles and k + n + 1 < len(low) and low[k + n + 1] in lang.collective_sources:
                return Source(words[k + n + 1].group(0)), phrase
    return None


def _title_room(text: str, words: list[re.Match[str]], k: int) -> int:
    """Characters of role words before the name ("according to Prime Minister Rishi Sunak")."""
    j, room = k, 0
    while j < len(words) - 1 and j < k + 3 and (words[j].group(0)[0].isupper() or words[j].group(0).islower()):
        if words[j].group(0).lower() in _DEFINITE:
            room = words[j + 1].start() - words[k].start()
            j += 1
            continue
        break
    return room + 40


def _attributed_after(text: str, s: int, e: int, low: list[str], words: list[re.Match[str]], hits: list[int],
                      lang: Language, res: speakers.Resolver) -> tuple[Person | str | Source, str] | None:
    """The attribution after the reported words: "…, zegt minister X (partij).", "…, benadrukt X,
    econoom bij Y.", "Want, zegt ze, …", "Haast is geboden vinden de partijen.", "…, the
    Government has announced."."""
    n = len(words)
    verbs = _verbs(lang)
    for k in [k for k in hits if k and low[k] in verbs]:
        w = low[k]
        if w in _NOT_SPEECH:
            continue
        before = text[words[k - 1].end() : words[k].start()]
        comma = "," in before
        if lang.subject_before_verb:
            hit = _english_after(text, s, e, low, words, k, comma, lang, res)
            if hit:
                return hit
            continue
        if k + 1 >= n:
            continue
        # the subject runs to the next comma (a parenthesis: "Want, zegt ze, …") or the sentence end
        stop = text.find(",", words[k].end(), e)
        end = e if stop < 0 else stop
        subject = [m for m in words[k + 1 :] if m.start() < end]
        if not subject or len(subject) > 14:
            continue
        if not comma:  # "Haast is geboden vinden de partijen.": the subject ends the sentence
            if stop >= 0 or len(subject) > 4 or k < 2:
                continue
        elif stop >= 0 and k > 3 and not _last_clause(text, stop, e):
            continue  # ", zegt X, …" must be a parenthesis near the start or end the sentence
        who = _after_subject(text, s, subject, lang, res)
        if who:
            return who, w
    return None


def _last_clause(text: str, stop: int, e: int) -> bool:
    """Whether what follows the comma after the subject is an apposition that ends the sentence
    ("…, benadrukt X, regionaal econoom bij Y.") rather than more of the sentence."""
    if e - stop > 160:  # more than an apposition: the bound keeps a long sentence linear
        return False
    rest = _WORD.findall(text, stop, e)
    return 0 < len(rest) <= 8 and not any(w in _CLAUSE_CONTINUERS for w in rest[:1])


def _after_subject(text: str, s: int, subject: list[re.Match[str]], lang: Language,
                   res: speakers.Resolver) -> Person | str | Source | None:
    """The speaker named right after a reporting verb: a person (also by role or pronoun), or
    a group or organisation ("de partijen", "het college")."""
    first = subject[0].group(0).lower()
    found = res.in_range(subject[0].start(), subject[-1].end())
    if found and found[0].start <= subject[min(len(subject) - 1, 3)].start():
        return _one_or_group(text, found, res)
    if first in lang.pronouns:
        return res.last_before(s, text)
    if first in lang.definite_articles and len(subject) >= 2:
        head = subject[-1].group(0).lower() if len(subject) <= 3 else subject[1].group(0).lower()
        if head in lang.document_words or head in lang.title_cues:
            return None
        for m in subject[1:3]:
            word = m.group(0).lower()
            if is_role_word(word, lang) or word.endswith(_PERSON_SUFFIXES) and len(word) > 6:
                person = res.by_role(word, s)
                if person and person.role and person.role.lower().split()[0] == word:
                    return person
                return word
        if head in lang.collective_sources or is_organisation_word(head, lang):
            return Source(text[subject[1].start() : subject[-1].end()])
    if is_role_word(first, lang) and len(subject) >= 2:  # "zegt minister Hanke Bruins Slot": named after the role
        return first
    return None


def _english_after(text: str, s: int, e: int, low: list[str], words: list[re.Match[str]], k: int, comma: bool,
                   lang: Language, res: speakers.Resolver) -> tuple[Person | str | Source, str] | None:
    """"…, the Government has announced." / "…, she said." / "…, said the mayor."."""
    n = len(words)
    if k == n - 1:  # the verb ends the sentence: its subject stands between the last comma and it
        cut = text.rfind(",", s, words[k].start())
        if cut < 0:
            return None
        subject = [m for m in words if cut < m.start() < words[k].start()
                   and m.group(0).lower() not in lang.subject_skip_words]
        if not subject or len(subject) > 5:
            return None
        who = _after_subject(text, s, subject, lang, res)
        if who is None and subject[0].group(0).lower() in lang.definite_articles and len(subject) >= 2 \
                and is_organisation_word(subject[-1].group(0), lang):
            who = Source(text[subject[1].start() : subject[-1].end()])
        return (who, low[k]) if who else None
    if comma and n - k - 1 <= 6:  # ", said the mayor."
        who = _after_subject(text, s, words[k + 1 :], lang, res)
        return (who, low[k]) if who else None
    return None


def _skip_adverbs(low: list[str], k: int) -> int:
    """Where the subject before the verb at ``k`` starts, past an opening adverb ("Daarom",
    "Liefst drie adviesraden")."""
    return 1 if k > 1 and low[0] in _OPENING_ADVERBS else 0


_OPENING_ADVERBS = every("opening_adverbs")


def _source(text: str, subject: list[re.Match[str]], lang: Language) -> Source | None:
    """A subject that is an organisation or group: "De gemeente", "Gemeenten", "GroenLinks en
    de VVD", "drie adviesraden", "The council" (its organisation without the article). None
    for a document ("Het rapport") or anything else."""
    if not subject or len(subject) > 6:
        return None
    i = 1 if subject[0].group(0).lower() in lang.definite_articles else 0
    org = False
    for m in subject[i:]:
        t = m.group(0)
        low_t = t.lower()
        if low_t in lang.document_words or low_t in lang.title_cues:
            return None
        if low_t in lang.collective_sources or is_organisation_name(t, lang):
            org = True
        elif not (t[0].isupper() or low_t in _COORDINATORS or low_t in lang.definite_articles
                  or (m is subject[i] and low_t in _NUMBERS)):
            return None
    return Source(text[subject[i].start() : subject[-1].end()]) if org and i < len(subject) else None


_NUMBERS = every("group_numbers")


@lru_cache(maxsize=None)
def _speech_cues(code: str) -> tuple[dict[str, list[tuple[str, list[str]]]], frozenset[str]]:
    """The according-to phrases with their words, by their first word (in the language's
    order), and the words that can make a sentence reported speech: reporting verbs and the
    finite parts of separable ones ("laat … weten"). Shared: not to be changed by callers."""
    from oogst.lang import get

    lang = get(code)
    according: dict[str, list[tuple[str, list[str]]]] = {}
    for phrase in lang.according_to:
        according.setdefault(phrase.split()[0], []).append((phrase, phrase.split()))
    # "volgens", "according" may stand anywhere; "zo", "naar", "in" are too common to look for
    distinctive = frozenset(w for w in according if len(w) >= 6)
    return according, _verbs(lang) | frozenset(lang.separable_verbs) | lang.thought_verbs | distinctive


def _verbs(lang: Language) -> frozenset[str]:
    """The reporting verbs of indirect speech: the language's reporting verbs and the further
    forms only paraphrases need ("constateren", "concludeerden")."""
    return _verb_set(lang.code)


@lru_cache(maxsize=None)
def _verb_set(code: str) -> frozenset[str]:
    from oogst.lang import get

    lang = get(code)
    return lang.reporting_verbs | lang.paraphrase_verbs


def _one_or_group(text: str, found: list[Mention], res: speakers.Resolver) -> Person | Source:
    """The first person named, or, when two are named together ("Stolk en De Greef zien dat …",
    "zeggen econoom X en hoogleraar Y"), the two as one source: no one of them is the speaker."""
    n = res.group(found, text)
    return found[0].person if n == 1 else Source(text[found[0].start : found[n - 1].end])


def _subject(text: str, s: int, words: list[re.Match[str]], window: int, lang: Language,
             res: speakers.Resolver) -> Person | str | Source | None:
    """The person the sentence is about, when it is named (or a pronoun) near its start; for
    "De woordvoerder …" with no one of that role named, the role."""
    if not words:
        return None
    found = res.in_range(s, words[-1].end())
    if found and found[0].start < words[min(len(words) - 1, window)].end():
        return _one_or_group(text, found, res)
    first = words[0].group(0).lower()
    if first in lang.pronouns or (len(words) > 1 and first in _POSSESSIVES):
        return res.reference(s, words[min(len(words) - 1, 2)].end(), text, s)
    # "De wethouder zegt dat …", "De Bossche wethouder hoopt dat …": the role after at most one modifier
    at = 1 if len(words) > 1 and is_role_word(words[1].group(0), lang) else \
        2 if len(words) == 3 and not words[1].group(0)[0].isdigit() and is_role_word(words[2].group(0), lang) else 0
    if at and first in lang.definite_articles:
        role = words[at].group(0).lower()
        person = res.by_role(role, s)
        # the same role, not one that merely contains it ("the mayor" is not the deputy mayor)
        if person and person.role and person.role.lower().split()[0] == role:
            return person
        return role if person is None else None
    return None


class Spans:
    """Sorted, non-nested spans with logarithmic overlap and containment queries."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect.bisect_left(self.ends, s + 1)  # first span ending after s
        return k < len(self.starts) and self.starts[k] < e

    def covered(self, s: int, e: int) -> int:
        """How many characters of ``[s, e)`` the spans cover."""
        k = bisect.bisect_left(self.ends, s + 1)
        total = 0
        while k < len(self.starts) and self.starts[k] < e:
            total += min(e, self.ends[k]) - max(s, self.starts[k])
            k += 1
        return total

    def contains(self, s: int, e: int) -> bool:
        k = bisect.bisect_right(self.starts, s) - 1
        return k >= 0 and self.ends[k] >= e
