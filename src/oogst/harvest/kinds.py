"""Takeaways (key-point boxes), advice (lessons and tips) and paraphrases (indirect speech)."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from oogst.harvest import speakers
from oogst.harvest.boxes import boxes, heading
from oogst.harvest.people import Person, is_role_word
from oogst.harvest.text import Block, sentences
from oogst.lang import Language
from oogst.models import Item

_WORD = re.compile(r"[\w’'-][\w’'-]*+")  # [\w’'-]+: skips ahead, never backtracks
_LABEL = re.compile(r"(?:stap|step|tip|les|lesson)\s*\d{0,2}\s*[:.–-]\s+", re.IGNORECASE)


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
    for b in blocks:
        if in_box.contains(b.start, b.end):
            continue
        if heading(text, b) is not None:
            tip = _imperative_heading(text, b, lang)
            if tip and not in_quote.overlaps(*tip):
                items.append(Item(doc_id, "advice", text[tip[0] : tip[1]], tip[0], tip[1],
                                  cue="imperative heading", confidence=0.6))
            continue
        for s, e in _sentences(text, b, cache):
            if in_quote.overlaps(s, e):
                continue
            sent = text[s:e]
            if sent.endswith("?") or len(sent) < 15:
                continue
            words = _WORD.findall(sent)
            if not words or (len(words) <= 3 and words[0].lower() in lang.example_openers):
                continue  # "Neem het waterschap." introduces an example, it is no lesson
            cue = _advice_cue(sent, words, lang)
            if cue:
                items.append(Item(doc_id, "advice", sent, s, e, cue=cue[0], confidence=cue[1]))
    return items


def _imperative_heading(text: str, b: Block, lang: Language) -> tuple[int, int] | None:
    """The span of a heading that gives advice: an imperative of two words or more, after an
    optional label ("Stap 1:", "Tip:")."""
    s = b.start
    label = _LABEL.match(text, s, b.end)
    if label:
        s = label.end()
    raw = text[s : b.end]
    if raw.endswith("?"):
        return None
    words = _WORD.findall(raw)
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


def _advice_cue(sent: str, words: list[str], lang: Language) -> tuple[str, float] | None:
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
        imperative = first[0].isupper() and first.lower() in lang.advice_starts
        after = words[1] if len(words) > 1 else ""
    if imperative and after.lower() in lang.example_particles:
        return None
    if imperative and not body.startswith(verb + ","):
        return "imperative", confidence
    plain = body.replace("’", "'")
    if lang.normative_re.match(plain):
        return "normative", 0.6
    inside = lang.normative_inside_re
    if inside is not None and inside.search(plain):
        return "normative", 0.5
    colon = sent.find(": ")
    if 0 < colon and len(_WORD.findall(sent, 0, colon)) <= 4:  # "Hierbij geldt wel: doe het …"
        rest = _WORD.findall(sent, colon + 2)[:2]
        if len(rest) == 2 and rest[0].islower() and rest[0] in lang.advice_starts \
                and rest[1].lower() in lang.imperative_followers:
            return "imperative", 0.5
    return None


def paraphrases(text: str, blocks: list[Block], lang: Language, doc_id: str,
                quoted: list[tuple[int, int]], res: speakers.Resolver,
                cache: SentenceCache | None = None) -> list[Item]:
    """Indirect speech: "Jansen benadrukt hoe …", "Volgens Jansen moet …", "She said that …"."""
    items: list[Item] = []
    in_quote = Spans(quoted)
    for b in blocks:
        if b.bullet:
            continue
        for s, e in _sentences(text, b, cache):
            if in_quote.overlaps(s, e):
                continue
            hit = _indirect(text, s, e, lang, res)
            if hit:
                who, cue = hit
                if isinstance(who, str):  # "De woordvoerder laat weten dat …": unnamed, the role
                    items.append(Item(doc_id, "paraphrase", text[s:e], s, e, speaker_role=who, cue=cue,
                                      confidence=0.5))
                else:
                    items.append(Item(doc_id, "paraphrase", text[s:e], s, e, speaker=who.name,
                                      speaker_role=who.role, cue=cue, confidence=0.7,
                                      organisation=who.organisation))
    return items


_NOT_SPEECH = frozenset({"lacht", "laughs", "laughed", "ziet", "zag", "weet", "wist", "kijkt", "knikt", "glimlacht",
                         "vraagt", "vroeg", "asks", "asked", "hoopt", "zucht", "sighs", "besluit", "besloot"})
_EN_NOT_CLAUSE = frozenset({"on", "in", "at", "to", "about", "for", "with", "so", "nothing", "yes", "no", "goodbye", "sorry", "hello"})
_SUBJECT_WINDOW = 4  # the subject starts within the first words of the sentence


def _indirect(text: str, s: int, e: int, lang: Language, res: speakers.Resolver):  # noqa: ANN202
    """(person, cue) when the sentence reports what someone said or thinks, else None."""
    sent = text[s:e].lower()
    # the words of the lower-cased sentence are the lower-cased words, unless lower-casing
    # changed the length (a dotted İ becomes two characters)
    low = _WORD.findall(sent)[:40] if len(sent) == e - s else [w.lower() for w in _WORD.findall(text, s, e)[:40]]
    according, cues = _speech_cues(lang.code)
    # most sentences report no one: no reporting verb near the start, no "volgens" opening
    if cues.isdisjoint(low[:22]) and not (low and any(low[: len(parts)] == parts for _, parts in according.get(low[0], ()))) \
            and "naar eigen zeggen" not in sent:
        return None
    words = list(_WORD.finditer(text, s, e))[:40]
    for phrase, parts in according.get(low[0], ()) if low else ():
        if low[: len(parts)] == parts and len(words) > len(parts) + 2:
            end = words[min(len(words) - 1, len(parts) + 4)].end()
            person = res.reference(words[len(parts) - 1].end(), end, text, s)
            if person:
                return person, phrase
    if "naar eigen zeggen" in sent and len(words) > 5:
        person = _subject(text, s, words, 3, lang, res)
        if person:
            return person, "naar eigen zeggen"
    for k, w in enumerate(low[:22]):
        rest = low[k + 1 :]
        particle = lang.separable_verbs.get(w)  # "laat … weten": also reporting when its particle follows
        if w in _NOT_SPEECH or (w not in lang.reporting_verbs and not (particle and particle in rest[:10])):
            continue
        # "schrijft in een brief aan de bewoners dat …": the clause may come a few words later
        conj = next((j for j, x in enumerate(rest[:10]) if x in lang.paraphrase_conjunctions), -1)
        clause = conj >= 0 and len(rest) - conj >= 4
        if not clause and lang.code == "en" and rest and rest[0] not in _EN_NOT_CLAUSE and len(rest) >= 4 \
                and w in ("said", "says", "told", "warned", "argued", "added", "insisted", "believes", "thinks"):
            clause = True  # "Osei said the authority would review …"
        if not clause and w in ("vindt", "meent", "denkt") and k > 0 and len(rest) >= 4:
            clause = True  # "De wethouder vindt het tijd voor …"
        if not clause:
            continue
        person = _subject(text, s, words[:k], _SUBJECT_WINDOW, lang, res) if k else None
        if person is None and k < 4 and k + 1 < len(words):  # "Daarnaast benadrukt Jansen dat …"
            # named between the verb and the clause ("laat weten dat ze …": ze is in the clause)
            end = words[k + 1 + conj].start() if conj >= 0 else words[min(len(words) - 1, k + 3)].end()
            person = res.reference(words[k].end(), end, text, s)
        if person:
            return person, w
        return None
    return None


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
    return according, lang.reporting_verbs | frozenset(lang.separable_verbs)


def _subject(text: str, s: int, words: list[re.Match[str]], window: int, lang: Language,
             res: speakers.Resolver) -> Person | str | None:
    """The person the sentence is about, when it is named (or a pronoun) near its start; for
    "De woordvoerder …" with no one of that role named, the role."""
    if not words:
        return None
    found = res.in_range(s, words[-1].end())
    if found and found[0].start < words[min(len(words) - 1, window)].end():
        return found[0].person
    first = words[0].group(0).lower()
    if first in lang.pronouns or (len(words) > 1 and first in ("its", "zijn", "haar") ):
        return res.reference(s, words[min(len(words) - 1, 2)].end(), text, s)
    if len(words) > 1 and first in lang.definite_articles and is_role_word(words[1].group(0), lang):
        role = words[1].group(0).lower()  # "De wethouder zegt dat …"
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

    def contains(self, s: int, e: int) -> bool:
        k = bisect.bisect_right(self.starts, s) - 1
        return k >= 0 and self.ends[k] >= e
