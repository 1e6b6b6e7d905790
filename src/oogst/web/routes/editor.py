"""The editor of one digest: choose, arrange and shorten items; every change is saved at once.

Each action is a plain form POST that answers with a redirect back to the editor; sent by
script with ``Accept: application/json`` it answers ``{"ok": true}`` instead.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.responses import JSONResponse, Response

from oogst.check import AbridgementResult
from oogst.digest import to_digest_item
from oogst.errors import InputError
from oogst.models import Digest
from oogst.store import Store
from oogst.web import editing
from oogst.web.candidates import CandidateFilter
from oogst.web.editor_view import context, refusal
from oogst.web.i18n import _
from oogst.web import i18n
from oogst.web.pages import CSRF_STAND_IN, back, html_page, page, render, wants_json
from oogst.web.workspace import Workspace

router = APIRouter()
_BACK_KEYS = ("kind", "source", "speaker", "q", "min_score", "hide_used", "limit")

Change = Callable[[Store, Digest, FormData], Digest]


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _back(digest_id: int, form: FormData, anchor: str = "") -> str:
    """The editor again, with the candidate filters the form came from."""
    pairs = [(k, v) for k, v in parse_qsl(_field(form, "back"))[:20] if k in _BACK_KEYS]
    query = f"?{urlencode(pairs)}" if pairs else ""
    return f"/digests/{digest_id}{query}" + (f"#{anchor}" if anchor else "")


async def _edit(request: Request, digest_id: int, change: Change, anchor: str = "") -> Response:
    ws = request.app.state.workspace
    form = await request.form()

    def work() -> None:
        with ws.editing(digest_id), ws.store() as st:
            ws.save(st, digest_id, change(st, ws.load(st, digest_id), form))

    await run_in_threadpool(work)
    if wants_json(request):
        return JSONResponse({"ok": True})
    return back(_back(digest_id, form, anchor))


@router.get("/digests/{digest_id}")
def editor_page(request: Request, digest_id: int) -> Response:
    ws = request.app.state.workspace
    flt = CandidateFilter.from_query(request.query_params)
    with ws.store() as st:
        digest = ws.load(st, digest_id)

        def make() -> str:  # the same for every session but for the CSRF token: made once, kept a while
            return render(request, "editor.html", csrf=CSRF_STAND_IN, **context(ws, st, digest_id, digest, flt))

        key = (i18n.current(), request.url.path, request.url.query, digest_id, digest)
        html = ws.cached_page(key, make)
    return html_page(html.replace(CSRF_STAND_IN, request.state.csrf))


@router.post("/digests/{digest_id}/title")
async def set_title(request: Request, digest_id: int) -> Response:
    return await _edit(request, digest_id, lambda st, d, f: editing.set_title(d, _field(f, "title")))


def _add(st: Store, digest: Digest, form: FormData, ws: Workspace) -> Digest:
    wanted = _field(form, "candidate")
    found = next((c for c in ws.candidates(st, digest) if c.item.id == wanted), None)
    if found is None:
        raise InputError(_("that candidate is no longer there (the sources changed?); reload the page"))
    return editing.insert(digest, to_digest_item(found), editing.parse_place(_field(form, "to"), digest))


@router.post("/digests/{digest_id}/items/add")
async def add_item(request: Request, digest_id: int) -> Response:
    form = await request.form()
    ws = request.app.state.workspace
    return await _edit(request, digest_id, lambda st, d, f: _add(st, d, f, ws),
                       f"item-{_field(form, 'candidate')}")


def _move(digest: Digest, form: FormData) -> Digest:
    item_id = _field(form, "item")
    delta = _field(form, "delta")
    if delta in ("-1", "1"):
        return editing.nudge(digest, item_id, int(delta))
    index = _field(form, "index")
    return editing.move(digest, item_id, editing.parse_place(_field(form, "to"), digest),
                        int(index) if index.isdigit() else None)


@router.post("/digests/{digest_id}/items/move")
async def move_item(request: Request, digest_id: int) -> Response:
    form = await request.form()
    return await _edit(request, digest_id, lambda st, d, f: _move(d, f), f"item-{_field(form, 'item')}")


@router.post("/digests/{digest_id}/items/remove")
async def remove_item(request: Request, digest_id: int) -> Response:
    return await _edit(request, digest_id, lambda st, d, f: editing.remove(d, _field(f, "item")), "arrangement")


@router.post("/digests/{digest_id}/check")
async def check_text(request: Request, digest_id: int) -> Response:
    """The live check of a shortened text: faithful or not, why, and the difference."""
    form = await request.form()
    ws = request.app.state.workspace

    def work() -> tuple[AbridgementResult, str | None]:
        with ws.store() as st:
            digest = ws.load(st, digest_id)
            item = editing.get_item(digest, _field(form, "item"))
            return ws.check_text(st, item, _field(form, "text"), digest.language), ws.original(st, item)

    result, original = await run_in_threadpool(work)
    return JSONResponse({"ok": result.ok, **refusal(original, _field(form, "text"), result.reason)})


@router.post("/digests/{digest_id}/items/text")
async def shorten(request: Request, digest_id: int) -> Response:
    """Save a shortened text, but only a faithful abridgement; otherwise show why (422)."""
    form = await request.form()
    item_id, text = _field(form, "item"), _field(form, "text").strip()
    ws = request.app.state.workspace

    def work() -> tuple[AbridgementResult, str | None, dict[str, Any] | None]:
        with ws.editing(digest_id), ws.store() as st:
            digest = ws.load(st, digest_id)
            item = editing.get_item(digest, item_id)
            result, original = ws.check_text(st, item, text, digest.language), ws.original(st, item)
            if result.ok:
                ws.save(st, digest_id, editing.set_text(digest, item_id, text))
                return result, original, None
            flt = CandidateFilter.from_query(dict(parse_qsl(_field(form, "back"))))
            return result, original, context(ws, st, digest_id, digest, flt,
                                             refused={item_id: refusal(original, text, result.reason)},
                                             message=_("The shortened text was not saved: it changes what was said."))

    result, original, refused_page = await run_in_threadpool(work)
    if refused_page is not None and not wants_json(request):
        return page(request, "editor.html", status=422, **refused_page)
    if wants_json(request):
        return JSONResponse({"ok": result.ok, **refusal(original, text, result.reason)},
                            status_code=200 if result.ok else 422)
    return back(_back(digest_id, form, f"item-{item_id}"))


def _restore(st: Store, digest: Digest, form: FormData, ws: Workspace) -> Digest:
    item = editing.get_item(digest, _field(form, "item"))
    original = ws.original(st, item)
    if original is None:
        raise InputError("the source text of this item is not in the store")
    return editing.set_text(digest, item.id, original)


@router.post("/digests/{digest_id}/items/restore")
async def restore(request: Request, digest_id: int) -> Response:
    form = await request.form()
    ws = request.app.state.workspace
    return await _edit(request, digest_id, lambda st, d, f: _restore(st, d, f, ws), f"item-{_field(form, 'item')}")


@router.post("/digests/{digest_id}/lessons/add")
async def add_lesson(request: Request, digest_id: int) -> Response:
    return await _edit(request, digest_id, lambda st, d, f: editing.add_lesson(d, _field(f, "title")), "arrangement-end")


@router.post("/digests/{digest_id}/lessons/{n}/title")
async def lesson_title(request: Request, digest_id: int, n: int) -> Response:
    return await _edit(request, digest_id, lambda st, d, f: editing.set_lesson_title(d, n, _field(f, "title")), f"lesson-{n}")


@router.post("/digests/{digest_id}/lessons/{n}/move")
async def move_lesson(request: Request, digest_id: int, n: int) -> Response:
    form = await request.form()
    delta = -1 if _field(form, "delta") == "-1" else 1
    return await _edit(request, digest_id, lambda st, d, f: editing.move_lesson(d, n, delta), f"lesson-{max(0, n + delta)}")


@router.post("/digests/{digest_id}/lessons/{n}/remove")
async def remove_lesson(request: Request, digest_id: int, n: int) -> Response:
    return await _edit(request, digest_id, lambda st, d, f: editing.remove_lesson(d, n), "arrangement")


@router.post("/digests/{digest_id}/notes/{n}/remove")
async def remove_note(request: Request, digest_id: int, n: int) -> Response:
    return await _edit(request, digest_id, lambda st, d, f: editing.remove_note(d, n), "notes")
