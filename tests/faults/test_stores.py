"""Stores that are locked, read-only, full, damaged or written by two runs at once."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from oogst import store as store_module
from oogst.errors import StoreError
from oogst.store import Store
from .conftest import RunCli, assert_clean_error

ARTICLE = ("---\ntitle: Dorpshuis {n}\ndate: 2025-09-{d:02d}\nlang: nl\n---\n"
           "‘Het dorpshuis is weer van ons allemaal,’ zegt wethouder Fenna Hoekstra van Lutjewoude. "
           "Bewoner Sjoerd Kramer{n} hielp elke zaterdag mee. ‘Ik ken nu de halve straat,’ zegt hij.\n")
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def _articles(folder: Path, n: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"artikel-{i}.md").write_text(ARTICLE.format(n=i, d=1 + i % 28), encoding="utf-8")
    return folder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs (1 MB) mounted for the test, or a skip where the machine does not allow it."""
    mount = tmp_path / "klein"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, check=False)


def _remount_readonly(mount: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True, capture_output=True)


def test_locked_store_gives_a_clear_error_and_reading_still_works(tmp_path: Path, run_cli: RunCli,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "s.db"
    src = _articles(tmp_path / "in", 2)
    assert run_cli("add", str(src), "--store", str(store)).code == 0
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.3)
    holder = sqlite3.connect(store, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        res = run_cli("add", str(_articles(tmp_path / "meer", 1, 5)), "--store", str(store))
        assert_clean_error(res, "in use by another program")
        res = run_cli("sources", "--store", str(store))
        assert res.code == 0 and "Dorpshuis 1" in res.out, res
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_damaged_page_stops_add_before_it_writes(tmp_path: Path, run_cli: RunCli) -> None:
    store = tmp_path / "s.db"
    assert run_cli("add", str(_articles(tmp_path / "in", 40)), "--store", str(store)).code == 0
    size = store.stat().st_size
    page = 4096
    assert size > 8 * page
    with store.open("r+b") as fh:  # garbage over a page in the middle of the file
        fh.seek((size // page // 2) * page)
        fh.write(os.urandom(page))
    before = _digest(store)
    res = run_cli("add", str(_articles(tmp_path / "meer", 1, 50)), "--store", str(store))
    assert_clean_error(res, "is damaged", ".recover")
    assert _digest(store) == before  # nothing written into the damaged file
    res = run_cli("sources", "--store", str(store))  # listing says so too, whichever page was hit
    assert_clean_error(res, "is damaged", ".recover", code=1)


def test_full_disk_ends_add_with_a_clear_error_and_a_sound_store(tmpfs: Path, tmp_path: Path,
                                                                 run_cli: RunCli) -> None:
    store = tmpfs / "s.db"
    big = tmp_path / "groot"
    big.mkdir()
    for i in range(12):  # 12 × 150 KB of text does not fit on 1 MB (with the WAL)
        body = " ".join(f"Zin {j} van stuk {i}: de gemeente en de provincie werken samen." for j in range(2500))
        (big / f"stuk-{i:02d}.md").write_text(f"---\ntitle: Stuk {i}\nlang: nl\n---\n{body}\n", encoding="utf-8")
    res = run_cli("add", str(big), "--store", str(store))
    assert_clean_error(res, "is full")
    with Store(store, readonly=True) as st:
        st.check_integrity()
        stored = [d.title for d in st.documents()]
    assert len(stored) < 12
    assert all(st == f"Stuk {int(st.split()[1])}" for st in stored)


def test_read_only_mount_lets_sources_and_check_work(tmpfs: Path, run_cli: RunCli, tmp_path: Path) -> None:
    store = tmpfs / "s.db"
    assert run_cli("add", str(_articles(tmp_path / "in", 2)), "--store", str(store)).code == 0
    _remount_readonly(tmpfs)
    res = run_cli("sources", "--store", str(store))
    assert res.code == 0 and "Dorpshuis 0" in res.out, res
    res = run_cli("candidates", "--topic", "dorpshuis", "--period", "2025", "--store", str(store))
    assert res.code == 0, res
    out = tmp_path / "digest"
    res = run_cli("digest", "--topic", "dorpshuis", "--period", "2025", "--store", str(store),
                  "--out", str(out), "--formats", "md")
    assert res.code == 0 and (out / "digest.md").exists(), res  # rendered, with a warning
    assert "the digest was not saved in the store" in res.err
    res = run_cli("add", str(_articles(tmp_path / "meer", 1, 9)), "--store", str(store))
    assert_clean_error(res, "store", str(store))
    assert "read-only" in res.err or "cannot be read or written" in res.err
    res = run_cli("add", str(_articles(tmp_path / "meer", 1, 9)), "--store", str(tmpfs / "nieuw.db"))
    assert_clean_error(res, "cannot open or create the store")


@pytest.mark.skipif(ROOT, reason="as root, file permissions do not stop writes")
def test_read_only_folder_lets_sources_work(tmp_path: Path, run_cli: RunCli) -> None:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    store = folder / "s.db"
    assert run_cli("add", str(_articles(tmp_path / "in", 2)), "--store", str(store)).code == 0
    store.chmod(0o444)
    folder.chmod(0o555)
    try:
        res = run_cli("sources", "--store", str(store))
        assert res.code == 0 and "Dorpshuis 0" in res.out, res
        res = run_cli("add", str(_articles(tmp_path / "meer", 1, 9)), "--store", str(store))
        assert_clean_error(res, "store")
        res = run_cli("add", str(tmp_path / "meer"), "--store", str(folder / "nieuw.db"))
        assert_clean_error(res, "cannot open or create the store")
    finally:
        folder.chmod(0o755)
        store.chmod(0o644)


def test_two_concurrent_adds_count_each_document_once(tmp_path: Path) -> None:
    src = _articles(tmp_path / "in", 30)
    store = tmp_path / "s.db"
    Store(store).close()  # made first, so the two runs do not race to create the schema
    cmd = [sys.executable, "-c", "from oogst.cli import main; main()", "add", str(src), "--store", str(store)]
    runs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [r.communicate(timeout=120) for r in runs]
    assert all(r.returncode == 0 for r in runs), outs
    added = [int(o.split("added ", 1)[1].split(",", 1)[0]) for o, _ in outs]
    unchanged = [int(o.split("unchanged ", 1)[1].split(",", 1)[0]) for o, _ in outs]
    assert sum(added) == 30 and sum(added) + sum(unchanged) == 60, outs
    with Store(store, readonly=True) as st:
        assert len(st.documents()) == 30


def test_store_errors_name_the_store_in_the_library_too(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as st:
        st.db.execute("PRAGMA max_page_count=1")  # cannot grow: every write is "full"
        with pytest.raises(StoreError, match="is full"), st:
            st.record_failure("x", "y" * 100_000)
