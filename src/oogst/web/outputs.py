"""The digest as a download (HTML, PDF, PNG, Markdown, JSON) and as the editor's live preview.

Rendering a PDF takes seconds (WeasyPrint fits the page), so the last few are kept by the
digest's JSON text: exporting the PDF and then the PNG lays the page out once.
"""
from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from oogst.digest_json import dumps
from oogst.models import Digest, DigestItem
from oogst.render.html import render_html
from oogst.render.markdown import render_markdown
from oogst.render.pdf import render_pdf
from oogst.render.png import pdf_to_png, render_social
from oogst.render.theme import Theme, contrast_problems, default_theme
from oogst.web.inputs import upload_name

EXPORTS: dict[str, tuple[str, str]] = {  # format → (media type, file suffix)
    "html": ("text/html; charset=utf-8", "html"),
    "pdf": ("application/pdf", "pdf"),
    "png": ("image/png", "png"),
    "png-social": ("image/png", "social.png"),
    "md": ("text/markdown; charset=utf-8", "md"),
    "json": ("application/json", "json"),
}
KEEP = 4
# shown around the print HTML in the preview frame: an A4 sheet on a grey desk
_SHEET = ("<style>html{background:#d9dde3}body{width:210mm;min-height:297mm;margin:0 auto;"
          "padding:10mm 11mm 9mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25)}</style>")


@dataclass(frozen=True, slots=True)
class Export:
    data: bytes
    media_type: str
    filename: str
    warnings: tuple[str, ...]


def public_digest(digest: Digest) -> Digest:
    """The digest as it may be published: a source without a public (http) URL, such as an
    uploaded file, is cited by its title and file name, never by the server's path."""
    names: dict[str, str] = {}
    for url in dict.fromkeys([s.url for s in digest.sources] + [i.source_url for i in digest.all_items()]):
        if urlsplit(url).scheme.lower() in ("http", "https"):
            continue
        name, n = upload_name(url) or "upload", 1
        while (name if n == 1 else f"{name} ({n})") in names.values():
            n += 1
        names[url] = name if n == 1 else f"{name} ({n})"
    if not names:
        return digest

    def items(section: tuple[DigestItem, ...]) -> tuple[DigestItem, ...]:
        return tuple(replace(i, source_url=names.get(i.source_url, i.source_url)) for i in section)

    return replace(
        digest, highlights=items(digest.highlights),
        lessons=tuple(replace(lesson, tips=items(lesson.tips), items=items(lesson.items)) for lesson in digest.lessons),
        sources=tuple(replace(src, url=names.get(src.url, src.url)) for src in digest.sources))


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "digest"


class Outputs:
    def __init__(self, theme: Theme | None = None) -> None:
        self.theme = theme or default_theme()
        self._pdfs: OrderedDict[str, tuple[bytes, tuple[str, ...]]] = OrderedDict()
        self._lock = threading.Lock()
        self._rendering: dict[str, threading.Lock] = {}

    def pdf(self, digest: Digest) -> tuple[bytes, tuple[str, ...]]:
        digest = public_digest(digest)
        key = hashlib.sha256(dumps(digest).encode()).hexdigest()
        with self._lock:
            if key in self._pdfs:
                self._pdfs.move_to_end(key)
                return self._pdfs[key]
            rendering = self._rendering.setdefault(key, threading.Lock())
        with rendering:  # the page image and its fit notes ask at once: lay the page out once
            with self._lock:
                if key in self._pdfs:
                    return self._pdfs[key]
            result = render_pdf(digest, self.theme)
            with self._lock:
                self._pdfs[key] = result
                self._rendering.pop(key, None)
                while len(self._pdfs) > KEEP:
                    self._pdfs.popitem(last=False)
        return result

    def export(self, digest: Digest, fmt: str, digest_id: int) -> Export:
        digest = public_digest(digest)
        media, suffix = EXPORTS[fmt]
        warnings: tuple[str, ...] = tuple(contrast_problems(self.theme))
        if fmt == "html":
            html, more = render_html(digest, self.theme)
            data = html.encode()
        elif fmt == "md":
            text, more = render_markdown(digest, self.theme)
            data = text.encode()
        elif fmt == "json":
            data, more = dumps(digest).encode(), ()
        elif fmt == "png-social":
            data, more = render_social(digest, self.theme)
        else:
            pdf, more = self.pdf(digest)
            data = pdf if fmt == "pdf" else pdf_to_png(pdf)
        name = f"oogst-{digest_id}-{slug(digest.topic)}.{suffix}"
        return Export(data, media, name, warnings + tuple(more))

    def preview(self, digest: Digest, mode: str) -> str:
        """The HTML of the page as printed on an A4 sheet (``page``), or the web version (``screen``)."""
        digest = public_digest(digest)
        if mode == "screen":
            return render_html(digest, self.theme)[0]
        html = render_html(digest, self.theme, mode="print")[0]
        return html.replace("</head>", _SHEET + "</head>", 1)


__all__ = ["EXPORTS", "Export", "Outputs", "public_digest", "slug"]
