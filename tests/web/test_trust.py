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


# -- uploads -----------------------------------------------------------------------------------

def _upload(client: Client, files: list[tuple[str, bytes]]):  # noqa: ANN202
    res = client.post("/sources/upload", data={"csrf_token": client.csrf, "period": ""},
                      files=[("files", (n, d, "application/octet-stream")) for n, d in files], follow_redirects=False)
    assert res.status_code == 303, res.text
    return client.wait_job(int(res.headers["location"].rsplit("/", 1)[1]))


ARTICLE = """<html><head><title>{title}</title><meta name="date" content="2025-10-0{day}"></head><body><article>
<h1>{title}</h1><p>De gemeente {place} werkt al jaren samen met de provincie aan de dijken en de wegen.</p>
<p>‘Samenwerken tussen overheden is geen project met een einddatum, je moet het elke dag onderhouden,’
zegt wethouder {who} van {place}.</p><p>Volgens {who} is interbestuurlijk samenwerken vooral een kwestie
van vertrouwen en van elkaar opzoeken, ook als het tegenzit.</p></article></body></html>"""


def _article(n: int) -> bytes:
    place, who = [("Dalmeer", "Anne de Boer"), ("Westerkoog", "Pieter Jansen")][n]
    return ARTICLE.format(title=f"Samen verder in {place}", day=n + 1, place=place, who=who).encode()


def test_two_uploads_with_the_same_name_are_both_kept(empty_client: Client, tmp_path: Path) -> None:
    job = _upload(empty_client, [("artikel.html", _article(0)), ("artikel.html", _article(1))])
    assert job["counts"].get("added") == 2, job["events"]
    job = _upload(empty_client, [("artikel.html", _article(0))])  # the same file again
    assert job["counts"].get("unchanged") == 1 and not job["counts"].get("added"), job["events"]
    job = _upload(empty_client, [("artikel.html", _article(1).replace(b"dijken", b"bruggen"))])  # a new version
    assert job["counts"].get("added") == 1, job["events"]
    with Store(tmp_path / "empty.db") as st:
        titles = sorted(d.title for d in st.documents())
    assert titles == ["Samen verder in Dalmeer", "Samen verder in Westerkoog", "Samen verder in Westerkoog"]
    assert len(list((tmp_path / "empty-uploads").iterdir())) == 3


def test_an_uploaded_file_is_cited_by_title_and_name_never_by_path(empty_client: Client, tmp_path: Path) -> None:
    _upload(empty_client, [("artikel.html", _article(0)), ("artikel.html", _article(1))])
    res = empty_client.form("/digests", {"topic": "interbestuurlijk samenwerken", "period": "2025-Q4"},
                            follow_redirects=False)
    assert res.status_code == 303, res.text
    digest_id = res.headers["location"].rstrip("/").rsplit("/", 1)[1].split("?")[0]
    seen = 0
    for fmt in ("html", "md", "json"):
        out = empty_client.get(f"/digests/{digest_id}/export/{fmt}")
        assert out.status_code == 200, out.text
        text = out.text
        assert "file:" not in text and "uploads" not in text and str(tmp_path) not in text
        seen += "artikel." in text and "Samen verder in" in text
    assert seen == 3
    preview = empty_client.get(f"/digests/{digest_id}/preview").text
    assert "file:" not in preview and str(tmp_path) not in preview


