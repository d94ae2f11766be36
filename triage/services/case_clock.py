"""A case's clock: waiting on the sender pauses it, their reply resumes it, responses stop it.

Only the open time that was left at the pause is counted again from the resumption, on the
same calendar (``triage.core.business_time.resume_deadline``). Recording a response marks
its deadline met, and the earlier ones with it: a substantive answer also acknowledges.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.config.files import load_routing_rules
from triage.core.business_time import always_open, resume_deadline
from triage.core.types import CaseStatus, DeadlineKind, Event
from triage.services.database import session_scope
from triage.settings import get_settings
from triage.store import repository as repo
from triage.store.tables import CaseRow, DeadlineRow

ORDER = (DeadlineKind.ACKNOWLEDGE, DeadlineKind.RESPOND, DeadlineKind.CLOSE_LOOP)
CASE_FIELD = {
    DeadlineKind.ACKNOWLEDGE: "acknowledged_at",
    DeadlineKind.RESPOND: "responded_at",
    DeadlineKind.CLOSE_LOOP: "loop_closed_at",
}


class CaseStateError(ValueError):
    """The case does not exist or cannot make that move; nothing was changed."""


def _case(session: Session, case_id: int) -> CaseRow:
    case = session.get(CaseRow, case_id)
    if case is None:
        raise CaseStateError(f"no case {case_id}")
    return case


def _open_deadlines(session: Session, case_id: int) -> list[DeadlineRow]:
    stmt = select(DeadlineRow).where(DeadlineRow.case_id == case_id, DeadlineRow.met_at.is_(None))
    return list(session.scalars(stmt))


def pause_in(session: Session, case: CaseRow, actor: str, now: datetime) -> None:
    if case.status == CaseStatus.CLOSED:
        raise CaseStateError(f"case {case.id} is closed")
    if case.status == CaseStatus.WAITING_ON_SENDER:
        return
    for row in _open_deadlines(session, case.id):
        row.paused_at = now
    case.status, case.paused_at, case.updated_at = str(CaseStatus.WAITING_ON_SENDER), now, now
    repo.add_event(session, Event("waiting_on_sender", now, actor, None, {}, case.id))


def resume_in(session: Session, case: CaseRow, actor: str, now: datetime, why: str) -> None:
    if case.status != CaseStatus.WAITING_ON_SENDER:
        return
    calendars = load_routing_rules(get_settings().routing_file).calendars
    for row in _open_deadlines(session, case.id):
        if row.paused_at is None:
            continue
        calendar = calendars.get(row.calendar) or always_open()
        row.due_at = resume_deadline(calendar, row.due_at, row.paused_at, max(now, row.paused_at))
        row.paused_at = None
    case.status, case.paused_at, case.updated_at = str(CaseStatus.OPEN), None, now
    repo.add_event(session, Event("resumed", now, actor, None, {"why": why}, case.id))


def record_first_response_in(session: Session, case: CaseRow, at: datetime) -> None:
    """The team's first reply in the thread acknowledges the case (once; later ones do not)."""
    if case.acknowledged_at is not None and case.acknowledged_at <= at:
        return
    case.acknowledged_at, case.updated_at = at, max(at, case.updated_at)
    for row in _open_deadlines(session, case.id):
        if row.kind == DeadlineKind.ACKNOWLEDGE:
            row.met_at, row.paused_at = at, None
    repo.add_event(session, Event("first_response", at, "system", None, {}, case.id))


def wait_on_sender(
    case_id: int, *, actor: str, database_url: str | None = None, now: datetime | None = None
) -> None:
    """The team asked the sender something: pause every deadline not yet met."""
    with session_scope(database_url) as session:
        pause_in(session, _case(session, case_id), actor, now or datetime.now(UTC))


def resume(
    case_id: int, *, actor: str, database_url: str | None = None, now: datetime | None = None
) -> None:
    with session_scope(database_url) as session:
        resume_in(session, _case(session, case_id), actor, now or datetime.now(UTC), "staff")


def record_response(
    case_id: int,
    what: DeadlineKind,
    *,
    actor: str,
    database_url: str | None = None,
    at: datetime | None = None,
) -> None:
    """Record that the team acknowledged, responded, or closed the loop (which closes the case)."""
    at = at or datetime.now(UTC)
    if at.tzinfo is None:
        raise CaseStateError("response time must be timezone-aware")
    with session_scope(database_url) as session:
        case = _case(session, case_id)
        if case.status == CaseStatus.CLOSED:
            raise CaseStateError(f"case {case.id} is closed")
        met = ORDER[: ORDER.index(what) + 1]
        for row in _open_deadlines(session, case.id):
            if row.kind in met:
                row.met_at, row.paused_at = at, None
        for kind in met:
            if getattr(case, CASE_FIELD[kind]) is None:
                setattr(case, CASE_FIELD[kind], at)
        case.updated_at = at
        if what == DeadlineKind.CLOSE_LOOP:
            case.status, case.closed_at, case.paused_at = str(CaseStatus.CLOSED), at, None
        repo.add_event(session, Event(f"recorded_{what}", at, actor, None, {}, case.id))
