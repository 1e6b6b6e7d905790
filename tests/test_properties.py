"""Property-based tests: the harvester and the abridgement check never crash and keep their
promises on arbitrary text. CI runs 1,000 examples a property; ``HYPOTHESIS_PROFILE=thorough`` runs 100,000."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oogst.check import check_abridgement
from oogst.errors import LanguageError
from oogst.harvest import harvest
from oogst.lang import detect

settings.register_profile("ci", max_examples=1_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=100_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("quick", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

MARKS = list("‘’“”„‚«»‹›\"'`") + [",,", "''", "’’", "``"]
WORDS = ["zegt", "Jansen", "Anna de Vries", "wethouder", "zo’n", "auto’s", "’s", "’t", "ze", "hij",
         "said", "Smith", "don’t", "In het kort", "Tips", "- ", "• ", "1. ", "Volgens", "dat", ":",
         ".", ",", "?", "\n", "\n\n", " ", "Zorg", "Het is belangrijk om", "samen", "مرحبا", "שלום",
         "\u202e", "\u200b", "\x00", "🙂", "ẞ", "ǅ", "İ"]

journalism = st.lists(st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.text(max_size=8)),
                      max_size=60).map("".join)
anything = st.one_of(journalism, st.text(max_size=400))


@given(anything, st.sampled_from(["nl", "en", "auto"]))
def test_harvest_never_crashes_and_keeps_offsets(text: str, lang: str) -> None:
    try:
        result = harvest(text, lang)
    except LanguageError:  # the one refusal: "auto" on a text that reads as no known language
        assert lang == "auto"
        with pytest.raises(LanguageError):
            detect(text)
        return
    for item in result.items:
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.text
        assert item.text == item.text.strip() or item.kind != "quote"
    for skipped in result.skipped:
        assert 0 <= skipped.start <= skipped.end <= len(text) and skipped.reason
    assert harvest(text, lang) == result  # deterministic


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab ‘’“”\n.,")), min_size=20, max_size=200).map(lambda s: s * 100))
def test_long_lines_of_marks(text: str) -> None:
    for item in harvest(text, "nl").items:
        assert text[item.start : item.end] == item.text


sentence = st.lists(st.sampled_from(["we", "moeten", "samen", "de", "gemeente", "zo’n", "project",
                                     "graag", "altijd", "durven", "leren", "van", "elkaar", "provincie"]),
                    min_size=6, max_size=30)


@given(sentence)
def test_verbatim_is_faithful(words: list[str]) -> None:
    text = " ".join(words) + "."
    assert check_abridgement(text, text).ok


@given(sentence, st.data())
def test_marked_cut_is_faithful(words: list[str], data: st.DataObject) -> None:
    i = data.draw(st.integers(1, len(words) - 3))
    j = data.draw(st.integers(i + 1, len(words) - 1))
    original = " ".join(words) + "."
    edited = " ".join(words[:i] + ["…"] + words[j:]) + "."
    assert check_abridgement(original, edited).ok, (original, edited)


@given(sentence, st.data())
def test_added_word_is_caught(words: list[str], data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(words)))
    original = " ".join(words) + "."
    edited = " ".join(words[:i] + ["nooit"] + words[i:]) + "."
    assert not check_abridgement(original, edited).ok


@given(sentence, st.data())
def test_changed_word_is_caught(words: list[str], data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(words) - 1))
    original = " ".join(words) + "."
    edited = " ".join(words[:i] + ["nooit"] + words[i + 1 :]) + "."
    assert not check_abridgement(original, edited).ok


@given(sentence, st.data())
def test_swapped_words_are_caught(words: list[str], data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(words) - 2))
    if words[i] == words[i + 1]:
        return
    swapped = words[:i] + [words[i + 1], words[i]] + words[i + 2 :]
    original = " ".join(words) + "."
    edited = " ".join(swapped) + "."
    result = check_abridgement(original, edited)
    # a swap can read as a faithful cut only if the edited order also occurs in the original
    if not result.ok:
        return
    assert _is_subsequence(swapped, words), (original, edited)


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(w in it for w in small)
