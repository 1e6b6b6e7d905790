"""The one-page A4 PDF (WeasyPrint): fonts embedded, text selectable, links live."""
from __future__ import annotations

from pathlib import Path

from weasyprint import HTML, Document
from weasyprint.urls import URLFetcher
from weasyprint.text.fonts import FontConfiguration

from oogst.models import Digest
from oogst.render.atomic import write_atomic
from oogst.render.fit import drop_order, fit_one_page
from oogst.render.html import Mode, html_from_view
from oogst.render.theme import Theme
from oogst.render.view import DigestView, ItemKey, build_view


def offline_fetcher() -> URLFetcher:
    """Only inline ``data:`` resources; oogst never touches the network while rendering."""
    return URLFetcher(allowed_protocols=("data",), allow_redirects=False)


def layout_html(html: str) -> Document:
    return HTML(string=html, base_url=None, url_fetcher=offline_fetcher()).render(
        font_config=FontConfiguration())


def pdf_layout(digest: Digest, theme: Theme, mode: Mode = "print"):
    """A layout function for :func:`fit_one_page`: (scale, omitted keys) → Document."""
    def layout(scale: float, omit: frozenset[ItemKey]) -> Document:
        view, _ = build_view(digest, omit, theme.language)
        return layout_html(html_from_view(view, theme, mode, scale))
    return layout


def render_pdf(digest: Digest, theme: Theme) -> tuple[bytes, tuple[str, ...]]:
    """One A4 page of ``digest`` as PDF bytes, and warnings naming what was shrunk or left out."""
    view, _ = build_view(digest, frozenset(), theme.language)
    fit = fit_one_page(pdf_layout(digest, theme), drop_order(view), what="A4 digest")
    return fit.document.write_pdf(), fit_warnings("pdf", view, fit.scale, fit.dropped)


def fit_warnings(label: str, view: DigestView, scale: float, dropped: tuple[ItemKey, ...]) -> tuple[str, ...]:
    if scale == 1.0 and not dropped:
        return ()
    out = []
    if scale < 1.0:
        out.append(f"{label}: type set at {round(scale * 100)}% of base size to fit one page")
    by_key = {v.key: v for v in view.all_items()}
    for key in dropped:
        out.append(f"{label}: left out to fit one page: {by_key[key].describe()} "
                   f"[{place(view, key)}]")
    if dropped:
        total = len(by_key)
        out.append(f"{label}: kept {total - len(dropped)} of {total} items")
    return tuple(out)


def place(view: DigestView, key: ItemKey) -> str:
    """Where an item sits: the highlights, or which lesson (and whether as its tip)."""
    if key[0] == "h":
        return view.labels["highlights"].lower()
    title = next((lesson.title for lesson in view.lessons if lesson.index == key[1]), "?")
    return f"{view.labels['tip'].lower()}, {title}" if key[0] == "t" else title


def write_pdf(digest: Digest, theme: Theme, path: Path) -> tuple[bytes, tuple[str, ...]]:
    data, warnings = render_pdf(digest, theme)
    write_atomic(path, data)
    return data, warnings
