"""Engines and schema migration.

SQLite is the embedded default (WAL, ``synchronous=NORMAL``: one commit costs ~0.08 ms here);
PostgreSQL is the production store. Both are brought to the schema by Alembic, never by
``create_all``, so a deployed database and a test database are built the same way.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from triage.faults import crash_point

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION = re.compile(r"^(down_)?revision\s*=\s*['\"]?([^'\"\s]+)['\"]?", re.MULTILINE)


def make_engine(url: str, **kwargs: Any) -> Engine:
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30}, hide_parameters=True, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # hide_parameters: SQL errors and echo logs would otherwise carry message text.
    return create_engine(parsed, pool_pre_ping=True, hide_parameters=True, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    # Deleted and overwritten content is zeroed, not left in free pages: sealing a case in
    # place and the retention purge must leave no plaintext in the file.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def flush_wal(engine: Engine) -> None:
    """SQLite: copy the WAL into the database and truncate it to zero bytes.

    The WAL keeps page images of past transactions (with the plaintext a seal or a purge has
    just overwritten) until it is reset; after a purge those frames must go too. A no-op on
    PostgreSQL, whose dead tuples go with VACUUM (see docs/encryption-retention.md).
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; a no-op when it is already there.

    Every SQL statement of the upgrade passes the crash point ``migration_statement``
    (``TRIAGE_CRASH_AT=migration_statement@40`` kills the process at the 40th), which is how
    the tests prove that an upgrade killed half-way leaves a schema the next upgrade finishes.
    """
    head = head_revision() if revision == "head" else None
    if head is not None and current_revision(engine) == head:
        return  # every process checks: without Alembic's import and run (~0.4 s) when current
    # (No head read from the files, e.g. two heads: Alembic decides, never "both unknown".)
    from alembic import command

    target = _transactional_sqlite(engine)
    event.listen(target, "before_cursor_execute", _migration_statement)
    try:
        command.upgrade(alembic_config(target), revision)
    finally:
        event.remove(target, "before_cursor_execute", _migration_statement)
        if target is not engine:
            target.dispose()


@cache
def head_revision() -> str | None:
    """The newest revision of ``migrations/versions``: the one no other revision follows
    (read from the files' ``revision`` / ``down_revision`` lines; a test compares it with
    Alembic's own head)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for down, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            (parents if down else revisions).add(value)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None (no schema yet, or not readable)."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def _migration_statement(*_args: Any) -> None:
    crash_point("migration_statement")


def _transactional_sqlite(engine: Engine) -> Engine:
    """For SQLite, an engine whose transactions include DDL (PostgreSQL's already do).

    Python's sqlite3 opens a transaction only before INSERT/UPDATE/DELETE, so each CREATE
    TABLE of a migration was committed on its own: an upgrade killed half-way left tables
    that the next upgrade tried to create again, and failed. With the driver's own
    transaction handling off and an explicit BEGIN (SQLAlchemy's documented recipe), the
    whole upgrade and its ``alembic_version`` row commit together or not at all. IMMEDIATE
    takes the write lock first, so two processes starting at once migrate one after the other.
    """
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return engine
    target = make_engine(engine.url.render_as_string(hide_password=False))
    event.listen(target, "connect", _driver_transactions_off)
    event.listen(target, "begin", lambda connection: connection.exec_driver_sql("BEGIN IMMEDIATE"))
    return target


def _driver_transactions_off(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("alembic_version")


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)
