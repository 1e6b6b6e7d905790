"""Key-point boxes and lesson lists in the layouts scraped pages give them (harvest/boxes.py)."""
from __future__ import annotations

import pytest

from oogst.harvest import harvest


def texts(text: str, lang: str, kind: str) -> list[str]:
    items = [i for i in harvest(text, lang).items if i.kind == kind]
    assert all(text[i.start:i.end] == i.text for i in items)
    return [i.text for i in items]


def test_box_heading_glued_to_caption_lines_before_it() -> None:
    text = ("Wijkteams in Dalmeer werken sinds vorig jaar samen met de huisartsen.\n\n"
            "portretfoto Anja Wolters\nBeeld: gemeente Dalmeer\nIn 1 minuut\n"
            "• De wijkteams zitten twee dagen per week in de praktijk.\n"
            "• Wachttijden voor een eerste gesprek zijn gehalveerd.\n\n"
            "Anja Wolters begon als wijkverpleegkundige.")
    assert texts(text, "nl", "takeaway") == ["De wijkteams zitten twee dagen per week in de praktijk.",
                                             "Wachttijden voor een eerste gesprek zijn gehalveerd."]


def test_bullets_run_into_one_line_and_a_heading_glued_to_the_paragraph() -> None:
    text = ("Het dorp Oosterhem kreeg een eigen energiecoöperatie.In 1 minuut• Ruim tweehonderd huishoudens "
            "doen mee. • De provincie leende het startkapitaal. • Het eerste zonneveld ligt er sinds maart.\n\n"
            "Voorzitter Gerrit Veltman kijkt tevreden terug.")
    assert texts(text, "nl", "takeaway") == ["Ruim tweehonderd huishoudens doen mee.",
                                             "De provincie leende het startkapitaal.",
                                             "Het eerste zonneveld ligt er sinds maart."]


def test_list_introduced_by_a_sentence_with_a_colon() -> None:
    text = ("De coalitie presenteerde dinsdag haar akkoord. Een greep uit de plannen die de dorpen raken:\n\n"
            " • Elk dorp houdt een eigen ontmoetingsplek. Het college betaalt de huur tot 2028.\n"
            " • Gemeenten in de regio moeten samen één loket voor mantelzorgers openen.\n"
            " • De buslijn naar Westerbroek blijft rijden.\n")
    assert texts(text, "nl", "takeaway") == [
        "Elk dorp houdt een eigen ontmoetingsplek. Het college betaalt de huur tot 2028.",  # one item, two sentences
        "Gemeenten in de regio moeten samen één loket voor mantelzorgers openen.",  # 'moeten' in a box stays a takeaway
        "De buslijn naar Westerbroek blijft rijden."]
    assert texts(text, "nl", "advice") == []


def test_conclusions_as_headings_after_an_introduction() -> None:
    text = ("De rekenkamer onderzocht de inkoop van jeugdzorg.\n\n"
            "De belangrijkste conclusies uit het onderzoek op een rij:\n\n"
            "Contracten te kort\n\n"
            "De meeste contracten liepen maar één jaar. Aanbieders konden daardoor niet investeren.\n\n"
            "Weinig zicht op resultaat\n\n"
            "Slechts een op de vijf gemeenten vroeg om cijfers over de uitkomsten van de zorg.")
    assert texts(text, "nl", "takeaway") == ["Contracten te kort", "Weinig zicht op resultaat"]


def test_imperative_bullets_under_a_takeaways_heading_are_takeaways() -> None:
    text = ("Key take-aways - delivery:\n"
            "- Talk to the people who answer the phones first.\n"
            "- Small improvements beat big launches.\n"
            "Photo credit: the author")
    assert texts(text, "en", "takeaway") == ["Talk to the people who answer the phones first.",
                                             "Small improvements beat big launches."]
    assert texts(text, "en", "advice") == []


def test_a_lesson_list_after_an_introduction_is_advice_one_item_per_bullet() -> None:
    text = ("Key lessons from the panel\n\n"
            "Every team faces other rules, but some key lessons came up again and again:\n\n"
            "  1. Start small. Pick one service that residents use every week. Fix that first.\n"
            "  2. Publish what you learn. Other councils will copy it, and that is the point.\n"
            "  3. Hire pe")
    assert texts(text, "en", "advice") == [
        "Start small. Pick one service that residents use every week. Fix that first.",
        "Publish what you learn. Other councils will copy it, and that is the point."]  # the cut item is no advice


