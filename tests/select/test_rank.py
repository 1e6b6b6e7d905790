from dataclasses import replace

from oogst.select.period import parse_period
from oogst.select.rank import rank
from select_corpus import A, B, DOCUMENTS, IN_PERIOD_DOCS, ITEMS, PERIOD, TOPIC, make_doc, make_item


def _by_text(result, start: str):  # type: ignore[no-untyped-def]
    return next(c for c in result.candidates if c.item.text.startswith(start))


def test_only_items_from_documents_in_the_period() -> None:
    result = rank(DOCUMENTS, ITEMS, TOPIC, PERIOD)
    assert result.candidates
    assert {c.item.document_id for c in result.candidates} <= IN_PERIOD_DOCS
    assert not any("lange adem" in c.item.text for c in result.candidates)


def test_counts() -> None:
    result = rank(DOCUMENTS, ITEMS, TOPIC, parse_period(PERIOD))
    assert (result.undated, result.outside, result.partial) == (1, 1, 1)
    assert result.documents_in_period == 5
    assert result.off_topic >= 1
    assert not any("fietspaden" in c.item.text for c in result.candidates)
    assert "1 document zonder datum weggelaten" in result.notes()  # in the topic's language
    assert "1 undated document left out" in result.notes("en")


def test_sorted_best_first_with_ties_by_id() -> None:
    result = rank(DOCUMENTS, ITEMS, TOPIC, PERIOD)
    keys = [(-c.score, c.item.id) for c in result.candidates]
    assert keys == sorted(keys)


def test_reasons_are_readable() -> None:
    result = rank(DOCUMENTS, ITEMS, TOPIC, PERIOD)
    quote = _by_text(result, "We hebben geleerd")
    assert "quote from a named speaker" in quote.reasons
    assert any(r.startswith("relevant: samenwerken") for r in quote.reasons)
    assert "stands on its own" in quote.reasons
    daarom = _by_text(result, "Daarom kozen")
    assert "starts by pointing back ('Daarom')" in daarom.reasons
    assert "article about the topic" in daarom.reasons
    assert "advice" in _by_text(result, "Durf te leren").reasons


def test_scores_dict_and_source_fields() -> None:
    c = rank(DOCUMENTS, ITEMS, TOPIC, PERIOD).candidates[0]
    assert {"relevance", "quotability", "kind_weight", "standalone"} <= set(c.scores)
    assert 0 <= c.score <= 1
    assert c.source_url and c.source_title and c.published


def test_standalone_beats_pointing_back() -> None:
    result = rank(DOCUMENTS, ITEMS, TOPIC, PERIOD)
    assert _by_text(result, "Interbestuurlijke samenwerking begint").score > _by_text(result, "Daarom kozen").score


def test_named_speaker_counts_more() -> None:
    named = [i for i in ITEMS if i.speaker and i.document_id == B.id][0]
    anonymous = replace(named, speaker=None)
    a = rank(DOCUMENTS, [named], TOPIC, PERIOD).candidates[0]
    b = rank(DOCUMENTS, [anonymous], TOPIC, PERIOD).candidates[0]
    assert a.score > b.score


def test_broken_items_are_counted_not_fatal() -> None:
    bad = replace(ITEMS[0], text="iets anders")
    orphan = replace(ITEMS[0], document_id="nope")
    result = rank(DOCUMENTS, [bad, orphan, *ITEMS[1:3]], TOPIC, PERIOD)
    assert result.broken == 2
    assert len(result.candidates) >= 1


def test_deterministic_and_input_order_independent() -> None:
    one = rank(DOCUMENTS, ITEMS, TOPIC, PERIOD)
    two = rank(tuple(reversed(DOCUMENTS)), tuple(reversed(ITEMS)), TOPIC, PERIOD)
    assert [(c.item.id, c.score, c.reasons) for c in one.candidates] == [
        (c.item.id, c.score, c.reasons) for c in two.candidates
    ]


def test_language_filter() -> None:
    en = make_doc("https://example.com/en", "Working together", "2020-09-01",
                  "“You have to learn together, not alone,” says Jane Doe.", language="en")
    item = make_item(en, "quote", "You have to learn together, not alone,", "Jane Doe")
    result = rank((*DOCUMENTS, en), (*ITEMS, item), TOPIC, PERIOD, language="nl")
    assert en.id not in {c.item.document_id for c in result.candidates}


def test_empty_input() -> None:
    result = rank((), (), TOPIC, PERIOD)
    assert result.candidates == ()
    assert result.notes() == ()


def test_item_relevance_beats_only_document_relevance() -> None:
    result = rank([A], [i for i in ITEMS if i.document_id == A.id], TOPIC, PERIOD)
    on = _by_text(result, "De samenwerking verliep")
    off = _by_text(result, "Daarom kozen")
    assert on.scores["relevance"] > off.scores["relevance"]
