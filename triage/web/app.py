"""The FastAPI app factory: one app per call, configured from its arguments and Settings.

Nothing happens at import (no settings read, no database opened), so tests and ``serve`` can
build apps for different databases in one process. The database is opened (and migrated) on
the first request that needs it, by the services.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from triage.settings import get_settings
from triage.web.errors import install_error_handlers
from triage.web.forms_api import router as forms_router
from triage.web.security import SecurityHeaders
from triage.web.staff_api import router as staff_api_router
from triage.web.ui import router as ui_router

STATIC = Path(__file__).parent / "static"

MAX_FIELD_NAME = 64  # an unknown field's name is echoed back, but never at length


def create_app(database_url: str | None = None, *, form_max_bytes: int | None = None) -> FastAPI:
    """Build the app. ``database_url`` defaults to ``TRIAGE_DATABASE_URL``; ``form_max_bytes``
    (the request-body cap of the form endpoint) to ``TRIAGE_FORM_MAX_BYTES``."""
    settings = get_settings()
    app = FastAPI(
        title="triage",
        summary="Receives messages from civil-society organisations.",
        version="0.1.0",
        docs_url=None,  # Swagger UI loads from a CDN; /docs is served by triage.web.ui
        redoc_url=None,
    )
    app.state.database_url = database_url or settings.database_url
    app.state.form_max_bytes = form_max_bytes or settings.form_max_bytes
    app.add_exception_handler(RequestValidationError, _validation_error)
    install_error_handlers(app)
    app.include_router(forms_router)
    app.include_router(staff_api_router)
    app.include_router(ui_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(SecurityHeaders, hsts=settings.hsts)

    @app.get("/api/health", tags=["health"])
    async def health() -> dict[str, str]:
        """Liveness only: answers without touching the database, for load balancers."""
        return {"status": "ok"}

    return app


def _describe(error: dict[str, Any]) -> dict[str, str]:
    loc = [str(part) for part in error.get("loc", ())]
    where = loc[0] if loc and loc[0] in ("body", "path", "query", "header") else "body"
    field = ".".join(loc[1:] if loc and loc[0] == where else loc) or "body"
    return {
        "in": where,
        "field": field[:MAX_FIELD_NAME],
        "problem": str(error.get("msg", "invalid")),
        "type": str(error.get("type", "value_error")),
    }


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    """422 that names each field and its problem but never echoes the submitted values.

    FastAPI's default handler returns each error's ``input``: for a form that would send a
    person's message (or an attacker's payload) straight back in the response.
    """
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    return JSONResponse(
        status_code=422,
        content={"detail": "invalid submission", "errors": [_describe(e) for e in errors]},
    )
