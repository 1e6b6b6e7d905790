"""Drawing a Digest: self-contained HTML, a one-page A4 PDF, PNGs and Markdown.

    >>> from oogst.render import render
    >>> result = render(digest, Path("out"), json_text=digest_json)
    >>> result.paths["pdf"], result.warnings

The library never prints; everything worth knowing (shrunk type, items left out to keep
the PDF on one page, theme contrast problems) comes back in ``RenderResult.warnings``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from oogst.errors import RenderError
from oogst.models import Digest
from oogst.render.atomic import write_atomic
from oogst.render.html import render_html
from oogst.render.markdown import render_markdown
from oogst.render.pdf import render_pdf
from oogst.render.png import pdf_to_png, render_social
from oogst.render.theme import (Colors, Theme, contrast_problems, contrast_ratio,
                                default_theme, load_theme)

FORMATS: tuple[str, ...] = ("html", "pdf", "png", "md", "json")
FILE_NAMES = {"html": "digest.html", "pdf": "digest.pdf", "png": "digest.png",
              "png-social": "digest-social.png", "md": "digest.md", "json": "digest.json"}


@dataclass(frozen=True, slots=True)
class RenderResult:
    """Files written, by format (``png`` also gives ``png-social``), and what to tell the user."""

    paths: dict[str, Path]
    warnings: tuple[str, ...] = ()


def render(digest: Digest, out_dir: Path, formats: Sequence[str] = FORMATS, *,
           theme: Theme | None = None, json_text: str | None = None) -> RenderResult:
    """Write ``digest`` to ``out_dir`` in each of ``formats``.

    ``json`` writes ``json_text`` (the caller serialises the digest) and is skipped when it
    is None. ``png`` writes the A4 page at 150 dpi and a 1080×1350 social image.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise RenderError(f"unknown output format(s) {', '.join(map(repr, unknown))}; "
                          f"choose from {', '.join(FORMATS)}")
    theme = theme or default_theme()
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"cannot create output folder {str(out_dir)!r}: {exc.strerror}") from None
    paths: dict[str, Path] = {}
    warnings: list[str] = list(contrast_problems(theme))

    def write(key: str, data: str | bytes) -> None:
        path = out_dir / FILE_NAMES[key]
        try:
            write_atomic(path, data)  # temp file + fsync + os.replace: never a half-written file
        except OSError as exc:
            raise RenderError(f"cannot write {str(path)!r}: {exc.strerror}") from None
        paths[key] = path

    if "html" in formats or "md" in formats:
        html, input_warnings = render_html(digest, theme)
        warnings.extend(input_warnings)
        if "html" in formats:
            write("html", html)
        if "md" in formats:
            write("md", render_markdown(digest, theme)[0])
    if "pdf" in formats or "png" in formats:
        pdf, fit_warnings = render_pdf(digest, theme)
        warnings.extend(fit_warnings)
        if "pdf" in formats:
            write("pdf", pdf)
        if "png" in formats:
            write("png", pdf_to_png(pdf))
            social, social_warnings = render_social(digest, theme)
            warnings.extend(social_warnings)
            write("png-social", social)
    if "json" in formats and json_text is not None:
        write("json", json_text)
    return RenderResult(paths, tuple(dict.fromkeys(warnings)))


__all__ = ["FILE_NAMES", "FORMATS", "Colors", "RenderResult", "Theme", "contrast_problems",
           "contrast_ratio", "default_theme", "load_theme", "render"]
