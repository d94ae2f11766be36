"""The IMAP source against a real dovecot on loopback: cursor, resync, limits, crashes, actions.

Messages reach the server by IMAP APPEND (as a mail client or an MTA would deliver them), never
by writing maildir files, so UIDs and UIDVALIDITY are the server's own.
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from imap_tools import MailBoxUnencrypted
from sqlalchemy import select

from tests.conftest import SAMPLES
from tests.imap_server import DovecotServer, remove, start_server
from triage.config.files import ConfigFileError, ImapSourceSpec, load_source_specs, load_sources
from triage.ingest import imap_source
from triage.ingest.imap_source import Credentials, ImapError
from triage.services.database import session_scope
from triage.services.ingest_imap import ingest_imap
from triage.services.run_batch import run_batch
from triage.services.sources import resolve_source_specs
from triage.store import repository as repo
from triage.store.tables import IngestRunRow, MessageRow, QuarantineRow

USER_ENV = "TRIAGE_IMAP_MBOX_USER"
PASSWORD_ENV = "TRIAGE_IMAP_MBOX_PASSWORD"
EMAILS = sorted((SAMPLES / "email" / "2026-10").glob("*.eml"))


@pytest.fixture
def imap(monkeypatch: pytest.MonkeyPatch) -> Iterator[DovecotServer]:
    server = start_server()
    if server is None:
        message = "dovecot not found: install Debian's 'dovecot-imapd' (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    monkeypatch.setenv(USER_ENV, server.user)
    monkeypatch.setenv(PASSWORD_ENV, server.password)
    try:
        yield server
    finally:
        remove(server)


def spec_for(server: DovecotServer, **changes: Any) -> ImapSourceSpec:
    spec = ImapSourceSpec(
        name="mbox",
        host=server.host,
        port=server.port,
        security="plain",
        username_env=USER_ENV,
        password_env=PASSWORD_ENV,
    )
    return replace(spec, **changes)


def mailbox(server: DovecotServer) -> MailBoxUnencrypted:
    return MailBoxUnencrypted(server.host, server.port).login(
        server.user, server.password, initial_folder=None
    )


def append(server: DovecotServer, raws: list[bytes], folder: str = "INBOX") -> None:
    with mailbox(server) as box:
        if not box.folder.exists(folder):
            box.folder.create(folder)
        for raw in raws:
            box.append(raw, folder)


def samples(start: int, count: int) -> list[bytes]:
    return [p.read_bytes() for p in EMAILS[start : start + count]]


def flags_of(server: DovecotServer, folder: str = "INBOX") -> list[tuple[str, ...]]:
    with mailbox(server) as box:
        box.folder.set(folder, readonly=True)
        return [m.flags for m in box.fetch(mark_seen=False, headers_only=True)]


def message_count(server: DovecotServer, folder: str) -> int:
    with mailbox(server) as box:
        return int(box.folder.status(folder, ["MESSAGES"])["MESSAGES"])


class FetchSpy:
    """Records the UIDs whose bodies were fetched (and can act before a given call)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[list[int]] = []
        self.before_call: dict[int, Any] = {}
        original = imap_source.ImapClient.fetch_raw
        spy = self

        def fetch_raw(client: Any, uids: Any, folder: str) -> dict[int, bytes]:
            spy.calls.append(list(uids))
            hook = spy.before_call.get(len(spy.calls))
            if hook is not None:
                hook()
            return original(client, uids, folder)

        monkeypatch.setattr(imap_source.ImapClient, "fetch_raw", fetch_raw)

    @property
    def uids(self) -> list[int]:
        return [u for call in self.calls for u in call]


def rows(url: str, table: Any) -> list[Any]:
    with session_scope(url) as session:
        return list(session.scalars(select(table)))


