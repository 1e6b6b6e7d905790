"""Who is who in a document: person mentions with their role and organisation.

A mention is a capitalised name sequence that is either a known first name + surname, or stands
in a context that makes it a person (a role before it, an apposition after it, a reporting
verb next to it). Roles and organisations come from the text around the mention.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from operator import itemgetter
from typing import NamedTuple

from oogst.harvest.text import matches_at, positions
from oogst.lang import CODES, Language, every, get

# Latin letters, with Latin Extended-A (Aydın, Łukasz, Šimić, Öztürk's ş and ğ) for the names
# of Dutch news as it is
_EXT_A = [chr(c) for c in range(0x100, 0x180)]
_UP = "A-ZÀ-ÖØ-Ý" + "".join(c for c in _EXT_A if c.isupper())
_LOW = "a-zß-öø-ÿ" + "".join(c for c in _EXT_A if c.islower())
# Possessive quantifiers (++): a run of lower-case letters never gives letters back, since
# nothing that may follow it starts with one; without them the engine retried every shorter
# prefix of every capitalised word (the name search is 1.7x faster with them, same matches).
# The hyphen parts stay backtracking: "Smith-Jones’s" must fall back to "Smith".
_CAP = rf"[{_UP}][{_LOW}]++(?:[’'][{_LOW}]++)?(?:-[{_UP}][{_LOW}]++)*"
_INITIALS = rf"(?:[{_UP}]\.){{1,3}}+"


# words of every language (oogst.lang) that the name and role readers test
_ORG_JOINERS = every("organisation_joiners")
_ROLE_PREPOSITIONS = every("role_prepositions")
_ROLE_ENDERS = every("role_enders")
_AS_WORDS = every("as_words")
_AFFILIATION = every("affiliation_words")
_PLACE_WORDS = every("place_words")
_ORIGIN = every("origin_particles")

PUNCTUATION = "‘’“”„\"'()[]{},.;:!?—–"  # stripped from a word's edges


def _prev_word(text: str, pos: int, raw: bool = False) -> str:
    """The word right before ``pos`` (punctuation stripped; with ``raw``, "" when punctuation
    separates it from ``pos``)."""
    parts = text[max(0, pos - 40) : pos].rsplit(None, 1)
    if not parts:
        return ""
    if raw and parts[-1][-1:] in PUNCTUATION:
        return ""
    return parts[-1].strip(PUNCTUATION)


_AGE = re.compile(r"\s*(?:\(\d{1,3}\)|,\s*\d{1,3},)")  # "Joke Schouten (78)", "Maureen Price, 67,"


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # the fullest form seen: "Anna de Vries"
    surname: str  # "de Vries"
    role: str | None
    organisation: str | None


class Mention(NamedTuple):
    start: int
    end: int
    person: Person


class Patterns(NamedTuple):
    """The compiled name patterns of one language (``_compiled``)."""

    full: re.Pattern[str]  # a name of two words or more
    title_run: re.Pattern[str]  # titles right before a name, looked for backwards
    titles_ahead: re.Pattern[str]  # titles at a name's start: "Dr Anna Smith"
    surname: re.Pattern[str]  # a surname, titles before it allowed
    age: re.Pattern[str]  # "(19)"
    initial: re.Pattern[str]  # the full stop of a surname's initial: "Gerben D."
    first_before_initial: re.Pattern[str]  # the first name before that initial
    name_before_age: re.Pattern[str]  # the first name before an age
    after_word: re.Pattern[str]  # a capital after a space that follows a word


def _patterns(lang: Language) -> Patterns:
    return _compiled(lang.code)


@lru_cache(maxsize=None)
def _title_words(code: str) -> tuple[str, ...]:
    from oogst.lang import get

    return tuple(_longest_first(get(code).titles))


def _longest_first(words: frozenset[str]) -> list[str]:
    """For an alternation: longer words first (so "prof." wins over "prof"), ties in a fixed
    order, so that the pattern does not depend on the process's hash seed."""
    return sorted(words, key=lambda w: (-len(w), w))


@lru_cache(maxsize=None)
def _compiled(code: str) -> Patterns:
    from oogst.lang import get

    lang = get(code)
    parts = _longest_first(lang.particles)
    part = "|".join(re.escape(p) for p in parts)
    cap_part = "|".join(re.escape(p[0].upper() + p[1:]) for p in parts if p[0].isalpha())
    titles = "|".join(re.escape(t) for t in _longest_first(lang.titles))
    # The name pattern opens with a character class (the capital, then a look-behind for the
    # character before it) so that the regex engine can skip to the next capital instead of
    # trying the whole pattern at every position: about 2.5x faster on running text. Titles
    # before the name ("prof. dr.") are found by looking back from a match (``title_run``).
    first = rf"[{_UP}](?<![\w’'].)(?:[{_LOW}]++(?:[’'][{_LOW}]++)?(?:-[{_UP}][{_LOW}]++)*|\.(?:[{_UP}]\.){{0,2}}+)"
    name = (
        rf"(?P<first>{first})(?:[^\S\n]++(?P<middle>{_CAP}|{_INITIALS}))?"
        rf"(?P<sur>(?:[^\S\n]++(?:{part}))*[^\S\n]++{_CAP})"
    )
    # white space inside a name never holds a line break: "Vincent Buskens\nSocioloog" is a
    # name and a caption, "Cllr Platts\n\nLabour" a name and a heading
    surname = rf"(?P<sur2>(?:(?:{cap_part})[^\S\n]++(?:(?:{part})[^\S\n]++)*)?{_CAP})"
    return Patterns(
        full=re.compile(rf"{name}(?![\w’])"),
        title_run=re.compile(rf"(?<![\w’'])(?:(?:{titles})[^\S\n]+)+\Z"),
        titles_ahead=re.compile(rf"(?:(?:{titles})[^\S\n]+)+"),
        surname=re.compile(rf"(?<![\w’'])(?:(?:{titles})[^\S\n]+)*{surname}(?![\w’])"),
        # a first name alone with an age: "Dewi (19)", as news writes young people and patients
        # (a known first name, or one an apposition or a reporting verb follows: not "Ajax (3)");
        # found from the age (rare), then the word before it
        age=re.compile(r"\(\d{1,3}\)"),
        # a first name and the initial of a surname, as crime and court reports write suspects
        # and victims: "verdachte Gerben D.", "Mohamed el A."; found from the initial's full
        # stop (the engine skips to full stops), then the first name before it
        initial=re.compile(rf"\.(?<=(?<![\w’'.])[{_UP}]\.)(?!\w)"),
        first_before_initial=re.compile(rf"(?<![\w’'])[{_UP}][{_LOW}]++(?P<parts>(?:[^\S\n]++(?:{part}))*)[^\S\n]++\Z"),
        name_before_age=re.compile(rf"(?<![\w’'])[{_UP}][{_LOW}]+(?=\s*\Z)"),
        # a capital after a space that follows a word, not punctuation: where a surname after
        # a role word can start ("wethouder Pietersen"); after a longer run of spaces, the
        # caller looks at what comes before the run
        after_word=re.compile(rf"[{_UP}](?:(?<=[^\s{re.escape(PUNCTUATION)}]\s.)|(?<=\s\s.))[{_LOW}]"),
    )