def test_a_list_ends_where_its_marker_changes() -> None:
    text = ("Hieronder vijf lessen uit de proef.\n\n"
            " • Begin bij de vraag van de bewoner.\n"
            " • Spreek één contactpersoon per dorp af.\n\n"
            "1. De geest van de wet\n\n"
            "Wethouder Hilde Brons zag het vaak misgaan.")
    assert texts(text, "nl", "advice") == ["Begin bij de vraag van de bewoner.", "Spreek één contactpersoon per dorp af."]


@pytest.mark.parametrize("text, advice", [
    ("Een goede samenwerking is geen toeval.\n\nZet de inwoner voorop\n\nDe gemeente Veldhoven-Noord leerde dat.",
     "Zet de inwoner voorop"),
    ("Zo werk je aan draagvlak.\n\nStap 1: Zorg voor een klein kernteam\n\nBegin met drie mensen.",
     "Zorg voor een klein kernteam"),
])
def test_imperative_headings_are_tips(text: str, advice: str) -> None:
    assert advice in texts(text, "nl", "advice")


@pytest.mark.parametrize("text, advice", [
    ("Omdat veel dossiers nog op papier staan, is het nodig dat daar snel geld voor komt.", True),
    ("Een buurtbudget regel je dus beter vandaag dan morgen, want de aanvragen stapelen zich op.", False),
    ("Een buurtbudget regelen doe je dus beter vandaag dan morgen.", True),
    ("Voor het vertrouwen van de dorpen is een vaste contactpersoon bij de gemeente van groot belang.", True),
    ("Hierbij geldt wel: doe het goed of doe het niet.", True),
    ("Het is dus zeer belangrijk de bewoners vroeg over te halen om mee te doen.", True),
    ("Denk maar aan de grote opgaven, zoals het klimaat en de woningnood.", False),  # examples, not advice
    ("Samenwerken wordt te vaak gezien als vergadertechniek: zet mensen aan tafel en de rest volgt vanzelf.", False),
])
def test_normative_and_imperative_sentences(text: str, advice: bool) -> None:
    assert bool(texts(text, "nl", "advice")) is advice


def test_a_heading_or_photo_line_right_after_a_bullet_is_no_wrapped_continuation() -> None:
    text = ("Intro van de blog over de nieuwe balie.\n\n"
            "Key take-aways - delivery:\n"
            "- Start with the phone calls, not the website.\n"
            "- Small releases beat one big launch.\n"
            "Key take-aways - the organisation:\n"
            "- Budget for running the service, not only for building it.\n"
            "Photo: the author\n\n"
            "More text follows here.")
    assert texts(text, "en", "takeaway") == ["Start with the phone calls, not the website.",
                                             "Small releases beat one big launch.",
                                             "Budget for running the service, not only for building it."]


def test_a_question_subhead_ends_a_list_of_conclusion_headings() -> None:
    text = ("De conclusies op een rij:\n\n"
            "Contracten te kort\n\n"
            "De meeste contracten liepen maar één jaar.\n\n"
            "Hoe dan wel?\n\n"
            "Gemeenten die het beter doen, sluiten langere contracten.\n\n"
            "Samen inkopen met de buren\n\n"
            "Twee gemeenten doen dat al.")
    assert texts(text, "nl", "takeaway") == ["Contracten te kort"]


@pytest.mark.parametrize("text, advice", [
    ("Vier dorpen in de gemeente hadden elk hun eigen plan tegen wateroverlast.", False),  # a number
    ("Vier je successen met de hele buurt, ook de kleine.", True),
])
def test_imperatives_spelled_like_numbers(text: str, advice: bool) -> None:
    assert bool(texts(text, "nl", "advice")) is advice


@pytest.mark.parametrize("heading, lang, kind", [
    ("De belangrijkste inzichten", "nl", "takeaway"),
    ("Belangrijkste uitkomsten", "nl", "takeaway"),
    ("Onze aanbevelingen", "nl", "advice"),
    ("Key insights", "en", "takeaway"),
    ("In a nutshell", "en", "takeaway"),
    ("Our recommendations", "en", "advice"),
])
def test_more_box_headings(heading: str, lang: str, kind: str) -> None:
    bullets = ("• Bewoners willen eerder meepraten over plannen voor hun eigen straat.\n"
               "• Een vast aanspreekpunt in de wijk werkt beter dan een loket.\n") if lang == "nl" else \
              ("• Residents want a say earlier in the plans for their own street.\n"
               "• One named contact in the area works better than a help desk.\n")
    text = f"{heading}\n\n{bullets}"
    assert len(texts(text, lang, kind)) == 2
