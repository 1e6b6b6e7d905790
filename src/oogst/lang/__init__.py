"""Language knowledge as data: one pack (a package ``oogst/lang/<code>/``) per language.

A pack defines ``LANGUAGE``, a :class:`Language`: the harvest's words, the selection's
:class:`~oogst.lang.lexicon.Lexicon`, the rendered digest's labels, month names and date formats.
``CODES`` registers the packs; :func:`get` is the one way in, with one rule for every stage: a
code is read case-insensitively and without its region ("nl-BE" is "nl"), and a code no pack has
is an :class:`~oogst.errors.LanguageError` (an ``InputError``) that lists the known ones, as is a
text whose language cannot be told (:func:`detect`); :func:`choose` is the one rule for a
document's language (given, else its own, else detected). Adding a language is adding a
folder and its code to ``CODES`` (docs/architecture.md has the checklist).
"""
from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from oogst.errors import LanguageError
from oogst.lang.lexicon import Lexicon

# The registered languages, in order: the first is the default (what a text too short to tell
# is read as, and the language of a digest without documents).
CODES: tuple[str, ...] = ("nl", "en")
SUPPORTED = CODES  # the older name

# the keys of ``Language.labels`` (the words the rendered digest prints around the content)
LABEL_KEYS = ("tip", "sources", "lessons", "highlights", "edited", "edited_title", "source_ref", "n_sources",
              "period", "open_quote", "close_quote", "unnamed", "unnamed_vowel")


