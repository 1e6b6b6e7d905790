"""digest.json: the versioned, editable file between selection and rendering.

See docs/digest-schema.md. ``digest_from_dict`` validates and names the bad field
("lessons[1].items[0]: missing 'text'"); ``dumps`` is deterministic.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from oogst.errors import DigestFileError, InputError
from oogst.filekinds import NoSuchFile, read_text
from oogst.lang import SUPPORTED
from oogst.models import ITEM_KINDS, Digest, DigestItem, Lesson, Source

SCHEMA_VERSION = 1
_ITEM_STR = ("id", "kind", "text", "source_url")
_ITEM_OPT_STR = ("speaker", "speaker_role", "published")


def item_to_dict(item: DigestItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "text": item.text,
        "speaker": item.speaker,
        "speaker_role": item.speaker_role,
        "source_url": item.source_url,
        "published": item.published,
        "start": item.start,
        "end": item.end,
        "score": round(float(item.score), 4),
        "reasons": list(item.reasons),
        "edited": item.edited,
    }


def digest_to_dict(digest: Digest) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "title": digest.title,
        "topic": digest.topic,
        "period": digest.period,
        "language": digest.language,
        "highlights": [item_to_dict(i) for i in digest.highlights],
        "lessons": [
            {
                "title": lesson.title,
                "tips": [item_to_dict(i) for i in lesson.tips],
                "items": [item_to_dict(i) for i in lesson.items],
            }
            for lesson in digest.lessons
        ],
        "sources": [{"url": s.url, "title": s.title, "published": s.published} for s in digest.sources],
        "notes": list(digest.notes),
    }


def dumps(digest: Digest) -> str:
    """Stable JSON text: fixed key order, UTF-8 characters as-is, indent 2, trailing newline."""
    return json.dumps(digest_to_dict(digest), ensure_ascii=False, indent=2) + "\n"


def _invalid(why: str) -> DigestFileError:
    return DigestFileError(f"not a valid digest.json: {why}")


def _constant(name: str) -> None:
    raise _invalid(f"{name} is not a JSON number")


def _number(literal: str) -> float:
    value = float(literal)
    if value in (float("inf"), float("-inf")):
        raise _invalid(f"the number {literal[:20]} is too large for JSON to keep")
    return value


def _integer(literal: str) -> int:
    limit = sys.get_int_max_str_digits()  # Python refuses longer integer strings (0: no limit)
    if limit and len(literal.lstrip("-")) > limit:
        raise _invalid(f"a number has more digits than oogst reads ({limit:,})")
    return int(literal)


def loads(text: str) -> Digest:
    """A digest from digest.json text. What Python's json reads but JSON does not allow is
    refused, so that a digest is always written back as standard JSON: NaN and Infinity, numbers
    too large or too long to convert, lone surrogates (which cannot be written as UTF-8)."""
    try:  # the hooks raise DigestFileError for NaN, 1e400 and an integer of thousands of digits
        data = json.loads(text, parse_constant=_constant, parse_float=_number, parse_int=_integer)
    except json.JSONDecodeError as exc:
        raise DigestFileError(f"digest file is not valid JSON: {exc}") from None
    except RecursionError:
        raise DigestFileError("digest file is not usable JSON: nested too deeply") from None
    _refuse_surrogates(data)
    return digest_from_dict(data)


def _refuse_surrogates(data: Any) -> None:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value):
            raise DigestFileError(f"not a valid digest.json: the text {value[:40]!r} holds a lone UTF-16 surrogate")


MAX_FILE = 64 * 1024 * 1024  # a digest.json is a few hundred kB; anything near this is something else


def read(path: str | os.PathLike[str]) -> Digest:
    """A digest.json from disk; raises DigestFileError with one line an editor can act on.

    Only a regular file is read (a FIFO or a device would block or never end), at most
    ``MAX_FILE`` bytes, UTF-8 (a BOM is allowed); binary content, another encoding and JSON
    nested too deeply are named as such.
    """
    name = os.fspath(path)
    try:
        text = read_text(Path(name), MAX_FILE)
    except NoSuchFile as exc:
        raise DigestFileError(f"{name}: cannot read ({exc})") from None
    except InputError as exc:  # a folder, a FIFO, too large, binary, not UTF-8
        raise DigestFileError(f"{name}: {exc}") from None
    try:
        return loads(text)
    except DigestFileError as exc:
        raise DigestFileError(f"{name}: {exc}") from None


def _field(d: dict[str, Any], key: str, where: str) -> Any:
    if key not in d:
        raise DigestFileError(f"{where}: missing '{key}'")
    return d[key]


def _str(d: dict[str, Any], key: str, where: str, optional: bool = False) -> str | None:
    value = d.get(key) if optional else _field(d, key, where)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise DigestFileError(f"{where}: '{key}' must be a string, not {type(value).__name__}")
    return value


def _int(d: dict[str, Any], key: str, where: str) -> int:
    value = _field(d, key, where)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DigestFileError(f"{where}: '{key}' must be a whole number ≥ 0")
    return value


def _list(d: dict[str, Any], key: str, where: str) -> list[Any]:
    value = d.get(key, [])
    if not isinstance(value, list):
        raise DigestFileError(f"{where}: '{key}' must be a list")
    return value


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DigestFileError(f"{where}: must be an object, not {type(value).__name__}")
    return value


def item_from_dict(value: Any, where: str) -> DigestItem:
    d = _obj(value, where)
    text = {k: _str(d, k, where) for k in _ITEM_STR}
    optional = {k: _str(d, k, where, optional=True) for k in _ITEM_OPT_STR}
    if text["kind"] not in ITEM_KINDS:
        raise DigestFileError(f"{where}: 'kind' must be one of {', '.join(ITEM_KINDS)}, not {text['kind']!r}")
    start, end = _int(d, "start", where), _int(d, "end", where)
    if end < start:
        raise DigestFileError(f"{where}: 'end' ({end}) is before 'start' ({start})")
    score = d.get("score", 0.0)
    if isinstance(score, bool) or not isinstance(score, (int, float)):
        raise DigestFileError(f"{where}: 'score' must be a number")
    reasons = _list(d, "reasons", where)
    if not all(isinstance(r, str) for r in reasons):
        raise DigestFileError(f"{where}: 'reasons' must be a list of strings")
    edited = d.get("edited", False)
    if not isinstance(edited, bool):
        raise DigestFileError(f"{where}: 'edited' must be true or false")
    return DigestItem(
        id=str(text["id"]), kind=text["kind"], text=str(text["text"]),  # type: ignore[arg-type]
        speaker=optional["speaker"], speaker_role=optional["speaker_role"],
        source_url=str(text["source_url"]), published=optional["published"],
        start=start, end=end, score=float(score), reasons=tuple(reasons), edited=edited,
    )


def _items(d: dict[str, Any], key: str, where: str) -> tuple[DigestItem, ...]:
    prefix = f"{where}." if where else ""
    return tuple(item_from_dict(v, f"{prefix}{key}[{n}]") for n, v in enumerate(_list(d, key, where or "digest")))


def _lesson(value: Any, where: str) -> Lesson:
    d = _obj(value, where)
    return Lesson(title=str(_str(d, "title", where)), tips=_items(d, "tips", where), items=_items(d, "items", where))


def _source(value: Any, where: str) -> Source:
    d = _obj(value, where)
    return Source(url=str(_str(d, "url", where)), title=str(_str(d, "title", where)), published=_str(d, "published", where, optional=True))


def digest_from_dict(data: Any) -> Digest:
    """A validated ``Digest``; raises DigestFileError naming the first bad field."""
    d = _obj(data, "digest")
    version = _field(d, "schema_version", "digest")
    if version != SCHEMA_VERSION:
        raise DigestFileError(f"digest: schema_version {version!r} is not supported (expected {SCHEMA_VERSION})")
    language = str(_str(d, "language", "digest"))
    if language not in SUPPORTED:
        raise DigestFileError(f"digest: 'language' {language!r} is not supported; use one of {', '.join(SUPPORTED)}")
    notes = _list(d, "notes", "digest")
    if not all(isinstance(n, str) for n in notes):
        raise DigestFileError("digest: 'notes' must be a list of strings")
    return Digest(
        title=str(_str(d, "title", "digest")),
        topic=str(_str(d, "topic", "digest")),
        period=str(_str(d, "period", "digest")),
        language=language,
        highlights=_items(d, "highlights", ""),
        lessons=tuple(_lesson(v, f"lessons[{n}]") for n, v in enumerate(_list(d, "lessons", "digest"))),
        sources=tuple(_source(v, f"sources[{n}]") for n, v in enumerate(_list(d, "sources", "digest"))),
        notes=tuple(notes),
    )


__all__ = ["SCHEMA_VERSION", "digest_from_dict", "digest_to_dict", "dumps", "item_from_dict", "item_to_dict", "loads",
           "read"]
