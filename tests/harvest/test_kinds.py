"""Paraphrases and advice in the shapes journalism gives them."""
from __future__ import annotations

import pytest

from oogst.harvest import harvest


def kinds(text: str, lang: str, kind: str) -> list:
    items = [i for i in harvest(text, lang).items if i.kind == kind]
    assert all(text[i.start:i.end] == i.text for i in items)
    return items


@pytest.mark.parametrize("text, lang, sentence, speaker", [
    # the next sentence opening with ,, or `` is a new sentence, not part of this one
    ("Jos Otten, voorzitter van dorpsraad Oudebrug, vertelt dat hij veel vragen kreeg. ,,Mensen zijn bang.''", "nl",
     "Jos Otten, voorzitter van dorpsraad Oudebrug, vertelt dat hij veel vragen kreeg.", "Jos Otten"),
    ("Dr. Ama Osei is hydrologist. Osei said the authority would review the barriers. ``We used old data.''", "en",
     "Osei said the authority would review the barriers.", "Ama Osei"),
    ("Wethouder Karin Pietersen opende de avond. De wethouder zegt dat er voor de zomer een klankbordgroep komt.", "nl",
     "De wethouder zegt dat er voor de zomer een klankbordgroep komt.", "Karin Pietersen"),
    ("Gedeputeerde Koen Smit laat weten dat het klimaatfonds openstaat voor de gemeente.", "nl",
     "Gedeputeerde Koen Smit laat weten dat het klimaatfonds openstaat voor de gemeente.", "Koen Smit"),
    ("Wethouder Anna Pietersen sprak de bewoners toe. Pietersen belooft dat de gemeente dat beter gaat doen.", "nl",
     "Pietersen belooft dat de gemeente dat beter gaat doen.", "Anna Pietersen"),
    ("Alison Carver, who chairs the commission, said the region had confused announcements with delivery.", "en",
     "Alison Carver, who chairs the commission, said the region had confused announcements with delivery.",
     "Alison Carver"),
    ("Alison Carver, who chairs the commission, said it had gone wrong. She argued that the plan, “Homes for All”, "
     "repeated old mistakes.", "en",
     "She argued that the plan, “Homes for All”, repeated old mistakes.", "Alison Carver"),
])
def test_paraphrases(text: str, lang: str, sentence: str, speaker: str) -> None:
    found = [(p.text, p.speaker) for p in kinds(text, lang, "paraphrase")]
    assert (sentence, speaker) in found


@pytest.mark.parametrize("text, lang, advice", [
    ("En zorg dat er een bus terug rijdt, want een podium zonder vervoer helpt niemand.", "nl", True),
    ("En het is belangrijk om de raad regelmatig voorbeelden te laten zien.", "nl", True),
    ("And it is important to budget for the boring parts from day one.", "en", True),
    ("Don’t launch a programme you can’t afford to maintain.", "en", True),
    ("Registreer elk maatwerkbesluit vanaf de eerste dag.", "nl", True),
    ("Measure what gets used, not what gets announced.", "en", True),
    ("Neem het waterschap.", "nl", False),  # introduces an example
    ("En toen ging het licht uit in de hele zaal.", "nl", False),
    ("Keep it simple.", "en", True),
    ("En houd het simpel voor de bewoners.", "nl", True),
    ("And keep it simple for residents.", "en", True),
    # a conjunction, then a word that is an imperative only in form
    ("Daarom kies ik voor een andere aanpak in de wijk.", "nl", False),
    ("Dus neem ik voortaan de fiets naar het werk.", "nl", False),
    ("En vier jaar later stond de wijk er heel anders bij.", "nl", False),
    ("En werk is er genoeg in de regio, zegt hij.", "nl", False),
    ("But plan B failed within a week of the launch.", "en", False),
    ("And test results showed a clear improvement this year.", "en", False),
    ("Maar kijk, zo werkt het nu eenmaal in de politiek.", "nl", False),
    ("Maar de les ging niet door vanwege de storm.", "nl", False),
    ("And never before had the river risen so high.", "en", False),
])
def test_advice(text: str, lang: str, advice: bool) -> None:
    assert bool(kinds(text, lang, "advice")) is advice


@pytest.mark.parametrize("text, lang", [
    ("Thames Water, which serves millions of customers, said the leak was fixed.", "en"),  # a company
    ("Deputy mayor Tom Reed opened the meeting. The mayor said that the budget would be cut next year.", "en"),
    ("Ook laat de gemeente weten dat de weg dicht blijft tot maart.", "nl"),
])
def test_no_paraphrase_credited_to_the_wrong_speaker(text: str, lang: str) -> None:
    assert kinds(text, lang, "paraphrase") == []


