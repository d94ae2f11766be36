"""The Alembic migrations build exactly the schema the models declare, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

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
