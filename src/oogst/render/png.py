"""Raster images: the A4 page at 150 dpi, and a 1080×1350 social card.

The social card is its own compact layout (highlights and one tip per lesson) set by
WeasyPrint on a 1080×1350 px page and rasterised by pdfium, so nothing is cropped.
"""
from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium

from oogst.models import Digest
from oogst.render.atomic import write_atomic
from oogst.render.fit import fit_one_page
from oogst.render.pdf import fit_warnings, pdf_layout
from oogst.render.theme import Theme
from oogst.render.view import DigestView, ItemKey, build_view

A4_DPI = 150
SOCIAL_SIZE = (1080, 1350)
SOCIAL_HIGHLIGHTS = 3
SOCIAL_LESSONS = 5
SOCIAL_SCALES = (1.0, 0.92, 0.85)


def pdf_to_png(pdf: bytes, dpi: int = A4_DPI, size: tuple[int, int] | None = None) -> bytes:
    """The first page of ``pdf`` as PNG, at ``dpi`` or scaled to exactly ``size`` pixels."""
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        width, height = page.get_size()
        scale = size[0] / width if size else dpi / 72
        image = page.render(scale=scale).to_pil()
        want = size or (round(width * scale), round(height * scale))
        if image.size != want:  # pdfium rounds up; trim the sub-pixel edge (A4: 1240×1754)
            image = image.crop((0, 0, *want)) if all(a >= b for a, b in zip(image.size, want)) else image.resize(want)
        buf = io.BytesIO()
        image.convert("RGB").save(buf, format="PNG", optimize=True)
        return buf.getvalue()
    finally:
        doc.close()


def social_omit(view: DigestView) -> frozenset[ItemKey]:
    """What the social card never shows: lesson items, extra tips, surplus highlights/lessons."""
    out = {i.key for lesson in view.lessons for i in lesson.items}
    out |= {t.key for lesson in view.lessons for t in lesson.tips[1:]}
    ranked = sorted(view.highlights, key=lambda v: -v.score)
    out |= {v.key for v in ranked[SOCIAL_HIGHLIGHTS:]}
    with_tips = [lesson for lesson in view.lessons if lesson.tips]
    out |= {t.key for lesson in with_tips[SOCIAL_LESSONS:] for t in lesson.tips}
    return frozenset(out)


def render_social(digest: Digest, theme: Theme) -> tuple[bytes, tuple[str, ...]]:
    """The 1080×1350 PNG; drops the weakest highlights, then trailing tips, to fit."""
    view, _ = build_view(digest, frozenset(), theme.language)
    base_omit = social_omit(view)
    shown, _ = build_view(digest, base_omit, theme.language)
    order = [h.key for h in sorted(shown.highlights, key=lambda v: v.score)][:-1]
    order += [lesson.tips[0].key for lesson in reversed(shown.lessons) if lesson.tips]
    inner = pdf_layout(digest, theme, "social")
    fit = fit_one_page(lambda s, omit: inner(s, base_omit | omit), order,
                       SOCIAL_SCALES, what="social image")
    warnings = fit_warnings("social png", shown, 1.0, fit.dropped)
    return pdf_to_png(fit.document.write_pdf(), size=SOCIAL_SIZE), warnings[:-1]


def write_pngs(pdf: bytes, digest: Digest, theme: Theme, a4_path: Path,
               social_path: Path) -> tuple[str, ...]:
    write_atomic(a4_path, pdf_to_png(pdf))
    data, warnings = render_social(digest, theme)
    write_atomic(social_path, data)
    return warnings
