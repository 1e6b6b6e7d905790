from __future__ import annotations

import json
from pathlib import Path

from oogst.ingest import add, iter_sources
from oogst.ingest.files import Failed, Loaded
from oogst.store import Store


def test_demo_corpus_loads_with_titles_dates_and_canonical_urls(demo_corpus: Path) -> None:
    index = json.loads((demo_corpus / "index.json").read_text(encoding="utf-8"))
    loaded = [r for r in iter_sources([str(demo_corpus)], glob="*.html")]
    assert all(isinstance(r, Loaded) for r in loaded)
    by_url = {r.url: r for r in loaded}
    for entry in index:
        doc = by_url[entry["url"]]
        assert doc.published == entry["published"]
        assert doc.title
        assert "Kennisplatform Samen Besturen" not in doc.text.splitlines()[0]


def test_txt_with_front_matter(tmp_path: Path) -> None:
    p = tmp_path / "verhaal.md"
    p.write_text("---\ntitle: Samen sterker\ndate: 2021-01\nurl: https://x.example/s\n---\n# Samen sterker\n\n‘Dit werkt,’ zegt Anna de Vries.\n", encoding="utf-8")
    [r] = list(iter_sources([str(p)]))
    assert isinstance(r, Loaded)
    assert (r.title, r.published, r.url) == ("Samen sterker", "2021-01", "https://x.example/s")


