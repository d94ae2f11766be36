"""The staff UI: server-rendered pages and the form posts behind them. Calls services only.

Every POST goes through ``signed_in`` (session + CSRF) and answers with a redirect (Post/
Redirect/Get) carrying a short status code in the query string, never text from the case.
"""

from __future__ import annotations

import secrets
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from triage.services import case_actions as actions
from triage.services import users as users_service
from triage.services.access import AccessDenied, require_admin
from triage.services.audit import reads_for
from triage.services.case_view import attachment, case_detail, original_html
from triage.services.labels import label_choices
from triage.services.metrics_report import html_to_pdf, report_html
from triage.services.metrics_run import gap_alerts
from triage.services.staff_queue import QUEUE_TITLES, QUEUES, QueueFilter, queue_view
from triage.web.security import (
    CSRF_FIELD,
    LOGIN_COOKIE,
    ORIGINAL_CSP,
    SESSION_COOKIE,
    cookie_options,
    database_url,
    session_of,
    signed_in,
)

TEMPLATES = Path(__file__).parent / "templates"
templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template, whatever its file name
        undefined=jinja2.StrictUndefined,
    )
)
DONE = {
    "confirmed": "Labels confirmed.", "corrected": "Labels corrected; the case was re-routed.",
    "corrected_same": "Labels corrected.", "assigned": "Reassigned.",
    "status": "Status changed.", "response": "Response recorded.",
    "outcome": "Outcome recorded; the loop is closed.", "confidential": "Confidentiality set.",
    "merged": "Merged.", "note": "Note added.", "bulk": "Done for the selected cases.",
    "user_added": "User added.", "user_disabled": "User disabled.",
    "user_enabled": "User enabled.", "password": "Password changed.",
}  # fmt: skip

router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, user: Any, status_code: int = 200,
           **context: Any) -> HTMLResponse:  # fmt: skip
    found = session_of(request)
    base = {
        "user": user, "csrf": found[1] if found else "", "csrf_field": CSRF_FIELD,
        "done": DONE.get(request.query_params.get("done", ""), ""),
        "error": context.pop("error", ""), "queue_titles": QUEUE_TITLES,
    }  # fmt: skip
    return templates.TemplateResponse(request, name, {**base, **context},
                                      status_code=status_code)  # fmt: skip


