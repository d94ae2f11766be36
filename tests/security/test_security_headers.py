"""Security headers on every response of every route, and 500s that give nothing away.

The routes are found by walking the app (as the CSRF test does), so a new route cannot
escape the check; each is called signed out and signed in, with its own methods and with a
method it does not allow (405), plus a path that does not exist (404) and handlers forced to
raise (500).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import httpx
import pytest

from tests.web.conftest import Site, site  # noqa: F401  (the staff site fixture)
from tests.web.staff import sign_in
from tests.web.test_forms_endpoint import running
from tests.web.test_staff_security import routes
from triage.services.database import session_scope
from triage.services.users import issue_api_token
from triage.settings import get_settings
from triage.store.tables import CaseRow
from triage.web.app import create_app

SECRET = "ZQX-canary-4417 Ana Mwangi"
# Responses that are framed by our own pages (the sanitised original, the metrics report) may
# allow 'self' as an ancestor; everything else allows none.
FRAMED_BY_US = re.compile(r"^/(cases/\d+/messages/\d+/original|metrics/report)$")
NO_BODY_METHODS = {"HEAD"}


def check_headers(response: httpx.Response, hsts: bool = False) -> None:
    where = f"{response.request.method} {response.request.url.path} -> {response.status_code}"
    csp = response.headers.get("content-security-policy", "")
    assert csp.startswith("default-src 'none'"), where
    assert not re.search(r"https?:|\*|//|data:(?!\s*;|$)", csp.replace("img-src data:", "")), where
    ancestors = re.search(r"frame-ancestors ([^;]+)", csp)
    assert ancestors, where
    framed = FRAMED_BY_US.match(response.request.url.path) and response.status_code == 200
    allowed = "'self'" if framed else "'none'"
    assert ancestors.group(1).strip() == allowed, where
    assert response.headers.get("x-content-type-options") == "nosniff", where
    assert response.headers.get("referrer-policy") == "no-referrer", where
    assert (response.headers.get("strict-transport-security") is not None) is hsts, where
    if hsts:
        assert response.headers["strict-transport-security"] == (
            "max-age=31536000; includeSubDomains")


def fill(path: str, case_id: int, message_id: int) -> str:
    values = {"case_id": str(case_id), "message_id": str(message_id), "index": "0",
              "username": "ana.lyst", "source": "website"}  # fmt: skip
    return re.sub(r"{(\w+)}", lambda m: values[m.group(1)], path)


def test_every_route_every_status_has_the_headers(site: Site) -> None:  # noqa: F811
    app = create_app(site.url)
    walked = sorted((path, sorted(methods)) for path, methods in routes(app))
    assert len(walked) >= 30 and any(p == "/api/forms/{source}" for p, _ in walked)
    signed = sign_in(site.base, "tomas.novak")
    signed.client.timeout = httpx.Timeout(60)  # the PDF report is printed by Chromium
    anonymous = httpx.Client(base_url=site.base, timeout=60)
    token = issue_api_token("tomas.novak", database_url=site.url)
    api = httpx.Client(base_url=site.base, headers={"Authorization": f"Bearer {token}"},
                       timeout=60)  # fmt: skip
    statuses: set[int] = set()
    case_id = site.cases["vague"]  # the case with an attachment
    with session_scope(site.url) as session:
        case = session.get(CaseRow, case_id)
        assert case is not None
        message_id = case.root_message_id
    for path, methods in walked:
        url = fill(path, case_id, message_id)
        client = api if path.startswith("/api/v1/") else signed.client
        for method in methods:
            for who in (client, anonymous):
                data = {"csrf_token": signed.csrf} if who is client and method == "POST" else None
                if path == "/logout" or path.startswith("/admin/users/"):
                    data = None  # do not sign out or change people mid-walk (403 is enough)
                response = who.request(method, url, data=data)
                check_headers(response)
                statuses.add(response.status_code)
        wrong = "DELETE" if "DELETE" not in methods else "PATCH"
        response = client.request(wrong, url)
        assert response.status_code == 405, (wrong, path)
        check_headers(response)
        statuses.add(response.status_code)
    missing = signed.client.get("/no/such/page")
    assert missing.status_code == 404
    check_headers(missing)
    statuses.add(404)
    # The walk met successes, redirects and refusals, not one kind of answer.
    assert {200, 303, 401, 403, 404, 405} <= statuses, statuses


@pytest.fixture
def hsts_app(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> Iterator[str]:
    monkeypatch.setenv("TRIAGE_HSTS", "true")
    get_settings.cache_clear()
    with running(create_app(sqlite_url)) as base:
        yield base


def test_hsts_is_a_setting(
    hsts_app: str, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with httpx.Client(base_url=hsts_app) as client:
        for path, status in (("/login", 200), ("/no/such/page", 404), ("/api/health", 200)):
            response = client.get(path)
            assert response.status_code == status
            check_headers(response, hsts=True)
        check_headers(client.delete("/login"), hsts=True)  # 405 too
    monkeypatch.delenv("TRIAGE_HSTS")
    get_settings.cache_clear()
    with running(create_app(sqlite_url)) as base:  # off by default (plain http on loopback)
        check_headers(httpx.get(f"{base}/login"), hsts=False)


def test_a_500_gives_nothing_away(
    site: Site,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A handler that raises with case text and a file path in its message: the response is
    a bare 500 with the headers, the log line names the exception class and route only."""

    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(f"{SECRET} in /srv/triage/triage/services/staff_queue.py line 42")

    signed = sign_in(site.base, "tomas.novak")
    monkeypatch.setattr("triage.web.ui.queue_view", explode)
    monkeypatch.setattr("triage.web.staff_api.queue_view", explode)
    token = issue_api_token("tomas.novak", database_url=site.url)
    caplog.set_level(logging.DEBUG)
    responses = [
        signed.client.get("/queue"),
        httpx.get(f"{site.base}/api/v1/queue", headers={"Authorization": f"Bearer {token}"}),
    ]
    for response in responses:
        assert response.status_code == 500
        assert response.json() == {"detail": "internal error"}
        for leak in ("ZQX", "Ana", "Traceback", "/srv", ".py", "RuntimeError", "line 42"):
            assert leak not in response.text, leak
        check_headers(response)
    logged = [r for r in caplog.records if r.name == "triage.web.security"]
    assert len(logged) == 2, "positive control: the failure was logged"
    assert "RuntimeError" in logged[0].getMessage() and "/queue" in logged[0].getMessage()
    for record in caplog.records:
        text = record.getMessage() + str(record.exc_info or "") + str(record.args or "")
        assert "ZQX" not in text and "Ana Mwangi" not in text, record.name
