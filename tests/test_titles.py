"""Lesson titles: short imperatives cut from advice, or an actionable phrase from key terms."""
import pytest

from oogst.titles import imperative_form, is_placeholder, own_title_allowed, placeholder_title, title_from_advice


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


def test_own_title_for_a_lead_in_with_a_concrete_step_or_in_other_words() -> None:
    assert own_title_allowed("Durf te leren", "Durf te leren: evalueer elk halfjaar wat werkt.")
    assert not own_title_allowed("Wees eerlijk over wat samenwerking oplevert",
                                 "Wees eerlijk over wat samenwerking oplevert, ook als de besparing tegenvalt.")
    assert not own_title_allowed("Durf te leren", "Durf te leren: nu.")
    assert own_title_allowed("Ken de regels", "Zorg dat je de regels kent; dan werk je in de geest van de wet.")


@pytest.mark.parametrize(
    ("advice", "title"),
    [
        ("Zorg dat je de bestaande regels goed kent; dan kun je ook beter werken.", "Ken de bestaande regels"),
        ("Zorg ervoor dat je elkaar vaak ziet, ook als het goed gaat.", "Zie elkaar vaak"),
        ("Het is belangrijk om van fouten te leren.", "Leer van fouten"),
        ("Wethouder Stam benadrukt hoe belangrijk het is om elkaars agenda te kennen.", "Ken elkaars agenda"),
        ("Ken als partners in het sociaal domein elkaars wereld en elkaars drijfveren.", "Ken elkaars wereld"),
        ("Zorg dat je het kunt.", None),  # a modal gives no imperative
        ("Let daarbij op de timing van de raadsvergadering.", None),  # leans on what came before
    ],
)
def test_advice_in_other_words_becomes_an_imperative(advice: str, title: str | None) -> None:
    assert title_from_advice(advice, "nl") == title


def test_english_frames() -> None:
    assert title_from_advice("Make sure you know the rules before you start.", "en") == "Know the rules"
    assert title_from_advice("It is important to listen to residents.", "en") == "Listen to residents"


@pytest.mark.parametrize(("form", "imperative"), [("kent", "ken"), ("leren", "leer"), ("weet", "weet"), ("kennen", "ken"),
                                                  ("durven", "durf"), ("luisteren", "luister"), ("zet", "zet"), ("bent", "wees")])
def test_dutch_imperative_forms(form: str, imperative: str) -> None:
    assert imperative_form(form, "nl") == imperative


def test_placeholder_is_visible_and_recognised() -> None:
    assert placeholder_title(2, "nl") == "[titel voor les 2]"
    assert placeholder_title(1, "en") == "[title for lesson 1]"
    assert is_placeholder(placeholder_title(3, "nl")) and not is_placeholder("Durf te leren")
