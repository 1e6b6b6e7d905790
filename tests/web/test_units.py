"""The pure parts of the web UI: digest edits, upload names, URL vetting, the display diff, filters."""
from __future__ import annotations

import hashlib
import io
import threading
from pathlib import Path

import pytest

from oogst.errors import InputError
from oogst.models import Candidate, Digest, DigestItem, Item, Lesson, Source
from oogst.web import editing
from oogst.web.candidates import CandidateFilter, page
from oogst.web.inputs import safe_name, save_upload, split_urls, url_problem
from oogst.web.workspace import diff_segments


def item(n: int, url: str = "https://a.example/1") -> DigestItem:
    return DigestItem(f"id{n}", "quote", f"tekst {n}", None, None, url, None, 0, 7)


def digest() -> Digest:
    lessons = (Lesson("Een", (item(3),), (item(4), item(5))), Lesson("Twee", (), (item(6, "https://b.example/2"),)))
    return Digest("T", "topic", "2025", "nl", (item(1), item(2)), lessons, (Source("https://a.example/1", "A", None),))


def test_insert_move_nudge_remove_keep_each_item_once() -> None:
    d = editing.insert(digest(), item(9), ("i", 1), 0)
    assert [i.id for i in d.lessons[1].items] == ["id9", "id6"]
    d = editing.move(d, "id1", ("t", 1))
    assert [i.id for i in d.highlights] == ["id2"] and [i.id for i in d.lessons[1].tips] == ["id1"]
    d = editing.insert(d, item(9), ("h", 0))  # already there: moved, not copied
    assert [i.id for i in d.all_items()].count("id9") == 1 and d.highlights[-1].id == "id9"
    d = editing.nudge(d, "id9", -1)
    assert [i.id for i in d.highlights] == ["id9", "id2"]
    assert editing.nudge(d, "id9", -1) == d  # already first
    d = editing.remove(d, "id4")
    assert [i.id for i in d.lessons[0].items] == ["id5"]
    assert editing.locate(d, "id4") is None and editing.remove(d, "id4") == d


def test_places_parse_and_refuse() -> None:
    d = digest()
    assert editing.parse_place("h", d) == ("h", 0) and editing.parse_place("t1", d) == ("t", 1)
    for bad in ("i2", "x0", "t", "", "h0; drop"):
        with pytest.raises(InputError):
            editing.parse_place(bad, d)


def test_lessons_titles_and_sources() -> None:
    d = editing.add_lesson(digest(), "  Drie  ")
    assert d.lessons[-1] == Lesson("Drie", (), ())
    d = editing.move_lesson(d, 2, -5)
    assert [l.title for l in d.lessons] == ["Drie", "Een", "Twee"]
    d = editing.remove_lesson(d, 0)
    with pytest.raises(InputError, match="empty"):
        editing.set_lesson_title(d, 0, "   ")
    with pytest.raises(InputError, match="no lesson 9"):
        editing.set_lesson_title(d, 8, "x")
    d = editing.refresh_sources(d, lambda url: Source(url, "B", "2025") if "b." in url else None)
    assert [(s.url, s.title) for s in d.sources] == [("https://a.example/1", "A"), ("https://b.example/2", "B")]
    d = editing.refresh_sources(editing.remove(d, "id6"), lambda url: None)
    assert [s.url for s in d.sources] == ["https://a.example/1"]


@pytest.mark.parametrize("name, clean", [
    ("2025-09-04-woondeal.html", "2025-09-04-woondeal.html"), ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\x\\doc.DOCX", "doc.docx"), (".bashrc.md", "bashrc.md"), ("café verslag (1).pdf", "cafe-verslag-1.pdf"),
    ("x" * 300 + ".html", "x" * 115 + ".html"), ("noext", None), ("evil.sh", None), ("../", None), ("", None), (".html", None),
])
def test_safe_name(name: str, clean: str | None) -> None:
    assert safe_name(name) == clean


def test_save_upload_limits_size_and_leaves_no_partial_file(tmp_path: Path) -> None:
    folder = tmp_path / "up"
    assert save_upload(folder, "a.txt", io.BytesIO(b"x" * 100), 10).reason == "larger than 0 MB"
    assert list(folder.iterdir()) == []
    saved = save_upload(folder, "../a.txt", io.BytesIO(b"hallo"), 10)
    named = f"a-{hashlib.sha256(b'hallo').hexdigest()[:12]}.txt"
    assert saved.path == folder.resolve() / named and saved.path.read_bytes() == b"hallo"
    other = save_upload(folder, "a.txt", io.BytesIO(b"hoi"), 10)  # the same name, other bytes: both kept
    assert other.path != saved.path and saved.path.read_bytes() == b"hallo" and other.path.read_bytes() == b"hoi"
    again = save_upload(folder, "a.txt", io.BytesIO(b"hallo"), 10)
    assert again.path == saved.path and len(list(folder.iterdir())) == 2


