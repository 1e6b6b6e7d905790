"""Loading a harvest: Store.put_many writes what put writes one by one, in one transaction."""
from __future__ import annotations

from pathlib import Path

import pytest

from oogst.harvest import harvest
from oogst.models import Document, document_id
from oogst.store import Store


def _docs(n: int, suffix: str = "") -> list[tuple[Document, list, str, tuple[str, ...]]]:
    out = []
    for i in range(n):
        url = f"https://x.example/{i}"
        text = f"‘Begin klein{suffix},’ zegt wethouder Anna de Vries in bericht {i}."
        doc = Document(document_id(url), url, f"Bericht {i}", "2025-07", "nl", text, "jsonl")
        notes = (f"een notitie {i}{suffix}",) if i % 2 else ()
        out.append((doc, list(harvest(text, "nl", document_id=doc.id).items), f"c.jsonl:{i + 1}", notes))
    return out


def _snapshot(st: Store):  # noqa: ANN202
    return st.documents(), st.items(), [(r.url, r.status, r.error, r.notes) for r in st.sources()]


def test_put_many_is_put_one_by_one(tmp_path: Path) -> None:
    first, second = _docs(6), _docs(6, " en leer")[:3]
    with Store(tmp_path / "a.db") as a, Store(tmp_path / "b.db") as b:
        for st in (a, b):
            st.record_failure("c.jsonl:2", "was kapot")
        one = [a.put(d, i, source=s, notes=n) for d, i, s, n in first + second]
        many = b.put_many(first) + b.put_many(second)
        assert one == many == ["added"] * 6 + ["updated"] * 3
        assert _snapshot(a) == _snapshot(b)
        assert [r.notes for r in b.sources()][:2] == [(), ("een notitie 1 en leer",)]
        assert b.put_many(first[3:]) == ["unchanged"] * 3
        assert not b.sources(failed_only=True)


def test_put_many_writes_all_or_nothing(tmp_path: Path) -> None:
    docs = _docs(4)
    bad = (docs[3][0], [None], docs[3][2], ())  # an item that cannot be written
    with Store(tmp_path / "s.db") as st:
        with pytest.raises(AttributeError):
            st.put_many([*docs[:3], bad])
        assert st.documents() == [] and st.items() == []
