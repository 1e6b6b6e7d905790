import datetime as dt

import pytest

from oogst.errors import PeriodError
from oogst.select.period import digest_title, parse_period


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2020-Q3..2020-Q4", "2020-07-01", "2020-12-31"),
        ("2020-Q3", "2020-07-01", "2020-09-30"),
        ("2020-H2", "2020-07-01", "2020-12-31"),
        ("2020-H1", "2020-01-01", "2020-06-30"),
        ("2020", "2020-01-01", "2020-12-31"),
        ("2020-07-01..2020-12-31", "2020-07-01", "2020-12-31"),
        ("2020-07..2020-12", "2020-07-01", "2020-12-31"),
        ("2020-07", "2020-07-01", "2020-07-31"),
        ("2020-02", "2020-02-01", "2020-02-29"),
        ("2020-Q4..2021-Q1", "2020-10-01", "2021-03-31"),
        (" 2020-q3 ", "2020-07-01", "2020-09-30"),
        ("2019..2021", "2019-01-01", "2021-12-31"),
    ],
)
def test_parse(text: str, start: str, end: str) -> None:
    p = parse_period(text)
    assert (p.start, p.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert p.text == text.strip()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2020-Q4..2020-Q3", "backwards"),
        ("2020-Q5", "Q1–Q4"),
        ("2020-13", "01–12"),
        ("2020-H3", "H1 or H2"),
        ("2021-02-30", "2021-02-30"),
        ("Q3 2020", "not a year"),
        ("", "no period"),
        ("2020..2021..2022", "one '..'"),
        ("2020-12-31..2020-01-01", "backwards"),
    ],
)
def test_parse_errors(text: str, fragment: str) -> None:
    with pytest.raises(PeriodError, match=fragment):
        parse_period(text)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2020-08-14", True),
        ("2020-07-01", True),
        ("2020-12-31", True),
        ("2020-06-30", False),
        ("2021-01-01", False),
        ("2020-09", True),  # the whole month lies inside
        ("2020-06", False),
        ("2020", False),  # may be from March: only partly inside
        ("2021", False),
        (None, None),
        ("", None),
        ("gisteren", None),  # unreadable dates count as undated
    ],
)
def test_contains(published: str | None, expected: bool | None) -> None:
    assert parse_period("2020-Q3..2020-Q4").contains(published) is expected


def test_placement_tells_partial_from_outside() -> None:
    p = parse_period("2020-H2")
    assert p.placement("2020") == "partial"
    assert p.placement("2019-12") == "outside"
    assert p.placement(None) == "undated"


def test_whole_year_contains_its_year() -> None:
    assert parse_period("2020").contains("2020") is True


@pytest.mark.parametrize(
    ("text", "nl", "en"),
    [
        ("2020-Q3..2020-Q4", "Q3 en Q4 2020", "Q3 and Q4 2020"),
        ("2020-Q1..2020-Q3", "Q1 t/m Q3 2020", "Q1 to Q3 2020"),
        ("2020-Q3", "Q3 2020", "Q3 2020"),
        ("2020-H2", "de tweede helft van 2020", "the second half of 2020"),
        ("2020", "2020", "2020"),
        ("2019..2020", "2019 en 2020", "2019 and 2020"),
        ("2020-07..2020-12", "juli t/m december 2020", "July to December 2020"),
        ("2020-07..2020-08", "juli en augustus 2020", "July and August 2020"),
        ("2020-07", "juli 2020", "July 2020"),
        ("2020-Q4..2021-Q1", "Q4 2020 en Q1 2021", "Q4 2020 and Q1 2021"),
        ("2020-07-01..2020-12-31", "1 juli t/m 31 december 2020", "1 July to 31 December 2020"),
    ],
)
def test_label(text: str, nl: str, en: str) -> None:
    p = parse_period(text)
    assert p.label("nl") == nl
    assert p.label("en") == en


@pytest.mark.parametrize(
    ("period", "lang", "title"),
    [
        ("2020-Q3..2020-Q4", "nl", "Wat zeiden jullie in Q3 en Q4 over interbestuurlijk samenwerken?"),
        ("2020-Q3..2020-Q4", "en", "What did you say in Q3 and Q4 about interbestuurlijk samenwerken?"),
        ("2020-H2", "nl", "Wat zeiden jullie in de tweede helft van 2020 over interbestuurlijk samenwerken?"),
        ("2020-Q3", "nl", "Wat zeiden jullie in Q3 over interbestuurlijk samenwerken?"),
        ("2020", "nl", "Wat zeiden jullie in 2020 over interbestuurlijk samenwerken?"),
        ("2020-07..2020-12", "nl", "Wat zeiden jullie in juli t/m december over interbestuurlijk samenwerken?"),
        ("2020-Q4..2021-Q1", "nl", "Wat zeiden jullie in Q4 2020 en Q1 2021 over interbestuurlijk samenwerken?"),
        ("2020-07-05", "nl", "Wat zeiden jullie op 5 juli over interbestuurlijk samenwerken?"),
    ],
)
def test_digest_title(period: str, lang: str, title: str) -> None:
    assert digest_title("interbestuurlijk samenwerken", parse_period(period), lang) == title


def test_digest_title_year_can_be_forced_and_topic_cleaned() -> None:
    title = digest_title(" samenwerken? ", "2020-Q3..2020-Q4", "nl", with_year=True)
    assert title == "Wat zeiden jullie in Q3 en Q4 2020 over samenwerken?"


def test_period_is_frozen() -> None:
    p = parse_period("2020")
    with pytest.raises(AttributeError):
        p.text = "2021"  # type: ignore[misc]


def test_a_period_error_carries_its_reason_for_other_wordings() -> None:
    # --since/--until name the flag instead of the period: they take the reason, not the message
    # apart (a reason with ': ' in it was cut before)
    from oogst.errors import PeriodError
    from oogst.ingest.filters import Filters

    with pytest.raises(PeriodError) as caught:
        parse_period("2020-Q5")
    assert caught.value.reason == "quarter 'Q5' must be Q1–Q4"
    assert str(caught.value) == "cannot read period '2020-Q5': quarter 'Q5' must be Q1–Q4"
    with pytest.raises(PeriodError, match=r"^--since '2020-02-30': day is out of range for month$"):
        Filters.build(since="2020-02-30")
