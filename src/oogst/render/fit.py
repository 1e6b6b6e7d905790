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


# How content height follows the type scale: text reflows, so both the line height and the
# number of lines grow with the scale (height ~ scale**2). Measured on the demo digest between
# 0.9 and 1.0: exponent 2.1. A prediction that is off is caught by the confirming layout.
HEIGHT_EXPONENT = 2.0


def pages_needed(doc: Document) -> float:
    """How many pages of content ``doc`` holds, fractionally: full pages plus the used part of
    the last one (the lowest box bottom on it, over the page's content height)."""
    pages = [p._page_box for p in doc.pages]
    last = pages[-1]
    avail = last.height or 1.0
    bottom = last.content_box_y()
    stack = list(getattr(last, "children", ()) or ())
    while stack:
        box = stack.pop()
        y = getattr(box, "position_y", None)
        if y is not None and hasattr(box, "margin_height"):
            bottom = max(bottom, y + box.margin_height())
        stack.extend(getattr(box, "children", ()) or ())
    return len(pages) - 1 + max(0.0, bottom - last.content_box_y()) / avail


def fit_one_page(layout: Layout, order: Sequence[ItemKey],
                 scales: Sequence[float] = SCALES, what: str = "page",
                 measure: Callable[[Document], float] = pages_needed) -> Fit:
    """Lay out until the result is exactly one page; never cut text, never a second page.

    One layout at the base size (1.0) measures how many pages the content needs; the scale
    that should just fill one page is predicted from it (``HEIGHT_EXPONENT``) and confirmed by
    a second layout. Only when the prediction was too large does it step down a size at a
    time. If nothing fits at the smallest scale, it finds the fewest items from ``order`` to
    leave out (binary search: leaving out more never makes it longer).
    """
    fits: dict[int, Document] = {}
    tried: set[int] = set()

    def probe(i: int) -> bool:
        tried.add(i)
        doc = layout(scales[i], frozenset())
        if len(doc.pages) == 1:
            fits[i] = doc
        return i in fits

    last = len(scales) - 1
    base = scales.index(1.0) if 1.0 in scales else 0
    tried.add(base)
    base_doc = layout(scales[base], frozenset())
    if len(base_doc.pages) == 1:
        fits[base] = base_doc
    need = measure(base_doc)
    target = scales[base] * (1.0 / need) ** (1.0 / HEIGHT_EXPONENT) if need > 0 else scales[0]
    first = next((i for i, s in enumerate(scales) if s <= target + 1e-9), last)
    # a base that fits bounds the prediction from below, one that does not from above
    first = min(first, base) if base in fits else max(first, base + 1)
    for i in range(first, last + 1):  # confirm the prediction; step down only if it was too large
        if i in fits or (i not in tried and probe(i)):
            return Fit(fits[i], scales[i], ())
    scale = scales[-1]
    lo, hi, best_drop = 1, len(order), None
    while lo <= hi:
        mid = (lo + hi) // 2
        doc = layout(scale, frozenset(order[:mid]))
        if len(doc.pages) == 1:
            best_drop, hi = (mid, doc), mid - 1
        else:
            lo = mid + 1
    if best_drop is None:
        raise RenderError(f"the {what} does not fit on one page even with every item left out; "
                          "shorten the title, lesson titles or source list")
    return Fit(best_drop[1], scale, tuple(order[:best_drop[0]]))
