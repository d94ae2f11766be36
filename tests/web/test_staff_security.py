"""The staff UI's guarantees over real HTTP: CSRF on every state-changing route (found by
walking the app, so a new route cannot slip past), roles, confidentiality, headers, and
errors without stack traces."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import func, select
from starlette.routing import Route

from tests.web.conftest import Site
from tests.web.staff import PASSWORD, sign_in
from tests.web.test_forms_endpoint import running
from triage.services.database import session_scope
from triage.services.users import issue_api_token
from triage.store.tables import CaseRow, ClassificationRow, EventRow
from triage.web.app import create_app
from triage.web.ui import templates

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
# Routes that change state without a staff session, each for a stated reason:
PUBLIC = {
    "/api/forms/{source}": "public intake of web-form submissions; no session, no authority",
}


def routes(app: Any) -> Iterator[tuple[str, set[str]]]:
    """(path, methods) of every route, descending into included routers and mounts."""

    def walk(items: Any, prefix: str) -> Iterator[tuple[str, set[str]]]:
        for item in items:
            original = getattr(item, "original_router", None)
            if original is not None:
                context = getattr(item, "include_context", None)
                yield from walk(original.routes, prefix + getattr(context, "prefix", ""))
            elif isinstance(item, APIRoute | Route):
                yield prefix + item.path, set(item.methods or ())
            elif hasattr(item, "routes") and item.routes:
                yield from walk(item.routes, prefix + getattr(item, "path", ""))

    yield from walk(app.routes, "")


def fill(path: str, case_id: int) -> str:
    values = {"case_id": str(case_id), "message_id": "1", "index": "0",
              "username": "ana.lyst", "source": "website"}  # fmt: skip
    return re.sub(r"{(\w+)}", lambda m: values[m.group(1)], path)


def audit_rows(url: str) -> int:
    with session_scope(url) as session:
        return int(session.scalar(select(func.count()).select_from(EventRow)) or 0)


def test_every_state_changing_route_needs_the_csrf_token(site: Site) -> None:
    app = create_app(site.url)
    unsafe = sorted({(p, m) for p, methods in routes(app) for m in methods & UNSAFE})
    paths = {p for p, _ in unsafe}
    assert {"/login", "/logout", "/cases/{case_id}/labels", "/queue/bulk",
            "/api/v1/cases/{case_id}/assign", "/admin/users"} <= paths  # the walk works
    signed = sign_in(site.base, "admin.one")
    before = audit_rows(site.url)
    case_id = site.cases["urgent"]
    checked = 0
    for path, method in unsafe:
        if path in PUBLIC:
            continue
        url = fill(path, case_id)
        form = {"owner": "omar.said", "status": "closed", "body": "x", "into": "1",
                "username": "mallory", "password": "p" * 20, "role": "admin"}  # fmt: skip
        for token in (None, "forged-" + signed.csrf[7:]):
            data = dict(form, csrf_token=token) if token else form
            response = signed.client.request(method, url, data=data)
            # Staff UI: 403 for a missing/wrong token. JSON API: the cookie is not a
            # credential there at all (401); /login: the form nonce is missing (403).
            expected = 401 if path.startswith("/api/v1/") else 403
            assert response.status_code == expected, (method, path, response.status_code)
            headers = {"X-CSRF-Token": token} if token else {}
            response = signed.client.request(method, url, json={"owner": "omar.said"},
                                             headers=headers)  # fmt: skip
            assert response.status_code == expected, (method, path, "json")
            checked += 1
    assert checked >= 2 * 20
    assert audit_rows(site.url) == before  # nothing at all was changed
    with session_scope(site.url) as session:
        assert session.get(CaseRow, case_id).status == "open"  # type: ignore[union-attr]
    # The same session with its token does get through (the check is not a blanket refusal).
    response = signed.client.post(f"/cases/{case_id}/notes",
                                  data={"csrf_token": signed.csrf, "body": "checked"})
    assert response.status_code == 303


def test_analyst_never_sees_message_text(site: Site) -> None:
    analyst = sign_in(site.base, "ana.lyst")
    case_id = site.cases["question"]
    assert analyst.client.get("/metrics").status_code == 200
    for path in ("/queue", "/queue?queue=open", f"/cases/{case_id}",
                 f"/cases/{case_id}/messages/1/original",
                 f"/cases/{case_id}/messages/1/attachments/0"):  # fmt: skip
        response = analyst.client.get(path)
        assert response.status_code == 403, path
        assert "human rights policy" not in response.text
    token = issue_api_token("ana.lyst", database_url=site.url)
    api = httpx.Client(base_url=site.base, headers={"Authorization": f"Bearer {token}"})
    assert api.get(f"/api/v1/cases/{case_id}").status_code == 403
    queue = api.get("/api/v1/queue", params={"queue": "open"})
    assert queue.status_code == 200
    assert queue.json()["cases"] == [] and queue.json()["counts"]["open"] >= 3
    assert "transparency" not in queue.text
    # Analysts change nothing either.
    response = analyst.client.post(f"/cases/{case_id}/confirm", data={"csrf_token": analyst.csrf})
    assert response.status_code == 403


def test_owner_cannot_open_someone_elses_confidential_case(site: Site) -> None:
    case_id = site.cases["question"]
    triager = sign_in(site.base, "tomas.novak")
    response = triager.client.post(f"/cases/{case_id}/assign",
                                   data={"csrf_token": triager.csrf, "owner": "amina.yusuf"})
    assert response.status_code == 303
    response = triager.client.post(f"/cases/{case_id}/confidential", data={
        "csrf_token": triager.csrf, "confidential": "yes", "named": "omar.said"})  # fmt: skip
    assert response.status_code == 303

    other = sign_in(site.base, "lena.fischer")  # an owner, neither the case's nor named
    for path in (f"/cases/{case_id}", f"/cases/{case_id}/messages/1/original"):
        response = other.client.get(path)
        assert response.status_code == 403, path
        assert "human rights policy" not in response.text
    queue = other.client.get("/queue", params={"queue": "open"})
    assert f"/cases/{case_id}" in queue.text and "human rights policy" not in queue.text
    token = issue_api_token("lena.fischer", database_url=site.url)
    api = httpx.Client(base_url=site.base, headers={"Authorization": f"Bearer {token}"})
    assert api.get(f"/api/v1/cases/{case_id}").status_code == 403
    assert api.post(f"/api/v1/cases/{case_id}/notes", json={"body": "x"}).status_code == 403

    owner = sign_in(site.base, "amina.yusuf")  # the case's owner reads it
    page = owner.client.get(f"/cases/{case_id}")
    assert page.status_code == 200 and "human rights policy" in page.text
    # A triager who is not named sees the case's facts but not its text.
    page = triager.client.get(f"/cases/{case_id}")
    assert page.status_code == 200
    assert "human rights policy" not in page.text and "withheld" in page.text


def test_security_headers_and_autoescape(site: Site) -> None:
    assert templates.env.autoescape is True
    signed = sign_in(site.base, "tomas.novak")
    for path in ("/login", "/queue", f"/cases/{site.cases['urgent']}", "/docs", "/metrics",
                 "/api/health", "/static/app.js"):  # fmt: skip
        response = signed.client.get(path)
        assert response.status_code == 200, path
        csp = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "http" not in csp and "*" not in csp
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
    page = signed.client.get("/login")
    assert "triage_login=" in page.headers["set-cookie"]
    for flag in ("HttpOnly", "Secure", "SameSite=strict"):
        assert flag.lower() in page.headers["set-cookie"].lower()


def test_login_is_throttled(site: Site) -> None:
    client = httpx.Client(base_url=site.base)

    def attempt(password: str) -> int:
        page = client.get("/login")
        nonce = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert nonce
        client.cookies.set("triage_login", nonce.group(1))
        return client.post("/login", data={"username": "amina.yusuf", "password": password,
                                           "csrf_token": nonce.group(1)}).status_code

    for _ in range(5):
        assert attempt("wrong password!!") == 401
    assert attempt(PASSWORD) == 401  # locked: even the right password is refused now
    with session_scope(site.url) as session:
        from triage.store.tables import UserRow

        row = session.scalars(select(UserRow).where(UserRow.username == "amina.yusuf")).one()
        assert row.locked_until is not None


def test_errors_carry_no_stack_trace(tmp_path: Any) -> None:
    broken = f"sqlite:///{tmp_path}/a-file/triage.db"
    (tmp_path / "a-file").write_text("not a folder")  # the database cannot be opened
    with running(create_app(broken)) as base, httpx.Client(base_url=base) as client:
        page = client.get("/login")
        nonce = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert nonce
        client.cookies.set("triage_login", nonce.group(1))
        response = client.post("/login", data={"username": "x", "password": "y",
                                               "csrf_token": nonce.group(1)})  # fmt: skip
        assert response.status_code == 500
        assert response.json() == {"detail": "internal error"}
        for word in ("Traceback", 'File "', "sqlite", "Error"):
            assert word not in response.text
        missing = client.get("/cases/not-a-number")
        assert missing.status_code in (302, 303, 422)
        assert "Traceback" not in missing.text


@pytest.mark.parametrize("role", ["triager"])
def test_json_api_works_with_a_token(site: Site, role: str) -> None:
    case_id = site.cases["urgent"]
    token = issue_api_token("tomas.novak", "integration", database_url=site.url)
    api = httpx.Client(base_url=site.base, headers={"Authorization": f"Bearer {token}"})
    queue = api.get("/api/v1/queue", params={"queue": "open", "rights_issue": "hrd_safety"})
    assert queue.status_code == 200
    assert case_id in [c["case_id"] for c in queue.json()["cases"]]
    assert api.post(f"/api/v1/cases/{case_id}/confirm").json()["ok"] is True
    with session_scope(site.url) as session:
        case = session.get(CaseRow, case_id)
        assert case is not None
        latest = session.scalars(
            select(ClassificationRow).where(ClassificationRow.message_id == case.root_message_id)
            .order_by(ClassificationRow.id.desc())).first()  # fmt: skip
        assert latest is not None and latest.model_version.startswith("staff:tomas.novak@")
    bad = api.post(f"/api/v1/cases/{case_id}/labels", json={"rights_issue": ["nonsense"]})
    assert bad.status_code == 400
    assert httpx.get(f"{site.base}/api/v1/queue").status_code == 401
    schema = httpx.get(f"{site.base}/openapi.json").json()
    assert "/api/v1/cases/{case_id}/outcome" in schema["paths"]


def test_admin_manages_people_in_the_ui(site: Site) -> None:
    admin = sign_in(site.base, "admin.one")
    response = admin.client.post("/admin/users", data={
        "csrf_token": admin.csrf, "username": "new.person", "role": "triager",
        "display_name": "New Person", "team": "triage-desk", "password": "a fresh password",
    })  # fmt: skip
    assert response.status_code == 303
    newcomer = sign_in(site.base, "new.person", "a fresh password")
    assert newcomer.client.get("/queue").status_code == 200
    assert newcomer.client.post("/admin/users", data={
        "csrf_token": newcomer.csrf, "username": "sneaky", "role": "admin",
        "password": "p" * 20}).status_code == 403  # fmt: skip
    response = admin.client.post("/admin/users/new.person/disable",
                                 data={"csrf_token": admin.csrf, "enable": "no"})
    assert response.status_code == 303
    assert newcomer.client.get("/queue").status_code == 303  # the session ended at once
    assert "new.person" in admin.client.get("/admin/users").text
    assert "sneaky" not in admin.client.get("/admin/users").text
