"""Sources page: uploads (sanitised, size-limited, inside the upload folder), URLs (vetted), runs."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from oogst.web.inputs import upload_name
from webclient import Client, MakeClient


def _upload(client: Client, files: list[tuple[str, bytes]], period: str = ""):  # noqa: ANN202
    return client.post("/sources/upload", data={"csrf_token": client.csrf, "period": period},
                       files=[("files", (name, data, "application/octet-stream")) for name, data in files],
                       follow_redirects=False)


def test_home_goes_to_sources_when_the_store_is_empty(empty_client: Client, client: Client) -> None:
    assert empty_client.get("/", follow_redirects=False).headers["location"] == "/sources"
    assert client.get("/", follow_redirects=False).headers["location"] == "/digests"
    assert "The store is empty" in empty_client.get("/sources").text


def test_upload_adds_files_and_reports_every_result(empty_client: Client, demo_corpus: Path) -> None:
    files = [(p.name, p.read_bytes()) for p in sorted(demo_corpus.glob("*.html"))[:3]]
    files += [("notes.exe", b"MZ..."), ("empty.txt", b""), ("broken.pdf", b"%PDF-1.4 not really")]
    res = _upload(empty_client, files)
    assert res.status_code == 303 and res.headers["location"].startswith("/sources/jobs/")
    job = empty_client.wait_job(int(res.headers["location"].rsplit("/", 1)[1]))
    assert job["state"] == "done"
    assert job["counts"]["added"] == 3 and job["counts"]["failed"] == 3
    reasons = {e["label"]: e["reason"] for e in job["events"] if e["status"] == "failed"}
    assert "not a file type oogst reads" in reasons["notes.exe"]
    assert reasons["empty.txt"] == "the file is empty"
    assert "PDF" in reasons["broken.pdf"]
    page = empty_client.get("/sources").text
    assert "Dijkversterking Westerkoog" in page and "broken.pdf" in page  # the failure, with its reason
    job_page = empty_client.get(res.headers["location"]).text
    assert "not a file type oogst reads" in job_page and "Make a digest" in job_page


def test_an_upload_in_a_language_oogst_cannot_tell_fails_with_the_reason(empty_client: Client) -> None:
    french = (Path(__file__).parents[1] / "lang" / "foreign" / "fr-1.txt").read_bytes()
    res = _upload(empty_client, [("valmorin.txt", french), ("dalmeer.txt", "‘Begin klein,’ zegt Anna de Vries.".encode())])
    job = empty_client.wait_job(int(res.headers["location"].rsplit("/", 1)[1]))
    assert job["state"] == "done" and job["counts"]["added"] == 1 and job["counts"]["failed"] == 1
    [reason] = [e["reason"] for e in job["events"] if e["status"] == "failed"]
    assert reason.startswith("cannot tell the language of the text") and "known: nl, en" in reason
    assert "give the document its language" in reason and "--lang" not in reason  # the upload has no --lang
    assert "cannot tell the language of the text" in empty_client.get("/sources").text


def test_an_upload_that_gives_a_language_oogst_has_no_pack_for_is_not_asked_to_give_one(empty_client: Client) -> None:
    spanish = (Path(__file__).parents[1] / "lang" / "foreign" / "es-3.txt").read_text(encoding="utf-8")
    page = f"<!DOCTYPE html><html lang='es'><body><article><p>{spanish}</p></article></body></html>"
    job = empty_client.wait_job(int(_upload(empty_client, [("villarrosa.html", page.encode())]).headers["location"]
                                    .rsplit("/", 1)[1]))
    [reason] = [e["reason"] for e in job["events"] if e["status"] == "failed"]
    assert reason.startswith("the document gives its language as 'es', which oogst has no pack for; known: nl, en")
    assert "oogst reads no other language" in reason and "give the document its language" not in reason


def test_uploads_stay_inside_the_upload_folder(tmp_path: Path, make_client: MakeClient) -> None:
    store = tmp_path / "db" / "oogst.db"
    client = make_client(store)
    html = b"<html><head><title>T</title></head><body><p>\xe2\x80\x98Durf te leren,\xe2\x80\x99 zegt Anna de Vries.</p></body></html>"
    names = ["../../escape.html", "..\\..\\win.html", "/etc/cron.d/abs.html", ".hidden.html", "caf\u00e9 <b>.html"]
    job = client.wait_job(int(_upload(client, [(n, html) for n in names]).headers["location"].rsplit("/", 1)[1]))
    assert job["counts"]["failed"] == 0, job["events"]
    uploads = tmp_path / "db" / "oogst-uploads"
    names = sorted(upload_name(p.name) for p in uploads.iterdir())  # each named after its content too
    assert names == ["abs.html", "cafe-b.html", "escape.html", "hidden.html", "win.html"]
    assert not (tmp_path / "escape.html").exists() and not (tmp_path / "win.html").exists()
    assert sorted(p.name for p in tmp_path.rglob("*.html")) == sorted(p.name for p in uploads.iterdir())


def test_an_upload_over_the_limit_is_refused(tmp_path: Path, make_client: MakeClient) -> None:
    client = make_client(tmp_path / "oogst.db", max_upload_bytes=1024)
    res = _upload(client, [("big.txt", b"x" * (3 * 1024 * 1024))])
    assert res.status_code == 413 and "upload limit" in res.text
    assert not (tmp_path / "oogst-uploads").exists()


def test_upload_without_files_or_with_a_bad_period_says_why(empty_client: Client) -> None:
    res = empty_client.form("/sources/upload", {"period": ""})
    assert res.status_code == 422 and "Choose one or more files" in res.text
    res = _upload(empty_client, [("a.txt", b"hallo")], period="2025-Q5")
    assert res.status_code == 422 and "2025-Q5" in res.text


def test_urls_refuse_other_schemes_and_private_addresses_without_fetching(empty_client: Client) -> None:
    urls = ["file:///etc/passwd", "ftp://example.org/x", "http://127.0.0.1:8000/", "http://localhost/admin",
            "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://[::1]/", "javascript:alert(1)",
            "http://user:pw@example.org/"]
    res = empty_client.form("/sources/urls", {"urls": "\n".join(urls)}, follow_redirects=False)
    job = empty_client.wait_job(int(res.headers["location"].rsplit("/", 1)[1]), timeout=5)
    reasons = {e["source"]: e["reason"] for e in job["events"]}
    assert set(reasons) == set(urls) and all(e["status"] == "failed" for e in job["events"])
    assert "only http and https" in reasons["file:///etc/passwd"]
    assert "loopback" in reasons["http://127.0.0.1:8000/"] and "this machine" in reasons["http://localhost/admin"]
    assert "link-local" in reasons["http://169.254.169.254/latest/meta-data/"]
    assert "private" in reasons["http://10.1.2.3/"] and "loopback" in reasons["http://[::1]/"]
    assert "user name or password" in reasons["http://user:pw@example.org/"]


def test_url_form_errors_keep_what_was_typed(empty_client: Client) -> None:
    res = empty_client.form("/sources/urls", {"urls": "https://example.org/sitemap.xml", "period": "Q3"})
    assert res.status_code == 422 and "https://example.org/sitemap.xml</textarea>" in res.text
    assert empty_client.form("/sources/urls", {"urls": "  "}).status_code == 422


def test_unknown_job_is_404(empty_client: Client) -> None:
    assert empty_client.get("/sources/jobs/99").status_code == 404
    assert empty_client.get("/api/jobs/99").json()["ok"] is False


PAGE = """<html lang="nl"><head><title>{title}</title><meta property="article:published_time" content="{date}"></head>
<body><article><h1>{title}</h1><p>De gemeenten werken samen aan de regio. ‘Samenwerken tussen overheden vraagt geduld en
vertrouwen,’ zegt wethouder Anna de Vries. ‘Je moet elkaar ook buiten de vergaderingen leren kennen.’</p>
<p>Volgens projectleider Bram Jansen is het belangrijkste dat de partners elkaar vertrouwen.</p></article></body></html>"""


@pytest.fixture()
def little_site() -> Iterator[str]:
    """Two articles and a sitemap on 127.0.0.1 (one article outside the period)."""
    pages = {"/a.html": PAGE.format(title="Samen werken in de regio", date="2025-09-01"),
             "/b.html": PAGE.format(title="Oud nieuws", date="2019-01-01")}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/sitemap.xml":
                body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                        + "".join(f"<url><loc>{base}{p}</loc></url>" for p in pages) + "</urlset>")
                ctype = "application/xml"
            elif self.path in pages:
                body, ctype = pages[self.path], "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_sitemap_with_a_period_when_the_operator_allows_private_addresses(tmp_path: Path, make_client: MakeClient,
                                                                             little_site: str) -> None:
    client = make_client(tmp_path / "oogst.db", allow_private=True)
    res = client.form("/sources/urls", {"urls": little_site + "/sitemap.xml", "period": "2025-Q3"}, follow_redirects=False)
    job = client.wait_job(int(res.headers["location"].rsplit("/", 1)[1]))
    status = {e["source"].rsplit("/", 1)[1]: (e["status"], e["reason"]) for e in job["events"]}
    assert status["sitemap.xml"] == ("listed", "sitemap with 2 links")
    assert status["a.html"] == ("added", None)
    assert status["b.html"][0] == "skipped" and "outside 2025-Q3" in status["b.html"][1]
    assert "Samen werken in de regio" in client.get("/sources").text
    # the same address is refused when the operator did not allow private addresses
    strict = make_client(tmp_path / "other.db")
    res = strict.form("/sources/urls", {"urls": little_site + "/sitemap.xml"}, follow_redirects=False)
    job = strict.wait_job(int(res.headers["location"].rsplit("/", 1)[1]))
    assert [e["status"] for e in job["events"]] == ["failed"] and "loopback" in job["events"][0]["reason"]
