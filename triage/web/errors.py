"""Errors as people and programs should see them: a status and a short reason, never a stack
trace or the text of a case. ``/api/...`` answers JSON; the staff UI answers a page."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from triage.services.access import AccessDenied, NotFound
from triage.services.case_actions import ActionError
from triage.services.correct_labels import CorrectionError
from triage.services.users import UserError
from triage.web.security import CsrfRejected, LoginRequired


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or (request.method not in ("GET", "HEAD") and (
        "application/json" in request.headers.get("accept", "")
    ))


def _answer(request: Request, status: int, reason: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": reason}, status_code=status)
    from triage.web.ui import render  # the UI module imports this one's neighbours

    heading = {400: "Cannot do that", 403: "Not allowed", 404: "Not found"}.get(status, "Error")
    found = getattr(request.state, "session", None)
    return render(request, "error.html", found[0] if found else None, status_code=status,
                  heading=heading, message=reason)  # fmt: skip


def install_error_handlers(app: FastAPI) -> None:
    async def login_required(request: Request, _exc: Exception) -> Response:
        if request.url.path.startswith("/api/") or request.method != "GET":
            return JSONResponse({"detail": "sign in first"}, status_code=401,
                                headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
        return RedirectResponse("/login", status_code=303)

    async def csrf(request: Request, _exc: Exception) -> Response:
        return JSONResponse({"detail": "invalid or missing CSRF token"}, status_code=403)

    async def denied(request: Request, _exc: Exception) -> Response:
        return _answer(request, 403, "You may not see or change this.")

    async def missing(request: Request, _exc: Exception) -> Response:
        return _answer(request, 404, "There is nothing here.")

    async def refused(request: Request, exc: Exception) -> Response:
        return _answer(request, 400, str(exc)[:300])

    async def too_large(request: Request, _exc: Exception) -> Response:
        # A path id past any integer column (/cases/999...9): the database driver cannot even
        # compare it, so nothing can be found under it.
        return _answer(request, 404, "There is nothing here.")

    app.add_exception_handler(OverflowError, too_large)
    app.add_exception_handler(LoginRequired, login_required)
    app.add_exception_handler(CsrfRejected, csrf)
    app.add_exception_handler(AccessDenied, denied)
    app.add_exception_handler(NotFound, missing)
    for error in (ActionError, CorrectionError, UserError):
        app.add_exception_handler(error, refused)
