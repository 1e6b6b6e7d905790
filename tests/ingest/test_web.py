"""Whole sites against the fixture server: sitemaps, feeds, the bad cases, conditional re-runs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oogst.cli import app
from oogst.ingest import FetchPolicy, Filters, add
from oogst.store import Store

# the pages of the fixture site published in 2020-Q3..2020-Q4: path → (title, date, words in the text)
IN_PERIOD = {
    "/2020/07/14/buurtteams-samen-sterker.html": ("Buurtteams in Veenstad: samen sterker", "2020-07-14",
                                                  "Iedereen deed zijn best, maar niemand overzag het geheel"),
    "/verhalen/wijkaanpak-zuid.html": ("Wijkaanpak Zuid: ‘Luister eerst naar bewoners’", "2020-09-30",
                                       "Luister eerst, en pas daarna praten over oplossingen"),
    "/verhalen/regiodeal-oost.html": ("Regiodeal Oost brengt provincie en gemeenten dichter bij elkaar", "2020-11-02",
                                      "Mensen maken het verschil, niet de handtekeningen"),
    "/2020/12/dorpshuis-als-spil.html": ("Het dorpshuis als spil van Wolderwijk", "2020-12",
                                         "We doen het samen, anders lukt het niet"),
    "/verhalen/storing.html": ("Ketenoverleg jeugd: minder vergaderen, meer doen", "2020-10-15",
                               "We vergaderden over casussen in plaats van ze op te lossen"),
    "/verhalen/verkeerd-charset.html": ("Eén loket voor ondernemers in Kranenburg", "2020-08-20",
                                        "‘Eén gesprek, één aanspreekpunt en één besluit,’ zegt coördinator Noëlle Reijnders"),
    "/verhalen/utf8-als-latin1.html": ("Coöperatie van zorgaanbieders in ’s-Hertenveen", "2020-09-01",
                                       "meer tijd voor cliënten"),
}
# the bad cases, each with words its recorded reason must contain
FAILS = {
    "/verhalen/verdwenen.html": "does not exist (HTTP 404",
    "/verhalen/traag.html": "did not answer within",
    "/verhalen/lus-a.html": "redirect loop",
    "/verhalen/groot.html": "larger than the",
    "/verhalen/plaatje.html": "sent a PNG image",
    "/prive/interne-notitie.html": "robots.txt",
}
# skipped by the filter after fetching: the page's own date decides (a lastmod after the period
# says nothing; nieuwjaarsbijeenkomst's sitemap lastmod is 2021-01-20)
SKIPS = {
    "/verhalen/nieuwjaarsbijeenkomst.html": "published 2021-01-20, outside 2020-Q3..2020-Q4",
    "/verhalen/over-ons.html": "no publication date",
}
# skipped unfetched: the sitemap says it was last modified before the period began
UNFETCHED = {"/2020/03/10/voorjaarsoverleg.html": "last modified 2020-03-10 (says the sitemap), before 2020-Q3..2020-Q4 begins"}


def _check_store(st: Store, site) -> None:  # noqa: ANN001
    docs = {d.url.removeprefix(site.base): d for d in st.documents()}
    assert set(docs) == set(IN_PERIOD)
    for path, (title, published, words) in IN_PERIOD.items():
        doc = docs[path]
        assert (doc.title, doc.published, doc.language, doc.source_kind) == (title, published, "nl", "web")
        assert words in doc.text, path
        assert "Ã" not in doc.text and "\ufffd" not in doc.text
    items = st.items()
    assert {i.document_id for i in items} == {d.id for d in docs.values()}
    failed = {r.url.removeprefix(site.base): r.error for r in st.sources(failed_only=True)}
    assert set(failed) == set(FAILS)
    for path, words in FAILS.items():
        assert words in (failed[path] or ""), (path, failed[path])


def test_sitemap_index_with_gzipped_child_stores_exactly_the_period(tmp_path: Path, site, fast_policy) -> None:  # noqa: ANN001
    with Store(tmp_path / "s.db") as st:
        summary = add(st, [site.url("/sitemap.xml")], filters=Filters.build("2020-Q3..2020-Q4"), policy=fast_policy)
        _check_store(st, site)
    assert {u for u, _ in summary.listed} == {site.url(p) for p in
                                              ("/sitemap.xml", "/sitemaps/verhalen.xml.gz", "/sitemaps/overig.xml")}
    skipped = dict(summary.skipped)
    for path, words in {**SKIPS, **UNFETCHED}.items():
        assert words in skipped[site.url(path)]
    assert [h.status for h in site.hits("/verhalen/nieuwjaarsbijeenkomst.html")] == [200]
    assert site.hits("/2020/03/10/voorjaarsoverleg.html") == []
    assert "another site" in skipped["http://elders.example/verhalen/ander-platform.html"]
    assert [h.status for h in site.hits("/verhalen/storing.html")] == [500, 200]  # retried
    assert site.hits("/prive/interne-notitie.html") == []  # robots.txt obeyed: never asked
    assert all("oogst/" in h.user_agent and "redactie@kennisbank.example" in h.user_agent for h in site.log)


def test_second_run_asks_only_what_changed_and_adds_nothing(tmp_path: Path, site, fast_policy) -> None:  # noqa: ANN001
    filters = Filters.build("2020-Q3..2020-Q4")
    with Store(tmp_path / "s.db") as st:
        add(st, [site.url("/sitemap.xml")], filters=filters, policy=fast_policy)
        site.clear_log()
        again = add(st, [site.url("/sitemap.xml")], filters=filters, policy=fast_policy)
        _check_store(st, site)
    assert again.added == again.updated == []
    assert len(again.unchanged) == len(IN_PERIOD)
    fetched_pages = {h.path: h for h in site.log if h.status == 200 and h.path.endswith(".html")}
    # only the bad pages are asked for in full again; every stored or skipped page answered 304
    assert set(fetched_pages) <= set(FAILS)
    for path in [*IN_PERIOD, *SKIPS]:
        [hit] = site.hits(path)
        assert (hit.status, hit.conditional) == (304, True), path
    assert site.hits(*UNFETCHED) == []


def test_a_wider_period_later_fetches_the_pages_skipped_before(tmp_path: Path, site, fast_policy) -> None:  # noqa: ANN001
    with Store(tmp_path / "s.db") as st:
        add(st, [site.url("/sitemaps/overig.xml")], filters=Filters.build("2020-Q3..2020-Q4"), policy=fast_policy)
        assert st.documents() == [d for d in st.documents() if "wijkaanpak" in d.url]
        wider = add(st, [site.url("/sitemaps/overig.xml")], filters=Filters.build(since="2020"), policy=fast_policy)
        assert sorted(u.removeprefix(site.base) for u in wider.added) == [
            "/2020/03/10/voorjaarsoverleg.html", "/verhalen/nieuwjaarsbijeenkomst.html"]


@pytest.mark.parametrize("feed", ["/feed.xml", "/atom.xml"])
def test_feeds_add_the_pages_they_list(tmp_path: Path, site, fast_policy, feed: str) -> None:  # noqa: ANN001
    with Store(tmp_path / "s.db") as st:
        summary = add(st, [site.url(feed)], filters=Filters.build("2020-H2"), policy=fast_policy)
        paths = sorted(d.url.removeprefix(site.base) for d in st.documents())
    expected = {"/feed.xml": ["/verhalen/regiodeal-oost.html", "/verhalen/wijkaanpak-zuid.html"],
                "/atom.xml": ["/2020/07/14/buurtteams-samen-sterker.html", "/2020/12/dorpshuis-als-spil.html"]}
    assert paths == expected[feed]
    assert summary.failed == []


def test_a_feed_entry_dated_outside_the_period_is_not_fetched(tmp_path: Path, site, fast_policy) -> None:  # noqa: ANN001
    site.reset()
    with Store(tmp_path / "s.db") as st:
        summary = add(st, [site.url("/feed.xml")], filters=Filters.build("2020-H2"), policy=fast_policy)
    assert site.hits("/2020/03/10/voorjaarsoverleg.html") == []  # pubDate 10 March: never asked
    assert (site.url("/2020/03/10/voorjaarsoverleg.html"),
            "published 2020-03-10 (says the feed), outside 2020-H2") in summary.skipped
    assert len(site.hits("/verhalen/wijkaanpak-zuid.html")) == 1  # 30 September: inside, fetched


def test_feed_dates_with_a_day_of_margin(tmp_path: Path) -> None:
    from oogst.ingest.discover import feed_links

    rss = """<rss><channel><item><link>https://x.example/a</link><pubDate>Tue, 30 Jun 2020 23:30:00 -0100</pubDate>
    </item><item><link>https://x.example/b</link><pubDate>not a date</pubDate></item>
    <item><link>https://x.example/c</link><pubDate>Mon, 29 Jun 2020 10:00:00 +0200</pubDate></item></channel></rss>"""
    links = feed_links("https://x.example/feed.xml", rss)
    assert links.published == {"https://x.example/a": "2020-06-30", "https://x.example/c": "2020-06-29"}
    f = Filters.build("2020-H2")
    assert f.feed_date_reason("2020-06-30") is None  # a day before: could be 1 July where the page lives
    assert f.feed_date_reason("2020-06-29") == "published 2020-06-29 (says the feed), outside 2020-H2"
    assert f.feed_date_reason(None) is None  # no date in the feed: fetch and read the page's own


