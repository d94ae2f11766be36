"""The form endpoint over a real socket: a uvicorn server in a thread, httpx as the client.

TestClient would skip the HTTP layer (Content-Length, chunked bodies, uvicorn's own logs),
which is exactly where a size cap or a leaking log line would hide.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import select

from tests.postgres_server import free_port
from triage.services.database import session_scope
from triage.services.ingest_form import ingest_submission
from triage.store.tables import EventRow, IngestRunRow, MessageRow, QuarantineRow
from triage.web.app import create_app

MARKER = "ZQX-secret-7731"  # planted in submitted values; must never come back or be logged


@contextmanager
def running(app: Any) -> Iterator[str]:
    """Serve ``app`` on a free loopback port until the block ends; yields the base URL.

    ``log_config=None`` sends uvicorn's records (trace level included) to the root logger,
    where caplog sees them.
    """
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_config=None, log_level="trace", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while True:
        if not thread.is_alive():
            raise RuntimeError("uvicorn exited during startup")
        if server.started:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                pass
        if time.monotonic() > deadline:
            raise TimeoutError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@pytest.fixture
def served(database_url: str) -> Iterator[tuple[httpx.Client, str]]:
    """A server over a fresh database on each backend, and a client for it."""
    with running(create_app(database_url)) as base, httpx.Client(base_url=base) as client:
        yield client, database_url


@pytest.fixture
def served_sqlite(sqlite_url: str) -> Iterator[tuple[httpx.Client, str]]:
    with running(create_app(sqlite_url)) as base, httpx.Client(base_url=base) as client:
        yield client, sqlite_url


def submission(**overrides: Any) -> dict[str, Any]:
    payload = {
        "submission_id": "kobo-1842",
        "submitted_at": "2001-02-03T04:05:06Z",
        "name": "Amina Diallo",
        "email": "amina@example.org",
        "organisation": "Association des Juristes",
        "country": "Senegal",
        "subject": "Request for a meeting",
        "message": "We would like to brief your office on detentions in our region.",
    }
    payload.update(overrides)
    return {k: v for k, v in payload.items() if v is not None}


def stored_rows(url: str) -> list[MessageRow]:
    with session_scope(url) as session:
        return list(session.scalars(select(MessageRow).order_by(MessageRow.id)))


def count(url: str, table: Any) -> int:
    with session_scope(url) as session:
        return len(session.scalars(select(table)).all())


def field_names(response: httpx.Response) -> set[str]:
    return {error["field"] for error in response.json()["errors"]}


def test_valid_submission_is_stored_with_server_receipt_time(
    served: tuple[httpx.Client, str],
) -> None:
    client, url = served
    before = datetime.now(UTC)
    response = client.post("/api/forms/website", json=submission())
    after = datetime.now(UTC)
    assert response.status_code == 202, response.text
    body = response.json()
    assert body["status"] == "stored"
    rows = stored_rows(url)
    assert len(rows) == 1
    row = rows[0]
    assert body["reference"] == str(row.id)
    assert (row.channel, row.source) == ("form", "website")
    assert row.body_text == submission()["message"]
    assert row.sender_address == "amina@example.org"
    assert row.organisation == "Association des Juristes"
    assert row.message_id == "kobo-1842"
    # The client's submitted_at is not the receipt time: deadlines run from the server's clock.
    received = row.received_at.astimezone(UTC)
    assert before - timedelta(seconds=1) <= received <= after + timedelta(seconds=1)
    assert json.loads(row.raw)["submitted_at"] == "2001-02-03T04:05:06Z"
    with session_scope(url) as session:
        runs = session.scalars(select(IngestRunRow)).all()
        events = session.scalars(select(EventRow.kind)).all()
    assert [(r.source, r.seen, r.stored, r.duplicates) for r in runs] == [("website", 1, 1, 0)]
    assert sorted(events) == ["ingest_run", "received"]


def test_reposting_the_same_json_is_a_duplicate(served: tuple[httpx.Client, str]) -> None:
    client, url = served
    first = client.post("/api/forms/website", json=submission())
    again = client.post("/api/forms/website", json=submission())
    reordered = client.post(
        "/api/forms/website",
        content=json.dumps(dict(reversed(list(submission().items())))),
        headers={"content-type": "application/json; charset=utf-8"},
    )
    assert first.json()["status"] == "stored"
    assert again.status_code == reordered.status_code == 202
    expected = {"status": "duplicate", "reference": first.json()["reference"]}
    assert again.json() == expected
    assert reordered.json() == expected
    assert len(stored_rows(url)) == 1
    with session_scope(url) as session:
        runs = session.scalars(select(IngestRunRow).order_by(IngestRunRow.id)).all()
    assert [(r.seen, r.stored, r.duplicates) for r in runs] == [(1, 1, 0), (1, 0, 1), (1, 0, 1)]


def test_an_edited_submission_is_a_new_message(served_sqlite: tuple[httpx.Client, str]) -> None:
    client, url = served_sqlite
    client.post("/api/forms/website", json=submission())
    edited = client.post("/api/forms/website", json=submission(subject="Request, revised"))
    assert edited.json()["status"] == "stored"
    assert len(stored_rows(url)) == 2


def test_oversized_body_is_refused_and_nothing_stored(
    served: tuple[httpx.Client, str],
) -> None:
    client, url = served
    big = submission(message="x" * (256 * 1024 + 10))
    response = client.post("/api/forms/website", json=big)
    assert response.status_code == 413
    assert "larger than 262144 bytes" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the cap must count while reading
        data = json.dumps(big).encode()
        for start in range(0, len(data), 16 * 1024):
            yield data[start : start + 16 * 1024]

    chunked = client.post(
        "/api/forms/website", content=chunks(), headers={"content-type": "application/json"}
    )
    assert chunked.status_code == 413
    assert stored_rows(url) == []
    assert count(url, IngestRunRow) == 0


def test_body_cap_comes_from_settings(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> None:
    from triage.settings import get_settings

    monkeypatch.setenv("TRIAGE_FORM_MAX_BYTES", "2048")
    get_settings.cache_clear()
    with running(create_app(sqlite_url)) as base, httpx.Client(base_url=base) as client:
        small = client.post("/api/forms/website", json=submission(message="y" * 1000))
        large = client.post("/api/forms/website", json=submission(message="y" * 3000))
    assert small.status_code == 202
    assert large.status_code == 413
    assert len(stored_rows(sqlite_url)) == 1


def test_not_json_is_refused(served_sqlite: tuple[httpx.Client, str]) -> None:
    client, url = served_sqlite
    as_json = {"content-type": "application/json"}
    broken = client.post("/api/forms/website", content=b'{"message": "hi"', headers=as_json)
    assert broken.status_code == 422
    assert field_names(broken) == {"body"}
    not_utf8 = client.post("/api/forms/website", content=b'{"message": "\xff"}', headers=as_json)
    assert not_utf8.status_code == 422
    form_encoded = client.post("/api/forms/website", data={"message": "hi"})
    assert form_encoded.status_code == 415
    no_type = client.post("/api/forms/website", content=json.dumps(submission()))
    assert no_type.status_code == 415
    a_list = client.post("/api/forms/website", json=[submission()])
    assert a_list.status_code == 422
    assert stored_rows(url) == []


@pytest.mark.parametrize(
    "payload",
    [
        {k: v for k, v in submission().items() if k != "message"},
        submission(message=""),
        submission(message="  \n\t "),
        submission(message=None) | {"message": None},
        submission(message=42),
    ],
    ids=["missing", "empty", "blank", "null", "number"],
)
def test_message_is_required(
    served_sqlite: tuple[httpx.Client, str], payload: dict[str, Any]
) -> None:
    client, url = served_sqlite
    response = client.post("/api/forms/website", json=payload)
    assert response.status_code == 422
    assert field_names(response) == {"message"}
    assert response.json()["errors"][0]["in"] == "body"
    assert stored_rows(url) == []


def test_unknown_field_and_bad_values_are_named(served_sqlite: tuple[httpx.Client, str]) -> None:
    client, url = served_sqlite
    extra = client.post("/api/forms/website", json=submission(phone="+221 77 000 00 00"))
    assert extra.status_code == 422
    assert field_names(extra) == {"phone"}
    assert extra.json()["errors"][0]["type"] == "extra_forbidden"
    bad = client.post(
        "/api/forms/website",
        json=submission(email="not an address", submitted_at="yesterday", name="n" * 201),
    )
    assert bad.status_code == 422
    assert field_names(bad) == {"email", "submitted_at", "name"}
    assert stored_rows(url) == []


def test_empty_optional_fields_are_accepted(served_sqlite: tuple[httpx.Client, str]) -> None:
    client, url = served_sqlite
    response = client.post(
        "/api/forms/website", json={"message": "Hello", "email": "", "submitted_at": ""}
    )
    assert response.status_code == 202, response.text
    assert stored_rows(url)[0].sender_address == ""


@pytest.mark.parametrize("source", ["Website", "-website", "web site", "w" * 65, "web%2Fsite"])
def test_bad_source_names_are_refused(served_sqlite: tuple[httpx.Client, str], source: str) -> None:
    client, url = served_sqlite
    response = client.post(f"/api/forms/{source}", json=submission())
    assert response.status_code in (404, 422)
    if response.status_code == 422:
        assert field_names(response) == {"source"}
    assert client.post("/api/forms/", json=submission()).status_code in (404, 405)
    assert stored_rows(url) == []


def test_422_never_echoes_submitted_values(served_sqlite: tuple[httpx.Client, str]) -> None:
    client, _url = served_sqlite
    response = client.post(
        "/api/forms/website",
        json={
            "message": "   ",
            "name": MARKER + "n" * 300,
            "email": f"{MARKER}@",
            "submitted_at": MARKER,
            "subject": [MARKER],
            "organisation": {"x": MARKER},
            "unexpected": MARKER,
        },
    )
    assert response.status_code == 422
    assert MARKER not in response.text
    assert all("input" not in error for error in response.json()["errors"])
    assert field_names(response) >= {"message", "name", "email", "submitted_at", "unexpected"}
    too_long = client.post("/api/forms/website", json={"message": MARKER * 10_000})
    assert too_long.status_code == 422
    assert MARKER not in too_long.text


def test_payload_never_reaches_the_logs(
    served_sqlite: tuple[httpx.Client, str],
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    client, url = served_sqlite
    caplog.set_level(logging.DEBUG)
    payload = submission(message=f"Please help, {MARKER}", name=f"Name {MARKER}")
    assert client.post("/api/forms/website", json=payload).json()["status"] == "stored"
    assert client.post("/api/forms/website", json=payload).json()["status"] == "duplicate"
    assert client.post("/api/forms/website", json=payload | {"x": MARKER}).status_code == 422
    client.post("/api/forms/website", json=payload | {"message": MARKER * 100_000})
    ingest_submission({"message": " ", "name": MARKER}, source="website", database_url=url)
    out, err = capfd.readouterr()
    logged = caplog.text
    assert "POST /api/forms/website" in logged  # uvicorn's access log was captured
    assert "form submission run" in logged  # and the service's own lines
    assert MARKER not in logged
    assert MARKER not in out + err


def test_storage_failure_is_a_503_without_content_in_logs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    nowhere = f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none"
    with running(create_app(nowhere)) as base, httpx.Client(base_url=base) as client:
        response = client.post("/api/forms/website", json=submission(message=MARKER))
    assert response.status_code == 503
    assert MARKER not in response.text
    assert "not stored: OperationalError" in caplog.text
    assert MARKER not in caplog.text


def test_markup_is_stored_as_text(served: tuple[httpx.Client, str]) -> None:
    client, url = served
    script = "<script>alert('x')</script>\n<img src=x onerror=alert(1)> & \"quotes\""
    response = client.post(
        "/api/forms/website",
        json=submission(message=script, subject="<b>bold</b>", name="<svg onload=x>"),
    )
    assert response.status_code == 202
    assert response.headers["content-type"].startswith("application/json")
    row = stored_rows(url)[0]
    assert row.body_text == script
    assert (row.subject, row.sender_name) == ("<b>bold</b>", "<svg onload=x>")


def test_a_payload_the_normaliser_refuses_is_quarantined(sqlite_url: str) -> None:
    status = ingest_submission({"message": "\x00 "}, source="website", database_url=sqlite_url)
    again = ingest_submission({"message": "\x00 "}, source="website", database_url=sqlite_url)
    assert status == again == ("quarantined", None)
    assert count(sqlite_url, QuarantineRow) == 1
    assert stored_rows(sqlite_url) == []
    with session_scope(sqlite_url) as session:
        runs = session.scalars(select(IngestRunRow).order_by(IngestRunRow.id)).all()
    assert [(r.seen, r.quarantined, r.duplicates) for r in runs] == [(1, 1, 0), (1, 0, 1)]


def test_health_and_openapi(served_sqlite: tuple[httpx.Client, str]) -> None:
    client, _url = served_sqlite
    assert client.get("/api/health").json() == {"status": "ok"}
    spec = client.get("/openapi.json").json()
    operation = spec["paths"]["/api/forms/{source}"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["message"]
    assert schema["additionalProperties"] is False
    assert client.get("/docs").status_code == 200
