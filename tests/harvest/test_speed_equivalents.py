"""Fast forms of slow checks must answer as the slow forms did: each optimisation of the harvest
is held to the plain version it replaced, over every input that could tell them apart."""
from __future__ import annotations

import re

from oogst.harvest import quotes


def test_words_only_table_is_regex_word_class() -> None:
    # _norm joins the words a regex \w+ finds; its translate table must agree with \w on
    # every character Python can hold (surrogates included)
    word = re.compile(r"\w")
    table = quotes._WordsOnly()
    # every code point of the first plane (all scripts in use, the marks, the surrogates) and
    # every 7th of the others
    for code in [*range(0x10000), *range(0x10000, 0x110000, 7)]:
        c = chr(code)
        assert (table[code] != 32) == bool(word.match(c)) or c == " ", hex(code)


def test_norm_matches_the_regex_form() -> None:
    samples = ["‘Het werkt,’ zegt ze.", "zo’n auto’s — ’s avonds", "snake_case en 3,5 procent", "",
               "  \n\t", "Ærøskøbing İstanbul ǅemal ﬁne", "x\ud800y"]
    for s in samples:
        assert quotes._norm(s) == " ".join(re.findall(r"\w+", s.lower())), s


from hypothesis import given
from hypothesis import strategies as st

# the characters _norm's fast form treats apart: ASCII words and punctuation, the common marks
# and dashes, letters beyond ASCII, white space that is not ASCII, a letter that lower-cases
# to two characters, "_" and a surrogate
_NORM_ALPHABET = "ab Z09_,.;:!?-'\"\n\t()’‘“”„–—…«»\u00a0\u2009\u3000éëÆİǅﬁ€½\ud800"


@given(st.text(alphabet=_NORM_ALPHABET, max_size=40))
def test_fast_norm_is_the_regex_form(s: str) -> None:
    assert quotes._norm(s) == " ".join(re.findall(r"\w+", s.lower()))


from oogst.harvest import marks, people
from oogst.harvest.text import matches_at, positions

# the characters that decide these patterns, and some that do not
_ALPHABET = "‘’“”„‚«»‹›\"'`,,.!?… \n\tabZD" + "zegtJan"
_texts = st.text(alphabet=_ALPHABET, max_size=80)


@given(_texts, st.integers(0, 80), st.integers(0, 80))
def test_marks_found_by_position_are_the_regex_marks(text: str, lo: int, hi: int) -> None:
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    got = [m.span() for m in matches_at(marks._TOKEN, text, marks.mark_starts(text), lo, hi)]
    assert got == [m.span() for m in marks._TOKEN.finditer(text, lo, hi)]


@given(_texts)
def test_scan_blocks_is_scan_of_each_block(text: str) -> None:
    bounds = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    got = marks.scan_blocks(text, bounds)
    slow = []
    for lo, hi in bounds:
        first = marks._TOKEN.search(text, lo, hi)
        slow.append(marks.scan(text, lo, hi) if first else ([], []))
    assert got == slow


@given(st.text(alphabet="’”\"', .!?zegtJanBakker\n", max_size=80))
def test_lone_speaker_candidates_are_the_regex_matches(text: str) -> None:
    pattern = people._lone_speaker_re("nl")
    got = [m.span() for m in matches_at(pattern, text, positions(text, people._LONE_MARKS))]
    assert got == [m.span() for m in pattern.finditer(text)]


def test_positions_finds_overlapping_strings() -> None:
    assert positions(",,,a’", "’", (",,",)) == [0, 1, 4]


_line_texts = st.text(alphabet=".!?,;:'’”\" aZ1_ÉéA\u0660x", max_size=30)


@given(_line_texts)
def test_heading_end_checks_are_their_patterns(raw: str) -> None:
    from oogst.harvest import boxes

    # the patterns these checks replaced
    assert boxes._ends_as_sentence(raw) == bool(re.search(r"[.!?,;]['’”\"]?$", raw))
    assert boxes._inner_stop(raw) == bool(re.search(r"[^\W\d][.!?] [A-Z]", raw))


@given(st.text(alphabet="BakrVnDijZ -’'\n_1", max_size=40), st.sampled_from(["Bakker", "Ba", "Van Dijk", "B-a"]))
def test_longer_name_is_the_plain_pattern(text: str, word: str) -> None:
    plain = re.compile(rf"(?<![\w’'-]){re.escape(word)}[^\S\n]+[{people._UP}]")
    assert bool(people._longer_name(word).search(text)) == bool(plain.search(text))


@given(st.text(alphabet="ab Z’'-_,.:\n\té", max_size=90))
def test_opening_words_are_the_first_four_words(sent: str) -> None:
    from oogst.harvest import kinds

    got = [w for w in kinds._OPENING_WORDS.match(sent, 0, 60).groups() if w is not None]
    assert got == kinds._WORD.findall(sent, 0, 60)[:4]


@given(st.text(alphabet="ab wethouder’'-,.;:()‘“\n", max_size=120), st.integers(0, 120), st.text("ab ", max_size=40))
def test_head_tokens_are_those_of_eighty_characters(text: str, at: int, rest: str) -> None:
    # also at a position inside the text, and below 80 characters from its start (a slice
    # from a negative start once read the wrong end of the text there)
    pos = min(at, len(text))
    text = text + rest
    slow = people._HEAD_TOKEN.findall(text[max(0, pos - 80) : pos].rsplit("\n", 1)[-1])
    fast = people._head_tokens(text, pos)
    assert fast[-6:] == slow[-6:]
    assert fast == slow if len(slow) <= 6 else len(fast) > 6


@given(st.text(alphabet="ab.Z dr bijv o.a i.p.v\n_é", max_size=40), st.integers(0, 40))
def test_abbreviation_search_from_its_reach_is_the_search_from_twelve(text: str, pos: int) -> None:
    from oogst.harvest import text as T

    text += ". Volgende"
    stop = text.rindex(".") + 1
    pos = min(pos, stop)
    got = T._ABBREV.search(text, max(pos, stop - T._ABBREV_REACH), stop + 1) is not None
    assert got == (T._ABBREV.search(text, max(pos, stop - 12), stop + 1) is not None)


def test_head_tokens_near_the_start_of_a_text() -> None:
    # 63 characters in, 48 of them holding six tokens: the 80-character window starts at 0
    text = "In de podcast praten minister Hanneke Oosterbeek en voorzitter Jan Pelgrim over de agenda."
    pos = text.index("Jan")
    assert people._head_tokens(text, pos)[-3:] == ["Oosterbeek", "en", "voorzitter"]
