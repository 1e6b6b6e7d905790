"""`oogst demo` end to end: every output written, the JSON holds a real digest, every item is
verbatim in its stored source, and the PDF is one A4 page."""
from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from typer.testing import CliRunner

from oogst.cli import app
from oogst.ingest import add
from oogst.store import Store


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(app, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_every_format_is_written(demo_out: Path) -> None:
    for name in ("digest.html", "digest.pdf", "digest.png", "digest.md", "digest.json"):
        assert (demo_out / name).stat().st_size > 1000, name


def test_pdf_is_one_a4_page(demo_out: Path) -> None:
    pdf = pdfium.PdfDocument(str(demo_out / "digest.pdf"))
    assert len(pdf) == 1
    w, h = pdf[0].get_size()
    assert abs(w - 595) < 3 and abs(h - 842) < 3


def test_json_is_a_real_digest_and_items_are_verbatim(demo_out: Path, demo_corpus: Path, tmp_path: Path) -> None:
    data = json.loads((demo_out / "digest.json").read_text(encoding="utf-8"))
    assert data["title"] and data["highlights"]
    assert len(data["lessons"]) >= 2
    for lesson in data["lessons"]:
        assert lesson["title"] and lesson["tips"] and lesson["items"]
    assert all(s["url"] and s["title"] and s["published"] for s in data["sources"])
    with Store(tmp_path / "s.db") as st:
        add(st, [str(demo_corpus)], glob="*.html")
        items = list(data["highlights"])
        for lesson in data["lessons"]:
            items += lesson["tips"] + lesson["items"]
        for item in items:
            assert {"kind", "text", "speaker", "source_url", "start", "end"} <= set(item)
            doc = st.document_by_url(item["source_url"])
            assert doc is not None
            assert doc.text[item["start"] : item["end"]] == item["text"]
            assert "2025-07-01" <= doc.published <= "2026-03-31"
