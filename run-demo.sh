#!/usr/bin/env bash
# One command: set up oogst and turn the bundled demo corpus into a digest in ./oogst-demo/
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
.venv/bin/oogst demo --out "${1:-oogst-demo}"
