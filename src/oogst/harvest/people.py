"""Who is who in a document: person mentions with their role and organisation.

A mention is a capitalised name sequence that is either a known first name + surname, or stands
in a context that makes it a person (a role before it, an apposition after it, a reporting
verb next to it). Roles and organisations come from the text around the mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from oogst.lang import Language

_UP = "A-ZÀ-ÖØ-Ý"
_LOW = "a-zß-öø-ÿ"
_CAP = rf"[{_UP}][{_LOW}]+(?:[’'][{_LOW}]+)?(?:-[{_UP}][{_LOW}]+)*"
_INITIALS = rf"(?:[{_UP}]\.){{1,3}}"


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # the fullest form seen: "Anna de Vries"
    surname: str  # "de Vries"
    role: str | None
    organisation: str | None


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    person: Person


def _patterns(lang: Language) -> dict[str, re.Pattern[str]]:
    return _compiled(lang.code)


@lru_cache(maxsize=None)
def _compiled(code: str) -> dict[str, re.Pattern[str]]:
    from oogst.lang import get

    lang = get(code)
    parts = sorted(lang.particles, key=len, reverse=True)
    part = "|".join(re.escape(p) for p in parts)
    cap_part = "|".join(re.escape(p[0].upper() + p[1:]) for p in parts if p[0].isalpha())
    titles = "|".join(re.escape(t) for t in sorted(lang.titles, key=len, reverse=True))
    name = (
        rf"(?:(?:{titles})\s+)*"
        rf"(?P<first>{_CAP}|{_INITIALS})(?:\s+(?P<middle>{_CAP}|{_INITIALS}))?"
        rf"(?P<sur>(?:\s+(?:{part}))*\s+{_CAP})"
    )
    surname = rf"(?P<sur2>(?:(?:{cap_part})\s+(?:(?:{part})\s+)*)?{_CAP})"
    return {
        "full": re.compile(rf"(?<![\w’'])(?:{name})(?![\w’])"),
        "surname": re.compile(rf"(?<![\w’'])(?:{titles}\s+)*{surname}(?![\w’])"),
        "word": re.compile(rf"[{_LOW}{_UP}]+(?:-[{_LOW}{_UP}]+)*"),
    }


def is_role_word(word: str, lang: Language) -> bool:
    w = word.lower()
    return w in lang.roles or (len(w) > 6 and w.endswith(lang.role_suffixes))


_ORG_STOP = re.compile(r"\s*(?:[,.;:()!?]|\s(?:en|die|dat|and|who|which|is|was|zegt|says|said)\s|$)")


def _org_after(text: str, pos: int, lang: Language) -> tuple[str | None, int]:
    """An organisation phrase at ``pos`` ("de gemeente Midden-Oost" → "gemeente Midden-Oost")."""
    toks = list(re.finditer(r"[\w’'&-]+", text[pos : pos + 100]))
    if toks and toks[0].group(0).lower() in ("de", "het", "the") and toks[0].start() < 3:
        toks = toks[1:]
    if not toks:
        return None, pos
    first = toks[0].group(0)
    if first.lower() not in lang.organisation_words and not first[0].isupper():
        return None, pos
    end_tok = toks[0]
    for k in range(1, len(toks)):
        word = toks[k].group(0).rstrip(".")
        gap = text[pos + toks[k - 1].end() : pos + toks[k].start()]
        if gap.strip():
            break
        if word[:1].isupper() or word[:1].isdigit():
            end_tok = toks[k]
        elif word in ("van", "voor", "en", "de", "der", "den", "of", "for", "and") and k + 1 < len(toks) and toks[k + 1].group(0)[:1].isupper():
            continue
        else:
            break
    start = pos + toks[0].start()
    end = pos + end_tok.end()
    org = text[start:end].rstrip(".")
    return org, start + len(org)


def role_after(text: str, pos: int, lang: Language) -> tuple[str | None, str | None]:
    """Role and organisation from an apposition or predicate after a name at ``pos``."""
    tail = text[pos : pos + 160]
    m = re.match(r"\s*(?:,|\(|\s(?:is|was|werkt als|is sinds \w+)\s)\s*(?:(?:de|het|een|the|a|an)\s+)?", tail)
    if not m:
        return None, None
    words = list(re.finditer(r"[\w’'\-]+", tail[m.end() :]))
    role_words: list[str] = []
    org: str | None = None
    found = False
    for w in words[:6]:
        word = w.group(0)
        if word.lower() in ("bij", "van", "in", "voor", "namens", "at", "of", "for", "from", "aan"):
            if found:
                org, _ = _org_after(text, pos + m.end() + w.end(), lang)
            break
        if not word[0].islower() and not is_role_word(word, lang):
            break
        role_words.append(word)
        found = found or is_role_word(word, lang)
        gap = tail[m.end() + w.end() : m.end() + w.end() + 1]
        if gap in (",", ")", ".", ";", ":"):
            break
    if not found:
        return None, None
    while role_words and not is_role_word(role_words[-1], lang) and role_words[-1].lower() in lang.function_words:
        role_words.pop()
    return " ".join(role_words) or None, org


def org_after_name(text: str, pos: int, lang: Language) -> str | None:
    """ "Anna de Vries van waterschap Lage Landen": the organisation right after a name."""
    m = re.match(r"\s+(?:van|bij|of|at|from)\s+(?:(?:de|het|the)\s+)?(\w+)", text[pos : pos + 60])
    if m and m.group(1).lower() in lang.organisation_words:
        return _org_after(text, pos + m.start(1), lang)[0]
    return None


def role_before(text: str, pos: int, lang: Language) -> tuple[str | None, str | None]:
    """Role from the words right before a name: "wethouder", "hoogleraar bestuurskunde"."""
    head = text[max(0, pos - 80) : pos]
    words = re.findall(r"[\w’'\-]+|[,.;:()‘’“”„\"]", head)
    out: list[str] = []
    for word in reversed(words[-4:]):
        if not word[0].isalpha():
            break
        if is_role_word(word, lang):
            out.insert(0, word)
            break
        if word[0].islower() and len(out) < 2 and word.lower() not in lang.function_words:
            out.insert(0, word)
            continue
        break
    if out and is_role_word(out[0], lang):
        role = " ".join(out)
        role = role[0].lower() + role[1:]
        return role, None
    return None, None


def find_people(text: str, lang: Language, exclude: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Person mentions in order, each with the fullest known form of the person."""
    pats = _patterns(lang)
    raw: list[tuple[int, int, str, str, str | None, str | None]] = []
    pos = 0
    while (m := pats["full"].search(text, pos)) is not None:
        first = m.group("first")
        if first in lang.not_names or first.lower() in lang.particles or is_role_word(first, lang) or first.lower() in lang.organisation_words:
            pos = m.start("first") + len(first)
            continue
        pos = m.end()
        sur = m.group("sur").strip()
        middle = m.group("middle")
        name_end = m.end()
        if middle and middle not in lang.first_names and "." not in middle and sur.split()[0] in lang.particles:
            # "Ingrid Pietersen van Dalmeer": "van Dalmeer" is where she is from, not her name
            sur, name_end = middle, m.end("middle")
            pos = name_end
        if sur.split()[-1] in lang.not_names:
            continue
        prev_word = re.findall(r"[\w-]+", text[max(0, m.start() - 30) : m.start()])
        if prev_word and prev_word[-1].lower() in lang.organisation_words:
            continue
        role, org = role_before(text, m.start(), lang)
        r2, o2 = role_after(text, name_end, lang)
        role, org = role or r2, org or o2 or org_after_name(text, name_end, lang)
        if first not in lang.first_names and not role and not _near_verb(text, m.start(), name_end, lang):
            continue
        name = text[m.start("first") : name_end].strip()
        raw.append((m.start("first"), name_end, name, sur, role, org))
    taken = [(s, e) for s, e, *_ in raw]
    known = {r[3].lower() for r in raw}
    for m in pats["surname"].finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        sur = m.group("sur2")
        role, org = role_before(text, m.start(), lang)
        if sur.lower() not in known and (not role or (sur.split()[0] in lang.not_names and " " not in sur)):
            continue
        r2, o2 = role_after(text, m.end(), lang)
        role, org = role or r2, org or o2
        raw.append((m.start("sur2"), m.end(), sur, sur, role, org))
    raw.sort()
    return _merge(raw, exclude or [])


