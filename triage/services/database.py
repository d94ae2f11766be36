"""One engine per database URL per process, migrated on first use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from triage.settings import get_settings
from triage.store.database import make_engine, migrate


def engine_for(url: str | None = None) -> Engine:
    """The URL is resolved before the cache: ``None`` means the current setting, not whichever
    database the first call of this process happened to use."""
    return _engine(url or get_settings().database_url)


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    engine = make_engine(url)
    migrate(engine)
    return engine


engine_for.cache_clear = _engine.cache_clear  # type: ignore[attr-defined]


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A unit of work: committed on success, rolled back on any error."""
    with Session(engine_for(url), expire_on_commit=False) as session, session.begin():
        yield session
