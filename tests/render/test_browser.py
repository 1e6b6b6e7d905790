"""The rendered HTML in real Chromium: injected script stays inert, no horizontal overflow."""
from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

OVERFLOW_JS = """() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > root.clientWidth + 1)
    .map(el => el.tagName + '.' + el.className);
  return {scroll: root.scrollWidth, client: root.clientWidth, wide};
}"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("which", ["rendered_small", "rendered_xss"])
def test_inert_and_no_horizontal_overflow(browser, request, which: str, width: int) -> None:
    out, _ = request.getfixturevalue(which)
    page = browser.new_page(viewport={"width": width, "height": 900})
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto((out / "digest.html").as_uri())
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.evaluate("() => typeof window.pwned") == "undefined"
    assert page.evaluate("() => document.scripts.length") == 0
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    m = page.evaluate(OVERFLOW_JS)
    assert m["scroll"] <= m["client"], m
    assert m["wide"] == [], m
    page.close()


def test_layout_columns_change_with_width(browser, rendered_small) -> None:
    out, _ = rendered_small
    counts = {}
    for width in (375, 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto((out / "digest.html").as_uri())
        counts[width] = page.evaluate(
            "() => getComputedStyle(document.querySelector('.lessons')).gridTemplateColumns.split(' ').length")
        page.close()
    assert counts == {375: 1, 1280: 3}
