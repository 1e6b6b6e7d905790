"""--period, --since/--until and --match: the page's own (partial) date decides."""
from __future__ import annotations

import pytest

from oogst.errors import InputError, PeriodError
from oogst.ingest.filters import Filters


@pytest.mark.parametrize(("published", "kept"), [
    ("2020-07-01", True), ("2020-12-31", True), ("2020-08", True), ("2020-06-30", False), ("2021-01-01", False),
    ("2020", False),  # only partly inside: may be from March
    (None, False),
])
def test_period(published: str | None, kept: bool) -> None:
    assert (Filters.build("2020-Q3..2020-Q4").date_reason(published) is None) is kept


def test_reasons_are_readable() -> None:
    f = Filters.build("2020-H2")
    assert f.date_reason("2020-03-10") == "published 2020-03-10, outside 2020-H2"
    assert f.date_reason("2020") == "dated only 2020, which is not wholly inside 2020-H2"
    assert f.date_reason(None) == "no publication date found, and a date filter is set"
    assert Filters.build(since="2020-07").date_reason("2020-06") == "published 2020-06, outside 2020-07 or later"
    assert Filters.build(until="2020").date_reason("2021-01-02") == "published 2021-01-02, outside until 2020"


def test_since_until_and_period_combine() -> None:
    f = Filters.build("2020", since="2020-03", until="2020-10-15")
    assert [f.date_reason(d) is None for d in ("2020-02-28", "2020-03", "2020-10-15", "2020-10-16")] == [
        False, True, True, False]


def test_no_filter_keeps_everything() -> None:
    f = Filters.build()
    assert not f.by_date and f.date_reason(None) is None and f.url_reason("https://x.example/a") is None


def test_match_looks_at_the_path_and_query() -> None:
    f = Filters.build(match=r"^/verhalen/|type=verhaal")
    assert f.url_reason("https://x.example/verhalen/a") is None
    assert f.url_reason("https://x.example/nieuws?type=verhaal") is None
    assert "does not match" in (f.url_reason("https://verhalen.example/nieuws/") or "")


def test_bad_values_raise_readable_errors() -> None:
    with pytest.raises(PeriodError):
        Filters.build("2020-Q5")
    with pytest.raises(PeriodError, match="runs backwards"):
        Filters.build(since="2021", until="2020")
    with pytest.raises(InputError, match="regular expression"):
        Filters.build(match="[")


@pytest.mark.parametrize(("lastmod", "skipped"), [
    ("2020-06-30", True), ("2020-06", True), ("2019", True),  # modified before the period began
    ("2020-07-01", False), ("2020", False), ("2021-03-01", False),  # might still be published inside
    (None, False),
])
def test_sitemap_lastmod_only_prunes_pages_last_changed_before_the_period(lastmod: str | None, skipped: bool) -> None:
    assert (Filters.build("2020-Q3..2020-Q4").lastmod_reason(lastmod) is not None) is skipped
    assert Filters.build().lastmod_reason(lastmod) is None
