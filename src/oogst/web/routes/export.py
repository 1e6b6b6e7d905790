"""Publishing: the live preview, the page check and the downloads, each only of a faithful digest."""
from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, JSONResponse, Response

from oogst.models import Digest
from oogst.web.i18n import _
from oogst.web.outputs import EXPORTS, Export
from oogst.web.pages import page
from oogst.web.security import PREVIEW_CSP
from oogst.web.workspace import NotFound

router = APIRouter()


def _checked(request: Request, digest_id: int) -> tuple[Digest, list[object]]:
    ws = request.app.state.workspace
    with ws.store() as st:
        digest = ws.load(st, digest_id)
        return digest, list(ws.violations(st, digest))


@router.get("/digests/{digest_id}/preview")
def preview(request: Request, digest_id: int, mode: str = "page") -> Response:
    """The one-pager as HTML for the editor's preview frame (no script can run in it)."""
    ws = request.app.state.workspace
    with ws.store() as st:
        digest = ws.load(st, digest_id)
    html = request.app.state.outputs.preview(digest, "screen" if mode == "screen" else "page")
    return HTMLResponse(html, headers={"content-security-policy": PREVIEW_CSP})


@router.get("/digests/{digest_id}/export/{fmt}")
async def export(request: Request, digest_id: int, fmt: str, inline: bool = False) -> Response:
    if fmt not in EXPORTS:
        raise NotFound(f"unknown format {fmt!r}; choose from {', '.join(EXPORTS)}")
    digest, violations = await run_in_threadpool(_checked, request, digest_id)
    if violations:
        return page(request, "refused.html", status=409, digest_id=digest_id, violations=violations)
    out: Export = await run_in_threadpool(request.app.state.outputs.export, digest, fmt, digest_id)
    disposition = "inline" if inline and fmt.startswith("png") else "attachment"
    headers = {"content-disposition": f'{disposition}; filename="{out.filename}"'}
    if out.warnings:
        headers["x-oogst-warnings"] = str(len(out.warnings))
    return Response(out.data, media_type=out.media_type, headers=headers)


@router.get("/digests/{digest_id}/page")
async def page_check(request: Request, digest_id: int, wait: bool = False) -> Response:
    """The exact A4 page as the PDF will print it, and what had to give to fit it on one page.

    Laying the page out takes seconds, so the page answers at once and shows its progress;
    the image and the fit notes (``/page/fit``) follow. ``wait=1`` (the link for a browser
    without script) answers only when the page is laid out.
    """
    digest, violations = await run_in_threadpool(_checked, request, digest_id)
    warnings: tuple[str, ...] | None = None
    if not violations and wait:
        _pdf, warnings = await run_in_threadpool(request.app.state.outputs.pdf, digest)
    return page(request, "page.html", digest_id=digest_id, digest=digest, violations=violations, warnings=warnings)


@router.get("/digests/{digest_id}/page/fit")
async def page_fit(request: Request, digest_id: int) -> Response:
    """What had to give to fit the page (JSON), once it is laid out."""
    digest, violations = await run_in_threadpool(_checked, request, digest_id)
    if violations:
        return JSONResponse({"ok": False, "error": _("Export refused")}, status_code=409)
    _pdf, warnings = await run_in_threadpool(request.app.state.outputs.pdf, digest)
    return JSONResponse({"ok": True, "warnings": list(warnings), "fits": _("Everything fits at full size.")})
