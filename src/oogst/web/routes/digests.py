"""Digests: make one for a topic and period, list them, open one in the editor."""
from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from oogst.errors import OogstError
from oogst.web.pages import back, page

router = APIRouter()
LESSON_CHOICES = ("", "1", "2", "3", "4", "5", "6")


def _digests_page(request: Request, status: int = 200, error: str | None = None,
                  values: dict[str, str] | None = None) -> Response:
    ws = request.app.state.workspace
    with ws.store() as st:
        rows = ws.rows(st)
        n_documents = sum(1 for r in st.sources() if r.status == "ok")
    return page(request, "digests.html", status=status, rows=rows, error=error, values=values or {},
                n_documents=n_documents, lesson_choices=LESSON_CHOICES,
                busy=request.app.state.jobs.busy())


@router.get("/digests")
def digests_page(request: Request) -> Response:
    return _digests_page(request)


@router.post("/digests")
async def create(request: Request) -> Response:
    form = await request.form()
    values = {k: str(form.get(k) or "").strip() for k in ("topic", "period", "lessons", "title")}
    topic, period = " ".join(values["topic"].split()), values["period"]
    if not period:  # the topic may be left out: it orders, every article of the period is in scope
        return _digests_page(request, 422, "Give a period.", values)
    if values["lessons"] not in LESSON_CHOICES:
        return _digests_page(request, 422, "Choose the number of lessons from the list.", values)
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
