"""Ingestion: sources (files, folders, JSONL corpora, URLs, sitemaps, feeds) → Documents with
their items → store.

Every source ends as one of: added, updated, unchanged, skipped (by a filter, with the reason)
or failed (with the reason, recorded in the store). A document, its items, its fetch-cache entry
and the clearing of its old failure are written in one transaction.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from oogst import lang as languages
from oogst import harvest as harvesting
from oogst.errors import InputError, LanguageError
from oogst.filekinds import regular_file
from oogst.ingest.crawl import Visit, crawl
from oogst.ingest.decision import Decision, Failure, Harvested, Skip, ToHarvest, Unchanged
from oogst.ingest.files import Failed, Loaded, expand, load_file
from oogst.ingest.filters import Filters
from oogst.ingest.policy import FetchPolicy
from oogst.ingest.web import is_url, load_url
from oogst.models import ITEM_KINDS, Document, Harvest, document_id
from oogst.select.features import stored as stored_words
from oogst.store import CacheEntry, Store

# on_result(source, status, reason): status is added, updated, unchanged, skipped, failed or listed
OnResult = Callable[[str, str, str | None], None]


@dataclass
class AddSummary:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # by a filter, with the reason
    listed: list[tuple[str, int]] = field(default_factory=list)  # sitemaps and feeds read, and their links
    cut: list[tuple[str, str]] = field(default_factory=list)  # documents harvested only in part, and why
    capped: list[tuple[str, int, int]] = field(default_factory=list)  # listings: (url, links, not followed)

    def extend(self, other: AddSummary) -> None:
        """Add what ``other`` holds to this summary (a run of several kinds of source)."""
        for f in fields(self):
            getattr(self, f.name).extend(getattr(other, f.name))

    @property
    def partial(self) -> bool:
        """Whether anything was cut or capped: the run did not take in all it was given."""
        return bool(self.cut or self.capped)


def cuts(result: Harvest) -> list[str]:
    """The reasons a harvest did not read a whole text or keep all its items (a cap was hit),
    as opposed to single stretches it skipped on purpose."""
    return list(dict.fromkeys(s.reason for s in result.skipped if s.cap))


def harvested(text: str, lang: str, document_id: str, kinds: Iterable[str] = ITEM_KINDS) -> Harvested:
    """Harvest a document's text as ``add`` stores it: its items and the notes on its cuts."""
    result = harvesting.harvest(text, lang, kinds, document_id)  # looked up per call: a test may replace it
    return Harvested(result.items, tuple(cuts(result)))


def _not_fetchable(src: str) -> bool:
    return "://" in src and not is_url(src)


