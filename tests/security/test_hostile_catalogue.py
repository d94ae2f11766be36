"""Every case of the hostile inputs catalogue through the real ingest path, with its outcome.

Email and export cases go through folder ingest (``ingest_folder``: the parser, the
normaliser, the repository) into a real SQLite database, each in its own batch followed by a
good message that must still be stored, with counts that reconcile and a rerun that stores
nothing new. Form cases go through ``POST /api/forms/{source}`` on a real uvicorn server.
Filter and UI cases go through the staff queue and case pages over HTTP, signed in. The
browser-level check (nothing hostile runs in Chromium) is tests/web/test_hostile_content.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from tests.security.hostile_catalogue import (
    CATALOGUE,
    EMAIL_CASES,
    EXPORT_CASES,
    FILTER_CASES,
    FORM_CASES,
    NOW,
    XSS,
    HostileCase,
    mail,
)
from tests.web.conftest import Site, site  # noqa: F401  (the staff site fixture)
from tests.web.staff import case_ids, eml, ingest, sign_in
from tests.web.test_forms_endpoint import running
from triage.services.database import session_scope
from triage.services.ingest_batch import IngestResult, ingest_folder
from triage.services.users import issue_api_token
from triage.store.tables import (
    CaseRow,
    EventRow,
    IngestRunRow,
    MessageRow,
    QuarantineRow,
)
from triage.web.app import create_app

README = Path(__file__).resolve().parents[2] / "README.md"


def ids(cases: list[HostileCase]) -> list[str]:
    return [case.id for case in cases]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One real SQLite database for the module; every case has a source of its own."""
    return f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'triage.db'}"


def rows_of(url: str, source: str) -> tuple[list[MessageRow], list[QuarantineRow]]:
    with session_scope(url) as session:
        messages = list(session.scalars(
            select(MessageRow).where(MessageRow.source == source).order_by(MessageRow.id)))
        held = list(session.scalars(select(QuarantineRow).where(QuarantineRow.source == source)))
        session.expunge_all()
    return messages, held  # fmt: skip


def good_message(case_id: str) -> bytes:
    return mail(f"good-{case_id}", "From: Kofi <kofi@example.org>", "Subject: Thanks",
                body=b"A good message after the hostile one.\r\n")  # fmt: skip


def assert_outcome(case: HostileCase, result: IngestResult, url: str, items: int) -> None:
    """The case's items ended as the catalogue says, the good one is stored, counts reconcile."""
    assert result.reconciles(), result.counts()
    assert result.seen == items + 1, result.counts()
    messages, held = rows_of(url, result.source)
    good = [m for m in messages if m.subject == "Thanks" and "good message" in m.body_text]
    assert len(good) == 1, "the batch went on: the good message after the hostile one is stored"
    hostile = [m for m in messages if m not in good]
    expect = case.expect
    if expect.outcome == "quarantined":
        assert [q.reason for q in held] == [expect.reason], [q.reason for q in held]
        assert hostile == [] and result.quarantined == 1
        assert result.stored == 1 and result.duplicates == items - 1
        assert held[0].raw, "the raw bytes are kept for a person to look at"
        return
    assert held == [], [q.reason for q in held]
    assert len(hostile) == expect.stored, len(hostile)
    assert result.stored == expect.stored + 1
    assert result.duplicates == items - expect.stored
    if expect.outcome == "duplicate":
        assert result.duplicates >= 1
    if expect.check is not None:
        expect.check(hostile)


def test_the_catalogue_is_complete_and_the_readme_says_so() -> None:
    assert len(CATALOGUE) >= 40
    assert len({case.id for case in CATALOGUE}) == len(CATALOGUE), "ids are unique"
    categories = {case.category for case in CATALOGUE}
    assert {"malformed MIME", "encodings", "header bombs", "HTML bombs", "oversized and nested",
            "path traversal", "header injection", "spoofed internal headers", "SQL injection",
            "CSV injection", "XSS", "duplicates", "clock skew"} <= categories  # fmt: skip
    for case in CATALOGUE:
        assert case.what and case.expect.summary, case.id
        assert case.expect.outcome in ("stored", "quarantined", "duplicate", "refused",
                                       "escaped"), case.id  # fmt: skip
    figure = re.search(r"Hostile inputs tried: (\d+), all with their expected", README.read_text())
    assert figure and int(figure.group(1)) == len(CATALOGUE), "README's figure is the count"


