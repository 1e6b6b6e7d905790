"""End to end in real Chromium against `oogst serve`: from an empty store to a published PDF.

The server runs as a subprocess on 127.0.0.1 (a free port, a temporary store). Screenshots of
the editor go to $OOGST_SCREENSHOTS (default: a folder under /tmp), never into the repository.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from webclient import faithful_cut

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TOPIC = "interbestuurlijk samenwerken"
PERIOD = "2025-Q3..2026-Q1"
SHOTS = Path(os.environ.get("OOGST_SCREENSHOTS") or Path(tempfile.gettempdir()) / "oogst-screenshots")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(store: Path) -> Iterator[str]:
    """`oogst serve` on a free port; yields its base URL once it answers."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "OOGST_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-c", "from oogst.cli import main; main()", "serve",
                             "--port", str(port), "--store", str(store)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/static/app.css", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("oogst serve did not start:\n" + proc.stdout.read().decode())  # type: ignore[union-attr]
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def words(text: str) -> str:
    return " ".join(text.split())


def foreign_word(text: str) -> str:
    """A word the text does not have, so inserting it is reported as added (not repeated)."""
    have = set(re.findall(r"\w+", text.lower()))
    return next(w for w in ("nimmer", "zelden", "nooit", "echt") if w not in have)


def english(browser, base: str, **kw):  # noqa: ANN001, ANN201
    """A browser context that chose English (Dutch is the default)."""
    context = browser.new_context(**kw)
    context.add_cookies([{"name": "oogst_lang", "value": "en", "url": base}])
    return context


def drag(page, handle, zone) -> None:  # noqa: ANN001
    """Drag by hand, in steps, as a person does (Playwright's drag_to is too quick for the handle)."""
    handle.hover()
    start = handle.bounding_box()
    end = zone.bounding_box()
    page.mouse.down()
    page.mouse.move(start["x"] + 4, start["y"] + 24, steps=4)
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + 12, steps=12)
    page.mouse.up()


def upload_demo(page, base: str, corpus: Path, shot: str | None = None) -> None:  # noqa: ANN001
    from playwright.sync_api import expect

    page.goto(base + "/")
    expect(page).to_have_url(base + "/sources")
    expect(page.get_by_text("The store is empty")).to_be_visible()
    page.set_input_files("#files", [str(p) for p in sorted(corpus.glob("*.html"))])
    page.get_by_role("button", name="Upload and add").click()
    expect(page.locator("#job-next")).to_be_visible(timeout=30_000)
    expect(page.locator("#job-counts .count-added strong")).to_have_text("18")
    if shot:
        page.screenshot(path=str(SHOTS / shot))
    page.get_by_role("link", name="Make a digest").click()
    page.fill("#topic", TOPIC)
    page.fill("#period", PERIOD)
    page.get_by_role("button", name="Make the digest").click()
    expect(page.locator(".checkline-ok")).to_be_visible()


