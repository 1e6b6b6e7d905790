"""The exception tree. Every error carries a sentence a user can act on.

OogstError
├── InputError        – a source, file or argument oogst cannot use
│   ├── PeriodError   – a period string that cannot be parsed
│   ├── LanguageError – a language oogst has no pack for, or a text whose language it cannot tell
│   └── DigestFileError – a digest.json that does not follow the schema
├── StoreError        – the SQLite store cannot be opened or written
├── FetchError        – a URL could not be fetched
└── RenderError       – an output could not be rendered
    └── UnfaithfulEditError – a digest item alters its source quote
"""
from __future__ import annotations


class OogstError(Exception):
    """Base class of all errors oogst raises on purpose."""


class InputError(OogstError):
    pass


class PeriodError(InputError):
    """A period that cannot be read; ``reason`` is the why without the period itself, for
    messages that name it their own way ("--since '2020-Q5': quarter 'Q5' must be Q1–Q4")."""

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message


class LanguageError(InputError):
    """A language no pack in ``oogst.lang`` has, or a text that reads as none of them; the
    message lists the known languages, and the caller adds how to choose one. ``given`` is the
    language a document gave when it is one no pack has (None: nothing given, or an option)."""

    def __init__(self, message: str, given: str | None = None) -> None:
        super().__init__(message)
        self.given = given


class DigestFileError(InputError):
    pass


class StoreError(OogstError):
    pass


class FetchError(OogstError):
    pass


class RenderError(OogstError):
    pass


class UnfaithfulEditError(RenderError):
    pass


__all__ = [
    "DigestFileError",
    "FetchError",
    "InputError",
    "LanguageError",
    "OogstError",
    "PeriodError",
    "RenderError",
    "StoreError",
    "UnfaithfulEditError",
]
