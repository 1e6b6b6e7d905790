"""Direct quotes: marks, apostrophes, nesting, paragraphs, attribution."""
from __future__ import annotations

import pytest

from oogst.harvest import harvest


def quotes(text: str, lang: str = "nl"):
    result = harvest(text, lang, kinds=["quote"])
    for item in result.items:
        assert text[item.start : item.end] == item.text
    return result.items


@pytest.mark.parametrize(
    "text, expected",
    [
        ("‘We doen dit samen,’ zegt Jansen.", "We doen dit samen"),
        ("“We doen dit samen,” zegt Jansen.", "We doen dit samen"),
        ("„We doen dit samen”, zegt Jansen.", "We doen dit samen"),
        ("„We doen dit samen“, zegt Jansen.", "We doen dit samen"),
        (",,We doen dit samen'', zegt Jansen.", "We doen dit samen"),
        (",,We doen dit samen”, zegt Jansen.", "We doen dit samen"),
        ('"We doen dit samen," zegt Jansen.', "We doen dit samen"),
        ("'We doen dit samen,' zegt Jansen.", "We doen dit samen"),
        ("«We doen dit samen», zegt Jansen.", "We doen dit samen"),
        ("“We doen dit samen’’, zegt Jansen.", "We doen dit samen"),
        ('"We doen dit samen”, zegt Jansen.', "We doen dit samen"),
    ],
)
def test_every_mark_style(text: str, expected: str) -> None:
    assert [q.text for q in quotes(text)] == [expected]


@pytest.mark.parametrize(
    "inner",
    [
        "Het is zo’n mooi project dat we het samen doen.",
        "De auto’s staan ’s avonds gewoon in de straat.",
        "Hij pakt z’n fiets en gaat d’r vandoor.",
        "In ’s-Hertogenbosch zien ze ’t anders.",
        "We kijken naar foto’s en cd’s uit A’dam.",
        "Jan’s aanpak werkt, ook bij rock ’n roll.",
    ],
)
def test_apostrophes_do_not_close_a_single_mark_quote(inner: str) -> None:
    text = f"‘{inner}’ zegt Roelof Jansen."
    assert [q.text for q in quotes(text)] == [inner]


def test_nested_quote_keeps_outer_whole_and_marks_inner() -> None:
    text = "‘Wij moeten af van het denken in ‘kan niet, wil niet, lukt niet’. Je moet durven,’ zegt wethouder Karin Pietersen."
    items = quotes(text)
    outer = [q for q in items if not q.nested]
    inner = [q for q in items if q.nested]
    assert outer[0].text.startswith("Wij moeten af") and outer[0].text.endswith("Je moet durven")
    assert [q.text for q in inner] == ["kan niet, wil niet, lukt niet"]
    assert inner[0].speaker == outer[0].speaker == "Karin Pietersen"


def test_split_quote_gives_two_items_one_speaker() -> None:
    text = "‘Het eerste deel,’ zegt Anna de Vries. ‘En het tweede deel.’"
    items = quotes(text)
    assert [q.text for q in items] == ["Het eerste deel", "En het tweede deel."]
    assert {q.speaker for q in items} == {"Anna de Vries"}


def test_multi_paragraph_quote() -> None:
    text = (
        "Marloes Kuipers is projectleider bij de provincie Noordmarke.\n\n"
        "‘We begonnen met een lege tafel en veel goede wil.\n\n"
        "‘Pas later zagen we hoeveel tijd het kost,’ vertelt ze."
    )
    items = quotes(text)
    assert [q.text for q in items] == ["We begonnen met een lege tafel en veel goede wil.",
                                       "Pas later zagen we hoeveel tijd het kost"]
    assert {q.speaker for q in items} == {"Marloes Kuipers"}
    assert items[0].speaker_role == "projectleider"


def test_missing_closing_mark_ends_at_paragraph() -> None:
    text = "Kees ter Horst zegt: ‘We hadden het eerder moeten doen.\n\nDaarna ging het beter."
    items = quotes(text)
    assert [q.text for q in items] == ["We hadden het eerder moeten doen."]
    assert items[0].speaker == "Kees ter Horst"


@pytest.mark.parametrize(
    "text",
    [
        "Het programma heet ‘Samen op Maat’ en loopt tot 2027.",
        "De zogenoemde ‘noodwet’ kwam er niet.",
        "Er is veel ‘maatwerk’ nodig, en ook ‘regie’.",
        "Het rapport ‘Ruimte voor de Rivier Noord’ verscheen vorig jaar.",
        "Het is zo’n dag. De auto’s van ’s morgens staan er nog.",
        "Een losse ’ in de tekst en een ‘ zonder einde midden in een zin die doorgaat zonder punt",
    ],
)
def test_not_quotes(text: str) -> None:
    assert quotes(text) == ()


def test_pull_quote_repeating_body_quote_is_dropped() -> None:
    text = (
        "Samenwerken: ‘Durf te leren van wat misgaat’\n\n"
        "Gedeputeerde Smit is blij. ‘Durf te leren van wat misgaat, want dat doen we te weinig,’ zegt Smit."
    )
    items = quotes(text)
    assert len(items) == 1 and items[0].text.startswith("Durf te leren van wat misgaat, want")


