"""The server's view of the store: digests in and out (as digest.json text), candidates, checks.

Each request opens its own short-lived ``Store`` connection. Edits of one digest are
serialised by a lock, so two tabs never interleave a read-modify-write.

Reads stay fast while a digest is made: a new digest is made in a worker process (the
ranking is CPU work that would hold the interpreter's lock against every other request), and
what does not change between requests is kept: the parsed digest (until its digest.json text
changes), the candidates of a topic and period (made once however many requests ask at the
same time) and the editor's check of a digest (exports check afresh).
"""
from __future__ import annotations

import difflib
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from oogst.batch.pool import exit_with_parent
from oogst.check import AbridgementResult, Violation, check_abridgement, check_digest, store_lookups
from oogst.digest import DigestResult, digest_from_store
from oogst.digest_json import dumps, loads
from oogst.errors import InputError
from oogst.lang import SUPPORTED
from oogst.models import Candidate, Digest, DigestItem, Source
from oogst.store import Store
from oogst.web.editing import refresh_sources

CACHE_SECONDS = 120.0  # the CLI may add documents meanwhile; candidates are ranked again after this
_CUT = re.compile(r"[\[(]?(?:…|\.\.\.)[\])]?[.,;:]?")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")


class NotFound(InputError):
    pass


@dataclass(frozen=True, slots=True)
class DigestRow:
    id: int
    topic: str
    period: str
    created_at: str
    title: str
    items: int


def _norm(word: str) -> str:
    return _EDGE.sub("", word).replace("’", "'").casefold()


def diff_segments(original: str, edited: str) -> list[tuple[str, str]]:
    """Word by word, what the editor kept (``same``), left out (``cut``) and added (``added``).

    For display only: the verdict is ``check_abridgement``'s. Cut marks ([…]) are not words
    here, the left-out words are shown instead; punctuation and case at a word's edge are
    ignored, so ``warm.`` kept as ``warm`` reads as kept.
    """
    old = original.split()
    new = [w for w in edited.split() if not _CUT.fullmatch(w)]
    out: list[tuple[str, str]] = []

    def emit(op: str, words: list[str]) -> None:
        if not words:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + " " + " ".join(words))
        else:
            out.append((op, " ".join(words)))

    ops = difflib.SequenceMatcher(None, [_norm(w) for w in old], [_norm(w) for w in new], autojunk=False)
    for tag, i1, i2, j1, j2 in ops.get_opcodes():
        if tag == "equal":
            emit("same", new[j1:j2])
        else:
            emit("cut", old[i1:i2])
            emit("added", new[j1:j2])
    return out


_POOL: ProcessPoolExecutor | None = None  # one worker process for the whole server process, started when first needed
_POOL_GUARD = threading.Lock()


def _worker_pool() -> ProcessPoolExecutor:
    global _POOL
    with _POOL_GUARD:
        if _POOL is None:
            # the worker follows the server out: a server killed with kill -9 (or by a service
            # manager) left it waiting for work for ever, holding its memory
            _POOL = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=exit_with_parent, initargs=(os.getpid(),))
        return _POOL


def _forget_pool(pool: ProcessPoolExecutor) -> None:
    global _POOL
    with _POOL_GUARD:
        if _POOL is pool:
            _POOL = None


def _made_in_process(store_path: str, topic: str, period: str, lessons: int | None, title: str | None) -> tuple[str, str]:
    """Run in the worker process: a new digest's period text and digest.json text."""
    with Store(Path(store_path), readonly=True) as st:
        result = digest_from_store(st, topic, period, lessons=lessons, title=title)
    return result.digest.period, dumps(result.digest)


