"""Files that are not files, and files larger than they say: refused before or while reading,
with a recorded reason, and the other files of the batch still stored."""
from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path

import pytest

from oogst.ingest import add, files
from oogst.store import Store
from tests.faults.conftest import RunCli

GOOD = ("---\ntitle: Dorpshuis\ndate: 2025-09-12\nlang: nl\n---\n"
        "‘Het dorpshuis is weer van ons allemaal,’ zegt wethouder Fenna Hoekstra van Lutjewoude.\n")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "goed.md").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pijp.txt")
    os.mkfifo(folder / "pijp.jsonl")
    (folder / "nul.txt").symlink_to("/dev/zero")
    (folder / "ruis.html").symlink_to("/dev/urandom")
    (folder / "weg.md").symlink_to(folder / "bestaat-niet.md")
    return folder


def test_fifos_devices_and_broken_links_in_a_folder_are_recorded(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    start = time.monotonic()
    with Store(tmp_path / "s.db") as st:
        summary = add(st, [str(folder)])
        failures = {Path(s).name: r for s, r in st.db.execute("SELECT source, reason FROM failures")}
    assert time.monotonic() - start < 10
    assert len(summary.added) == 1
    assert failures == {
        "pijp.txt": "not a regular file: it is a named pipe (FIFO); only files are read",
        "pijp.jsonl": "not a regular file: it is a named pipe (FIFO); only files are read",
        "nul.txt": "not a regular file: it is a character device; only files are read",
        "ruis.html": "not a regular file: it is a character device; only files are read",
        "weg.md": "a link that points nowhere (its target does not exist)",
    }


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_given_directly_are_refused_at_once(tmp_path: Path, run_cli: RunCli, path: str) -> None:
    good = tmp_path / "goed.md"
    good.write_text(GOOD, encoding="utf-8")
    res = run_cli("add", path, str(good), "--store", str(tmp_path / "s.db"))
    assert res.code == 3, res
    assert "added 1," in res.out and f"failed: {path}: not a regular file: it is a character device" in res.out


def test_a_fifo_given_directly_does_not_hang(tmp_path: Path, run_cli: RunCli) -> None:
    fifo = tmp_path / "pijp.html"
    os.mkfifo(fifo)
    for command in (["add", str(fifo), "--store", str(tmp_path / "s.db")], ["quotes", str(fifo)]):
        res = run_cli(*command)
        assert res.code != 0 and "named pipe" in res.text, res


def test_the_size_cap_reads_at_most_the_cap(tmp_path: Path) -> None:
    """A sparse 2 GB file says it is 2 GB; a file that says less is read only to the cap."""
    sparse = tmp_path / "leeg.txt"
    with sparse.open("wb") as fh:
        fh.truncate(2 * 1024**3)
    tracemalloc.start()
    try:
        results = list(files.load_file(sparse))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(r).__name__ for r in results] == ["Failed"] and "larger than 50 MB" in results[0].reason
    assert peak < 120 * 1024 * 1024


def test_a_file_larger_than_the_cap_is_refused_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "groot.txt"
    big.write_text("Het dorpshuis is open. " * 200, encoding="utf-8")
    assert "larger than" in next(iter(files.load_file(big))).reason  # type: ignore[union-attr]
    corpus = tmp_path / "c.jsonl"
    long_line = '{"url": "https://x.example/a", "text": "' + "a" * 5000 + '"}'
    short = '{"url": "https://x.example/b", "text": "Het dorpshuis is open, zegt wethouder Fenna Hoekstra."}'
    corpus.write_text(long_line + "\n" + short + "\n", encoding="utf-8")
    results = list(files.load_file(corpus))
    assert [type(r).__name__ for r in results] == ["Failed", "Loaded"]
    assert "line is longer than" in results[0].reason  # type: ignore[union-attr]
