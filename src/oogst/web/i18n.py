"""The UI's language: gettext catalogues (``web/locale/<code>/LC_MESSAGES/messages.po``) via Babel.

Dutch is the default, English a choice (the ``oogst_lang`` cookie, set by ``/language/<code>``).
A third language is a third catalogue: ``pybabel init -i src/oogst/web/locale/messages.pot -d
src/oogst/web/locale -l de`` and translate it; no code changes. The catalogues are read from
their ``.po`` text when first needed (so there is no compiled file to forget to rebuild).

Python code marks its texts with :func:`_`; it translates into the language of the request
being served (a context variable the guard middleware sets). Dates have one style per
language: :func:`format_date`.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from contextvars import ContextVar
from functools import lru_cache
from importlib.resources import files

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from oogst.render.labels import MONTHS
from oogst.render.labels import format_date as digest_date

DEFAULT = "nl"
COOKIE = "oogst_lang"
_current: ContextVar[str] = ContextVar("oogst_lang", default=DEFAULT)
_CODE = re.compile(r"^[a-z]{2,3}(?:_[A-Z]{2})?$")


def _locale_dir():  # noqa: ANN202
    return files("oogst.web") / "locale"


@lru_cache(maxsize=1)
def available() -> tuple[str, ...]:
    """The languages with a catalogue, Dutch first."""
    codes = sorted(p.name for p in _locale_dir().iterdir()
                   if _CODE.match(p.name) and (p / "LC_MESSAGES" / "messages.po").is_file())
    return tuple(sorted(codes, key=lambda c: (c != DEFAULT, c)))


@lru_cache(maxsize=None)
def translations(code: str) -> Translations:
    """The compiled catalogue of ``code`` (English, the source language, may translate nothing)."""
    po = _locale_dir() / code / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=code)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(buf)


def name(code: str) -> str:
    """The language's own name: Nederlands, English."""
    try:
        return (Locale.parse(code).get_display_name(code) or code).capitalize()
    except (UnknownLocaleError, ValueError):
        return code


def choose(cookie: str | None) -> str:
    return cookie if cookie in available() else DEFAULT


def current() -> str:
    return _current.get()


def use(code: str) -> None:
    """Translate into ``code`` for the rest of this request (set by the guard middleware)."""
    _current.set(code)


def _(message: str, **values: object) -> str:
    """``message`` in the request's language; ``%(name)s`` placeholders filled from ``values``."""
    text = translations(current()).gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, n: int, **values: object) -> str:
    text = translations(current()).ngettext(singular, plural, n)
    return text % {"num": n, **values}


def format_date(value: str | None, code: str | None = None) -> str:
    """One date style per language, the digest's own: ``5 maart 2024`` / ``5 March 2024``; a
    partial date stays partial (``maart 2024``); a timestamp shows its date."""
    code = code or current()
    if not value:
        return ""
    if code in MONTHS:
        return digest_date(value[:10], code)
    try:  # a language the digest renderer does not know: Babel's long style
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 3:
            return format_skeleton("yMMMMd", dt.date(*parts), locale=code)
        if len(parts) == 2:
            return format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=code)
    except (ValueError, TypeError):
        pass
    return value


__all__ = ["COOKIE", "DEFAULT", "N_", "_", "available", "choose", "current", "format_date", "name", "ngettext", "reason",
           "translations", "use"]


# -- the check's reasons (oogst.check writes them in English, for the CLI) --------------------
def _reason_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    q = r"(?P<{}>'[^']*'|\"[^\"]*\"|nobody)"
    return tuple((re.compile(p.format(*(q.format(n) for n in names)) if names else p), msg) for p, names, msg in (
        (r"^cut changes what was said: {} is left out \(a negation: without it the quote says the opposite\)$", ("word",),
         N_("cut changes what was said: %(word)s is left out (a negation: without it the quote says the opposite)")),
        (r"^cut changes what was said: {} is left out \(a number: the figure is part of the claim\)$", ("word",),
         N_("cut changes what was said: %(word)s is left out (a number: the figure is part of the claim)")),
        (r"^cut changes what was said: {} is left out \(a quantifier or restriction: it sets how far the claim goes\)$", ("word",),
         N_("cut changes what was said: %(word)s is left out (a quantifier or restriction: it sets how far the claim goes)")),
        (r"^cut changes what was said: {} is left out \(a condition: the claim holds only when it is met\)$", ("word",),
         N_("cut changes what was said: %(word)s is left out (a condition: the claim holds only when it is met)")),
        (r"^added: (?P<words>.+)$", (), N_("added: %(words)s")),
        (r"^changed: (?P<old>'.*') → (?P<new>'.*')$", (), N_("changed: %(old)s → %(new)s")),
        (r"^reordered: (?P<words>.+)$", (), N_("reordered: %(words)s")),
        (r"^repeated: (?P<words>.+)$", (), N_("repeated: %(words)s")),
        (r"^cut without a mark: (?P<words>.+)$", (), N_("cut without a mark: %(words)s")),
        (r"^attribution changed: the source credits this to {}, not to {}$", ("old", "new"),
         N_("attribution changed: the source credits this to %(old)s, not to %(new)s")),
        (r"^attribution changed: the source gives the role {}, not {}$", ("old", "new"),
         N_("attribution changed: the source gives the role %(old)s, not %(new)s")),
        (r"^the text is empty$", (), N_("the text is empty")),
        (r"^the text cannot be empty$", (), N_("the text cannot be empty")),
        (r"^does not match the source text$", (), N_("does not match the source text")),
        (r"^source text not stored for (?P<url>.+)$", (), N_("source text not stored for %(url)s")),
        (r"^the source text of this item is not in the store$", (), N_("the source text of this item is not in the store")),
    ))


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue; translated later, where it is shown."""
    return message


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return _reason_patterns()


def reason(text: str | None) -> str:
    """A reason of the check (or several, joined by "; ") in the request's language; a reason
    without a catalogue entry stays as written."""
    if not text:
        return ""
    out = []
    for part in text.split("; "):
        for pattern, msg in _patterns():
            m = pattern.match(part)
            if m:
                part = _(msg, **m.groupdict()) if m.groupdict() else _(msg)
                break
        out.append(part)
    return "; ".join(out)
