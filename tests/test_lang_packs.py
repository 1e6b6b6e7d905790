"""Guards of the language packs (oogst/lang/<code>/): every registered language fills every
field, one rule for unknown languages, and no language knowledge outside oogst/lang."""
from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from oogst import lang
from oogst.errors import InputError

SRC = Path(lang.__file__).resolve().parents[1]  # src/oogst

# Fields a language may leave empty: grammar the language does not have. Each entry says why.
MAY_BE_EMPTY: dict[str, dict[str, str]] = {
    "nl": {
        "negation_suffixes": "Dutch writes its negations as words (niet, geen), no suffix like n't",
        "bare_report_verbs": "a Dutch report of a clause takes 'dat' (zegt dat …), no bare clause",
        "bare_report_stops": "goes with bare_report_verbs",
        "subject_skip_words": "goes with subject_before_verb (False for Dutch)",
        "lexicon.past_suffixes": "a Dutch past form has no one ending like -ed (werkte, liep, kwam)",
    },
    "en": {
        "attribution_words": "English has no word like 'aldus' before the name",
        "example_particles": "no particle like 'maar' in 'Denk maar aan …'",
        "introductions": "no fixed phrase like 'Aan het woord is'",
        "role_modifier_endings": "English adjectives do not inflect (any lower-case word may join a role)",
        "number_joiners": "English numbers are written apart (twenty-five), not joined by 'en'",
        "opinion_verbs": "'thinks' and 'believes' report a bare clause (bare_report_verbs)",
        "own_account": "no English phrase collected yet (\"by her own account\"): the English gold has none",
        "lexicon.linking": "English compounds have no linking letters (samenwerking-s-verband)",
        "lexicon.plural_pronouns": "English verbs have no -en plural to tell by a pronoun",
        "lexicon.finite_suffixes": "English finite forms have no one ending like Dutch -t",
        "lexicon.verb_particles": "no split verbs ('neem … mee') to keep a title from cutting",
        "lexicon.imperative_irregular": "the English imperative is the infinitive",
    },
}


def _fields(obj: object, prefix: str = "") -> list[tuple[str, object]]:
    assert dataclasses.is_dataclass(obj)
    return [(prefix + f.name, getattr(obj, f.name)) for f in dataclasses.fields(obj)]


@pytest.mark.parametrize("code", lang.CODES)
def test_every_language_fills_every_field(code: str) -> None:
    pack = lang.get(code)
    assert pack.code == code and pack.lexicon.language == code
    allowed = MAY_BE_EMPTY.get(code, {})
    values = _fields(pack) + _fields(pack.lexicon, "lexicon.")
    empty = [name for name, value in values if not isinstance(value, bool) and not value and name not in allowed]
    assert not empty, f"{code}: empty fields {empty}"
    filled = [name for name, value in values if name in allowed and value]
    assert not filled, f"{code}: {filled} are filled now: take them out of MAY_BE_EMPTY"
    assert set(pack.labels) == set(lang.LABEL_KEYS) and all(pack.labels.values())
    assert len(pack.months) == 12 and len(set(pack.months)) == 12
    assert pack.lexicon.months == pack.months  # one home for month names
    assert {"{day}", "{month}", "{year}"} <= set(re.findall(r"\{\w+\}", pack.date_format))
    assert {"{month}", "{year}"} <= set(re.findall(r"\{\w+\}", pack.month_format))
    assert {key for key, _, _ in pack.lexicon.notes} == {key for key, _, _ in lang.get(lang.CODES[0]).lexicon.notes}


def test_one_rule_for_an_unknown_language() -> None:
    from oogst.harvest import harvest
    from oogst.render.labels import format_date, labels_for
    from oogst.select.lexicon import get_lexicon

    for call in (lambda: lang.get("fr"), lambda: get_lexicon("fr"), lambda: labels_for("fr"),
                 lambda: format_date("2025-01-02", "fr"), lambda: harvest("‘Ja,’ zegt Jan Bos.", "fr")):
        with pytest.raises(InputError, match=r"unknown language 'fr'; known: nl, en"):
            call()
    assert lang.get("NL-be") is lang.get("nl") and get_lexicon("en-GB") is lang.get("en").lexicon
    assert lang.detect("") == lang.CODES[0]