def test_match_filters_url_paths_before_fetching(tmp_path: Path, site, fast_policy) -> None:  # noqa: ANN001
    with Store(tmp_path / "s.db") as st:
        summary = add(st, [site.url("/sitemaps/verhalen.xml.gz")], filters=Filters.build(match=r"^/2020/"),
                      policy=fast_policy)
        assert sorted(d.url.removeprefix(site.base) for d in st.documents()) == [
            "/2020/07/14/buurtteams-samen-sterker.html", "/2020/12/dorpshuis-als-spil.html"]
    assert all("does not match '^/2020/'" in r for _, r in summary.skipped)
    assert {h.path for h in site.log} == {"/robots.txt", "/sitemaps/verhalen.xml.gz",
                                          "/2020/07/14/buurtteams-samen-sterker.html", "/2020/12/dorpshuis-als-spil.html"}


def test_cli_sitemap_period_twice_and_sources_json(tmp_path: Path, site) -> None:  # noqa: ANN001
    runner = CliRunner()
    store = str(tmp_path / "s.db")
    args = ["add", site.url("/sitemap.xml"), "--period", "2020-Q3..2020-Q4", "--store", store,
            "--delay", "0", "--timeout", "1", "--contact", "redactie@kennisbank.example"]
    first = runner.invoke(app, args)
    assert first.exit_code == 3, first.output  # it ran, but some sources failed: scripts can tell
    assert f"added {len(IN_PERIOD)}, updated 0, unchanged 0, failed {len(FAILS)}, skipped by filter 4" in first.output
    assert "failed: " + site.url("/verhalen/verdwenen.html") + ": the page does not exist" in first.output
    site.clear_log()
    second = runner.invoke(app, args)
    assert f"added 0, updated 0, unchanged {len(IN_PERIOD)}, failed {len(FAILS)}" in second.output
    assert all(h.status == 304 for h in site.log if h.path in IN_PERIOD)
    listing = json.loads(runner.invoke(app, ["sources", "--store", store, "--format", "json"]).output)
    ok = [r for r in listing if r["status"] == "ok"]
    assert len(ok) == len(IN_PERIOD) and all(r["items"] > 0 and r["error"] is None for r in ok)
    assert {r["published"] for r in ok} == {p for _, p, _ in IN_PERIOD.values()}
    failed = json.loads(runner.invoke(app, ["sources", "--store", store, "--failed", "--format", "json"]).output)
    assert len(failed) == len(FAILS) and all(r["status"] == "failed" and r["error"] for r in failed)
    assert {"url", "title", "published", "language", "status", "error", "items"} <= set(failed[0])
    table = runner.invoke(app, ["sources", "--store", store, "--failed"])
    assert table.exit_code == 0 and "robots.txt" in table.output


