"""A small hand-written Dutch corpus about interbestuurlijk samenwerken, for selection tests.

Every item satisfies ``document.text[item.start:item.end] == item.text``.
"""
from __future__ import annotations

from oogst.models import Document, Item, ItemKind, document_id


def make_doc(url: str, title: str, published: str | None, text: str, language: str = "nl") -> Document:
    return Document(id=document_id(url), url=url, title=title, published=published, language=language, text=text)


def make_item(doc: Document, kind: ItemKind, text: str, speaker: str | None = None, role: str | None = None) -> Item:
    start = doc.text.index(text)
    return Item(doc.id, kind, text, start, start + len(text), speaker=speaker, speaker_role=role)


A = make_doc(
    "https://example.nl/regio-deal-drenthe",
    "Interbestuurlijk samenwerken in de regio: leren van de Regio Deal",
    "2020-08-14",
    "Gemeenten, provincie en waterschap werkten twee jaar samen aan de Regio Deal. "
    "De samenwerking verliep niet altijd soepel. "
    "„Je moet niet alles vooraf willen dichttimmeren, maar juist ruimte laten om samen te leren,” zegt "
    "wethouder Anne de Boer. "
    "Volgens haar is vertrouwen tussen de overheden belangrijker dan een sluitend contract. "
    "Daarom kozen de partners voor een kleine kerngroep. "
    "Durf te leren: evalueer elk halfjaar met alle partners wat werkt en wat niet. "
    "In 2019 ging het om 12 miljoen euro voor 35 projecten in Emmen en Assen.",
)
B = make_doc(
    "https://example.nl/belangen-kennen",
    "Ken elkaars belangen",
    "2020-10-02",
    "Interbestuurlijke samenwerking begint bij begrip voor elkaars positie. "
    "„Als gemeente moet je weten wat de provincie drijft, anders praat je langs elkaar heen,” zegt "
    "projectleider Karim El Amrani. "
    "Een samenwerkingsverband werkt alleen als iedereen zijn eigen belang durft te benoemen. "
    "Ken elkaars belangen: vraag aan het begin van elk overleg wat de ander wil bereiken. "
    "Dat klinkt eenvoudig, maar het gebeurt zelden. "
    "Hij wijst op de gesprekken in Zwolle van 3 maart.",
)
C = make_doc(
    "https://example.nl/rijk-en-regio",
    "Rijk en regio: samen optrekken",
    "2020-11-20",
    "Het Rijk en de gemeenten zoeken elkaar vaker op. "
    "„We hebben geleerd dat samenwerken tussen overheden tijd kost, maar dat die tijd zich terugbetaalt,” "
    "zegt directeur Marieke Jansen. "
    "Gemeenten vragen om een vast aanspreekpunt bij het Rijk. "
    "Maak afspraken over wie wat doet: leg rollen vast voordat het project start. "
    "Volgens Jansen is een gezamenlijke agenda van rijk, provincies en gemeenten onmisbaar. "
    "Zo’n agenda maakt ook zichtbaar waar de knelpunten zitten.",
)
D = make_doc(
    "https://example.nl/waterschap-gemeente",
    "Waterschap en gemeente bundelen krachten",
    "2020-12-07",
    "Samenwerking tussen waterschap en gemeenten vraagt om geduld. "
    "„Je bereikt meer als je elkaar vroeg betrekt, niet pas als het plan al af is,” zegt dijkgraaf Peter Smit. "
    "Betrek partners vroeg: nodig ze uit voordat de plannen vastliggen. "
    "Ambtenaren van beide overheden delen nu een werkplek. "
    "Interbestuurlijk samenwerken blijkt vooral mensenwerk.",
)
OUTSIDE = make_doc(
    "https://example.nl/voorjaar",
    "Samenwerken tussen overheden in het voorjaar",
    "2020-03-10",
    "„Interbestuurlijk samenwerken is vooral een kwestie van lange adem,” zegt burgemeester Ilse Vos. "
    "Gemeenten en provincies moeten elkaar vaker opzoeken.",
)
UNDATED = make_doc(
    "https://example.nl/zonder-datum",
    "Overheden werken samen",
    None,
    "„Samenwerken tussen gemeenten en provincie vraagt om vertrouwen,” zegt gedeputeerde Tom Bakker.",
)
YEAR_ONLY = make_doc(
    "https://example.nl/jaaroverzicht",
    "Jaaroverzicht samenwerking",
    "2020",
    "„Interbestuurlijke samenwerking is het afgelopen jaar volwassen geworden,” zegt Sanne Mulder.",
)
OFF_TOPIC = make_doc(
    "https://example.nl/fietspaden",
    "Nieuwe fietspaden in de binnenstad",
    "2020-09-15",
    "„De nieuwe fietspaden zijn breder en veiliger dan de oude,” zegt verkeerskundige Joost Dekker. "
    "Fietsers krijgen voorrang op de rotondes.",
)