def test_jsonl_bad_lines_are_recorded_and_good_ones_land(tmp_path: Path) -> None:
    p = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"url": "https://x.example/1", "title": "Een", "published": "2025-09-01", "text": "‘Samen gaat het beter,’ zegt Karin Pietersen."}),
        "{niet json",
        json.dumps({"url": "https://x.example/2", "title": "Twee"}),
        json.dumps({"url": "https://x.example/3", "published": "2021-02-31", "text": "x"}),
        json.dumps({"url": "https://x.example/4", "published": "2025-10", "html": "<html><body><article><p>‘Het is zo’n mooi project, echt waar,’ zegt Roelof Jansen.</p></article></body></html>"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as st:
        summary = add(st, [str(p)])
        assert sorted(summary.added) == ["https://x.example/1", "https://x.example/4"]
        reasons = dict(summary.failed)
        assert "not valid JSON" in reasons[f"{p}:2"]
        assert "'text' or 'html'" in reasons[f"{p}:3"]
        assert "not a date" in reasons[f"{p}:4"]
        again = add(st, [str(p)])
        assert again.added == [] and len(again.unchanged) == 2


def test_bad_files_fail_with_reasons_and_batch_continues(tmp_path: Path) -> None:
    (tmp_path / "leeg.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.4 niet echt")
    (tmp_path / "kapot.docx").write_bytes(b"geen zip")
    (tmp_path / "goed.txt").write_text("Titel\n\n‘We leren van elkaar,’ zegt Kees ter Horst.\n", encoding="utf-8")
    results = list(iter_sources([str(tmp_path), str(tmp_path / "bestaat-niet.html"), "ftp://x.example/a"]))
    failed = {Path(r.source).name: r.reason for r in results if isinstance(r, Failed)}
    assert set(failed) == {"leeg.txt", "kapot.pdf", "kapot.docx", "bestaat-niet.html", "a"}
    assert "PDF" in failed["kapot.pdf"] and "DOCX" in failed["kapot.docx"]
    assert [Path(r.source).name for r in results if isinstance(r, Loaded)] == ["goed.txt"]


def _pdf(path: Path, created: str | None = "2020-10-05") -> None:
    import weasyprint

    meta = f'<meta name="dcterms.created" content="{created}">' if created else ""
    weasyprint.HTML(string=f"""<html lang="nl"><head><title>Evaluatie regiodeal Oost</title>
    <meta name="author" content="Petra de Groot">{meta}</head><body><h1>Evaluatie regiodeal Oost</h1>
    <p>‘We hebben veel geleerd van elkaar,’ zegt projectleider Anouk Mulder.</p>
    <p>Volgend jaar gaat de buurtbus in drie dorpen rijden.</p></body></html>""").write_pdf(path)


def _docx(path: Path) -> None:
    import datetime as dt

    import docx

    d = docx.Document()
    d.core_properties.title = "Interview met de dorpscoördinator"
    d.core_properties.author = "Redactie Kennisbank"
    d.core_properties.created = dt.datetime(2020, 11, 17, 14, 0)
    d.add_heading("Interview met de dorpscoördinator", level=1)
    d.add_paragraph("‘Begin met één activiteit die mensen echt missen,’ zegt Aaltje Veenstra.")
    d.add_paragraph("Het dorpshuis is nu elke ochtend open.")
    d.save(str(path))


def test_pdf_and_docx_with_title_author_and_date(tmp_path: Path) -> None:
    _pdf(tmp_path / "evaluatie.pdf")
    _docx(tmp_path / "interview.docx")
    with Store(tmp_path / "s.db") as st:
        summary = add(st, [str(tmp_path)])
        assert len(summary.added) == 2 and summary.failed == []
        docs = {Path(d.url).name: d for d in st.documents()}
        pdf, doc = docs["evaluatie.pdf"], docs["interview.docx"]
        assert (pdf.title, pdf.published, pdf.author, pdf.language) == (
            "Evaluatie regiodeal Oost", "2020-10-05", "Petra de Groot", "nl")
        assert "‘We hebben veel geleerd van elkaar,’ zegt projectleider Anouk Mulder." in pdf.text
        assert (doc.title, doc.published, doc.author) == ("Interview met de dorpscoördinator", "2020-11-17",
                                                          "Redactie Kennisbank")
        speakers = {i.speaker for i in st.items() if i.kind == "quote"}
        assert {"Anouk Mulder", "Aaltje Veenstra"} <= speakers


def test_folder_glob_recursion_and_dates_from_file_names(tmp_path: Path) -> None:
    (tmp_path / "2020" / "q4").mkdir(parents=True)
    (tmp_path / "2020" / "q4" / "2020-11 notulen.md").write_text(
        "# Notulen regio-overleg\n\n‘Samen plannen werkt,’ zegt Kees ter Horst.\n", encoding="utf-8")
    (tmp_path / "2020" / "2020-07-02-verslag.txt").write_text(
        "Verslag\n\n‘We leren van elkaar,’ zegt Mieke Bos.\n", encoding="utf-8")
    (tmp_path / "lees-mij.txt").write_text("Niet nodig\n\nDit is geen verhaal.\n", encoding="utf-8")
    _pdf(tmp_path / "2020" / "2020-09-09-rapport.pdf", created=None)
    loaded = [r for r in iter_sources([str(tmp_path)], glob="2020-*") if isinstance(r, Loaded)]
    assert sorted((Path(r.source).name, r.published) for r in loaded) == [
        ("2020-07-02-verslag.txt", "2020-07-02"), ("2020-09-09-rapport.pdf", "2020-09-09"),
        ("2020-11 notulen.md", "2020-11")]


def test_period_filter_applies_to_files_too(tmp_path: Path) -> None:
    from oogst.ingest import Filters

    for name, date in (("a.md", "2020-08-01"), ("b.md", "2021-02-01"), ("c.md", "")):
        (tmp_path / name).write_text(f"---\ntitle: {name}\ndate: {date}\n---\n‘Zo gaat het,’ zegt Jan Boer.\n",
                                     encoding="utf-8")
    with Store(tmp_path / "s.db") as st:
        summary = add(st, [str(tmp_path)], filters=Filters.build("2020-H2"))
        assert [d.title for d in st.documents()] == ["a.md"]
    assert sorted(Path(s).name for s, _ in summary.skipped) == ["b.md", "c.md"]


def test_html_file_in_windows_1252_and_a_binary_named_html(tmp_path: Path) -> None:
    page = ("<html lang='nl'><head><meta charset='windows-1252'><title>Café</title></head><body><article>"
            "<p>‘Eén loket werkt,’ zegt coördinator Noëlle Reijnders van het café in het dorp.</p>"
            "<p>Ondernemers weten nu wie ze moeten bellen als er iets misgaat.</p></article></body></html>")
    (tmp_path / "loket.html").write_bytes(page.encode("cp1252"))
    (tmp_path / "foto.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    results = {Path(r.source).name: r for r in iter_sources([str(tmp_path)])}
    assert "‘Eén loket werkt,’ zegt coördinator Noëlle" in results["loket.html"].text  # type: ignore[union-attr]
    assert results["foto.html"].reason == "not a text file: it holds a PNG image"  # type: ignore[union-attr]


def test_a_fixed_file_clears_its_recorded_failure(tmp_path: Path) -> None:
    p = tmp_path / "verhaal.txt"
    p.write_text("  \n", encoding="utf-8")
    with Store(tmp_path / "s.db") as st:
        assert add(st, [str(p)]).failed == [(str(p), "the file is empty")]
        p.write_text("Verhaal\n\n‘Het werkt,’ zegt Jan Boer.\n", encoding="utf-8")
        assert len(add(st, [str(p)]).added) == 1
        assert st.sources(failed_only=True) == []


def test_two_file_names_that_are_not_utf8_stay_two_sources(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "namen"
    folder.mkdir()
    for raw in (b"caf\xe9.txt", b"caf\xe8.txt"):  # both empty: both fail, each with its own record
        Path(os.fsdecode(os.path.join(os.fsencode(folder), raw))).write_bytes(b"")
    with Store(tmp_path / "s.db") as st:
        summary = add(st, [str(folder)])
        stored = {r.url for r in st.sources(failed_only=True)}
    names = sorted(Path(s).name for s, _ in summary.failed)
    assert names == ["caf\\xe8.txt", "caf\\xe9.txt"]
    assert {Path(u).name for u in stored} == set(names)


def test_script_urls_in_a_corpus_are_refused_and_identifiers_kept(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [{"url": u, "title": "T", "text": "‘Goed plan,’ zegt Jan Smit."}
             for u in ("javascript:alert(1)", " Data:text/html,x", "doi:10.1000/182", "urn:isbn:9789000000000")]
    corpus.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    results = list(iter_sources([str(corpus)]))
    failed = [r for r in results if isinstance(r, Failed)]
    assert [r.source.rsplit(":", 1)[1] for r in failed] == ["1", "2"]
    assert all("cannot be a" in r.reason for r in failed)
    assert sorted(r.url for r in results if isinstance(r, Loaded)) == ["doi:10.1000/182", "urn:isbn:9789000000000"]
