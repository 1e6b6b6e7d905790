#!/bin/sh
# Update the UI's message catalogues after changing a text in src/oogst/web (templates or Python):
#   scripts/i18n.sh            extract messages.pot and merge it into every catalogue
#   scripts/i18n.sh init de    start a catalogue for a new language (then translate its messages.po)
# The catalogues are read from their .po text at run time: nothing to compile.
set -e
cd "$(dirname "$0")/.."
BABEL=.venv/bin/pybabel
LOCALE=src/oogst/web/locale
$BABEL extract -F $LOCALE/babel.cfg -k N_ -k _ --no-location --sort-output --project oogst \
    --copyright-holder oogst -o $LOCALE/messages.pot src/oogst/web
if [ "$1" = init ]; then
    $BABEL init -i $LOCALE/messages.pot -d $LOCALE -l "$2" --no-wrap
else
    $BABEL update -i $LOCALE/messages.pot -d $LOCALE --no-wrap --no-fuzzy-matching
fi
