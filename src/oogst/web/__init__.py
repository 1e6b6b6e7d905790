"""The curation web UI: from sources to a published digest in the browser.

    >>> from oogst.web import WebSettings, create_app
    >>> app = create_app(WebSettings.build(Path("oogst.db")))

``oogst serve`` runs it with uvicorn on 127.0.0.1; see docs/architecture.md ("Web UI").
"""
from __future__ import annotations

from oogst.web.app import create_app
from oogst.web.settings import TOKEN_ENV, WebSettings, is_loopback


def serve(settings: WebSettings) -> None:
    """Run the app until interrupted (blocking)."""
    import uvicorn

    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="warning",
                server_header=False, proxy_headers=False, access_log=False)


__all__ = ["TOKEN_ENV", "WebSettings", "create_app", "is_loopback", "serve"]