def _near_verb(text: str, start: int, end: int, lang: Language) -> bool:
    after = re.match(r"\s*(\w+)", text[end : end + 30])
    before = re.findall(r"(\w+)\W*$", text[max(0, start - 30) : start])
    words = [after.group(1).lower()] if after else []
    words += [before[-1].lower()] if before else []
    return any(w in lang.reporting_verbs or w in lang.attribution_words or w == "volgens" for w in words) or text[end : end + 1] == ":"


def _merge(raw: list[tuple[int, int, str, str, str | None, str | None]], exclude: list[tuple[int, int]]) -> list[Mention]:
    people: dict[str, Person] = {}
    by_surname: dict[str, str] = {}
    out: list[Mention] = []
    for start, end, name, sur, role, org in raw:
        key = sur.lower()
        full = by_surname.get(key, name) if name == sur else name
        if name != sur:
            by_surname[key] = name
            for k, v in list(by_surname.items()):
                if v == sur:  # "wethouder Pietersen" before "Karin Pietersen": same person
                    by_surname[k] = name
        old = people.get(full)
        person = Person(full, sur if name != sur or not old else old.surname, role or (old.role if old else None), org or (old.organisation if old else None))
        people[full] = person
        if not any(s <= start < e for s, e in exclude):
            out.append(Mention(start, end, person))
    # give every mention the final, fullest record of its person
    return [Mention(m.start, m.end, people[m.person.name]) for m in out]
