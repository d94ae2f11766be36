"""Open cases per owner for batch routing: counted in the store now and then, not per chunk.

Why: the count is a scan of every open case (the ``(status, owner)`` index), and it grows
with the store: on PostgreSQL 17 ms at 100,000 open cases and 120 ms at 800,000, paid by
every chunk of 1,000 messages, a thousand times in a back-fill of 1,000,000. Routing needs
the load only to balance owners and to respect their capacity. A routing process keeps the
counts it read, adds the cases it opens itself, and counts again in the store after
``REFRESH_SECONDS`` to see what others changed meanwhile (closures, reassignments, another
process routing). Staff actions (``correct_labels``) count in the store every time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy.orm import Session

from triage.store import repository as repo

REFRESH_SECONDS = 30.0


@dataclass
class OwnerLoad:
    """The counts of one store, read at ``read_at`` (``time.monotonic``), plus the cases
    this process opened since."""

    store: str
    read_at: float
    counts: dict[str, int]


_kept: dict[str, OwnerLoad] = {}


def _store_of(session: Session) -> str:
    return session.get_bind().url.render_as_string(hide_password=True)


def read(session: Session) -> OwnerLoad:
    """The load to route a chunk with: a copy, so that the cases of a chunk whose transaction
    fails are not counted (``keep`` it once the chunk is committed)."""
    store = _store_of(session)
    kept = _kept.get(store)
    if kept is None or time.monotonic() - kept.read_at > REFRESH_SECONDS:
        return OwnerLoad(store, time.monotonic(), repo.open_load(session))
    return OwnerLoad(store, kept.read_at, dict(kept.counts))


def keep(load: OwnerLoad) -> None:
    """Remember the counts after a committed chunk, for the chunks that follow."""
    _kept[load.store] = load


def forget() -> None:
    """Count in the store at the next read (tests start from an empty memory)."""
    _kept.clear()