# -- no language knowledge outside oogst/lang ------------------------------------------------
# What the scan finds: a comparison of something named lang/language/code with a language code
# ("nl"), a membership test or endswith/startswith against a literal of two or more words, a
# frozenset/set literal of three or more words, "a b c".split(), and an alternation of two or
# more words in a string (a regular expression: "(?:van|bij)").
WORD = re.compile(r"^[^\W\d_][^\W\d_’'\-]*$")
ALTERNATION = re.compile(r"\((?:\?:)?((?:[^\W\d_]{2,}(?: [^\W\d_]+)*\|)+[^\W\d_]{2,}(?: [^\W\d_]+)*)\)")

# Words that are oogst's own names, not a language's: item kinds, output formats, difflib
# opcodes, URL schemes, HTTP methods, how a quote was attributed, period units, job states,
# and the 'auto' language choice.
OWN_NAMES = frozenset(
    "quote paraphrase takeaway advice table json jsonl html pdf png md delete replace insert equal "
    "http https GET HEAD OPTIONS split nested interview before year half quarter month day done failed auto".split()
)

# Places the scan may flag, each with its reason. Keep it short.
ALLOWED = {
    ("ingest/files.py", "{'javascript', 'vbscript', 'data', 'blob', 'about'}"): "URL schemes, not words",
    ("ingest/discover.py", "(?:urlset|sitemapindex)"): "XML element names of sitemaps, not words",
    ("ingest/discover.py", "(?:rss|feed|RDF)"): "XML element names of feeds, not words",
}


def _words(node: ast.AST, n: int) -> list[str] | None:
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        strs = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if len(strs) == len(node.elts) >= n and all(WORD.match(s) for s in strs):
            return strs
    return None


def _language_knowledge(tree: ast.AST) -> list[tuple[int, str]]:
    codes = set(lang.CODES)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            named = any(re.search(r"lang|code", ast.unparse(s), re.IGNORECASE) for s in sides
                        if not isinstance(s, ast.Constant))
            if named and any(isinstance(s, ast.Constant) and s.value in codes for s in sides):
                found.append((node.lineno, ast.unparse(node)))
            if any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
                for side in node.comparators:
                    words = _words(side, 2)
                    if words and not set(words) <= OWN_NAMES:
                        found.append((node.lineno, ast.unparse(side)))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("endswith", "startswith") and node.args and _words(node.args[0], 2):
                found.append((node.lineno, ast.unparse(node.args[0])))
            if node.func.attr == "split" and not node.args and isinstance(node.func.value, ast.Constant) \
                    and isinstance(node.func.value.value, str) and len(node.func.value.value.split()) >= 3:
                found.append((node.lineno, repr(node.func.value.value)))
        elif isinstance(node, ast.Set):
            words = _words(node, 3)
            if words and not set(words) <= OWN_NAMES:
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):  # also the parts of f-strings
            found.extend((node.lineno, m.group(0)) for m in ALTERNATION.finditer(node.value))
    return found


def test_no_language_knowledge_outside_oogst_lang() -> None:
    bad, seen = [], set()
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("lang/"):
            continue
        for line, text in _language_knowledge(ast.parse(path.read_text(encoding="utf-8"))):
            if (rel, text) in ALLOWED:
                seen.add((rel, text))
            else:
                bad.append(f"{rel}:{line}: {text}")
    assert not bad, "language knowledge outside oogst/lang (move it to the packs):\n" + "\n".join(bad)
    assert seen == set(ALLOWED), f"allowed but no longer there (take them out of ALLOWED): {set(ALLOWED) - seen}"


@pytest.mark.parametrize("source, expected", [
    ('if language == "en":\n    pass', 1),
    ('x = lex.language != "nl"', 1),
    ('if w in ("van", "voor"):\n    pass', 1),
    ('t.endswith(("de", "te"))', 1),
    ('S = {"die", "wie", "who"}', 1),
    ('S = frozenset("de het een".split())', 1),
    ('P = re.compile(r"\\s(?:werkt|works)\\b")', 1),
    ('P = re.compile(rf"(?:{ALT})\\s(?:als|as)\\s")', 1),
    ('P = re.compile(r"[a-z]+(?:\\.|,)")', 0),
    ('if kind in ("quote", "advice"):\n    pass', 0),
    ('if fmt not in ("table", "json"):\n    pass', 0),
])
def test_the_scan_finds_language_knowledge(source: str, expected: int) -> None:
    assert len(_language_knowledge(ast.parse(source))) == expected
