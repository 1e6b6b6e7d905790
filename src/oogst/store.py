"""The SQLite store: the one place where rows go in and out.

Documents are keyed by URL; a content hash tells whether a re-added source changed. A document
and its items are written in one transaction, so a killed run never leaves half a document.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple

from oogst.errors import InputError, StoreError
from oogst.filekinds import regular_file
from oogst.models import Document, Item

SCHEMA_VERSION = 4
DEFAULT_PATH = Path("oogst.db")
LOCK_TIMEOUT = 30.0  # seconds to wait for another run's write lock before giving up

_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        published TEXT,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        source_kind TEXT NOT NULL,
        author TEXT,
        hash TEXT NOT NULL,
        added_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE items (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        speaker TEXT,
        speaker_role TEXT,
        organisation TEXT,
        cue TEXT,
        confidence REAL NOT NULL,
        nested INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX items_document ON items(document_id);
    CREATE TABLE failures (
        source TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE digests (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        topic TEXT NOT NULL,
        period TEXT NOT NULL,
        json TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    """,
    # 2: validators (ETag / Last-Modified) of fetched pages, so a re-run asks "changed since?"
    # and what became of the page, so a 304 can be answered without the body
    2: """
    CREATE TABLE fetch_cache (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('stored', 'filtered')),
        document_url TEXT,
        published TEXT,
        checked_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    """,
    # 3: what the harvest left out of a document (a text cut, an item cap). Stores of schema 2
    # may have the table already: older versions made it on their first write.
    3: """
    CREATE TABLE IF NOT EXISTS document_notes (
        url TEXT NOT NULL REFERENCES documents(url) ON DELETE CASCADE,
        note TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS document_notes_url ON document_notes(url);
    """,
    # 4: what selection needs of each article, counted once when it is added
    # (select/features.py), and an index for reading a period's documents
    4: """
    CREATE TABLE document_words (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        body_counts BLOB NOT NULL,
        title TEXT NOT NULL,
        title_counts BLOB NOT NULL,
        common TEXT NOT NULL
    );
    CREATE INDEX documents_published ON documents(published);
    """,
}

PutResult = Literal["added", "updated", "unchanged"]


class Entry(NamedTuple):
    """One document for ``Store.put_many``: with its items, its source, the harvest's notes and
    ``words``, which gives what selection keeps of it (version and ``document_words`` columns;
    ``oogst.select.features.stored``), asked only when the document is new or changed."""

    doc: Document
    items: Iterable[Item]
    source: str | None = None
    notes: Iterable[str] = ()
    words: Callable[[], tuple[int, tuple]] | None = None


@dataclass(frozen=True, slots=True)
class CacheEntry:
    """What a fetched URL answered last time: its validators and what became of the page.

    ``outcome`` is ``stored`` (the page is the document at ``document_url``) or ``filtered``
    (fetched, but its date ``published`` lay outside the filter of that run).
    """

    url: str
    etag: str | None
    last_modified: str | None
    outcome: Literal["stored", "filtered"]
    document_url: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRow:
    url: str
    title: str
    published: str | None
    language: str | None
    status: str
    error: str | None
    items: int
    notes: tuple[str, ...] = ()  # what the harvest left out (a text cut, an item cap)


def _upgrade(db: sqlite3.Connection, version: int) -> None:
    """Run the migrations after ``version``; each in one transaction, so a killed migration
    leaves the previous version intact."""
    for v in range(version + 1, SCHEMA_VERSION + 1):
        try:
            db.executescript(f"BEGIN IMMEDIATE;{_MIGRATIONS[v]};PRAGMA user_version={v};COMMIT;")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise


