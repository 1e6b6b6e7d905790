"""Who may talk to the server, and proof that a change came from our own page.

* **Host check** (loopback only): a page elsewhere cannot reach us through DNS rebinding.
* **Token** (``OOGST_TOKEN``): a login form sets a cookie bound to the session; scripts may
  send the ``X-Oogst-Token`` header instead.
* **CSRF**: every POST carries a per-session token (hidden field ``csrf_token`` or header
  ``X-CSRF-Token``), checked by :func:`verify_csrf`, a dependency of the whole app; a foreign
  ``Origin`` header is refused as well.
* **Body limit**: a request larger than the upload limit is cut off with 413.
* **Headers**: a strict Content-Security-Policy (no inline script, nothing from elsewhere).
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from urllib.parse import quote, urlsplit

from fastapi import HTTPException, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from oogst.web import i18n
from oogst.web.i18n import _
from oogst.web.settings import LOOPBACK_NAMES, WebSettings

SESSION_COOKIE = "oogst_session"
AUTH_COOKIE = "oogst_auth"
TOKEN_HEADER = "x-oogst-token"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
OPEN_PATHS = ("/login", "/static/", "/language/")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'; object-src 'none'")
# the rendered digest in the preview frame: its own inline styles, never a script
PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'"


MAX_ENDED = 100_000  # ended sessions remembered (the oldest are forgotten; their cookies were deleted)


class Keys:
    """Per-process secrets: restarting the server ends every session, logging out ends one.

    A session that logged in is kept in ``_live``; logging out removes it and remembers it as
    ended, so the old cookies stop working at once, not only when the browser drops them.
    """

    def __init__(self) -> None:
        self._secret = secrets.token_bytes(32)
        self._live: set[str] = set()
        self._ended: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def log_in(self, sid: str) -> None:
        with self._lock:
            self._live.add(sid)

    def is_live(self, sid: str) -> bool:
        with self._lock:
            return sid in self._live

    def end(self, sid: str) -> None:
        with self._lock:
            self._live.discard(sid)
            self._ended[sid] = None
            while len(self._ended) > MAX_ENDED:
                self._ended.popitem(last=False)

    def mac(self, purpose: str, value: str) -> str:
        return hmac.new(self._secret, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()

    def new_session(self) -> str:
        sid = secrets.token_urlsafe(24)
        return f"{sid}.{self.mac('session', sid)[:32]}"

    def session_id(self, cookie: str | None) -> str | None:
        sid, _, sig = (cookie or "").partition(".")
        ok = sid and hmac.compare_digest(sig, self.mac("session", sid)[:32])
        if not ok:
            return None
        with self._lock:
            return None if sid in self._ended else sid

    def csrf(self, sid: str) -> str:
        return self.mac("csrf", sid)

    def auth(self, sid: str) -> str:
        return self.mac("auth", sid)


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def host_allowed(settings: WebSettings, host_header: str) -> bool:
    """On loopback only requests addressed to a loopback name are served (DNS rebinding)."""
    if not settings.loopback:
        return True
    name = urlsplit(f"//{host_header}").hostname or ""
    return name in LOOPBACK_NAMES or name.endswith(".localhost")


def is_authenticated(request: Request, settings: WebSettings, keys: Keys) -> bool:
    if settings.token is None:
        return True
    if _same(request.headers.get(TOKEN_HEADER), settings.token):
        return True
    sid = getattr(request.state, "sid", None)
    return sid is not None and keys.is_live(sid) and _same(request.cookies.get(AUTH_COOKIE), keys.auth(sid))


def safe_next(value: str | None) -> str:
    """A local path to go back to after logging in; anything else becomes ``/``."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def set_cookie(response: Response, request: Request, name: str, value: str) -> None:
    response.set_cookie(name, value, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")


def guard(settings: WebSettings, keys: Keys) -> Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]:
    """The HTTP middleware: host check, session cookie, token, security headers."""

    async def middleware(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if not host_allowed(settings, request.headers.get("host", "")):
            return HTMLResponse("unexpected Host header", status_code=400)
        i18n.use(i18n.choose(request.cookies.get(i18n.COOKIE)))
        sid = keys.session_id(request.cookies.get(SESSION_COOKIE))
        fresh = sid is None
        if sid is None:
            cookie = keys.new_session()
            sid = cookie.partition(".")[0]
        request.state.sid = sid
        request.state.csrf = keys.csrf(sid)
        open_path = request.url.path.startswith(OPEN_PATHS)
        if not open_path and not is_authenticated(request, settings, keys):
            response: Response
            if request.method == "GET" and "json" not in request.headers.get("accept", ""):
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                response = RedirectResponse(f"/login?next={quote(target, safe='/')}", status_code=303)
            else:
                response = HTMLResponse(_("a token is required: log in first"), status_code=401)
        else:
            response = await call_next(request)
        if fresh:
            set_cookie(response, request, SESSION_COOKIE, cookie)
        _headers(response, request.url.path)
        return response

    return middleware


def _headers(response: Response, path: str) -> None:
    h = response.headers
    h.setdefault("content-security-policy", CSP)
    h.setdefault("x-content-type-options", "nosniff")
    h.setdefault("referrer-policy", "same-origin")  # no-referrer would make browsers send "Origin: null"
    h.setdefault("x-frame-options", "SAMEORIGIN")
    h.setdefault("cross-origin-opener-policy", "same-origin")
    if not path.startswith("/static/"):
        h.setdefault("cache-control", "no-store")


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin(scheme: str, netloc: str) -> tuple[str, str, int | None] | None:
    try:
        parts = urlsplit(f"//{netloc}")
        port = parts.port
    except ValueError:
        return None
    scheme = scheme.lower()
    return scheme, (parts.hostname or "").lower(), port if port is not None else _DEFAULT_PORTS.get(scheme)


def same_origin(origin: str, scheme: str, host_header: str) -> bool:
    """Whether an ``Origin`` header names this server: the same scheme, host and port
    (``null``, another scheme such as http for https, or another port is a foreign origin)."""
    try:
        given = urlsplit(origin.strip())
    except ValueError:
        return False
    if not given.scheme or given.path not in ("", "/") or given.query or given.username:
        return False
    mine = _origin(scheme, host_header)
    return mine is not None and _origin(given.scheme, given.netloc) == mine


async def verify_csrf(request: Request) -> None:
    """Refuse a state-changing request without this session's token or from another origin."""
    if request.method in SAFE_METHODS:
        return
    origin = request.headers.get("origin")
    if origin is not None and not same_origin(origin, request.url.scheme, request.headers.get("host", "")):
        raise HTTPException(403, _("refused: the request came from another site"))
    expected = getattr(request.state, "csrf", None)
    given = request.headers.get(CSRF_HEADER)
    if given is None and "form" in request.headers.get("content-type", ""):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if expected is None or not _same(given, expected):
        raise HTTPException(403, _("refused: the form is stale or did not come from this page; reload and try again"))


class TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: answer 413 when a request body exceeds ``limit`` bytes."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self._too_large(scope, receive, send)
            return
        seen = 0
        started = False

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise TooLarge
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, tracked)
        except* TooLarge:  # also wrapped in an ExceptionGroup by the task groups of the middleware
            if not started:
                await self._too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        cookies = Request(scope).cookies
        i18n.use(i18n.choose(cookies.get(i18n.COOKIE)))
        mb = f"{self.limit / (1024 * 1024):.0f}"
        title, back_link = _("Too large"), _("Back to the sources")
        body = (f"<!doctype html><html lang=\"{i18n.current()}\"><title>{title}</title><p>"
                + _("The request is larger than %(mb)s MB, the upload limit of this server. "
                    "Upload fewer or smaller files at a time.", mb=mb)
                + f'</p><p><a href="/sources">{back_link}</a></p>')
        await HTMLResponse(body, status_code=413)(scope, receive, send)


__all__ = ["BodyLimit", "Keys", "guard", "same_origin", "safe_next", "set_cookie", "verify_csrf"]
