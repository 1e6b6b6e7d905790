"""Digests: make one for a topic and period, list them, open one in the editor."""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from oogst.errors import OogstError
from oogst.web.i18n import _
from oogst.web.pages import back, page, wants_json
from oogst.web.workspace import NotFound

router = APIRouter()
LESSON_CHOICES = ("", "1", "2", "3", "4", "5", "6")


def _digests_page(request: Request, status: int = 200, error: str | None = None,
                  values: dict[str, str] | None = None, notice: str | None = None) -> Response:
    ws = request.app.state.workspace
    with ws.store() as st:
        rows = ws.rows(st)
        n_documents = sum(1 for r in st.sources() if r.status == "ok")
    return page(request, "digests.html", status=status, rows=rows, error=error, values=values or {},
                n_documents=n_documents, lesson_choices=LESSON_CHOICES,
                busy=request.app.state.jobs.busy(), notice=notice)


@router.get("/digests")
def digests_page(request: Request, deleted: str = "") -> Response:
    notice = _("The digest “%(title)s” was deleted.", title=deleted[:200]) if deleted else None
    return _digests_page(request, notice=notice)


@router.post("/digests/{digest_id}/delete")
async def delete(request: Request, digest_id: int) -> Response:
    """Delete a digest for good (the sources and what was harvested from them stay)."""
    ws = request.app.state.workspace

    def work() -> str:
        with ws.editing(digest_id), ws.store() as st:
            title = ws.load(st, digest_id).title if st.digest_json(digest_id) else ""
            if not st.delete_digest(digest_id):
                raise NotFound(_("there is no digest %(id)s", id=digest_id))
            return title

    title = await run_in_threadpool(work)
    if wants_json(request):
        return JSONResponse({"ok": True})
    return back("/digests?" + urlencode({"deleted": title or str(digest_id)}))


@router.post("/digests")
async def create(request: Request) -> Response:
    form = await request.form()
    values = {k: str(form.get(k) or "").strip() for k in ("topic", "period", "lessons", "title")}
    topic, period = " ".join(values["topic"].split()), values["period"]
    if not period:  # the topic may be left out: it orders, every article of the period is in scope
        return _digests_page(request, 422, _("Give a period."), values)
    if values["lessons"] not in LESSON_CHOICES:
        return _digests_page(request, 422, _("Choose the number of lessons from the list."), values)
    lessons = int(values["lessons"]) if values["lessons"] else None
    ws = request.app.state.workspace

    def work() -> int:
        with ws.store() as st:
            return ws.create(st, topic[:200], period, lessons, values["title"][:200] or None)

    try:
        digest_id = await run_in_threadpool(work)
    except OogstError as exc:
        return _digests_page(request, 422, str(exc), values)
    return back(f"/digests/{digest_id}")
