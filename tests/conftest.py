from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def demo_corpus() -> Path:
    return Path(str(files("oogst") / "demo" / "corpus"))


# The kill tests choose their moments from this seed. It is fixed so that a red run can be
# repeated; OOGST_KILL_SEED=<n> explores other moments (the seed is in every failure message).
KILL_SEED_DEFAULT = 20261202


@pytest.fixture
def kill_seed() -> int:
    import os

    return int(os.environ.get("OOGST_KILL_SEED", KILL_SEED_DEFAULT))
