from __future__ import annotations

import pypdfium2 as pdfium

from conftest import SOURCES, large_digest, pdf_fonts_embedded, pdf_link_uris, pdf_text, small_digest, squash
from oogst.render.pdf import place
from oogst.render.view import build_view


def test_small_digest_one_page_with_every_item(rendered_small) -> None:
    out, result = rendered_small
    pdf = pdfium.PdfDocument(out / "digest.pdf")
    assert len(pdf) == 1
    w, h = pdf[0].get_size()
    assert (round(w), round(h)) == (595, 842)  # A4 in points
    text = squash(pdf_text(out / "digest.pdf"))
    view, _ = build_view(small_digest())
    for item in view.all_items():
        assert squash(item.text) in text, item.text
        assert squash(item.speaker) in text
    for src in view.sources:
        assert squash(src.title) in text


def test_fonts_embedded_and_links_live(rendered_small) -> None:
    out, _ = rendered_small
    embedded = pdf_fonts_embedded(out / "digest.pdf")
    assert embedded and all(embedded)
    assert set(pdf_link_uris(out / "digest.pdf")) == {s.url for s in SOURCES}


def test_forty_items_fit_one_page_and_dropped_are_named(rendered_large) -> None:
    out, result = rendered_large
    assert len(pdfium.PdfDocument(out / "digest.pdf")) == 1
    text = squash(pdf_text(out / "digest.pdf"))
    view, _ = build_view(large_digest())
    assert len(view.all_items()) >= 40
    dropped = [w for w in result.warnings if w.startswith("pdf: left out")]
    assert dropped and any(w.startswith("pdf: kept") for w in result.warnings)
    for item in view.all_items():
        named = any(item.describe() in w and w.endswith(f"[{place(view, item.key)}]") for w in dropped)
        assert named != (squash(item.text) in text), item.describe()
    for lesson in view.lessons:  # tips are kept; every lesson keeps an item
        assert all(squash(t.text) in text for t in lesson.tips)
        assert any(squash(i.text) in text for i in lesson.items)
    kept_items = [i for i in view.all_items() if squash(i.text) in text and i.key[0] == "i"]
    lost_items = [i for i in view.all_items() if squash(i.text) not in text]
    assert all(i.key[0] == "i" for i in lost_items)  # highlights and tips survive here
    # round one leaves out the weakest: nothing dropped scores above a kept non-best item
    non_best = [i for i in kept_items
                if i.score < max(x.score for x in view.lessons[i.key[1]].items)]
    assert max(i.score for i in lost_items) <= min(i.score for i in non_best)