class Workspace:
    def __init__(self, store_path: Path, *, worker_process: bool = True) -> None:
        self.store_path = store_path
        self.generation = 0
        self._cache: dict[tuple[str, str], tuple[int, float, DigestResult]] = {}
        self._making: dict[tuple[str, str], threading.Lock] = {}  # one ranking per topic and period at a time
        self._parsed: dict[int, tuple[str, Digest]] = {}  # digest id → (its digest.json text, parsed)
        self._checked: dict[Digest, tuple[int, float, list[Violation]]] = {}
        self._pages: dict[tuple, tuple[int, float, str]] = {}
        self._locks: dict[int, threading.Lock] = {}
        self._guard = threading.Lock()
        self._worker_process = worker_process

    def _in_worker(self, topic: str, period: str, lessons: int | None, title: str | None) -> tuple[str, str] | None:
        """A digest made in the worker process, or None when there is none to be had (then the
        caller makes it in its own thread)."""
        if not self._worker_process:
            return None
        pool = _worker_pool()
        try:
            return pool.submit(_made_in_process, str(self.store_path), topic, period, lessons, title).result()
        except BrokenProcessPool:  # the worker died (killed, out of memory): start a new one next time
            _forget_pool(pool)
            return None

    @contextmanager
    def store(self) -> Iterator[Store]:
        with Store(self.store_path) as st:
            yield st

    def changed(self) -> None:
        """The documents changed (an ingestion job ended): rank candidates afresh."""
        with self._guard:
            self.generation += 1
            self._cache.clear()

    @contextmanager
    def editing(self, digest_id: int) -> Iterator[None]:
        with self._guard:
            lock = self._locks.setdefault(digest_id, threading.Lock())
        with lock:
            yield

    # -- digests --------------------------------------------------------------------------
    def create(self, st: Store, topic: str, period: str, lessons: int | None, title: str | None) -> int:
        made = self._in_worker(topic, period, lessons, title)
        if made is None:
            result = digest_from_store(st, topic, period, lessons=lessons, title=title)
            made = result.digest.period, dumps(result.digest)
        return st.save_digest(topic, *made)

    def rows(self, st: Store) -> list[DigestRow]:
        out = []
        for digest_id, topic, period, created in st.digests():
            try:
                d = loads(st.digest_json(digest_id) or "")
                title, n = d.title, len(d.all_items())
            except InputError:
                title, n = "(unreadable digest.json)", 0
            out.append(DigestRow(digest_id, topic, period, created, title, n))
        return list(reversed(out))

    def load(self, st: Store, digest_id: int) -> Digest:
        text = st.digest_json(digest_id)
        if text is None:
            raise NotFound(f"there is no digest {digest_id}")
        with self._guard:
            hit = self._parsed.get(digest_id)
        if hit is not None and hit[0] == text:
            return hit[1]
        digest = loads(text)
        with self._guard:
            self._parsed[digest_id] = (text, digest)
        return digest

    def save(self, st: Store, digest_id: int, digest: Digest) -> Digest:
        digest = refresh_sources(digest, lambda url: _source(st, url))
        st.update_digest(digest_id, dumps(digest))
        return digest

    # -- candidates and checks ------------------------------------------------------------
    def candidates(self, st: Store, digest: Digest) -> tuple[Candidate, ...]:
        return self._made(st, digest).candidates

    def notes(self, st: Store, digest: Digest) -> tuple[str, ...]:
        """What was left out of this digest's topic and period, and why: for the editor only."""
        return self._made(st, digest).notes

    def _made(self, st: Store, digest: Digest) -> DigestResult:
        key = (digest.topic, digest.period)
        with self._guard:
            making = self._making.setdefault(key, threading.Lock())
        with making:  # the requests that arrive while it is made wait for it, instead of making it too
            with self._guard:
                hit = self._cache.get(key)
            if hit and hit[0] == self.generation and time.monotonic() - hit[1] < CACHE_SECONDS:
                return hit[2]
            made = digest_from_store(st, digest.topic, digest.period, language=digest.language)
            with self._guard:
                self._cache[key] = (self.generation, time.monotonic(), made)
            return made

    def cached_page(self, key: tuple, make: Callable[[], str]) -> str:
        """A rendered page kept as the candidates are (until the documents change, at most
        ``CACHE_SECONDS``); ``key`` must hold everything the page shows (the digest itself)."""
        with self._guard:
            hit = self._pages.get(key)
        if hit and hit[0] == self.generation and time.monotonic() - hit[1] < CACHE_SECONDS:
            return hit[2]
        generation, html = self.generation, make()
        with self._guard:
            if len(self._pages) > 32:
                self._pages.clear()
            self._pages[key] = (generation, time.monotonic(), html)
        return html

    def original(self, st: Store, item: DigestItem) -> str | None:
        doc = st.document_by_url(item.source_url)
        if doc is None or not 0 <= item.start <= item.end <= len(doc.text):
            return None
        return doc.text[item.start:item.end]

    def check_text(self, st: Store, item: DigestItem, text: str, language: str | None = None) -> AbridgementResult:
        original = self.original(st, item)
        if original is None:
            return AbridgementResult(False, "the source text of this item is not in the store", "")
        if not text.strip():
            return AbridgementResult(False, "the text cannot be empty", "")
        return check_abridgement(original, text, language if language in SUPPORTED else None)

    def violations(self, st: Store, digest: Digest, *, fresh: bool = True) -> list[Violation]:
        """What in ``digest`` no longer matches its sources. ``fresh=False`` (the editor's view)
        may answer from the last check of the same digest, as the candidates do."""
        if fresh:
            return check_digest(digest, *store_lookups(st, digest))
        with self._guard:
            hit = self._checked.get(digest)
        if hit and hit[0] == self.generation and time.monotonic() - hit[1] < CACHE_SECONDS:
            return list(hit[2])
        found = check_digest(digest, *store_lookups(st, digest))
        with self._guard:
            if len(self._checked) > 64:
                self._checked.clear()
            self._checked[digest] = (self.generation, time.monotonic(), list(found))
        return found


def _source(st: Store, url: str) -> Source | None:
    doc = st.document_by_url(url)
    return Source(doc.url, doc.title, doc.published) if doc else None


__all__ = ["DigestRow", "NotFound", "Workspace", "diff_segments"]
