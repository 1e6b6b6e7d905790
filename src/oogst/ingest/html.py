"""Main text, title, date and language of an HTML page, through trafilatura."""
from __future__ import annotations

import re
from dataclasses import dataclass

from oogst.errors import InputError
from oogst.models import normalize_partial_date

_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})/(\d{1,2})(?:/(\d{1,2}))?/")


def date_from_url(url: str) -> str | None:
    m = _URL_DATE.search(url)
    if not m:
        return None
    y, mo, d = m.group(1), int(m.group(2)), m.group(3)
    try:
        return normalize_partial_date(f"{y}-{mo:02d}" + (f"-{int(d):02d}" if d else ""))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str
    published: str | None
    author: str | None
    language: str | None
    canonical_url: str | None


_COPYRIGHT = r"(?:©|&copy;|\(c\)|copyright)\s*(?:\d{{4}}\s*[-–]\s*)?{year}"
_RELIABLE_DATE = {"extensive_search": False, "original_date": True}


def _date(html: str, tree_date: str | None, url: str | None) -> str | None:
    """The page's date: markup (meta, JSON-LD, <time>) → a date in the URL → free text.

    htmldate's free-text search turns a bare year into 1 January; a year that only appears in a
    copyright line ("© 2024") is not a publication date, so such a guess is dropped.
    """
    for value in (tree_date, date_from_url(url or "")):
        try:
            if value and (found := normalize_partial_date(value)):
                return found
        except ValueError:
            continue
    from htmldate import find_date

    try:
        guess = find_date(html, extensive_search=True, original_date=True, url=url)
    except Exception:  # htmldate on odd markup
        return None
    if not guess:
        return None
    if guess.endswith("-01-01") and re.search(_COPYRIGHT.format(year=guess[:4]), html, re.I):
        return None
    try:
        return normalize_partial_date(guess)
    except ValueError:
        return None


MAX_HTML_CHARS = 5_000_000  # characters of markup in one page


def extract_html(html: str, url: str | None = None) -> Page:
    """Main text and metadata of a page; raises InputError when it has no main text.

    Pages over MAX_HTML_CHARS are refused: extraction time grows faster than the page (about
    3 s at 3 MB and 19 s at 10 MB), and no article needs that much markup.
    """
    if len(html) > MAX_HTML_CHARS:
        raise InputError(f"the page is too large to read: {len(html) / 1e6:.1f} million characters of HTML "
                         f"(the limit is {MAX_HTML_CHARS // 1_000_000} million)")
    import trafilatura
    from trafilatura.settings import use_config

    cfg = use_config()
    cfg.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    try:
        text = trafilatura.extract(html, url=url, output_format="txt", include_comments=False,
                                   include_tables=False, favor_precision=False, config=cfg)
        meta = trafilatura.extract_metadata(html, default_url=url, date_config=dict(_RELIABLE_DATE))
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(f"the HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    if not text or not text.strip():
        raise InputError("no main text found in the page")
    title = (meta.title if meta and meta.title else "") or ""
    canonical = meta.url if meta and meta.url and meta.url.startswith(("http://", "https://")) else None
    published = _date(html, meta.date if meta else None, canonical or url)
    if published is None and canonical and url and canonical != url:
        published = date_from_url(url)
    lang_m = re.search(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", html[:5000])
    language = lang_m.group(1).lower() if lang_m else None
    author = meta.author if meta and meta.author else None
    # as the page gives it, also a language oogst has no pack for: ingest refuses that one by name
    # (oogst.lang.choose) instead of detecting a language the page says it is not written in
    return Page(text.strip(), title.strip(), published, author, language, canonical)
