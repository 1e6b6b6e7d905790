"""Lesson titles: short imperatives cut from advice, or an actionable phrase from key terms."""
import pytest

from oogst.titles import own_title_allowed, title_from_advice, title_from_terms


@pytest.mark.parametrize(
    ("advice", "title"),
    [
        ("Durf te leren van wat misgaat en maak er geen schuldvraag van.", "Durf te leren"),
        ("Ken elkaars belangen en spreek ze hardop uit, ook als ze verschillen.", "Ken elkaars belangen"),
        ("Investeer in de mensen die tussen de organisaties in staan.", "Investeer in de mensen"),
        ("Stop het geld in één pot: gelabelde bijdragen houden het onderhandelen in stand.", "Stop het geld in één pot"),
        ("Neem de raden vaak en vroeg mee, bij voorkeur samen.", None),  # cutting splits 'neem … mee'
        ("Je moet weten wie waarover beslist.", None),  # a sentence, not an imperative
        ("Laat ik eerlijk zijn: structuur is niet onbelangrijk.", None),  # 'laat ik' is no advice
        ("Neem de Veenpolder.", None),  # a name is no lesson
        ("Wees eerlijk over wat samenwerking oplevert en wat niet, ook als het tegenvalt.", "Wees eerlijk over wat samenwerking oplevert"),
    ],
)
def test_title_is_a_short_imperative(advice: str, title: str | None) -> None:
    got = title_from_advice(advice, "nl")
    assert got == title
    if got:
        assert 2 <= len(got.split()) <= 6


def test_english_title() -> None:
    assert title_from_advice("Invest in people, not in new structures.", "en") == "Invest in people"


def test_own_title_only_for_a_lead_in_with_a_concrete_step() -> None:
    assert own_title_allowed("Durf te leren", "Durf te leren: evalueer elk halfjaar wat werkt.")
    assert not own_title_allowed("Wees eerlijk over wat samenwerking oplevert",
                                 "Wees eerlijk over wat samenwerking oplevert, ook als de besparing tegenvalt.")
    assert not own_title_allowed("Durf te leren", "Durf te leren: nu.")


def test_terms_title_reads_as_an_action() -> None:
    assert title_from_terms(["vertrouwen"], "nl").startswith("Maak werk van")
    assert title_from_terms(["trust"], "en") == "Make trust a priority"
