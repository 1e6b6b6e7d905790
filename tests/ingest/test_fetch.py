"""Pieces of polite fetching that need no server: robots.txt rules, Retry-After, readable reasons."""
from __future__ import annotations

import pytest

from oogst.errors import FetchError
from oogst.ingest.fetch import _retry_after, http_reason
from oogst.ingest.policy import FetchPolicy
from oogst.ingest.robots import Robots

ROBOTS = "User-agent: *\nDisallow: /prive/\nCrawl-delay: 5\n\nUser-agent: oogst\nDisallow: /archief/\n"


def _robots(status: int, text: str = "", error: str | None = None) -> Robots:
    calls: list[str] = []

    def fetch(url: str) -> tuple[int, str]:
        calls.append(url)
        if error:
            raise FetchError(error)
        return status, text

    robots = Robots(fetch, FetchPolicy().user_agent)
    robots.calls = calls  # type: ignore[attr-defined]
    return robots


def test_rules_for_our_agent_and_fetched_once_per_site() -> None:
    r = _robots(200, ROBOTS)
    assert r.refusal("https://x.example/verhalen/a") is None
    assert "does not allow" in (r.refusal("https://x.example/archief/a") or "")  # the oogst group applies
    assert r.refusal("https://x.example/prive/a") is None  # … and not the * group
    assert r.calls == ["https://x.example/robots.txt"]  # type: ignore[attr-defined]
    assert _robots(200, ROBOTS.split("\n\n")[0]).rules("https://x.example/").crawl_delay("oogst/0.1") == 5.0


@pytest.mark.parametrize(("status", "error", "allowed"), [
    (404, None, True), (410, None, True), (401, None, True),  # no robots.txt: everything allowed
    (500, None, False), (503, None, False), (429, None, False),  # unreadable: nothing
    (0, "the server did not answer within 20 s", False),
])
def test_missing_and_unreadable_robots(status: int, error: str | None, allowed: bool) -> None:
    refusal = _robots(status, error=error).refusal("https://x.example/a")
    assert (refusal is None) is allowed
    if not allowed:
        assert ("could not be read" in (refusal or "")) is (error is None)
    if error:
        assert refusal == error  # the site does not answer: that is the reason


def test_retry_after_seconds_and_dates() -> None:
    assert _retry_after("7") == 7.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: no wait
    assert _retry_after("binnenkort") is None and _retry_after(None) is None


@pytest.mark.parametrize(("status", "words"), [
    (404, "does not exist"), (410, "does not exist"), (403, "refused access"), (429, "too often"),
    (503, "had an error (HTTP 503 Service Unavailable)"), (418, "answered HTTP 418"),
])
def test_http_reasons_are_sentences(status: int, words: str) -> None:
    assert words in http_reason(status)


def test_user_agent_names_oogst_and_the_contact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OOGST_CONTACT", "redactie@kennisbank.example")
    assert FetchPolicy.from_env().user_agent.startswith("oogst/")
    assert "redactie@kennisbank.example" in FetchPolicy.from_env().user_agent
    assert "andere@x.example" in FetchPolicy.from_env(contact="andere@x.example").user_agent
    monkeypatch.delenv("OOGST_CONTACT")
    assert FetchPolicy.from_env().contact is None
