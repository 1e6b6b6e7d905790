from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oogst.cli import app

runner = CliRunner()
COMMANDS = ["add", "sources", "quotes", "extract", "candidates", "digest", "check", "render", "demo", "eval"]


def oogst(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from oogst.cli import main; main()", *args],
                          input=input, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "oogst " in result.output.split("Example:")[1]


def test_quotes_from_stdin_as_jsonl() -> None:
    text = "Roelof Jansen is gebiedsregisseur. ‘Het is zo’n mooi project, de auto’s blijven weg,’ zegt hij.\n"
    res = oogst("quotes", "-", "--lang", "nl", "--format", "jsonl", input=text)
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(rows) == 1
    row = rows[0]
    assert {"text", "start", "end", "speaker", "speaker_role", "kind"} <= set(row)
    assert text[row["start"] : row["end"]] == row["text"] == "Het is zo’n mooi project, de auto’s blijven weg"
    assert row["speaker"] == "Roelof Jansen" and row["speaker_role"] == "gebiedsregisseur"


def test_extract_kinds() -> None:
    text = "In het kort\n- Samen is sneller dan alleen.\n\nTips\n- Ken elkaars belangen.\n"
    res = runner.invoke(app, ["extract", "-", "--lang", "nl", "--format", "json", "--kind", "takeaway,advice"], input=text)
    assert res.exit_code == 0, res.output
    kinds = [r["kind"] for r in json.loads(res.output)]
    assert kinds == ["takeaway", "advice"]


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    res = oogst("quotes", str(tmp_path / "nope.html"))
    assert res.returncode == 1
    assert "Traceback" not in res.stderr and "no such file" in res.stderr
    res = oogst("extract", "-", "--kind", "gerucht", input="x")
    assert res.returncode == 1 and "unknown kind" in res.stderr
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"nope" * 100)
    res = oogst("sources", "--store", str(bad))
    assert res.returncode == 1 and "Traceback" not in res.stderr and "cannot open the store" in res.stderr


def test_add_twice_adds_nothing_the_second_time(tmp_path: Path, demo_corpus: Path) -> None:
    store = str(tmp_path / "s.db")
    first = runner.invoke(app, ["add", str(demo_corpus), "--glob", "*.html", "--store", store])
    assert first.exit_code == 0 and "added 18," in first.output
    second = runner.invoke(app, ["add", str(demo_corpus), "--glob", "*.html", "--store", store])
    assert "added 0, updated 0, unchanged 18, failed 0" in second.output
    listing = runner.invoke(app, ["sources", "--store", store, "--format", "json"])
    rows = json.loads(listing.output)
    assert len(rows) == 18 and all(r["status"] == "ok" and r["items"] > 0 for r in rows)
    assert {"url", "title", "published", "language", "status", "error", "items"} <= set(rows[0])


FOREIGN = Path(__file__).parent / "lang" / "foreign"


def test_quotes_and_extract_refuse_a_language_they_cannot_tell_and_say_how_to_choose(tmp_path: Path) -> None:
    german = (FOREIGN / "de-1.txt").read_text(encoding="utf-8")
    res = oogst("quotes", "-", input=german)
    assert res.returncode == 1 and res.stdout == "" and len(res.stderr.strip().splitlines()) == 1
    assert "cannot tell the language of the text" in res.stderr and "known: nl, en" in res.stderr
    assert "choose one with --lang (nl or en)" in res.stderr and "Traceback" not in res.stderr
    chosen = runner.invoke(app, ["quotes", "-", "--lang", "nl", "--format", "json"], input=german)
    assert chosen.exit_code == 0 and json.loads(chosen.output)  # the quotes, read as Dutch as asked
    page = tmp_path / "hollerbach.html"
    page.write_text(f"<!DOCTYPE html><html lang='de'><body><article><p>{german}</p></article></body></html>",
                    encoding="utf-8")
    res = runner.invoke(app, ["extract", str(page)])
    assert res.exit_code == 1
    assert "gives its language as 'de'" in res.output and "choose one with --lang" in res.output
    assert runner.invoke(app, ["extract", str(page), "--lang", "en"]).exit_code == 0


def test_add_reports_a_document_it_cannot_tell_the_language_of_as_failed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hollerbach.txt").write_text((FOREIGN / "de-2.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "dalmeer.txt").write_text("‘Begin klein,’ zegt wethouder Anna de Vries.", encoding="utf-8")
    store = str(tmp_path / "s.db")
    res = runner.invoke(app, ["add", str(folder), "--store", store])
    assert res.exit_code == 3  # as for every failed source
    assert "added 1," in res.output and "failed 1" in res.output
    assert "hollerbach.txt: cannot tell the language of the text" in res.output
    listing = runner.invoke(app, ["sources", "--failed", "--store", store, "--format", "json"])
    [row] = json.loads(listing.output)
    assert row["url"].endswith("hollerbach.txt") and "give the document its language" in row["error"]
    assert row["error"].endswith("or choose one for every document with --lang")
    # --lang reads it (here the German text as if it were Dutch: what a user does with a Dutch
    # PDF that cannot be detected), and an unknown --lang stops before any work
    wrong = runner.invoke(app, ["add", str(folder), "--store", store, "--lang", "de"])
    assert wrong.exit_code == 1 and "unknown language 'de'; known: nl, en" in wrong.output
    res = runner.invoke(app, ["add", str(folder), "--store", store, "--lang", "nl"])
    assert res.exit_code == 0 and "added 1," in res.output
    assert runner.invoke(app, ["sources", "--failed", "--store", store, "--format", "json"]).output.strip() == "[]"