def back(path: str, done: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?{urlencode({'done': done})}", status_code=303)


def _int(value: Any, default: int | None = None) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default


def _ids(form: FormData, name: str = "case_id") -> list[int]:
    found = [_int(v) for v in form.getlist(name)]
    return [i for i in found if i is not None]


def _text(form: FormData, name: str) -> str:
    value = form.get(name, "")
    return value if isinstance(value, str) else ""


# --- signing in -------------------------------------------------------------------------


@router.get("/login")
async def login_page(request: Request) -> HTMLResponse:
    nonce = secrets.token_urlsafe(24)
    response = render(request, "login.html", None, login_nonce=nonce)
    response.set_cookie(LOGIN_COOKIE, nonce, max_age=1800, **cookie_options())
    return response


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form()
    nonce = request.cookies.get(LOGIN_COOKIE, "")
    sent = _text(form, CSRF_FIELD)
    if not nonce or not sent or not secrets.compare_digest(nonce, sent):
        return JSONResponse({"detail": "invalid or missing CSRF token"}, status_code=403)
    try:  # argon2 takes tens of milliseconds on purpose: off the event loop
        user = await run_in_threadpool(
            users_service.authenticate, _text(form, "username").strip()[:100],
            _text(form, "password")[:1000], database_url=database_url(request),
        )  # fmt: skip
    except users_service.LoginRefused:
        fresh = secrets.token_urlsafe(24)
        response = render(request, "login.html", None, status_code=401, login_nonce=fresh,
                          error="Wrong username or password, or the account is locked.")
        response.set_cookie(LOGIN_COOKIE, fresh, max_age=1800, **cookie_options())
        return response
    grant = users_service.open_session(user.id, database_url=database_url(request))
    response = RedirectResponse("/metrics" if not user.reads_text else "/queue", status_code=303)
    response.set_cookie(SESSION_COOKIE, grant.token, **cookie_options())
    response.delete_cookie(LOGIN_COOKIE, path="/")
    return response


@router.post("/logout")
async def logout(request: Request, user: Any = Depends(signed_in)) -> Response:
    users_service.close_session(request.cookies.get(SESSION_COOKIE, ""),
                                database_url=database_url(request))  # fmt: skip
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/")
async def home(user: Any = Depends(signed_in)) -> Response:
    return RedirectResponse("/queue" if user.reads_text else "/metrics", status_code=303)


# --- queues -----------------------------------------------------------------------------


def queue_filter(params: Any) -> QueueFilter:
    def text(name: str) -> str | None:
        value = str(params.get(name, "") or "").strip()[:100]
        return value or None

    def day(name: str) -> date | None:
        try:
            return date.fromisoformat(text(name) or "")
        except ValueError:
            return None

    south = text("global_south")
    return QueueFilter(
        rights_issue=text("rights_issue"), challenge=text("challenge"), region=text("region"),
        global_south={"yes": True, "no": False}.get(south or ""), language=text("language"),
        owner=text("owner"), status=text("status"), priority=text("priority"),
        opened_from=day("opened_from"), opened_to=day("opened_to"),
    )  # fmt: skip


@router.get("/queue")
async def queue_page(request: Request, user: Any = Depends(signed_in)) -> HTMLResponse:
    params = request.query_params
    queue = params.get("queue", "needs_triage")
    if queue not in QUEUES:
        queue = "needs_triage"
    filters = queue_filter(params)
    view = await run_in_threadpool(
        queue_view, user, queue, filters, sort=params.get("sort", "deadline"),
        page=_int(params.get("page"), 1) or 1, database_url=database_url(request),
    )  # fmt: skip
    kept = {k: v for k, v in params.items() if k not in ("queue", "page", "done") and v}
    return render(
        request, "queue.html", user, view=view, queues=QUEUES, filters=filters,
        kept=kept, choices=label_choices(), qs=lambda **extra: urlencode({**kept, **extra}),
    )  # fmt: skip


@router.get("/queue/critical")
async def critical(request: Request, user: Any = Depends(signed_in)) -> JSONResponse:
    """New critical cases (ids only), polled by the page to refresh the banner."""
    view = queue_view(user, counts_only=True, database_url=database_url(request))
    return JSONResponse({"critical": view.critical, "counts": view.counts})


@router.post("/queue/bulk")
async def bulk(request: Request, user: Any = Depends(signed_in)) -> Response:
    form = await request.form()
    ids = _ids(form)
    action = _text(form, "action")
    url = database_url(request)
    if not ids:
        return back("/queue", "bulk")
    if action == "confirm":
        actions.confirm_labels(ids, user, database_url=url)
    elif action == "assign":
        actions.reassign(ids, _text(form, "owner"), user, database_url=url)
    elif action == "close":
        actions.bulk_close(ids, user, database_url=url)
    else:
        raise actions.ActionError("unknown bulk action")
    return back("/queue", "bulk")


REPORT_DAYS = 90
# The response-time report is our own HTML with an inline stylesheet and inline SVG charts:
# no script at all, nothing remote, framed only by our own dashboard.
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; "
    "form-action 'none'; frame-ancestors 'self'; base-uri 'none'"
)


