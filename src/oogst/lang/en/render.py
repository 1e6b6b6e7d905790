"""English: the words the rendered digest prints around the content, month names and date formats."""
from __future__ import annotations

from types import MappingProxyType

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
DATE_FORMAT = "{day} {month} {year}"  # 5 March 2024
MONTH_FORMAT = "{month} {year}"  # March 2024

LABELS = MappingProxyType({
    "tip": "Tip",
    "sources": "Sources",
    "lessons": "Lessons",
    "highlights": "Highlights",
    "edited": "edited",
    "edited_title": "Shortened or edited by the editors",
    "source_ref": "Source",
    "n_sources": "sources",
    "period": "Period",
    "open_quote": "\u201c",
    "close_quote": "\u201d",
    "unnamed": "a {role}",  # the byline of a speaker the text does not name
    "unnamed_vowel": "an {role}",  # … whose role starts with a vowel
})