def test_from_an_empty_store_to_a_published_pdf(browser, tmp_path: Path, demo_corpus: Path) -> None:  # noqa: ANN001
    import pypdfium2 as pdfium
    from playwright.sync_api import expect

    SHOTS.mkdir(parents=True, exist_ok=True)
    with serve(tmp_path / "oogst.db") as base:
        context = english(browser, base, viewport={"width": 1600, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        upload_demo(page, base, demo_corpus, shot="sources-run.png")
        editor_url = page.url
        page.wait_for_timeout(300)  # the preview frame
        page.screenshot(path=str(SHOTS / "editor-1-new.png"))

        # move a quote from the highlights into the first lesson, by dragging it
        quote = page.locator('ol[data-place="h"] > li.item').filter(has=page.locator(".kind-quote")).first
        item_id = quote.get_attribute("data-item")
        page.set_viewport_size({"width": 1600, "height": 1800})  # the source and the lesson both in view
        with page.expect_response(lambda r: r.url.endswith("/items/move") and r.ok):
            drag(page, quote.locator(".drag-handle"), page.locator('ol[data-place="i0"]'))
        page.set_viewport_size({"width": 1600, "height": 1000})
        page.reload()
        item = page.locator(f'ol[data-place="i0"] > #item-{item_id}')
        expect(item).to_be_visible()
        original = item.locator(".item-text").inner_text()

        # shorten it: a changed word is refused live, a marked cut is accepted and saved
        item.locator("details.shorten > summary").click()
        box = item.locator("textarea")
        short = faithful_cut(original)
        w, extra = short.split(), foreign_word(original)
        box.fill(" ".join([w[0], extra, *w[1:]]))
        expect(item.locator(".verdict-bad")).to_contain_text(f"Refused: added: '{extra}'")
        expect(item.locator(".diff ins")).to_have_text(extra)
        expect(item.get_by_role("button", name="Save shortened text")).to_be_disabled()
        item.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "editor-2-refused.png"))
        box.fill(short)
        expect(item.locator(".verdict-ok")).to_be_visible()
        expect(item.locator(".diff del")).to_have_count(1)
        item.get_by_role("button", name="Save shortened text").click()
        page.wait_for_url(editor_url + "*")
        saved = page.locator(f"#item-{item_id}")
        expect(saved.locator(".item-text")).to_have_text(short)
        expect(saved.locator(".tag-short")).to_be_visible()
        expect(page.locator(".checkline-ok")).to_be_visible()
        page.wait_for_timeout(300)
        page.screenshot(path=str(SHOTS / "editor-3-shortened.png"))

        # publish: the PDF is one page and says the shortened text
        with page.expect_download() as download:
            page.locator(".exports").get_by_role("link", name="PDF", exact=True).click()
        pdf_path = tmp_path / "digest.pdf"
        download.value.save_as(pdf_path)
        pdf = pdfium.PdfDocument(str(pdf_path))
        assert len(pdf) == 1
        text = words(pdf[0].get_textpage().get_text_range())
        assert words(short) in text, text
        assert words(original) not in text
        pdf.close()
        assert problems == []
        context.close()


