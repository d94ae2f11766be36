"""One engine per database URL per process, migrated on first use.

Every unit of work also installs this process's encryption policy (keys from
``TRIAGE_DATA_KEY``) in the store, so sealed text opens for whoever runs a service; and the
first use of a database refuses to go on without a key when it holds confidential cases.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from triage.settings import data_protection, get_settings
from triage.store import sealing, text_rows
from triage.store.database import flush_wal, make_engine, migrate
from triage.store.tables import CaseRow

log = logging.getLogger(__name__)
T = TypeVar("T")


def install_policy() -> sealing.Policy:
    """The keys and switches of ``TRIAGE_DATA_KEY`` and co., installed in the store (cheap
    when unchanged, so every unit of work does it)."""
    policy = sealing.Policy(*data_protection())
    sealing.install(policy)
    return policy


def check_keys(engine: Engine) -> None:
    """Fail at start, with the reason, rather than at the first confidential case."""
    policy = sealing.policy()
    if policy.can_seal or policy.allow_plaintext:
        return
    if policy.encrypt_all:
        raise sealing.VaultLocked("TRIAGE_ENCRYPT_ALL is on but TRIAGE_DATA_KEY is not set")
    with Session(engine) as session:
        found = session.scalar(select(CaseRow.id).where(CaseRow.confidential.is_(True)).limit(1))
    if found is not None:
        raise sealing.VaultLocked(
            "the database holds confidential cases but TRIAGE_DATA_KEY is not set; set it "
            "(docs/encryption-retention.md) or, for development only, TRIAGE_ALLOW_PLAINTEXT=true"
        )


def engine_for(url: str | None = None) -> Engine:
    """The URL is resolved before the cache: ``None`` means the current setting, not whichever
    database the first call of this process happened to use."""
    install_policy()
    return _engine(url or get_settings().database_url)


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    engine = make_engine(url)
    migrate(engine)
    check_keys(engine)
    return engine


engine_for.cache_clear = _engine.cache_clear  # type: ignore[attr-defined]


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A unit of work: committed on success, rolled back on any error.

    After a commit that sealed or purged text, SQLite's WAL is checkpointed and truncated, so
    the plaintext's old page images leave the files with it."""
    install_policy()
    engine = engine_for(url)
    with Session(engine, expire_on_commit=False) as session:
        with session.begin():
            yield session
        if session.info.pop(text_rows.FLUSH_WAL, False):  # text was sealed or deleted
            flush_wal(engine)


# PostgreSQL's codes for a transaction that lost a race with another one: a deadlock, or a
# serialization failure. Nothing was committed; the same work may simply run again.
CONFLICT_STATES = frozenset({"40P01", "40001"})
CONFLICT_ATTEMPTS = 4


def retry_on_conflict(work: Callable[[], T], attempts: int = CONFLICT_ATTEMPTS) -> T:
    """Run ``work`` again when the database aborted it for a conflict with a concurrent
    transaction. Why: several Dask workers ingest chunks at once, and two chunks holding the
    same duplicate messages in opposite orders can deadlock on the unique key; PostgreSQL
    aborts one of them. ``work`` must be safe to repeat (ingest is: files already recorded
    are skipped, stored messages are found as duplicates). Logs the state code only."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except OperationalError as exc:
            state = getattr(exc.orig, "sqlstate", None)
            if state not in CONFLICT_STATES or attempt == attempts:
                log.warning("database error %s (attempt %d of %d)", state, attempt, attempts)
                raise
            log.warning(
                "database conflict %s, attempt %d of %d: retrying", state, attempt, attempts
            )
            time.sleep(random.uniform(0.05, 0.25) * attempt)
    raise AssertionError("unreachable")
