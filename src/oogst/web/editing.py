"""Pure edits of a Digest, as the editor makes them: every function returns a new Digest.

Items are addressed by id (an id appears at most once in a digest: adding an item that is
already there moves it), sections by a ``Place``: ``("h", 0)`` the highlights, ``("t", n)``
the tips of lesson ``n``, ``("i", n)`` its statements. Text may only change through
:func:`set_text`, after the caller checked that the new text is faithful to the source.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from oogst.errors import InputError
from oogst.models import Digest, DigestItem, Lesson, Source

Place = tuple[str, int]
HIGHLIGHTS: Place = ("h", 0)
_PLACE = re.compile(r"^(h|t|i)(\d{0,3})$")


def parse_place(value: str, digest: Digest) -> Place:
    """``h``, ``t2``, ``i0`` → a Place that exists in ``digest``; InputError otherwise."""
    m = _PLACE.match(value or "")
    if not m or (m.group(1) != "h" and not m.group(2)):
        raise InputError(f"unknown place {value!r}")
    if m.group(1) == "h":
        return HIGHLIGHTS
    n = int(m.group(2))
    if n >= len(digest.lessons):
        raise InputError(f"there is no lesson {n + 1}")
    return (m.group(1), n)


def place_key(place: Place) -> str:
    return "h" if place[0] == "h" else f"{place[0]}{place[1]}"


def places(digest: Digest) -> list[tuple[Place, tuple[DigestItem, ...]]]:
    out: list[tuple[Place, tuple[DigestItem, ...]]] = [(HIGHLIGHTS, digest.highlights)]
    for n, lesson in enumerate(digest.lessons):
        out += [(("t", n), lesson.tips), (("i", n), lesson.items)]
    return out


def locate(digest: Digest, item_id: str) -> tuple[Place, int] | None:
    for place, items in places(digest):
        for i, item in enumerate(items):
            if item.id == item_id:
                return place, i
    return None


def get_item(digest: Digest, item_id: str) -> DigestItem:
    where = locate(digest, item_id)
    if where is None:
        raise InputError("that item is no longer in the digest; reload the page")
    place, i = where
    return dict(places(digest))[place][i]


def _section(digest: Digest, place: Place) -> tuple[DigestItem, ...]:
    return dict(places(digest))[place]


def _put(digest: Digest, place: Place, items: tuple[DigestItem, ...]) -> Digest:
    kind, n = place
    if kind == "h":
        return replace(digest, highlights=items)
    lessons = list(digest.lessons)
    lessons[n] = replace(lessons[n], tips=items) if kind == "t" else replace(lessons[n], items=items)
    return replace(digest, lessons=tuple(lessons))


def remove(digest: Digest, item_id: str) -> Digest:
    where = locate(digest, item_id)
    if where is None:
        return digest
    place, i = where
    items = _section(digest, place)
    return _put(digest, place, items[:i] + items[i + 1:])


def insert(digest: Digest, item: DigestItem, place: Place, index: int | None = None) -> Digest:
    """Put ``item`` at ``index`` of ``place`` (the end when None), taking it from where it was.

    A lesson has one tip: an item put into a tip slot replaces the tip there. The tip it
    replaces takes the item's old place in the digest (a swap), or, when the item came from
    the candidates, leaves the digest (it stays a candidate).
    """
    origin = locate(digest, item.id)
    digest = remove(digest, item.id)
    if place[0] == "t":
        replaced = _section(digest, place)
        digest = _put(digest, place, (item,))
        if replaced and origin is not None and origin[0] != place:
            back, at = origin
            items = _section(digest, back)
            digest = _put(digest, back, items[:at] + replaced + items[at:])
        return digest
    items = _section(digest, place)
    at = len(items) if index is None else max(0, min(index, len(items)))
    return _put(digest, place, items[:at] + (item,) + items[at:])


def move(digest: Digest, item_id: str, place: Place, index: int | None = None) -> Digest:
    return insert(digest, get_item(digest, item_id), place, index)


def nudge(digest: Digest, item_id: str, delta: int) -> Digest:
    """One step up (-1) or down (+1) within its section."""
    where = locate(digest, item_id)
    if where is None:
        raise InputError("that item is no longer in the digest; reload the page")
    place, i = where
    return move(digest, item_id, place, max(0, i + delta))


def set_text(digest: Digest, item_id: str, text: str) -> Digest:
    place, i = locate(digest, item_id) or (None, -1)
    if place is None:
        raise InputError("that item is no longer in the digest; reload the page")
    items = list(_section(digest, place))
    items[i] = replace(items[i], text=text, edited=False)
    return _put(digest, place, tuple(items))


def _lesson_index(digest: Digest, n: int) -> int:
    if not 0 <= n < len(digest.lessons):
        raise InputError(f"there is no lesson {n + 1}")
    return n


def _title(value: str, what: str) -> str:
    title = " ".join((value or "").split())
    if not title:
        raise InputError(f"the {what} cannot be empty")
    if len(title) > 200:
        raise InputError(f"the {what} is longer than 200 characters")
    return title


def set_title(digest: Digest, title: str) -> Digest:
    return replace(digest, title=_title(title, "title"))


def set_lesson_title(digest: Digest, n: int, title: str) -> Digest:
    lessons = list(digest.lessons)
    i = _lesson_index(digest, n)
    lessons[i] = replace(lessons[i], title=_title(title, "lesson title"))
    return replace(digest, lessons=tuple(lessons))


def add_lesson(digest: Digest, title: str) -> Digest:
    return replace(digest, lessons=digest.lessons + (Lesson(_title(title, "lesson title"), (), ()),))


def remove_lesson(digest: Digest, n: int) -> Digest:
    i = _lesson_index(digest, n)
    return replace(digest, lessons=digest.lessons[:i] + digest.lessons[i + 1:])


def move_lesson(digest: Digest, n: int, delta: int) -> Digest:
    i = _lesson_index(digest, n)
    j = max(0, min(len(digest.lessons) - 1, i + delta))
    lessons = list(digest.lessons)
    lessons.insert(j, lessons.pop(i))
    return replace(digest, lessons=tuple(lessons))


def remove_note(digest: Digest, n: int) -> Digest:
    if not 0 <= n < len(digest.notes):
        return digest
    return replace(digest, notes=digest.notes[:n] + digest.notes[n + 1:])


def refresh_sources(digest: Digest, lookup: Callable[[str], Source | None]) -> Digest:
    """The numbered source list again: every cited URL once, in order of first appearance."""
    known = {s.url: s for s in digest.sources}
    out: list[Source] = []
    for url in dict.fromkeys(i.source_url for i in digest.all_items()):
        src = known.get(url) or lookup(url)
        out.append(src or Source(url, url, None))
    return replace(digest, sources=tuple(out))


__all__ = ["HIGHLIGHTS", "Place", "add_lesson", "get_item", "insert", "locate", "move", "move_lesson",
           "nudge", "parse_place", "place_key", "places", "refresh_sources", "remove", "remove_lesson",
           "remove_note", "set_lesson_title", "set_text", "set_title"]
