"""Dutch: the words the rendered digest prints around the content, month names and date formats."""
from __future__ import annotations

from types import MappingProxyType

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
DATE_FORMAT = "{day} {month} {year}"  # 5 maart 2024
MONTH_FORMAT = "{month} {year}"  # maart 2024

LABELS = MappingProxyType({
    "tip": "Tip",
    "sources": "Bronnen",
    "lessons": "Lessen",
    "highlights": "Uitgelicht",
    "edited": "bewerkt",
    "edited_title": "Door de redactie ingekort of bewerkt",
    "source_ref": "Bron",
    "n_sources": "bronnen",
    "period": "Periode",
    "open_quote": "\u2018",
    "close_quote": "\u2019",
    "unnamed": "een {role}",  # the byline of a speaker the text does not name
    "unnamed_vowel": "een {role}",  # … whose role starts with a vowel
})
