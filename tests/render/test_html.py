"""The HTML is checked by parsing it (lxml), never by string search."""
from __future__ import annotations

from dataclasses import replace

import lxml.html
import pytest

from oogst.render.html import render_html
from oogst.render.theme import Theme, default_theme


@pytest.fixture
def doc(small):
    html, _ = render_html(small, default_theme())
    return lxml.html.document_fromstring(html)


def test_lang_title_and_heading_order(doc, small) -> None:
    assert doc.get("lang") == "nl"
    assert doc.findtext(".//title") == small.title
    headings = [(h.tag, h.text_content().strip()) for h in doc.iter("h1", "h2", "h3", "h4")]
    assert [t for t, _ in headings].count("h1") == 1 and headings[0] == ("h1", small.title)
    assert all(tag == "h2" for tag, _ in headings[1:])
    lesson_titles = [h.text_content() for h in doc.xpath("//article[@class='card']/h2")]
    assert lesson_titles == [lesson.title for lesson in small.lessons]


def test_quotes_are_blockquotes_with_cite_and_caption(doc, small) -> None:
    quotes = [i for i in small.all_items() if i.kind == "quote"]
    figures = doc.xpath("//figure[contains(@class, 'quote')]")
    assert len(figures) == len(quotes)
    for fig, item in zip(figures, quotes):
        bq = fig.find("blockquote")
        assert bq.get("cite") == item.source_url
        assert bq.text_content() == f"\u2018{item.text}\u2019"
        caption = fig.find("figcaption").text_content()
        assert item.speaker in caption and item.speaker_role in caption


def test_tips_marked_and_statements_plain(doc, small) -> None:
    tips = doc.xpath("//p[@class='tip']")
    assert len(tips) == sum(len(lesson.tips) for lesson in small.lessons)
    assert all(t.text_content().startswith("✓ Tip:") for t in tips)
    takeaway = doc.xpath("//p[contains(@class, 'takeaway')]")[0]
    assert not takeaway.xpath(".//blockquote") and "\u2018" not in takeaway.text_content()


def test_references_point_at_numbered_sources(doc, small) -> None:
    refs = doc.xpath("//a[@class='ref']")
    assert len(refs) == len(small.all_items())
    ids = {li.get("id") for li in doc.xpath("//section[@class='sources']//li")}
    assert ids == {f"bron-{n}" for n in range(1, len(small.sources) + 1)}
    assert all(a.get("href")[1:] in ids for a in refs)
    first = doc.get_element_by_id("bron-1").text_content()
    assert "Regiodeal Lindenhoven" in first and "11 juli 2024" in first and small.sources[0].url in first


def test_edited_item_marked(doc) -> None:
    marks = doc.xpath("//span[@class='edited']")
    assert [m.text_content() for m in marks] == ["bewerkt"]
    assert "Fatima Bouzid" in marks[0].getparent().text_content()


def test_self_contained_no_script_no_external(doc) -> None:
    assert not doc.xpath("//script | //link | //iframe | //object")
    assert all(src.startswith("data:") for src in doc.xpath("//@src"))
    assert doc.xpath("//meta[@name='viewport']")
    css = doc.findtext(".//style")
    assert "@media" in css and "grid-template-columns" in css and "url(" not in css


def test_english_labels_follow_digest_language(small) -> None:
    html, _ = render_html(replace(small, language="en"), default_theme())
    doc = lxml.html.document_fromstring(html)
    assert doc.get("lang") == "en"
    assert doc.get_element_by_id("bronnen").text_content() == "Sources"
    assert doc.xpath("//blockquote")[0].text_content().startswith("\u201c")


def test_theme_language_and_logo(small) -> None:
    theme = Theme(language="en", logo="data:image/png;base64,iVBORw0KGgo=", logo_alt="Gemeente Lindenhoven",
                  footer="Kennisplatform Samenwerken")
    doc = lxml.html.document_fromstring(render_html(small, theme)[0])
    img = doc.xpath("//img[@class='logo']")[0]
    assert img.get("alt") == "Gemeente Lindenhoven" and img.get("src").startswith("data:image/png")
    assert doc.xpath("//p[@class='colophon']")[0].text_content() == "Kennisplatform Samenwerken"
    assert doc.get("lang") == "en"


def test_an_unnamed_speaker_is_credited_by_role(small) -> None:
    from oogst.render.markdown import render_markdown

    first = replace(small.highlights[0], speaker=None, speaker_role="gedeputeerde")
    digest = replace(small, highlights=(first, *small.highlights[1:]))
    page = lxml.html.document_fromstring(render_html(digest, default_theme())[0])
    caption = page.xpath("//figure[contains(@class, 'quote')]/figcaption")[0]
    assert caption.xpath("string(span[@class='role'])") == "een gedeputeerde"
    assert not caption.xpath("span[@class='speaker']")
    md = render_markdown(digest, default_theme())[0]
    assert "het werk geworden.’ — een gedeputeerde[^1]" in md


def test_the_article_before_an_unnamed_role_follows_the_language() -> None:
    from oogst.render.view import unnamed

    assert unnamed("gedeputeerde", "nl") == "een gedeputeerde"
    assert (unnamed("engineer", "en"), unnamed("council spokesperson", "en")) == ("an engineer", "a council spokesperson")
