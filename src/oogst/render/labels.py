"""Words the rendered digest prints around the content, per language (data, not logic)."""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "nl": MappingProxyType({
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
    }),
    "en": MappingProxyType({
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
    }),
})

MONTHS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
})

LANGUAGES: tuple[str, ...] = tuple(LABELS)


def labels_for(language: str) -> Mapping[str, str]:
    """The labels for ``language``; unknown languages fall back to Dutch."""
    return LABELS.get(language, LABELS["nl"])


def format_date(value: str | None, language: str) -> str:
    """``2024-03-05`` → ``5 maart 2024``; partial dates stay partial; junk is returned as is."""
    if not value:
        return ""
    parts = value[:10].split("-")
    months = MONTHS.get(language, MONTHS["nl"])
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {months[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{months[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return value
    return value
