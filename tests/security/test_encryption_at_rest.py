"""Encryption at rest: what a confidential case's sender wrote is not in the database files.

The real pipeline (ingest, classify, route) writes a message carrying a unique marker in its
subject, sender name, body, HTML and attachment; the test reads the SQLite file and its WAL
as bytes. A positive control first finds the marker (so the search works), then the case
becomes confidential and the marker is gone from every file, while the people allowed to
read it still do, through the services.
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from tests.web.staff import PASSWORD, eml, ingest
from triage.core.types import Attachment, Channel, Message
from triage.services import case_actions as actions
from triage.services import users, vault
from triage.services.case_view import attachment, case_detail, original_html
from triage.services.correct_labels import correct_labels
from triage.services.database import engine_for, session_scope
from triage.services.route_pending import routing_rules
from triage.settings import get_settings
from triage.store import repository as repo
from triage.store import sealing, text_rows
from triage.store.database import make_engine, migrate
from triage.store.tables import CaseAccessRow, CaseRow, ClassificationRow, MessageRow

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def marker() -> str:
    return "CANARY" + uuid.uuid4().hex.upper()


def file_hits(db: Path, needle: str) -> int:
    """Occurrences of ``needle`` in the database file, its WAL and its journal (raw bytes)."""
    hits = 0
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-journal")):
        if path.exists():
            hits += path.read_bytes().count(needle.encode())
    return hits


def secret_message(mark: str, when: datetime) -> bytes:
    return eml(when, f"{mark.lower()}@example.org", f"Whistle {mark} <w@example.org>",
               f"Report {mark}", f"I work at the ministry and {mark} is what I saw.",
               html=f"<p>Evidence {mark}</p>",
               attachment=(f"{mark}.txt", f"attached {mark}\n".encode()))  # fmt: skip


def one_case(url: str, folder: Path, mark: str) -> tuple[int, int]:
    ingest(url, folder, {"secret": secret_message(mark, datetime.now(UTC) - timedelta(hours=1))})
    with session_scope(url) as session:
        case = session.scalars(select(CaseRow)).one()
        return case.id, case.root_message_id


def people(url: str) -> dict[str, users.StaffUser]:
    return {name: users.add_user(name, PASSWORD, role, team=team, database_url=url)
            for name, role, team in (("admin.one", "admin", None),
                                     ("tomas.novak", "triager", "triage-desk"),
                                     ("omar.said", "owner", "defenders-at-risk"))}  # fmt: skip


def test_confidential_case_is_sealed_in_place_and_leaves_no_plaintext(tmp_path: Path) -> None:
    db = tmp_path / "triage.db"
    url = f"sqlite:///{db}"
    mark = marker()
    case_id, message_id = one_case(url, tmp_path / "inbox", mark)
    staff = people(url)
    with session_scope(url) as session:
        assert not session.get(CaseRow, case_id).confidential  # type: ignore[union-attr]
    assert file_hits(db, mark) > 0  # positive control: the search finds plaintext

    actions.set_confidential(case_id, True, ["omar.said"], staff["tomas.novak"], database_url=url)
    actions.add_note(case_id, f"note about {mark}", staff["omar.said"], database_url=url)
    assert file_hits(db, mark) == 0

    # The named person reads everything, through the services (decrypted on read) ...
    detail = case_detail(case_id, staff["omar.said"], database_url=url)
    assert detail.text_visible
    assert mark in detail.thread[0]["subject"] and mark in detail.thread[0]["new_text"]
    assert detail.notes and mark in detail.notes[0]["body"]
    assert mark in original_html(case_id, message_id, staff["omar.said"], database_url=url)
    name, payload = attachment(case_id, message_id, 0, staff["omar.said"], database_url=url)
    assert mark in name and payload == f"attached {mark}\n".encode()
    # ... and the stored values are ciphertext.
    with session_scope(url) as session:
        stored = session.execute(text("SELECT subject, body_text, raw, attachments "
                                      "FROM messages WHERE id = :i"), {"i": message_id}).one()
    assert stored[0].startswith(sealing.PREFIX) and stored[1].startswith(sealing.PREFIX)
    assert bytes(stored[2]).startswith(sealing.BPREFIX) and '"sealed"' in stored[3]
    assert file_hits(db, mark) == 0  # reading did not write plaintext anywhere

    # A reply that joins the confidential case is sealed in the routing transaction.
    reply_mark = marker()
    from email import message_from_bytes

    reply = message_from_bytes(eml(datetime.now(UTC), f"re-{reply_mark.lower()}@example.org",
                                   "Whistle <w@example.org>", "Re: report",
                                   f"One more thing: {reply_mark}"))  # fmt: skip
    reply["In-Reply-To"] = f"<{mark.lower()}@example.org>"
    ingest(url, tmp_path / "inbox2", {"reply": reply.as_bytes()})
    with session_scope(url) as session:
        joined = session.scalars(select(MessageRow.case_id).where(MessageRow.id != message_id))
        assert list(joined) == [case_id]
    assert file_hits(db, reply_mark) == 0
    assert any(reply_mark in m.get("new_text", "") for m in
               case_detail(case_id, staff["omar.said"], database_url=url).thread)  # fmt: skip


def test_a_label_that_makes_the_case_confidential_seals_it(tmp_path: Path) -> None:
    db = tmp_path / "triage.db"
    url = f"sqlite:///{db}"
    mark = marker()
    case_id, _message_id = one_case(url, tmp_path / "inbox", mark)
    result = correct_labels(case_id, actor="tomas.novak", challenge=["whistleblower_protection"],
                            database_url=url)  # fmt: skip
    with session_scope(url) as session:
        assert session.get(CaseRow, case_id).confidential, result  # type: ignore[union-attr]
        named = set(session.scalars(select(CaseAccessRow.username)
                                    .where(CaseAccessRow.case_id == case_id)))  # fmt: skip
    restricted = next(r.restricted_to for r in routing_rules().rules if r.id == result.rule_id)
    assert named == set(restricted) and result.owner in named  # the rule's people may read
    staff = people(url)
    assert case_detail(case_id, staff["omar.said"], database_url=url).text_visible
    assert not case_detail(case_id, staff["tomas.novak"], database_url=url).text_visible
    assert file_hits(db, mark) == 0


def test_encrypt_all_seals_at_insert_and_classification_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRIAGE_ENCRYPT_ALL", "true")
    get_settings.cache_clear()
    db = tmp_path / "triage.db"
    url = f"sqlite:///{db}"
    mark = marker()
    case_id, message_id = one_case(url, tmp_path / "inbox", mark)
    assert file_hits(db, mark) == 0  # never written in clear, not even before routing
    with session_scope(url) as session:
        label = session.scalars(select(ClassificationRow)
                                .where(ClassificationRow.message_id == message_id)).one()
        assert label.language == "en" and label.model_version  # the classifier read the text
        assert not session.get(CaseRow, case_id).confidential  # type: ignore[union-attr]
    admin = users.add_user("admin.one", PASSWORD, "admin", database_url=url)
    assert mark in case_detail(case_id, admin, database_url=url).thread[0]["new_text"]


def test_without_a_key_components_refuse_to_start(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "triage.db"
    url = f"sqlite:///{db}"
    mark = marker()
    case_id, _message_id = one_case(url, tmp_path / "inbox", mark)
    admin = users.add_user("admin.one", PASSWORD, "admin", database_url=url)
    actions.set_confidential(case_id, True, ["admin.one"], admin, database_url=url)
    engine_for.cache_clear()
    monkeypatch.delenv("TRIAGE_DATA_KEY")
    get_settings.cache_clear()
    with pytest.raises(sealing.VaultLocked, match="TRIAGE_DATA_KEY is not set"):
        case_detail(case_id, admin, database_url=url)
    # The development escape hatch is explicit; sealed text still cannot be read without a key.
    monkeypatch.setenv("TRIAGE_ALLOW_PLAINTEXT", "true")
    get_settings.cache_clear()
    with pytest.raises(sealing.VaultLocked):
        case_detail(case_id, admin, database_url=url)
    # A wrong key opens nothing either.
    monkeypatch.setenv("TRIAGE_DATA_KEY", Fernet.generate_key().decode())
    get_settings.cache_clear()
    with pytest.raises(sealing.VaultLocked, match="no configured key"):
        case_detail(case_id, admin, database_url=url)
    engine_for.cache_clear()


def test_key_rotation_reseals_with_the_new_key(tmp_path: Path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    mark = marker()
    case_id, _ = one_case(url, tmp_path / "inbox", mark)
    admin = users.add_user("admin.one", PASSWORD, "admin", database_url=url)
    actions.set_confidential(case_id, True, [], admin, database_url=url)
    old = os.environ["TRIAGE_DATA_KEY"]
    new = vault.new_key()
    monkeypatch.setenv("TRIAGE_DATA_KEY", f"{new},{old}")
    get_settings.cache_clear()
    assert vault.rotate(url)["rows_resealed"] >= 1
    monkeypatch.setenv("TRIAGE_DATA_KEY", new)  # the old key is gone
    get_settings.cache_clear()
    with session_scope(url) as session:
        subject = session.scalar(select(MessageRow.subject))
    assert subject is not None and mark in subject


def test_store_round_trip_on_both_backends(database_url: str) -> None:
    """Sealed in place, opened on read, idempotent, on SQLite and PostgreSQL."""
    sealing.install(sealing.Policy(keys=(Fernet.generate_key().decode(),)))
    engine = make_engine(database_url)
    migrate(engine)
    mark = marker()
    long_address = ("x" * 240) + "@example.org"  # sealed, longer than the old VARCHAR(320)
    message = Message(key="k1", source="t", channel=Channel.EMAIL, received_at=NOW,
                      subject=f"S {mark}", sender_name="N", sender_address=long_address,
                      body_text=f"B {mark}", new_text=f"B {mark}", html_sanitised=f"<p>{mark}",
                      organisation="O" * 290,
                      attachments=(Attachment(f"{mark}.pdf", "application/pdf", 1, "0" * 64),),
                      raw=f"raw {mark}".encode())  # fmt: skip
    with Session(engine) as session, session.begin():
        [(_key, mid)] = repo.insert_messages(session, [message], NOW)
        session.add(CaseRow(root_message_id=mid, status="open", owner="o", team="t",
                            confidential=True, priority="normal", kind="request", rule_id="r",
                            opened_at=NOW, updated_at=NOW))  # fmt: skip
        session.flush()
        case_id = session.scalar(select(CaseRow.id))
        assert text_rows.seal_cases(session, [case_id]) == 1
        assert text_rows.seal_cases(session, [case_id]) == 0  # idempotent
    with Session(engine) as session:
        row = session.get(MessageRow, mid)
        assert row is not None
        assert row.subject == f"S {mark}" and row.raw == f"raw {mark}".encode()
        assert row.sender_address == long_address
        assert row.attachments[0]["filename"] == f"{mark}.pdf"
        stored = session.execute(text("SELECT subject, body_text, raw, sender_address "
                                      "FROM messages")).one()  # fmt: skip
        assert all(mark not in str(v) for v in stored)
        assert stored[0].startswith(sealing.PREFIX)
    engine.dispose()
