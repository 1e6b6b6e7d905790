"""Only http(s); with allow_private_addresses=False no loopback, private or link-local target —
also not after a redirect or behind a DNS name. No test sends traffic beyond 127.0.0.1: the
"public" host of these tests is 127.0.0.1 declared public, and refused targets are never reached."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from oogst.errors import FetchError
from oogst.ingest import add, safety
from oogst.store import Store


@pytest.mark.parametrize(("address", "words"), [
    ("127.0.0.1", "loopback"), ("127.3.4.5", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.9", "private"), ("192.168.1.20", "private"), ("fd12:3456::1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("::ffff:127.0.0.1", "loopback"),
    ("0.0.0.0", "private"), ("224.0.0.1", "multicast"),
])
def test_non_public_addresses_are_named(address: str, words: str) -> None:
    assert words in (safety.blocked_reason(address) or "")


@pytest.mark.parametrize("address", ["93.184.215.14", "145.97.39.155", "2a00:1450:4001:80b::200e"])
def test_public_addresses_pass(address: str) -> None:
    assert safety.blocked_reason(address) is None


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        safety.check_scheme(url)


@pytest.fixture
def public_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Declare 127.0.0.1 public and stand in for DNS: publiek.test → 127.0.0.1, intranet.test → 127.0.0.9."""
    real_reason, real_resolve = safety.blocked_reason, safety.resolve
    monkeypatch.setattr(safety, "blocked_reason", lambda a: None if a == "127.0.0.1" else real_reason(a))
    names = {"publiek.test": ["127.0.0.1"], "intranet.test": ["127.0.0.9"], "dubbel.test": ["127.0.0.1", "10.0.0.7"]}
    monkeypatch.setattr(safety, "resolve", lambda host, port: names.get(host) or real_resolve(host, port))


def _add(tmp_path: Path, policy, *urls: str):  # noqa: ANN001, ANN202
    with Store(tmp_path / "s.db") as st:
        return add(st, list(urls), policy=policy), [d.url for d in st.documents()]


def test_loopback_refused_without_a_single_request(tmp_path: Path, site, fast_policy) -> None:  # noqa: ANN001
    strict = replace(fast_policy, allow_private_addresses=False)
    summary, docs = _add(tmp_path, strict, site.url("/verhalen/regiodeal-oost.html"),
                         site.url("/verhalen/wijkaanpak-zuid.html").replace("127.0.0.1", "[::1]"))
    assert docs == []
    reasons = [r for _, r in summary.failed]
    assert len(reasons) == 2 and all("refused" in r and "loopback" in r for r in reasons)
    assert site.log == []


def test_the_cli_default_allows_an_intranet(tmp_path: Path, site, fast_policy) -> None:  # noqa: ANN001
    summary, docs = _add(tmp_path, fast_policy, site.url("/verhalen/regiodeal-oost.html"))
    assert fast_policy.allow_private_addresses and len(docs) == 1


@pytest.mark.usefixtures("public_loopback")
def test_a_public_name_is_fetched_from_the_address_that_was_checked(tmp_path: Path, site, fast_policy) -> None:  # noqa: ANN001
    strict = replace(fast_policy, allow_private_addresses=False)
    summary, docs = _add(tmp_path, strict, site.url("/verhalen/regiodeal-oost.html").replace("127.0.0.1", "publiek.test"))
    assert summary.failed == [] and len(docs) == 1


@pytest.mark.usefixtures("public_loopback")
def test_private_targets_refused_after_redirects_and_dns(tmp_path: Path, site, fast_policy) -> None:  # noqa: ANN001
    strict = replace(fast_policy, allow_private_addresses=False)
    port = site.base.rsplit(":", 1)[1]
    to_loopback = site.url(f"/naar/a?to=http://127.0.0.2:{port}/verhalen/regiodeal-oost.html")
    to_intranet = site.url(f"/naar/b?to=http://intranet.test:{port}/verhalen/regiodeal-oost.html")
    summary, docs = _add(tmp_path, strict, to_loopback, to_intranet,
                         f"http://intranet.test:{port}/verhalen/wijkaanpak-zuid.html",
                         f"http://dubbel.test:{port}/verhalen/wijkaanpak-zuid.html")
    assert docs == []
    reasons = dict(summary.failed)
    assert "127.0.0.2 is a loopback address" in reasons[to_loopback]
    assert "intranet.test (127.0.0.9) is a loopback address" in reasons[to_intranet]
    assert "intranet.test (127.0.0.9)" in reasons[f"http://intranet.test:{port}/verhalen/wijkaanpak-zuid.html"]
    assert "dubbel.test (10.0.0.7) is a private-network address" in reasons[f"http://dubbel.test:{port}/verhalen/wijkaanpak-zuid.html"]
    assert {h.path for h in site.log} <= {"/robots.txt", "/naar/a", "/naar/b"}
