"""Dutch: everything oogst knows of the language, in one pack.

- ``harvest.py``: the harvest's words (quotes, speakers, roles, advice, paraphrases) and the
  faithfulness check's;
- ``select.py``: the selection's lexicon (relevance, quotability, titles, notes for the editor);
- ``render.py``: the rendered digest's labels, month names and date formats.
"""
from __future__ import annotations

from oogst.lang import Language
from oogst.lang.nl.harvest import WORDS
from oogst.lang.nl.render import DATE_FORMAT, LABELS, MONTH_FORMAT, MONTHS
from oogst.lang.nl.select import LEXICON

LANGUAGE = Language(
    **WORDS,
    lexicon=LEXICON,
    labels=LABELS,
    months=MONTHS,
    date_format=DATE_FORMAT,
    month_format=MONTH_FORMAT,
    # frequent function words: language detection counts them
    detect_hints=frozenset("de het een en van dat is niet zijn we je ook op voor met maar wat als zegt bij".split()),
)