def test_a_chunked_upload_over_the_limit_is_413_not_500(tmp_path: Path, make_client) -> None:  # noqa: ANN001
    client = make_client(tmp_path / "oogst.db", max_upload_bytes=1024)
    boundary = "oogstgrens"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{client.csrf}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()

    def body():  # noqa: ANN202  (an iterator: httpx sends it chunked, without Content-Length)
        yield head
        for _ in range(40):
            yield b"x" * (64 * 1024)
        yield f"\r\n--{boundary}--\r\n".encode()

    res = client.post("/sources/upload", content=body(), headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    assert res.status_code == 413 and "upload limit" in res.text
    assert not (tmp_path / "oogst-uploads").exists() or not any((tmp_path / "oogst-uploads").iterdir())


# -- private addresses -------------------------------------------------------------------------

def test_carrier_grade_nat_6to4_and_odd_address_forms_are_refused(empty_client: Client) -> None:
    urls = {
        "http://100.64.0.1/latest/meta-data/": "carrier-grade NAT",
        "http://100.127.255.254/": "carrier-grade NAT",
        "http://[2002:7f00:1::]/": "6to4 address embedding 127.0.0.1, a loopback",
        "http://[2002:c0a8:101::1]/": "6to4 address embedding 192.168.1.1, a private",
        "http://[64:ff9b::7f00:1]/": "NAT64 address embedding 127.0.0.1",
        "http://0177.0.0.1/": "octal, hex or short form (read as 127.0.0.1)",
        "http://0x7f.0.0.1/": "(read as 127.0.0.1)",
        "http://127.1/": "(read as 127.0.0.1)",
        "http://2130706433/": "(read as 127.0.0.1)",
        "http://0999.1.1.1/": "is not a valid address",
    }
    res = empty_client.form("/sources/urls", {"urls": "\n".join(urls)}, follow_redirects=False)
    job = empty_client.wait_job(int(res.headers["location"].rsplit("/", 1)[1]), timeout=5)
    reasons = {e["source"]: e["reason"] for e in job["events"]}
    assert set(reasons) == set(urls) and all(e["status"] == "failed" for e in job["events"])
    for url, why in urls.items():
        assert why in reasons[url] and "unexpected" not in reasons[url], (url, reasons[url])


def test_public_addresses_still_pass() -> None:
    from oogst.ingest.safety import blocked_reason, odd_address
    from oogst.web.inputs import url_problem

    assert blocked_reason("93.184.216.34") is None and blocked_reason("2606:4700::1") is None
    assert blocked_reason("2002:5db8:d822::1") is None  # 6to4 around a public address
    assert odd_address("example.org") is None and odd_address("cafe.de") is None and odd_address("10.0.0.1") is None
    assert url_problem("https://example.org/a", False) is None


# -- sessions ----------------------------------------------------------------------------------
TOKEN = "a-long-random-test-token-42"


def test_logout_ends_the_session_on_the_server(demo_store: Path, make_client) -> None:  # noqa: ANN001
    c = make_client(demo_store, host="0.0.0.0", token=TOKEN)
    c.form("/login", {"token": TOKEN, "next": "/digests"}, follow_redirects=False)
    kept = dict(c.cookies)  # what a thief (or a second tab) copied before the logout
    assert c.get("/digests/1", follow_redirects=False).status_code == 200
    c.refresh_csrf()
    assert c.form("/logout", follow_redirects=False).status_code == 303
    c.cookies.clear()
    for name, value in kept.items():
        c.cookies.set(name, value)
    res = c.get("/digests/1", follow_redirects=False)
    assert res.status_code == 303 and res.headers["location"].startswith("/login")


def test_a_blank_or_padded_token_is_refused() -> None:
    from oogst.errors import InputError
    from oogst.web import WebSettings

    for bad, why in ((" " * 12, "blank"), ("\t" * 14, "blank"), (f" {TOKEN}", "space"), (f"{TOKEN}\n", "space")):
        try:
            WebSettings.build(Path("x.db"), "0.0.0.0", token=bad)
        except InputError as exc:
            assert why in str(exc)
        else:
            raise AssertionError(f"token {bad!r} was accepted")


def test_the_origin_check_compares_scheme_host_and_port(client: Client) -> None:
    from oogst.web.security import same_origin

    for origin in ("https://127.0.0.1", "http://127.0.0.1:8080", "null", "http://127.0.0.1.evil.example",
                   "ftp://127.0.0.1", "http://evil.example"):
        res = client.form("/digests/1/title", {"title": "x"}, headers={"Origin": origin})
        assert res.status_code == 403 and "another site" in res.text, origin
    assert client.form("/digests/1/title", {"title": "ok"}, headers={"Origin": "http://127.0.0.1"},
                       follow_redirects=False).status_code == 303
    assert same_origin("http://127.0.0.1:80", "http", "127.0.0.1")
    assert same_origin("https://Oogst.Example", "https", "oogst.example:443")
    assert not same_origin("http://oogst.example", "https", "oogst.example")


# -- delete, tip slots, the exact page ---------------------------------------------------------

def test_a_digest_can_be_deleted(client: Client, demo_store: Path) -> None:
    assert 'action="/digests/1/delete"' in client.get("/digests").text
    res = client.form("/digests/1/delete", follow_redirects=False)
    assert res.status_code == 303 and res.headers["location"].startswith("/digests?deleted=")
    assert "was deleted" in client.get(res.headers["location"]).text
    assert client.get("/digests/1").status_code == 404
    with Store(demo_store) as st:
        assert st.digest_json(1) is None and st.documents()  # the sources stay
    assert client.form("/digests/1/delete").status_code == 404


def test_a_source_can_be_deleted_and_digests_say_what_to_remove(client: Client, demo_store: Path) -> None:
    with Store(demo_store) as st:
        digest = loads(st.digest_json(1) or "")
        url = digest.highlights[0].source_url
        doc_id = st.document_by_url(url).id  # type: ignore[union-attr]
        n_docs = len(st.documents())
    assert f'value="{url}"' in client.get("/sources").text
    res = client.form("/sources/delete", {"url": url}, follow_redirects=False)
    assert res.status_code == 303 and "Deleted" in client.get(res.headers["location"]).text
    with Store(demo_store) as st:
        assert st.document_by_url(url) is None and len(st.documents()) == n_docs - 1
        assert st.items([doc_id]) == []
    assert client.get("/digests/1/export/pdf").status_code == 409
    assert "source text not stored" in client.get("/digests/1").text
    assert client.form("/sources/delete", {"url": url}).status_code == 404


def test_a_deleted_upload_takes_its_file_along(empty_client: Client, tmp_path: Path) -> None:
    _upload(empty_client, [("artikel.html", _article(0))])
    (upload,) = (tmp_path / "empty-uploads").iterdir()
    with Store(tmp_path / "empty.db") as st:
        (doc,) = st.documents()
    empty_client.form("/sources/delete", {"url": doc.url})
    assert not upload.exists()
    job = _upload(empty_client, [("artikel.html", _article(0))])  # added again, read afresh
    assert job["counts"].get("added") == 1, job["events"]


def test_an_item_moved_into_a_tip_slot_replaces_the_tip(client: Client, demo_store: Path) -> None:
    from oogst.web import editing

    with Store(demo_store) as st:
        d = loads(st.digest_json(1) or "")
    assert d.lessons and d.lessons[0].tips and len(d.lessons) > 1
    old_tip = d.lessons[0].tips[0]
    new_tip = d.lessons[1].items[0]
    res = client.form("/digests/1/items/move", {"item": new_tip.id, "to": "t0"}, follow_redirects=False)
    assert res.status_code == 303
    with Store(demo_store) as st:
        after = loads(st.digest_json(1) or "")
    assert [t.id for t in after.lessons[0].tips] == [new_tip.id]
    assert after.lessons[1].items[0].id == old_tip.id  # the old tip took the item's place
    assert len(after.all_items()) == len(d.all_items())
    # from the candidates: the old tip leaves the digest
    fresh = replace(new_tip, id="x" * 12)
    put = editing.insert(after, fresh, ("t", 0))
    assert [t.id for t in put.lessons[0].tips] == ["x" * 12] and new_tip.id not in {i.id for i in put.all_items()}


def test_the_exact_page_answers_at_once_with_progress(client: Client) -> None:
    page = client.get("/digests/1/page")
    assert client.app.state.outputs._pdfs == {}  # noqa: SLF001  (nothing laid out before answering)
    assert page.status_code == 200 and 'id="page-progress"' in page.text and "<progress" in page.text
    assert 'data-fit="/digests/1/page/fit"' in page.text and "?wait=1" in page.text  # the way without script
    fit = client.get("/digests/1/page/fit").json()
    assert fit["ok"] is True and isinstance(fit["warnings"], list)
    waited = client.get("/digests/1/page?wait=1")
    assert 'id="page-progress"' not in waited.text and "To fit one page" in waited.text
