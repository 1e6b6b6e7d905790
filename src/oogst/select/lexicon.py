"""The selection's words per language: a thin door to the language packs (``oogst/lang/<code>/select.py``).

The data lives in the packs; this module keeps the names select/, titles and group import.
"""
from __future__ import annotations

from collections.abc import Mapping

from oogst import lang
from oogst.lang.lexicon import Lexicon

NL = lang.get("nl").lexicon
EN = lang.get("en").lexicon
LEXICONS: Mapping[str, Lexicon] = {code: lang.get(code).lexicon for code in lang.CODES}


def note(language: str | None, key: str, **values: object) -> str:
    """A note for the editor in ``language`` ("{n} document(en) buiten de periode")."""
    templates = {k: (one, many) for k, one, many in get_lexicon(language).notes}
    one, many = templates.get(key, (key, ""))
    return (many if many and values.get("n") != 1 else one).format(**values)


def get_lexicon(language: str | None) -> Lexicon:
    """The lexicon for ``language`` ("nl", "nl-BE", "en-GB" …; None: the default language); an
    unknown language is an InputError (``oogst.lang.get``)."""
    return lang.get(language or lang.CODES[0]).lexicon


__all__ = ["EN", "LEXICONS", "NL", "Lexicon", "get_lexicon", "note"]
