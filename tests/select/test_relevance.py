import pytest

from oogst.select.relevance import build_topic, core_terms, majority_language, score_document, score_text
from oogst.select.terms import compound_parts, matches, stem, words
from oogst.select.lexicon import NL
from oogst.tuning import TUNING
from select_corpus import A, B, C, D, DOCUMENTS, OFF_TOPIC, TOPIC, make_doc

MIN_PART = TUNING.ranking.min_part

IN_PERIOD = (A, B, C, D, OFF_TOPIC)


@pytest.mark.parametrize(
    "word",
    ["samenwerken", "samenwerking", "samenwerkingsverband", "samenwerkt", "overheidssamenwerking"],
)
def test_compounds_match_samenwerken(word: str) -> None:
    assert matches(stem("samenwerken", "nl"), word, "nl", MIN_PART)


@pytest.mark.parametrize("word", ["interbestuurlijke", "interbestuurlijk"])
def test_inflections_match_interbestuurlijk(word: str) -> None:
    assert matches(stem("interbestuurlijk", "nl"), word, "nl", MIN_PART)


@pytest.mark.parametrize("word", ["werken", "samen", "bestuur", "fietspaden"])
def test_parts_alone_do_not_match_the_whole(word: str) -> None:
    assert not matches(stem("samenwerken", "nl"), word, "nl", MIN_PART)


def test_short_stems_need_an_exact_match() -> None:
    assert not matches(stem("rijk", "nl"), "rijksoverheid", "nl", MIN_PART)
    assert matches(stem("rijk", "nl"), "rijk", "nl", MIN_PART)


def test_words_keep_zon_and_drop_numbers() -> None:
    assert words("Zo’n 35 gemeenten, ’s avonds.") == ["zo'n", "gemeenten", "s", "avonds"]


def test_compound_parts_with_linking_s() -> None:
    vocab = frozenset({"samenwerking", "verband"})
    assert compound_parts("samenwerkingsverband", vocab, NL, MIN_PART) == ("samenwerking", "verband")
    assert compound_parts("samenwerkingsverband", frozenset({"samenwerking"}), NL, MIN_PART) == ("samenwerking", "verband")
    assert compound_parts("samenwerkingsverband", frozenset(), NL, MIN_PART) == ()
    assert compound_parts("samenwerken", frozenset({"samen", "werken"}), NL, MIN_PART) == ("samen", "werken")


def test_compound_topic_is_half_matched_by_its_part() -> None:
    topic = build_topic("samenwerkingsverband", IN_PERIOD)
    assert topic.parts and topic.parts[0]
    full = score_text("Een samenwerkingsverband vraagt geduld.", topic).score
    part = score_text("De samenwerking vraagt geduld.", topic).score
    assert full > part > 0


@pytest.mark.parametrize(
    ("text", "expected_words"),
    [
        ("Interbestuurlijke samenwerking begint bij begrip.", ("interbestuurlijke", "samenwerking")),
        ("Een samenwerkingsverband werkt alleen met vertrouwen.", ("samenwerkingsverband",)),
        ("Interbestuurlijk samenwerken blijkt mensenwerk.", ("interbestuurlijk", "samenwerken")),
    ],
)
def test_score_text_reports_matched_words(text: str, expected_words: tuple[str, ...]) -> None:
    rel = score_text(text, build_topic(TOPIC, IN_PERIOD))
    assert rel.score > 0.3
    assert set(expected_words) <= set(rel.matched)


def test_full_match_beats_half_match_beats_none() -> None:
    topic = build_topic(TOPIC, IN_PERIOD)
    both = score_text("Interbestuurlijke samenwerking begint bij begrip.", topic).score
    one = score_text("De samenwerking verliep niet soepel.", topic).score
    none = score_text("De nieuwe fietspaden zijn breder.", topic).score
    assert both > one > none
    assert none == 0.0


def test_expansion_finds_co_occurring_terms() -> None:
    topic = build_topic(TOPIC, IN_PERIOD)
    terms = [t for t, _ in topic.expansion]
    assert stem("gemeenten", "nl") in terms
    assert all(0 < w <= 1 for _, w in topic.expansion)
    assert not any("fiets" in t for t in terms)


def test_expansion_is_deterministic_and_order_independent() -> None:
    assert build_topic(TOPIC, IN_PERIOD) == build_topic(TOPIC, tuple(reversed(IN_PERIOD)))


def test_document_relevance_ranks_on_topic_articles_higher() -> None:
    topic = build_topic(TOPIC, IN_PERIOD)
    assert score_document(A, topic).score > 0.5
    assert score_document(OFF_TOPIC, topic).score < 0.1


def test_core_terms_skip_stopwords() -> None:
    core, _ = core_terms("samenwerken tussen de overheden", "nl")
    assert core == (stem("samenwerken", "nl"), stem("overheden", "nl"))


def test_english_topic() -> None:
    topic = build_topic("cooperation", (), language="en")
    assert score_text("Cooperating across government layers takes time.", topic).score > 0.5


def test_majority_language() -> None:
    assert majority_language(DOCUMENTS) == "nl"
    assert majority_language(()) == "nl"


def test_article_about_the_topic_in_other_words_is_related() -> None:
    """Pseudo-relevance feedback: an article that never names the topic but reads like the
    on-topic ones scores above an unrelated article."""
    related = make_doc(
        "https://example.nl/gebiedsaanpak",
        "Gebiedsaanpak in de polder",
        "2020-09-01",
        "Gemeenten, provincie en waterschap trekken samen op in de polder. Ze delen één agenda "
        "en een gezamenlijk budget, en bestuurders van de overheden spreken elkaar elke maand.",
    )
    docs = (*IN_PERIOD, related)
    topic = build_topic(TOPIC, docs)
    assert dict(topic.related)[related.id] > dict(topic.related)[OFF_TOPIC.id]
    assert score_document(related, topic).score > score_document(OFF_TOPIC, topic).score