def test_cli_rejects_a_bad_period_and_pattern(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["add", "x.html", "--period", "2020-Q5", "--store", str(tmp_path / "s.db")])
    assert res.exit_code == 1 and "Q1–Q4" in res.output
    res = runner.invoke(app, ["add", "x.html", "--match", "(", "--store", str(tmp_path / "s.db")])
    assert res.exit_code == 1 and "not a valid regular expression" in res.output


def test_retry_after_is_honoured_with_a_cap(tmp_path: Path, site, fast_policy) -> None:  # noqa: ANN001
    from dataclasses import replace

    from oogst.ingest.fetch import Fetcher

    policy = replace(fast_policy, max_wait=0.4)  # the server asks for 1 s; we wait at most 0.4 s
    waits: list[float] = []
    with Fetcher(policy, sleep=waits.append) as fetcher:  # the waits are recorded, not slept
        assert fetcher.get(site.url("/verhalen/druk.html")).status == 200
    assert waits == [0.4]
    site.reset()
    with Store(tmp_path / "s.db") as st:  # and through `add`, with its real waits
        summary = add(st, [site.url("/verhalen/druk.html")], policy=policy)
    assert len(summary.added) == 1
    first, second = site.hits("/verhalen/druk.html")
    assert first.status == 429 and second.status == 200


