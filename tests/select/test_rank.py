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
    assert "1 document zonder datum weggelaten" in result.notes()  # in the topic's language
    assert "1 undated document left out" in result.notes("en")


def test_a_small_period_is_all_in_scope_and_the_topic_orders() -> None:
    """Five articles of the editor's own platform: all in scope; the off-topic one ranks last."""
    result = rank(DOCUMENTS, ITEMS, TOPIC, PERIOD)
    assert (result.off_topic, result.out_of_scope) == (0, 0)
    bike = _by_text(result, "De nieuwe fietspaden")
    on_topic = _by_text(result, "We hebben geleerd")
    assert bike.scores["relevance"] < on_topic.scores["relevance"] and bike.score < on_topic.score


def _filler(n: int, on_topic: bool) -> list:  # type: ignore[type-arg]
    subject = "interbestuurlijk samenwerken tussen gemeente en provincie" if on_topic else "de nieuwe bibliotheek en het zomerlezen"
    docs = [make_doc(f"https://example.nl/{'op' if on_topic else 'naast'}-{k}", f"Artikel {k}", "2020-10-01",
                     f"Het artikel gaat over {subject}. ‘Je leert het meest van wat misgaat,’ zegt Anna Kok {k}.")
            for k in range(n)]
    items = [make_item(d, "quote", "Je leert het meest van wat misgaat,", f"Anna Kok {k}") for k, d in enumerate(docs)]
    return [docs, items]


def test_a_large_period_keeps_the_relevant_articles_and_at_least_twelve() -> None:
    on_docs, on_items = _filler(14, True)
    off_docs, off_items = _filler(10, False)
    result = rank([*on_docs, *off_docs], [*on_items, *off_items], TOPIC, PERIOD)
    assert result.out_of_scope == 10 and result.off_topic == 10
    assert {c.item.document_id for c in result.candidates} == {d.id for d in on_docs}
    assert "10 artikelen uit de periode gaan niet over het onderwerp en zijn weggelaten" in result.notes()
    few_docs, few_items = _filler(3, True)
    mixed = rank([*few_docs, *off_docs], [*few_items, *off_items], TOPIC, PERIOD)
    assert len({c.item.document_id for c in mixed.candidates}) == 12  # topped up: never silently empty
    assert mixed.out_of_scope == 1


def test_without_a_topic_every_article_of_the_period_is_in_scope() -> None:
    result = rank(DOCUMENTS, ITEMS, None, PERIOD)
    assert {c.item.document_id for c in result.candidates} == IN_PERIOD_DOCS
    assert result.out_of_scope == 0


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
