"""Language detection and the one rule for a document's language (``oogst.lang.detect`` and
``choose``): Dutch and English read as before, other languages and pages of numbers refused by
name, titles and captions too short to tell read in the default language, a given language
never detected over. The foreign paragraphs in ``foreign/`` are our own writing."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from oogst import lang
from oogst.errors import InputError, LanguageError
from oogst.harvest import harvest

ROOT = Path(__file__).resolve().parents[2]
FOREIGN = sorted((Path(__file__).parent / "foreign").glob("*.txt"))
KNOWN = "known: nl, en"


def _own_texts() -> list[tuple[str, str, str]]:
    rows = []
    for path in sorted((ROOT / "tests" / "gold").glob("**/*.jsonl")):
        rows += [(str(r["id"]), str(r["lang"]), str(r["text"]))
                 for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r]
    for folder in sorted(p for p in (ROOT / "tests" / "editorial").iterdir() if p.is_dir()):
        code = json.loads((folder / "picks.json").read_text(encoding="utf-8")).get("language") or "nl"
        rows += [(str(r["url"]), code, str(r["text"]))
                 for r in map(json.loads, (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()) if r]
    return rows


def _old_rule(text: str) -> str:
    """detect() before it could refuse: another language only when its hints outnumber the
    default's by a fifth, else the default."""
    words = re.findall(r"[a-zA-Z]+", text[:20000].lower())
    default, *others = lang.CODES
    base = sum(1 for w in words if w in lang.get(default).detect_hints)
    best, count = default, -1
    for code in others:
        n = sum(1 for w in words if w in lang.get(code).detect_hints)
        if n > count:
            best, count = code, n
    return best if count > base * 1.2 else default


def test_every_dutch_and_english_text_reads_as_its_language_as_before() -> None:
    rows = _own_texts()
    assert len(rows) > 130
    for name, code, text in rows:
        assert lang.detect(text) == code == _old_rule(text), name


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.stem)
def test_other_languages_and_pages_of_numbers_are_refused_with_the_known_ones(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not lang.evidence(text).short
    with pytest.raises(LanguageError, match=KNOWN) as info:
        lang.detect(text)
    assert isinstance(info.value, InputError)
    assert ("mostly numbers" if path.stem == "numbers" else "too few of its") in str(info.value)


def test_the_measure_has_a_margin_either_way() -> None:
    """The threshold is 1.5 times the highest share of the foreign texts or more, and well under
    the lowest of the Dutch and English texts long enough to judge (bench/detect_shares.py)."""
    foreign = max(lang.evidence(p.read_text(encoding="utf-8")).share for p in FOREIGN)
    own = min(e.share for _, _, t in _own_texts() if not (e := lang.evidence(t)).short)
    assert foreign * 1.5 <= lang.DETECT_MIN_SHARE and own >= lang.DETECT_MIN_SHARE * 2.5


@pytest.mark.parametrize("text, code", [
    ("", "nl"),
    ("Dalmeer krijgt nieuw zwembad na jaren discussie", "nl"),  # no hint word at all
    ("Wethouder Bram Oosting (links) opent het nieuwe zwembad in Dalmeer.", "nl"),
    ("“We are looking into it,” said the council leader.", "en"),
    ("Mayor Jane Whitcombe with the new bus.", "en"),
    ("Foto: Sanne Kuipers", "nl"),  # nothing to tell by: the default
    ("„Wir müssen jetzt handeln“, sagte Bürgermeisterin Katrin Obermaier.", "nl"),  # too short to tell
    ("2021 2022 2023\n12.450 13.120 13.980", "nl"),
])
def test_a_text_too_short_to_tell_gets_the_default_unless_another_language_wins(text: str, code: str) -> None:
    assert lang.evidence(text).short
    assert lang.detect(text) == code


def test_only_the_start_of_a_text_is_read() -> None:
    german = FOREIGN[0].read_text(encoding="utf-8")
    dutch = next(t for _, code, t in _own_texts() if code == "nl")
    assert lang.detect(dutch * (lang.DETECT_CHARS // len(dutch) + 1) + german * 50) == "nl"
    with pytest.raises(LanguageError):
        lang.detect(german * (lang.DETECT_CHARS // len(german) + 1) + dutch * 50)


def test_choose_takes_a_given_language_and_never_detects_over_it() -> None:
    german = FOREIGN[0].read_text(encoding="utf-8")
    assert lang.choose(german, "nl") == "nl"  # --lang
    assert lang.choose(german, None, "EN-gb") == "en"  # the document's own, as the registry spells it
    assert lang.choose(german, "nl", "de") == "nl"  # --lang wins over the document's own
    assert lang.choose("‘Ja,’ zegt Jan Bos.") == "nl"
    with pytest.raises(LanguageError, match=f"gives its language as 'de', which oogst has no pack for; {KNOWN}"):
        lang.choose("‘Ja,’ zegt Jan Bos.", None, "de")
    with pytest.raises(LanguageError, match=f"unknown language 'fr'; {KNOWN}"):
        lang.choose("‘Ja,’ zegt Jan Bos.", "fr")
    with pytest.raises(LanguageError, match="cannot tell the language"):
        lang.choose(german)


def test_harvest_auto_follows_the_rule() -> None:
    german = FOREIGN[0].read_text(encoding="utf-8")
    with pytest.raises(LanguageError, match=KNOWN):
        harvest(german, "auto")
    with pytest.raises(LanguageError, match=KNOWN):
        harvest(german)  # "auto" is the default
    assert harvest(german, "nl").items  # a language given: harvested as asked, quotes and all


def test_a_long_text_in_a_script_without_spaces_is_not_too_short_to_tell() -> None:
    """Tokens are what spaces separate, and Chinese or Japanese separate none: a whole article is
    one or two tokens. It must be judged (and refused), not read as a title in the default language."""
    chinese = ("达尔梅尔市议会今天决定与邻近的城市一起建设一座新的游泳池。市长说，这是一个重要的决定，"
               "因为居民们多年来一直在等待。") * 20
    assert len(chinese.split()) < lang.DETECT_MIN_TOKENS and not lang.evidence(chinese).short
    with pytest.raises(LanguageError, match=f"cannot tell the language of the text.*{KNOWN}"):
        lang.detect(chinese)
    with pytest.raises(LanguageError, match=KNOWN):
        lang.choose(chinese)
    assert lang.evidence("达尔梅尔市议会今天决定建设一座新的游泳池。").short  # a title in it still is
