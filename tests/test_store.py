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
