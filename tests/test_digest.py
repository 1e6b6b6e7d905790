import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from oogst.digest import build_digest  # noqa: E402
from oogst.tuning import TUNING  # noqa: E402
from oogst.digest_json import dumps  # noqa: E402
from oogst.errors import PeriodError  # noqa: E402
from select_corpus import DOCUMENTS, IN_PERIOD_DOCS, ITEMS, PERIOD, TOPIC  # noqa: E402


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return build_digest(DOCUMENTS, ITEMS, TOPIC, PERIOD)


def test_title_and_header(result) -> None:  # type: ignore[no-untyped-def]
    d = result.digest
    assert d.title == "Wat zeiden jullie in Q3 en Q4 over interbestuurlijk samenwerken?"
    assert (d.topic, d.period, d.language) == (TOPIC, PERIOD, "nl")


def test_only_items_in_the_period(result) -> None:  # type: ignore[no-untyped-def]
    by_url = {doc.url: doc for doc in DOCUMENTS}
    for item in result.digest.all_items():
        assert by_url[item.source_url].id in IN_PERIOD_DOCS
        assert item.published is not None and item.published.startswith("2020-")
        assert item.published >= "2020-07"


def test_items_are_verbatim_with_offsets(result) -> None:  # type: ignore[no-untyped-def]
    by_url = {doc.url: doc for doc in DOCUMENTS}
    ids = {i.id for i in ITEMS}
    for item in result.digest.all_items():
        assert by_url[item.source_url].text[item.start : item.end] == item.text
        assert item.id in ids
        assert item.reasons and 0 < item.score <= 1
        assert not item.edited


def test_structure(result) -> None:  # type: ignore[no-untyped-def]
    d = result.digest
    assert 2 <= len(d.highlights) <= 4
    assert 2 <= len(d.lessons) <= 4
    assert all(lesson.tips for lesson in d.lessons)
    assert all(t.kind == "advice" for lesson in d.lessons for t in lesson.tips)
    ids = [i.id for i in d.all_items()]
    assert len(ids) == len(set(ids))
    assert len(ids) <= TUNING.shortlist.max_items
    titles = {lesson.title for lesson in d.lessons}
    assert "Ken elkaars belangen" in titles or "Durf te leren" in titles


def test_sources_in_order_of_first_appearance(result) -> None:  # type: ignore[no-untyped-def]
    d = result.digest
    first_seen = list(dict.fromkeys(i.source_url for i in d.all_items()))
    assert [s.url for s in d.sources] == first_seen
    assert all(s.title and s.published for s in d.sources)


def test_notes_explain_what_was_left_out(result) -> None:  # type: ignore[no-untyped-def]
    notes = " | ".join(result.notes)
    assert "1 document zonder datum weggelaten" in notes  # notes are in the digest's language
    assert "1 document buiten de periode" in notes
    assert result.digest.notes == ()  # for the editor, not printed on the public page


def test_topic_may_be_left_out() -> None:
    result = build_digest(DOCUMENTS, ITEMS, None, PERIOD)
    assert result.digest.title == "Wat zeiden jullie in Q3 en Q4?"
    assert result.digest.all_items()
    assert all(lesson.tips for lesson in result.digest.lessons)


def test_identical_input_gives_byte_identical_json() -> None:
    one = dumps(build_digest(DOCUMENTS, ITEMS, TOPIC, PERIOD).digest)
    two = dumps(build_digest(DOCUMENTS, ITEMS, TOPIC, PERIOD).digest)
    shuffled = dumps(build_digest(tuple(reversed(DOCUMENTS)), tuple(reversed(ITEMS)), TOPIC, PERIOD).digest)
    assert one.encode() == two.encode() == shuffled.encode()


def test_max_items_and_lessons_and_title_options() -> None:
    d = build_digest(DOCUMENTS, ITEMS, TOPIC, PERIOD, lessons=2, title="Eigen titel", tuning=TUNING.changed(max_items=8)).digest
    assert d.title == "Eigen titel"
    assert len(d.lessons) == 2
    assert len(d.all_items()) <= 8


def test_period_narrows_the_digest() -> None:
    d = build_digest(DOCUMENTS, ITEMS, TOPIC, "2020-Q4").digest
    assert d.title == "Wat zeiden jullie in Q4 over interbestuurlijk samenwerken?"
    assert all(i.published and i.published >= "2020-10" for i in d.all_items())


def test_empty_period_gives_an_empty_digest_with_a_note() -> None:
    result = build_digest(DOCUMENTS, ITEMS, TOPIC, "2015")
    assert result.digest.all_items() == []
    assert result.digest.sources == ()
    assert any("geen uitspraken over het onderwerp" in n for n in result.notes)


def test_bad_period_raises() -> None:
    with pytest.raises(PeriodError):
        build_digest(DOCUMENTS, ITEMS, TOPIC, "2020-Q5")


def test_undated_item_never_appears_even_if_strong() -> None:
    undated = [d for d in DOCUMENTS if d.published is None][0]
    strong = replace(undated, published=None)
    d = build_digest((*DOCUMENTS, strong), ITEMS, TOPIC, PERIOD).digest
    assert undated.url not in {s.url for s in d.sources}


def test_speakers_spread_over_the_digest(result) -> None:  # type: ignore[no-untyped-def]
    from collections import Counter

    d = result.digest
    in_highlights = Counter(i.speaker for i in d.highlights if i.speaker)
    overall = Counter(i.speaker for i in d.all_items() if i.speaker)
    assert all(n == 1 for n in in_highlights.values())
    assert all(n <= 2 for n in overall.values())


def test_lesson_title_is_not_its_tip(result) -> None:  # type: ignore[no-untyped-def]
    for lesson in result.digest.lessons:
        for tip in lesson.tips:
            assert tip.text.rstrip(".") != lesson.title
            head = tip.text.split(":", 1)
            # a tip may only open with its title as the lead-in of "Title: concrete step"
            assert not tip.text.lower().startswith(lesson.title.lower()) or (len(head) == 2 and len(head[1].split()) >= 4)
