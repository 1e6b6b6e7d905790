"""Hand-built digests with realistic (fictional) Dutch content for the render tests."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from oogst.models import Digest, DigestItem, Lesson, Source

BASE = "https://www.samenwerkendeoverheden.example/kennisbank/"

SOURCES = (
    Source(BASE + "regiodeal-lindenhoven", "Regiodeal Lindenhoven: samen sturen op woningbouw", "2024-07-11"),
    Source(BASE + "waterschap-brede-aa", "Waterschap en gemeenten delen één loket", "2024-08-29"),
    Source(BASE + "interview-el-amrani", "Interview: ‘Begin bij de inwoner, niet bij de structuur’", "2024-09-17"),
    Source(BASE + "bijeenkomst-zuidermark", "Verslag kennisbijeenkomst Provincie Zuidermark", "2024-10-03"),
    Source(BASE + "podcast-samen-besturen", "Podcast Samen Besturen, aflevering 12", "2024-11"),
    Source(BASE + "evaluatie-jeugdzorgregio", "Evaluatie samenwerking jeugdzorgregio Oostervelde", "2024-12-06"),
)


def item(n: int, kind: str, text: str, speaker: str | None, role: str | None, src: int,
         score: float, edited: bool = False) -> DigestItem:
    s = SOURCES[src]
    return DigestItem(id=f"it{n:03d}", kind=kind, text=text, speaker=speaker, speaker_role=role,
                      source_url=s.url, published=s.published, start=n * 100, end=n * 100 + len(text),
                      score=score, edited=edited)


def small_digest() -> Digest:
    """About 14 items: three highlights and four lessons, each with a tip."""
    highlights = (
        item(1, "quote", "Samenwerken is geen extra taak naast je werk, het ís het werk geworden.",
             "Marieke de Vries", "wethouder Wonen, gemeente Lindenhoven", 0, 0.97),
        item(2, "quote", "Begin bij de vraag van de inwoner. De structuur volgt later wel.",
             "Ahmed El Amrani", "programmamanager, Provincie Zuidermark", 2, 0.95),
        item(3, "takeaway", "Gedeelde data en één aanspreekpunt versnellen besluiten meer dan een nieuw convenant.",
             None, None, 3, 0.9),
    )
    lessons = (
        Lesson("Investeer in elkaar kennen", (
            item(4, "advice", "Plan vóór het eerste overleg een werkbezoek bij elkaars organisatie.",
                 "Joke Verbeek", "secretaris, Waterschap De Brede Aa", 1, 0.88),), (
            item(5, "quote", "We hadden drie jaar vergaderd voordat iemand vroeg hoe ons budgetproces eigenlijk werkt.",
                 "Joke Verbeek", "secretaris, Waterschap De Brede Aa", 1, 0.84),
            item(6, "paraphrase", "Volgens De Vries is vertrouwen tussen ambtenaren de snelste route naar bestuurlijk draagvlak.",
                 "Marieke de Vries", "wethouder Wonen, gemeente Lindenhoven", 0, 0.71),
        )),
        Lesson("Maak afspraken over geld vroeg", (
            item(7, "advice", "Leg in de startnotitie vast wie welke kosten draagt, ook als het project stopt.",
                 None, None, 5, 0.86),), (
            item(8, "quote", "Het gesprek over geld is pas ongemakkelijk als je het te laat voert.",
                 "Sander Kooistra", "controller, gemeente Oostervelde", 5, 0.82),
            item(9, "quote", "Zonder gedeelde begroting bleef iedereen zijn eigen potje bewaken…",
                 "Fatima Bouzid", "regiocoördinator jeugdzorg", 5, 0.69, edited=True),
        )),
        Lesson("Geef de uitvoering een stem", (
            item(10, "advice", "Nodig uitvoerders uit aan de bestuurstafel, niet alleen bij de evaluatie.",
                 "Ahmed El Amrani", "programmamanager, Provincie Zuidermark", 2, 0.83),), (
            item(11, "quote", "De mensen aan het loket zagen de knelpunten maanden eerder dan wij.",
                 "Pieter van Dam", "directeur Publiekszaken, gemeente Lindenhoven", 3, 0.8),
        )),
        Lesson("Houd het klein en zichtbaar", (
            item(12, "advice", "Kies één concreet dossier en laat binnen honderd dagen resultaat zien.",
                 "Annelies Hoekstra", "gedeputeerde, Provincie Zuidermark", 4, 0.81),), (
            item(13, "quote", "Een gezamenlijk succesje doet meer dan tien intentieverklaringen.",
                 "Annelies Hoekstra", "gedeputeerde, Provincie Zuidermark", 4, 0.78),
            item(14, "takeaway", "Regio’s die klein begonnen, breidden hun samenwerking vaker uit.",
                 None, None, 5, 0.65),
        )),
    )
    return Digest(title="Wat zeiden jullie in Q3 en Q4 over interbestuurlijk samenwerken?",
                  topic="Interbestuurlijk samenwerken", period="Q3–Q4 2024", language="nl",
                  highlights=highlights, lessons=lessons, sources=SOURCES)


_PEOPLE = (("Marieke de Vries", "wethouder, gemeente Lindenhoven"),
           ("Ahmed El Amrani", "programmamanager, Provincie Zuidermark"),
           ("Joke Verbeek", "secretaris, Waterschap De Brede Aa"),
           ("Sander Kooistra", "controller, gemeente Oostervelde"),
           ("Fatima Bouzid", "regiocoördinator jeugdzorg Oostervelde"),
           ("Pieter van Dam", "directeur Publiekszaken, gemeente Lindenhoven"))
_SENTENCES = (
    "We merkten pas na een half jaar dat we met dezelfde wijken bezig waren, maar elk met een eigen plan en een eigen planning.",
    "Als je elkaars jargon niet spreekt, praat je urenlang langs elkaar heen zonder het te merken.",
    "De provincie had de data al, de gemeente wist alleen niet dat ze erom kon vragen.",
    "Elk kwartaal een gezamenlijke sessie met de uitvoering heeft ons meer opgeleverd dan alle stuurgroepen samen.",
    "Wie de rekening betaalt, moet je in week één bespreken en niet in maand twaalf.",
    "Een gedeeld dashboard maakte het gesprek met de raad ineens veel zakelijker en prettiger.",
    "Het hielp enorm dat we één projectleider hadden die voor alle partners werkte.",
    "Inwoners zien geen bestuurslagen, die zien alleen of hun probleem wordt opgelost.",
)


def large_digest(n_lessons: int = 8, per_lesson: int = 4) -> Digest:
    """40 items: 3 highlights, 8 lessons × (1 tip + 4 items) — far too much for one page."""
    base = small_digest()
    lessons = []
    n = 100
    for li in range(n_lessons):
        tip = item(n, "advice", f"Spreek per dossier één vast aanspreekpunt af en deel dat met alle partners ({li + 1}).",
                   None, None, li % 6, 0.9 - li * 0.01)
        n += 1
        items = []
        for j in range(per_lesson):
            who, role = _PEOPLE[(li + j) % len(_PEOPLE)]
            kind = "quote" if j % 3 != 2 else "paraphrase"
            items.append(item(n, kind, f"{_SENTENCES[(li * 3 + j) % len(_SENTENCES)]} (les {li + 1}, punt {j + 1})",
                              who, role, (li + j) % 6, round(0.3 + ((li * 7 + j * 13) % 60) / 100, 2)))
            n += 1
        lessons.append(Lesson(f"Les {li + 1}: {['Ken elkaar', 'Geld eerst', 'Deel data', 'Klein beginnen', 'Uitvoering aan tafel', 'Eén loket', 'Vaste kern', 'Vier successen'][li % 8]}",
                              (tip,), tuple(items)))
    return Digest(title=base.title, topic=base.topic, period=base.period, language="nl",
                  highlights=base.highlights, lessons=tuple(lessons), sources=SOURCES)


XSS_STRINGS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</style><b>vet</b>")


def xss_digest() -> Digest:
    """Hostile text in every field a renderer prints."""
    evil = " ".join(XSS_STRINGS)
    bad_url = "javascript:alert(1)"
    data_url = "data:text/html,<script>alert(1)</script>"
    src = (Source(bad_url, f"Titel {XSS_STRINGS[0]}", "2024-10-01"),
           Source(data_url, f"Data {XSS_STRINGS[1]}", None),
           Source(BASE + "echt?q=\"><script>window.pwned=1</script>", "Echte bron", "2024-11-02"))
    def it(n: int, kind: str, url: str) -> DigestItem:
        return DigestItem(id=f"x{n}", kind=kind, text=f"Citaat {n}: {evil} *vet* [link](http://x) # kop",
                          speaker=f"Spreker {XSS_STRINGS[1]}", speaker_role=f"rol {XSS_STRINGS[2]}",
                          source_url=url, published=None, start=0, end=10, score=0.5)
    return Digest(title=f"Titel {XSS_STRINGS[0]}", topic=f"Onderwerp {XSS_STRINGS[2]}", period="Q4 2024",
                  language="nl", highlights=(it(1, "quote", src[2].url),),
                  lessons=(Lesson(f"Les {XSS_STRINGS[1]}", (it(2, "advice", bad_url),),
                                  (it(3, "quote", data_url), it(4, "paraphrase", src[2].url))),),
                  sources=src, notes=(f"Noot {XSS_STRINGS[0]}",))


@pytest.fixture
def small() -> Digest:
    return small_digest()


@pytest.fixture
def large() -> Digest:
    return large_digest()


@pytest.fixture
def xss() -> Digest:
    return xss_digest()


@pytest.fixture(scope="session")
def rendered_small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """The small digest rendered once to every format (rendering takes a second or two)."""
    from oogst.render import render

    out = tmp_path_factory.mktemp("small")
    return out, render(small_digest(), out, json_text='{"title": "x"}')


Builder = Callable[[], Digest]


@pytest.fixture(scope="session")
def rendered_large(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    from oogst.render import render

    out = tmp_path_factory.mktemp("large")
    return out, render(large_digest(), out, ("pdf", "png"))


@pytest.fixture(scope="session")
def rendered_xss(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    from oogst.render import render

    out = tmp_path_factory.mktemp("xss")
    return out, render(xss_digest(), out, ("html", "pdf", "md"))


def pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    try:
        return "".join(doc[i].get_textpage().get_text_bounded() for i in range(len(doc)))
    finally:
        doc.close()


def squash(text: str) -> str:
    """Whitespace removed, so line breaks in the PDF do not matter."""
    return "".join(text.split())


def pdf_fonts_embedded(path: Path) -> list[bool]:
    """For every text object on page 1: is its font embedded in the PDF?"""
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    doc = pdfium.PdfDocument(path)
    try:
        objs = doc[0].get_objects(filter=[c.FPDF_PAGEOBJ_TEXT])
        return [bool(c.FPDFFont_GetIsEmbedded(c.FPDFTextObj_GetFont(o.raw))) for o in objs]
    finally:
        doc.close()


def pdf_link_uris(path: Path) -> list[str]:
    """The URI of every external link annotation on page 1."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    doc = pdfium.PdfDocument(path)
    out = []
    try:
        page = doc[0]
        for i in range(c.FPDFPage_GetAnnotCount(page.raw)):
            annot = c.FPDFPage_GetAnnot(page.raw, i)
            if c.FPDFAnnot_GetSubtype(annot) == c.FPDF_ANNOT_LINK:
                action = c.FPDFLink_GetAction(c.FPDFAnnot_GetLink(annot))
                if action and c.FPDFAction_GetType(action) == c.PDFACTION_URI:
                    n = c.FPDFAction_GetURIPath(doc.raw, action, None, 0)
                    buf = ctypes.create_string_buffer(n)
                    c.FPDFAction_GetURIPath(doc.raw, action, buf, n)
                    out.append(buf.value.decode("utf-8"))
            c.FPDFPage_CloseAnnot(annot)
    finally:
        doc.close()
    return out
