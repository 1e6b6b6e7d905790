"""CSRF on every change, the token when set, host and origin checks, headers, start-up refusals."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from oogst.cli import app as cli
from oogst.errors import InputError
from oogst.web import WebSettings, is_loopback
from oogst.web.routes import auth, digests, editor, export, sources
from webclient import BASE, Client, MakeClient

TOKEN = "s3cret-token-for-tests"


def post_routes() -> list[str]:
    paths = []
    for module in (auth, sources, digests, editor, export):
        for route in module.router.routes:
            if "POST" in getattr(route, "methods", ()):
                paths.append(route.path.replace("{digest_id}", "1").replace("{n}", "0"))
    return paths


def test_every_post_route_is_known() -> None:
    assert len(post_routes()) == 19  # each one is checked for the CSRF token below


@pytest.mark.parametrize("path", post_routes())
def test_every_change_needs_the_csrf_token(client: Client, demo_store: Path, path: str) -> None:
    with open(demo_store, "rb") as fh:
        before = fh.read()
    for headers, data in [({}, {}), ({}, {"csrf_token": "forged"}), ({"X-CSRF-Token": "forged"}, {})]:
        res = client.post(path, data={**data, "title": "x", "urls": "https://example.org/"}, headers=headers,
                          follow_redirects=False)
        assert res.status_code == 403, (path, res.status_code)
    assert "did not come from this page" in res.text
    with open(demo_store, "rb") as fh:
        assert fh.read() == before


def test_another_sites_token_or_origin_is_refused(client: Client, demo_store: Path, make_client: MakeClient) -> None:
    other = make_client(demo_store)
    assert other.csrf != client.csrf
    assert client.form("/digests/1/title", {"title": "x", "csrf_token": other.csrf}).status_code == 403
    res = client.form("/digests/1/title", {"title": "x"}, headers={"Origin": "https://evil.example"})
    assert res.status_code == 403 and "another site" in res.text
    res = client.form("/digests/1/title", {"title": "ok"}, headers={"Origin": BASE}, follow_redirects=False)
    assert res.status_code == 303


def test_only_loopback_host_names_are_served_on_loopback(client: Client) -> None:
    assert client.get("/digests", headers={"Host": "rebind.evil.example"}).status_code == 400
    assert client.get("/digests", headers={"Host": "localhost:8000"}).status_code == 200


def test_headers_forbid_foreign_scripts_framing_and_sniffing(client: Client) -> None:
    res = client.get("/digests")
    csp = res.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'self'" in csp and "unsafe-inline" not in csp
    assert res.headers["x-content-type-options"] == "nosniff" and res.headers["cache-control"] == "no-store"
    with Client(client.app, base_url=BASE) as fresh:
        cookie = fresh.get("/digests").headers["set-cookie"].lower()
    assert cookie.startswith("oogst_session=") and "httponly" in cookie and "samesite=strict" in cookie


def test_with_a_token_everything_but_login_needs_it(demo_store: Path, make_client: MakeClient) -> None:
    c = make_client(demo_store, host="0.0.0.0", token=TOKEN)
    res = c.get("/digests/1", follow_redirects=False)
    assert res.status_code == 303 and res.headers["location"] == "/login?next=/digests/1"
    assert c.get("/api/jobs/1", headers={"Accept": "application/json"}).status_code == 401
    assert c.get("/digests/1/export/json").url.path == "/login"
    assert c.get("/static/app.css").status_code == 200
    res = c.form("/login", {"token": "wrong-token-wrong", "next": "/digests/1"})
    assert res.status_code == 401 and "not the token" in res.text
    res = c.form("/login", {"token": TOKEN, "next": "//evil.example/x"}, follow_redirects=False)
    assert res.status_code == 303 and res.headers["location"] == "/"
    assert c.get("/digests/1").status_code == 200
    c.refresh_csrf()  # a new session after logging in
    assert c.form("/logout", follow_redirects=False).status_code == 303
    assert c.get("/digests/1", follow_redirects=False).status_code == 303


def test_the_token_header_works_for_scripts(demo_store: Path, make_client: MakeClient) -> None:
    c = make_client(demo_store, token=TOKEN)
    assert c.get("/digests/1/export/json", headers={"X-Oogst-Token": TOKEN}).status_code == 200
    assert c.get("/digests/1/export/json", headers={"X-Oogst-Token": "nope"}, follow_redirects=False).status_code == 303


def test_a_reachable_host_needs_a_long_token() -> None:
    with pytest.raises(InputError, match="OOGST_TOKEN"):
        WebSettings.build(Path("x.db"), "0.0.0.0")
    with pytest.raises(InputError, match="too short"):
        WebSettings.build(Path("x.db"), "0.0.0.0", token="short")
    assert WebSettings.build(Path("x.db"), "0.0.0.0", token=TOKEN).token == TOKEN
    assert WebSettings.build(Path("x.db")).uploads.name == "x-uploads"


@pytest.mark.parametrize("host, loop", [("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
                                        ("127.0.0.2", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                        ("example.org", False), ("::", False)])
def test_is_loopback(host: str, loop: bool) -> None:
    assert is_loopback(host) is loop


def test_cli_serve_refuses_a_reachable_host_without_token(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OOGST_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--store", str(tmp_path / "x.db")])
    assert result.exit_code != 0 and "OOGST_TOKEN" in str(result.exception)
    help_text = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "Example:" in help_text and "oogst serve" in help_text.split("Example:")[1]
