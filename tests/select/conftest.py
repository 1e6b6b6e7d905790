import sys
from pathlib import Path

# tests/select_corpus.py is shared by tests/select/* and tests/test_*.py
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
