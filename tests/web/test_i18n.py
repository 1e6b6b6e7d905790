"""The UI speaks Dutch by default and English on request, from gettext catalogues."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from oogst.web import i18n
from webclient import BASE, Client

LOCALE = Path(i18n.__file__).parent / "locale"


def _dutch(client: Client) -> Client:
    client.cookies.delete("oogst_lang")  # the route tests' client asks for English
    return client


def test_the_ui_is_dutch_by_default(client: Client) -> None:
    _dutch(client)
    page = client.get("/digests")
    assert page.headers["content-language"] == "nl" and '<html lang="nl">' in page.text
    assert "Nieuw overzicht" in page.text and "Maak het overzicht" in page.text and "New digest" not in page.text
    editor = client.get("/digests/1").text
    assert "Kandidaten" in editor and "Hoogtepunten" in editor and "Inkorten" in editor and "Candidates" not in editor
    sources = client.get("/sources").text
    assert "Bestanden uploaden" in sources and "Upload files" not in sources


def test_english_is_a_choice_that_sticks(client: Client) -> None:
    _dutch(client)
    res = client.get("/language/en?next=/digests/1", follow_redirects=False)
    assert res.status_code == 303 and res.headers["location"] == "/digests/1"
    assert "oogst_lang=en" in res.headers["set-cookie"]
    page = client.get("/digests/1")
    assert page.headers["content-language"] == "en" and "Candidates" in page.text
    assert client.get("/language/nl?next=//evil.example", follow_redirects=False).headers["location"] == "/"
    assert "Kandidaten" in client.get("/digests/1").text
    client.get("/language/xx")  # an unknown language keeps the one chosen
    assert "Kandidaten" in client.get("/digests/1").text


def test_errors_and_refusals_speak_dutch(client: Client) -> None:
    _dutch(client)
    res = client.form("/digests/1/title", {"title": "x"}, headers={"Origin": "http://evil.example"})
    assert res.status_code == 403 and "andere site" in res.text
    assert "Geef een periode." in client.form("/digests", {"topic": "", "period": ""}).text  # the topic may be left out
    assert client.get("/digests/999").status_code == 404
    assert "Niet gevonden" in client.get("/digests/999").text


def test_the_check_reason_is_translated() -> None:
    i18n.use("nl")
    try:
        text = i18n.reason("cut changes what was said: 'niet' is left out (a negation: without it the quote says "
                           "the opposite); added: 'echt'")
        assert text == ("de weglating verandert wat er gezegd is: 'niet' is weggelaten (een ontkenning: zonder die "
                        "zegt het citaat het omgekeerde); toegevoegd: 'echt'")
        assert i18n.reason("something new") == "something new"
    finally:
        i18n.use("nl")


def test_one_date_style_per_language(client: Client) -> None:
    assert i18n.format_date("2025-09-04", "nl") == "4 september 2025"
    assert i18n.format_date("2025-09-04 08:00:00", "nl") == "4 september 2025"
    assert i18n.format_date("2025-09", "nl") == "september 2025"
    assert i18n.format_date("2025-09-04", "en") == "4 September 2025"
    _dutch(client)
    page = client.get("/sources").text + client.get("/digests").text + client.get("/digests/1").text
    shown = re.sub(r"<code>.*?</code>", "", page)  # examples of what to type, not dates
    iso = re.findall(r">[^<]*\b\d{4}-\d{2}-\d{2}\b[^<]*<", shown)
    assert iso == [], iso
    assert re.search(r"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}", page)


def test_every_text_has_a_dutch_translation() -> None:
    template = read_po((LOCALE / "messages.pot").open("rb"))
    nl = read_po((LOCALE / "nl" / "LC_MESSAGES" / "messages.po").open("rb"), locale="nl")
    en = read_po((LOCALE / "en" / "LC_MESSAGES" / "messages.po").open("rb"), locale="en")
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    assert ids and ids == {m.id if isinstance(m.id, str) else m.id[0] for m in nl if m.id}
    assert ids == {m.id if isinstance(m.id, str) else m.id[0] for m in en if m.id}
    untranslated = [m.id for m in nl if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    assert untranslated == []
    for m in nl:  # every placeholder kept
        if m.id and isinstance(m.id, str):
            assert sorted(re.findall(r"%\(\w+\)s", m.id)) == sorted(re.findall(r"%\(\w+\)s", m.string)), m.id


def test_the_catalogue_template_is_up_to_date(tmp_path: Path) -> None:
    """Every text marked in the code is in messages.pot (run scripts/i18n.sh after changing one)."""
    from babel.messages.frontend import CommandLineInterface

    out = tmp_path / "messages.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", str(LOCALE / "babel.cfg"), "-k", "N_", "-k", "_",
                                "--no-location", "--sort-output", "-o", str(out), str(LOCALE.parent)])
    fresh = {m.id for m in read_po(out.open("rb")) if m.id}
    stored = {m.id for m in read_po((LOCALE / "messages.pot").open("rb")) if m.id}
    assert fresh == stored, (fresh - stored, stored - fresh)


def test_a_third_language_is_a_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_store: Path) -> None:
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE, locale)
    po = locale / "de" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    text = (LOCALE / "en" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8").replace("Language: en", "Language: de")
    text = text.replace('msgid "Candidates"\nmsgstr ""', 'msgid "Candidates"\nmsgstr "Kandidaten (de)"')
    po.write_text(text, encoding="utf-8")
    monkeypatch.setattr(i18n, "_locale_dir", lambda: locale)
    i18n.available.cache_clear()
    try:
        assert i18n.available() == ("nl", "de", "en")
        from oogst.web import WebSettings, create_app

        with Client(create_app(WebSettings.build(demo_store)), base_url=BASE) as c:
            c.cookies.set("oogst_lang", "de")
            page = c.get("/digests/1").text
            assert '<html lang="de">' in page and "Kandidaten (de)" in page and "Deutsch" in page
            assert "2025" in page  # dates in Babel's German style
    finally:
        i18n.available.cache_clear()
        i18n.translations.cache_clear()
        from oogst.web.pages import environment
        environment.cache_clear()
