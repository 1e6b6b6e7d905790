"""Issue 20: reads stay fast while a digest is made; what is kept between requests stays right.

The editor page is rendered once and kept with a stand-in for the CSRF token: every session must
still get its own token, and an edit (a new digest.json text) must show at once.
"""
from __future__ import annotations

import re
from pathlib import Path

from oogst.web.pages import CSRF_STAND_IN
from oogst.web.workspace import Workspace

from webclient import PERIOD, TOPIC, MakeClient


def _token(html: str) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def test_a_kept_editor_page_carries_each_sessions_own_token(demo_store: Path, make_client: MakeClient) -> None:
    one = make_client(demo_store)
    other = make_client(demo_store)
    first, second = one.get("/digests/1"), other.get("/digests/1")
    assert first.status_code == second.status_code == 200
    assert CSRF_STAND_IN not in first.text and CSRF_STAND_IN not in second.text
    assert _token(first.text) == one.csrf and _token(second.text) == other.csrf != one.csrf
    assert f'value="{one.csrf}"' in first.text  # the forms' hidden fields too


def test_an_edit_shows_at_once_although_the_page_is_kept(client) -> None:  # noqa: ANN001
    before = client.get("/digests/1").text
    assert "Een eigen titel voor de test" not in before
    r = client.form("/digests/1/title", {"title": "Een eigen titel voor de test"})
    assert r.status_code in (200, 303)
    assert "Een eigen titel voor de test" in client.get("/digests/1").text


def test_a_digest_made_in_the_worker_process_is_the_digest_made_here(demo_store: Path) -> None:
    here, there = Workspace(demo_store, worker_process=False), Workspace(demo_store)
    with here.store() as st:
        a = here.create(st, TOPIC, PERIOD, None, None)
        b = there.create(st, TOPIC, PERIOD, None, None)
        assert st.digest_json(a) == st.digest_json(b)
