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
