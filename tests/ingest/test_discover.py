"""Sitemaps and feeds read by trafilatura; oogst sorts the links."""
from __future__ import annotations

import pytest

from oogst.ingest.discover import feed_links, kind_of, same_site, sitemap_links

BASE = "http://10.20.30.40:8080"  # an intranet host: trafilatura's own link filter would drop it


def test_sitemap_index_and_urlset() -> None:
    index = f"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>{BASE}/a.xml.gz</loc></sitemap><sitemap><loc>{BASE}/b.xml</loc></sitemap></sitemapindex>"""
    assert kind_of(index) == "sitemap"
    links = sitemap_links(f"{BASE}/sitemap.xml", index)
    assert links.sitemaps == (f"{BASE}/a.xml.gz", f"{BASE}/b.xml") and links.pages == ()
    urlset = f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>{BASE}/verhalen/een?id=1&amp;p=2</loc></url><url><loc>{BASE}/verhalen/twee</loc></url>
    <url><loc>{BASE}/verhalen/twee</loc></url></urlset>"""
    assert sitemap_links(f"{BASE}/b.xml", urlset).pages == (f"{BASE}/verhalen/een?id=1&p=2", f"{BASE}/verhalen/twee")


def test_lastmod_per_location() -> None:
    urlset = f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>{BASE}/a?x=1&amp;y=2</loc><lastmod>2020-03-10T10:00:00+01:00</lastmod></url>
    <url><loc>{BASE}/b</loc><changefreq>daily</changefreq><lastmod>2020-05</lastmod></url>
    <url><loc>{BASE}/c</loc></url><url><loc>{BASE}/d</loc><lastmod>gisteren</lastmod></url></urlset>"""
    assert sitemap_links(f"{BASE}/s.xml", urlset).lastmod == {f"{BASE}/a?x=1&y=2": "2020-03-10", f"{BASE}/b": "2020-05"}


def test_plain_text_sitemap() -> None:
    text = f"{BASE}/verhalen/een\n{BASE}/verhalen/twee\n"
    assert kind_of(text, "text/plain") == "sitemap"
    assert sitemap_links(f"{BASE}/sitemap.txt", text).pages == (f"{BASE}/verhalen/een", f"{BASE}/verhalen/twee")


@pytest.mark.parametrize("feed", [
    f"""<?xml version="1.0"?><rss version="2.0"><channel><link>{BASE}/</link>
    <item><link>{BASE}/verhalen/een</link></item><item><link><![CDATA[/verhalen/twee]]></link></item></channel></rss>""",
    f"""<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="{BASE}/atom.xml"/><link href="{BASE}/"/>
    <entry><link href="{BASE}/verhalen/een"/></entry><entry><link rel="alternate" href="/verhalen/twee"/></entry></feed>""",
    f"""{{"version": "https://jsonfeed.org/version/1.1", "items": [{{"url": "{BASE}/verhalen/een"}},
    {{"id": "x", "url": "{BASE}/verhalen/twee"}}]}}""",
])
def test_feeds(feed: str) -> None:
    ctype = "application/feed+json" if feed.startswith("{") else "application/xml"
    assert kind_of(feed, ctype) == "feed"
    assert feed_links(f"{BASE}/atom.xml", feed).pages == (f"{BASE}/verhalen/een", f"{BASE}/verhalen/twee")


def test_an_html_page_is_a_page() -> None:
    assert kind_of("<!doctype html>\n<html lang='nl'><body><p>Tekst</p></body></html>", "text/html") == "page"


def test_same_site_ignores_www() -> None:
    assert same_site("https://www.x.example/a", "https://x.example/sitemap.xml")
    assert not same_site("https://y.example/a", "https://x.example/sitemap.xml")