# Cached per (language, word): the same few thousand words recur across a batch, and these
# checks run for every capitalised word (about a third of all harvest time uncached).
@lru_cache(maxsize=200_000)
def _is_role(code: str, word: str) -> bool:
    from oogst.lang import get

    lang, w = get(code), word.lower()
    if w in lang.roles or (len(w) > 6 and w.endswith(lang.role_suffixes)):
        return True
    # a plural: "projectleiders Myriam de Jong en Siep Littooij", "adviseurs", "councillors"
    return len(w) > 5 and w.endswith("s") and (w[:-1] in lang.roles or (len(w) > 7 and w[:-1].endswith(lang.role_suffixes)))


@lru_cache(maxsize=200_000)
def _is_organisation(code: str, word: str) -> bool:
    from oogst.lang import get

    lang, w = get(code), word.lower()
    if w in lang.organisation_words:
        return True
    tails = _organisation_tails(code)
    return w.endswith(tails) and any(len(w) >= len(o) + 3 and w.endswith(o) for o in tails)


@lru_cache(maxsize=None)
def _organisation_tails(code: str) -> tuple[str, ...]:
    """Organisation words long enough to end a compound: "werkorganisatie", "zorgaanbieder"."""
    from oogst.lang import get

    return tuple(sorted(o for o in get(code).organisation_words if len(o) >= 5))


def _singular(word: str, lang: Language) -> str:
    """ "projectleiders Myriam de Jong en …": each of them is a projectleider."""
    w = word.lower()
    if w in lang.roles or (len(w) > 6 and w.endswith(lang.role_suffixes)) or not w.endswith("s"):
        return word
    return word[:-1]


def is_role_word(word: str, lang: Language) -> bool:
    return _is_role(lang.code, word)


def _role_token(token: str, lang: Language) -> bool:
    """Whether a whitespace token, punctuation stripped, is a role word."""
    return _is_role(lang.code, token.strip(PUNCTUATION))


def is_organisation_word(word: str, lang: Language) -> bool:
    """"gemeente", and compounds that end in one: "Werkorganisatie", "Belastingdienst"."""
    return _is_organisation(lang.code, word)


def is_organisation_name(token: str, lang: Language) -> bool:
    """A token that names an organisation by itself: an organisation word ("gemeente",
    "beheersstichting"), capitals ("GBLV", "VNG") or a capital with a digit ("D66")."""
    return is_organisation_word(token.lower(), lang) or (len(token) >= 2 and token.isupper()) \
        or (token[:1].isupper() and any(c.isdigit() for c in token))


_ORG_TOKEN = re.compile(r"[\w’'&-][\w’'&-]*+")


def _org_after(text: str, pos: int, lang: Language) -> tuple[str | None, int]:
    """An organisation phrase at ``pos`` ("de gemeente Midden-Oost" → "gemeente Midden-Oost")."""
    toks = list(_ORG_TOKEN.finditer(text[pos : pos + 100]))
    if toks and toks[0].group(0).lower() in lang.definite_articles and toks[0].start() < 3:
        toks = toks[1:]
    if not toks:
        return None, pos
    first = toks[0].group(0)
    if not first[0].isupper() and not is_organisation_word(first.lower(), lang):  # also "beheersstichting"
        return None, pos
    end_tok = toks[0]
    for k in range(1, len(toks)):
        word = toks[k].group(0).rstrip(".")
        gap = text[pos + toks[k - 1].end() : pos + toks[k].start()]
        if gap.strip():
            break
        if word[:1].isupper() or word[:1].isdigit():
            end_tok = toks[k]
        elif word in _ORG_JOINERS and k + 1 < len(toks) and toks[k + 1].group(0)[:1].isupper():
            continue
        else:
            break
    start = pos + toks[0].start()
    end = pos + end_tok.end()
    org = text[start:end].rstrip(".")
    return org, start + len(org)


def _alternatives(words: frozenset[str], escape: bool = True) -> str:
    """An alternation of ``words``, the longer first (an alternation takes the first that fits),
    in a fixed order (not the hash seed's)."""
    return "|".join(re.escape(w) if escape else w for w in sorted(words, key=lambda w: (-len(w), w)))


_ARTICLES = every("definite_articles") | every("indefinite_articles")
_ARTICLE_ALT = _alternatives(_ARTICLES)



def _predicates() -> frozenset[str]:
    """Every language's ``predicates``, and each plain one with each ``member_of`` phrase of its
    language: "is één van de", "was one of the"."""
    out: set[str] = set()
    for code in CODES:
        lang = get(code)
        out.update(lang.predicates)
        out.update(f"{p} {re.escape(m)}" for p in lang.predicates if _PLAIN.fullmatch(p) for m in lang.member_of)
    return frozenset(out)


_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
# the longer forms first: an alternation takes the first that fits, and a bare "is" would
# leave "sinds 2022 wethouder" to be read as the role (the words: ``predicates`` in oogst.lang)
_PREDICATE = re.compile(
    rf"\s*(?:,|\(|\s(?:{_alternatives(_predicates(), escape=False)})\s)\s*(?:(?:{_ARTICLE_ALT})\s+)?"
)


# "Thomas Verbeek werkt al twaalf jaar bij het Rijk, de laatste vijf als regiocoördinator",
# "Ann Webb works as a nurse" — and, with no verb, "Daar werkt Roelof Jansen als
# gebiedsregisseur" (the verb came before the name), where the role must then end the clause
_WORKS_AS = re.compile(
    rf"(?P<verb>\s(?:{_alternatives(every('works_verbs'))})\b[^.;:!?‘’“”\"\n]{{0,60}}?)?\s(?:{_alternatives(_AS_WORDS)})\s"
    rf"(?:(?:{_ARTICLE_ALT})\s+)?"
)
_BARE_ROLE = re.compile(rf"([\w’'\-]+(?:\s+[\w’'\-]+)?)(?=\s*(?:[,.;:!?)]|$|\s(?:{_alternatives(every('bare_role_enders'))})\s))")

# "is één van de vrijwilligers": the role is one of a group, and says so
_MEMBER_OF = re.compile(rf"\b(?:{_alternatives(every('member_of'))})$", re.IGNORECASE)

_PARENTHETICAL = re.compile(r"\s*\([^()\n]{1,40}\)")  # "(D66)", "(Wonen)", "(48, Dalmeer)"


def role_after(text: str, pos: int, lang: Language, *, glued: bool = False) -> tuple[str | None, str | None]:
    """Role and organisation from an apposition or predicate after a name at ``pos``; a
    parenthetical that holds none ("Karin Pietersen (D66) is wethouder") is stepped over.
    ``glued``: also a role right after the name without a comma, for a name that opens with a
    known first name ("the County’s Housing spokesman" is no person with a role)."""
    role, org = _role_after(text, pos, lang)
    if role is None and text[pos : pos + 3].lstrip()[:1] == "(":
        paren = _PARENTHETICAL.match(text, pos)
        if paren:
            role, org = _role_after(text, paren.end(), lang)
            return role, org or _party(paren.group(0))
    if role is None and text[pos : pos + 1].isspace():
        # "Lord Porter of Spalding, chairman of …", "Jan Bos uit Dalmeer, voorzitter van …":
        # where the person is from, then the apposition
        origin = _ORIGIN_BEFORE_APPOSITION.match(text, pos, pos + 60)
        if origin:
            role, org = _role_after(text, origin.end(), lang)
            if org and not org[0].isupper() and " " not in org:
                # "Gijs Rutten van Grensdal, bestuurlijk trekker van de deal": the place names
                # his organisation better than a common noun does
                org = origin.group(0).split(None, 1)[1]
            return role, org
    if role is None and glued:
        return _role_glued(text, pos, lang)
    return role, org


