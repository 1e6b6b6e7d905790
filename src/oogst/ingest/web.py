"""A fetched response → a page (``Loaded``), or the links of a sitemap or feed."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from oogst.errors import FetchError, InputError
from oogst.ingest.decode import binary_kind, decode_page, gunzip, is_gzip, looks_binary
from oogst.ingest.discover import Links, feed_links, kind_of, sitemap_links
from oogst.ingest.fetch import Fetcher, Response
from oogst.ingest.files import Failed, Loaded, load_docx, load_pdf
from oogst.ingest.html import extract_html
from oogst.ingest.policy import FetchPolicy

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss", "application/atom",
               "application/feed+json", "application/json", "application/gzip", "application/x-gzip")


# <meta http-equiv="refresh" content="0; url=/nieuw/">, attributes in either order
_REFRESH = re.compile(r"""<meta\b(?=[^>]*\bhttp-equiv\s*=\s*["']?refresh\b)[^>]*\bcontent\s*=\s*(["'])\s*\d*(?:\.\d+)?\s*[;,]\s*(?:url\s*=\s*)?["']?([^"'>]+?)["']?\s*\1""", re.I)
STUB_CHARS = 400  # a page with less text than this and a meta refresh is a forwarding stub


class RedirectPage(InputError):
    """A page that only forwards elsewhere (meta refresh): no article, a redirect."""

    def __init__(self, target: str) -> None:
        super().__init__(f"a page that only forwards to {target} (meta refresh), not an article")
        self.target = target


def refresh_target(html: str, url: str) -> str | None:
    """Where a meta refresh in ``html`` sends the reader, as an absolute URL, or None."""
    m = _REFRESH.search(html[:20_000])
    if not m or not m.group(2).strip():
        return None
    target = urljoin(url, m.group(2).strip())
    return target if target.startswith(("http://", "https://")) and target != url else None


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Listing:
    """A sitemap or feed that was read: where it lives, what kind it is, the links it holds."""

    url: str
    kind: str  # "sitemap" | "feed"
    links: Links


def read_response(resp: Response, source: str, max_bytes: int) -> Loaded | Listing:
    """What a fetched body is; raises InputError or FetchError with a readable reason."""
    body, ctype = resp.body, resp.content_type
    if ctype == "application/pdf" or body.startswith(b"%PDF"):
        return _web(load_pdf(body, source, resp.url))
    if ctype == DOCX_TYPE:
        return _web(load_docx(body, source, resp.url))
    if is_gzip(body):
        body = gunzip(body, max_bytes)
    kind = binary_kind(body)
    if kind:
        said = f"the server said {ctype}" if ctype else "the server named no type"
        raise InputError(f"not a web page: {said} but sent {kind}")
    if ctype and not ctype.startswith(_TEXT_TYPES):
        raise InputError(f"not a web page or document (content type {ctype})")
    text = decode_page(body, resp.charset)
    why = looks_binary(text)
    if why:
        raise InputError(f"not a web page: {why}")
    what = kind_of(text, ctype)
    if what == "sitemap":
        return Listing(resp.url, "sitemap", sitemap_links(resp.url, text))
    if what == "feed":
        return Listing(resp.url, "feed", feed_links(resp.url, text))
    page = extract_html(text, url=resp.url)
    target = refresh_target(text, resp.url)
    if target and len(page.text.strip()) < STUB_CHARS:
        raise RedirectPage(target)
    return Loaded(source, resp.url, page.title or resp.url, page.published, page.text, page.language,
                  "web", page.author)


def _web(loaded: Loaded) -> Loaded:
    from dataclasses import replace

    return replace(loaded, source_kind="web")


def load_url(url: str, policy: FetchPolicy | None = None) -> Loaded | Failed:
    """One page, fetched and read on its own (no store, no cache)."""
    policy = policy or FetchPolicy.from_env()
    try:
        with Fetcher(policy) as fetcher:
            try:
                result = read_response(fetcher.get(url), url, policy.max_bytes)
            except RedirectPage as stub:  # follow one forwarding page, as a browser would
                result = read_response(fetcher.get(stub.target), url, policy.max_bytes)
    except (FetchError, InputError) as exc:
        return Failed(url, str(exc))
    if isinstance(result, Listing):
        return Failed(url, f"a {result.kind} with {len(result.links.pages)} links, not a page; use oogst add")
    return result


__all__ = ["Listing", "RedirectPage", "is_url", "refresh_target", "load_url", "read_response"]
