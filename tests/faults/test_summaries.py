"""Honest summaries: what the harvest left out is shown per document in add and sources, and
the exit code says when sources failed (or, with --strict, were cut)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import oogst.harvest
from .conftest import RunCli

TEXT = ("---\ntitle: Lang verslag\ndate: 2025-09-12\nlang: nl\n---\n"
        + "‘Het dorpshuis is weer van ons allemaal,’ zegt wethouder Fenna Hoekstra van Lutjewoude. " * 40)


def test_a_cut_document_is_named_in_add_and_sources(tmp_path: Path, run_cli: RunCli,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(oogst.harvest, "MAX_TEXT", 1000)  # stands in for the 2 M-character cap
    src = tmp_path / "lang.md"
    src.write_text(TEXT, encoding="utf-8")
    short = tmp_path / "kort.md"
    short.write_text(TEXT[:400], encoding="utf-8")
    store = str(tmp_path / "s.db")
    res = run_cli("add", str(src), str(short), "--store", store)
    assert res.code == 0, res
    assert "added 2," in res.out
    cut_lines = [ln for ln in res.out.splitlines() if ln.strip().startswith("cut:")]
    assert len(cut_lines) == 1 and "text longer than 1000 characters; the rest was not read" in cut_lines[0]
    rows = json.loads(run_cli("sources", "--store", store, "--format", "json").out)
    notes = {Path(r["url"]).name: r["notes"] for r in rows}
    assert notes == {"lang.md": ["text longer than 1000 characters; the rest was not read"], "kort.md": []}
    table = run_cli("sources", "--store", store)
    assert "ok; cut: text longer than 1000 characters" in table.out
    src.write_text(TEXT + "Nog een zin.", encoding="utf-8")
    res = run_cli("add", str(src), "--store", store, "--strict")
    assert res.code == 3 and "cut:" in res.out and "cut or capped" in res.err, res
    src.write_text(TEXT[:900], encoding="utf-8")  # now whole: the note goes
    assert run_cli("add", str(src), "--store", store, "--strict").code == 0
    rows = json.loads(run_cli("sources", "--store", store, "--format", "json").out)
    assert all(r["notes"] == [] for r in rows)


def test_add_exits_3_when_a_source_failed_and_keeps_the_rest(tmp_path: Path, run_cli: RunCli) -> None:
    good = tmp_path / "goed.md"
    good.write_text(TEXT[:400], encoding="utf-8")
    res = run_cli("add", str(good), str(tmp_path / "weg.md"), "--store", str(tmp_path / "s.db"))
    assert res.code == 3 and "added 1," in res.out and "failed 1" in res.out
    assert "1 source(s) failed; exit code 3" in res.err


def test_both_harvest_caps_count_as_cuts_and_single_skips_do_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cap (the text's length, a kind's count) is a cut; a single stretch skipped on purpose is not."""
    from oogst.harvest import harvest
    from oogst.ingest import cuts

    quote = "‘Het dorpshuis is weer van ons allemaal,’ zegt wethouder Fenna Hoekstra. "
    monkeypatch.setattr(oogst.harvest, "MAX_PER_KIND", 3)
    many = " ".join(f"‘Het dorpshuis {i} is weer van ons allemaal,’ zegt wethouder Fenna Hoekstra." for i in range(5))
    assert cuts(harvest(many, "nl")) == ["more than 3 items of kind quote in one document; the rest was not kept"]
    monkeypatch.setattr(oogst.harvest, "MAX_PER_KIND", 3000)
    monkeypatch.setattr(oogst.harvest, "MAX_TEXT", 100)
    assert cuts(harvest(quote * 5, "nl")) == ["text longer than 100 characters; the rest was not read"]
    monkeypatch.setattr(oogst.harvest, "MAX_TEXT", 2_000_000)
    result = harvest("‘Dit is een open aanhalingsteken zonder einde, zegt niemand. " + quote, "nl")
    assert cuts(result) == []
