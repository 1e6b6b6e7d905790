"""Server-rendered pages: one Jinja2 environment (autoescaped), one way to answer with a page."""
from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.responses import HTMLResponse, RedirectResponse

from oogst import __version__
from oogst.render.labels import format_date
from oogst.web.inputs import upload_name

KIND_LABELS = {"quote": "quote", "paraphrase": "paraphrase", "takeaway": "key point", "advice": "advice"}


def short_url(url: str) -> str:
    """A URL without its scheme, shortened in the middle; a local file by its name only (an
    upload by the name it was uploaded with, without the content hash)."""
    if url.startswith(("file://", "/")):
        return upload_name(url.rstrip("/"))
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix):]
    return url if len(url) <= 70 else url[:40] + "…" + url[-28:]


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("oogst.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["short_url"] = short_url
    env.filters["date"] = lambda v: format_date(v, "en") if v else "undated"
    env.filters["pct"] = lambda v: f"{round(float(v) * 100)}"
    env.filters["urlencode_query"] = urlencode
    env.globals.update(kind_labels=KIND_LABELS, version=__version__)
    return env


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` with the request's CSRF token and the current section."""
    html = environment().get_template(template).render(
        request=request, csrf=request.state.csrf, path=request.url.path,
        auth=getattr(request.app.state, "settings").token is not None, **context)
    return HTMLResponse(html, status_code=status)


def back(url: str) -> RedirectResponse:
    """After a form POST: see the result with a GET (no resubmission on reload)."""
    return RedirectResponse(url, status_code=303)


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


__all__ = ["back", "environment", "page", "short_url", "wants_json"]
