#!/usr/bin/env python3
"""Build the HELD-OUT gold JSONL files from the annotated sources in src/*.txt.

HELD-OUT SET: never tune the harvester on these texts (see README.md in this folder).
The source format and the checks are those of tests/gold/build.py, plus the quote-flank check
(every quote sits between its marks).

Standard library only. Usage:  python3 tests/gold/heldout/build.py   (writes nl.jsonl, en.jsonl, verifies)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import build  # noqa: E402  (tests/gold/build.py)

if __name__ == "__main__":
    build.main(here=os.path.dirname(os.path.abspath(__file__)), flanks=True)