def is_aside(gap: str) -> bool:
    """Whether ``gap``, between a name and its verb or colon, leaves the name the subject:
    nothing, where the person is from (" of Tenbury") or a parenthetical (" (NP RES)")."""
    gap = gap.rstrip()
    return not gap or _ORIGIN_ONLY.fullmatch(gap) is not None or _PARENTHETICAL.fullmatch(gap) is not None


# where someone is from: " of Tenbury", " uit Hoorndijk" (a place: capitals)
_ORIGIN_ONLY = re.compile(rf"\s(?:{_alternatives(_ORIGIN)})\s+[A-ZÀ-Þ][\w-]*+(?:\s[A-ZÀ-Þ][\w-]*+)?")
_ORIGIN_BEFORE_APPOSITION = re.compile(_ORIGIN_ONLY.pattern + "(?=,)")


# "Sandra Katerberg (CDA)", "Karin Pietersen (D66)", "Ann Webb (Labour)": a party or an
# organisation in capitals in brackets after a name, not an age, a place or a portfolio
_ACRONYM = re.compile(r"(?=(?:\w*[A-Z0-9]){2})[A-Z][A-Za-z0-9]{1,7}")
_PARTY_JOINERS = every("coordinators")
_PARTY_WORDS = every("party_words")


def _party(paren: str) -> str | None:
    inner = paren.strip().strip("()").strip()
    words = inner.replace("-", " ").split()
    if not words or len(words) > 4 or words[0][0].isdigit():
        return None
    if all(_ACRONYM.fullmatch(w) or w.lower() in _PARTY_WORDS or w in _PARTY_JOINERS for w in words) \
            and words[0] not in _PARTY_JOINERS and words[-1] not in _PARTY_JOINERS:
        return inner
    if _ACRONYM.fullmatch(words[0]) and all(w[0].isupper() for w in words[1:]):
        return inner  # "(IBP Vitaal Platteland)": an organisation's short name, then its words
    return None


_NEXT_WORD = re.compile(r"[^\S\n]+([\w’'-]+)")


def _role_glued(text: str, pos: int, lang: Language) -> tuple[str | None, str | None]:
    """ "vraagt Sanne Kuipers projectleider bij gemeente Dalmeer": a role word right after the
    name without a comma, when the clause ends there or an organisation follows ("bij …",
    "van …"); not when a name follows ("Jan Bos wethouder Smit") or the sentence goes on."""
    w = _NEXT_WORD.match(text, pos)
    if w is None or not w.group(1)[:1].islower() or not is_role_word(w.group(1), lang):
        return None, None
    if text[w.end() : w.end() + 1] in (",", ".", ";", ":", "!", "?", ")") or w.end() == len(text):
        return w.group(1), None
    nxt = _NEXT_WORD.match(text, w.end())
    if nxt is not None and nxt.group(1).lower() in _ROLE_ENDERS:
        org, _ = _org_after(text, nxt.end(), lang)
        if org:
            return w.group(1), org
    return None, None


def _role_after(text: str, pos: int, lang: Language) -> tuple[str | None, str | None]:
    age = _AGE.match(text, pos)  # "Tom Reed, 54, a retired teacher", "Karin Pietersen (48), verpleegkundige"
    if age:
        pos = age.end() - 1 if text[age.end() - 1] == "," else age.end()
    tail = text[pos : pos + 160]
    m = _PREDICATE.match(tail) or _WORKS_AS.match(tail)
    if not m:
        return None, None
    if m.re is _WORKS_AS and not m.group("verb"):
        # "Jansen als gebiedsregisseur." yes; "Reed as the mayor looked on" no: one or two
        # words that hold a role word and end the clause (or lead to the organisation)
        bare = _BARE_ROLE.match(tail, m.end())
        if not bare or not any(is_role_word(w, lang) for w in bare.group(1).split()):
            return None, None
    # the first eight words are read, and _role_follows looks three past them
    words = list(islice(_ROLE_WORD.finditer(tail, m.end()), 11))
    role_words: list[str] = []
    org: str | None = None
    found = False
    for k, w in enumerate(words[:8]):
        word = w.group(0)
        nxt_word = words[k + 1].group(0) if k + 1 < len(words) else ""
        if word.lower() in _ROLE_PREPOSITIONS and found and nxt_word[:1].islower() \
                and nxt_word not in _ARTICLES:
            role_words.append(word)  # "professor of public policy", "lecturer in planning"
            continue
        if word.lower() in _ROLE_ENDERS:
            if found:
                org, _ = _org_after(text, pos + w.end(), lang)
            break
        if not word[0].islower() and not is_role_word(word, lang) and not _role_follows(tail, words, k, lang):
            break
        role_words.append(word)
        found = found or is_role_word(word, lang)
        gap = tail[w.end() : w.end() + 1]
        if gap in (",", ")", ".", ";", ":"):
            break
    if not found:
        return None, None
    while role_words and not is_role_word(role_words[-1], lang) and role_words[-1].lower() in lang.function_words:
        role_words.pop()
    # "is al zes jaar dijkgraaf", "is als lid van de raad": the time or "als" before the role is not part of it
    while role_words and not is_role_word(role_words[0], lang) and (role_words[0].lower() in lang.stopwords
                                                                     or role_words[0].lower() in _AS_WORDS):
        role_words.pop(0)
    if not role_words or role_words[0].lower() in lang.reporting_verbs:
        return None, org  # ", told councillors:": the sentence goes on, no apposition
    member = _MEMBER_OF.search(m.group(0).rstrip())
    return (f"{member.group(0)} " if member else "") + " ".join(role_words), org


def _role_follows(tail: str, words: list[re.Match[str]], k: int, lang: Language) -> bool:
    """Whether a role word follows word ``k`` within three words, in the same clause: "Martin
    Tett, the LGA’s Housing spokesman", "Jan Bos, Dalmeer-wethouder"."""
    for j in range(k + 1, min(k + 4, len(words))):
        if any(c in ",.;:()" for c in tail[words[j - 1].end() : words[j].start()]):
            return False
        if is_role_word(words[j].group(0), lang):
            return True
    return False


_ORG_AFTER_NAME = re.compile(rf"\s+(?:{_alternatives(every('organisation_prepositions'))})\s+"
                             rf"(?:(?:{_alternatives(every('definite_articles'))})\s+)?(\w+)")


def org_after_name(text: str, pos: int, lang: Language) -> str | None:
    """ "Anna de Vries van waterschap Lage Landen": the organisation right after a name."""
    m = _ORG_AFTER_NAME.match(text[pos : pos + 60])
    if not m:
        return None
    if is_organisation_word(m.group(1).lower(), lang):  # "van de beheersstichting Lievingerveld" too
        return _org_after(text, pos + m.start(1), lang)[0]
    if m.group(1)[:1].isupper():
        # "Judith Mulder van Natuur en Milieufederatie Drenthe": a capitalised phrase that
        # holds an organisation word (or a compound ending in one) somewhere in it
        org, _ = _org_after(text, pos + m.start(1), lang)
        if org and any(is_organisation_word(w, lang) for w in _ORG_TOKEN.findall(org) if w[:1].isupper()):
            return org
    return None


