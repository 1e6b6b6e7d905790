"""Server-rendered pages: one Jinja2 environment (autoescaped), one way to answer with a page."""
from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.responses import HTMLResponse, RedirectResponse

from oogst import __version__
from oogst.web import i18n
from oogst.web.i18n import _
from oogst.web.inputs import upload_name

def kind_labels() -> dict[str, str]:
    return {"quote": _("quote"), "paraphrase": _("paraphrase"), "takeaway": _("key point"), "advice": _("advice")}


def status_labels() -> dict[str, str]:
    """The words for a source's or a run's state (pills and counts)."""
    return {"added": _("added"), "updated": _("updated"), "unchanged": _("unchanged"), "skipped": _("skipped"),
            "failed": _("failed"), "queued": _("queued"), "running": _("running"), "done": _("done"),
            "stopped": _("stopped"), "error": _("error")}


def js_messages() -> dict[str, object]:
    """The texts app.js shows, in the page's language (it has no catalogue of its own)."""
    return {"faithful": _("✓ Faithful: only words left out"), "refused": _("✕ Refused: %(reason)s"),
            "not_faithful": _("not faithful"), "left_out": _("left out"), "not_in_source": _("not in the source"),
            "unavailable": _("The check is not available; saving checks the text again."),
            "of": _("%(done)s of %(total)s"), "status": status_labels(), "busy": _("Working…")}


def short_url(url: str) -> str:
    """A URL without its scheme, shortened in the middle; a local file by its name only (an
    upload by the name it was uploaded with, without the content hash)."""
    if url.startswith(("file://", "/")):
        return upload_name(url.rstrip("/"))
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix):]
    return url if len(url) <= 70 else url[:40] + "…" + url[-28:]


@lru_cache(maxsize=None)
def environment(language: str = i18n.DEFAULT) -> Environment:
    """The templates in ``language``: one environment per language, its catalogue installed."""
    env = Environment(loader=PackageLoader("oogst.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(i18n.translations(language), newstyle=True)  # type: ignore[attr-defined]
    env.filters["short_url"] = short_url
    env.filters["date"] = lambda v: i18n.format_date(v, language) if v else _("undated")
    env.filters["pct"] = lambda v: f"{round(float(v) * 100)}"
    env.filters["urlencode_query"] = urlencode
    env.filters["reason"] = i18n.reason
    env.globals.update(version=__version__)
    return env


CSRF_STAND_IN = "oogst-csrf-stand-in-3f9c1e"  # a page cached for every session carries this instead of the token


def render(request: Request, template: str, *, csrf: str | None = None, **context: Any) -> str:
    """``template`` as HTML in the request's language, with the CSRF token (``csrf``: another
    value in its place) and the current section."""
    language = i18n.current()
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return environment(language).get_template(template).render(
        request=request, csrf=request.state.csrf if csrf is None else csrf, path=request.url.path, here=here,
        lang=language, languages=[(code, i18n.name(code)) for code in i18n.available()],
        kind_labels=kind_labels(), status_labels=status_labels(), js_messages=js_messages(),
        auth=getattr(request.app.state, "settings").token is not None, **context)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` in the request's language, with its CSRF token and the current section."""
    return html_page(render(request, template, **context), status)


def html_page(html: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(html, status_code=status, headers={"content-language": i18n.current()})


def back(url: str) -> RedirectResponse:
    """After a form POST: see the result with a GET (no resubmission on reload)."""
    return RedirectResponse(url, status_code=303)


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


__all__ = ["CSRF_STAND_IN", "back", "environment", "html_page", "kind_labels", "page", "render", "short_url", "status_labels", "wants_json"]