def report_period(since: str | None, until: str | None) -> tuple[datetime, datetime]:
    """Whole UTC days: ``until`` is the last day counted (default today), ``since`` the first
    (default 90 days before). A malformed date falls back to the default, never an error."""

    def day(value: str | None) -> date | None:
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            return None

    last = day(until) or datetime.now(UTC).date()
    first = day(since) or last - timedelta(days=REPORT_DAYS - 1)
    if first > last:
        first = last
    end = datetime.combine(last + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    return datetime.combine(first, datetime.min.time(), tzinfo=UTC), end


@router.get("/metrics")
async def metrics(
    request: Request, since: str | None = None, until: str | None = None,
    user: Any = Depends(signed_in),
) -> HTMLResponse:  # fmt: skip
    view = queue_view(user, counts_only=True, database_url=database_url(request))
    start, end = report_period(since, until)
    alerts = await run_in_threadpool(gap_alerts, database_url(request), 3)
    last_day = (end - timedelta(days=1)).date()
    period = {"since": start.date().isoformat(), "until": last_day.isoformat()}
    return render(request, "metrics.html", user, view=view, queues=QUEUES, period=period,
                  query=urlencode(period), alerts=alerts)  # fmt: skip


@router.get("/metrics/report")
async def metrics_report(
    request: Request, since: str | None = None, until: str | None = None,
    user: Any = Depends(signed_in),
) -> HTMLResponse:  # fmt: skip
    """Response times for the period: aggregate figures only, small groups suppressed."""
    start, end = report_period(since, until)
    html = await run_in_threadpool(report_html, start, end, database_url=database_url(request))
    return HTMLResponse(html, headers={"Content-Security-Policy": REPORT_CSP,
                                       "X-Frame-Options": "SAMEORIGIN"})  # fmt: skip


@router.get("/metrics/report.pdf")
async def metrics_report_pdf(
    request: Request, since: str | None = None, until: str | None = None,
    user: Any = Depends(signed_in),
) -> Response:  # fmt: skip
    """The same report printed by headless Chromium, for publishing a response-rate statement."""
    start, end = report_period(since, until)

    def printed() -> bytes:
        html = report_html(start, end, database_url=database_url(request))
        with tempfile.TemporaryDirectory(prefix="triage-pdf-") as tmp:
            return html_to_pdf(html, Path(tmp) / "report.pdf").read_bytes()

    name = f"triage-response-times-{start.date()}-{(end - timedelta(days=1)).date()}.pdf"
    return Response(await run_in_threadpool(printed), media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip


# --- a case -----------------------------------------------------------------------------


@router.get("/cases/{case_id}")
async def case_page(request: Request, case_id: int, user: Any = Depends(signed_in)) -> Response:
    url = database_url(request)
    viewers = await run_in_threadpool(actions.touch_viewer, case_id, user, database_url=url)
    detail = await run_in_threadpool(case_detail, case_id, user, database_url=url)
    return render(request, "case.html", user, d=detail, viewers=viewers,
                  choices=label_choices(), outcomes=actions.OUTCOMES,
                  statuses=actions.STATUSES)  # fmt: skip


@router.get("/cases/{case_id}/messages/{message_id}/original")
async def original(request: Request, case_id: int, message_id: int,
                   user: Any = Depends(signed_in)) -> Response:  # fmt: skip
    html = original_html(case_id, message_id, user, database_url=database_url(request))
    page = f'<!doctype html><meta charset="utf-8"><base target="_blank">{html}'
    return HTMLResponse(page, headers={
        "Content-Security-Policy": ORIGINAL_CSP, "X-Frame-Options": "SAMEORIGIN",
    })  # fmt: skip


@router.get("/cases/{case_id}/messages/{message_id}/attachments/{index}")
async def download(request: Request, case_id: int, message_id: int, index: int,
                   user: Any = Depends(signed_in)) -> Response:  # fmt: skip
    name, payload = attachment(case_id, message_id, index, user,
                               database_url=database_url(request))  # fmt: skip
    ascii_name = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)[:100]
    return Response(payload, media_type="application/octet-stream", headers={
        "Content-Disposition": f'attachment; filename="{ascii_name or "attachment"}"',
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
    })  # fmt: skip


@router.post("/cases/{case_id}/viewing")
async def viewing(request: Request, case_id: int, user: Any = Depends(signed_in)) -> JSONResponse:
    """The page's heartbeat (soft lock): who else has this case open."""
    return JSONResponse({"others": actions.touch_viewer(case_id, user,
                                                        database_url=database_url(request))})


@router.post("/cases/{case_id}/confirm")
async def confirm(request: Request, case_id: int, user: Any = Depends(signed_in)) -> Response:
    actions.confirm_labels([case_id], user, database_url=database_url(request))
    return back(f"/cases/{case_id}", "confirmed")


@router.post("/cases/{case_id}/labels")
async def correct(request: Request, case_id: int, user: Any = Depends(signed_in)) -> Response:
    form = await request.form()
    countries = [c.strip() for c in _text(form, "countries").split(",") if c.strip()]
    result = actions.correct(
        case_id, user, rights_issue=[v for v in form.getlist("rights_issue") if v] or None,
        challenge=[v for v in form.getlist("challenge") if isinstance(v, str)]
        if _text(form, "challenge_present") else None,
        countries=countries if _text(form, "countries_present") else None,
        priority=_text(form, "priority") or None, kind=_text(form, "kind") or None,
        database_url=database_url(request),
    )  # fmt: skip
    return back(f"/cases/{case_id}", "corrected" if result.rerouted else "corrected_same")


@router.post("/cases/{case_id}/assign")
async def assign(request: Request, case_id: int, user: Any = Depends(signed_in)) -> Response:
    form = await request.form()
    actions.reassign([case_id], _text(form, "owner"), user, database_url=database_url(request))
    return back(f"/cases/{case_id}", "assigned")


@router.post("/cases/{case_id}/status")
async def status(request: Request, case_id: int, user: Any = Depends(signed_in)) -> Response:
    form = await request.form()
    actions.set_status(case_id, _text(form, "status"), user, database_url=database_url(request))
    return back(f"/cases/{case_id}", "status")


@router.post("/cases/{case_id}/response")
async def response_sent(request: Request, case_id: int,
                        user: Any = Depends(signed_in)) -> Response:  # fmt: skip
    form = await request.form()
    actions.record_response(case_id, _text(form, "what") or "respond", user,
                            database_url=database_url(request), at=datetime.now(UTC))
    return back(f"/cases/{case_id}", "response")


@router.post("/cases/{case_id}/outcome")
async def outcome(request: Request, case_id: int, user: Any = Depends(signed_in)) -> Response:
    form = await request.form()
    actions.record_outcome(case_id, _text(form, "category"), _text(form, "summary"), user,
                           database_url=database_url(request))  # fmt: skip
    return back(f"/cases/{case_id}", "outcome")


@router.post("/cases/{case_id}/confidential")
async def confidential(request: Request, case_id: int,
                       user: Any = Depends(signed_in)) -> Response:  # fmt: skip
    form = await request.form()
    named = [n for n in _text(form, "named").replace(",", " ").split() if n]
    actions.set_confidential(case_id, _text(form, "confidential") == "yes", named, user,
                             database_url=database_url(request))  # fmt: skip
    return back(f"/cases/{case_id}", "confidential")


@router.post("/cases/{case_id}/merge")
async def merge(request: Request, case_id: int, user: Any = Depends(signed_in)) -> Response:
    form = await request.form()
    into = _int(_text(form, "into"))
    if into is None:
        raise actions.ActionError("merge needs the number of the case to keep")
    actions.merge(case_id, into, user, database_url=database_url(request))
    return back(f"/cases/{into}", "merged")


@router.post("/cases/{case_id}/notes")
async def note(request: Request, case_id: int, user: Any = Depends(signed_in)) -> Response:
    form = await request.form()
    actions.add_note(case_id, _text(form, "body"), user, database_url=database_url(request))
    return back(f"/cases/{case_id}", "note")


# --- people -----------------------------------------------------------------------------


@router.get("/admin/audit")
async def audit_page(request: Request, case: str = "", actor: str = "",
                     user: Any = Depends(signed_in)) -> HTMLResponse:  # fmt: skip
    """Admins only: the append-only log of reads of message text (read-only page)."""
    case_id = int(case) if case.strip().isdigit() else None
    who = actor.strip()[:100] or None
    rows = await run_in_threadpool(reads_for, user, case_id, actor=who,
                                   database_url=database_url(request))  # fmt: skip
    return render(request, "audit.html", user, rows=rows, case=case_id, actor=who)


@router.get("/admin/users")
async def users_page(request: Request, user: Any = Depends(signed_in)) -> HTMLResponse:
    require_admin(user)
    people = users_service.list_users(database_url(request))
    return render(request, "users.html", user, people=people, roles=users_service.ROLES)


@router.post("/admin/users")
async def add_user(request: Request, user: Any = Depends(signed_in)) -> Response:
    require_admin(user)
    form = await request.form()
    await run_in_threadpool(
        users_service.add_user,
        _text(form, "username").strip(), _text(form, "password"), _text(form, "role"),
        display_name=_text(form, "display_name").strip() or None,
        team=_text(form, "team").strip() or None, actor=user.username,
        database_url=database_url(request),
    )  # fmt: skip
    return back("/admin/users", "user_added")


@router.post("/admin/users/{username}/disable")
async def disable_user(request: Request, username: str,
                       user: Any = Depends(signed_in)) -> Response:  # fmt: skip
    require_admin(user)
    form = await request.form()
    enable = _text(form, "enable") == "yes"
    if username == user.username and not enable:
        raise AccessDenied("an admin cannot disable their own account here")
    users_service.set_disabled(username, not enable, actor=user.username,
                               database_url=database_url(request))  # fmt: skip
    return back("/admin/users", "user_enabled" if enable else "user_disabled")


@router.post("/admin/users/{username}/password")
async def set_password(request: Request, username: str,
                       user: Any = Depends(signed_in)) -> Response:  # fmt: skip
    require_admin(user)
    form = await request.form()
    await run_in_threadpool(users_service.set_password, username, _text(form, "password"),
                            actor=user.username, database_url=database_url(request))
    return back("/admin/users", "password")


@router.get("/docs")
async def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI description as a plain page: Swagger UI would load scripts from a CDN."""
    schema = request.app.openapi()
    operations = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", ""),
         "description": op.get("description", "")}
        for path, item in schema.get("paths", {}).items() for method, op in item.items()
    ]  # fmt: skip
    found = session_of(request)
    return render(request, "docs.html", found[0] if found else None, operations=operations,
                  title=schema.get("info", {}).get("title", "API"))  # fmt: skip