@dataclass(frozen=True)
class Language:
    code: str
    # reporting verbs, as they appear in the text (all inflections); multi-word verbs as
    # (finite part, particle) pairs: "legt ... uit"
    reporting_verbs: frozenset[str]
    separable_verbs: dict[str, str]  # finite form -> particle ("legt" -> "uit")
    attribution_words: frozenset[str]  # "aldus", "volgens" (before the name)
    according_to: tuple[str, ...]  # phrases introducing a source: "volgens", "naar eigen zeggen"
    pronouns: dict[str, str]  # pronoun -> "m" | "f" | "x"
    roles: frozenset[str]
    role_suffixes: tuple[str, ...]
    titles: frozenset[str]
    particles: frozenset[str]
    organisation_words: frozenset[str]
    not_names: frozenset[str]
    first_names: frozenset[str]
    takeaway_headings: tuple[str, ...]
    advice_headings: tuple[str, ...]
    advice_starts: frozenset[str]  # imperative verbs that start advice
    normative_patterns: tuple[str, ...]  # regex fragments: "het is belangrijk (om|dat)"
    paraphrase_conjunctions: frozenset[str]  # "dat", "hoe", "of"
    function_words: frozenset[str] = field(default_factory=frozenset)
    stopwords: frozenset[str] = field(default_factory=frozenset)
    # words that may open a role at the start of a sentence: "Council leader Jane Doe said"
    role_modifiers: frozenset[str] = field(default_factory=frozenset)
    # a word that may open an advice sentence before its imperative: "En zorg dat …", "And keep …"
    leading_conjunctions: frozenset[str] = field(default_factory=frozenset)
    # words that follow an imperative ("zorg dat", "keep it"), to tell "En zorg dat …" from "En vier jaar …"
    imperative_followers: frozenset[str] = field(default_factory=frozenset)
    example_openers: frozenset[str] = field(default_factory=frozenset)  # "Neem het waterschap.": an example
    # cue words of the sentence that introduces a list: "Een greep uit de voorstellen:" (takeaways),
    # "Met deze tips …:", "some key lessons emerged:" (advice)
    takeaway_intros: tuple[str, ...] = ()
    advice_intros: tuple[str, ...] = ()
    # a word right after an imperative that makes it an example, not advice: "Denk maar aan …"
    example_particles: frozenset[str] = field(default_factory=frozenset)
    # imperatives spelled like a number or noun ("Vier dorpen …", "Plan B …"): advice only with
    # what imperatives take after them ("Vier je successen")
    ambiguous_imperatives: frozenset[str] = field(default_factory=frozenset)
    # normative phrases anywhere in a sentence (regex fragments): "…, is het nodig dat …",
    # "… doe je dus beter vandaag"
    normative_inside: tuple[str, ...] = ()
    normative_triggers: tuple[str, ...] = ()  # one of them is in every match of normative_inside (a quick test)
    # paraphrases (harvest/kinds.py): verbs of thought that report only with a clause right
    # after them ("hoopt dat", "zien dat"); object pronouns after "volgens" ("volgens haar");
    # plural sources ("Gemeenten zeggen dat", "volgens de indieners"); words for documents,
    # which are no speakers ("Het rapport stelt dat")
    thought_verbs: frozenset[str] = field(default_factory=frozenset)
    paraphrase_verbs: frozenset[str] = field(default_factory=frozenset)  # further forms of reporting verbs
    object_pronouns: frozenset[str] = field(default_factory=frozenset)
    # labels of a byline or credit line ("Auteur: Leo Mulder | Beeld: …", "Door Anna Brink",
    # "Words: …"): the names there wrote the page, they are not speaking in it
    byline_labels: frozenset[str] = field(default_factory=frozenset)
    collective_sources: frozenset[str] = field(default_factory=frozenset)
    document_words: frozenset[str] = field(default_factory=frozenset)
    # what an organisation announces is news, not its view: "De gemeente laat weten dat …",
    # "Het college verwacht dat …" (the finite verb; "laat … weten" by its first part)
    announcement_verbs: frozenset[str] = field(default_factory=frozenset)
    # a word that may open the attribution after a quote before its verb: "‘…’, zo zegt Jansen",
    # "So says Smith"
    attribution_openers: frozenset[str] = field(default_factory=frozenset)
    # the sentence after a quote that points back at it: "‘…’ Dat zegt wethouder Jansen."
    demonstratives: frozenset[str] = field(default_factory=frozenset)
    # "‘…’ Dat was de oproep van Hanna Kuiper": nouns for what someone said, and the word that
    # links them to the speaker
    speech_nouns: frozenset[str] = field(default_factory=frozenset)
    speech_prepositions: frozenset[str] = field(default_factory=frozenset)  # "Met deze uitspraak van X …"
    # the endings of nouns a writer uses for someone named before, never for a new person: "constateert
    # de overheidswaakhond", "zegt de bewindsvrouw", "zegt de 54-jarige", "said the 54-year-old"
    epithets: tuple[str, ...] = ()
    speech_of: frozenset[str] = field(default_factory=frozenset)
    # words after which a reporting verb names its listener, not its speaker: "zegt de wethouder
    # tegen Omroep Dalmeer", "said Smith to reporters"
    addressee_words: frozenset[str] = field(default_factory=frozenset)
    # roles of several words, read as one before a name: "officier van justitie mr. Inge ter Welle"
    multiword_roles: tuple[str, ...] = ()
    # phrases that introduce the speaker of the quote before them: "‘…’ Aan het woord is X"
    introductions: tuple[str, ...] = ()
    definite_articles: frozenset[str] = field(default_factory=frozenset)  # "de wethouder"
    indefinite_articles: frozenset[str] = field(default_factory=frozenset)  # "een woordvoerder"
    # titles that are only a form of address ("Mrs Jones"): kept with the surname, and linked
    # to a full name only when one person has that surname (the honorific tells a family apart)
    honorifics: frozenset[str] = field(default_factory=frozenset)
    # words that announce a title in quote marks: "het rapport ‘Samen aan het roer’"
    title_cues: frozenset[str] = field(default_factory=frozenset)
    # when set, a word before a role word joins the role only if it is a role modifier or ends
    # in one of these (Dutch attributive adjectives: "Groningse wethouder", not "apen houdt
    # primatoloog"); empty: any lower-case word may ("council leader", "housing spokesman")
    role_modifier_endings: tuple[str, ...] = ()
    # -- the faithful-shortening check (check.py): words whose cut can reverse or change a claim
    negations: frozenset[str] = field(default_factory=frozenset)  # niet, geen, nooit, zonder
    negation_suffixes: tuple[str, ...] = ()  # "n't" in don't, isn't
    number_words: frozenset[str] = field(default_factory=frozenset)  # twee, honderd, miljoen (also in compounds)
    number_joiners: tuple[str, ...] = ()  # "en" in vijfentwintig
    quantifiers: frozenset[str] = field(default_factory=frozenset)  # alle, alleen, slechts, meeste
    conditions: frozenset[str] = field(default_factory=frozenset)  # als, tenzij, mits
    # "niet X, maar Y": a cut of "niet X, maar" leaves the claim Y the speaker made
    contrast_words: frozenset[str] = field(default_factory=frozenset)
    clause_joiners: frozenset[str] = field(default_factory=frozenset)  # en, of: a clause ends before them
    # -- more of the harvest's words (people.py, kinds.py, text.py, speakers.py). Where the code
    # read one list of every language's words before the packs, it still does (``every``): a
    # Dutch article quotes "the", an English one names "van der Wel".
    organisation_joiners: frozenset[str] = field(default_factory=frozenset)  # "Raad van State", "Bank of England"
    role_prepositions: frozenset[str] = field(default_factory=frozenset)  # inside a role: "professor of public policy"
    role_enders: frozenset[str] = field(default_factory=frozenset)  # end a role after a name: "…, wethouder bij X"
    as_words: frozenset[str] = field(default_factory=frozenset)  # "werkt als", "works as"
    coordinators: frozenset[str] = field(default_factory=frozenset)  # "Sarah and David Jones"
    inside_role: frozenset[str] = field(default_factory=frozenset)  # a role goes on after them: "head of"
    affiliation_words: frozenset[str] = field(default_factory=frozenset)  # "Linda Stokman van Ommerland Vooruit": her party
    place_words: frozenset[str] = field(default_factory=frozenset)  # "burgemeester Brandsma van Wolde": a place
    relative_pronouns: frozenset[str] = field(default_factory=frozenset)  # "X, who …", "X, die …"
    not_speech_verbs: frozenset[str] = field(default_factory=frozenset)  # "lacht", "asks": no report
    naming_verbs: frozenset[str] = field(default_factory=frozenset)  # "Hij noemt ze een ‘…’": names, reports nothing
    complementizers: frozenset[str] = field(default_factory=frozenset)  # "hoopt dat": the clause after a verb of thought
    # verbs that report a clause without a conjunction ("Osei said the authority would …"), and
    # the words after them that are no clause ("said on Monday"): English
    bare_report_verbs: frozenset[str] = field(default_factory=frozenset)
    bare_report_stops: frozenset[str] = field(default_factory=frozenset)
    opinion_verbs: frozenset[str] = field(default_factory=frozenset)  # "De wethouder vindt het tijd voor …" (Dutch)
    clause_continuers: frozenset[str] = field(default_factory=frozenset)  # "…, X, dat …": more sentence, no apposition
    person_suffixes: tuple[str, ...] = ()  # role nouns by their ending: "woordvoerster", "spokesman"
    # the attribution after the words puts its subject before the verb too ("…, the Government
    # has announced", "…, she said"), and these words between are no subject (English)
    subject_before_verb: bool = False
    subject_skip_words: frozenset[str] = field(default_factory=frozenset)
    opening_adverbs: frozenset[str] = field(default_factory=frozenset)  # "Daarom", "Also": before the subject
    group_numbers: frozenset[str] = field(default_factory=frozenset)  # "drie adviesraden", "both parties"
    possessives: frozenset[str] = field(default_factory=frozenset)  # "zijn/its woordvoerder": the person named before
    # a role after a name by a verb: "X is wethouder", "X has been mayor" (regex fragments; the
    # longer forms are tried first), and the verbs of "X werkt als …", "X works as …"
    predicates: tuple[str, ...] = ()
    # parties written as words, lower case (those in capitals, "CDA", "D66", are read by their
    # shape): "Ann Webb (Labour)", "Eva Smit (GroenLinks)"
    party_words: frozenset[str] = field(default_factory=frozenset)
    # "X is één van de vrijwilligers": after each plain predicate, and the role keeps the words
    member_of: tuple[str, ...] = ()
    works_verbs: frozenset[str] = field(default_factory=frozenset)
    bare_role_enders: frozenset[str] = field(default_factory=frozenset)  # "Jansen als gebiedsregisseur bij …"
    organisation_prepositions: frozenset[str] = field(default_factory=frozenset)  # "Jan Bos van de FNV"
    origin_particles: frozenset[str] = field(default_factory=frozenset)  # where from: "wethouder Jansen van Dalmeer", "Lord Porter of Spalding, chairman …"
    own_account: tuple[str, ...] = ()  # "naar eigen zeggen": the subject reports it
    # labels before a numbered item: "Stap 1:", "Lesson 2." (item_labels); in boxes also "Regel 3:"
    item_labels: frozenset[str] = field(default_factory=frozenset)
    box_labels: frozenset[str] = field(default_factory=frozenset)
    # abbreviations that end in a full stop inside a sentence ("bijv.", "e.g."), and those of them
    # that stand before a name ("Dr.", "mr."): no sentence ends there
    abbreviations: tuple[str, ...] = ()
    name_abbreviations: tuple[str, ...] = ()
    # -- the other stages' words (keyword-only: every pack must give them)
    lexicon: Lexicon = field(kw_only=True)  # the selection's words (select/, titles, group)
    labels: Mapping[str, str] = field(kw_only=True)  # the rendered digest's words, keyed by LABEL_KEYS
    months: tuple[str, ...] = field(kw_only=True)  # January … December, as a date prints them
    date_format: str = field(kw_only=True)  # a full date: "{day} {month} {year}"
    month_format: str = field(kw_only=True)  # a month: "{month} {year}"
    detect_hints: frozenset[str] = field(kw_only=True)  # frequent function words, counted by detect()

    @property
    def normative_re(self) -> re.Pattern[str]:
        return _compile_normative(self.code, self.normative_patterns)

    @property
    def normative_inside_re(self) -> re.Pattern[str] | None:
        return _compile_inside(self.code, self.normative_inside) if self.normative_inside else None


