"""One `oogst add` over a hostile corpus (tests/hostile/build.py): ≥100 bad sources, a few good ones.

The batch must not raise; every good document lands with its quote; every bad source is either
accepted (where a user would expect that) or recorded as failed with a readable reason; nothing
is lost silently; and the store is consistent afterwards. Timings are not asserted here:
``bench/pathological.py`` reports the slowest sources of this corpus.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import pytest

from oogst.ingest import add, source_name
from oogst.store import Store

_spec = importlib.util.spec_from_file_location("hostile_build", Path(__file__).with_name("build.py"))
hostile_build = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
sys.modules["hostile_build"] = hostile_build
_spec.loader.exec_module(hostile_build)  # type: ignore[union-attr]
build = hostile_build.build

_TRACEBACK = re.compile(r"Traceback \(most recent call last\)|File \".*\", line \d+")
_BARE_CLASS = re.compile(r"^\s*[A-Z]\w*(Error|Exception|Warning)?\s*$")


def readable(reason: str | None) -> bool:
    if not reason or not reason.strip() or len(reason) > 500:
        return False
    if _TRACEBACK.search(reason) or _BARE_CLASS.match(reason):
        return False
    return len(re.findall(r"[A-Za-z]{2,}", reason)) >= 3  # a phrase, not a code or a class name


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("hostile")
    corpus = tmp / "corpus"
    cases = build(corpus)
    results: dict[str, list[tuple[str, str | None]]] = {}

    def on_result(source: str, status: str, reason: str | None) -> None:
        results.setdefault(source, []).append((status, reason))

    with Store(tmp / "store.db") as st:
        summary = add(st, [str(corpus)], on_result=on_result)
    return {"corpus": corpus, "db": tmp / "store.db", "cases": cases, "summary": summary, "results": results}


def _key(corpus: Path, source: str) -> str:
    """The source name `add` reports for a case ("dir/file.md", "file.jsonl:3"); a name that is
    not UTF-8 shows its bad bytes as \\xff."""
    return source_name(str(corpus / source))


def test_corpus_is_hostile_enough(run: dict) -> None:
    bad = [c for c in run["cases"] if c.category != "good"]
    assert len(bad) >= 100
    assert len([c for c in run["cases"] if c.category == "good"]) >= 4
    print("\nbad sources per category:", dict(Counter(c.category for c in bad)))


def test_every_source_is_accounted_for_as_a_user_expects(run: dict) -> None:
    corpus, results = run["corpus"], run["results"]
    problems = []
    for case in run["cases"]:
        key = _key(corpus, case.source)
        got = results.get(key, [])
        statuses = {s for s, _ in got}
        if case.expect == "ignored":
            if got:
                problems.append(f"{case.source}: expected to be ignored, got {got}")
            continue
        if not got:
            problems.append(f"{case.source}: no result at all (lost silently)")
            continue
        if case.expect == "ok" and not statuses <= {"added", "updated", "unchanged"}:
            problems.append(f"{case.source}: expected to land, got {got}")
        if case.expect == "fail" and statuses != {"failed"}:
            problems.append(f"{case.source}: expected a failure, got {got}")
        for status, reason in got:
            if status == "failed" and not readable(reason):
                problems.append(f"{case.source}: unreadable reason {reason!r}")
            if status == "failed" and case.expect == "fail" and case.reason and case.reason not in (reason or ""):
                problems.append(f"{case.source}: reason {reason!r} lacks {case.reason!r}")
    assert not problems, "\n".join(problems)


def test_good_documents_landed_with_their_items(run: dict) -> None:
    corpus = run["corpus"]
    with Store(run["db"]) as st:
        docs = st.documents()
        items = st.items()
    by_id: dict[str, set[str]] = {}
    for i in items:
        if i.speaker:
            by_id.setdefault(i.document_id, set()).add(i.speaker)
    problems = []
    for case in run["cases"]:
        if not case.quote:
            continue
        key = _key(corpus, case.source)
        wanted = [d for d in docs if d.url == Path(key).resolve().as_uri() or d.url.startswith("https://")
                  and key.endswith(":1") and d.url.endswith("/goed")]
        if not wanted:
            problems.append(f"{case.source}: not in the store")
        elif case.quote not in by_id.get(wanted[0].id, set()):
            problems.append(f"{case.source}: no quote by {case.quote} (speakers {by_id.get(wanted[0].id)})")
    assert not problems, "\n".join(problems)


def test_failures_are_recorded_in_the_store_and_it_is_consistent(run: dict) -> None:
    with sqlite3.connect(run["db"]) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    with Store(run["db"]) as st:
        failed = {r.url: r.error for r in st.sources(failed_only=True)}
    assert {s for s, _ in run["summary"].failed} == set(failed)
    assert all(readable(r) for r in failed.values())


def test_cli_lists_the_failures_as_json(run: dict) -> None:
    from typer.testing import CliRunner

    from oogst.cli import app

    res = CliRunner().invoke(app, ["sources", "--failed", "--format", "json", "--store", str(run["db"])])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert len(rows) == len(run["summary"].failed) and all(r["status"] == "failed" and r["error"] for r in rows)
