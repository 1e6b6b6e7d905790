"""kill -9 during `oogst digest` and `oogst render` leaves a consistent store and only whole files.

Both commands run in a subprocess on the demo corpus and are SIGKILLed at a random moment, six
times in all (three each): after a seeded random delay, or within 3 ms of the moment a randomly
chosen output file appears or changes under its final name, where a writer that is not atomic
would be halfway through it.
After each kill the store must open, pass `PRAGMA integrity_check`, and hold only whole digests
(each row loads and equals the digest that run makes); every output file under its final name
must be whole (digest.json loads, the PDF runs from %PDF to %%EOF, PNGs end with IEND, ...), and
anything else in the folder may only be a hidden temp file of an interrupted write. A last run
of each command must then finish, write every format, and add exactly one digest row.
"""
from __future__ import annotations

import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from oogst.cli import DEMO_PERIOD, DEMO_TOPIC
from oogst.digest import build_digest
from oogst.digest_json import dumps, loads
from oogst.ingest import add
from oogst.render import FILE_NAMES
from oogst.store import SCHEMA_VERSION, Store

FORMATS = "html,pdf,png,md,json"
FINAL = set(FILE_NAMES.values())
TEMP = re.compile(r"\.digest(-social)?\.(html|pdf|png|md|json)\.[0-9a-f]+\.part")  # render.atomic
PNG_HEAD, PNG_TAIL = b"\x89PNG\r\n\x1a\n", b"IEND\xaeB`\x82"
CLI = [sys.executable, "-c", "from oogst.cli import main; main()"]


def _digest_rows(store: Path) -> list[tuple[str, str, str]]:
    db = sqlite3.connect(store)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return db.execute("SELECT topic, period, json FROM digests ORDER BY id").fetchall()
    finally:
        db.close()


def _assert_store(store: Path, expected_json: str) -> int:
    """The store is consistent and every digest row is whole; returns how many rows there are."""
    rows = _digest_rows(store)
    with Store(store) as st:
        assert st.schema_version == SCHEMA_VERSION
        assert len(st.documents()) == 18
        assert len(list(st.digests())) == len(rows)
    for topic, period, text in rows:
        assert (topic, period) == (DEMO_TOPIC, DEMO_PERIOD)
        loads(text)  # validates every field
        assert text == expected_json
    return len(rows)


def _assert_outputs(folder: Path, expected_json: str, why: str, complete: bool = False) -> int:
    """Every file under a final name is whole; anything else is a temp file. Returns the temp count."""
    if not folder.exists():
        assert not complete, why
        return 0
    names = {p.name for p in folder.iterdir()}
    strays = names - FINAL
    assert all(TEMP.fullmatch(n) for n in strays), (strays, why)
    if complete:
        assert FINAL <= names, (FINAL - names, why)
    for name in names & FINAL:
        data = (folder / name).read_bytes()
        if name.endswith(".json"):
            text = data.decode("utf-8")
            loads(text)
            assert text == expected_json, why
        elif name.endswith(".pdf"):
            assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), (name, why)
            doc = pdfium.PdfDocument(data)
            try:
                assert len(doc) == 1, why
            finally:
                doc.close()
        elif name.endswith(".png"):
            assert data.startswith(PNG_HEAD) and data.endswith(PNG_TAIL), (name, why)
        elif name.endswith(".html"):
            assert data.decode("utf-8").rstrip().endswith("</html>"), (name, why)
        else:  # markdown
            text = data.decode("utf-8")
            assert text.startswith("# ") and text.endswith("\n") and "[^1]:" in text, (name, why)
    return len(strays)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns


