"""Insert-or-ignore by natural key and UTC round trips, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.core.types import Attachment, Channel, Message, Quarantined
from triage.store import repository as repo
from triage.store.database import make_engine, migrate
from triage.store.tables import MessageRow, QuarantineRow

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def make_message(key: str, received_at: datetime = NOW) -> Message:
    return Message(
        key=key,
        source="test",
        channel=Channel.EMAIL,
        received_at=received_at,
        subject="Subject",
        sender_name="Name",
        sender_address="a@example.org",
        body_text="Body",
        new_text="Body",
        attachments=(Attachment("report.pdf", "application/pdf", 10, "0" * 64),),
        raw=b"raw bytes",
    )


@pytest.fixture
def session(database_url: str):
    engine = make_engine(database_url)
    migrate(engine)
    with Session(engine) as s:
        yield s
    engine.dispose()


def test_insert_is_idempotent_by_key(session: Session) -> None:
    first = repo.insert_messages(session, [make_message("k1"), make_message("k2")], NOW)
    session.commit()
    assert [k for k, _ in first] == ["k1", "k2"]
    again = repo.insert_messages(session, [make_message("k1"), make_message("k3")], NOW)
    session.commit()
    assert [k for k, _ in again] == ["k3"]
    assert repo.count_rows(session, MessageRow) == 3


def test_duplicate_keys_inside_one_batch_store_once(session: Session) -> None:
    inserted = repo.insert_messages(session, [make_message("same"), make_message("same")], NOW)
    session.commit()
    assert len(inserted) == 1
    assert repo.count_rows(session, MessageRow) == 1


def test_times_come_back_aware_utc(session: Session) -> None:
    plus_three = timezone(timedelta(hours=3))
    local = datetime(2026, 12, 31, 23, 59, 59, tzinfo=plus_three)
    repo.insert_messages(session, [make_message("tz", received_at=local)], NOW)
    session.commit()
    session.expire_all()
    row = session.scalars(select(MessageRow).where(MessageRow.key == "tz")).one()
    assert row.received_at == local
    assert row.received_at.utcoffset() == timedelta(0)
    assert row.attachments[0]["filename"] == "report.pdf"


def test_naive_datetime_is_refused(session: Session) -> None:
    row = repo.message_values(make_message("naive"), NOW)
    row["ingested_at"] = datetime(2026, 1, 1)
    with pytest.raises(Exception, match="naive"):
        session.execute(repo.dialect_insert(session, MessageRow), row)


def test_quarantine_keeps_raw_bytes_once(session: Session) -> None:
    item = Quarantined("q1", "test", "parse_error", "KeyError", b"\xff\xfe raw", "x.eml")
    assert repo.insert_quarantined(session, [item, item], NOW) == ["q1"]
    assert repo.insert_quarantined(session, [item], NOW) == []
    session.commit()
    stored = session.scalars(select(QuarantineRow)).one()
    assert stored.raw == b"\xff\xfe raw"
    assert stored.reason == "parse_error"
