"""The SLA watch against a real SMTP server on loopback (aiosmtpd), on SQLite and PostgreSQL.

Notices go up the ladder, carry ids and a link but no message text, are sent once per run
and never again; a watch killed with SIGKILL between sending and recording, then rerun,
delivers each notice exactly once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import ROOT
from tests.postgres_server import free_port
from triage.services.database import engine_for
from triage.services.run_batch import run_batch
from triage.services.sla_watch import sla_watch
from triage.store.tables import OutboxRow

RECEIVED = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


class Collector:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append((list(envelope.rcpt_tos), bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def smtp(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Collector, int]]:
    handler = Collector()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("TRIAGE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("TRIAGE_SMTP_PORT", str(port))
    monkeypatch.setenv("TRIAGE_SMTP_SENDER", "triage@example-platform.com")
    from triage.settings import get_settings

    get_settings.cache_clear()
    try:
        yield handler, port
    finally:
        controller.stop()


def write_inbox(folder: Path, marker: str, n: int = 3) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"m{i}.eml").write_text(
            f"Received: from mx.example by in.example; {RECEIVED:%a, %d %b %Y %H:%M:%S} +0000\r\n"
            f"From: {marker} Person <{marker.lower()}{i}@example.org>\r\n"
            "To: humanrights@example-platform.com\r\n"
            f"Subject: Accounts suspended {marker}\r\n"
            f"Message-ID: <{marker}.{i}@example.org>\r\n\r\n"
            f"Our page in Kenya was suspended without explanation. {marker} case {i}\r\n",
            encoding="utf-8",
        )


def outbox(url: str) -> list[OutboxRow]:
    with Session(engine_for(url)) as session:
        return list(session.scalars(select(OutboxRow).order_by(OutboxRow.id)))


def test_breached_deadlines_notify_the_ladder_once_without_message_text(
    database_url: str, tmp_path: Path, smtp: tuple[Collector, int]
) -> None:
    collector, _port = smtp
    marker = "CANARY" + uuid.uuid4().hex.upper()
    write_inbox(tmp_path / "inbox", marker)
    run_batch([("inbox", tmp_path / "inbox")], database_url)

    early = sla_watch(database_url, now=RECEIVED + timedelta(minutes=5))
    assert early.queued == 0 and early.breached == early.at_risk == 0
    acks = len(collector.messages)  # acknowledgements to the senders, queued when routed
    assert early.sent == acks == 3
    assert {r.purpose for r in outbox(database_url)} == {"acknowledgement"}

    later = RECEIVED + timedelta(days=120)  # every deadline of every case is breached
    report = sla_watch(database_url, now=later)
    assert report.breached == 9 and report.queued == report.sent > 0
    assert report.failed == report.waiting == report.unconfirmed == 0
    notices = collector.messages[acks:]
    assert len(notices) == report.sent
    rows = [r for r in outbox(database_url) if r.purpose == "escalation"]
    assert {r.status for r in outbox(database_url)} == {"confirmed"}
    for (recipients, raw), row in zip(notices, rows, strict=True):
        assert recipients == [row.address] and row.address.endswith("@example-platform.com")
        assert marker.encode() not in raw and marker.lower().encode() not in raw
        mail = message_from_bytes(raw, policy=default_policy)
        assert f"case {row.case_id}" in mail["Subject"]
        assert f"/cases/{row.case_id}" in mail.get_content()
    per_case = {}
    for row in rows:
        per_case.setdefault((row.case_id, row.key.split("/")[1]), []).append(row.recipient)
    assert all(len(set(v)) == len(v) for v in per_case.values())

    again = sla_watch(database_url, now=later + timedelta(hours=1))
    assert again.queued == again.sent == 0
    assert len(collector.messages) == acks + report.sent
    engine_for(database_url).dispose()
    engine_for.cache_clear()


def watch_process(url: str, port: int, crash_at: str | None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "TRIAGE_SMTP_HOST": "127.0.0.1",
        "TRIAGE_SMTP_PORT": str(port),
        "TRIAGE_SMTP_SENDER": "triage@example-platform.com",
    }
    env.pop("TRIAGE_CRASH_AT", None)
    if crash_at:
        env["TRIAGE_CRASH_AT"] = crash_at
    command = [sys.executable, "-c", "from pipelines.cli import main; main()", "sla-watch",
               "--json", "--database", url]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_killed_between_sending_and_recording_then_rerun_sends_each_once(
    sqlite_url: str, tmp_path: Path, smtp: tuple[Collector, int]
) -> None:
    collector, port = smtp
    write_inbox(tmp_path / "inbox", "x", n=1)
    run_batch([("inbox", tmp_path / "inbox")], sqlite_url)

    killed = watch_process(sqlite_url, port, "outbox_after_body_before_record")
    assert killed.returncode == -9, killed.stderr
    assert collector.messages == []  # no end-of-data, nothing delivered
    assert {r.status for r in outbox(sqlite_url)} == {"pending"}

    rerun = watch_process(sqlite_url, port, None)
    assert rerun.returncode == 0, rerun.stderr
    counts = json.loads(rerun.stdout)
    rows = outbox(sqlite_url)
    assert counts["sent"] == len(rows) == len(collector.messages) > 0
    ids = [message_from_bytes(raw)["Message-ID"] for _, raw in collector.messages]
    assert len(set(ids)) == len(ids)
    assert {r.status for r in rows} == {"confirmed"}

    third = watch_process(sqlite_url, port, None)
    assert json.loads(third.stdout)["sent"] == 0 and len(collector.messages) == len(rows)
    engine_for.cache_clear()


def test_killed_after_recording_is_reported_not_resent(
    sqlite_url: str, tmp_path: Path, smtp: tuple[Collector, int]
) -> None:
    """The one window left (between the commit and end-of-data) is surfaced, never doubled."""
    collector, port = smtp
    write_inbox(tmp_path / "inbox", "y", n=1)
    run_batch([("inbox", tmp_path / "inbox")], sqlite_url)

    killed = watch_process(sqlite_url, port, "outbox_after_record_before_end")
    assert killed.returncode == -9
    rerun = watch_process(sqlite_url, port, None)
    counts = json.loads(rerun.stdout)
    assert counts["unconfirmed"] == 1
    delivered = len(collector.messages)
    assert delivered == counts["sent"] == len(outbox(sqlite_url)) - 1
    engine_for.cache_clear()


def test_senders_get_one_acknowledgement_in_their_language_unless_at_risk(
    database_url: str, tmp_path: Path, smtp: tuple[Collector, int]
) -> None:
    collector, _port = smtp
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    head = f"Received: from mx by in; {RECEIVED:%a, %d %b %Y %H:%M:%S} +0000\r\n"
    (inbox / "es.eml").write_bytes(
        (head + "From: Lucía Rojas <lucia@example.org>\r\nTo: humanrights@example-platform.com\r\n"
         "Subject: Consulta sobre su política de derechos humanos\r\n"
         "Message-ID: <es-ack@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
         "Hola, soy estudiante y escribo una tesis sobre las políticas de derechos humanos de "
         "las empresas tecnológicas. ¿Podrían indicarme si su política es pública y dónde "
         "puedo encontrarla? Muchas gracias de antemano.\r\n").encode()
    )  # fmt: skip
    (inbox / "hrd.eml").write_bytes(
        (head + "From: Activist <hrd@example.org>\r\nTo: humanrights@example-platform.com\r\n"
         "Subject: URGENT my account was hacked\r\nMessage-ID: <hrd-ack@example.org>\r\n\r\n"
         "I am a human rights defender. Police detained my colleague yesterday and my account "
         "was hacked tonight. I receive death threats. Please help urgently.\r\n").encode()
    )  # fmt: skip
    run_batch([("inbox", inbox)], database_url)

    acks = [r for r in outbox(database_url) if r.purpose == "acknowledgement"]
    assert [r.address for r in acks] == ["lucia@example.org"]  # never to the defender at risk
    report = sla_watch(database_url, now=RECEIVED + timedelta(minutes=1))
    assert report.sent == 1
    (recipients, raw), = collector.messages
    mail = message_from_bytes(raw, policy=default_policy)
    assert recipients == ["lucia@example.org"]
    assert "Hemos recibido su mensaje" in mail["Subject"] and "TRI-" in mail["Subject"]
    text = mail.get_content()
    assert "Estimado/a Lucía Rojas:" in text and "a más tardar el 2026-" in text
    assert "tesis" not in text  # the sender's own words are not echoed back
    rerun = sla_watch(database_url, now=RECEIVED + timedelta(minutes=2))
    assert rerun.sent == 0 and len(collector.messages) == 1
    engine_for(database_url).dispose()
    engine_for.cache_clear()