@pytest.mark.parametrize(
    "text, speaker, role",
    [
        ("‘Dit werkt,’ zegt wethouder Pietersen. ‘Echt waar.’", "Pietersen", "wethouder"),
        ("Roelof Jansen, gebiedsregisseur bij de gemeente Midden-Oost, is tevreden. ‘We zijn er bijna,’ zegt hij.",
         "Roelof Jansen", "gebiedsregisseur"),
        ("Directeur Anna de Vries van waterschap Lage Landen: ‘Het water wacht niet op ons.’", "Anna de Vries", "directeur"),
        ("Socioloog Vincent Jansen: ‘Vertrouwen komt te voet en gaat te paard.’", "Vincent Jansen", "socioloog"),
        ("Anna de Vries werkt al jaren bij het waterschap. ‘Je moet elkaar kennen,’ aldus De Vries.", "Anna de Vries", None),
        ("Hoogleraar bestuurskunde Kees de Boer is kritisch. ‘Het Rijk moet loslaten,’ legt De Boer uit.", "Kees de Boer", "hoogleraar bestuurskunde"),
    ],
)
def test_speakers_and_roles(text: str, speaker: str, role: str | None) -> None:
    items = quotes(text)
    assert items and items[0].speaker == speaker
    assert items[0].speaker_role == role


def test_no_speaker_is_null_not_borrowed() -> None:
    text = "‘Dit zegt Jansen,’ zegt Roelof Jansen.\n\nDe raad vergaderde lang. Het werd laat.\n\nEr hing een bord: ‘Wie niet waagt, die niet wint, zo gaat dat hier.’"
    items = quotes(text)
    assert items[-1].speaker is None


def test_interview_answer_goes_to_interviewee() -> None:
    text = (
        "Hoogleraar bestuurskunde Sanne Mulder onderzoekt samenwerking tussen overheden.\n\n"
        "Wat gaat er mis?\n\n"
        "‘Iedereen wil regie, maar niemand wil loslaten.’\n\n"
        "En wat moet er beter?\n\n"
        "‘Begin met de vraag wat de inwoner nodig heeft.’"
    )
    items = quotes(text)
    assert [q.speaker for q in items] == ["Sanne Mulder", "Sanne Mulder"]


@pytest.mark.parametrize(
    "text, expected, speaker",
    [
        ("“We can’t do this alone,” said council leader Mary Jones.", "We can’t do this alone", "Mary Jones"),
        ("“It’s the council’s job,” Smith said. Peter Smith is the mayor.", "It’s the council’s job", None),
        ("``We will not wait,'' said Peter Smith.", "We will not wait", "Peter Smith"),
        ("Sarah Brown said: “The ’90s are over and we don’t look back.”", "The ’90s are over and we don’t look back.", "Sarah Brown"),
    ],
)
def test_english(text: str, expected: str, speaker: str | None) -> None:
    items = quotes(text, "en")
    assert items[0].text == expected
    if speaker:
        assert items[0].speaker == speaker


@pytest.mark.parametrize("text", ["", "‘", "’’’’", "„„„", "'\"'\"'", "a‘b’c", "‘" * 1000, "\x00‘\x00’"])
def test_odd_input_never_raises(text: str) -> None:
    quotes(text)


def test_interview_answer_after_a_short_remark() -> None:
    text = (
        "Hoogleraar bestuurskunde Evelien Groenendijk onderzoekt samenwerking.\n\n"
        "Waar zit het dan wel in?\n\n"
        "‘In de mensen en in hoe ze met elkaar omgaan, dat is de kern.’\n\n"
        "Dat klinkt zacht.\n\n"
        "‘Dat hoor ik vaker, en het irriteert me een beetje.’"
    )
    assert [q.speaker for q in quotes(text)] == ["Evelien Groenendijk"] * 2


def test_unnamed_speaker_keeps_role_only() -> None:
    [item] = quotes("‘Die komt tenminste terug,’ zei een boer tegen me.")
    assert (item.speaker, item.speaker_role) == (None, "boer")


def test_a_page_of_thousands_of_quotes_is_cut_with_a_reason_and_stays_fast():
    from oogst.harvest import quotes as quotes_module

    text = "Jansen zegt: ‘Dit is een mooie uitspraak over samenwerken in de regio.’ " * (quotes_module.MAX_QUOTES + 500)
    h = harvest(text, lang="nl", kinds=["quote"])
    assert len(h.items) <= quotes_module.MAX_QUOTES
    reasons = [s.reason for s in h.skipped if "quotations in one document" in s.reason]
    assert len(reasons) == 1
    assert all(text[i.start:i.end] == i.text for i in h.items)


def test_an_unnamed_speaker_before_the_quote_keeps_the_role_and_borrows_no_name() -> None:
    text = ("Roelof Jansen werkt al jaren in de polder. Een gedeputeerde zei me eens: ‘Ik dacht dat mijn "
            "taak de structuur was. Nu denk ik dat het de mensen zijn.’")
    [q] = quotes(text)
    assert (q.speaker, q.speaker_role) == (None, "gedeputeerde")


def test_the_rest_of_an_unnamed_speakers_split_quote_is_theirs_too() -> None:
    text = ("Daar werkt Roelof Jansen als gebiedsregisseur. Boeren noemen hem bij naam. "
            "‘Die komt tenminste terug,’ zei een boer tegen me. ‘De rest wisselt elk jaar.’")
    items = quotes(text)
    assert [(q.text, q.speaker, q.speaker_role) for q in items] == [
        ("Die komt tenminste terug", None, "boer"), ("De rest wisselt elk jaar.", None, "boer")]


@pytest.mark.parametrize("intro, role, org", [
    ("Thomas Verbeek werkt al twaalf jaar bij het Rijk, de laatste vijf als regiocoördinator voor Noordmarke.",
     "regiocoördinator", "Noordmarke"),
    ("Daar werkt Thomas Verbeek als gebiedsregisseur.", "gebiedsregisseur", None),
])
def test_a_role_from_works_as(intro: str, role: str, org: str | None) -> None:
    [q] = quotes(f"{intro} ‘Het eerste wat je leert, is luisteren,’ zegt Verbeek.")
    assert (q.speaker, q.speaker_role, q.organisation) == ("Thomas Verbeek", role, org)

