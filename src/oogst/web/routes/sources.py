"""Sources: upload files or name URLs (pages, sitemaps, feeds), follow the run, see what failed."""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import JSONResponse, Response

from oogst.errors import OogstError
from oogst.ingest.filters import Filters
from oogst.ingest.policy import FetchPolicy
from oogst.web.i18n import _, ngettext
from oogst.web.inputs import save_upload, split_urls, uploaded_file, url_problem
from oogst.web.jobs import Event
from oogst.web.pages import back, page, short_url, wants_json
from oogst.web.workspace import NotFound

router = APIRouter()
MAX_URLS = 500
MAX_FILES = 500


@router.get("/")
def home(request: Request) -> Response:
    with request.app.state.workspace.store() as st:
        has_documents = any(r.status == "ok" for r in st.sources()[:1])
    return back("/digests" if has_documents else "/sources")


def _sources_page(request: Request, status: int = 200, **errors: object) -> Response:
    failed_only = request.query_params.get("failed") == "1"
    with request.app.state.workspace.store() as st:
        rows = st.sources()
    documents = [r for r in rows if r.status == "ok"]
    failures = [r for r in rows if r.status != "ok"]
    context = {"url_error": None, "upload_error": None, "values": {}, "notice": None} | errors
    return page(request, "sources.html", status=status, documents=[] if failed_only else documents,
                n_documents=len(documents), failures=failures, failed_only=failed_only,
                jobs=[j.snapshot() for j in request.app.state.jobs.recent()[:5]],
                allow_private=request.app.state.settings.allow_private,
                max_upload_mb=request.app.state.settings.max_upload_bytes // (1024 * 1024), **context)


@router.get("/sources")
def sources_page(request: Request, deleted: str = "") -> Response:
    notice = _("Deleted: %(title)s. Digests that quoted it show which items to remove.", title=deleted[:200]) if deleted else None
    return _sources_page(request, notice=notice)


@router.post("/sources/delete")
async def delete_source(request: Request) -> Response:
    """Delete a source: its document, what was harvested from it and, for an upload, the file."""
    form = await request.form()
    url = str(form.get("url") or "")
    ws, settings = request.app.state.workspace, request.app.state.settings

    def work() -> str:
        with ws.store() as st:
            doc = st.document_by_url(url)
            if doc is None or not st.delete_document(url):
                raise NotFound(_("there is no source %(url)s", url=url))
        upload = uploaded_file(settings.uploads, url)
        if upload is not None:
            upload.unlink(missing_ok=True)
        ws.changed()
        return doc.title or short_url(url)

    title = await run_in_threadpool(work)
    if wants_json(request):
        return JSONResponse({"ok": True})
    return back("/sources?" + urlencode({"deleted": title}))


def _filters(period: str, match: str = "") -> Filters:
    return Filters.build(period.strip() or None, None, None, match.strip() or None)


@router.post("/sources/urls")
async def add_urls(request: Request) -> Response:
    form = await request.form()
    text, period, match = (str(form.get(k) or "") for k in ("urls", "period", "match"))
    values = {"urls": text, "period": period, "match": match}
    urls = split_urls(text)
    if not urls:
        return _sources_page(request, 422, url_error=_("Give at least one URL."), values=values)
    if len(urls) > MAX_URLS:
        return _sources_page(request, 422, url_error=_("At most %(n)s URLs at a time; a sitemap lists many pages in one.", n=MAX_URLS), values=values)
    try:
        filters = _filters(period, match)
    except OogstError as exc:
        return _sources_page(request, 422, url_error=str(exc), values=values)
    settings = request.app.state.settings
    refused = [Event(u, "failed", why) for u in urls if (why := url_problem(u, settings.allow_private))]
    fine = [u for u in urls if not url_problem(u, settings.allow_private)]
    policy = FetchPolicy.from_env(allow_private_addresses=settings.allow_private)
    job = request.app.state.jobs.start(ngettext("%(num)s URL", "%(num)s URLs", len(urls)), fine, filters, policy, refused)
    return back(f"/sources/jobs/{job.id}")


@router.post("/sources/upload")
async def upload(request: Request) -> Response:
    settings = request.app.state.settings
    form = await request.form(max_files=MAX_FILES)
    period = str(form.get("period") or "")
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if not files:
        return _sources_page(request, 422, upload_error=_("Choose one or more files to upload."), values={"period": period})
    try:
        filters = _filters(period)
    except OogstError as exc:
        return _sources_page(request, 422, upload_error=str(exc), values={"period": period})
    results = await run_in_threadpool(
        lambda: [save_upload(settings.uploads, f.filename or "", f.file, settings.max_upload_bytes) for f in files])
    saved = [str(r.path) for r in results if r.path is not None]
    refused = [Event(r.name, "failed", r.reason) for r in results if r.path is None]
    job = request.app.state.jobs.start(ngettext("%(num)s uploaded file", "%(num)s uploaded files", len(files)), saved, filters, FetchPolicy.from_env(
        allow_private_addresses=settings.allow_private), refused)
    return back(f"/sources/jobs/{job.id}")


def _job(request: Request, job_id: int) -> dict[str, object]:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise NotFound(_("there is no run %(id)s (runs are forgotten when the server restarts)", id=job_id))
    return job.snapshot()


@router.get("/sources/jobs/{job_id}")
def job_page(request: Request, job_id: int) -> Response:
    return page(request, "job.html", job=_job(request, job_id))


@router.get("/api/jobs/{job_id}")
def job_progress(request: Request, job_id: int) -> Response:
    job = _job(request, job_id)
    for event in job["events"]:  # type: ignore[attr-defined]
        event["label"] = short_url(event["source"])
    return JSONResponse(job)
