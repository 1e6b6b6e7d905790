#!/usr/bin/env bash
# Set up oogst on a fresh Debian machine: Debian packages, a virtual environment, the package.
#   scripts/setup.sh          – what oogst needs to run
#   scripts/setup.sh --test   – plus what the test suite needs (pytest, hypothesis, Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

WITH_TESTS=0
[ "${1:-}" = "--test" ] && WITH_TESTS=1

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

# WeasyPrint needs Pango/HarfBuzz; fonts are named explicitly by the default theme. gcc and the
# Python headers compile the harvest (scripts/build_native.py).
DEB_PACKAGES="python3 python3-venv python3-pip python3-dev gcc libc6-dev libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 fonts-crosextra-carlito fontconfig"
[ "$WITH_TESTS" = 1 ] && DEB_PACKAGES="$DEB_PACKAGES chromium"

missing=""
for p in $DEB_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing Debian packages:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
if [ "$WITH_TESTS" = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test]" 2>&1 | grep -v "^WARNING: Location" || true
else
  .venv/bin/python -m pip install -q -e . 2>&1 | grep -v "^WARNING: Location" || true
fi
.venv/bin/python -c "import oogst" || { echo "oogst did not install" >&2; exit 1; }

# The harvest compiled to C with mypyc (oogst.harvest.accel): the same output, faster. Built
# only when its sources changed; without it (no compiler, a failed build) the pure-Python
# harvest runs.
.venv/bin/python -m pip install -q "mypy>=1.10" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python scripts/build_native.py \
  || echo "warning: the harvest was not compiled; the pure-Python harvest runs (same output, slower)" >&2