@lru_cache(maxsize=None)
def _compile_normative(code: str, patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _compile_inside(code: str, patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)


def normalize(code: str) -> str:
    """``code`` as the registry spells it: lower case, without a region ("nl-BE" → "nl")."""
    return code.strip().lower().replace("_", "-").split("-")[0]


def unknown_language(code: object) -> LanguageError:
    """The one error for a language no pack knows."""
    return LanguageError(f"unknown language {code!r}; known: {', '.join(CODES)}")


@lru_cache(maxsize=None)
def get(code: str) -> Language:
    """The pack of ``code`` ("nl", "en", also "nl-BE"); an unknown code is a LanguageError."""
    base = normalize(code) if isinstance(code, str) else ""
    if base not in CODES:
        raise unknown_language(code)
    module = importlib.import_module(f"oogst.lang.{base}")
    language: Language = module.LANGUAGE
    return language


def known(code: str | None) -> bool:
    """Whether a pack exists for ``code``."""
    return isinstance(code, str) and normalize(code) in CODES


@lru_cache(maxsize=None)
def every(name: str) -> frozenset[str]:
    """Field ``name`` of every registered language together, for the checks that read all
    languages' words whatever the text's language."""
    return frozenset(w for code in CODES for w in getattr(get(code), name))


# -- detection ----------------------------------------------------------------------------
# ``detect`` counts each pack's ``detect_hints`` (its most frequent function words) in the start
# of a text. The figures behind the numbers below are bench/detect_shares.py's, measured on every
# Dutch and English text oogst has (the demo corpus, tests/gold, tests/editorial, and the 80 real
# pages of ../shared/realtext) and on German, French and Spanish news, tips and interviews of our
# own and a page of numbers (tests/lang/foreign/). A "token" is what spaces separate: a word, a
# number, a dash.
DETECT_CHARS = 20_000  # the start of a text is enough to tell, at a cost that does not grow with it
# The share counts a language's hint words apart from its DETECT_SHARED most frequent ones in the
# text: other languages write some of them as often as Dutch does ("de" and "en" in Spanish,
# French, Danish and Swedish; "je" in French), and what one or two shared words make up must not
# carry a language. Apart from one, a Spanish and a French interview reached 4.0 and 5.2 %;
# apart from two, 0 and 1.7 %.
DETECT_SHARED = 2
# Fewer tokens than this is too short to tell: a title, a caption, a sentence or two. Dutch
# titles often hold no hint word at all ("Dalmeer krijgt nieuw zwembad"), and too few words to
# measure a share: one hint word more or less is 2 % of 50. Such a text gets the default
# language unless another language's hints clearly outnumber its own (DETECT_MARGIN): nothing in
# it contradicts the default, and refusing short Dutch texts would be the worse mistake.
DETECT_MIN_TOKENS = 50
# ... and under this many characters: tokens count words only where spaces separate them. Whole
# Dutch and English texts have 5.3 to 7.3 characters per token (bench/detect_shares.py's corpora),
# so 49 tokens are some 360 characters; a longer text of fewer tokens is written in a script that
# separates its words by no spaces (Chinese, Japanese, Thai) and is judged, not read as a title.
DETECT_SHORT_CHARS = 600
# Below this share a text of DETECT_MIN_TOKENS or more reads as none of the registered languages.
# Measured: whole Dutch and English texts 8.5 % at the lowest (medians 15-20 %); German, French
# and Spanish 1.7 % at most, a page of numbers 0. Short documents are where the two meet, so
# windows of 50-100 tokens cut from every text stand for them: of about 10,000 Dutch and English
# windows of each size, 14 of 50 tokens fall under 3 %, 6 of 70, 1 of 80, none of 60 or 100; of
# about 100 foreign ones, one window of 60 tokens reaches it (3.3 %: two hint words in 60), none
# of the other sizes. 3 % is about 1.5 times the highest foreign share of a window of 50 or 100
# tokens and a third of the lowest whole Dutch or English text.
DETECT_MIN_SHARE = 0.03
# Another language than the default wins only when its hint words outnumber the default's by a
# fifth (the rule detection had before the thresholds, kept as it was: every Dutch and English
# text is read in the language it was read in before).
DETECT_MARGIN = 1.2

_ASCII_WORD = re.compile(r"[a-zA-Z]+")
_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What :func:`detect` weighs in a text: the best-supported language ``code``, the text's
    ``tokens`` (what spaces separate in its first DETECT_CHARS characters: words, numbers, marks)
    and ``share``, the part of them that are ``code``'s hint words, apart from its DETECT_SHARED
    most frequent ones. Tokens, not words by a regular expression: ``str.split`` costs a tenth,
    and detection runs on every document that does not give its language."""

    code: str
    tokens: int
    share: float
    chars: int = 0  # the length of what was read (at most DETECT_CHARS)

    @property
    def short(self) -> bool:
        """Too short to tell (a title, a caption): the default language unless another wins."""
        return self.tokens < DETECT_MIN_TOKENS and self.chars < DETECT_SHORT_CHARS

    @property
    def clear(self) -> bool:
        """Whether ``code`` may be taken: the text is too short to tell, or its share is enough."""
        return self.short or self.share >= DETECT_MIN_SHARE


def evidence(text: str) -> Evidence:
    """The counts :func:`detect` decides on (bench/detect_shares.py prints them per corpus)."""
    head = text[:DETECT_CHARS]
    seen = Counter(_ASCII_WORD.findall(head.lower()))  # counted in C; each pack's hints looked up in it
    default, *others = CODES
    counts = {code: [seen[w] for w in get(code).detect_hints if w in seen] for code in CODES}
    total = {code: sum(c) for code, c in counts.items()}
    best, best_total = default, -1
    for code in others:
        if total[code] > best_total:
            best, best_total = code, total[code]
    code = best if best_total > total[default] * DETECT_MARGIN else default
    tokens = len(head.split())
    shared = sum(sorted(counts[code], reverse=True)[:DETECT_SHARED])
    return Evidence(code, tokens, (total[code] - shared) / tokens if tokens else 0.0, len(head.strip()))


def detect(text: str) -> str:
    """The registered language ``text`` is written in, from its function words: another language
    than the default (``CODES[0]``) only when its words clearly outnumber the default's. A text
    too short to tell (under DETECT_MIN_TOKENS tokens and DETECT_SHORT_CHARS characters) gets
    that choice as it is; a
    longer one that reads as none of the languages (German, French, a page of numbers) is a
    :class:`~oogst.errors.LanguageError` naming the known languages. The caller says how to
    choose one (``--lang``, a document's ``lang``)."""
    found = evidence(text)
    if found.clear:
        return found.code
    head = text[:DETECT_CHARS]
    words, numbers = len(_WORD.findall(head)), len(_NUMBER.findall(head))
    if words * 2 < numbers:
        why = f"it is mostly numbers ({words} words, {numbers} numbers)"
    else:
        # in an editor's words: the measure (tokens, the two most frequent hints left out) is in
        # the docs and in bench/detect_shares.py
        why = (f"too few of its {words} words are everyday words of {' or '.join(CODES)} "
               f"({found.share:.1%}, where texts in those languages have {DETECT_MIN_SHARE:.0%} or more)")
    raise LanguageError(f"cannot tell the language of the text: {why}; known: {', '.join(CODES)}")


def choose(text: str, chosen: str | None = None, own: str | None = None) -> str:
    """The one rule for a document's language: ``chosen`` (an option such as ``--lang``), else
    the document's ``own`` (a JSONL ``lang``, front matter, ``<html lang>``), else detected from
    ``text``. A language that is given is never detected, and one no pack has is a
    :class:`~oogst.errors.LanguageError`, as an undetectable text is."""
    if chosen:
        return get(chosen).code
    if own:
        if not known(own):
            raise LanguageError(f"the document gives its language as {own!r}, which oogst has no pack for; "
                                f"known: {', '.join(CODES)}", given=own)
        return get(own).code
    return detect(text)


__all__ = ["CODES", "DETECT_CHARS", "DETECT_MIN_SHARE", "DETECT_MIN_TOKENS", "DETECT_SHARED", "DETECT_SHORT_CHARS",
           "Evidence", "LABEL_KEYS", "SUPPORTED", "Language", "LanguageError", "Lexicon", "choose", "detect", "every",
           "evidence", "get", "known", "normalize", "unknown_language"]
