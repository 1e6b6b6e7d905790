"""Logging in with the server's token (only when ``OOGST_TOKEN`` is set) and out."""
from __future__ import annotations

import asyncio
import hmac

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from oogst.web import i18n
from oogst.web.i18n import _
from oogst.web.pages import back, page
from oogst.web.security import AUTH_COOKIE, SESSION_COOKIE, safe_next, set_cookie

router = APIRouter()
FAILED_LOGIN_DELAY = 1.0  # seconds: guessing a long token stays hopeless


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    if request.app.state.settings.token is None:
        return back(safe_next(next))
    return page(request, "login.html", next=safe_next(next), error=None)


@router.post("/login")
async def login(request: Request, token: str = Form(""), next: str = Form("/")) -> Response:
    settings, keys = request.app.state.settings, request.app.state.keys
    if settings.token is None:
        return back(safe_next(next))
    if not hmac.compare_digest(token.encode(), settings.token.encode()):
        await asyncio.sleep(FAILED_LOGIN_DELAY)
        return page(request, "login.html", status=401, next=safe_next(next), error=_("That is not the token of this server."))
    # a new session on login: a session id planted before cannot be carried across
    cookie = keys.new_session()
    keys.log_in(cookie.partition(".")[0])
    old = getattr(request.state, "sid", None)
    if old:
        keys.end(old)
    response = back(safe_next(next))
    set_cookie(response, request, SESSION_COOKIE, cookie)
    set_cookie(response, request, AUTH_COOKIE, keys.auth(cookie.partition(".")[0]))
    return response


@router.get("/language/{code}")
def language(request: Request, code: str, next: str = "/") -> Response:
    """Choose the UI's language (a cookie for a year); an unknown code keeps the current one."""
    response = back(safe_next(next))
    if code in i18n.available():
        response.set_cookie(i18n.COOKIE, code, max_age=365 * 24 * 3600, httponly=True, samesite="lax", path="/",
                            secure=request.url.scheme == "https")
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    """End the session on the server too: its cookies stop working at once."""
    sid = getattr(request.state, "sid", None)
    if sid:
        request.app.state.keys.end(sid)
    response = back("/login")
    response.delete_cookie(AUTH_COOKIE, path="/")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