def iter_sources(sources: Iterable[str], glob: str | None = None,
                 policy: FetchPolicy | None = None) -> Iterator[Loaded | Failed]:
    """Load sources one by one without a store (URLs are fetched singly, sitemaps not expanded)."""
    for src in sources:
        if is_url(src):
            yield load_url(src, policy)
        elif _not_fetchable(src):
            yield Failed(src, "only http and https URLs are fetched")
        else:
            for path in expand(Path(src), glob):
                yield from load_file(path)


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> str:
    """``text`` with every lone UTF-16 surrogate (JSON's "\\ud800") replaced by U+FFFD.

    Such a code point is valid in a Python string but not in UTF-8, so it could be neither
    hashed nor stored; a valid pair that slipped through as two code points is joined.
    """
    if not _SURROGATE.search(text):  # a regex, not a Python loop: this runs on every document
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def source_name(name: str) -> str:
    """A file name as oogst reports and stores it: a name that is not UTF-8 (it reaches us with
    surrogate escapes, which SQLite refuses) keeps its bad bytes visible as ``\\xff``, so two
    such names never become the same source."""
    if not _SURROGATE.search(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return scrub(name)


_WHERE_LANGUAGE = "'lang' in its JSONL record or front matter, or <html lang>"


def language_failure(exc: LanguageError, also: str = "") -> str:
    """The reason a document whose language ``exc`` refuses is left out with, and what the editor
    can do: a document that gave a language no pack has is not asked to give one (it did), but
    told that oogst reads only its own and how to correct a wrong one; one whose text reads as no
    known language is told how to give it. ``also``: another way the caller offers (``--lang`` of
    ``oogst add`` and ``oogst harvest``; the web upload has none)."""
    known = " or ".join(languages.CODES)
    if exc.given is not None:
        hint = (f"oogst reads no other language; if the text is in {known}, correct the language the "
                f"document gives: {_WHERE_LANGUAGE}")
    else:
        hint = f"if the text is in {known}, give the document its language: {_WHERE_LANGUAGE}"
    return f"{exc}; {hint}{also}"


def to_document(loaded: Loaded, lang: str | None = None) -> Document:
    """``loaded`` as a Document, in language ``lang`` when given (``--lang``), else the one the
    source gives, else the detected one (``oogst.lang.choose``). A language no pack has, or a
    text that reads as none, is a ``LanguageError``: the caller records the document as failed."""
    url, text, title = scrub(loaded.url), scrub(loaded.text), scrub(loaded.title)
    author = scrub(loaded.author) if loaded.author else loaded.author
    code = languages.choose(text, lang, loaded.language)
    return Document(document_id(url), url, title, loaded.published, code, text,
                    loaded.source_kind, author)  # type: ignore[arg-type]


class _Run:
    """One `add`: the store, the filters, the summary and the callbacks."""

    def __init__(self, store: Store, filters: Filters, on_result: OnResult | None, lang: str | None = None,
                 lang_hint: str = "") -> None:
        self.store, self.filters, self.on_result = store, filters, on_result
        self.lang, self.lang_hint = lang, lang_hint  # --lang, and how the caller offers it
        self.summary = AddSummary()

    def report(self, source: str, status: str, reason: str | None = None) -> None:
        if self.on_result:
            self.on_result(source, status, reason)

    def fail(self, source: str, reason: str) -> None:
        self.summary.failed.append((source, reason))
        self.store.record_failure(source, reason)
        self.report(source, "failed", reason)

    def skip(self, source: str, reason: str, cache: CacheEntry | None = None) -> None:
        self.summary.skipped.append((source, reason))
        if cache is not None:
            self.store.touch(source, cache)
        self.report(source, "skipped", reason)

    def unchanged(self, source: str, url: str, cache: CacheEntry | None = None) -> None:
        self.store.touch(source, cache, also=url)
        self.summary.unchanged.append(url)
        self.report(source, "unchanged")

    def keep(self, loaded: Loaded, visit: Visit | None = None) -> None:
        self.settle(self.decide(loaded, visit))

    def decide(self, loaded: Loaded, visit: Visit | None = None, pool=None) -> Decision:  # noqa: ANN001
        """What becomes of a loaded source: skipped, unchanged or harvested (in ``pool``, an
        ``oogst.batch.pool.HarvestPool``, when given); ``settle`` carries it out, in input order."""
        reason = self.filters.date_reason(loaded.published)
        if reason:
            return Skip(loaded, reason, visit.cache_entry("filtered", None, loaded.published) if visit else None)
        try:
            doc = to_document(loaded, self.lang)
        except LanguageError as exc:  # this document is left out, with the reason; the rest goes on
            return Failure(loaded.source, language_failure(exc, self.lang_hint))
        cache = visit.cache_entry("stored", doc.url, doc.published) if visit else None
        if self.store.known(doc.url) == (doc.hash, doc.language):
            return Unchanged(loaded, doc, cache)
        return ToHarvest(loaded, doc, cache, pool.submit(doc.text, doc.language, doc.id) if pool else None)

    def settle(self, decision: Decision) -> None:
        if isinstance(decision, Failure):
            self.fail(decision.source, decision.reason)
            return
        if isinstance(decision, Skip):
            self.skip(decision.loaded.source, decision.reason, decision.cache)
            return
        source, doc, cache = decision.loaded.source, decision.doc, decision.cache
        if isinstance(decision, Unchanged):
            self.unchanged(source, doc.url, cache)
            return
        try:
            done = decision.harvest
            if done is None:
                done = harvested(doc.text, doc.language, doc.id)
            elif not isinstance(done, Harvested):  # under way in a pool
                done = done.result()
        except Exception as exc:  # a harvester bug on one odd text must not end the batch  # noqa: BLE001
            self.fail(source, f"could not harvest the text ({type(exc).__name__}: {exc})")
            return
        # with what a digest needs of the article, counted once (a store without it counts then)
        status = self.store.put(doc, done.items, source=source, cache=cache, notes=done.notes,
                                words=partial(stored_words, doc))
        {"added": self.summary.added, "updated": self.summary.updated,
         "unchanged": self.summary.unchanged}[status].append(doc.url)
        if status != "unchanged":
            self.summary.cut.extend((doc.url, note) for note in done.notes)
        self.report(source, status)

    def visit(self, v: Visit) -> None:
        if v.kind == "page" and v.loaded:
            self.keep(v.loaded, v)
        elif v.kind == "not_modified" and v.cache:
            if v.cache.outcome == "filtered":
                self.skip(v.url, self.filters.date_reason(v.cache.published) or "unchanged", None)
            else:
                self.unchanged(v.url, v.cache.document_url or v.url, v.cache_entry(
                    "stored", v.cache.document_url, v.cache.published))
        elif v.kind == "listing" and v.listing:
            n = len(v.listing.links.pages) + len(v.listing.links.sitemaps)
            self.summary.listed.append((v.url, n))
            if v.capped:
                self.summary.capped.append((v.url, n, v.capped))
            self.store.touch(v.url)
            self.report(v.url, "listed", f"{v.listing.kind} with {n} links")
        elif v.kind == "skipped":
            self.skip(v.url, v.reason or "skipped")
        else:
            self.fail(v.url, v.reason or "could not be read")


def _cache_lookup(store: Store) -> Callable[[str], CacheEntry | None]:
    def cached(url: str) -> CacheEntry | None:
        entry = store.cached(url)
        if entry and entry.outcome == "stored" and store.known_hash(entry.document_url or "") is None:
            return None  # the document is gone from the store: fetch it whole
        return entry
    return cached


def _count(paths: list[Path]) -> int:
    n = 0
    for p in paths:
        if p.suffix.lower() != ".jsonl":
            n += 1
            continue
        try:
            regular_file(p)  # never open a FIFO to count it
            with p.open("rb") as fh:
                n += sum(1 for line in fh if line.strip())
        except (InputError, OSError):  # it will be one failure
            n += 1
    return n


# Fewer local documents than this are harvested in this process: a pool's start costs more.
POOL_MIN_DOCUMENTS = 64


def add(store: Store, sources: Iterable[str], *, glob: str | None = None, filters: Filters | None = None,
        policy: FetchPolicy | None = None, on_result: OnResult | None = None,
        on_found: Callable[[int], None] | None = None, workers: int | None = None,
        lang: str | None = None, lang_hint: str = "") -> AddSummary:
    """Load, harvest and store every source; a failing source is recorded and the batch goes on.

    ``filters`` keeps only documents in a period (and URLs matching a pattern); ``policy`` sets
    how URLs are fetched (``FetchPolicy.from_env()`` when None). ``on_found(n)`` tells of ``n``
    more sources to come (for a progress bar), ``on_result`` of each one done. ``workers`` > 1
    harvests local files in that many processes (``oogst add`` passes one per core); this
    process alone reads and writes the store, in input order. ``lang`` reads every document in
    that language (``--lang``), whatever it gives or detection finds; a stored document read
    in another language than before is updated. ``lang_hint`` ends the reason a document whose
    language cannot be told fails with: how this caller lets a user choose one (", or choose
    one with --lang"), none by default (the web upload offers none).
    """
    if lang is not None:
        lang = languages.get(lang).code  # an unknown code is a LanguageError before any work
    run = _Run(store, filters or Filters(), on_result, lang, lang_hint)
    sources = list(sources)
    urls = [s for s in sources if is_url(s)]
    paths: list[Path] = []
    for src in sources:
        if _not_fetchable(src):
            run.fail(src, "only http and https URLs are fetched")
        elif not is_url(src):
            paths.extend(expand(Path(src), glob))
    local = _count(paths)
    if on_found:
        on_found(local + len(urls))
    if workers and workers > 1 and local >= POOL_MIN_DOCUMENTS:
        _add_files_in_pool(run, paths, workers)
    else:
        for path in paths:
            for res in load_file(path):
                if isinstance(res, Failed):
                    run.fail(source_name(res.source), res.reason)
                else:
                    run.keep(replace(res, source=source_name(res.source)))
    if urls:
        for visit in crawl(urls, policy=policy or FetchPolicy.from_env(), filters=run.filters,
                           cached=_cache_lookup(store), on_found=on_found):
            run.visit(visit)
    return run.summary


def _add_files_in_pool(run: _Run, paths: list[Path], workers: int) -> None:
    """The local files of an `add`, harvested in a process pool; settled in input order."""
    from collections import deque

    from oogst.batch.pool import Handle, HarvestPool

    def settle(entry) -> None:  # noqa: ANN001 — a Decision, or a Handle of a whole file's decisions
        if isinstance(entry, Handle):  # a whole file went to the pool: what became of its documents
            for decision in entry.result():
                run.settle(decision)
        else:
            run.settle(entry)

    with HarvestPool(workers) as pool:
        window: deque = deque()
        for path in paths:
            if path.suffix.lower() != ".jsonl":
                window.append(pool.submit_file(str(path), str(run.store.path), run.filters, run.lang, run.lang_hint))
            else:  # a corpus: this process reads the lines, the pool harvests their texts
                for res in load_file(path):
                    if isinstance(res, Failed):
                        window.append(Failure(source_name(res.source), res.reason))
                    else:
                        window.append(run.decide(replace(res, source=source_name(res.source)), None, pool))
                    while len(window) > pool.window:
                        settle(window.popleft())
            while len(window) > pool.window:
                settle(window.popleft())
        while window:
            settle(window.popleft())


__all__ = ["AddSummary", "FetchPolicy", "Filters", "add", "cuts", "harvested", "iter_sources", "language_failure",
           "scrub", "source_name", "to_document"]
