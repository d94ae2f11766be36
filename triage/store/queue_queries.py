"""The staff queues as SQL: one aggregate for every queue's count, one page of rows.

A queue page must answer in well under 200 ms with a million cases, so nothing here loads
cases into Python to filter them, and nothing joins a case to its classifications: the latest
labels of each case's first message are copied onto the case (``cases.needs_review``,
``language``, ``rights_issue``...; see ``tables.copy_labels_to_case``), so "needs triage" is an
index range and every queue is a ``CASE WHEN`` inside a single ``SUM`` pass over ``cases``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    cast,
    false,
    func,
    select,
    true,
)
from sqlalchemy import Text as SAText
from sqlalchemy.orm import Session, aliased

from triage.core.types import CaseStatus
from triage.store.tables import CaseRow, ClassificationRow, DeadlineRow, EventRow, MessageRow

QUEUES = ("needs_triage", "mine", "team", "at_risk", "overdue", "waiting", "open", "closed")
SORTS = ("deadline", "newest", "oldest")

Respond = aliased(DeadlineRow, name="respond")


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """Every filter a person can set; ``None`` means "any". Label ids are checked upstream."""

    rights_issue: str | None = None
    challenge: str | None = None
    region: str | None = None
    global_south: bool | None = None
    language: str | None = None
    owner: str | None = None
    status: str | None = None
    priority: str | None = None
    opened_from: date | None = None
    opened_to: date | None = None


def _epoch(session: Session, column: Any) -> ColumnElement[float]:
    """Seconds since 1970 of a stored time, in SQL (SQLite keeps ISO text, PostgreSQL a type)."""
    if session.get_bind().dialect.name == "sqlite":
        return (func.julianday(column) - 2440587.5) * 86400.0
    return func.extract("epoch", column)


def _json_has(column: Any, value: str) -> ColumnElement[bool]:
    """A JSON list of ids contains ``value``: ids are ``[a-z0-9_-]`` (validated), so the quoted
    form cannot match across elements and needs no escaping beyond LIKE's own."""
    safe = value.replace("\\", "").replace("%", "").replace("_", "\\_").replace('"', "")
    return cast(column, SAText).like(f'%"{safe}"%', escape="\\")


def _joined(columns: Sequence[Any]) -> Select[Any]:
    return (
        select(*columns)
        .select_from(CaseRow)
        .outerjoin(Respond, and_(Respond.case_id == CaseRow.id, Respond.kind == "respond"))
    )


def queue_conditions(
    session: Session, username: str, team: str | None, now: datetime, at_risk_share: float
) -> dict[str, ColumnElement[bool]]:
    """Each queue's membership as a SQL condition over the joined row.

    "At risk" here is the wall-clock share of the respond deadline used; the case page shows
    the business-hours state, which can differ over a weekend.
    """
    not_closed = _not_closed()
    live = and_(not_closed, Respond.met_at.is_(None), Respond.paused_at.is_(None))
    start, due = _epoch(session, Respond.started_at), _epoch(session, Respond.due_at)
    late = (DeadlineRow.met_at.is_(None), DeadlineRow.due_at < now, DeadlineRow.paused_at.is_(None))
    overdue: ColumnElement[bool]
    if session.get_bind().dialect.name == "postgresql":
        # EXISTS by the case's own deadlines (``uq (case_id, kind)``), not IN a list of every
        # late deadline's case: inside the counts' CASE, PostgreSQL re-ran that list for each
        # case once it outgrew work_mem (79 s for a filtered count at a million cases).
        overdue = select(DeadlineRow.id).where(DeadlineRow.case_id == CaseRow.id, *late).exists()
    else:
        # SQLite builds the list once; given the EXISTS it probes ``ix_deadlines_live_due``
        # (every late deadline) for each case, and the filtered count never ends.
        overdue = CaseRow.id.in_(select(DeadlineRow.case_id).where(*late))
    return {
        # Every routed case has labels (routing reads them), so no label means none to review.
        "needs_triage": and_(CaseRow.needs_review.is_(True), not_closed),
        "mine": and_(not_closed, CaseRow.owner == username),
        "team": and_(not_closed, CaseRow.team == team) if team else false(),
        "at_risk": and_(
            live, Respond.due_at > now, start + (due - start) * at_risk_share <= now.timestamp()
        ),
        "overdue": and_(not_closed, overdue),
        "waiting": CaseRow.status == str(CaseStatus.WAITING_ON_SENDER),
        "open": not_closed,
        "closed": CaseRow.status == str(CaseStatus.CLOSED),
    }


