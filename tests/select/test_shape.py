"""Statement shape: fragments, references back, anecdotes, announcements, and their penalties."""
import pytest

from oogst.select.lexicon import EN, NL
from oogst.select.quotability import quotability
from oogst.tuning import TUNING
from oogst.select.shape import announcement, fragment, has_finite_verb, refers_back, story


@pytest.mark.parametrize(
    "text",
    [
        "In de mensen en in hoe ze met elkaar omgaan. Ik heb tientallen verbanden onderzocht.",
        "Omdat elke overheid verantwoording aflegt aan haar eigen raad. Dat kost tijd.",
        "Minder dan beloofd. Het is ongeveer drie procent geworden.",
        "Door ze vaak en vroeg mee te nemen. We organiseren twee keer per jaar een avond.",
        "Geen structuur maar mensen. Dat is de kern van het verhaal.",
        "de lijm die niemand begroot",
    ],
)
def test_fragments_are_found(text: str) -> None:
    assert fragment(text, NL)
    q = quotability(text)
    assert q.parts["fragment"] == TUNING.ranking.penalty_fragment
    assert any(r.startswith("fragment: ") for r in q.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Accepteer dat het tijd kost.",
        "Wij denken in eeuwen, niet in kabinetsperiodes.",
        "Ik zeg het altijd zo: stop het geld in één pot.",
        "Bestuurders wisselen om de vier jaar.",
        "Nu weten we: als hij iets niet kan toezeggen, is dat geen onwil.",
        "Het eerste vind ik leuker.",
        "En houd de ambtelijke lijn warm.",
        "Bij woningbouw, bij energie, bij natuur: overal speelt water een rol.",
        "Overheden zijn slecht in fouten maken.",
    ],
)
def test_full_sentences_are_not_fragments(text: str) -> None:
    assert fragment(text, NL) is None
    assert has_finite_verb(text, NL)


def test_english_fragment() -> None:
    assert fragment("Because every council answers to its own voters. That takes time.", EN)
    assert fragment("You should involve them early.", EN) is None


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("We hadden het kunnen verstoppen, zoals overheden vaak doen. Maar we deden het niet.", True),
        ("Ik vind dat niet erg. Samenwerken kost tijd.", True),
        ("Ik zeg het altijd zo: stop het geld in één pot.", False),  # points forward to the colon
        ("Het kost tijd, maar die tijd betaalt zich terug.", False),  # 'Het' at the start is handled elsewhere
        ("Samenwerken vraagt om het lef om fouten te delen.", False),
    ],
)
def test_refers_back(text: str, back: bool) -> None:
    assert (refers_back(text, NL) is not None) is back


def test_anecdote_is_penalised_but_a_story_with_a_moral_is_not() -> None:
    tale = (
        "Ik werd twee keer benaderd door mensen die mijn schuur wilden huren. Ze boden drie keer "
        "het normale bedrag. Toen kwam de gemeente langs. Daarna wist ik genoeg."
    )
    moral = (
        "Er was een moment dat we het woord uit ons vocabulaire hebben geschrapt. Het werd een "
        "scheldwoord in de raden. Nu zeggen we: we delen wat kan."
    )
    assert story(tale, NL) is not None
    assert story(moral, NL) is None
    q = quotability(tale)
    assert q.parts["anecdote"] == TUNING.ranking.penalty_anecdote
    assert any(r.startswith("anecdote (4 of 4 sentences in the past") for r in q.reasons)
    assert quotability(moral).score > q.score


def test_announcement_is_not_a_statement() -> None:
    text = "Directeur Gerrit Boonstra vertelt wat vijf jaar samenwerking heeft geleerd."
    assert announcement(text, NL)
    assert quotability(text).parts["announcement"] == TUNING.ranking.penalty_announcement
    assert announcement("Samenwerken is vooral mensenwerk, vertelt Boonstra.", NL) is None


def test_long_quotes_are_penalised_strongly() -> None:
    base = "Je moet elkaar vaak zien en eerlijk zijn over wat je wilt, anders blijft het papier. "
    short = quotability(base * 2)  # 32 words
    long_ = quotability(base * 4)  # 64 words
    assert "too_long" not in short.parts and short.parts["length"] == 1.0
    assert long_.parts["too_long"] == TUNING.ranking.penalty_too_long
    assert "over 55 words" in long_.reasons
    assert long_.score < 0.6 * short.score
