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


def _batch_harvest(sources: list[Path], out: Path) -> None:
    """What ``oogst harvest SOURCES --out OUT`` writes, without a cluster: each partition
    harvested in this process (so a monkeypatched cap holds), written as the run writes it."""
    from oogst.batch import read
    from oogst.batch.output import HarvestOutput
    from oogst.batch.work import harvest_partition

    output = HarvestOutput(out, {"test": True})
    parts = list(read.partitions(read.records(read.expand([str(s) for s in sources])), 1, 1 << 20))
    for part in parts:
        output.write(part.index, harvest_partition(part.index, read.materialize(part).records))
    output.finish(len(parts))


def test_a_batch_harvest_keeps_the_cuts_that_add_shows(tmp_path: Path, run_cli: RunCli,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """oogst add ITEMS.parquet, then oogst sources: the same cuts as oogst add on the sources."""
    monkeypatch.setattr(oogst.harvest, "MAX_TEXT", 1000)
    (tmp_path / "in").mkdir()
    src, short = tmp_path / "in" / "lang.md", tmp_path / "in" / "kort.md"
    src.write_text(TEXT, encoding="utf-8")
    short.write_text(TEXT[:400], encoding="utf-8")
    _batch_harvest([src, short], tmp_path / "items.parquet")
    outputs = {}
    for name, source in (("direct", tmp_path / "in"), ("batch", tmp_path / "items.parquet")):
        store = str(tmp_path / f"{name}.db")
        res = run_cli("add", str(source), "--store", store)
        assert res.code == 0, res
        cuts = [ln.strip() for ln in res.out.splitlines() if ln.strip().startswith("cut:")]
        rows = json.loads(run_cli("sources", "--store", store, "--format", "json").out)
        outputs[name] = cuts, {Path(r["url"]).name: r["notes"] for r in rows}
    assert outputs["batch"] == outputs["direct"]
    assert outputs["batch"][1] == {"lang.md": ["text longer than 1000 characters; the rest was not read"],
                                   "kort.md": []}


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
    result = harvest(quote * 2, "nl")  # the same quote twice: the second is skipped on purpose
    assert [s.cap for s in result.skipped] == [False] and "repeats" in result.skipped[0].reason
    assert cuts(result) == []


def test_a_summary_takes_in_every_field_of_another() -> None:
    from dataclasses import fields

    from oogst.ingest import AddSummary

    full = AddSummary(**{f.name: [(f.name, 1)] for f in fields(AddSummary)})
    into = AddSummary(added=["https://x.example/eerst"])
    into.extend(full)
    assert into.added == ["https://x.example/eerst", ("added", 1)]
    assert all(getattr(into, f.name)[-1] == (f.name, 1) for f in fields(AddSummary))
