"""Only named people read a confidential case's text, and every read is in the audit log.

Over real HTTP (UI session and API token) against a served database built by the real
pipeline. Every GET route that names a case is walked, so a new view cannot slip past.
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from tests.web.conftest import Site, site  # noqa: F401  (the served site fixture)
from tests.web.staff import sign_in
from tests.web.test_staff_security import routes
from triage.services.access import AccessDenied
from triage.services.audit import reads, reads_for, record_reads
from triage.services.database import session_scope
from triage.services.users import add_user, issue_api_token
from triage.store.database import make_engine, migrate
from triage.store.tables import CaseRow, MessageRow, TextReadRow
from triage.web.app import create_app

WORDS = "journalists in Lebanon"  # the spyware case's body


def read_count(url: str, case_id: int) -> int:
    with session_scope(url) as session:
        return int(session.scalar(select(func.count()).select_from(TextReadRow)
                                  .where(TextReadRow.case_id == case_id)) or 0)  # fmt: skip


def case_paths(case_id: int, message_id: int) -> list[str]:
    """Every GET route about one case, its values filled in."""
    values = {"case_id": str(case_id), "message_id": str(message_id), "index": "0"}
    found = []
    for path, methods in routes(create_app("sqlite://")):
        if "GET" in methods and "{case_id}" in path:
            found.append(re.sub(r"{(\w+)}", lambda m: values[m.group(1)], path))
    return found


def test_only_named_people_read_confidential_text_and_each_read_is_logged(
    site: Site,  # noqa: F811
) -> None:
    case_id = site.cases["spyware"]
    with session_scope(site.url) as session:
        case = session.get(CaseRow, case_id)
        assert case is not None
        owner, root = case.owner, case.root_message_id
    add_user("omar.said", "correct horse battery staple", "owner", team="defenders-at-risk",
             database_url=site.url)  # fmt: skip
    triager = sign_in(site.base, "tomas.novak")
    response = triager.client.post(f"/cases/{case_id}/assign",
                                   data={"csrf_token": triager.csrf, "owner": "amina.yusuf"})
    assert response.status_code == 303
    response = triager.client.post(f"/cases/{case_id}/confidential", data={
        "csrf_token": triager.csrf, "confidential": "yes", "named": "omar.said"})  # fmt: skip
    assert response.status_code == 303, owner
    paths = case_paths(case_id, root)
    assert any(p.endswith("/original") for p in paths) and any("/api/v1/" in p for p in paths)

    before = read_count(site.url, case_id)
    # Not named, not the owner: admin, triager, another owner, an analyst. UI and API.
    for username in ("admin.one", "tomas.novak", "lena.fischer", "ana.lyst"):
        signed = sign_in(site.base, username)
        token = issue_api_token(username, database_url=site.url)
        api = httpx.Client(base_url=site.base, headers={"Authorization": f"Bearer {token}"})
        for path in paths:
            client = api if path.startswith("/api/") else signed.client
            response = client.get(path)
            assert response.status_code in (200, 403, 404), (username, path)
            assert WORDS not in response.text, (username, path)
            assert "spyware" not in response.headers.get("content-disposition", "")
        queue = signed.client.get("/queue", params={"queue": "open"})
        assert WORDS not in queue.text
    assert read_count(site.url, case_id) == before  # nothing read, nothing logged

    named = sign_in(site.base, "omar.said")
    page = named.client.get(f"/cases/{case_id}")
    assert page.status_code == 200 and WORDS in page.text
    token = issue_api_token("omar.said", database_url=site.url)
    api = httpx.Client(base_url=site.base, headers={"Authorization": f"Bearer {token}"})
    body = api.get(f"/api/v1/cases/{case_id}").json()
    assert body["text_visible"] and WORDS in body["thread"][0]["new_text"]
    views = [(r.actor, r.view, r.message_id) for r in reads(case_id, database_url=site.url)]
    assert ("omar.said", "case_page", root) in views and ("omar.said", "api_case", root) in views

    # The log is for admins: the API refuses others, and has no way to change it.
    admin_token = issue_api_token("admin.one", database_url=site.url)
    admin_api = httpx.Client(base_url=site.base,
                             headers={"Authorization": f"Bearer {admin_token}"})  # fmt: skip
    logged = admin_api.get("/api/v1/audit", params={"case": case_id}).json()["reads"]
    assert {r["actor"] for r in logged} == {"omar.said"}
    assert api.get("/api/v1/audit").status_code == 403
    page = sign_in(site.base, "admin.one").client.get("/admin/audit", params={"case": case_id})
    assert page.status_code == 200 and "omar.said" in page.text and "case_page" in page.text
    assert named.client.get("/admin/audit").status_code == 403
    for method in ("PUT", "PATCH", "DELETE", "POST"):
        assert admin_api.request(method, "/api/v1/audit").status_code in (403, 404, 405)


def test_no_route_can_change_the_audit_log() -> None:
    """Walk every route: none that changes state names the log, and the only routes that
    read it are GET. (The service layer has no update or delete function for it either.)"""
    app = create_app("sqlite://")
    audit_routes = [(p, m) for p, m in routes(app) if "audit" in p]
    assert audit_routes, "the admin read route exists"
    for path, methods in audit_routes:
        assert methods <= {"GET", "HEAD"}, path
    import triage.services.audit as audit_module

    source = Path(audit_module.__file__).read_text(encoding="utf-8")
    assert "update(" not in source and "delete(" not in source


def test_the_log_refuses_update_and_delete_in_the_database(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    from datetime import UTC, datetime

    from sqlalchemy.orm import Session

    with Session(engine) as session, session.begin():
        record_reads(session, "omar.said", 1, [1, 2], "case_page", datetime.now(UTC))
    for statement in ("UPDATE text_reads SET actor = 'someone.else'", "DELETE FROM text_reads"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(statement))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM text_reads")).scalar() == 2
        assert connection.execute(text("SELECT DISTINCT actor FROM text_reads")).scalar() \
            == "omar.said"  # fmt: skip
    engine.dispose()


def test_reading_the_log_is_for_admins(sqlite_url: str) -> None:
    admin = add_user("admin.one", "correct horse battery staple", "admin", database_url=sqlite_url)
    triager = add_user("tomas.novak", "correct horse battery staple", "triager",
                       database_url=sqlite_url)  # fmt: skip
    with session_scope(sqlite_url) as session:
        assert session.scalar(select(func.count()).select_from(MessageRow)) == 0
    assert reads_for(admin, database_url=sqlite_url) == []
    with pytest.raises(AccessDenied):
        reads_for(triager, database_url=sqlite_url)
