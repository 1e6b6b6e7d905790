"""Digests and the editor: create, filter candidates, arrange, shorten (faithfully), lessons, notes."""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from oogst.store import Store
from webclient import PERIOD, TOPIC, Client, faithful_cut


def stored(store: Path, digest_id: int = 1) -> dict:
    with Store(store) as st:
        return json.loads(st.digest_json(digest_id) or "null")


def ids(section: list[dict]) -> list[str]:
    return [i["id"] for i in section]


class Sections(HTMLParser):
    """Item ids per drop zone (data-place) of the editor page, and candidate ids, parsed from HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.zones: dict[str, list[str]] = {}
        self.candidates: list[str] = []
        self._zone: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "ol" and a.get("data-place"):
            self._zone = a["data-place"]
            self.zones[self._zone] = []
        elif tag == "li" and a.get("data-item") and self._zone:
            self.zones[self._zone].append(a["data-item"] or "")
        elif tag == "li" and (a.get("id") or "").startswith("cand-"):
            self.candidates.append((a["id"] or "")[5:])


def parse(html: str) -> Sections:
    p = Sections()
    p.feed(html)
    return p


def test_create_a_digest_and_open_it(empty_client: Client, client: Client) -> None:
    assert "Add sources" in empty_client.get("/digests").text  # nothing to make a digest from yet
    res = client.form("/digests", {"topic": TOPIC, "period": PERIOD, "lessons": "2", "title": ""}, follow_redirects=False)
    assert res.status_code == 303 and res.headers["location"] == "/digests/2"
    page = client.get("/digests/2").text
    assert "Wat zeiden jullie" in page and "All " in page and "faithfully shortened" in page
    assert len([z for z in parse(page).zones if z.startswith("i")]) == 2
    listing = client.get("/digests").text
    assert listing.count('class="digest-link"') == 2


@pytest.mark.parametrize("data, message", [
    ({"topic": TOPIC, "period": ""}, "Give a period"),
    ({"topic": TOPIC, "period": "2025-Q7"}, "2025-Q7"),
    ({"topic": TOPIC, "period": PERIOD, "lessons": "99"}, "number of lessons"),
])
def test_create_refuses_bad_input_and_keeps_it(client: Client, data: dict, message: str) -> None:
    res = client.form("/digests", data)
    assert res.status_code == 422 and message in res.text
    assert f'value="{data["topic"]}"' in res.text


def test_editor_notes_are_shown_to_the_editor_not_on_the_page(client: Client) -> None:
    res = client.form("/digests", {"topic": "", "period": "2025", "lessons": "", "title": ""}, follow_redirects=False)
    assert res.status_code == 303  # the topic may be left out
    where = res.headers["location"]
    page = client.get(where).text
    assert "Notes for you (not on the page)" in page and "buiten de periode" in page
    assert "buiten de periode" not in client.get(where + "/page").text


def test_candidates_are_filtered(client: Client) -> None:
    every = parse(client.get("/digests/1?limit=1000").text).candidates
    advice = parse(client.get("/digests/1?kind=advice&limit=1000").text).candidates
    assert 0 < len(advice) < len(every)
    page = client.get("/digests/1?q=dijk&limit=1000").text
    assert 0 < len(parse(page).candidates) < len(every)
    speaker = client.get("/digests/1?speaker=Jan-Willem+Stegeman&limit=1000").text
    assert len(parse(speaker).candidates) >= 1 and speaker.count('class="speaker">Jan-Willem Stegeman') >= len(parse(speaker).candidates)
    strong = parse(client.get("/digests/1?min_score=0.5&limit=1000").text).candidates
    assert 0 < len(strong) < len(every)
    unused = parse(client.get("/digests/1?hide_used=1&limit=1000").text)
    in_digest = {i for zone in unused.zones.values() for i in zone}
    assert not in_digest & set(unused.candidates) and len(unused.candidates) == len(every) - len(in_digest & set(every))
    assert len(parse(client.get("/digests/1").text).candidates) == 40  # one page; "show more" for the rest
    assert "Why</summary>" in page and "relevant:" in page  # each candidate's reasons


def test_add_move_reorder_and_remove_items(client: Client, demo_store: Path) -> None:
    before = stored(demo_store)
    page = parse(client.get("/digests/1?hide_used=1&kind=quote").text)
    new = page.candidates[0]
    res = client.form("/digests/1/items/add", {"candidate": new, "to": "i1", "back": "kind=quote&evil=1"}, follow_redirects=False)
    assert res.status_code == 303 and res.headers["location"] == f"/digests/1?kind=quote#item-{new}"
    d = stored(demo_store)
    assert ids(d["lessons"][1]["items"])[-1] == new
    assert any(s["url"] == d["lessons"][1]["items"][-1]["source_url"] for s in d["sources"])
    # adding it again moves it: an item is in a digest once
    client.form("/digests/1/items/add", {"candidate": new, "to": "h"})
    d = stored(demo_store)
    assert ids(d["highlights"])[-1] == new and new not in ids(d["lessons"][1]["items"])
    # move a highlight into a lesson, at a position
    first = before["highlights"][0]["id"]
    client.form("/digests/1/items/move", {"item": first, "to": "i0", "index": "0"})
    d = stored(demo_store)
    assert ids(d["lessons"][0]["items"])[0] == first and first not in ids(d["highlights"])
    # one step down and back up
    client.form("/digests/1/items/move", {"item": first, "delta": "1"})
    assert ids(stored(demo_store)["lessons"][0]["items"])[1] == first
    client.form("/digests/1/items/move", {"item": first, "delta": "-1"})
    assert ids(stored(demo_store)["lessons"][0]["items"])[0] == first
    # by script: JSON instead of a redirect
    res = client.post("/digests/1/items/remove", data={"item": first},
                      headers={"X-CSRF-Token": client.csrf, "Accept": "application/json"})
    assert res.json() == {"ok": True}
    assert first not in {i["id"] for i in _all(stored(demo_store))}
    assert parse(client.get("/digests/1").text).zones["i0"] == ids(stored(demo_store)["lessons"][0]["items"])


def _all(d: dict) -> list[dict]:
    return d["highlights"] + [i for l in d["lessons"] for i in l["tips"] + l["items"]]


def test_moving_to_a_place_that_does_not_exist_says_why(client: Client, demo_store: Path) -> None:
    item = stored(demo_store)["highlights"][0]["id"]
    res = client.form("/digests/1/items/move", {"item": item, "to": "i9"})
    assert res.status_code == 400 and "no lesson 10" in res.text
    res = client.form("/digests/1/items/move", {"item": "nope", "to": "h"})
    assert res.status_code == 400 and "no longer in the digest" in res.text


def test_shorten_checks_live_saves_a_faithful_cut_and_refuses_a_change(client: Client, demo_store: Path) -> None:
    item = stored(demo_store)["lessons"][0]["items"][0]
    short = faithful_cut(item["text"])
    live = client.post("/digests/1/check", data={"item": item["id"], "text": short}, headers={"X-CSRF-Token": client.csrf})
    assert live.json()["ok"] is True and [op for op, _ in live.json()["segments"]] == ["same", "cut", "same"]
    words = short.split()
    unfaithful = " ".join([words[0], "niet", *words[1:]])
    live = client.post("/digests/1/check", data={"item": item["id"], "text": unfaithful}, headers={"X-CSRF-Token": client.csrf})
    assert live.json()["ok"] is False and "added: 'niet'" in live.json()["reason"]
    assert ["added", "niet"] in live.json()["segments"]
    # the form without script: refused with the reason and the difference, nothing saved
    res = client.form("/digests/1/items/text", {"item": item["id"], "text": unfaithful})
    assert res.status_code == 422 and "Refused: added: &#39;niet&#39;" in res.text and "<ins" in res.text
    assert stored(demo_store)["lessons"][0]["items"][0]["text"] == item["text"]
    res = client.form("/digests/1/items/text", {"item": item["id"], "text": short}, follow_redirects=False)
    assert res.status_code == 303
    saved = stored(demo_store)["lessons"][0]["items"][0]
    assert saved["text"] == short and saved["edited"] is False
    assert "shortened</span>" in client.get("/digests/1").text
    client.form("/digests/1/items/restore", {"item": item["id"]})
    assert stored(demo_store)["lessons"][0]["items"][0]["text"] == item["text"]


@pytest.mark.parametrize("text", ["", "   ", "[de gemeente] zegt ja", "Iets heel anders dan er stond."])
def test_shorten_refuses_empty_inserts_and_rewrites(client: Client, demo_store: Path, text: str) -> None:
    item = stored(demo_store)["highlights"][0]
    res = client.post("/digests/1/items/text", data={"item": item["id"], "text": text},
                      headers={"X-CSRF-Token": client.csrf, "Accept": "application/json"})
    assert res.status_code == 422 and res.json()["ok"] is False and res.json()["reason"]
    assert stored(demo_store)["highlights"][0]["text"] == item["text"]


def test_lessons_titles_order_and_notes(client: Client, demo_store: Path) -> None:
    titles = [l["title"] for l in stored(demo_store)["lessons"]]
    client.form("/digests/1/lessons/0/title", {"title": "  Houd   de lijnen kort "})
    assert stored(demo_store)["lessons"][0]["title"] == "Houd de lijnen kort"
    client.form("/digests/1/lessons/0/move", {"delta": "1"})
    assert [l["title"] for l in stored(demo_store)["lessons"]][:2] == [titles[1], "Houd de lijnen kort"]
    client.form("/digests/1/lessons/add", {"title": "Durf te kiezen"})
    assert stored(demo_store)["lessons"][-1] == {"title": "Durf te kiezen", "tips": [], "items": []}
    assert parse(client.get("/digests/1").text).zones[f"i{len(titles)}"] == []
    client.form(f"/digests/1/lessons/{len(titles)}/remove")
    assert len(stored(demo_store)["lessons"]) == len(titles)
    assert client.form("/digests/1/lessons/0/title", {"title": " "}).status_code == 400
    client.form("/digests/1/title", {"title": "Wat zeiden ze?"})
    assert stored(demo_store)["title"] == "Wat zeiden ze?"
    notes = stored(demo_store)["notes"]
    if notes:
        client.form("/digests/1/notes/0/remove")
        assert stored(demo_store)["notes"] == notes[1:]


def test_unknown_digest_is_404(client: Client) -> None:
    assert client.get("/digests/42").status_code == 404
    assert client.form("/digests/42/title", {"title": "x"}).status_code == 404