# Indirect speech as real pages write it (issue 15): the source after the reported words, in
# parentheses, after "volgens" in the middle, organisations that give their view, a partial
# quote woven into the writer's sentence.
@pytest.mark.parametrize("text, lang, sentence, speaker, organisation", [
    ("Wethouder Anke Dijkstra opende de avond. Het dorp heeft een eigen loket nodig, zegt Dijkstra.", "nl",
     "Het dorp heeft een eigen loket nodig, zegt Dijkstra.", "Anke Dijkstra", None),
    ("Minister Karel Veldkamp (Wonen) sprak de raad toe. Hij benadrukt dat er geld komt, maar er blijft "
     "„veel werk te doen in de wijken”, zegt de bewindsman.", "nl",
     "Hij benadrukt dat er geld komt, maar er blijft „veel werk te doen in de wijken”, zegt de bewindsman.",
     "Karel Veldkamp", None),
    ("Gedeputeerde Ilse Mulder was er ook. Want, zegt ze, alleen samen krijg je de dorpen mee.", "nl",
     "Want, zegt ze, alleen samen krijg je de dorpen mee.", "Ilse Mulder", None),
    ("Adviseur Sven Kramer schreef het essay. Bij de verkiezingen is het volgens Kramer de opgave om kennis vast te houden.",
     "nl", "Bij de verkiezingen is het volgens Kramer de opgave om kennis vast te houden.", "Sven Kramer", None),
    ("Raadslid Nora Bakker (CDA) diende de motie in. Volgens haar verlaten jonge gezinnen het dorp.", "nl",
     "Volgens haar verlaten jonge gezinnen het dorp.", "Nora Bakker", None),
    ("Haast is geboden vinden de partijen.", "nl", "Haast is geboden vinden de partijen.", None, "partijen"),
    ("Daarom vinden GroenLinks en de VVD dat er een bouwoffensief moet komen.", "nl",
     "Daarom vinden GroenLinks en de VVD dat er een bouwoffensief moet komen.", None, "GroenLinks en de VVD"),
    ("De gemeente hoopt dat de rest van de straat volgt.", "nl",
     "De gemeente hoopt dat de rest van de straat volgt.", None, "gemeente"),
    ("Met de regeling wordt het wonen volgens de indieners weer betaalbaar voor starters.", "nl",
     "Met de regeling wordt het wonen volgens de indieners weer betaalbaar voor starters.", None, "indieners"),
    ("Liefst drie adviesraden constateren maandag eenduidig: de regio’s groeien uit elkaar.", "nl",
     "Liefst drie adviesraden constateren maandag eenduidig: de regio’s groeien uit elkaar.", None, "drie adviesraden"),
    ("Raadslid Pim Schouten (D66) motiveerde zijn tegenstem met het argument dat de wijk niet gehoord is.", "nl",
     "Raadslid Pim Schouten (D66) motiveerde zijn tegenstem met het argument dat de wijk niet gehoord is.",
     "Pim Schouten", None),
    ("Every village will get a bus stop within a mile, the council has announced.", "en",
     "Every village will get a bus stop within a mile, the council has announced.", None, "council"),
])
def test_paraphrases_in_real_shapes(text: str, lang: str, sentence: str, speaker: str | None,
                                    organisation: str | None) -> None:
    found = [(p.text, p.speaker, p.organisation if p.speaker is None else None) for p in kinds(text, lang, "paraphrase")]
    assert (sentence, speaker, organisation) in found


@pytest.mark.parametrize("text, lang", [
    ("De provincie laat weten dat de brug in mei opengaat.", "nl"),  # an announcement, not a view
    ("Het college verwacht dat duizend huishoudens zich melden.", "nl"),
    ("Het rapport stelt dat de wachtlijsten groeien.", "nl"),  # a document is no speaker
    ("Hij noemt ze een ‘gedoogconstructie’: het Rijk schuift taken door en niemand kijkt nog.", "nl"),
    ("Wethouder Tom Brink zegt: ‘We weten nu wat we niet weten en dat is winst.’", "nl"),  # the quote's, not a paraphrase
    ("‘Dit is een goede dag voor het dorp en voor de school,’ zegt wethouder Tom Brink.", "nl"),
    ("Notes to editors: Dana Whitfield is available for interviews on Monday.", "en"),
])
def test_no_paraphrase(text: str, lang: str) -> None:
    assert kinds(text, lang, "paraphrase") == []