@pytest.mark.parametrize("case", EMAIL_CASES + EXPORT_CASES, ids=ids(EMAIL_CASES + EXPORT_CASES))
def test_email_and_export_cases(case: HostileCase, store: str, tmp_path: Path) -> None:
    folder = tmp_path / case.id
    folder.mkdir()
    payload = case.payload()
    items = payload if isinstance(payload, list) else [payload]
    for n, raw in enumerate(items):
        suffix = ".eml"
        if case.channel == "form_export":
            suffix = ".json" if raw.lstrip()[:1] in (b"[", b"{") else ".csv"
        (folder / f"{n:02d}-hostile{suffix}").write_bytes(raw)
    (folder / "99-good.eml").write_bytes(good_message(case.id))
    source = f"hostile:{case.id}"
    result = ingest_folder(folder, source=source, database_url=store, now=NOW)
    assert_outcome(case, result, store, len(items))
    again = ingest_folder(folder, source=source, database_url=store, now=NOW)
    assert again.stored == again.quarantined == 0 and again.duplicates == again.seen


def test_nul_bytes_are_stored_on_both_backends(database_url: str, tmp_path: Path) -> None:
    """The NUL case on both backends: PostgreSQL refuses NUL in text, which would have failed
    the whole chunk (every message in it lost until the hostile one was removed)."""
    (case,) = [c for c in EMAIL_CASES if c.id == "mime-nul-bytes"]
    (tmp_path / "a-hostile.eml").write_bytes(case.payload())
    (tmp_path / "b-good.eml").write_bytes(good_message(case.id))
    result = ingest_folder(tmp_path, source=f"hostile:{case.id}", database_url=database_url,
                           now=NOW)  # fmt: skip
    assert_outcome(case, result, database_url, 1)


# --- the form endpoint ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def form_client(store: str) -> Iterator[httpx.Client]:
    with running(create_app(store)) as base, httpx.Client(base_url=base) as client:
        yield client


def post(client: httpx.Client, source: str, item: Any) -> httpx.Response:
    if isinstance(item, bytes):
        return client.post(f"/api/forms/{source}", content=item,
                           headers={"Content-Type": "application/json"})  # fmt: skip
    return client.post(f"/api/forms/{source}", json=item)


def counts(url: str) -> tuple[int, int]:
    with session_scope(url) as session:
        return (int(session.scalar(select(func.count()).select_from(MessageRow)) or 0),
                int(session.scalar(select(func.count()).select_from(QuarantineRow)) or 0))


@pytest.mark.parametrize("case", FORM_CASES, ids=ids(FORM_CASES))
def test_form_cases(case: HostileCase, store: str, form_client: httpx.Client) -> None:
    source = re.sub(r"[^a-z0-9_-]", "-", case.id)
    payload = case.payload()
    items = payload if isinstance(payload, list) else [payload]
    before = counts(store)
    answers = [post(form_client, source, item) for item in items]
    expect = case.expect
    if expect.outcome == "refused":
        assert [a.status_code for a in answers] == [int(expect.reason)] * len(items)
        assert counts(store) == before, "nothing stored"
        text = answers[0].text
        assert "Traceback" not in text and "Bcc" not in text and "AAAA" not in text
    else:
        assert all(a.status_code == 202 for a in answers), [a.text for a in answers]
        statuses = [a.json()["status"] for a in answers]
        references = {a.json()["reference"] for a in answers}
        if expect.outcome == "duplicate":
            assert statuses == ["stored", "duplicate"] and len(references) == 1
        else:
            assert statuses == ["stored"] * len(items)
        messages, _ = rows_of(store, source)
        assert [str(m.id) for m in messages] == sorted(references)
        if expect.check is not None:
            expect.check(messages)
    # The endpoint goes on: a good submission right after is stored.
    good = form_client.post(f"/api/forms/{source}", json={"message": f"Good after {case.id}"})
    assert good.status_code == 202 and good.json()["status"] == "stored"
    with session_scope(store) as session:
        runs = list(session.scalars(select(IngestRunRow).where(IngestRunRow.source == source)))
        assert runs and all(r.seen == r.stored + r.quarantined + r.duplicates for r in runs)
        tables = session.execute(select(func.count()).select_from(MessageRow)).scalar()
        assert tables and tables > 0  # the messages table is still there


# --- the staff queue's filters and the pages that show hostile text -------------------------


CASE_LINK = re.compile(r'<td><a href="/cases/(\d+)">')


@pytest.mark.parametrize("case", FILTER_CASES, ids=ids(FILTER_CASES))
def test_queue_filter_cases(case: HostileCase, site: Site) -> None:  # noqa: F811
    staff = sign_in(site.base, "tomas.novak")
    control = staff.client.get("/queue", params={"queue": "open"})
    listed = set(CASE_LINK.findall(control.text))
    assert control.status_code == 200 and listed, "positive control: the open queue lists cases"
    params = case.payload()
    response = staff.client.get("/queue", params=params)
    assert response.status_code == 200, response.status_code
    found = set(CASE_LINK.findall(response.text))
    assert "Traceback" not in response.text
    for value in params.values():
        if any(c in value for c in "<>\"'&") and len(value) > 3:
            assert value not in response.text, "echoed as markup"  # only escaped forms appear
    if case.id == "filter-odd-values":
        assert found == listed  # out-of-range dates and pages are ignored, not errors
    else:
        assert found == set(), found  # the injection matched nothing: no OR 1=1
        assert "transparency report" not in response.text  # no UNION-ed message text
    token = issue_api_token("tomas.novak", database_url=site.url)
    api = httpx.get(f"{site.base}/api/v1/queue", params=params,
                    headers={"Authorization": f"Bearer {token}"})  # fmt: skip
    assert api.status_code in (200, 422), api.status_code
    if api.status_code == 200 and case.id != "filter-odd-values":
        assert api.json()["cases"] == []


