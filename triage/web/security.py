"""Sessions, CSRF and response headers for the staff UI.

- The session cookie is HttpOnly, Secure and SameSite=Strict, and names a server-side row
  (``auth_tokens``), so signing out or disabling a person ends the session at once.
- Every state-changing UI request carries the session's CSRF token, in the form field
  ``csrf_token`` or the ``X-CSRF-Token`` header (scripts); compared in constant time.
  The JSON API takes bearer tokens only, never the cookie, so a browser cannot be tricked
  into calling it.
- Every response (404, 405 and 500 included) gets a Content-Security-Policy with no remote
  source at all, plus ``frame-ancestors 'none'``, ``nosniff`` and ``Referrer-Policy:
  no-referrer``; the sanitised e-mail frame gets a stricter one of its own. With
  ``TRIAGE_HSTS=true`` (the UI is behind HTTPS) every response also carries HSTS.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from triage.services.users import StaffUser, api_user, session_user

log = logging.getLogger(__name__)

SESSION_COOKIE = "triage_session"
LOGIN_COOKIE = "triage_login"  # binds the sign-in form to this browser (login CSRF)
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
# The e-mail's own HTML: no script, no remote anything (a remote image is a read receipt
# that tells the sender's adversary when and where the message was opened); inline styles and
# embedded data: images only. ``sandbox`` again here in case the frame is opened directly.
ORIGINAL_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; "
    "form-action 'none'; frame-ancestors 'self'; base-uri 'none'; sandbox"
)
HSTS = "max-age=31536000; includeSubDomains"


class LoginRequired(Exception):
    """No live session: HTML requests go to /login, others get 401."""


class CsrfRejected(Exception):
    """A state-changing request without the session's CSRF token."""


class SecurityHeaders:
    """Pure ASGI middleware (no body buffering): adds the headers to every response, and
    turns an unhandled exception into a bare 500 (the class name is logged, never the
    message: it may quote what a sender wrote)."""

    def __init__(self, app: ASGIApp, *, hsts: bool = False) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                extra = {
                    b"content-security-policy": PAGE_CSP.encode(),
                    b"x-content-type-options": b"nosniff",
                    b"x-frame-options": b"DENY",
                    b"referrer-policy": b"no-referrer",
                    b"cross-origin-opener-policy": b"same-origin",
                    b"permissions-policy": b"camera=(), microphone=(), geolocation=()",
                }
                if not scope["path"].startswith("/static/"):
                    extra[b"cache-control"] = b"no-store"
                if self.hsts:
                    extra[b"strict-transport-security"] = HSTS.encode()
                headers += [(k, v) for k, v in extra.items() if k not in names]
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception as exc:
            route = scope.get("route")
            log.error("unhandled %s on %s %s", exc.__class__.__name__, scope.get("method"),
                      getattr(route, "path", "?"))  # fmt: skip
            if started:
                raise
            body = b'{"detail":"internal error"}'
            await with_headers({"type": "http.response.start", "status": 500, "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ]})  # fmt: skip
            await send({"type": "http.response.body", "body": body})


def database_url(request: Request) -> str:
    return str(request.app.state.database_url)


def session_of(request: Request) -> tuple[StaffUser, str] | None:
    """(user, CSRF token) of the request's session cookie, cached on the request."""
    if not hasattr(request.state, "session"):
        token = request.cookies.get(SESSION_COOKIE, "")
        request.state.session = session_user(token, database_url=database_url(request))
    found: tuple[StaffUser, str] | None = request.state.session
    return found


async def signed_in(request: Request) -> StaffUser:
    """Dependency for every UI route: the signed-in person, CSRF-checked on unsafe methods."""
    found = await run_in_threadpool(session_of, request)  # a database read: off the event loop
    if found is None:
        raise LoginRequired()
    user, csrf = found
    if request.method not in SAFE_METHODS:
        await check_csrf(request, csrf)
    return user


async def check_csrf(request: Request, expected: str) -> None:
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()  # cached by Starlette: the route reads it again
        value = form.get(CSRF_FIELD, "")
        sent = value if isinstance(value, str) else ""
    if not expected or not sent or not secrets.compare_digest(sent, expected):
        raise CsrfRejected()


async def api_signed_in(request: Request) -> StaffUser:
    """Dependency for the JSON API: ``Authorization: Bearer <token>`` only, never cookies."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    user = None
    if scheme.lower() == "bearer" and token:
        user = api_user(token.strip(), database_url=database_url(request))
    if user is None:
        raise LoginRequired()
    return user


def cookie_options() -> dict[str, Any]:
    return {"httponly": True, "secure": True, "samesite": "strict", "path": "/"}
