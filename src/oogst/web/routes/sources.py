"""Sources: upload files or name URLs (pages, sitemaps, feeds), follow the run, see what failed."""
from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import JSONResponse, Response

from oogst.errors import OogstError
from oogst.ingest.filters import Filters
from oogst.ingest.policy import FetchPolicy
from oogst.web.inputs import save_upload, split_urls, url_problem
from oogst.web.jobs import Event
from oogst.web.pages import back, page, short_url
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
    context = {"url_error": None, "upload_error": None, "values": {}} | errors
    return page(request, "sources.html", status=status, documents=[] if failed_only else documents,
                n_documents=len(documents), failures=failures, failed_only=failed_only,
                jobs=[j.snapshot() for j in request.app.state.jobs.recent()[:5]],
                allow_private=request.app.state.settings.allow_private,
                max_upload_mb=request.app.state.settings.max_upload_bytes // (1024 * 1024), **context)


@router.get("/sources")
def sources_page(request: Request) -> Response:
    return _sources_page(request)


def _filters(period: str, match: str = "") -> Filters:
    return Filters.build(period.strip() or None, None, None, match.strip() or None)


@router.post("/sources/urls")
async def add_urls(request: Request) -> Response:
    form = await request.form()
    text, period, match = (str(form.get(k) or "") for k in ("urls", "period", "match"))
    values = {"urls": text, "period": period, "match": match}
    urls = split_urls(text)
    if not urls:
        return _sources_page(request, 422, url_error="Give at least one URL.", values=values)
    if len(urls) > MAX_URLS:
        return _sources_page(request, 422, url_error=f"At most {MAX_URLS} URLs at a time; a sitemap lists many pages in one.", values=values)
    try:
        filters = _filters(period, match)
    except OogstError as exc:
        return _sources_page(request, 422, url_error=str(exc), values=values)
    settings = request.app.state.settings
    refused = [Event(u, "failed", why) for u in urls if (why := url_problem(u, settings.allow_private))]
    fine = [u for u in urls if not url_problem(u, settings.allow_private)]
    policy = FetchPolicy.from_env(allow_private_addresses=settings.allow_private)
    noun = "URL" if len(urls) == 1 else "URLs"
    job = request.app.state.jobs.start(f"{len(urls)} {noun}", fine, filters, policy, refused)
    return back(f"/sources/jobs/{job.id}")


@router.post("/sources/upload")
async def upload(request: Request) -> Response:
    settings = request.app.state.settings
    form = await request.form(max_files=MAX_FILES)
    period = str(form.get("period") or "")
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if not files:
        return _sources_page(request, 422, upload_error="Choose one or more files to upload.", values={"period": period})
    try:
        filters = _filters(period)
    except OogstError as exc:
        return _sources_page(request, 422, upload_error=str(exc), values={"period": period})
    results = await run_in_threadpool(
        lambda: [save_upload(settings.uploads, f.filename or "", f.file, settings.max_upload_bytes) for f in files])
    saved = [str(r.path) for r in results if r.path is not None]
    refused = [Event(r.name, "failed", r.reason) for r in results if r.path is None]
    noun = "file" if len(files) == 1 else "files"
    job = request.app.state.jobs.start(f"{len(files)} uploaded {noun}", saved, filters, FetchPolicy.from_env(
        allow_private_addresses=settings.allow_private), refused)
    return back(f"/sources/jobs/{job.id}")


def _job(request: Request, job_id: int) -> dict[str, object]:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise NotFound(f"there is no run {job_id} (runs are forgotten when the server restarts)")
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