def test_ui_shows_hostile_fields_as_text(site: Site) -> None:  # noqa: F811
    """Subject, sender name, body and attachment name carrying markup, through the real
    pipeline, then the queue and case pages over HTTP: escaped text, never markup."""
    received = datetime.now(UTC) - timedelta(minutes=3)
    raw = eml(received, "xss-http@example.org", f'"{XSS}" <xss@example.org>', f"Help {XSS}",
              f"Our defenders are threatened. {XSS}", attachment=(f"{XSS}.pdf", b"%PDF-1.4"))
    ingest(site.url, site.folder / "xss-http", {"xss-http": raw})
    case_id = case_ids(site.url)["xss-http"]
    staff = sign_in(site.base, "tomas.novak")
    pages = [staff.client.get(f"/cases/{case_id}"),
             staff.client.get("/queue", params={"queue": "open", "sort": "newest"})]
    for page in pages:
        assert page.status_code == 200
        assert "<script>alert(" not in page.text and "<img src=x onerror" not in page.text
        assert "&lt;script&gt;alert(" in page.text  # positive control: shown, as text
    case_page = pages[0].text
    assert case_page.count("&lt;script&gt;alert(") >= 3  # subject, name and body
    assert "onerror_alert(1)_.pdf" in case_page  # the attachment name, sanitised at ingest
    assert f"#{case_id}" in pages[1].text


def test_forged_staff_sender_cannot_mark_a_case_answered(site: Site) -> None:  # noqa: F811
    """A staff-domain From: with a guessed case reference and no thread headers joins the case
    as outside mail; a real staff reply in the thread (positive control) records a response."""
    case_id = site.cases["urgent"]

    def acknowledged() -> datetime | None:
        with session_scope(site.url) as session:
            case = session.get(CaseRow, case_id)
            assert case is not None
            return case.acknowledged_at

    assert acknowledged() is None
    now = datetime.now(UTC)
    forged = eml(now - timedelta(minutes=2), "forged-staff@evil.example",
                 "Amina Yusuf <amina.yusuf@example-platform.com>",
                 f"Re: TRI-{case_id:06d} answered", "We have dealt with this.")
    ingest(site.url, site.folder / "forged", {"forged": forged})
    assert acknowledged() is None, "a forged staff sender marked the case answered"
    with session_scope(site.url) as session:
        row = session.scalars(select(MessageRow).where(
            MessageRow.message_id == "<forged-staff@evil.example>")).one()  # fmt: skip
        assert row.case_id == case_id  # staff still see it, in the case
        kinds = [e.kind for e in session.scalars(
            select(EventRow).where(EventRow.case_id == case_id))]  # fmt: skip
        assert "first_response" not in kinds
        joined = session.scalars(select(EventRow).where(
            EventRow.message_id == row.id, EventRow.kind == "reply_joined")).one()  # fmt: skip
        assert json.loads(json.dumps(joined.data))["from"] == "sender"
    reply = eml(now - timedelta(minutes=1), "real-staff@example-platform.com",
                "Amina Yusuf <amina.yusuf@example-platform.com>", "Re: Urgent", "On it.")
    reply = reply.replace(b"Message-ID:", b"In-Reply-To: <urgent@example.org>\r\nMessage-ID:")
    ingest(site.url, site.folder / "real-staff", {"real": reply})
    assert acknowledged() is not None, "positive control: a reply in the thread does count"


def test_huge_ids_in_urls_are_not_found(site: Site) -> None:  # noqa: F811
    (case,) = [c for c in CATALOGUE if c.id == "ui-huge-ids"]
    big = case.payload()
    staff = sign_in(site.base, "tomas.novak")
    token = issue_api_token("tomas.novak", database_url=site.url)
    api = httpx.Client(base_url=site.base, headers={"Authorization": f"Bearer {token}"})
    answers = [
        staff.client.get(f"/cases/{big}"),
        staff.client.get(f"/cases/{site.cases['urgent']}/messages/{big}/original"),
        staff.client.post(f"/cases/{big}/notes", data={"csrf_token": staff.csrf, "body": "x"}),
        api.get(f"/api/v1/cases/{big}"),
        api.post(f"/api/v1/cases/{big}/notes", json={"body": "x"}),
    ]
    for answer in answers:
        assert answer.status_code == int(case.expect.reason), answer.request.url
        assert "Traceback" not in answer.text and "Overflow" not in answer.text