@pytest.mark.parametrize("url, allowed, problem", [
    ("https://example.org/feed.xml", False, None), ("http://93.184.216.34/", False, None),
    ("http://127.0.0.1/", True, None), ("http://intranet.local/", False, None),
    ("gopher://x/", False, "only http and https"), ("http:///nohost", False, "no host"),
    ("http://127.0.0.1/", False, "loopback"), ("http://0.0.0.0/", False, "refused"),
    ("http://[fe80::1]/", False, "link-local"), ("http://192.168.0.1/", False, "private"),
    ("http://app.localhost/", False, "this machine"), ("http://example.org:99999/", False, "not a valid URL"),
])
def test_url_problem(url: str, allowed: bool, problem: str | None) -> None:
    found = url_problem(url, allowed)
    assert (found is None) if problem is None else (problem in (found or "")), found


def test_split_urls() -> None:
    assert split_urls(" https://a.example/x \n\nhttps://b.example/ https://a.example/x ") == ["https://a.example/x", "https://b.example/"]


def test_diff_segments_show_cuts_and_additions() -> None:
    original = "Het is zo’n mooi project, de auto’s blijven weg."
    assert diff_segments(original, "Het is zo’n mooi project […] blijven weg.") == [
        ("same", "Het is zo’n mooi project"), ("cut", "de auto’s"), ("same", "blijven weg.")]
    assert ("added", "niet") in diff_segments(original, "Het is niet zo’n mooi project, de auto’s blijven weg.")


def cand(n: int, kind: str, score: float, speaker: str | None, url: str) -> Candidate:
    it = Item("doc", kind, f"Tekst over samenwerken {n}", n, n + 5, speaker)  # type: ignore[arg-type]
    return Candidate(it, score, reasons=("r",), source_url=url, source_title=url[-1])


def test_candidate_filter() -> None:
    cs = (cand(1, "quote", 0.7, "Anna", "https://x/a"), cand(2, "advice", 0.5, None, "https://x/b"),
          cand(3, "quote", 0.2, "Bert", "https://x/b"))
    f = CandidateFilter.from_query({"kind": "quote", "min_score": "0.3"})
    assert [c.item.start for c in page(cs, f, set()).shown] == [1]
    assert [c.item.start for c in page(cs, CandidateFilter(source="https://x/b"), set()).shown] == [2, 3]
    assert [c.item.start for c in page(cs, CandidateFilter(speaker="Bert"), set()).shown] == [3]
    assert [c.item.start for c in page(cs, CandidateFilter(q="SAMENWERKEN 2"), set()).shown] == [2]
    assert page(cs, CandidateFilter(hide_used=True), {cs[0].item.id}).matching == 2
    p = page(cs, CandidateFilter(limit=1), set())
    assert len(p.shown) == 1 and p.matching == 3 and p.kinds == (("quote", 2), ("advice", 1))
    assert CandidateFilter.from_query({"kind": "<b>", "min_score": "x", "limit": "-4"}) == CandidateFilter(limit=1)
    assert CandidateFilter(kind="quote", limit=40).query(limit=80) == {"kind": "quote", "limit": "80"}


def test_a_job_stops_after_its_current_source_when_the_server_stops(tmp_path: Path) -> None:
    from oogst.ingest.filters import Filters
    from oogst.ingest.policy import FetchPolicy
    from oogst.web.jobs import Jobs

    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"‘Durf te leren {n},’ zegt Anna de Vries.", encoding="utf-8")
    jobs = Jobs(tmp_path / "oogst.db")
    gate = threading.Event()
    jobs._pool.submit(gate.wait)  # keep the worker busy until the job is marked  # noqa: SLF001
    job = jobs.start("3 files", [str(tmp_path / f"{n}.txt") for n in range(3)], Filters(), FetchPolicy())
    job.stop.set()  # as if the server stopped before the first source was done
    gate.set()
    jobs._pool.shutdown(wait=True)  # noqa: SLF001
    snap = job.snapshot()
    assert snap["state"] == "failed" and "stopped" in snap["error"] and snap["done"] == 1
