"""Fixtures of the batch tests; the corpus builders are in batch_corpus.py."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch_corpus import write_corpus  # noqa: E402


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    write_corpus(path, 240)
    return path
