"""The Alembic migrations build exactly the schema the models declare, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from tests.conftest import new_postgres_database
from tests.postgres_server import PostgresServer
from triage.store.database import (
    MIGRATIONS,
    current_revision,
    downgrade,
    has_schema,
    head_revision,
    make_engine,
    migrate,
)
from triage.store.tables import Base


def test_migrations_match_models(database_url: str) -> None:
    engine = make_engine(database_url)
    assert not has_schema(engine)
    migrate(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_migrate_is_idempotent_and_downgrades(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    migrate(engine)  # a second upgrade is a no-op
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate(engine)
    assert "messages" in inspect(engine).get_table_names()
    engine.dispose()


def test_head_read_from_the_files_is_alembics_head() -> None:
    """``migrate`` skips Alembic when the database is at this head: it must be the real one."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert head_revision() == ScriptDirectory.from_config(config).get_current_head()


def test_migrate_after_a_downgrade_upgrades_again(database_url: str) -> None:
    """The fast path (already at head) must not hide a database one revision behind."""
    engine = make_engine(database_url)
    assert current_revision(engine) is None
    migrate(engine)
    assert current_revision(engine) == head_revision()
    downgrade(engine, "-1")
    assert current_revision(engine) != head_revision()
    migrate(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_sqlite_runs_in_wal_mode(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    assert mode == "wal"
    engine.dispose()


def test_campaign_keys_take_their_cases_opening_time_when_migrated(
    database_url: str, tmp_path: Path
) -> None:
    """0012 copies each case's ``opened_at`` onto its band keys, the look-up's window."""
    from triage.services.database import engine_for
    from triage.services.run_batch import run_batch

    letter = (
        "We, the undersigned organisations, write about the shutdown of mobile data across the "
        "region since Monday: families cannot reach doctors or emergency services, and we ask "
        "you to publish what the authorities demanded and to restore access without delay."
    )
    (tmp_path / "in").mkdir()
    headers = ["From: Org <org@x.example>", "To: humanrights@example-platform.com",
               "Subject: Joint letter", "Date: Mon, 02 Nov 2026 09:30:00 +0000",
               "Message-ID: <a@x.example>"]  # fmt: skip
    (tmp_path / "in" / "a.eml").write_bytes("\r\n".join([*headers, "", letter, ""]).encode())
    run_batch([("in", tmp_path / "in")], database_url)
    engine = make_engine(database_url)
    with engine.connect() as connection:
        before = connection.exec_driver_sql(
            "SELECT k.key, k.opened_at, c.opened_at FROM campaign_keys k "
            "JOIN cases c ON c.id = k.case_id"
        ).all()
    downgrade(engine, "0011")
    assert "opened_at" not in {c["name"] for c in inspect(engine).get_columns("campaign_keys")}
    migrate(engine)
    with engine.connect() as connection:
        after = connection.exec_driver_sql(
            "SELECT k.key, k.opened_at, c.opened_at FROM campaign_keys k "
            "JOIN cases c ON c.id = k.case_id"
        ).all()
    assert len(before) == 16
    assert sorted(after) == sorted(before)
    assert all(key_opened == case_opened for _key, key_opened, case_opened in after)
    engine.dispose()
    engine_for(database_url).dispose()
    engine_for.cache_clear()


def test_postgresql_estimates_a_label_filter_from_statistics(
    postgres_server: PostgresServer,
) -> None:
    """0013: with statistics on ``CAST(rights_issue AS TEXT)`` the planner estimates how many
    cases a queue filter keeps (without them it guesses 0.5%, and at a million cases sorted
    every matching open case instead of walking the deadlines' index)."""
    from bench.bench_queue import seed_cases
    from triage.services.database import engine_for

    url = new_postgres_database(postgres_server)
    engine = make_engine(url)
    migrate(engine)
    seed_cases(url, 2000, datetime.now(UTC))
    condition = "CAST(rights_issue AS TEXT) LIKE '%%\"privacy\"%%'"  # %% for the driver
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE cases")
        actual = connection.exec_driver_sql(f"SELECT count(*) FROM cases WHERE {condition}")
        plan = connection.exec_driver_sql(
            f"EXPLAIN (FORMAT JSON) SELECT id FROM cases WHERE {condition}"
        ).scalar()
    estimated, found = plan[0]["Plan"]["Plan Rows"], actual.scalar()
    assert found > 100  # the seed's privacy cases: a filter that keeps many
    assert found / 2 <= estimated <= found * 2, (estimated, found)
    engine.dispose()
    engine_for(url).dispose()
    engine_for.cache_clear()
