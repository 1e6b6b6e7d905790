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
])
def test_advice(text: str, lang: str, advice: bool) -> None:
    assert bool(kinds(text, lang, "advice")) is advice
