"""Text from sources is printed as it is: Rich markup in a title, URL or quote is text."""
from __future__ import annotations

import json
from pathlib import Path

from .conftest import RunCli

TITLE = "[/b] Het dorpshuis [bold]blijft[/bold] :smile: open"
TEXT = (f"---\ntitle: {TITLE}\ndate: 2025-09-12\nlang: nl\n---\n"
        "Het dorpshuis van Lutjewoude blijft open. ‘Het [/i] dorpshuis is weer van ons allemaal,’ zegt "
        "wethouder Fenna Hoekstra. ‘We hebben samen met de provincie [red]een[/] plan gemaakt,’ zegt ze.\n\n"
        "Volgens Hoekstra werken gemeente en provincie nu beter samen dan ooit.\n")


def _store(tmp_path: Path, run_cli: RunCli) -> tuple[Path, Path]:
    src = tmp_path / "[bold red]artikel.md"
    src.write_text(TEXT, encoding="utf-8")
    store = tmp_path / "s.db"
    res = run_cli("add", str(src), "--store", str(store))
    assert res.code == 0, res
    return src, store


def test_sources_and_candidates_print_brackets_as_text(tmp_path: Path, run_cli: RunCli) -> None:
    src, store = _store(tmp_path, run_cli)
    res = run_cli("sources", "--store", str(store))
    assert res.code == 0, res
    assert "[/b] Het dorpshuis [bold]blijft[/bold] :smile: open" in res.out
    res = run_cli("candidates", "--topic", "dorpshuis", "--period", "2025", "--store", str(store))
    assert res.code == 0, res
    assert "[/i]" in res.out and "[red]een[/]" in res.out


def test_quotes_and_extract_print_brackets_as_text(tmp_path: Path, run_cli: RunCli) -> None:
    src = tmp_path / "a.md"
    src.write_text(TEXT, encoding="utf-8")
    for command in ("quotes", "extract"):
        res = run_cli(command, str(src), "--lang", "nl")
        assert res.code == 0, res
        assert "Het [/i] dorpshuis is weer van ons allemaal" in res.out


def test_add_summary_prints_brackets_in_reasons(tmp_path: Path, run_cli: RunCli) -> None:
    bad = tmp_path / "[link=x]kapot.md"
    bad.write_bytes(b"")
    res = run_cli("add", str(bad), "--store", str(tmp_path / "s.db"))
    assert "MarkupError" not in res.text and "[link=x]kapot.md" in res.out


def test_check_prints_brackets_in_violations(tmp_path: Path, run_cli: RunCli) -> None:
    _, store = _store(tmp_path, run_cli)
    out = tmp_path / "digest"
    res = run_cli("digest", "--topic", "dorpshuis", "--period", "2025", "--store", str(store),
                  "--out", str(out), "--formats", "json")
    assert res.code == 0, res
    data = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert "[/i]" in text
    (out / "digest.json").write_text(text.replace("Het [/i] dorpshuis", "Het [/b] buurthuis"), encoding="utf-8")
    res = run_cli("check", str(out / "digest.json"), "--store", str(store))
    assert res.code == 1 and "MarkupError" not in res.text
    assert "[/b] buurthuis" in res.out