def test_per_host_delay(site, fast_policy) -> None:  # noqa: ANN001
    from concurrent.futures import ThreadPoolExecutor
    from dataclasses import replace

    from oogst.ingest.fetch import Fetcher

    spaced = replace(fast_policy, host_delay=0.15, workers=4)
    waits: list[float] = []
    # a clock that stands still: the k-th request on the host (robots.txt first) is asked to
    # wait k × the delay, whichever thread makes it and whatever the machine's speed
    pages = [site.url(f"/langzaam/{n}.html") for n in range(6)]
    with Fetcher(spaced, sleep=waits.append, clock=lambda: 0.0) as fetcher, ThreadPoolExecutor(4) as pool:
        assert [r.status for r in pool.map(fetcher.get, pages)] == [200] * 6
    assert len(waits) == 6  # robots.txt went first, without a wait
    assert sorted(waits) == pytest.approx([0.15 * k for k in range(1, 7)])


def test_per_host_concurrency(tmp_path: Path, site, fast_policy) -> None:  # noqa: ANN001
    from dataclasses import replace

    two_at_a_time = replace(fast_policy, host_concurrency=2, workers=6)
    with Store(tmp_path / "s.db") as st:
        summary = add(st, [site.url(f"/langzaam/{n}.html") for n in range(6)], policy=two_at_a_time)
    assert len(summary.added) == 6
    assert site.max_in_flight("/langzaam/") == 2


def test_kept_going_after_failures_and_a_bad_scheme(tmp_path: Path, site, fast_policy) -> None:  # noqa: ANN001
    sources = ["ftp://example.org/verslag.html", site.url("/verhalen/verdwenen.html"),
               site.url("/verhalen/regiodeal-oost.html")]
    with Store(tmp_path / "s.db") as st:
        summary = add(st, sources, policy=fast_policy)
        assert [d.title for d in st.documents()] == ["Regiodeal Oost brengt provincie en gemeenten dichter bij elkaar"]
        assert dict(summary.failed)["ftp://example.org/verslag.html"] == "only http and https URLs are fetched"


def test_a_page_fixed_later_clears_its_failure(tmp_path: Path, site, fast_policy) -> None:  # noqa: ANN001
    from dataclasses import replace

    no_retry = replace(fast_policy, retries=0)
    url = site.url("/verhalen/storing.html")
    with Store(tmp_path / "s.db") as st:
        assert "server had an error (HTTP 500" in dict(add(st, [url], policy=no_retry).failed)[url]
        assert [r.url for r in st.sources(failed_only=True)] == [url]
        assert add(st, [url], policy=no_retry).added == [url]
        assert st.sources(failed_only=True) == []


def test_feed_dates_never_break_a_listing_or_an_open_period() -> None:
    from oogst.ingest.discover import feed_links

    rss = """<rss><channel><item><link>https://x.example/a</link>
    <pubDate>Mon, 06 May 99999999999999999999 10:00:00 +0200</pubDate></item>
    <item><link>https://x.example/b</link><pubDate>Mon, 06 May 2024 10:00:00 +0200</pubDate></item></channel></rss>"""
    links = feed_links("https://x.example/feed.xml", rss)
    assert links.pages == ("https://x.example/a", "https://x.example/b")
    assert links.published == {"https://x.example/b": "2024-05-06"}
    assert Filters.build(since="2024-01-01").feed_date_reason("2024-05-01") is None
    assert Filters.build(until="2024-01-01").feed_date_reason("2024-05-01") is not None
    assert Filters.build(since="2024-01-01").feed_date_reason("9999-12-31") is None
    assert Filters.build(until="2024-01-01").feed_date_reason("0001-01-01") is None
    assert Filters.build(until="2024-01-01").feed_date_reason("9999-12-31") is not None
    assert Filters.build(since="2024-01-01").feed_date_reason("0001-01-01") is not None
