"""Work that PostgreSQL aborts for a conflict with a concurrent transaction runs again.

Two real transactions on the real server take two row locks in opposite orders: PostgreSQL
detects the deadlock and aborts one of them; ``retry_on_conflict`` runs that one again and
both finish. Errors that are not conflicts are not retried."""

from __future__ import annotations

import logging
import threading

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from tests.conftest import new_postgres_database
from tests.postgres_server import PostgresServer
from triage.services.database import retry_on_conflict


def test_a_deadlocked_transaction_runs_again(
    postgres_server: PostgresServer, caplog: pytest.LogCaptureFixture
) -> None:
    engine = create_engine(new_postgres_database(postgres_server))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE pair (id int PRIMARY KEY, v int NOT NULL)"))
        conn.execute(text("INSERT INTO pair VALUES (1, 0), (2, 0)"))
    both_hold_one = threading.Barrier(2, timeout=10)
    attempts = {"a": 0, "b": 0}
    errors: list[BaseException] = []

    def transfer(name: str, first: int, second: int) -> None:
        def work() -> None:
            attempts[name] += 1
            with engine.begin() as conn:
                conn.execute(text("UPDATE pair SET v = v + 1 WHERE id = :i"), {"i": first})
                if attempts[name] == 1:
                    both_hold_one.wait()  # each now holds the row the other wants
                conn.execute(text("UPDATE pair SET v = v + 1 WHERE id = :i"), {"i": second})

        try:
            retry_on_conflict(work)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    caplog.set_level(logging.WARNING, logger="triage.services.database")
    threads = [
        threading.Thread(target=transfer, args=("a", 1, 2)),
        threading.Thread(target=transfer, args=("b", 2, 1)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert sorted(attempts.values()) == [1, 2]  # one of them lost the deadlock and ran again
    assert "database conflict 40P01" in caplog.text
    with engine.connect() as conn:
        assert conn.execute(text("SELECT sum(v) FROM pair")).scalar_one() == 4  # no work lost
    engine.dispose()


def test_other_database_errors_are_not_retried() -> None:
    engine = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    calls = []

    def work() -> None:
        calls.append(1)
        with engine.connect():
            pass

    with pytest.raises(OperationalError):
        retry_on_conflict(work)
    assert len(calls) == 1


def test_a_deadlock_inside_a_pipelined_insert_runs_again(postgres_server: PostgresServer) -> None:
    """Messages go to PostgreSQL through psycopg directly (pipelined INSERTs): a deadlock
    there must still reach ``retry_on_conflict`` as SQLAlchemy's ``OperationalError``. Two
    workers store the same two messages in opposite orders."""
    from sqlalchemy.orm import Session

    from tests.store.test_repository import NOW, make_message
    from triage.store import repository as repo
    from triage.store.database import make_engine, migrate
    from triage.store.tables import MessageRow

    engine = make_engine(new_postgres_database(postgres_server))
    migrate(engine)
    both_hold_one = threading.Barrier(2, timeout=10)
    attempts = {"a": 0, "b": 0}
    stored: dict[str, list[str]] = {"a": [], "b": []}
    errors: list[BaseException] = []

    def store(name: str, first: str, second: str) -> None:
        def work() -> None:
            attempts[name] += 1
            with Session(engine) as session, session.begin():
                keys = [k for k, _ in repo.insert_messages(session, [make_message(first)], NOW)]
                if attempts[name] == 1:
                    both_hold_one.wait()  # each now holds the key the other inserts next
                keys += [k for k, _ in repo.insert_messages(session, [make_message(second)], NOW)]
            stored[name] = keys

        try:
            retry_on_conflict(work)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [
        threading.Thread(target=store, args=("a", "k1", "k2")),
        threading.Thread(target=store, args=("b", "k2", "k1")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert sorted(attempts.values()) == [1, 2]  # one of them lost the deadlock and ran again
    assert sorted(stored["a"] + stored["b"]) == ["k1", "k2"]  # each stored once, by one of them
    with Session(engine) as session:
        assert repo.count_rows(session, MessageRow) == 2
    engine.dispose()