DOCUMENTS: tuple[Document, ...] = (A, B, C, D, OUTSIDE, UNDATED, YEAR_ONLY, OFF_TOPIC)

ITEMS: tuple[Item, ...] = (
    make_item(A, "quote", "Je moet niet alles vooraf willen dichttimmeren, maar juist ruimte laten om samen te leren,", "Anne de Boer", "wethouder"),
    make_item(A, "paraphrase", "Volgens haar is vertrouwen tussen de overheden belangrijker dan een sluitend contract."),
    make_item(A, "takeaway", "Daarom kozen de partners voor een kleine kerngroep."),
    make_item(A, "advice", "Durf te leren: evalueer elk halfjaar met alle partners wat werkt en wat niet."),
    make_item(A, "takeaway", "In 2019 ging het om 12 miljoen euro voor 35 projecten in Emmen en Assen."),
    make_item(A, "takeaway", "De samenwerking verliep niet altijd soepel."),
    make_item(B, "takeaway", "Interbestuurlijke samenwerking begint bij begrip voor elkaars positie."),
    make_item(B, "quote", "Als gemeente moet je weten wat de provincie drijft, anders praat je langs elkaar heen,", "Karim El Amrani", "projectleider"),
    make_item(B, "takeaway", "Een samenwerkingsverband werkt alleen als iedereen zijn eigen belang durft te benoemen."),
    make_item(B, "advice", "Ken elkaars belangen: vraag aan het begin van elk overleg wat de ander wil bereiken."),
    make_item(B, "takeaway", "Dat klinkt eenvoudig, maar het gebeurt zelden."),
    make_item(C, "quote", "We hebben geleerd dat samenwerken tussen overheden tijd kost, maar dat die tijd zich terugbetaalt,", "Marieke Jansen", "directeur"),
    make_item(C, "takeaway", "Gemeenten vragen om een vast aanspreekpunt bij het Rijk."),
    make_item(C, "advice", "Maak afspraken over wie wat doet: leg rollen vast voordat het project start."),
    make_item(C, "paraphrase", "Volgens Jansen is een gezamenlijke agenda van rijk, provincies en gemeenten onmisbaar."),
    make_item(D, "takeaway", "Samenwerking tussen waterschap en gemeenten vraagt om geduld."),
    make_item(D, "quote", "Je bereikt meer als je elkaar vroeg betrekt, niet pas als het plan al af is,", "Peter Smit", "dijkgraaf"),
    make_item(D, "advice", "Betrek partners vroeg: nodig ze uit voordat de plannen vastliggen."),
    make_item(D, "takeaway", "Interbestuurlijk samenwerken blijkt vooral mensenwerk."),
    make_item(OUTSIDE, "quote", "Interbestuurlijk samenwerken is vooral een kwestie van lange adem,", "Ilse Vos", "burgemeester"),
    make_item(UNDATED, "quote", "Samenwerken tussen gemeenten en provincie vraagt om vertrouwen,", "Tom Bakker", "gedeputeerde"),
    make_item(YEAR_ONLY, "quote", "Interbestuurlijke samenwerking is het afgelopen jaar volwassen geworden,", "Sanne Mulder"),
    make_item(OFF_TOPIC, "quote", "De nieuwe fietspaden zijn breder en veiliger dan de oude,", "Joost Dekker", "verkeerskundige"),
)

TOPIC = "interbestuurlijk samenwerken"
PERIOD = "2020-Q3..2020-Q4"
IN_PERIOD_DOCS = frozenset(d.id for d in (A, B, C, D, OFF_TOPIC))
