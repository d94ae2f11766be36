"""The staff queues: counts, one page of cases, and the banner of new critical items.

Subjects are message text: they are returned only to people who may read the case's text,
and a confidential case's subject only to its owner and the people named on it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from triage.core.types import CaseStatus
from triage.services.access import AccessDenied
from triage.services.database import session_scope
from triage.services.queue import deadline_state
from triage.services.route_pending import routing_rules
from triage.services.users import StaffUser
from triage.store import queue_queries as qq
from triage.store.tables import CaseAccessRow

QUEUES = qq.QUEUES
SORTS = qq.SORTS
QueueFilter = qq.QueueFilter
PAGE_SIZE = 50
CRITICAL_WINDOW = timedelta(hours=24)
COUNTS_FRESH = 30.0  # seconds
_COUNTS: dict[Any, tuple[datetime, dict[str, int], list[int]]] = {}
_COUNTS_LOCK = threading.Lock()
QUEUE_TITLES = {
    "needs_triage": "Needs triage", "mine": "Mine", "team": "My team", "at_risk": "At risk",
    "overdue": "Overdue", "waiting": "Waiting on sender", "open": "All open", "closed": "Closed",
}  # fmt: skip


MAX_PAGE = 1_000_000  # 50 million cases at most: far past any queue, well inside int64


@dataclass(frozen=True, slots=True)
class QueueRow:
    case_id: int
    owner: str
    team: str
    status: str
    priority: str
    kind: str
    confidential: bool
    opened_at: datetime
    subject: str | None  # None: this person may not read it
    rights_issue: tuple[str, ...]
    challenge: tuple[str, ...]
    language: str
    needs_review: bool
    global_south: bool | None
    regions: tuple[str, ...]
    respond_by: datetime | None
    deadline_state: str
    time_left: str

    def as_json(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in self.__slots__}
        for name in ("opened_at", "respond_by"):
            out[name] = out[name].isoformat() if out[name] else None
        for name in ("rights_issue", "challenge", "regions"):
            out[name] = list(out[name])
        return out


@dataclass(frozen=True, slots=True)
class QueueView:
    queue: str
    counts: dict[str, int]
    rows: list[QueueRow] = field(default_factory=list)
    page: int = 1
    critical: list[int] = field(default_factory=list)


def time_left(due: datetime | None, now: datetime) -> str:
    """'3 h 10 min left' or '2 d 4 h overdue': wall-clock, for people to read at a glance."""
    if due is None:
        return ""
    delta = due - now
    sign = "left" if delta.total_seconds() >= 0 else "overdue"
    seconds = abs(int(delta.total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days} d {hours} h {sign}"
    if hours:
        return f"{hours} h {minutes} min {sign}"
    return f"{minutes} min {sign}"


def queue_view(
    user: StaffUser,
    queue: str = "needs_triage",
    filters: QueueFilter | None = None,
    *,
    sort: str = "deadline",
    page: int = 1,
    counts_only: bool = False,
    use_cache: bool = True,
    database_url: str | None = None,
    now: datetime | None = None,
) -> QueueView:
    """The counts of every queue and (unless ``counts_only``) one page of ``queue``.

    Analysts get counts only: a page of cases would show what senders wrote. Counts are
    kept for ``COUNTS_FRESH`` seconds per person and filter, and dropped at once when any case
    or label changes (``change_mark``): only the passing of time (a deadline turning at risk)
    can take up to that long to show in a count. The page of rows is always read fresh.
    """
    if queue not in QUEUES:
        raise ValueError(f"unknown queue {queue!r}")
    if not user.reads_text and not counts_only:
        raise AccessDenied("analysts see counts only")
    now = now or datetime.now(UTC)
    filters = filters or QueueFilter()
    rules = routing_rules()
    page = min(max(1, page), MAX_PAGE)  # a page number from a URL must fit SQL's OFFSET
    with session_scope(database_url) as session:
        conditions = qq.queue_conditions(session, user.username, user.team, now,
                                         rules.at_risk_share)  # fmt: skip
        key = (database_url, user.username, user.team, filters, qq.change_mark(session))
        cached = _COUNTS.get(key) if use_cache else None
        if cached is not None and 0 <= (now - cached[0]).total_seconds() < COUNTS_FRESH:
            counts, critical = cached[1], cached[2]
        else:
            if filters == QueueFilter():
                counts = qq.plain_counts(session, user.username, user.team, now,
                                         rules.at_risk_share)  # fmt: skip
            else:
                counts = qq.queue_counts(session, conditions, filters)
            critical = qq.new_critical(session, now - CRITICAL_WINDOW)
            with _COUNTS_LOCK:
                if len(_COUNTS) > 512:
                    _COUNTS.clear()
                _COUNTS[key] = (now, counts, critical)
        if counts_only:
            return QueueView(queue, counts, [], page, critical)
        found = qq.queue_page(
            session, conditions[queue], filters, sort=sort if sort in SORTS else "deadline",
            offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE, from_labels=queue == "needs_triage",
            open_only=queue != "closed",
        )  # fmt: skip
        subject_of = qq.subjects(session, [r[0].root_message_id for r in found])
        secret = [r[0].id for r in found if r[0].confidential]
        named: set[tuple[int, str]] = set()
        if secret:
            named = set(session.execute(
                select(CaseAccessRow.case_id, CaseAccessRow.username)
                .where(CaseAccessRow.case_id.in_(secret), CaseAccessRow.username == user.username)
            ).tuples())  # fmt: skip
        rows = []
        for r in found:
            c = r[0]
            readable = (
                not c.confidential or c.owner == user.username or ((c.id, user.username) in named)
            )
            state = "none"
            if r.due_at is not None:
                state = deadline_state(
                    r.calendar, r.started_at, r.due_at, r.met_at, r.paused_at, now,
                    rules.at_risk_share,
                )  # fmt: skip
            rows.append(
                QueueRow(
                    case_id=c.id, owner=c.owner, team=c.team, status=c.status,
                    priority=c.priority, kind=c.kind, confidential=c.confidential,
                    opened_at=c.opened_at,
                    subject=subject_of.get(c.root_message_id, "") if readable else None,
                    rights_issue=tuple(r.rights_issue or ()), challenge=tuple(r.challenge or ()),
                    language=r.language or "und",
                    needs_review=bool(r.needs_review) if r.needs_review is not None else True,
                    global_south=r.global_south, regions=tuple(r.regions or ()),
                    respond_by=r.due_at, deadline_state=state,
                    time_left=time_left(r.due_at, now)
                    if r.met_at is None and c.status != CaseStatus.CLOSED else "",
                )
            )  # fmt: skip
        return QueueView(queue, counts, rows, page, critical)