def test_reingest_stores_nothing_and_fetches_nothing(
    imap: DovecotServer, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    append(imap, samples(0, 5))
    spy = FetchSpy(monkeypatch)
    first = ingest_imap("mbox", spec_for(imap), database_url)
    assert (first.seen, first.stored, first.quarantined, first.duplicates) == (5, 5, 0, 0)
    assert spy.uids == [1, 2, 3, 4, 5]
    assert all("\\Seen" not in f for f in flags_of(imap))  # BODY.PEEK: nothing marked read
    second = ingest_imap("mbox", spec_for(imap), database_url)
    assert second.counts() == {"seen": 0, "stored": 0, "quarantined": 0, "duplicates": 0}
    assert spy.uids == [1, 2, 3, 4, 5]  # nothing fetched the second time
    stored = rows(database_url, MessageRow)
    assert len(stored) == 5
    assert {m.source for m in stored} == {"mbox"}
    with session_scope(database_url) as session:
        cursor = repo.imap_cursor(session, "mbox", "INBOX")
    assert cursor is not None and cursor[1] == 5


def test_only_new_messages_are_fetched(
    imap: DovecotServer, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    append(imap, samples(0, 3))
    spy = FetchSpy(monkeypatch)
    assert ingest_imap("mbox", spec_for(imap), sqlite_url).stored == 3
    append(imap, samples(3, 2))
    later = ingest_imap("mbox", spec_for(imap), sqlite_url)
    assert (later.seen, later.stored) == (2, 2)
    assert spy.calls[-1] == [4, 5]
    assert len(rows(sqlite_url, MessageRow)) == 5


def test_uidvalidity_change_resyncs_without_duplicates(
    imap: DovecotServer, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = spec_for(imap, folders=("Reports",))
    raws = samples(0, 3)
    append(imap, raws, "Reports")
    assert ingest_imap("mbox", spec, database_url).stored == 3
    with session_scope(database_url) as session:
        before = repo.imap_cursor(session, "mbox", "Reports")
    with mailbox(imap) as box:
        box.folder.delete("Reports")
        box.folder.create("Reports")
    # Same messages again, plus a different message that reuses a Message-ID: both kept.
    twin = raws[0].replace(b"Subject:", b"Subject: [resent]", 1)
    assert twin != raws[0]
    append(imap, [*raws, twin], "Reports")
    spy = FetchSpy(monkeypatch)
    again = ingest_imap("mbox", spec, database_url)
    with session_scope(database_url) as session:
        after = repo.imap_cursor(session, "mbox", "Reports")
    assert before is not None and after is not None and after[0] != before[0]
    assert spy.uids == [1, 2, 3, 4]  # a full resync: every UID read again
    assert (again.seen, again.stored, again.duplicates) == (4, 1, 3)
    assert len(rows(database_url, MessageRow)) == 4


def test_oversized_message_is_quarantined_without_fetching_its_body(
    imap: DovecotServer, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRIAGE_MAX_MESSAGE_BYTES", "2048")
    small = [r for r in samples(0, 20) if len(r) < 1900][:2]
    large = next(r for r in samples(0, 20) if len(r) > 3000)
    append(imap, [small[0], large, small[1]])
    spy = FetchSpy(monkeypatch)
    result = ingest_imap("mbox", spec_for(imap), sqlite_url)
    assert (result.seen, result.stored, result.quarantined) == (3, 2, 1)
    assert 2 not in spy.uids  # the body of UID 2 never crossed the wire
    (item,) = rows(sqlite_url, QuarantineRow)
    assert item.reason == "too_large" and item.raw == b""
    assert "UID=2" in item.location
    again = ingest_imap("mbox", spec_for(imap), sqlite_url)
    assert again.seen == 0  # the cursor moved past it
    with session_scope(sqlite_url) as session:
        cursor = repo.imap_cursor(session, "mbox", "INBOX")
    assert cursor is not None and cursor[1] == 3


def test_dropped_connection_loses_and_duplicates_nothing(
    imap: DovecotServer, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRIAGE_IMAP_BATCH_SIZE", "2")
    append(imap, samples(0, 5))
    spy = FetchSpy(monkeypatch)
    spy.before_call[2] = imap.kill  # the server dies while the second batch is fetched
    with pytest.raises(ImapError) as failed:
        ingest_imap("mbox", spec_for(imap), database_url)
    assert failed.value.code.startswith("connection_lost")
    assert len(rows(database_url, MessageRow)) == 2  # the first batch, committed
    with session_scope(database_url) as session:
        cursor = repo.imap_cursor(session, "mbox", "INBOX")
    assert cursor is not None and cursor[1] == 2  # not past what was stored
    imap.start()  # same maildir: same UIDs, same UIDVALIDITY
    spy.before_call.clear()
    rerun = ingest_imap("mbox", spec_for(imap), database_url)
    assert (rerun.seen, rerun.stored) == (3, 3) and rerun.reconciles()
    stored = rows(database_url, MessageRow)
    assert len(stored) == 5 and len({m.key for m in stored}) == 5
    runs = rows(database_url, IngestRunRow)
    assert [r.stored for r in runs] == [2, 3]  # the failed run is recorded with what it did
    assert all(r.seen == r.stored + r.quarantined + r.duplicates for r in runs)


def test_after_store_flag(imap: DovecotServer, sqlite_url: str) -> None:
    append(imap, samples(0, 3))
    ingest_imap("mbox", spec_for(imap, after_store="flag"), sqlite_url)
    assert all("\\Seen" in f for f in flags_of(imap))
    append(imap, samples(3, 1))
    ingest_imap("mbox", spec_for(imap, after_store="flag", flag="$Triaged"), sqlite_url)
    flags = flags_of(imap)
    assert "$Triaged" in flags[-1] and all("$Triaged" not in f for f in flags[:-1])


def test_after_store_move(imap: DovecotServer, sqlite_url: str) -> None:
    append(imap, samples(0, 3))
    spec = spec_for(imap, after_store="move", move_to="Triaged")
    assert ingest_imap("mbox", spec, sqlite_url).stored == 3
    assert message_count(imap, "INBOX") == 0
    assert message_count(imap, "Triaged") == 3
    append(imap, samples(3, 1))
    assert ingest_imap("mbox", spec, sqlite_url).counts()["stored"] == 1
    assert message_count(imap, "Triaged") == 4


def test_sent_folder_is_stored_as_staff_replies(imap: DovecotServer, sqlite_url: str) -> None:
    append(imap, samples(0, 2))
    append(imap, samples(2, 1), "Sent")
    result = ingest_imap("mbox", spec_for(imap, sent_folder="Sent"), sqlite_url)
    assert result.stored == 3
    assert sorted(m.source for m in rows(sqlite_url, MessageRow)) == ["mbox", "mbox", "mbox:sent"]
    with session_scope(sqlite_url) as session:
        assert repo.imap_cursor(session, "mbox", "Sent") is not None


def test_credentials_never_in_logs_or_exceptions(
    imap: DovecotServer,
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    append(imap, samples(0, 1))
    ingest_imap("mbox", spec_for(imap), sqlite_url)
    assert imap.password not in caplog.text
    assert imap.password not in repr(Credentials(imap.user, imap.password))
    monkeypatch.setenv(PASSWORD_ENV, imap.password + "-wrong")
    with pytest.raises(ImapError) as failed:
        ingest_imap("mbox", spec_for(imap), sqlite_url)
    text = "".join(traceback.format_exception(failed.value))
    assert failed.value.code.startswith("login_failed")
    assert imap.password not in text and imap.user not in text
    assert failed.value.__cause__ is None and failed.value.__context__ is None
    assert imap.password not in caplog.text and imap.user not in caplog.text
    monkeypatch.delenv(PASSWORD_ENV)
    with pytest.raises(ImapError, match=PASSWORD_ENV):
        ingest_imap("mbox", spec_for(imap), sqlite_url)


def test_plain_imap_is_refused_off_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = ImapSourceSpec("x", "imap.example.org", 143, "plain", "U", "P")
    with pytest.raises(ImapError, match="plain_refused"):
        imap_source.ImapClient(spec, Credentials("u", "p"), 5).connect()


def test_source_specs_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "sources.yaml"
    config.write_text(
        "sources:\n"
        "  samples:\n    path: samples\n"
        "  mbox:\n    type: imap\n    host: imap.example.org\n    security: starttls\n"
        "    username_env: TRIAGE_IMAP_MBOX_USER\n    password_env: TRIAGE_IMAP_MBOX_PASSWORD\n"
        "    sent_folder: Sent\n    after_store: move\n    move_to: Done\n"
    )
    specs = load_source_specs(config)
    mbox = specs["mbox"]
    assert isinstance(mbox, ImapSourceSpec)
    assert (mbox.port, mbox.folders, mbox.move_to) == (143, ("INBOX",), "Done")
    monkeypatch.setenv("TRIAGE_SOURCES_FILE", str(config))
    from triage.settings import get_settings

    get_settings.cache_clear()
    assert [s.name for s in resolve_source_specs([])] == ["mbox", "samples"]
    assert [s.name for s in resolve_source_specs(["mbox"])] == ["mbox"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  m:\n    type: imap\n    host: h\n    username_env: U\n")
    with pytest.raises(ConfigFileError, match="password_env"):
        load_source_specs(bad)
    # the shipped file still loads both ways, with samples its only source
    shipped = Path(__file__).resolve().parents[2] / "config" / "sources.yaml"
    assert list(load_source_specs(shipped)) == list(load_sources(shipped)) == ["samples"]


def test_missing_folder_is_a_clear_error(imap: DovecotServer, sqlite_url: str) -> None:
    with pytest.raises(ImapError, match="select_failed") as failed:
        ingest_imap("mbox", spec_for(imap, folders=("Nope",)), sqlite_url)
    assert failed.value.folder == "Nope"


def test_flow_task_takes_a_name_only(
    imap: DovecotServer, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Prefect task gets the source name; host and credentials are resolved inside it."""
    from pipelines.triage_batch import ingest_imap_source
    from triage.settings import get_settings

    config = tmp_path / "sources.yaml"
    config.write_text(
        f"sources:\n  mbox:\n    type: imap\n    host: {imap.host}\n    port: {imap.port}\n"
        f"    security: plain\n    username_env: {USER_ENV}\n    password_env: {PASSWORD_ENV}\n"
    )
    monkeypatch.setenv("TRIAGE_SOURCES_FILE", str(config))
    monkeypatch.setenv("TRIAGE_DATABASE_URL", sqlite_url)
    get_settings.cache_clear()
    append(imap, samples(0, 2))
    counts = ingest_imap_source.fn("mbox")
    assert counts == {"seen": 2, "stored": 2, "quarantined": 0, "duplicates": 0}


def test_run_batch_ingests_imap_and_a_sent_reply_records_the_first_response(
    imap: DovecotServer, sqlite_url: str
) -> None:
    """``triage run --no-prefect`` path: the inbox opens a case, the Sent reply answers it."""
    original = EMAILS[0].read_bytes()
    message_id = next(
        line.split(b":", 1)[1].strip() for line in original.splitlines()
        if line.lower().startswith(b"message-id:")
    )  # fmt: skip
    reply = (
        b"From: Amina Yusuf <amina.yusuf@example-platform.com>\r\nTo: someone@example.org\r\n"
        b"Subject: Re: your message\r\nMessage-ID: <staff-reply-1@example-platform.com>\r\n"
        b"In-Reply-To: " + message_id + b"\r\n\r\nThank you, we are looking into it.\r\n"
    )
    append(imap, [original])
    append(imap, [reply], "Sent")
    summary = run_batch([spec_for(imap, sent_folder="Sent")], sqlite_url)
    assert summary.counts()["stored"] == summary.counts()["routed"] == 2
    from triage.store.tables import CaseRow

    cases = rows(sqlite_url, CaseRow)
    assert len(cases) == 1 and cases[0].acknowledged_at is not None
    linked = {m.source: m.case_id for m in rows(sqlite_url, MessageRow)}
    assert linked == {"mbox": cases[0].id, "mbox:sent": cases[0].id}


@pytest.fixture
def imap_tls(monkeypatch: pytest.MonkeyPatch) -> Iterator[DovecotServer]:
    server = start_server(tls=True)
    if server is None:
        if os.environ.get("CI"):
            pytest.fail("dovecot not found: install Debian's 'dovecot-imapd' (.ci/run does)")
        pytest.skip("dovecot not found")
    monkeypatch.setenv(USER_ENV, server.user)
    monkeypatch.setenv(PASSWORD_ENV, server.password)
    try:
        yield server
    finally:
        remove(server)


def test_tls_and_starttls_against_a_real_certificate(
    imap_tls: DovecotServer, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both secure modes work, and the certificate is verified (an untrusted one is refused)."""
    append(imap_tls, samples(0, 2))
    tls = spec_for(imap_tls, security="tls", port=imap_tls.tls_port)
    starttls = spec_for(imap_tls, security="starttls")
    with pytest.raises(ImapError, match="SSLCertVerificationError"):  # not trusted yet
        ingest_imap("mbox", tls, sqlite_url)
    monkeypatch.setenv("SSL_CERT_FILE", str(imap_tls.cert_file))
    assert ingest_imap("mbox", tls, sqlite_url).stored == 2
    append(imap_tls, samples(2, 1))
    assert ingest_imap("mbox", starttls, sqlite_url).stored == 1
