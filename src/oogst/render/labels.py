"""Words the rendered digest prints around the content: a thin door to the language packs
(``oogst/lang/<code>/render.py``: labels, month names, date formats)."""
from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from oogst import lang

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType({c: lang.get(c).labels for c in lang.CODES})
MONTHS: Mapping[str, tuple[str, ...]] = MappingProxyType({c: lang.get(c).months for c in lang.CODES})
LANGUAGES: tuple[str, ...] = lang.CODES


def labels_for(language: str) -> Mapping[str, str]:
    """The labels for ``language``; an unknown language is an InputError (``oogst.lang.get``)."""
    return lang.get(language).labels


def format_date(value: str | None, language: str) -> str:
    """``2024-03-05`` → ``5 maart 2024``; partial dates stay partial; junk is returned as is."""
    if not value:
        return ""
    parts = value[:10].split("-")
    pack = lang.get(language)
    try:
        if len(parts) == 3:
            return pack.date_format.format(day=int(parts[2]), month=pack.months[int(parts[1]) - 1], year=parts[0])
        if len(parts) == 2:
            return pack.month_format.format(month=pack.months[int(parts[1]) - 1], year=parts[0])
    except (ValueError, IndexError):
        return value
    return value
