"""The one-page rule: shrink the type within readable limits, then leave out the weakest items.

Generic over what is laid out: the A4 digest and the social image both use it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from weasyprint import Document

from oogst.errors import RenderError
from oogst.render.view import DigestView, ItemKey, ItemView

# Largest first. Above 1.0 fills a sparse page; never below 75 % of the base size.
SCALES: tuple[float, ...] = (1.3, 1.25, 1.2, 1.15, 1.1, 1.05, 1.0, 0.95, 0.9, 0.85, 0.8, 0.75)

Layout = Callable[[float, frozenset[ItemKey]], Document]


@dataclass(frozen=True, slots=True)
class Fit:
    document: Document
    scale: float
    dropped: tuple[ItemKey, ...]


def drop_order(view: DigestView) -> list[ItemKey]:
    """Which items go first when space runs out: lowest score first, later position first.

    Round 1 keeps the best highlight and the best item of every lesson; round 2 lets those
    go; tips go last of all, only when nothing else is left.
    """
    def weakest_first(items: list[ItemView]) -> list[ItemKey]:
        ordered = sorted(enumerate(items), key=lambda p: (p[1].score, -p[0]))
        return [v.key for _, v in ordered]

    keepers: list[ItemView] = []
    round1: list[ItemView] = []
    groups = [list(view.highlights)] + [list(lesson.items) for lesson in view.lessons]
    for group in groups:
        if group:
            best = max(group, key=lambda v: v.score)
            keepers.append(best)
            round1.extend(v for v in group if v is not best)
    tips = [t for lesson in view.lessons for t in lesson.tips]
    return weakest_first(round1) + weakest_first(keepers) + weakest_first(tips)


def fit_one_page(layout: Layout, order: Sequence[ItemKey],
                 scales: Sequence[float] = SCALES, what: str = "page") -> Fit:
    """Lay out until the result is exactly one page; never cut text, never a second page.

    Finds the largest scale at which everything fits (binary search, probing 1.0 and then
    the smallest scale first); if nothing fits at the smallest scale, finds the fewest items
    from ``order`` to leave out (binary search: leaving out more never makes it longer).
    """
    fits: dict[int, Document] = {}

    def probe(i: int) -> bool:
        doc = layout(scales[i], frozenset())
        if len(doc.pages) == 1:
            fits[i] = doc
        return i in fits

    last = len(scales) - 1
    base = scales.index(1.0) if 1.0 in scales else 0
    lo, hi = (0, base - 1) if probe(base) else (base + 1, last - 1) if probe(last) else (1, 0)
    while lo <= hi:
        mid = (lo + hi) // 2
        lo, hi = (lo, mid - 1) if probe(mid) else (mid + 1, hi)
    if fits:
        i = min(fits)
        return Fit(fits[i], scales[i], ())
    scale = scales[-1]
    lo, hi, best = 1, len(order), None
    while lo <= hi:
        mid = (lo + hi) // 2
        doc = layout(scale, frozenset(order[:mid]))
        if len(doc.pages) == 1:
            best, hi = (mid, doc), mid - 1
        else:
            lo = mid + 1
    if best is None:
        raise RenderError(f"the {what} does not fit on one page even with every item left out; "
                          "shorten the title, lesson titles or source list")
    return Fit(best[1], scale, tuple(order[:best[0]]))