def _not_closed() -> ColumnElement[bool]:
    # IN, not "!= closed": an index on (status, owner) or (status, team) serves equality only.
    return CaseRow.status.in_([str(CaseStatus.OPEN), str(CaseStatus.WAITING_ON_SENDER)])


def plain_counts(
    session: Session, username: str, team: str | None, now: datetime, at_risk_share: float
) -> dict[str, int]:
    """Every queue's size without filters, each from the index that answers it.

    One pass over the join would touch every case (100,000 of them, most long closed) for
    each page view; these read only the open cases, the deadlines not met, and the labels
    that still ask for review.
    """

    def count(stmt: Select[Any]) -> int:
        return int(session.execute(stmt).scalar() or 0)

    by_status = {
        str(status): int(n)
        for status, n in session.execute(
            select(CaseRow.status, func.count()).group_by(CaseRow.status)
        )
    }
    review = count(
        select(func.count()).select_from(CaseRow)
        .where(CaseRow.needs_review.is_(True), _not_closed())
    )  # fmt: skip
    # Open cases with a live deadline past due: a semi-join (the open cases' ids from the
    # status index, the late deadlines' case ids from ``ix_deadlines_live_due`` alone), not a
    # DISTINCT over each late deadline joined to its case (580 ms at a million; now 180).
    late = count(
        select(func.count()).select_from(CaseRow)
        .where(_not_closed(), CaseRow.id.in_(
            select(DeadlineRow.case_id).where(DeadlineRow.met_at.is_(None),
                                              DeadlineRow.paused_at.is_(None),
                                              DeadlineRow.due_at < now)
        ))
    )  # fmt: skip
    start, due = _epoch(session, DeadlineRow.started_at), _epoch(session, DeadlineRow.due_at)
    risky = count(
        select(func.count())
        .select_from(DeadlineRow)
        .join(CaseRow, CaseRow.id == DeadlineRow.case_id)
        .where(DeadlineRow.met_at.is_(None), DeadlineRow.due_at > now,
               DeadlineRow.kind == "respond", DeadlineRow.paused_at.is_(None), _not_closed(),
               start + (due - start) * at_risk_share <= now.timestamp())
    )  # fmt: skip
    mine = count(select(func.count()).select_from(CaseRow)
                 .where(_not_closed(), CaseRow.owner == username))  # fmt: skip
    ours = count(select(func.count()).select_from(CaseRow)
                 .where(_not_closed(), CaseRow.team == team)) if team else 0  # fmt: skip
    waiting = int(by_status.get(str(CaseStatus.WAITING_ON_SENDER), 0))
    opened = int(by_status.get(str(CaseStatus.OPEN), 0))
    return {
        "needs_triage": review, "mine": mine, "team": ours, "at_risk": risky, "overdue": late,
        "waiting": waiting, "open": opened + waiting,
        "closed": int(by_status.get(str(CaseStatus.CLOSED), 0)),
    }  # fmt: skip


def filter_conditions(f: QueueFilter) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if f.rights_issue:
        found.append(_json_has(CaseRow.rights_issue, f.rights_issue))
    if f.challenge:
        found.append(_json_has(CaseRow.challenge, f.challenge))
    if f.region:
        found.append(_json_has(CaseRow.regions, f.region))
    if f.global_south is not None:
        found.append(CaseRow.global_south.is_(true() if f.global_south else false()))
    if f.language:
        found.append(CaseRow.language == f.language)
    if f.owner:
        found.append(CaseRow.owner == f.owner)
    if f.status:
        found.append(CaseRow.status == f.status)
    if f.priority:
        found.append(CaseRow.priority == f.priority)
    if f.opened_from:
        found.append(CaseRow.opened_at >= datetime.combine(f.opened_from, time(), tzinfo=UTC))
    if f.opened_to and f.opened_to < date.max:  # "up to 9999-12-31" is no bound at all
        end = datetime.combine(f.opened_to + timedelta(days=1), time(), tzinfo=UTC)
        found.append(CaseRow.opened_at < end)
    return found


def queue_counts(
    session: Session, conditions: dict[str, ColumnElement[bool]], filters: QueueFilter
) -> dict[str, int]:
    """Every queue's size under the current filters, in one pass over the cases."""
    sums = [func.sum(case((cond, 1), else_=0)).label(name) for name, cond in conditions.items()]
    stmt = _joined(sums)
    wheres = filter_conditions(filters)
    if wheres:
        stmt = stmt.where(and_(*wheres))
    row = session.execute(stmt).one()
    return {name: int(row._mapping[name] or 0) for name in conditions}


