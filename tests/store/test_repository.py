"""Insert-or-ignore by natural key and UTC round trips, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import new_postgres_database
from tests.postgres_server import PostgresServer
from triage.core.types import Attachment, Channel, Message, Quarantined
from triage.store import repository as repo
from triage.store.database import make_engine, migrate
from triage.store.tables import IngestedFileRow, MessageRow, QuarantineRow

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


def test_every_message_field_round_trips(session: Session) -> None:
    """What PostgreSQL's pipelined insert sends is what the ORM reads back (JSON lists,
    bytes, the MinHash signature), as on SQLite."""
    message = replace(
        make_message("full"), references=("<a@x>", "<b@x>"), message_id="<c@x>",
        in_reply_to="<b@x>", raw=b"\x00\xff raw",
    )  # fmt: skip
    repo.insert_messages(session, [message], NOW, minhashes={"full": b"\x01\x02\x03"})
    session.commit()
    session.expire_all()
    row = session.scalars(select(MessageRow).where(MessageRow.key == "full")).one()
    assert row.references == ["<a@x>", "<b@x>"]
    assert (row.message_id, row.in_reply_to) == ("<c@x>", "<b@x>")
    assert row.raw == b"\x00\xff raw"
    assert row.minhash == b"\x01\x02\x03"
    assert row.ingested_at == NOW


def test_naive_datetime_is_refused_by_the_batch_insert(session: Session) -> None:
    with pytest.raises(Exception, match="naive"):  # SQLAlchemy wraps it on SQLite
        repo.insert_messages(session, [make_message("naive")], datetime(2026, 1, 1))


def test_known_files_generic_plan_probes_the_index(postgres_server: PostgresServer) -> None:
    """After five runs psycopg prepares the look-up, and PostgreSQL may keep a generic plan
    chosen while the table was small: that plan must not test each file against the list."""
    engine = make_engine(new_postgres_database(postgres_server))
    migrate(engine)
    with engine.begin() as connection:
        connection.execute(
            IngestedFileRow.__table__.insert(),
            [{"source": "s", "path": f"{i:06d}.eml", "size": 1, "mtime_ns": 1, "ingested_at": NOW}
             for i in range(3000)],
        )  # fmt: skip
        sql = str(repo.listed_files_join("s", ["x"]).compile(dialect=engine.dialect))
        sql = sql.replace("%(paths)s", "$1").replace("%(source_1)s", "$2")
        connection.exec_driver_sql(f"PREPARE look_up(varchar[], varchar) AS {sql}")
        connection.exec_driver_sql("SET plan_cache_mode = force_generic_plan")
        plan = "\n".join(
            r[0] for r in connection.exec_driver_sql(
                "EXPLAIN EXECUTE look_up('{000001.eml,000002.eml}', 's')"
            )
        )  # fmt: skip
        found = repo.known_files(Session(bind=connection), "s", ["000001.eml", "nope"])
    engine.dispose()
    assert "ANY" not in plan, plan  # no row tested against the whole list
    assert found == {"000001.eml": (1, 1)}
