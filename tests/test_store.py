from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from oogst.errors import StoreError
from oogst.harvest import harvest
from oogst.models import Document, document_id
from oogst.store import SCHEMA_VERSION, Store

TEXT = "‘We doen het samen,’ zegt wethouder Karin Pietersen.\n\nIn het kort\n- Samen is sneller."


def _doc(text: str = TEXT, url: str = "https://x.example/a") -> Document:
    return Document(document_id(url), url, "Titel", "2025-09", "nl", text, "file")


def test_put_is_idempotent_and_detects_changes(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as st:
        doc = _doc()
        items = harvest(doc.text, "nl", document_id=doc.id).items
        assert st.put(doc, items) == "added"
        assert st.put(doc, items) == "unchanged"
        changed = _doc(TEXT + "\n- Nog een punt.")
        assert st.put(changed, harvest(changed.text, "nl", document_id=changed.id).items) == "updated"
        assert len(st.documents()) == 1
        stored = st.items()
        assert {i.kind for i in stored} == {"quote", "takeaway"}
        for i in stored:
            assert changed.text[i.start : i.end] == i.text


def test_schema_version_and_wal(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as st:
        assert st.schema_version == SCHEMA_VERSION
        assert st.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer oogst"):
        Store(path)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(path)


def test_failures_are_listed(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as st:
        st.record_failure("kapot.html", "no main text found in the page")
        rows = st.sources(failed_only=True)
        assert [(r.url, r.status, r.error) for r in rows] == [("kapot.html", "failed", "no main text found in the page")]


def test_a_version_1_store_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    from oogst.store import _MIGRATIONS

    path = tmp_path / "v1.db"
    db = sqlite3.connect(path)
    db.executescript(_MIGRATIONS[1] + "; PRAGMA user_version=1;")
    db.execute("INSERT INTO documents (id,url,title,published,language,text,source_kind,hash)"
               " VALUES ('d1','https://x.example/a','Titel','2020','nl','tekst','web','h')")
    db.commit()
    db.close()
    with Store(path) as st:
        assert st.schema_version == SCHEMA_VERSION
        assert [d.url for d in st.documents()] == ["https://x.example/a"]
        assert st.cached("https://x.example/a") is None


def test_fetch_cache_is_written_with_the_document(tmp_path: Path) -> None:
    from oogst.store import CacheEntry

    with Store(tmp_path / "s.db") as st:
        doc = _doc()
        cache = CacheEntry(doc.url, '"abc"', "Mon, 04 Jan 2021 10:00:00 GMT", "stored", doc.url, doc.published)
        st.record_failure(doc.url, "the server had an error (HTTP 500)")
        assert st.put(doc, harvest(doc.text, "nl", document_id=doc.id).items, source=doc.url, cache=cache) == "added"
        assert st.cached(doc.url) == cache
        assert st.sources(failed_only=True) == []
        skipped = CacheEntry("https://x.example/oud", None, "Tue, 05 Jan 2021 10:00:00 GMT", "filtered", None, "2019-05")
        st.touch(skipped.url, skipped)
        assert st.cached(skipped.url) == skipped


def test_a_failed_write_leaves_neither_document_nor_cache(tmp_path: Path) -> None:
    from oogst.models import Item
    from oogst.store import CacheEntry

    with Store(tmp_path / "s.db") as st:
        doc = _doc()
        bad = [Item(doc.id, "quote", "x", 0, 1, confidence=None)]  # type: ignore[arg-type]  # NOT NULL
        cache = CacheEntry(doc.url, '"abc"', None, "stored", doc.url, None)
        with pytest.raises(sqlite3.IntegrityError):
            st.put(doc, bad, cache=cache)
        assert st.documents() == [] and st.cached(doc.url) is None
        assert not st.db.in_transaction


def test_notes_follow_their_document(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as st:
        doc = _doc()
        st.put(doc, [], notes=["text longer than 2000000 characters; the rest was not read"])
        assert st.sources()[0].notes == ("text longer than 2000000 characters; the rest was not read",)
        changed = _doc(TEXT + " Meer.")
        st.put(changed, [])  # harvested whole now: the note goes with the old version
        assert st.sources()[0].notes == ()
        st.put(doc, [], notes=["een notitie"])
        assert st.delete_document(doc.url)
        assert st.db.execute("SELECT count(*) FROM document_notes").fetchone()[0] == 0


@pytest.mark.parametrize("old_notes", [False, True], ids=["without notes table", "with notes table"])
def test_a_schema_2_store_is_upgraded_and_keeps_its_notes(tmp_path: Path, old_notes: bool) -> None:
    """Versions of schema 2 made ``document_notes`` on their first write (or never): both upgrade."""
    from oogst.store import _MIGRATIONS

    path = tmp_path / "v2.db"
    db = sqlite3.connect(path)
    db.executescript(_MIGRATIONS[1] + ";" + _MIGRATIONS[2] + "; PRAGMA user_version=2;")
    doc = _doc()
    db.execute("INSERT INTO documents (id,url,title,published,language,text,source_kind,hash)"
               " VALUES (?,?,?,?,?,?,?,?)", (doc.id, doc.url, doc.title, doc.published, doc.language, doc.text,
                                            doc.source_kind, doc.hash))
    if old_notes:  # what put() of schema 2 did
        db.execute("CREATE TABLE IF NOT EXISTS document_notes (url TEXT NOT NULL REFERENCES documents(url)"
                   " ON DELETE CASCADE, note TEXT NOT NULL)")
        db.execute("INSERT INTO document_notes VALUES (?, 'een oude notitie')", (doc.url,))
    db.commit()
    db.close()
    with Store(path) as st:
        assert st.schema_version == SCHEMA_VERSION == 4
        assert st.sources()[0].notes == (("een oude notitie",) if old_notes else ())
        st.put(_doc(TEXT + " Nog meer."), [], notes=["weer een notitie"])
    with Store(path, readonly=True) as st:
        assert st.sources()[0].notes == ("weer een notitie",)


def _v2_store(path: Path) -> None:
    from oogst.store import _MIGRATIONS

    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(_MIGRATIONS[1] + ";" + _MIGRATIONS[2] + "; PRAGMA user_version=2;")
    doc = _doc()
    db.execute("INSERT INTO documents (id,url,title,published,language,text,source_kind,hash)"
               " VALUES (?,?,?,?,?,?,?,?)", (doc.id, doc.url, doc.title, doc.published, doc.language, doc.text,
                                            doc.source_kind, doc.hash))
    db.commit()
    db.close()


def test_a_reading_command_upgrades_an_older_store_once(tmp_path: Path) -> None:
    # `oogst sources` on the store of an older oogst: the upgrade only adds tables, so reading
    # commands make it too, instead of telling every user to run `oogst add` first
    path = tmp_path / "v2.db"
    _v2_store(path)
    with Store(path, readonly=True) as st:
        assert st.schema_version == SCHEMA_VERSION
        assert [r.url for r in st.sources()] == [_doc().url]


def test_an_older_store_that_cannot_be_upgraded_says_why(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    _v2_store(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another run writes: in WAL mode reading goes on, upgrading cannot
    try:
        with pytest.raises(StoreError, match=r"older oogst \(schema 2\).*run oogst add on it once"):
            Store(path, readonly=True, timeout=0.1)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Store(path, readonly=True) as st:
        assert st.schema_version == SCHEMA_VERSION


def test_readonly_never_creates_and_never_writes(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "weg.db", readonly=True)
    assert not (tmp_path / "weg.db").exists()
    with Store(tmp_path / "s.db") as st:
        st.put(_doc(), [])
    with pytest.raises(StoreError, match="cannot be written"), Store(tmp_path / "s.db", readonly=True) as st:
        st.record_failure("x", "y")