def queue_page(
    session: Session,
    condition: ColumnElement[bool],
    filters: QueueFilter,
    *,
    sort: str = "deadline",
    offset: int = 0,
    limit: int = 50,
    from_labels: bool = False,
    open_only: bool = False,
) -> list[Any]:
    """One page of the queue: case, latest labels and respond deadline (subjects: ``subjects``).

    ``open_only``: the queue holds no closed case, so a page in deadline order is read
    walking the respond deadlines in due order (``ix_deadlines_kind_due``) from the earliest
    an open case can have, stopping at the page's last row, instead of joining and sorting
    every case of the queue (150,000 open cases of a million: 2 s on SQLite).
    """
    del from_labels  # every queue reads the labels copied onto the case now
    columns = [
        CaseRow, CaseRow.rights_issue.label("rights_issue"),
        CaseRow.challenge.label("challenge"), CaseRow.language.label("language"),
        CaseRow.needs_review.label("needs_review"),
        CaseRow.global_south.label("global_south"), CaseRow.regions.label("regions"),
        Respond.started_at, Respond.due_at, Respond.met_at, Respond.paused_at,
        Respond.calendar,
    ]  # fmt: skip
    wheres = [condition, *filter_conditions(filters)]
    if sort == "deadline" and open_only:
        return _page_by_deadline(session, columns, wheres, offset, limit)
    stmt = _joined(columns).where(*wheres)
    if sort == "newest":
        stmt = stmt.order_by(CaseRow.opened_at.desc(), CaseRow.id.desc())
    elif sort == "oldest":
        stmt = stmt.order_by(CaseRow.opened_at, CaseRow.id)
    else:
        stmt = stmt.order_by(Respond.due_at.is_(None), Respond.due_at, CaseRow.id)
    return list(session.execute(stmt.offset(offset).limit(limit)))


def _page_by_deadline(
    session: Session,
    columns: Sequence[Any],
    wheres: Sequence[ColumnElement[bool]],
    offset: int,
    limit: int,
) -> list[Any]:
    """Rows of open cases in (respond due, case id) order, then those without a respond
    deadline by id: the order of the general query, read from the deadlines' index.

    A deadline is never due before its case opened (it runs from the message's receipt, and
    resuming or re-routing only moves it later), so no open case's deadline is due before
    the oldest open case's ``opened_at`` (``ix_cases_status_opened``): the walk starts there,
    past the closed cases' old deadlines.
    """
    earliest = session.scalar(select(func.min(CaseRow.opened_at)).where(_not_closed()))
    if earliest is None:
        return []  # no open case: the queue is empty
    dated = (
        select(*columns)
        .select_from(Respond)
        .join(CaseRow, CaseRow.id == Respond.case_id)
        .where(Respond.kind == "respond", Respond.due_at >= earliest, *wheres)
    )
    rows = list(
        session.execute(dated.order_by(Respond.due_at, Respond.case_id).offset(offset).limit(limit))
    )
    if len(rows) == limit:
        return rows
    skip = 0
    if not rows and offset:  # the page starts past the dated rows: how many were there?
        total = session.scalar(select(func.count()).select_from(dated.subquery())) or 0
        skip = max(0, offset - int(total))
    undated = _joined(columns).where(Respond.id.is_(None), *wheres).order_by(CaseRow.id)
    rows.extend(session.execute(undated.offset(skip).limit(limit - len(rows))))
    return rows


def subjects(session: Session, message_ids: Sequence[int]) -> dict[int, str]:
    """Subject lines of a page's messages, read apart: a message row carries its raw bytes,
    and joining it before the sort would read them for every case in the queue."""
    if not message_ids:
        return {}
    stmt = select(MessageRow.id, MessageRow.subject).where(MessageRow.id.in_(list(message_ids)))
    return {int(i): str(subject) for i, subject in session.execute(stmt)}


def change_mark(session: Session) -> tuple[int, int]:
    """Moves whenever cases or labels change: every change to a case writes an audit event,
    and every classification is a new row. Two index look-ups."""
    return (
        int(session.scalar(select(func.max(EventRow.id))) or 0),
        int(session.scalar(select(func.max(ClassificationRow.id))) or 0),
    )


def new_critical(session: Session, since: datetime, limit: int = 5) -> list[int]:
    """Open critical cases opened since ``since`` and not yet acknowledged: the banner."""
    stmt = (
        select(CaseRow.id)
        .where(
            # IN, not "!= closed": (status, opened_at) is then two index ranges of the last
            # day's cases, not a scan of every case (185 ms at a million).
            CaseRow.priority == "critical", _not_closed(),
            CaseRow.acknowledged_at.is_(None), CaseRow.opened_at >= since,
        )
        .order_by(CaseRow.opened_at.desc())
        .limit(limit)
    )  # fmt: skip
    return [int(i) for i in session.scalars(stmt)]
