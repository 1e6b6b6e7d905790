"""Fetching single pages over HTTP(S) with httpx: timeouts, a redirect limit and a size cap."""
from __future__ import annotations

from urllib.parse import urlsplit

from oogst import __version__
from oogst.errors import FetchError
from oogst.ingest.files import Failed, Loaded
from oogst.ingest.html import extract_html
from oogst.errors import InputError

MAX_BODY = 10 * 1024 * 1024
USER_AGENT = f"oogst/{__version__} (+https://example.invalid/oogst; digest harvester)"


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(url: str, timeout: float = 20.0) -> str:
    import httpx

    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {url!r}")
    try:
        with httpx.Client(follow_redirects=True, max_redirects=5, timeout=httpx.Timeout(timeout, connect=10.0),
                          headers={"User-Agent": USER_AGENT}) as client:
            with client.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise FetchError(f"the server answered HTTP {resp.status_code}")
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body.extend(chunk)
                    if len(body) > MAX_BODY:
                        raise FetchError(f"the page is larger than {MAX_BODY // (1024 * 1024)} MB")
                ctype = resp.headers.get("content-type", "")
                if ctype and "html" not in ctype and "text" not in ctype and "xml" not in ctype:
                    raise FetchError(f"not a web page (content type {ctype})")
                encoding = resp.encoding or "utf-8"
    except httpx.TooManyRedirects:
        raise FetchError("too many redirects (more than 5)") from None
    except httpx.TimeoutException:
        raise FetchError("the server did not answer in time") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"could not fetch: {exc}") from None
    try:
        return bytes(body).decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return bytes(body).decode("utf-8", errors="replace")


def load_url(url: str) -> Loaded | Failed:
    try:
        page = extract_html(fetch(url), url=url)
    except (FetchError, InputError) as exc:
        return Failed(url, str(exc))
    return Loaded(url, url, page.title or url, page.published, page.text, page.language, "web", page.author)
