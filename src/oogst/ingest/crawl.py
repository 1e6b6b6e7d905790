"""URL sources: fetch them in worker threads, expand sitemaps and feeds, hand pages back.

The workers only fetch and read; the caller's thread owns the store. ``crawl`` is a generator of
``Visit``s; the caller stores each one and answers with nothing, so a run killed at any moment
has stored exactly the visits it finished.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from typing import Literal
from urllib.parse import urldefrag, urlsplit

from oogst.errors import FetchError, InputError
from oogst.ingest.discover import same_site
from oogst.ingest.fetch import Fetcher
from oogst.ingest.files import Loaded
from oogst.ingest.filters import Filters
from oogst.ingest.policy import FetchPolicy
from oogst.ingest.web import Listing, RedirectPage, read_response
from oogst.store import CacheEntry

VisitKind = Literal["page", "listing", "not_modified", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class Visit:
    url: str  # as given or listed
    kind: VisitKind
    loaded: Loaded | None = None
    listing: Listing | None = None
    reason: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    cache: CacheEntry | None = None  # what the store knew before this visit
    capped: int = 0  # a listing: pages it listed that were not followed (past --max-links)

    def cache_entry(self, outcome: Literal["stored", "filtered"], document_url: str | None,
                    published: str | None) -> CacheEntry | None:
        if not (self.etag or self.last_modified):
            return None
        return CacheEntry(self.url, self.etag, self.last_modified, outcome, document_url, published)


# asks the store what it knows of a URL: its cache entry when conditional requests may be used
CacheLookup = Callable[[str], CacheEntry | None]


def _visit(fetcher: Fetcher, url: str, cache: CacheEntry | None) -> Visit:
    try:
        resp = fetcher.get(url, etag=cache.etag if cache else None,
                           last_modified=cache.last_modified if cache else None)
        if resp.status == 304 and cache is not None:
            return Visit(url, "not_modified", etag=resp.etag or cache.etag,
                         last_modified=resp.last_modified or cache.last_modified, cache=cache)
        try:
            result = read_response(resp, url, fetcher.policy.max_bytes)
        except RedirectPage as stub:  # a forwarding page: follow it once, store the page it leads to
            resp = fetcher.get(stub.target)
            result = read_response(resp, url, fetcher.policy.max_bytes)
    except (FetchError, InputError) as exc:
        return Visit(url, "failed", reason=str(exc), cache=cache)
    except Exception as exc:  # a bug or an odd page must not end the batch  # noqa: BLE001
        return Visit(url, "failed", reason=f"unexpected error ({type(exc).__name__}: {exc})", cache=cache)
    if isinstance(result, Listing):
        return Visit(url, "listing", listing=result)
    return Visit(url, "page", loaded=result, etag=resp.etag, last_modified=resp.last_modified, cache=cache)


def _normal(url: str) -> str:
    return urldefrag(url.strip())[0]


def crawl(sources: Iterable[str], *, policy: FetchPolicy, filters: Filters, cached: CacheLookup,
          on_found: Callable[[int], None] | None = None) -> Iterator[Visit]:
    """Visit every URL source and every page its sitemaps and feeds list, concurrently."""
    seen: set[str] = set()
    listings = 0
    # the client closes first when the run is interrupted, so requests in flight end at once
    with ThreadPoolExecutor(max(1, policy.workers), "oogst-fetch") as pool, Fetcher(policy) as fetcher:
        pending: set[Future[Visit]] = set()

        def submit(url: str, *, conditional: bool = True) -> None:
            pending.add(pool.submit(_visit, fetcher, url, cached(url) if conditional else None))

        for src in dict.fromkeys(_normal(s) for s in sources):
            seen.add(src)
            submit(src)
        try:
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in sorted(done, key=lambda f: f.result().url):
                    pending.discard(fut)
                    visit = fut.result()
                    if visit.kind == "not_modified" and visit.cache and visit.cache.outcome == "filtered" \
                            and filters.date_reason(visit.cache.published) is None:
                        submit(visit.url, conditional=False)  # now inside the filter: we need the text
                        continue
                    if visit.kind == "listing" and visit.listing:
                        listings += 1
                        new, skipped, capped = _links(visit.listing, filters, seen, listings > policy.max_sitemaps,
                                                      policy.max_links)
                        if on_found:
                            on_found(len(new) + len(skipped))
                        yield replace(visit, capped=capped) if capped else visit
                        yield from skipped
                        for url in new:
                            submit(url)
                        continue
                    yield visit
        finally:
            for fut in pending:
                fut.cancel()


def _links(listing: Listing, filters: Filters, seen: set[str], too_many: bool,
           max_links: int) -> tuple[list[str], list[Visit], int]:
    """The new URLs of a listing to visit, the ones skipped (with their reasons), and how
    many pages were not followed because the listing holds more than ``max_links``."""
    new: list[str] = []
    skipped: list[Visit] = []
    capped = 0
    pages = 0
    children = {_normal(u) for u in listing.links.sitemaps}
    for listed in (*listing.links.sitemaps, *listing.links.pages):
        url = _normal(listed)
        if url in seen:
            continue
        is_child = url in children
        if not is_child and pages >= max_links:
            capped += 1  # counted, not listed one by one: a listing of 50,000 pages is not 49,000 lines
            continue
        seen.add(url)
        if is_child and too_many:
            skipped.append(Visit(url, "skipped", reason="not read: this run already read the most sitemaps allowed"))
        elif not same_site(url, listing.url):
            skipped.append(Visit(url, "skipped", reason=f"on another site ({urlsplit(url).netloc}) than the {listing.kind}"))
        elif not is_child and (reason := filters.url_reason(url)
                               or filters.lastmod_reason(listing.links.lastmod.get(listed), listing.kind)
                               or filters.feed_date_reason(listing.links.published.get(listed))):
            skipped.append(Visit(url, "skipped", reason=reason))
        else:
            new.append(url)
            pages += not is_child
    return new, skipped, capped


__all__ = ["Visit", "crawl"]
