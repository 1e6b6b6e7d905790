"""mypy passes: strict on oogst.harvest, oogst.select and oogst.models (the configuration is
pyproject.toml's [tool.mypy]). Skipped only when mypy is not installed (it is in the test extras)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_strict_on_harvest_select_and_models() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")
    proc = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary", "--hide-error-context"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_package_says_it_is_typed() -> None:
    assert (ROOT / "src" / "oogst" / "py.typed").is_file()