@lru_cache(maxsize=None)
def _attribution_openers(code: str) -> frozenset[str]:
    """"volgens", "according", "aldus": words that introduce a speaker, never part of a role."""
    from oogst.lang import get

    lang = get(code)
    return frozenset(p.split()[0] for p in lang.according_to) | lang.attribution_words


_ROLE_WORD = re.compile(r"[\w’'\-][\w’'\-]*+")
_PAIR_BEFORE = re.compile(rf"(?<![\w’'])([{_UP}][{_LOW}]++)\s++(?:{_alternatives(every('coordinators'))})\s++\Z")
_NO_ROLE_BEFORE = frozenset(",.;:()‘“„\"\n")
_HEAD_TOKEN = re.compile(r"[\w’'\-]+|[,.;:()‘’“”„\"]")


def _multiword_role(text: str, end: int, lang: Language) -> str | None:
    """A role of several words ending at ``end``, as written ("commissaris van de Koning")."""
    tail = text[max(0, end - 41) : end].lower()
    if not lang.multiword_roles or not tail.endswith(lang.multiword_roles):
        return None
    for phrase in lang.multiword_roles:
        if tail.endswith(phrase) and (len(tail) == len(phrase) or not tail[-len(phrase) - 1].isalnum()):
            written = text[end - len(phrase) : end]
            return written[0].lower() + written[1:]
    return None


def _head_tokens(text: str, pos: int) -> list[str]:
    """The tokens of the line before ``pos``, up to 80 characters back: the last six of them
    as from the 80 characters (five words and the one before them are read), all of them when
    there are six or fewer. Past its first token a shorter window has the tokens of the longer
    one, so 48 characters are read first and the 80 only when they hold fewer than seven
    tokens: in 2 % of the calls on the Dutch demo corpus, 4 % on the Dutch gold texts and none
    on the English ones (``bench/harvest_speed.py``'s texts, 2026-12-04)."""
    head = text[max(0, pos - 48) : pos].rsplit("\n", 1)[-1]
    tokens = _HEAD_TOKEN.findall(head)
    if len(tokens) < 7 and pos > 48 and len(head) == 48:
        tokens = _HEAD_TOKEN.findall(text[max(0, pos - 80) : pos].rsplit("\n", 1)[-1])
    return tokens


def role_before(text: str, pos: int, lang: Language) -> tuple[str | None, str | None]:
    """Role from the words right before a name: "wethouder", "hoogleraar bestuurskunde"."""
    j = pos - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    if j < 0 or text[j] in _NO_ROLE_BEFORE:
        return None, None  # the name opens a sentence, a line or a bracket: no role word before it
    phrase = _multiword_role(text, j + 1, lang)
    if phrase:
        return phrase, None  # "officier van justitie mr. Inge ter Welle"
    everything = _head_tokens(text, pos)
    words = everything[-5:]
    cut = len(everything) - len(words)
    out: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if not word[0].isalpha():
            break
        if is_role_word(word, lang):
            out.insert(0, word)
            for j in range(k - 1, max(0, k - 2) - 1, -1):  # "council leader", "deputy mayor"
                mod = words[j]
                low = mod.lower()
                at_line_start = pos <= 80 or "\n" in text[pos - 80 : pos]
                prev = everything[cut + j - 1] if cut + j > 0 else ("." if at_line_start else "")
                # "Council leader Jane Doe said", but not "Meanwhile mayor Jane Doe said"
                initial = prev in (".", ":", "‘", "“", "„", '"', "(") and low in lang.role_modifiers
                if not mod[0].isalpha() or low in lang.function_words or low in lang.reporting_verbs \
                        or low in lang.separable_verbs \
                        or low in lang.stopwords or low in _attribution_openers(lang.code) \
                        or (mod[0].isupper() and low not in lang.roles and low not in lang.role_modifiers) \
                        or (lang.role_modifier_endings and low not in lang.role_modifiers
                            and not is_role_word(low, lang) and not low.endswith(lang.role_modifier_endings)):
                    break
                out.insert(0, mod)
                if initial:
                    break
            break
        if word[0].islower() and len(out) < 2 and word.lower() not in lang.function_words:
            out.insert(0, word)
            continue
        if k == len(words) - 1 and k > 0 and word[0].isupper() and is_role_word(words[k - 1], lang) \
                and word not in lang.not_names:
            continue  # "wethouder Wonen Bert Doorn": the portfolio, left out of the role as "(Wonen)" is
        break
    if out and any(is_role_word(w, lang) for w in out):
        # "City Manager" → "city manager"; a name inside a role keeps its capital ("wethouder
        # van Emmen" is not built here, but "Dalmeer-wethouder" could be)
        role = " ".join(_singular(w.lower(), lang) if is_role_word(w, lang)
                        else (w.lower() if k == 0 or w.lower() in lang.role_modifiers else w)
                        for k, w in enumerate(out))
        return role, None
    return None, None


_CLAUSE_START = re.compile(r"(?:^|[.!?;:\n‘“„\"(]\s*)(?=[^.!?;:\n]*$)")


def role_in_apposition_before(text: str, start: int, end: int, lang: Language) -> tuple[str | None, str | None]:
    """"The council’s head of planning, Sarah Jones, said" / "De wethouder van Emmen, Karin
    Pietersen, zegt": the name is itself the apposition, the role is the clause before it."""
    if text[end : end + 1] != "," or text[max(0, start - 2) : start] != ", ":
        return None, None
    lo = max(0, start - 2 - 90)
    head = text[lo : start - 2]
    m = _CLAUSE_START.search(head)
    clause = (head[m.end() :] if m else head).strip()
    if not clause or "," in clause:
        return None, None
    # the noun phrase that ends the clause: back from the comma to an article or another
    # function word ("The plan was praised by the head of planning" → "head of planning");
    # prepositions inside a role ("head of planning", "wethouder van Emmen") are kept
    words = clause.split()
    k = len(words)
    while k > 0 and len(words) - k < 8:
        low = words[k - 1].lower().strip(PUNCTUATION)
        inside = low in _INSIDE_ROLE or (  # "spokesperson for the council", "wethouder van de gemeente"
            (low in lang.definite_articles or low in lang.indefinite_articles) and k >= 2
            and words[k - 2].lower() in _INSIDE_ROLE)
        if inside or not (low in lang.function_words or low in lang.stopwords or low in lang.reporting_verbs):
            k -= 1
            continue
        break
    phrase = " ".join(words[k:])
    if not phrase or not phrase[0].isalpha():
        return None, None
    return role_after(", " + phrase + ",", 0, lang)


_COORDINATORS = every("coordinators")
_INSIDE_ROLE = every("inside_role")


class Found(NamedTuple):
    """One name found in the text, before the mentions are linked to persons (``_merge``)."""

    start: int
    end: int
    name: str  # as written, the fullest form here: "Anna de Vries", or "De Vries" alone
    surname: str
    role: str | None
    organisation: str | None


