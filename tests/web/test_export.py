"""Preview and exports: every format, only of a faithful digest, everything escaped."""
from __future__ import annotations

import json
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pypdfium2 as pdfium

from oogst.digest_json import dumps, loads
from oogst.store import Store
from webclient import Client


def edit_stored(store: Path, change) -> None:  # noqa: ANN001
    with Store(store) as st:
        st.update_digest(1, dumps(change(loads(st.digest_json(1) or ""))))


def test_text_exports_are_downloads(client: Client) -> None:
    for fmt, media, start in [("html", "text/html", b"<!DOCTYPE html>"), ("md", "text/markdown", b"# "),
                              ("json", "application/json", b"{")]:
        res = client.get(f"/digests/1/export/{fmt}")
        assert res.status_code == 200 and res.headers["content-type"].startswith(media)
        assert res.headers["content-disposition"].startswith("attachment; filename=\"oogst-1-interbestuurlijk-samenwerken.")
        assert res.content.startswith(start)
    assert json.loads(client.get("/digests/1/export/json").content)["schema_version"] == 1
    assert client.get("/digests/1/export/docx").status_code == 404


def test_pdf_is_one_page_and_png_follows_it(client: Client) -> None:
    pdf = client.get("/digests/1/export/pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert len(pdfium.PdfDocument(pdf.content)) == 1
    png = client.get("/digests/1/export/png?inline=1")
    assert png.content.startswith(b"\x89PNG") and png.headers["content-disposition"].startswith("inline")
    page = client.get("/digests/1/page")
    assert page.status_code == 200 and "/digests/1/export/png?inline=1" in page.text


def test_export_is_refused_when_an_item_no_longer_matches_its_source(client: Client, demo_store: Path) -> None:
    edit_stored(demo_store, lambda d: replace(d, highlights=(replace(d.highlights[0], text="Dat zei niemand."),) + d.highlights[1:]))
    res = client.get("/digests/1/export/pdf")
    assert res.status_code == 409 and "Export refused" in res.text
    assert "no longer match their sources" in client.get("/digests/1").text


class Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
        self.handlers += [k for k, _ in attrs if k.startswith("on")]


def test_everything_is_escaped(client: Client, demo_store: Path) -> None:
    evil = '<script>window.pwned=1</script><img src=x onerror="pwned()">'
    edit_stored(demo_store, lambda d: replace(d, title=evil, lessons=(replace(d.lessons[0], title=evil),) + d.lessons[1:],
                                              notes=(evil,)))
    for url in ("/digests/1", "/digests", "/digests/1/preview", "/digests/1/preview?mode=screen", "/digests/1/export/html"):
        page = client.get(url).text
        parser = Scripts()
        parser.feed(page)
        assert all(s.get("src") == "/static/app.js" for s in parser.scripts), url
        assert parser.handlers == [], url
        assert "&lt;script&gt;" in page, url


def test_preview_may_not_run_scripts(client: Client) -> None:
    res = client.get("/digests/1/preview")
    csp = res.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert "width:210mm" in res.text  # drawn as an A4 sheet
    assert '<iframe id="preview" src="/digests/1/preview"' in client.get("/digests/1").text
    assert ' sandbox ' in client.get("/digests/1").text