def _run_and_kill(cmd: list[str], rng: random.Random, folder: Path, max_delay: float) -> tuple[bool, str]:
    """Start ``cmd`` and SIGKILL it: after a random delay, or the moment one randomly chosen
    output file under its final name is (re)created, so the kill lands where a writer that is
    not atomic would be halfway through that file. Returns whether it finished first, and how."""
    target = folder / rng.choice(sorted(FINAL))
    before = _stat(target)
    timed = rng.random() < 0.4
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + (rng.uniform(0.1, max_delay) if timed else 60)
    while proc.poll() is None and time.monotonic() < deadline and (timed or _stat(target) in (before, None)):
        time.sleep(0.0005)
    time.sleep(rng.uniform(0, 0.003))
    proc.send_signal(signal.SIGKILL)
    rc = proc.wait(timeout=30)
    assert rc in (-signal.SIGKILL, 0), rc
    return rc == 0, f"{'finished' if rc == 0 else 'killed'} {'after a delay' if timed else 'at ' + target.name}"


def test_kill_9_during_digest_and_render(tmp_path: Path, demo_corpus: Path, kill_seed: int) -> None:
    store = tmp_path / "s.db"
    with Store(store) as st:
        assert len(add(st, [str(demo_corpus)], glob="*.html").added) == 18
        expected = dumps(build_digest(st.documents(), st.items(), DEMO_TOPIC, DEMO_PERIOD).digest)
    given = tmp_path / "given" / "digest.json"
    given.parent.mkdir()
    given.write_text(expected, encoding="utf-8")
    out_digest, out_render = tmp_path / "out-digest", tmp_path / "out-render"
    digest_cmd = [*CLI, "digest", "--topic", DEMO_TOPIC, "--period", DEMO_PERIOD, "--store", str(store),
                  "--out", str(out_digest), "--formats", FORMATS]
    render_cmd = [*CLI, "render", str(given), "--store", str(store), "--out", str(out_render), "--formats", FORMATS]

    seed = kill_seed  # fixed by default so a failure repeats; the seed is in every failure message
    rng = random.Random(seed)
    rows = 0
    for round_ in range(3):
        finished, how = _run_and_kill(digest_cmd, rng, out_digest, max_delay=6.0)
        how = f"digest round {round_}, {how}, seed {seed}"
        now = _assert_store(store, expected)
        assert now in (rows, rows + 1), how  # at most the one row of this run, and whole
        assert now == rows + 1 or not finished, how
        rows = now
        _assert_outputs(out_digest, expected, how)
    for round_ in range(3):
        _, how = _run_and_kill(render_cmd, rng, out_render, max_delay=4.0)
        how = f"render round {round_}, {how}, seed {seed}"
        assert _assert_store(store, expected) == rows, how  # render only reads the store
        _assert_outputs(out_render, expected, how)

    done = subprocess.run(digest_cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, (done.stderr, seed)
    assert _assert_store(store, expected) == rows + 1, seed  # exactly one new row, no duplicate
    _assert_outputs(out_digest, expected, f"last digest run, seed {seed}", complete=True)
    done = subprocess.run(render_cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, (done.stderr, seed)
    assert _assert_store(store, expected) == rows + 1, seed
    _assert_outputs(out_render, expected, f"last render run, seed {seed}", complete=True)


def test_an_interrupted_write_keeps_the_old_file_whole(tmp_path: Path, demo_corpus: Path, monkeypatch) -> None:
    """Deterministic twin of the kill test: the moment before the rename, the old file is intact."""
    from dataclasses import replace as dc_replace

    import oogst.render.atomic as atomic
    from oogst.render import render

    with Store(tmp_path / "s.db") as st:
        add(st, [str(demo_corpus)], glob="*.html")
        digest = build_digest(st.documents(), st.items(), DEMO_TOPIC, DEMO_PERIOD).digest
    out = tmp_path / "out"
    render(digest, out, ("md", "json"), json_text=dumps(digest))
    old = {p.name: p.read_bytes() for p in out.iterdir()}

    def killed(src: object, dst: object) -> None:
        raise KeyboardInterrupt  # stands in for the kill, after the temp file is written

    monkeypatch.setattr(atomic.os, "replace", killed)
    changed = dc_replace(digest, title="Een andere titel")
    try:
        render(changed, out, ("md", "json"), json_text=dumps(changed))
    except KeyboardInterrupt:
        pass
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old  # old files whole, no temp left