def find_people(text: str, lang: Language, exclude: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Person mentions in order, each with the fullest known form of the person.

    The passes, each adding what it finds to ``found``: full names (with their titles, roles and
    organisations), the same names in capitals, lone surnames next to a reporting verb after a
    quote, first names that share a surname ("Sarah and David Jones"), first names with an
    initial or an age, surnames of people already found or after a role word, and role
    descriptions of people found; then every mention is linked to one person."""
    pats = _patterns(lang)
    found: list[Found] = []
    surnames: set[str] = set()  # of the names found so far
    _full_names(text, lang, pats, found, surnames)
    _names_in_capitals(text, lang, found)
    _lone_speakers(text, lang, found, surnames)
    found.sort(key=_position)
    _shared_surnames(text, lang, found, surnames)
    _initials_and_ages(text, lang, pats, found)
    _surnames(text, lang, found)
    found.sort(key=_position)
    found.extend(_descriptions(text, found, lang))
    found.sort(key=_position)
    return _merge(found, exclude or [], lang.honorifics)


# a Found's (start, end), read in C: a sort key written as a function is one Python call per item
_position = itemgetter(0, 1)
_START, _END = itemgetter(0), itemgetter(1)


def _full_names(text: str, lang: Language, pats: Patterns, found: list[Found], surnames: set[str]) -> None:
    """Names of two words or more ("Anna de Vries", "Dr Anna Smith"), with the role and
    organisation before, after or around them."""
    complete: set[str] = set()
    pos = 0
    titles_from: int | None = None  # where skipped titles began, for the name after them
    alone: dict[tuple[str, str], bool] = {}  # _surname_alone answers for this text
    title_words = _title_words(lang.code)
    while (m := pats.full.search(text, pos)) is not None:
        look_from = pos if titles_from is None else titles_from  # titles belong to this name only
        titles_from = None
        first = m.group("first")
        name_start = m.start("first")
        if first in lang.titles:  # "Dr Anna Smith", "Cllr Dr. Jane Smith": the titles, then the name
            ahead = pats.titles_ahead.match(text, m.start())
            after = ahead.end() if ahead else m.end("first") + 1
            if pats.full.match(text, after):
                pos, titles_from = after, m.start()
                continue
            if not m.group("middle") and first not in lang.honorifics:
                # "Cllr Jones said": a title and a surname ("Mrs Jones" stays whole, and is
                # linked to a full name at the end only when one person has that surname)
                name_start = m.end("sur") - len(m.group("sur").strip())
        if first in lang.not_names or first.lower() in lang.particles or is_role_word(first, lang) or is_organisation_word(first, lang):
            pos = m.start("first") + len(first)
            continue
        middle = m.group("middle")
        if first not in lang.first_names and middle and middle in lang.first_names:
            pos = m.start("middle")  # "Streekarchivaris Corine Lambers": a role, then the name
            continue
        if middle and is_role_word(middle, lang) and first not in lang.first_names:
            pos = m.end("middle")  # "Fire Chief Luis Ortega": a role of two words, then the name
            continue
        pos = m.end()
        titled = None
        if m.start() > look_from and text[m.start() - 1].isspace():  # a title is a word right before the name
            last = text[max(look_from, m.start() - 16) : m.start()].rsplit(None, 1)
            if last and last[-1].endswith(title_words):
                titled = pats.title_run.search(text, max(look_from, m.start() - 40), m.start())
        at = titled.start() if titled else m.start()  # where the name begins, titles included
        sur = m.group("sur").strip()
        name_end = m.end()
        if middle and middle not in lang.first_names and "." not in middle and sur.split()[0] in lang.particles:
            # "Ingrid Pietersen van Dalmeer": "van Dalmeer" is where she is from, not her name
            sur, name_end = middle, m.end("middle")
            pos = name_end
        elif not middle and first not in lang.first_names and len(sur.split()) == 2 and sur.split()[0] in _ORIGIN \
                and role_before(text, at, lang)[0] \
                and (first in surnames or _surname_alone(text, first, sur, m.start(), alone)):
            # "wethouder Jansen van Dalmeer … zegt Jansen": a surname after a role word, then
            # where he is from, when Jansen is a surname seen before or used alone
            # ("programmamanager Hanna van Leeuwen" is a name: Hanna is neither)
            sur, name_end = first, m.end("first")
            pos = name_end
        if sur.split()[-1] in lang.not_names and " " not in sur:  # "van der Wel" is a name
            continue
        if first not in lang.first_names and is_organisation_word(sur.split()[-1], lang):
            continue  # "Amberline Buses said": a company
        before = _prev_word(text, at, raw=True)
        if is_organisation_word(before, lang) and not titled:
            continue
        name = text[name_start:name_end].strip()
        if name in complete:  # role and organisation already known: later mentions add nothing
            found.append(Found(name_start, name_end, name, sur, None, None))
            surnames.add(sur)
            continue
        role, org = role_before(text, at, lang)
        # a role glued to the name without a comma: after a known first name, or after the
        # reporting verb that introduces the speaker ("vraagt Jessie Riechelman projectleider bij …")
        r2, o2 = role_after(text, name_end, lang,
                            glued=first in lang.first_names or before.lower() in lang.reporting_verbs)
        if first not in lang.first_names and before in _AFFILIATION and r2 is None:
            # "Linda Stokman van Ommerland Vooruit noemt het …": her party, no person; but "de
            # oproep van Jantine Kriens, algemeen directeur van …" names one by her role
            continue
        role, org = role or r2, org or o2 or org_after_name(text, name_end, lang)
        if not role:
            role, o3 = role_in_apposition_before(text, at, name_end, lang)
            org = org or o3
        if not role:  # a title that is a role: "Councillor Ann Webb"
            role = next((t.strip(".").lower() for t in text[at : m.start("first")].split()
                         if is_role_word(t.strip("."), lang)), None)
        if found and not role and text[found[-1].end : at].strip() in _COORDINATORS and found[-1].role \
                and found[-1].end > at - 6:
            role = found[-1].role  # "projectleiders Myriam de Jong en Siep Littooij": the role is theirs both
        if first not in lang.first_names and not role and not titled and not _near_verb(text, at, name_end, lang) \
                and not _AGE.match(text, name_end):
            continue
        if role and org:
            complete.add(name)
        found.append(Found(name_start, name_end, name, sur, role, org))
        surnames.add(sur)


def _names_in_capitals(text: str, lang: Language, found: list[Found]) -> None:
    """ "primatoloog FRANS DE WAAL (59)": an introduction with the name in capitals, as page
    intros and captions write it; a person named in full elsewhere is found there too."""
    fulls = {f.name: f.surname for f in found if f.name != f.surname and " " in f.name}
    if len(fulls) > MANY_NAMES:
        return
    for name, sur in fulls.items():
        caps = name.upper()
        if caps == name:
            continue
        at = text.find(caps)
        while at >= 0:
            end = at + len(caps)
            if (not at or not _word_char(text[at - 1])) and (end >= len(text) or not _word_char(text[end])):
                role, org = role_before(text, at, lang)
                r2, o2 = role_after(text, end, lang)
                found.append(Found(at, end, name, sur, role or r2, org or o2))
            at = text.find(caps, end)


def _lone_speakers(text: str, lang: Language, found: list[Found], surnames: set[str]) -> None:
    """ “…,” said Cutts. / “…,” Monday told the council. / ‘…,’ zegt Bakker.: a lone capitalised
    word next to the reporting verb right after a closing mark is the speaker's surname (not a
    sentence's first word, so the list of capitalised non-names does not apply)."""
    named_at = {f.start for f in found}
    first_words = {f.name.split()[0] for f in found}
    longer: dict[str, bool] = {}
    marks = positions(text, _LONE_MARKS)  # where _lone_speaker_re can start
    for m in islice(matches_at(_lone_speaker_re(lang.code), text, marks), MAX_LONE):
        word = m.group("a") or m.group("b")
        at = m.start("a") if m.group("a") else m.start("b")
        low = word.lower()
        last_word = word.rsplit(None, 1)[-1]
        if at in named_at or low in lang.pronouns or low in lang.function_words or low in lang.stopwords \
                or low in lang.definite_articles or low in lang.indefinite_articles \
                or is_role_word(last_word, lang) or is_organisation_word(last_word, lang):
            continue
        if word in surnames or word in first_words:
            continue  # a known name: found by the surname search below
        typo = next((k for k in surnames if _one_typo(word, k)), None) if len(surnames) <= MANY_NAMES else None
        if typo is not None:
            found.append(Found(at, at + len(word), typo, typo, None, None))  # "vindt Maast" after "Theo Maas"
            continue
        if word not in longer:
            longer[word] = _longer_name(word).search(text) is not None
        if longer[word]:
            continue  # part of a longer name elsewhere: "Amberline Buses", "Salters Ferry"
        role, org = role_before(text, at, lang)
        if not role:
            role, org = role_after(text, at + len(word), lang)
        found.append(Found(at, at + len(word), word, word, role, org))
        surnames.add(word)


@lru_cache(maxsize=4_096)
def _longer_name(word: str) -> re.Pattern[str]:
    """``word`` as the start of a longer name: a whole word, then a capital ("Amberline Buses").
    It opens with the word itself, so the engine skips to it (a pattern that opens with the
    look-behind is tried at every character); the look-behind after it checks the character
    before the word."""
    return re.compile(rf"{re.escape(word)}(?<![\w’'-].{{{len(word)}}})[^\S\n]+[{_UP}]")


def _shared_surnames(text: str, lang: Language, found: list[Found], surnames: set[str]) -> None:
    """ "Sarah and David Jones", "Anna en Piet de Vries": the first first name shares the surname."""
    for f in list(found):
        if f.name != f.surname and " " in f.name:
            # the pattern ends in a coordinator and white space: test that first, since a
            # pattern anchored at its end is tried at every character before it
            head = text[max(0, f.start - 30) : f.start].rsplit(None, 1)
            if not text[f.start - 1 : f.start].isspace() or not head or head[-1] not in _COORDINATORS:
                continue
            pair = _PAIR_BEFORE.search(text, max(0, f.start - 30), f.start)
            if pair and pair.group(1) in lang.first_names:
                found.append(Found(pair.start(1), pair.end(1), f"{pair.group(1)} {f.surname}", f.surname, None, None))
                surnames.add(f.surname)


def _initials_and_ages(text: str, lang: Language, pats: Patterns, found: list[Found]) -> None:
    """A first name with a surname's initial ("verdachte Gerben D.") or an age ("Dewi (19)"),
    outside the names found so far."""
    named = sorted((f.start, f.end) for f in found)
    named_starts = [s for s, _ in named]

    def inside_a_name(pos: int) -> bool:
        k = bisect.bisect_right(named_starts, pos)
        return bool(k) and pos < named[k - 1][1]

    for dot in pats.initial.finditer(text):
        m = pats.first_before_initial.search(text, max(0, dot.start() - 61), dot.start() - 1)
        if m is None or inside_a_name(m.start()):
            continue  # no first name before it, or "Jan A. Jansen", read as a full name
        first = text[m.start() : m.start("parts")]
        sur = text[m.start("parts") : dot.end()].strip()
        role = role_before(text, m.start(), lang)[0]
        if first in lang.first_names or role:
            found.append(Found(m.start(), dot.end(), f"{first} {sur}", sur, role, None))
    for age in pats.age.finditer(text):
        m = pats.name_before_age.search(text, max(0, age.start() - 40), age.start())
        if m is None:
            continue
        first = m.group(0)
        if inside_a_name(m.start()):
            continue  # the end of a full name: "Karin Jansen (45)"
        nxt = _NEXT_WORD.match(text, age.end())
        told = text[age.end() : age.end() + 1] == "," or (nxt is not None and nxt.group(1).lower() in lang.reporting_verbs)
        if (first in lang.first_names or told) and first not in lang.not_names \
                and not is_role_word(first, lang) and not is_organisation_word(first, lang):
            role, org = role_after(text, m.end(), lang)
            found.append(Found(m.start(), m.end(), first, first, role_before(text, m.start(), lang)[0] or role, org))


def _surnames(text: str, lang: Language, found: list[Found]) -> None:
    """A surname alone: of a person found so far ("De Vries"), a first name of one named in full
    (human-interest pieces go on with "vertelt Dewi"), or a name after a role word."""
    taken = sorted((f.start, f.end) for f in found)
    taken_starts = [s for s, _ in taken]
    taken_start_set = set(taken_starts)
    known = {f.surname for f in found}
    known |= {f.name.split()[0] for f in found
              if f.name != f.surname and " " in f.name and f.name.split()[0] not in lang.titles}
    seen: set[int] = set()
    for start, end, sur in _surname_candidates(text, known, lang):
        k = bisect.bisect_right(taken_starts, start)
        if k and start < taken[k - 1][1] or start in seen:
            continue
        seen.add(start)
        nxt = end
        while nxt < len(text) and text[nxt] in " \t":
            nxt += 1
        if nxt > end and nxt in taken_start_set:
            continue  # "wethouder Wonen Bert Doorn": a portfolio between the role and the name
        if _prev_word(text, start, raw=True) in _PLACE_WORDS and sur[0].isupper():
            continue  # "burgemeester Brandsma van Wolde": a place, not a surname
        role, org = role_before(text, start, lang)
        if sur not in known and sur[0].lower() + sur[1:] not in known and not role:
            continue
        r2, o2 = role_after(text, end, lang)
        role, org = role or r2, org or o2
        found.append(Found(start, end, sur, sur, role, org))


DESCRIPTION_REACH = 600  # characters from the person's last mention to a description of them
_DESCRIPTION_WORD = re.compile(r"[^\S\n]+([\w’'-]+)")


def _descriptions(text: str, raw: list[Found], lang: Language) -> list[Found]:
    """ "Roel Bekker … geeft de voormalig topambtenaar graag mee: …", "Heather Townsend said …
    The independent Central Bedfordshire councillor said …": a definite role description with
    a modifier and no name after it, shortly after a person whose role the text never gives,
    describes that person (a bare "the mayor" is as often someone else). Each becomes a mention of them there, with the description as their role."""
    if not raw or not lang.definite_articles:
        return []
    with_role = {r.name for r in raw if r.role} | {r.surname for r in raw if r.role}
    ends = [r.end for r in raw]
    order = sorted(range(len(raw)), key=lambda i: ends[i])
    sorted_ends = [ends[i] for i in order]
    out: list[Found] = []
    for m in _articles_near(text, [r for r in raw if r.name not in with_role and r.surname not in with_role], lang):
        k = bisect.bisect_right(sorted_ends, m.start()) - 1
        if k < 0:
            continue
        last = raw[order[k]]
        if m.start() - last.end > DESCRIPTION_REACH or last.name in with_role or last.surname in with_role:
            continue
        words: list[re.Match[str]] = []
        pos = m.end()
        for j in range(4):  # the description's first four words, read one at a time
            w = _DESCRIPTION_WORD.match(text, pos)
            if w is None:
                break
            words.append(w)
            pos = w.end()
            word = w.group(1)
            if is_role_word(word, lang) and word[:1].islower():
                after = _DESCRIPTION_WORD.match(text, pos) if j < 3 else None
                nxt = after.group(1) if after else ""
                if nxt[:1].isupper() or text[w.end() : w.end() + 1] in "’'":
                    break  # "de wethouder Jansen", "the council's": a name or a possessive follows
                if not j or any(x.group(1).lower() in lang.function_words or x.group(1).lower() in lang.reporting_verbs
                                for x in words[:j]):
                    break  # a bare "the mayor", "de woordvoerster" is as often someone else
                if _singular(word, lang) != word:
                    break  # "de toekomstige bewoners": a group, no description of one person
                role = " ".join(x.group(1) for x in words[: j + 1])
                role = role[0].lower() + role[1:]
                out.append(Found(words[0].start(1), w.end(), last.name, last.surname, role, None))
                with_role.update((last.name, last.surname))
                break
            if not (word[:1].isupper() or word.lower() in lang.role_modifiers
                    or (lang.role_modifier_endings and word.lower().endswith(lang.role_modifier_endings))
                    or not lang.role_modifier_endings and word[:1].islower()):
                break
    return out


def _articles_near(text: str, people: list[Found], lang: Language) -> Iterator[re.Match[str]]:
    """The definite articles that start within reach after a mention of ``people``, in order:
    only those can open a description, and Dutch text has an article every few words."""
    windows: list[list[int]] = []
    for lo in sorted(r.end for r in people):
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = lo + DESCRIPTION_REACH
        else:
            windows.append([lo, lo + DESCRIPTION_REACH])
    pattern = _article_re(lang.code)
    for lo, hi in windows:
        # the search runs a little past the window, so that a word cut at its end is not read as
        # an article; a match must start inside it
        for m in pattern.finditer(text, lo, min(len(text), hi + 16)):
            if m.start() > hi:
                break
            yield m


@lru_cache(maxsize=None)
def _article_re(code: str) -> re.Pattern[str]:
    from oogst.lang import get

    words = sorted({a for w in get(code).definite_articles for a in (w, w[0].upper() + w[1:])}, key=lambda w: (-len(w), w))
    firsts = "".join(sorted({re.escape(w[0]) for w in words}))
    rests = "|".join(rf"(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in words)
    # opens with the articles' first letters, so the engine skips to them
    return re.compile(rf"[{firsts}](?<=(?<![\w’'-])[{firsts}])(?:{rests})(?![\w’'-])")


def _one_typo(word: str, known: str) -> bool:
    """Whether ``word`` is ``known`` with one letter added, dropped or changed (a surname of
    four letters or more, as a typo on a real page: "Maast" for "Maas")."""
    if len(known) < 4 or " " in known or abs(len(word) - len(known)) > 1 or word[:1] != known[:1]:
        return False
    if len(word) == len(known):
        return sum(a != b for a, b in zip(word, known)) == 1
    short, long_ = (word, known) if len(word) < len(known) else (known, word)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


_LONE_MARKS = "’”\"'"  # the closing marks _lone_speaker_re opens with
MAX_LONE = 200  # lone-surname attributions read per document (each may search the text once)


@lru_cache(maxsize=None)
def _lone_speaker_re(code: str) -> re.Pattern[str]:
    from oogst.lang import get

    lang = get(code)
    verbs = "|".join(re.escape(v) for v in _longest_first(frozenset(v for v in lang.reporting_verbs if " " not in v)))
    parts = _longest_first(lang.particles)
    part = "|".join(re.escape(p) for p in parts)
    cap_part = "|".join(re.escape(p[0].upper() + p[1:]) for p in parts if p[0].isalpha())
    name = rf"(?:(?:{cap_part})[^\S\n]++(?:(?:{part})[^\S\n]++)*)?[{_UP}][{_LOW}]++(?:-[{_UP}][{_LOW}]++)?"
    to = "|".join(re.escape(w) for w in _longest_first(lang.addressee_words)) or "(?!)"
    # opens with the closing mark, so the engine skips to marks; the quote ended with its
    # punctuation inside (‘…,’ zegt) or a comma after the mark (‘…’, zegt)
    return re.compile(rf"[’”\"'](?:(?<=[,.!?…].)|,)[^\S\n]+(?:(?:{verbs})[^\S\n]+(?P<a>{name})"
                      rf"(?=[.,;]|[^\S\n]+(?:{to})\b)|(?P<b>{name})[^\S\n]+(?:{verbs})\b)")


ALONE_WINDOW = 3_000  # characters either side of the name; keeps a long text linear


def _surname_alone(text: str, word: str, rest: str, at: int, cache: dict[tuple[str, str], bool]) -> bool:
    """Whether, near ``at``, ``word`` stands alone (not followed by ``rest``) while ``rest``
    capitalised ("Van Dalmeer") does not: then ``word`` is the surname. Answers are cached per
    text in ``cache`` (the same name recurs)."""
    key = (word, rest)
    if key not in cache:
        lo, hi = max(0, at - ALONE_WINDOW), min(len(text), at + ALONE_WINDOW)
        capital = rest[0].upper() + rest[1:]
        cache[key] = not any(True for _ in _standalone(text, capital, lo, hi)) and any(
            not _followed_by(text, e, rest) for e in _standalone(text, word, lo, hi))
    return cache[key]


def _standalone(text: str, word: str, lo: int, hi: int) -> Iterator[int]:
    """The end of each occurrence of ``word`` in ``text[lo:hi]`` that is a whole word."""
    pos = text.find(word, lo, hi)
    while pos >= 0:
        end = pos + len(word)
        if (not pos or not _word_char(text[pos - 1])) and (end >= len(text) or not _word_char(text[end])):
            yield end
        pos = text.find(word, pos + 1, hi)


def _followed_by(text: str, pos: int, words: str) -> bool:
    """Whether white space and then ``words`` follow ``pos``."""
    seg = text[pos : pos + len(words) + 200]
    rest = seg.lstrip()
    return len(rest) < len(seg) and rest.startswith(words)


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_’'-"


MAX_ROLE_TOKENS = 100_000  # whitespace tokens remembered per language (a few MB at most)


@lru_cache(maxsize=None)
def _role_tokens(code: str) -> dict[str, bool]:
    """The answers of ``_role_token`` for one language, as a plain dict: the tokens before
    capitals recur across a batch, and a dict lookup is what this loop can afford."""
    return {}


def _surname_candidates(text: str, known: set[str], lang: Language) -> list[tuple[int, int, str]]:
    """Surname-only mentions as (start, end, surname): a known surname ("De Vries" for "Anna
    de Vries"), or a capitalised name right after a role word ("wethouder Pietersen",
    "hoogleraar bestuurskunde De Boer")."""
    pats = _patterns(lang)
    out: list[tuple[int, int, str]] = []
    surname = pats.surname
    roles = _role_tokens(lang.code)  # token -> is a role word, kept across documents
    if len(roles) > MAX_ROLE_TOKENS:
        roles.clear()
    # the word right before the name must be the role word or a lower-case word, so it cannot
    # end in punctuation: that leaves out most capitals (they start a sentence)
    for c in pats.after_word.finditer(text):
        start = c.start()
        if text[start - 2].isspace():
            j = start - 2
            while j >= 0 and text[j].isspace():
                j -= 1
            if j < 0 or text[j] in PUNCTUATION:
                continue
        # back from the name: a role word within three words, only lower-case words between;
        # the word right before settles most cases
        window = text[max(0, start - 60) : start]
        last = window.rsplit(None, 1)
        if not last or last[-1][-1] in PUNCTUATION:
            continue
        role = roles.get(last[-1])
        if role is None:
            role = roles[last[-1]] = _role_token(last[-1], lang)
        if not role:
            if not last[-1].islower():
                continue
            for w in window.rsplit(None, 3)[-2:-4:-1]:  # the second and third word back
                if w[-1] in PUNCTUATION:
                    break
                role = roles.get(w)
                if role is None:
                    role = roles[w] = _role_token(w, lang)
                if role or not w.islower():
                    break
            if not role:
                continue
        m = surname.match(text, start)
        if m:
            last_word = m.group("sur2").split()[-1]
            if is_role_word(last_word, lang) or is_organisation_word(last_word, lang) or last_word in lang.not_names:
                continue  # "the Chief Executive", "wethouder Wonen": a role or a portfolio, no surname
            out.append((m.start("sur2"), m.end(), m.group("sur2")))
    variants = set(known) | {k[0].upper() + k[1:] for k in known}
    for pos, v in _occurrences(text, variants):
        end = pos + len(v)
        before = text[pos - 1] if pos else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "’'") and not (after.isalnum() or after == "’"):
            out.append((pos, end, v))
    # by start, the longer first: two stable sorts with keys read in C (a key function is one
    # Python call per candidate)
    out.sort(key=_END, reverse=True)
    out.sort(key=_START)
    return out


_ALNUM_RUN = re.compile(r"[^\W_]+")
MANY_NAMES = 64  # past this many names, one pass over the words beats one search per name


def _overlaps_itself(name: str) -> bool:
    return any(name.startswith(name[i:]) for i in range(1, len(name)))


def _occurrences(text: str, names: set[str]) -> list[tuple[int, str]]:
    """Where each of ``names`` occurs in ``text`` (not overlapping itself), as (position, name).
    A few names: one search each. Many (a list of names, a generated page): one pass over the
    words, looking each up by its first run of letters, so the cost stays linear."""
    found: list[tuple[int, str]] = []
    if len(names) <= MANY_NAMES:
        for v in names:
            pos = text.find(v)
            while pos >= 0:
                found.append((pos, v))
                pos = text.find(v, pos + len(v))
        return found
    by_first: dict[str, list[str]] = {}
    for v in names:
        head = _ALNUM_RUN.match(v)
        if head is None or head.end() == 0 or _overlaps_itself(v):
            # a name that opens with a mark, or one whose end is also its start ("Smit-Smit",
            # where an occurrence inside a word blocks the next): searched as one name
            found.extend(_occurrences(text, {v}))
        else:
            by_first.setdefault(head.group(0), []).append(v)
    last_end: dict[str, int] = {}
    for w in _ALNUM_RUN.finditer(text):
        for v in by_first.get(w.group(0), ()):
            # as text.find: a match does not start inside the previous match of the same name
            if w.start() >= last_end.get(v, 0) and text.startswith(v, w.start()):
                found.append((w.start(), v))
                last_end[v] = w.start() + len(v)
    return found


_VERB_AFTER_APPOSITION = re.compile(r",\s*(?P<app>[^,.;:!?\n‘’“”„\"]{2,80}?),\s+(?P<verb>[^\W\d_]+)")
_RELATIVE = every("relative_pronouns")


def _near_verb(text: str, start: int, end: int, lang: Language) -> bool:
    origin = _ORIGIN_ONLY.match(text, end, end + 60)  # "Lord Whitby of Tenbury said"
    after = _NEXT_WORD.match(text, origin.end() if origin else end, end + 100)
    before = _prev_word(text, start)
    words = [after.group(1).lower()] if after else []
    words += [before.lower()] if before else []
    # "Alison Carver, who chairs it, said" — a person's apposition (who/die, or a role), not
    # "Thames Water, which serves millions, said"
    appos = _VERB_AFTER_APPOSITION.match(text, end, end + 120)
    if appos:
        app = appos.group("app").split()
        if app and (app[0].lower() in _RELATIVE or any(is_role_word(w.strip(PUNCTUATION), lang) for w in app[:4])):
            words.append(appos.group("verb").lower())
    if any(w in lang.reporting_verbs or w in lang.attribution_words or w == "volgens" for w in words):
        return True
    paren = _PARENTHETICAL.match(text, end) if text[end : end + 2].lstrip()[:1] == "(" else None
    at = paren.end() if paren else end
    return text[at : at + 1] == ":"  # "Ann Webb:", "Kristel Lammers (NP RES):"


def _merge(raw: list[Found], exclude: list[tuple[int, int]],
           honorifics: frozenset[str] = frozenset()) -> list[Mention]:
    people: dict[str, Person] = {}
    by_surname: dict[str, str] = {}
    out: list[tuple[int, int, str]] = []
    # inside an excluded span: the span starting last at or before ``start``, or any earlier
    # one reaching past it (a running maximum of ends), found by bisection, not by a scan
    spans = sorted(exclude)
    starts = [s for s, _ in spans]
    reach: list[int] = []
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    for start, end, name, sur, role, org in raw:
        key = sur.lower()
        full = by_surname.get(key, name) if name == sur else name
        if name != sur:
            # a bare surname is the first person named in full with it (the one the piece is
            # about, more often than not: "Walter Crabtree … his wife Lucy Crabtree … Crabtree says")
            by_surname.setdefault(key, name)
        old = people.get(full)
        if old is None:
            people[full] = Person(full, sur, role, org)
        elif (role and role != old.role) or (org and org != old.organisation) or (name != sur and sur != old.surname):
            # a role and its organisation go together ("Pietersen (D66) … is wethouder van
            # Dalmeer"): a first role brings its own organisation before a party alone
            together = old.role is None and role and org
            people[full] = Person(full, sur if name != sur else old.surname, role if together else old.role or role,
                                  org if together else old.organisation or org)
        k = bisect.bisect_right(starts, start) - 1
        if k < 0 or reach[k] <= start:
            out.append((start, end, full))
    # "wethouder Pietersen" before "Karin Pietersen" is introduced: the surname-only person is
    # the one full name later seen with that surname (when only one is); a first name alone
    # ("vertelt Dewi") is the one person of that first name, when it is no one's surname
    # "Mr Mistry" is the one person named in full with that surname, when only one is
    full_by_surname: dict[str, set[str]] = {}
    full_by_first: dict[str, set[str]] = {}
    for name, person in people.items():
        if name != person.surname and name.split()[0] not in honorifics:
            full_by_surname.setdefault(person.surname.lower(), set()).add(name)
            if " " in name:
                full_by_first.setdefault(name.split()[0].lower(), set()).add(name)
    linked: dict[str, str] = {}
    for name, person in people.items():
        fulls = None
        if name == person.surname:
            fulls = full_by_surname.get(name.lower()) or full_by_first.get(name.lower())
        elif name.split()[0] in honorifics:
            fulls = full_by_surname.get(person.surname.lower())
        if fulls and len(fulls) == 1:
            full = linked[name] = next(iter(fulls))
            known = people[full]
            people[full] = Person(full, known.surname, known.role or person.role,
                                  known.organisation or person.organisation)
    # give every mention the final, fullest record of its person
    return [Mention(start, end, people[linked.get(full, full)]) for start, end, full in out]
