"""The audit log of text reads: who read which message of which case, when, in which view.

Written in the same transaction as the read itself, so a page that showed text cannot have
left no trace. Ids only: the log itself holds nothing worth protecting beyond who looked.
Append-only by design and by database trigger (migration 0007); retention never purges it.
Read by admins (``triage audit --case N``, ``GET /api/audit``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.services.access import require_admin
from triage.services.database import session_scope
from triage.services.users import StaffUser
from triage.store.repository import fast_insert
from triage.store.tables import TextReadRow

# Where text can be read; each caller names its own.
VIEWS = ("case_page", "api_case", "original_html", "attachment", "cli")


@dataclass(frozen=True, slots=True)
class TextRead:
    at: datetime
    actor: str
    case_id: int | None
    message_id: int | None
    view: str

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "at": self.at.isoformat()}


def record_reads(
    session: Session, actor: str, case_id: int, message_ids: Sequence[int], view: str,
    at: datetime,
) -> None:  # fmt: skip
    """One row per message read (one row for the case when no message is named)."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}")
    ids: list[int | None] = list(dict.fromkeys(message_ids)) or [None]
    fast_insert(session, TextReadRow.__table__,  # type: ignore[arg-type]
                [{"at": at, "actor": actor[:100], "case_id": case_id, "message_id": m,
                  "view": view} for m in ids])  # fmt: skip


def reads(
    case_id: int | None = None, *, actor: str | None = None, limit: int = 1000,
    database_url: str | None = None,
) -> list[TextRead]:  # fmt: skip
    """Newest first; for operators with database access (the CLI) and, through
    ``reads_for``, for admins."""
    stmt = select(TextReadRow).order_by(TextReadRow.id.desc()).limit(limit)
    if case_id is not None:
        stmt = stmt.where(TextReadRow.case_id == case_id)
    if actor is not None:
        stmt = stmt.where(TextReadRow.actor == actor)
    with session_scope(database_url) as session:
        return [TextRead(r.at, r.actor, r.case_id, r.message_id, r.view)
                for r in session.scalars(stmt)]  # fmt: skip


def reads_for(
    user: StaffUser, case_id: int | None = None, *, actor: str | None = None,
    database_url: str | None = None,
) -> list[TextRead]:  # fmt: skip
    require_admin(user)
    return reads(case_id, actor=actor, database_url=database_url)
