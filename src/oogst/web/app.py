"""The app factory: settings in, a FastAPI app out (no globals, so tests build as many as they like)."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.staticfiles import StaticFiles
from starlette.responses import JSONResponse, PlainTextResponse, Response

from oogst.errors import OogstError
from oogst.store import Store
from oogst.web.jobs import Jobs
from oogst.web.outputs import Outputs
from oogst.web.pages import page
from oogst.web.routes import auth, digests, editor, export, sources
from oogst.web.security import BodyLimit, Keys, guard, verify_csrf
from oogst.web.settings import WebSettings
from oogst.web.workspace import NotFound, Workspace

FORM_OVERHEAD = 1024 * 1024  # the other fields and the multipart framing around the files


def create_app(settings: WebSettings) -> FastAPI:
    """The web UI on ``settings.store``; opens (and if needed creates) the store once to fail early."""
    Store(settings.store).close()
    workspace = Workspace(settings.store)
    jobs = Jobs(settings.store, on_done=workspace.changed)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        jobs.shutdown()

    app = FastAPI(title="oogst", docs_url=None, redoc_url=None, openapi_url=None,
                  dependencies=[Depends(verify_csrf)], lifespan=lifespan)
    app.state.settings = settings
    app.state.workspace = workspace
    app.state.jobs = jobs
    app.state.keys = keys = Keys()
    app.state.outputs = Outputs()
    app.middleware("http")(guard(settings, keys))
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes + FORM_OVERHEAD)
    app.mount("/static", StaticFiles(directory=str(files("oogst.web") / "static")), name="static")
    for module in (auth, sources, digests, editor, export):
        app.include_router(module.router)
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(OogstError, _oogst_error)  # type: ignore[arg-type]
    return app


async def _http_error(request: Request, exc: HTTPException) -> Response:
    return _error(request, exc.status_code, str(exc.detail))


async def _oogst_error(request: Request, exc: OogstError) -> Response:
    return _error(request, 404 if isinstance(exc, NotFound) else 400, str(exc))


def _error(request: Request, status: int, message: str) -> Response:
    if "application/json" in request.headers.get("accept", "") or request.url.path.startswith("/api/"):
        return JSONResponse({"ok": False, "error": message}, status_code=status)
    if not hasattr(request.state, "csrf"):
        return PlainTextResponse(message, status_code=status)
    return page(request, "error.html", status=status, status_code=status, message=message)


__all__ = ["create_app"]
