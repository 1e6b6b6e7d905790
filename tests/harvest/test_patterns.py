"""The patterns the harvester searches whole texts with must let the regex engine skip ahead.

Python's ``re`` jumps to the next possible match only when a pattern opens with a literal or a
character class; a pattern that opens with a look-behind, an alternation or a repeat is tried
at every character. One such pattern (the sentence stop after a quote, ten look-behinds per
character) cost more than all quote finding together. This guards the property, not a timing.
"""
from __future__ import annotations

import re
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

from oogst.harvest import marks, people, speakers, text


def _first_op(pattern: re.Pattern[str]) -> object:
    ops = sre_parse.parse(pattern.pattern, pattern.flags).data
    op, av = ops[0]
    while op is sre_constants.SUBPATTERN:  # a group: look at what it opens with
        op, av = av[3].data[0]
    return op


HOT = {
    "quote marks": marks._TOKEN,
    "names": people._compiled("nl").full,
    "surname after a role word": people._compiled("nl").after_word,
    "an age in parentheses": people._compiled("nl").age,
    "the full stop of an initial": people._compiled("nl").initial,
    "English names": people._compiled("en").full,
    "sentence stop after a quote": speakers._SENT_STOP,
    "sentence ends": text._SENT_END,
    "a lone surname at the verb after a quote": people._lone_speaker_re("nl"),
    "English lone surname at the verb": people._lone_speaker_re("en"),
    "a definite article before a role description": people._article_re("nl"),
}


@pytest.mark.parametrize("name", sorted(HOT))
def test_searched_patterns_open_with_a_character_class(name: str) -> None:
    op = _first_op(HOT[name])
    assert op in (sre_constants.IN, sre_constants.LITERAL), f"{name}: opens with {op}"


def test_the_guard_can_fail() -> None:
    assert _first_op(re.compile(r"(?<!\w)[.!?]")) is sre_constants.ASSERT_NOT
    assert _first_op(re.compile(r"\w+")) is sre_constants.MAX_REPEAT


def test_rewritten_patterns_match_what_the_plain_forms_match() -> None:
    """The skip-ahead forms are rewrites; on a text full of their edge cases they find the same."""
    sample = ("Dr. Smith zei: ,,Ja.'' Mr. Jones, St. Ann, Rev. Tom, Cllr. Ann, prof. dr. A. de Vries! ‘Zo’n auto’s,’ zegt ze. "
              "‚‚x'' ’’y ```z `a ,,, ''''  «Non» ‹ja› \"Yes.\" Dat is het. Eind? Ja… Nou!")
    plain_token = re.compile(r",,|``|''|’’|‚‚|[‘’“”„‚«»‹›\"'`]")  # a lone ` too: the typewriter `…'
    assert [m.span() for m in marks._TOKEN.finditer(sample)] == [m.span() for m in plain_token.finditer(sample)]
    plain_stop = re.compile(
        r"(?<!\b[Dd]r)(?<!\bMr)(?<!\bmr)(?<!\bMs)(?<!\bMrs)(?<!\bir)(?<!\bdrs)(?<!\b[Pp]rof)(?<!\bSt)(?<!\bRev)(?<!\bCllr)"
        r"(?<!\b[A-Z])[.!?](?=\s|$)|[‘“„\"«`]")
    assert [m.span() for m in speakers._SENT_STOP.finditer(sample)] == [m.span() for m in plain_stop.finditer(sample)]
    plain_end = re.compile(r"[.!?…]+[’'”\")\]»]*\s+(?=[A-ZÀ-Ý‘“„\"'(\[«0-9]|,,|``)")
    assert [m.span() for m in text._SENT_END.finditer(sample)] == [m.span() for m in plain_end.finditer(sample)]


def test_line_blocks_match_the_per_line_reading() -> None:
    """The one-pattern reading of single-line blocks equals reading each line with _add_line."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(["a", "Q", " ", "\t", "\n", "-", "1.", "b)", "\u00a0", "•", "\r", "’", "x y"])

    @settings(max_examples=2000, deadline=None)
    @given(st.lists(alphabet, max_size=40).map("".join))
    def check(s: str) -> None:
        if "\n\n" in s or re.search(r"\n[ \t]+\n", s):
            return
        expected: list[text.Block] = []
        for m in text._LINE.finditer(s):
            text._add_line(s, m.start(), m.end(), expected)
        assert text.blocks(s) == expected

    check()


def test_word_count_with_a_limit_is_the_capped_count() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(["a", "b", "’", "'", "-", " ", ",", "_", "é", "1", "—", "\n", "zo’n", "Jan-Willem"])

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(alphabet, max_size=40).map("".join), st.integers(min_value=1, max_value=12))
    def check(s: str, upto: int) -> None:
        assert text.word_count(s, upto) == min(text.word_count(s), upto)

    check()


def test_a_hyphenated_surname_can_fall_back_to_its_first_part() -> None:
    from oogst.harvest import harvest

    items = harvest("“I am very happy with it,” said Kate Smith-Jones’s lawyer.", "en", kinds=["quote"]).items
    assert [i.speaker for i in items] == ["Kate Smith"]
    items = harvest("Jan Smit-MacLeod zei: ‘Ik ben er heel blij mee.’", "nl", kinds=["quote"]).items
    assert [i.speaker for i in items] == ["Jan Smit"]


def test_the_search_for_many_names_finds_what_one_search_per_name_finds() -> None:
    """Past MANY_NAMES names, one pass over the words; it must agree with str.find per name,
    also for a name that overlaps itself ("Smit-Smit")."""
    from oogst.harvest import people

    names = {f"Naam{i}" for i in range(people.MANY_NAMES + 5)} | {"Smit-Smit", "de Vries", "Van Van", "’t Hart"}
    sample = ("ASmit-Smit-Smit-Smit-Łukasz en de Vries, Van Van Van, ’t Hart, Naam3 Naam33 xNaam4 Naam5’s "
              "Smit-Smit-Smit de Vriesje Naam70") * 3
    def whole(found: list[tuple[int, str]]) -> list[tuple[int, str]]:  # the caller's filter
        return sorted((p, v) for p, v in found if not (p and (sample[p - 1].isalnum() or sample[p - 1] in "’'"))
                      and not (p + len(v) < len(sample) and (sample[p + len(v)].isalnum() or sample[p + len(v)] == "’")))

    one_by_one = whole([p for v in names for p in people._occurrences(sample, {v})])
    assert whole(people._occurrences(sample, names)) == one_by_one
    assert len(one_by_one) > 10


def test_word_count_limits_outside_the_nested_pattern() -> None:
    assert text.word_count("a b " * 600, 600) == 600
    assert text.word_count("a b c", 2) == 2
