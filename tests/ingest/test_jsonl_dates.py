"""A JSON Lines record without 'published' takes its date from its URL, as an HTML page does."""
from __future__ import annotations

import json
from pathlib import Path

from oogst.ingest.files import load_jsonl

TEXT = "‘We doen het samen of we doen het niet,’ zegt wethouder Anne de Boer van Dalmeer."


def _records(tmp_path: Path, *rows: dict) -> list:
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return list(load_jsonl(p))


def test_a_record_without_published_takes_the_date_in_its_url(tmp_path: Path) -> None:
    out = _records(
        tmp_path,
        {"url": "https://dalmeer.example/nieuws/2019/03/14/samen-verder", "text": TEXT},
        {"url": "https://dalmeer.example/nieuws/2019/03/samen-verder", "text": TEXT},
        {"url": "https://dalmeer.example/nieuws/2019/03/14/html", "html": f"<html><body><p>{TEXT}</p></body></html>"},
        {"url": "https://dalmeer.example/2019/03/14/eigen-datum", "text": TEXT, "published": "2020-01-02"},
        {"url": "https://dalmeer.example/nieuws/zonder-datum", "text": TEXT},
        {"url": "https://dalmeer.example/2019/13/40/geen-datum", "text": TEXT},
    )
    assert [r.published for r in out] == ["2019-03-14", "2019-03", "2019-03-14", "2020-01-02", None, None]
