from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def demo_corpus() -> Path:
    return Path(str(files("oogst") / "demo" / "corpus"))
