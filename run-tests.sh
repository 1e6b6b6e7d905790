#!/usr/bin/env bash
# One command: set up oogst with its test dependencies and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test
.venv/bin/python -m pytest -q "$@"
