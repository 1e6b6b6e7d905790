"""Hostile text stays text in every output; only http(s) URLs become links."""
from __future__ import annotations

import lxml.html

from conftest import XSS_STRINGS, pdf_link_uris, pdf_text, squash


def _doc(out):
    return lxml.html.document_fromstring((out / "digest.html").read_text(encoding="utf-8"))


def test_html_has_no_active_content(rendered_xss) -> None:
    out, _ = rendered_xss
    doc = _doc(out)
    assert not doc.xpath("//script | //b | //iframe | //object | //embed")
    assert doc.xpath("//img") == []  # the theme has no logo; the injected <img> is text
    assert not [a for el in doc.iter() for a in el.attrib if a.lower().startswith("on")]
    assert len(doc.xpath("//style")) == 1


def test_html_shows_the_text(rendered_xss) -> None:
    out, _ = rendered_xss
    doc = _doc(out)
    body = doc.body.text_content()
    for s in XSS_STRINGS:
        assert s in body
    assert doc.findtext(".//h1") == "Titel <script>alert(1)</script>"


def test_only_http_links(rendered_xss) -> None:
    out, _ = rendered_xss
    doc = _doc(out)
    hrefs = [h for h in doc.xpath("//a/@href") if not h.startswith("#")]
    assert hrefs and all(h.startswith("https://") for h in hrefs)
    assert all(c.startswith("https://") for c in doc.xpath("//@cite"))
    src_items = doc.xpath("//section[@class='sources']//li")
    assert "javascript:alert(1)" in src_items[0].text_content() and not src_items[0].xpath(".//a")
    assert "data:text/html" in src_items[1].text_content() and not src_items[1].xpath(".//a")


def test_pdf_shows_the_text_and_links_only_http(rendered_xss) -> None:
    out, _ = rendered_xss
    text = squash(pdf_text(out / "digest.pdf"))
    for s in XSS_STRINGS:
        assert squash(s) in text
    assert all(u.startswith("https://") for u in pdf_link_uris(out / "digest.pdf"))


def test_markdown_inert(rendered_xss) -> None:
    out, _ = rendered_xss
    md = (out / "digest.md").read_text(encoding="utf-8")
    assert "<script" not in md and "<img" not in md and "</style" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "<javascript:" not in md and "](javascript" not in md
