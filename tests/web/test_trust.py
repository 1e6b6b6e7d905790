"""Issue 18 in the web UI: a shortening never reverses a quote, and the reason is shown."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from oogst.digest import to_digest_item
from oogst.digest_json import dumps, loads
from oogst.models import Candidate, Item
from oogst.store import Store
from webclient import Client


def _negated(store: Path) -> tuple[Item, str]:
    """A harvested quote with 'niet' between other words, and its url."""
    with Store(store) as st:
        docs = {d.id: d for d in st.documents()}
        for item in st.items():
            if item.kind == "quote" and re.search(r"\w+ niet \w+", item.text):
                return item, docs[item.document_id].url
    raise AssertionError("the demo corpus has no quote with 'niet'")


def _put_first(store: Path, item: Item, url: str, text: str | None = None, **change: object) -> str:
    """Make ``item`` the digest's first highlight (optionally with another text); returns its id."""
    di = replace(to_digest_item(Candidate(item, 0.5, source_url=url)), **change)
    if text is not None:
        di = replace(di, text=text)
    with Store(store) as st:
        d = loads(st.digest_json(1) or "")
        st.update_digest(1, dumps(replace(d, highlights=(di,) + d.highlights[1:])))
    return di.id


def _cut_niet(text: str) -> str:
    return re.sub(r"(\w+) niet (\w+)", r"\1 […] \2", text, count=1)


def test_editor_refuses_a_cut_of_niet(client: Client, demo_store: Path) -> None:
    item, url = _negated(demo_store)
    item_id = _put_first(demo_store, item, url)
    short = _cut_niet(item.text)
    live = client.post("/digests/1/check", data={"item": item_id, "text": short}, headers={"X-CSRF-Token": client.csrf})
    assert live.json()["ok"] is False and "'niet' is left out" in live.json()["reason"]
    res = client.form("/digests/1/items/text", {"item": item_id, "text": short})
    assert res.status_code == 422 and "&#39;niet&#39; is left out" in res.text and "negation" in res.text
    with Store(demo_store) as st:
        assert loads(st.digest_json(1) or "").highlights[0].text == item.text  # nothing saved


def test_export_refusal_names_the_cut_word(client: Client, demo_store: Path) -> None:
    item, url = _negated(demo_store)
    _put_first(demo_store, item, url, text=_cut_niet(item.text))
    res = client.get("/digests/1/export/html")
    assert res.status_code == 409 and "&#39;niet&#39; is left out" in res.text


def test_export_refuses_a_changed_speaker(client: Client, demo_store: Path) -> None:
    item, url = _negated(demo_store)
    _put_first(demo_store, item, url, speaker="Iemand Anders")
    res = client.get("/digests/1/export/md")
    assert res.status_code == 409 and "attribution changed" in res.text and "Iemand Anders" in res.text
