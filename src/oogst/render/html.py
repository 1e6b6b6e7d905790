"""HTML for the screen (responsive, self-contained) and for print (the PDF's source)."""
from __future__ import annotations

from functools import lru_cache
from typing import Literal

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from oogst.models import Digest
from oogst.render.theme import Theme
from oogst.render.view import DigestView, ItemKey, balance, build_view, chunks

Mode = Literal["screen", "print", "social"]
BASE_PT = 9.6  # print body size at scale 1.0
SMALL_PT = 7.0  # print source list at scale 1.0
MIN_SMALL_PT = 6.0


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=PackageLoader("oogst.render", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def html_from_view(view: DigestView, theme: Theme, mode: Mode = "screen", scale: float = 1.0) -> str:
    """Fill the template for ``mode``; ``scale`` shrinks the print type (1.0 = base size)."""
    template = "social.html.j2" if mode == "social" else "digest.html.j2"
    return environment().get_template(template).render(
        view=view, theme=theme, mode=mode, c=theme.colors,
        # font stacks are validated by Theme, so they may go into the stylesheet verbatim
        fonts_body=Markup(theme.font_stack("body")),
        fonts_heading=Markup(theme.font_stack("heading")),
        balance=balance, chunks=chunks, base=BASE_PT * scale, small=min(SMALL_PT * 1.1, max(MIN_SMALL_PT, SMALL_PT * scale)), scale=scale,
    )


def render_html(digest: Digest, theme: Theme, mode: Mode = "screen", scale: float = 1.0,
                omit: frozenset[ItemKey] = frozenset()) -> tuple[str, tuple[str, ...]]:
    """The HTML of ``digest`` and warnings about its input (e.g. a source missing from the list)."""
    view, warnings = build_view(digest, omit, theme.language)
    return html_from_view(view, theme, mode, scale), warnings
