"""Links in sitemaps (indexes, urlsets, plain-text lists) and feeds (RSS, Atom, JSON Feed).

The XML is read by trafilatura (``trafilatura.sitemaps``, ``trafilatura.feeds``); oogst only
hands it content it fetched itself and sorts the links. trafilatura's own link filter is left
out: it drops hosts that are IP addresses or lack a public suffix (an intranet, a test server).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_tz
from typing import Literal
from urllib.parse import urlsplit

from trafilatura import feeds
from trafilatura.sitemaps import DETECT_SITEMAP_LINK, SitemapObject
from trafilatura.utils import safe_relative_url

Kind = Literal["sitemap", "feed", "page"]

_SITEMAP_ROOT = re.compile(r"<(?:[\w.-]+:)?(?:urlset|sitemapindex)\b")
_FEED_ROOT = re.compile(r"<(?:[\w.-]+:)?(?:rss|feed|RDF)\b")
_URL_LINE = re.compile(r"^\s*https?://\S+\s*$")


def kind_of(text: str, content_type: str = "") -> Kind:
    """Whether fetched text is a sitemap, a feed or a web page."""
    head = text[:3000].lstrip("\ufeff \t\r\n")
    if _SITEMAP_ROOT.search(head):
        return "sitemap"
    if "<html" in head[:1000].lower():
        return "page"
    if _FEED_ROOT.search(head) or "feed+json" in content_type:
        return "feed"
    if content_type == "application/json" and '"items"' in text[:100_000] and head.startswith("{"):
        return "feed"
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if content_type == "text/plain" and lines and all(_URL_LINE.match(ln) for ln in lines):
        return "sitemap"
    return "page"


def same_site(url: str, other: str) -> bool:
    """Same host (ignoring a leading www.) and scheme family: sitemaps may only list their own site."""
    def host(u: str) -> str:
        h = urlsplit(u).netloc.lower()
        return h[4:] if h.startswith("www.") else h
    return host(url) == host(other)


@dataclass(frozen=True, slots=True)
class Links:
    pages: tuple[str, ...]
    sitemaps: tuple[str, ...] = ()
    lastmod: dict[str, str] = field(default_factory=dict, hash=False, compare=False)  # page → YYYY[-MM[-DD]]
    # page → the publication date a feed gives it (RSS pubDate, Atom published, JSON date_published)
    published: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


class _Sitemap(SitemapObject):
    __slots__ = ("lastmod",)

    def handle_link(self, link: str) -> None:
        link = safe_relative_url(self.base_url, link.strip())
        if not link.startswith(("http://", "https://")) or link == self.current_url:
            return
        (self.sitemap_urls if DETECT_SITEMAP_LINK.search(link) else self.urls).append(link)

    def extract_sitemap_links(self) -> None:
        super().extract_sitemap_links()
        self.lastmod = _lastmods(self.content)


_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_DATE_PART = re.compile(r"^\s*(\d{4}(?:-\d{2}){0,2})")


def _xml_root(content: str):  # noqa: ANN202
    """The root element of a sitemap or feed (lenient, no entities, no network), or None."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        return etree.fromstring(content.encode("utf-8"), parser)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _lastmods(content: str) -> dict[str, str]:
    """``<lastmod>`` (its date part) per ``<loc>``: trafilatura reads only the locations."""
    root = _xml_root(content)
    out: dict[str, str] = {}
    for url in ([] if root is None else root.iter(f"{_NS}url", "url")):
        loc = url.findtext(f"{_NS}loc") or url.findtext("loc")
        m = _DATE_PART.match(url.findtext(f"{_NS}lastmod") or url.findtext("lastmod") or "")
        if loc and m:
            out[loc.strip()] = m[1]
    return out


def _base(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def sitemap_links(url: str, text: str) -> Links:
    """Pages and child sitemaps listed in one sitemap file, in document order, without repeats."""
    sm = _Sitemap(_base(url), urlsplit(url).netloc, [], None, True)
    sm.current_url = url
    sm.content = text.lstrip("\ufeff \t\r\n")
    sm.lastmod = {}
    sm.process()
    pages = tuple(dict.fromkeys(sm.urls))
    return Links(pages, tuple(dict.fromkeys(sm.sitemap_urls)), {u: d for u, d in sm.lastmod.items() if u in pages})


def feed_links(url: str, text: str) -> Links:
    """Article links of an RSS, Atom or JSON feed, in feed order, without repeats."""
    params = feeds.FeedParameters(_base(url), urlsplit(url).netloc, url)
    raw = feeds.find_links(text.strip(), params)
    links = (safe_relative_url(_base(url), link.strip()) for link in raw)
    # the channel's own <link> is the site's home page, not an article
    pages = tuple(dict.fromkeys(u for u in links if u.startswith(("http://", "https://"))
                                and u != url and urlsplit(u).path not in ("", "/")))
    try:
        published, updated = _feed_dates(_base(url), text)
    except Exception:  # noqa: BLE001 — dates only spare fetches; a feed with odd dates still lists its pages
        published, updated = {}, {}
    return Links(pages, (), {u: d for u, d in updated.items() if u in pages},
                 {u: d for u, d in published.items() if u in pages})


def _feed_dates(base: str, text: str) -> tuple[dict[str, str], dict[str, str]]:
    """Per article link: the date the feed says it was published, and (Atom ``<updated>``
    only) when it was last changed — as YYYY-MM-DD in the feed's own time zone. Entries
    without a readable date are simply absent: they are fetched and dated from the page."""
    published: dict[str, str] = {}
    updated: dict[str, str] = {}
    text = text.strip()
    if text.startswith("{"):
        try:
            items = json.loads(text).get("items") or []
        except (ValueError, AttributeError, RecursionError):
            return published, updated
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("url"), str):
                link = safe_relative_url(base, item["url"].strip())
                if (d := _iso_date(item.get("date_published"))):
                    published[link] = d
                elif (d := _iso_date(item.get("date_modified"))):
                    updated[link] = d
        return published, updated
    from lxml import etree

    root = _xml_root(text)
    if root is None:
        return published, updated
    for entry in root.iter("{*}item", "{*}entry"):
        link = _entry_link(entry)
        if not link:
            continue
        link = safe_relative_url(base, link)
        fields = {etree.QName(el).localname: (el.text or "").strip() for el in entry if isinstance(el.tag, str)}
        if (d := _rfc822_date(fields.get("pubDate")) or _iso_date(fields.get("published"))
                or _iso_date(fields.get("date")) or _iso_date(fields.get("issued"))):
            published[link] = d
        elif (d := _iso_date(fields.get("updated")) or _iso_date(fields.get("modified"))):
            updated[link] = d
    return published, updated


def _entry_link(entry) -> str | None:  # noqa: ANN001
    for el in entry:
        if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] == "link":
            href = el.get("href")
            if href and el.get("rel", "alternate") == "alternate":
                return href.strip()
            if not href and el.text and el.text.strip():
                return el.text.strip()
    return None


def _iso_date(value: object) -> str | None:
    m = _DATE_PART.match(value) if isinstance(value, str) else None
    return m[1] if m and len(m[1]) == 10 else None


def _rfc822_date(value: str | None) -> str | None:
    if not value:
        return None
    parts = parsedate_tz(value)
    if not parts or not parts[0]:
        return None
    try:
        return date(parts[0], parts[1], parts[2]).isoformat()
    except (ValueError, OverflowError):
        return None


__all__ = ["Kind", "Links", "feed_links", "kind_of", "same_site", "sitemap_links"]
