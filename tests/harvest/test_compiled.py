"""The compiled harvest (oogst.harvest.accel): the same output as the pure-Python modules, and
used only when it matches its sources."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from oogst.harvest import accel

ROOT = Path(__file__).resolve().parents[2]

# harvests every gold and editorial text (every kind) and prints them as JSON, with the mode
_DUMP = r"""
import dataclasses, json, sys
from pathlib import Path
import oogst.harvest as h
out = []
for path in sorted(Path(sys.argv[1]).glob("tests/gold/**/*.jsonl")) + sorted(Path(sys.argv[1]).glob("tests/editorial/*/articles.jsonl")):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            got = h.harvest(rec["text"], rec.get("lang") or rec.get("language") or "auto")
            out.append([dataclasses.asdict(i) for i in got.items] + [dataclasses.asdict(s) for s in got.skipped])
print(json.dumps({"compiled": h.COMPILED, "harvests": out}, sort_keys=True))
"""


def _dump(pure: bool) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "OOGST_PURE"}
    if pure:
        env["OOGST_PURE"] = "1"
    done = subprocess.run([sys.executable, "-c", _DUMP, str(ROOT)], env=env, capture_output=True, text=True,
                          check=True, timeout=600)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.skipif(accel.status(environ=False) != "compiled",
                    reason=f"no compiled harvest here ({accel.status(environ=False)}); scripts/setup.sh builds it")
def test_compiled_harvest_gives_the_pure_harvest() -> None:
    compiled, pure = _dump(pure=False), _dump(pure=True)
    assert compiled["compiled"] is True and pure["compiled"] is False
    assert len(pure["harvests"]) > 100  # type: ignore[arg-type]
    assert compiled["harvests"] == pure["harvests"]


def _fake_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **manifest: object) -> None:
    monkeypatch.setattr(accel, "COMPILED_DIR", tmp_path)
    monkeypatch.setattr(accel, "MANIFEST", tmp_path / "SOURCES.json")
    monkeypatch.delenv("OOGST_PURE", raising=False)
    suffix = accel.interpreter_tag()
    (tmp_path / "oogst" / "harvest").mkdir(parents=True)
    for m in accel.MODULES:
        (tmp_path / "oogst" / "harvest" / f"{m}{suffix}").write_bytes(b"")
    (tmp_path / f"x__mypyc{suffix}").write_bytes(b"")
    data = {"ext_suffix": suffix, "runtime": f"x__mypyc{suffix}", "sources": accel.source_hashes()}
    data.update(manifest)
    (tmp_path / "SOURCES.json").write_text(json.dumps(data), encoding="utf-8")


def test_a_build_that_matches_is_put_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_build(tmp_path, monkeypatch)
    monkeypatch.setattr(sys, "path", list(sys.path))
    path = ["/the/package"]
    assert accel.status() == "compiled"
    assert accel.activate(path) is True
    assert path == [str(tmp_path / "oogst" / "harvest"), "/the/package"]
    assert str(tmp_path) in sys.path


def test_an_edited_source_means_the_pure_harvest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hashes = accel.source_hashes()
    hashes["people"] = "0" * 64  # people.py changed since the build
    _fake_build(tmp_path, monkeypatch, sources=hashes)
    path = ["/the/package"]
    with pytest.warns(RuntimeWarning, match="out of date.*people"):
        assert accel.activate(path) is False
    assert path == ["/the/package"]


def test_other_python_or_no_build_or_opted_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_build(tmp_path, monkeypatch, ext_suffix=".cpython-39-x86_64-linux-gnu.so")
    assert accel.status().startswith("pure (other Python")
    _fake_build(tmp_path / "b", monkeypatch)
    (tmp_path / "b" / "oogst" / "harvest" / f"kinds{accel.interpreter_tag()}").unlink()
    assert accel.status() == "pure (not built)"
    _fake_build(tmp_path / "c", monkeypatch)
    monkeypatch.setenv("OOGST_PURE", "1")
    assert accel.status() == "pure (OOGST_PURE)" and accel.activate(["/p"]) is False
    assert accel.status(environ=False) == "compiled"
    monkeypatch.setattr(accel, "MANIFEST", tmp_path / "nothing.json")
    assert accel.status(environ=False) == "pure (not built)"