class Store:
    """A connection to an oogst store. Use as a context manager."""

    def __init__(self, path: str | Path = DEFAULT_PATH, *, readonly: bool = False,
                 timeout: float | None = None) -> None:
        """Open (or create) the store at ``path``. ``readonly`` opens an existing store for
        reading only, so listing and checking work in a folder oogst cannot write to; it
        never creates a file. ``timeout``: seconds to wait for another run's write lock."""
        self.path = Path(path)
        self.readonly = readonly
        self.timeout = LOCK_TIMEOUT if timeout is None else timeout
        self.db: sqlite3.Connection | None = None
        if self.path.is_dir():
            raise StoreError(f"the store {self.path} is a folder; give a file, e.g. --store {self.path / 'oogst.db'}")
        if self.path.exists():  # a FIFO or a device: SQLite would wait for ever
            try:
                regular_file(self.path)
            except InputError as exc:
                raise StoreError(f"cannot use the store {self.path}: {exc}; give --store a file") from None
        try:
            if readonly:
                self.db = self._open_readonly()
            else:
                if self.path.parent and not self.path.parent.exists():
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
                self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            if not readonly:
                self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            self._close_quietly()
            raise StoreError(describe_error(exc, self.path, opening=True)) from exc
        except OSError as exc:
            self._close_quietly()
            raise StoreError(f"cannot create the store {self.path}: {exc.strerror or exc}") from exc
        except StoreError:
            self._close_quietly()
            raise

    def _open_readonly(self) -> sqlite3.Connection:
        if not self.path.is_file():
            raise StoreError(f"no store at {self.path}; oogst add makes one")
        uri = self.path.resolve().as_uri()
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=self.timeout, isolation_level=None)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError:
            # a WAL store in a folder we cannot write: SQLite cannot make its -shm file, so
            # read the file as it is (nobody can be writing to it there either)
            db.close()
            db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db

    def _close_quietly(self) -> None:
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        self.close()
        if isinstance(exc, sqlite3.Error):  # a failed read or write inside the block: say what it means
            raise StoreError(describe_error(exc, self.path)) from exc

    def close(self) -> None:
        if self.db is not None:
            self.db.close()

    def check_integrity(self) -> None:
        """Raise StoreError when the file is damaged (SQLite's quick_check), before writing into it."""
        try:
            rows = [r[0] for r in self.db.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            raise StoreError(describe_error(exc, self.path)) from exc
        if rows != ["ok"]:
            raise StoreError(describe_error(sqlite3.DatabaseError("; ".join(rows)[:200]), self.path, damaged=True))

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"the store {self.path} was made by a newer oogst (schema {version}); upgrade oogst")
        if not self.readonly:
            _upgrade(self.db, version)
        elif version < SCHEMA_VERSION:
            # a store of an older oogst, opened for reading (sources, digest, serve): the upgrade
            # only adds tables, so it is made once through a short writing connection; only where
            # the file cannot be written does the reading command stop, and say why
            try:
                with closing(sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)) as rw:
                    _upgrade(rw, int(rw.execute("PRAGMA user_version").fetchone()[0]))
            except sqlite3.Error as exc:
                raise StoreError(f"the store {self.path} was made by an older oogst (schema {version}) and cannot be"
                                 f" upgraded here ({describe_error(exc, self.path)}); run oogst add on it once where"
                                 " it can be written") from None

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # -- documents -----------------------------------------------------------------------
    def known_hash(self, url: str) -> str | None:
        row = self.db.execute("SELECT hash FROM documents WHERE url=?", (url,)).fetchone()
        return row[0] if row else None

    def known(self, url: str) -> tuple[str, str] | None:
        """The stored document's (hash, language): the same text read in another language
        (``oogst add --lang``) is a changed document."""
        row = self.db.execute("SELECT hash, language FROM documents WHERE url=?", (url,)).fetchone()
        return (row[0], row[1]) if row else None

    def put(self, doc: Document, items: Iterable[Item], *, source: str | None = None,
            cache: CacheEntry | None = None, notes: Iterable[str] = (),
            words: Callable[[], tuple[int, tuple]] | None = None) -> PutResult:
        """Write a document with its items and the harvest's ``notes`` in one transaction
        (idempotent by URL and hash).

        The same transaction clears earlier failures of ``doc.url`` and ``source`` and writes
        the fetch ``cache`` entry, so a killed run leaves either all of it or none.
        """
        with self._transaction():
            result = self._write(Entry(doc, items, source, notes, words))
            self._write_cache(cache)
        return result

    def put_many(self, entries: Iterable[Entry]) -> list[PutResult]:
        """Write several documents, each as ``put`` writes one, in one transaction: a loaded
        batch harvest's partition, where a transaction per document would cost more than the
        rows. All of it or none is written."""
        with self._transaction():
            return [self._write(Entry(*e)) for e in entries]

    def _write(self, entry: Entry) -> PutResult:
        """Inside a write transaction: one document with its items and notes; its failures cleared."""
        doc = entry.doc
        # the old hash is read inside the write transaction: with two runs adding the same
        # page at once, only the first says "added", the second "unchanged"
        old = self.known(doc.url)
        same = old == (doc.hash, doc.language)
        if not same:
            self.db.execute("DELETE FROM documents WHERE url=?", (doc.url,))
            self.db.execute(
                "INSERT INTO documents (id,url,title,published,language,text,source_kind,author,hash)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.url, doc.title, doc.published, doc.language, doc.text,
                 doc.source_kind, doc.author, doc.hash))
            self.db.executemany("INSERT OR REPLACE INTO items VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                                [(i.id, doc.id, i.kind, i.text, i.start, i.end, i.speaker, i.speaker_role,
                                  i.organisation, i.cue, i.confidence, int(i.nested)) for i in entry.items])
            self.db.execute("DELETE FROM document_notes WHERE url=?", (doc.url,))
            self.db.executemany("INSERT INTO document_notes (url, note) VALUES (?,?)",
                                [(doc.url, n) for n in dict.fromkeys(entry.notes)])
            if entry.words is not None:
                version, columns = entry.words()
                self.db.execute("INSERT OR REPLACE INTO document_words VALUES (?,?,?,?,?,?,?)",
                                (doc.id, version, *columns))
        self.db.execute("DELETE FROM failures WHERE source IN (?,?)", (doc.url, entry.source or doc.url))
        return "unchanged" if same else "updated" if old else "added"

    def touch(self, source: str, cache: CacheEntry | None = None, *, also: str | None = None) -> None:
        """A source that went well without a new document: clear its failure, refresh its cache."""
        with self._transaction():
            self.db.execute("DELETE FROM failures WHERE source IN (?,?)", (source, also or source))
            self._write_cache(cache)

    def record_failure(self, source: str, reason: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO failures (source, reason) VALUES (?,?)", (source, reason))

    def cached(self, url: str) -> CacheEntry | None:
        row = self.db.execute("SELECT url,etag,last_modified,outcome,document_url,published FROM fetch_cache"
                              " WHERE url=?", (url,)).fetchone()
        return CacheEntry(*row) if row else None

    def _write_cache(self, cache: CacheEntry | None) -> None:
        if cache is None:
            return
        self.db.execute(
            "INSERT OR REPLACE INTO fetch_cache (url,etag,last_modified,outcome,document_url,published)"
            " VALUES (?,?,?,?,?,?)", (cache.url, cache.etag, cache.last_modified, cache.outcome,
                                      cache.document_url, cache.published))

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            yield
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    def documents(self) -> list[Document]:
        cur = self.db.execute(
            "SELECT id,url,title,published,language,text,source_kind,author FROM documents ORDER BY url")
        return [Document(*row) for row in cur]

    def document_by_url(self, url: str) -> Document | None:
        row = self.db.execute(
            "SELECT id,url,title,published,language,text,source_kind,author FROM documents WHERE url=?",
            (url,)).fetchone()
        return Document(*row) if row else None

    def items(self, document_ids: Iterable[str] | None = None) -> list[Item]:
        sql = ("SELECT document_id,kind,text,start,end,speaker,speaker_role,cue,confidence,nested,"
               "organisation FROM items")
        cur = self.db.execute(sql + " ORDER BY document_id, start, end, kind")
        wanted = set(document_ids) if document_ids is not None else None
        out = []
        for r in cur:
            if wanted is None or r[0] in wanted:
                out.append(Item(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9]), r[10]))
        return out

    # -- reading for a digest (issue 20: the cost follows the period, not the store) -----------
    def dates(self, language: str | None = None) -> list[tuple[str | None, int]]:
        """Each distinct ``published`` value with its number of documents (of ``language``:
        a code such as ``nl`` matches ``nl`` and ``nl-BE``), for placing a period without
        reading a document."""
        sql, args = "SELECT published, count(*) FROM documents", ()
        if language is not None:
            sql, args = sql + " WHERE substr(language, 1, length(?1)) = ?1", (language,)
        return list(self.db.execute(sql + " GROUP BY published ORDER BY published", args))

    def documents_dated(self, dates: Iterable[str], language: str | None = None, *, text: bool = True) -> list[Document]:
        """The documents whose ``published`` is one of ``dates`` (of ``language``), by url.
        ``text=False``: without their text (``""``), for what needs only the other fields."""
        column = "text" if text else "''"
        return self._dated(f"SELECT id,url,title,published,language,{column},source_kind,author"
                           " FROM documents", dates, language, Document)

    def documents_by_id(self, document_ids: Iterable[str]) -> list[Document]:
        """The documents with these ids, by id."""
        ids = sorted(set(document_ids))
        out: list[Document] = []
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            out.extend(Document(*row) for row in self.db.execute(
                "SELECT id,url,title,published,language,text,source_kind,author FROM documents"
                f" WHERE id IN ({','.join('?' * len(part))}) ORDER BY id", part))
        return out

    def document_words(self, document_ids: Iterable[str], version: int) -> Iterator[tuple[str, tuple]]:
        """(document id, its stored ``document_words`` columns of ``version``), as a stream; a
        document without them (or with another version) is left out."""
        ids = list(document_ids)
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            cur = self.db.execute(
                "SELECT document_id, body, body_counts, title, title_counts, common FROM document_words"
                f" WHERE version=? AND document_id IN ({','.join('?' * len(part))})", (version, *part))
            yield from ((r[0], r[1:]) for r in cur)

    def stream_items(self, document_ids: Iterable[str]) -> Iterator[Item]:
        """The items of ``document_ids``, read as a stream in ``items()``'s order (by document,
        start, end, kind), never all of the store at once."""
        ids = sorted(set(document_ids))
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            cur = self.db.execute(
                "SELECT document_id,kind,text,start,end,speaker,speaker_role,cue,confidence,nested,organisation"
                f" FROM items WHERE document_id IN ({','.join('?' * len(part))}) ORDER BY document_id, start, end, kind",
                part)
            for r in cur:
                yield Item(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9]), r[10])

    def item_counts(self, document_ids: Iterable[str]) -> dict[str, int]:
        """document id → its number of items."""
        out: dict[str, int] = {}
        ids = list(document_ids)
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            out.update(self.db.execute(
                f"SELECT document_id, count(*) FROM items WHERE document_id IN ({','.join('?' * len(part))})"
                " GROUP BY document_id", part))
        return out

    def _dated(self, select: str, dates: Iterable[str], language: str | None, make):  # noqa: ANN001, ANN202
        wanted = sorted(set(dates))
        out = []
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk:chunk + 500]
            sql, args = f"{select} WHERE published IN ({','.join('?' * len(part))})", list(part)
            if language is not None:
                sql += f" AND substr(language, 1, {len(language)}) = ?"  # str.startswith, as in rank
                args.append(language)
            out.extend(make(*row) for row in self.db.execute(sql, args))
        return sorted(out, key=lambda d: d.url)

    def sources(self, failed_only: bool = False) -> list[SourceRow]:
        out: list[SourceRow] = []
        if not failed_only:
            cur = self.db.execute(
                "SELECT d.url, d.title, d.published, d.language, COUNT(i.id) FROM documents d "
                "LEFT JOIN items i ON i.document_id = d.id GROUP BY d.id ORDER BY d.published, d.url")
            rows = list(cur)
            notes = self._notes()
            out.extend(SourceRow(u, t, p, lg, "ok", None, n, tuple(notes.get(u, ()))) for u, t, p, lg, n in rows)
        cur = self.db.execute("SELECT source, reason FROM failures ORDER BY source")
        out.extend(SourceRow(s, "", None, None, "failed", r, 0) for s, r in cur)
        return out

    def _notes(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for url, note in self.db.execute("SELECT url, note FROM document_notes ORDER BY rowid"):
            out.setdefault(url, []).append(note)
        return out

    # -- digests -------------------------------------------------------------------------
    def save_digest(self, topic: str, period: str, digest_json: str) -> int:
        cur = self.db.execute("INSERT INTO digests (topic, period, json) VALUES (?,?,?)",
                              (topic, period, digest_json))
        return int(cur.lastrowid or 0)

    def digests(self) -> Iterator[tuple[int, str, str, str]]:
        yield from self.db.execute("SELECT id, topic, period, created_at FROM digests ORDER BY id")

    def digest_json(self, digest_id: int) -> str | None:
        row = self.db.execute("SELECT json FROM digests WHERE id=?", (digest_id,)).fetchone()
        return row[0] if row else None

    def update_digest(self, digest_id: int, digest_json: str) -> None:
        self.db.execute("UPDATE digests SET json=? WHERE id=?", (digest_json, digest_id))

    # -- deleting (the web UI) -------------------------------------------------------------
    def delete_digest(self, digest_id: int) -> bool:
        """Remove one digest; False when there was none."""
        return self.db.execute("DELETE FROM digests WHERE id=?", (digest_id,)).rowcount > 0

    def delete_document(self, url: str) -> bool:
        """Remove a document with its items and the fetch-cache entries that lead to it (so
        adding it again reads it afresh), in one transaction; False when there was none."""
        with self._transaction():
            row = self.db.execute("SELECT id FROM documents WHERE url=?", (url,)).fetchone()
            if row is None:
                return False
            self.db.execute("DELETE FROM items WHERE document_id=?", (row[0],))
            self.db.execute("DELETE FROM documents WHERE id=?", (row[0],))
            self.db.execute("DELETE FROM fetch_cache WHERE url=? OR document_url=?", (url, url))
        return True


_DAMAGED = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


def describe_error(exc: sqlite3.Error, path: Path | None, *, opening: bool = False, damaged: bool = False) -> str:
    """One sentence for what an SQLite error means for the store at ``path`` (None: unknown).

    Read from SQLite's result code (its primary part: SQLITE_READONLY_DBMOVED is a kind of
    SQLITE_READONLY); an error without a code (made by oogst) only says what it says.
    """
    text = str(exc)
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    store = f"the store {path}" if path is not None else "the store"
    if opening and primary == sqlite3.SQLITE_NOTADB:
        return f"cannot open {store}: the file is not an oogst store, or it is damaged ({text})"
    if damaged or primary in _DAMAGED:
        rescue = f"sqlite3 {path} .recover" if path is not None else "sqlite3 STORE .recover"
        kept = " nothing was written to it." if damaged else ""
        return f"{store} is damaged ({text});{kept} Restore a copy, or rescue what is left with: {rescue}"
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return f"{store} is in use by another program (it stayed locked); try again when that run is done"
    if primary == sqlite3.SQLITE_READONLY:
        return f"{store} cannot be written: the file or its folder is read-only"
    if primary == sqlite3.SQLITE_FULL:
        return f"the disk holding {store} is full; the source being written was not stored"
    if primary == sqlite3.SQLITE_CANTOPEN:
        folder = ""
        if path is not None:
            folder = f" {path.parent if str(path.parent) not in ('', '.') else Path.cwd()}"
        return (f"cannot {'open or create' if opening else 'open'} {store}: "
                f"the file or its folder{folder} cannot be read or written")
    if primary == sqlite3.SQLITE_IOERR:
        return f"the disk failed while using {store} ({text})"
    return f"cannot {'open' if opening else 'use'} {store}: {text}"


def dumps_row(row: SourceRow) -> dict[str, object]:
    return {"url": row.url, "title": row.title, "published": row.published, "language": row.language,
            "status": row.status, "error": row.error, "items": row.items, "notes": list(row.notes)}


__all__ = ["DEFAULT_PATH", "LOCK_TIMEOUT", "SCHEMA_VERSION", "describe_error", "CacheEntry", "Entry", "SourceRow", "Store",
           "dumps_row"]
