"""Who may see and do what. One place, so the UI and the JSON API cannot disagree.

- analyst: metrics only, never a message's text or a case page;
- admin, triager: every case; a confidential case's text only if named on it;
- owner: every case that is not confidential; a confidential one only if it is theirs or
  they are named on it (otherwise they cannot open it at all).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.services.users import StaffUser
from triage.store.tables import CaseAccessRow, CaseRow


class AccessDenied(PermissionError):
    """The person may not do this; carries ids only."""


class NotFound(LookupError):
    """No such case (or message, attachment)."""


def named_on(session: Session, case_id: int) -> set[str]:
    stmt = select(CaseAccessRow.username).where(CaseAccessRow.case_id == case_id)
    return set(session.scalars(stmt))


def may_read_text(user: StaffUser, case: CaseRow, named: set[str]) -> bool:
    if not user.reads_text:
        return False
    if not case.confidential:
        return True
    return user.username == case.owner or user.username in named


def may_open(user: StaffUser, case: CaseRow, named: set[str]) -> bool:
    if not user.reads_text:
        return False
    if user.role == "owner" and case.confidential:
        return user.username == case.owner or user.username in named
    return True


def load_case(session: Session, user: StaffUser, case_id: int) -> tuple[CaseRow, bool]:
    """The case and whether ``user`` may read its text; AccessDenied if they may not open it."""
    case = session.get(CaseRow, case_id)
    if case is None:
        raise NotFound(f"no case {case_id}")
    named = named_on(session, case_id) if case.confidential else set()
    if not may_open(user, case, named):
        raise AccessDenied(f"case {case_id}")
    return case, may_read_text(user, case, named)


def require_actor(user: StaffUser) -> None:
    """Analysts read metrics; they change nothing."""
    if user.role == "analyst":
        raise AccessDenied("analysts cannot change cases")


def require_admin(user: StaffUser) -> None:
    if not user.is_admin:
        raise AccessDenied("admins only")