def test_the_basic_flow_works_without_javascript(browser, tmp_path: Path, demo_corpus: Path) -> None:  # noqa: ANN001
    from playwright.sync_api import expect

    with serve(tmp_path / "oogst.db") as base:
        context = english(browser, base, java_script_enabled=False, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        upload_demo(page, base, demo_corpus)  # the job page refreshes itself until the run is done
        digest_url = page.url.split("?")[0].split("#")[0]
        page.goto(digest_url + "?hide_used=1&kind=quote")
        cand = page.locator("li.cand").first
        cand_id = (cand.get_attribute("id") or "")[5:]
        cand.locator("select[name=to]").select_option("i1")
        cand.get_by_role("button", name="Add").click()
        item = page.locator(f'ol[data-place="i1"] > #item-{cand_id}')
        expect(item).to_be_visible()
        original = item.locator(".item-text").inner_text()
        item.locator("details.shorten > summary").click()
        extra = foreign_word(original)
        item.locator("textarea").fill(original.replace(" ", f" {extra} ", 1))
        item.get_by_role("button", name="Save shortened text").click()
        expect(page.locator(".alert-error").first).to_contain_text("not saved")
        refused = page.locator(f"#item-{cand_id}")
        expect(refused.locator(".verdict-bad")).to_contain_text(f"added: '{extra}'")
        expect(refused.locator(".diff ins")).to_have_text(extra)
        refused.locator("textarea").fill(faithful_cut(original))
        refused.get_by_role("button", name="Save shortened text").click()
        expect(page.locator(f"#item-{cand_id} .item-text")).to_have_text(faithful_cut(original))
        md = page.request.get(digest_url + "/export/md")
        assert md.ok and words(faithful_cut(original)).replace("[", "\\[").replace("]", "\\]") in words(md.text())
        context.close()


def test_the_ui_speaks_dutch_and_english_on_request(browser, tmp_path: Path, demo_corpus: Path) -> None:  # noqa: ANN001
    """Issue 18: Dutch by default, English as a choice; one date style each; the check's refusal,
    the exact page's progress and deleting a digest, in the browser."""
    from playwright.sync_api import expect

    with serve(tmp_path / "oogst.db") as base:
        context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="en-US")
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(base + "/")
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        expect(page.get_by_text("De opslag is leeg")).to_be_visible()
        page.set_input_files("#files", [str(p) for p in sorted(demo_corpus.glob("*.html"))])
        page.get_by_role("button", name="Uploaden en toevoegen").click()
        expect(page.locator("#job-next")).to_be_visible(timeout=30_000)
        expect(page.locator("#job-counts .count-added")).to_contain_text("18 toegevoegd")
        expect(page.locator("#job-count")).to_have_text("18 van 18")
        expect(page.locator("#job-events .pill").first).to_have_text("toegevoegd")
        page.goto(base + "/sources")
        dates = page.locator("table.table td.nowrap").all_inner_texts()
        assert dates and all(re.fullmatch(r"(\d{1,2} )?[a-z]+ \d{4}|zonder datum", d) for d in dates), dates
        page.goto(base + "/digests")
        page.fill("#topic", TOPIC)
        page.fill("#period", PERIOD)
        page.get_by_role("button", name="Maak het overzicht").click()
        expect(page.locator(".checkline-ok")).to_contain_text("letterlijk of getrouw ingekort")
        expect(page.get_by_role("heading", name="Kandidaten")).to_be_visible()
        editor_url = page.url.split("#")[0]

        # the live check refuses a cut of a negation, and says so in Dutch
        item = page.locator("li.item").filter(has=page.locator(".item-text", has_text=re.compile(r"\w+ niet \w+"))).first
        expect(item).to_be_visible()  # the demo digest has quotes with 'niet'
        original = item.locator(".item-text").inner_text()
        item.locator("details.shorten > summary").click()
        item.locator("textarea").fill(re.sub(r"(\w+) niet (\w+)", r"\1 […] \2", original, count=1))
        expect(item.locator(".verdict-bad")).to_contain_text("'niet' is weggelaten (een ontkenning")
        expect(item.get_by_role("button", name="Ingekorte tekst bewaren")).to_be_disabled()

        # the exact page shows its progress, then the page and what had to give
        page.get_by_role("link", name="Exacte pagina").first.click()
        expect(page.get_by_role("heading", name="De afgedrukte pagina")).to_be_visible()
        expect(page.locator("#page-progress")).to_be_hidden(timeout=60_000)
        expect(page.locator("#page-fit")).to_contain_text("Om op één pagina te passen")
        assert page.evaluate("document.getElementById('page-image').naturalWidth") > 0

        # English on request, and it sticks
        page.goto(editor_url)
        page.locator(".langnav").get_by_role("link", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.get_by_role("heading", name="Candidates")).to_be_visible()
        expect(page).to_have_url(re.compile(re.escape(editor_url)))
        page.goto(base + "/sources")
        dates = page.locator("table.table td.nowrap").all_inner_texts()
        assert dates and all(re.fullmatch(r"(\d{1,2} )?[A-Z][a-z]+ \d{4}|undated", d) for d in dates), dates
        page.goto(base + "/digests")
        expect(page.locator(".digest-list .muted").first).to_contain_text(re.compile(r"made \d{1,2} [A-Z][a-z]+ \d{4}"))

        # delete the digest (after confirming)
        page.on("dialog", lambda d: d.accept())
        page.locator(".digest-list").get_by_role("button", name=re.compile("Delete the digest")).first.click()
        expect(page.get_by_text("was deleted")).to_be_visible()
        expect(page.get_by_text("No digests yet.")).to_be_visible()
        page.locator(".langnav").get_by_role("link", name="Nederlands").click()
        expect(page.get_by_text("Nog geen overzichten.")).to_be_visible()
        assert problems == []
        context.close()
