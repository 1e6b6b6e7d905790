"""What the editor page shows: the digest's sections, the candidates, the check, in plain records."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from oogst.models import Digest, DigestItem
from oogst.store import Store
from oogst.web.candidates import CandidateFilter, page
from oogst.web.editing import place_key, places
from oogst.web import i18n
from oogst.web.i18n import _
from oogst.web.workspace import Workspace, diff_segments


@dataclass(frozen=True, slots=True)
class ItemRow:
    item: DigestItem
    place: str  # its place key: h, t0, i0 …
    original: str | None  # the stored source span; None when the source is gone
    source_title: str

    @property
    def shortened(self) -> bool:
        return self.original is not None and self.item.text != self.original


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    label: str
    items: tuple[ItemRow, ...]


@dataclass(frozen=True, slots=True)
class LessonRow:
    index: int
    title: str
    tips: Section
    items: Section


def place_options(digest: Digest) -> list[tuple[str, str]]:
    """(place key, label) for every section, for the "add to" and "move to" lists."""
    out = [("h", _("Highlights"))]
    for n, lesson in enumerate(digest.lessons):
        name = lesson.title if len(lesson.title) <= 24 else lesson.title[:22].rstrip() + "…"
        out += [(f"t{n}", _("%(n)s. %(name)s · tip", n=n + 1, name=name)),
                (f"i{n}", _("%(n)s. %(name)s · statements", n=n + 1, name=name))]
    return out


def default_place(kind: str, digest: Digest) -> str:
    if kind == "advice" and digest.lessons:
        return "t0"
    return "h"


def refusal(original: str | None, text: str, reason: str | None) -> dict[str, Any]:
    """What the shorten form shows: the text as typed, why it was refused, the difference."""
    return {"text": text, "reason": i18n.reason(reason) if reason else reason,
            "segments": diff_segments(original, text) if original else []}


def context(ws: Workspace, st: Store, digest_id: int, digest: Digest, flt: CandidateFilter,
            refused: dict[str, dict[str, Any]] | None = None, message: str | None = None) -> dict[str, Any]:
    titles = {s.url: s.title for s in digest.sources}

    def row(item: DigestItem, key: str) -> ItemRow:
        return ItemRow(item, key, ws.original(st, item), titles.get(item.source_url, item.source_url))

    sections = {place_key(p): tuple(row(i, place_key(p)) for i in items) for p, items in places(digest)}
    options = place_options(digest)
    labels = dict(options)
    lessons = [LessonRow(n, lesson.title, Section(f"t{n}", labels[f"t{n}"], sections[f"t{n}"]),
                         Section(f"i{n}", labels[f"i{n}"], sections[f"i{n}"]))
               for n, lesson in enumerate(digest.lessons)]
    where = {r.item.id: labels[r.place] for rows in sections.values() for r in rows}
    candidates = ws.candidates(st, digest)
    violations = ws.violations(st, digest, fresh=False)
    return {
        "digest_id": digest_id, "digest": digest, "filter": flt,
        "highlights": Section("h", _("Highlights"), sections["h"]), "lessons": lessons,
        "options": options, "where": where, "default_place": default_place,
        "cands": page(candidates, flt, set(where)), "violations": violations,
        "n_items": len(digest.all_items()), "refused": refused or {}, "message": message,
        "back_query": flt.query(), "editor_notes": ws.notes(st, digest),
    }


__all__ = ["ItemRow", "LessonRow", "Section", "context", "default_place", "place_options", "refusal"]
