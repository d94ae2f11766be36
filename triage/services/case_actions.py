"""What staff do to a case from the queue: each action checks access, changes the case and
leaves an audit event (ids and label ids only, never text) in one transaction.

Label confirmations and corrections are stored as classification rows whose model version
names the person (``staff:<user>@<time>``), the same convention as ``correct_labels``: they
take the case out of "needs triage" and are the labelled examples retraining learns from.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from triage.core.types import CaseStatus, DeadlineKind, Event
from triage.services import case_clock
from triage.services.access import AccessDenied, NotFound, load_case, require_actor
from triage.services.correct_labels import CorrectionResult, correct_labels, recompute_deadlines
from triage.services.database import session_scope
from triage.services.route_pending import routing_rules
from triage.services.users import StaffUser
from triage.store import repository as repo
from triage.store import text_rows
from triage.store.tables import (
    CaseAccessRow,
    CaseNoteRow,
    CaseOutcomeRow,
    CaseRow,
    CaseViewerRow,
    ClassificationRow,
    MessageRow,
    RoutingDecisionRow,
)

STATUSES = tuple(str(s) for s in CaseStatus)
OUTCOMES = ("policy_change", "enforcement_action", "product_change", "escalated",
            "information_provided", "no_action", "other")  # fmt: skip
MAX_NOTE = 20_000
MAX_BULK = 500


class ActionError(ValueError):
    """The action cannot be done (bad value, closed case); nothing was changed."""


def _acting(session: Session, user: StaffUser, case_id: int, *, text: bool = False) -> CaseRow:
    require_actor(user)
    case, readable = load_case(session, user, case_id)
    if text and not readable:
        raise AccessDenied(f"case {case_id}")
    return case


def _event(session: Session, kind: str, user: StaffUser, case_id: int, now: datetime,
           **data: object) -> None:  # fmt: skip
    repo.add_event(session, Event(kind, now, user.username, None, dict(data), case_id))


def confirm_labels(
    case_ids: Sequence[int], user: StaffUser, *, database_url: str | None = None,
    now: datetime | None = None,
) -> int:  # fmt: skip
    """The machine's labels are right: keep them as a staff-labelled example. Returns count."""
    if len(case_ids) > MAX_BULK:
        raise ActionError(f"at most {MAX_BULK} cases at once")
    now = now or datetime.now(UTC)
    done = 0
    with session_scope(database_url) as session:
        for case_id in dict.fromkeys(case_ids):
            case = _acting(session, user, case_id)
            label = session.scalars(
                select(ClassificationRow)
                .where(ClassificationRow.message_id == case.root_message_id)
                .order_by(ClassificationRow.id.desc()).limit(1)
            ).first()  # fmt: skip
            if label is None:
                raise ActionError(f"case {case_id} has no labels to confirm")
            if not label.needs_review and label.model_version.startswith("staff:"):
                continue  # already confirmed by a person
            session.add(ClassificationRow(
                message_id=label.message_id, language=label.language,
                language_confidence=label.language_confidence, rights_issue=label.rights_issue,
                rights_issue_scores=label.rights_issue_scores, challenge=label.challenge,
                challenge_scores=label.challenge_scores, countries=label.countries,
                sender_country=label.sender_country, regions=label.regions,
                global_south=label.global_south, priority=label.priority, kind=label.kind,
                needs_review=False, review_reasons=[],
                evidence={"confirmed_by": user.username, "confirmed": label.model_version},
                model_version=f"staff:{user.username}@{now:%Y%m%dT%H%M%S.%f}:{case_id}"[:100],
                taxonomy_version=label.taxonomy_version, created_at=now,
            ))  # fmt: skip
            _event(session, "labels_confirmed", user, case_id, now, model=label.model_version)
            done += 1
    return done


def correct(
    case_id: int, user: StaffUser, *, rights_issue: Sequence[str] | None = None,
    challenge: Sequence[str] | None = None, countries: Sequence[str] | None = None,
    priority: str | None = None, kind: str | None = None, database_url: str | None = None,
) -> CorrectionResult:  # fmt: skip
    """Correct the labels through ``correct_labels`` (re-routes, feeds retraining)."""
    with session_scope(database_url) as session:
        _acting(session, user, case_id)
    return correct_labels(
        case_id, actor=user.username, rights_issue=rights_issue, challenge=challenge,
        countries=countries, priority=priority, kind=kind, database_url=database_url,
    )  # fmt: skip


def reassign(
    case_ids: Sequence[int], owner: str, user: StaffUser, *, database_url: str | None = None,
    now: datetime | None = None,
) -> int:  # fmt: skip
    """Give cases to ``owner`` (a routing person id); recorded as a manual routing decision."""
    if len(case_ids) > MAX_BULK:
        raise ActionError(f"at most {MAX_BULK} cases at once")
    rules = routing_rules()
    person = rules.people.get(owner)
    if person is None:
        raise ActionError(f"unknown owner {owner}")
    team = getattr(person, "team", None) or "triage-desk"
    now = now or datetime.now(UTC)
    with session_scope(database_url) as session:
        for case_id in dict.fromkeys(case_ids):
            case = _acting(session, user, case_id)
            if case.owner == owner:
                continue
            session.add(RoutingDecisionRow(
                case_id=case.id, owner=owner, team=team, rule_id="manual",
                explanation=f"reassigned by {user.username} from {case.owner}",
                rules_version=rules.version, confidential=case.confidential,
                actor=user.username, decided_at=now,
            ))  # fmt: skip
            _event(session, "reassigned", user, case.id, now, owner=owner, previous=case.owner)
            received = session.scalar(
                select(MessageRow.received_at).where(MessageRow.id == case.root_message_id)
            )
            if received is not None:
                recompute_deadlines(session, case.id, case.priority, case.kind, received, owner,
                                    rules)  # fmt: skip
            case.owner, case.team, case.rule_id, case.updated_at = owner, team, "manual", now
    return len(case_ids)


def set_status(
    case_id: int, status: str, user: StaffUser, *, database_url: str | None = None,
    now: datetime | None = None,
) -> None:  # fmt: skip
    """Open, waiting on sender (pauses the clock) or closed."""
    if status not in STATUSES:
        raise ActionError(f"status must be one of {', '.join(STATUSES)}")
    now = now or datetime.now(UTC)
    with session_scope(database_url) as session:
        case = _acting(session, user, case_id)
        _move(session, case, status, user, now)


def _move(session: Session, case: CaseRow, status: str, user: StaffUser, now: datetime) -> None:
    if case.status == status:
        return
    try:
        if status == CaseStatus.WAITING_ON_SENDER:
            case_clock.pause_in(session, case, user.username, now)
            return
        if case.status == CaseStatus.WAITING_ON_SENDER:
            case_clock.resume_in(session, case, user.username, now, "staff")
    except case_clock.CaseStateError as exc:
        raise ActionError(str(exc)) from None
    previous = case.status
    case.status, case.updated_at = status, now
    case.closed_at = now if status == CaseStatus.CLOSED else None
    _event(session, "status_changed", user, case.id, now, status=status, previous=previous)


def bulk_close(
    case_ids: Sequence[int], user: StaffUser, *, database_url: str | None = None,
    now: datetime | None = None,
) -> int:  # fmt: skip
    if len(case_ids) > MAX_BULK:
        raise ActionError(f"at most {MAX_BULK} cases at once")
    now = now or datetime.now(UTC)
    with session_scope(database_url) as session:
        for case_id in dict.fromkeys(case_ids):
            _move(session, _acting(session, user, case_id), str(CaseStatus.CLOSED), user, now)
    return len(case_ids)


def record_response(
    case_id: int, what: str, user: StaffUser, *, database_url: str | None = None,
    at: datetime | None = None,
) -> None:  # fmt: skip
    """The team acknowledged or responded (marks those deadlines met)."""
    try:
        kind = DeadlineKind(what)
    except ValueError:
        raise ActionError(f"unknown response kind {what!r}") from None
    with session_scope(database_url) as session:
        _acting(session, user, case_id)
    try:
        case_clock.record_response(case_id, kind, actor=user.username, database_url=database_url,
                                   at=at)  # fmt: skip
    except case_clock.CaseStateError as exc:
        raise ActionError(str(exc)) from None


def record_outcome(
    case_id: int, category: str, summary: str, user: StaffUser, *,
    database_url: str | None = None, now: datetime | None = None,
) -> None:  # fmt: skip
    """Close the loop: what changed because of this input. Meets every deadline and closes."""
    if category not in OUTCOMES:
        raise ActionError(f"outcome must be one of {', '.join(OUTCOMES)}")
    summary = summary.strip()
    if not summary or len(summary) > MAX_NOTE:
        raise ActionError("the outcome needs a summary")
    now = now or datetime.now(UTC)
    with session_scope(database_url) as session:
        case = _acting(session, user, case_id, text=True)
        if case.status == CaseStatus.CLOSED:
            raise ActionError(f"case {case_id} is closed")
        session.add(CaseOutcomeRow(case_id=case_id, category=category, summary=summary,
                                   actor=user.username, recorded_at=now))  # fmt: skip
        _event(session, "outcome_recorded", user, case_id, now, category=category)
        text_rows.seal_cases(session, [case_id])
    case_clock.record_response(case_id, DeadlineKind.CLOSE_LOOP, actor=user.username,
                               database_url=database_url, at=now)  # fmt: skip


def add_note(
    case_id: int, body: str, user: StaffUser, *, database_url: str | None = None,
    now: datetime | None = None,
) -> None:  # fmt: skip
    body = body.strip()
    if not body or len(body) > MAX_NOTE:
        raise ActionError(f"a note has 1 to {MAX_NOTE} characters")
    now = now or datetime.now(UTC)
    with session_scope(database_url) as session:
        _acting(session, user, case_id, text=True)
        session.add(CaseNoteRow(case_id=case_id, author=user.username, body=body, created_at=now))
        _event(session, "note_added", user, case_id, now)
        text_rows.seal_cases(session, [case_id])


def set_confidential(
    case_id: int, confidential: bool, named: Sequence[str], user: StaffUser, *,
    database_url: str | None = None, now: datetime | None = None,
) -> None:  # fmt: skip
    """Mark confidential with the people who may read it (the owner always may)."""
    now = now or datetime.now(UTC)
    names = sorted({n.strip() for n in named if n.strip()})
    with session_scope(database_url) as session:
        case = _acting(session, user, case_id)
        if case.confidential and not confidential and user.role not in ("admin",) \
                and user.username != case.owner:
            raise AccessDenied(f"case {case_id}")
        case.confidential, case.updated_at = confidential, now
        session.execute(CaseAccessRow.__table__.delete().where(CaseAccessRow.case_id == case_id))
        if confidential:
            for name in names:
                session.add(CaseAccessRow(case_id=case_id, username=name[:100],
                                          granted_by=user.username, granted_at=now))  # fmt: skip
        _event(session, "confidentiality_set", user, case_id, now, confidential=confidential,
               named=names if confidential else [])  # fmt: skip
        text_rows.seal_cases(session, [case_id])  # the text is encrypted in place


def merge(
    duplicate_id: int, into_id: int, user: StaffUser, *, database_url: str | None = None,
    now: datetime | None = None,
) -> None:
    """The duplicate's messages join ``into``; the duplicate is closed and points at it."""
    if duplicate_id == into_id:
        raise ActionError("a case cannot be merged into itself")
    now = now or datetime.now(UTC)
    with session_scope(database_url) as session:
        dup = _acting(session, user, duplicate_id)
        into = _acting(session, user, into_id)
        if into.merged_into is not None:
            raise ActionError(f"case {into_id} was itself merged")
        session.execute(update(MessageRow).where(MessageRow.case_id == dup.id)
                        .values(case_id=into.id))  # fmt: skip
        session.execute(update(MessageRow).where(MessageRow.id == dup.root_message_id)
                        .values(case_id=into.id))  # fmt: skip
        dup.merged_into = into.id
        into.confidential = into.confidential or dup.confidential
        _move(session, dup, str(CaseStatus.CLOSED), user, now)
        _event(session, "merged_into", user, dup.id, now, into=into.id)
        _event(session, "merged_from", user, into.id, now, duplicate=dup.id)
        text_rows.seal_cases(session, [into.id])


def touch_viewer(
    case_id: int, user: StaffUser, *, database_url: str | None = None,
    now: datetime | None = None,
) -> list[str]:  # fmt: skip
    """Say ``user`` has the case open (soft lock); returns the others looking at it now."""
    from triage.services.case_view import VIEWER_FRESH

    now = now or datetime.now(UTC)
    with session_scope(database_url) as session:
        case, _ = load_case(session, user, case_id)
        row = session.scalars(select(CaseViewerRow).where(
            CaseViewerRow.case_id == case.id, CaseViewerRow.username == user.username)).first()
        if row is None:
            session.add(CaseViewerRow(case_id=case.id, username=user.username, seen_at=now))
        else:
            row.seen_at = now
        return sorted(session.scalars(select(CaseViewerRow.username).where(
            CaseViewerRow.case_id == case.id, CaseViewerRow.username != user.username,
            CaseViewerRow.seen_at >= now - VIEWER_FRESH)))  # fmt: skip


__all__ = ["OUTCOMES", "STATUSES", "AccessDenied", "ActionError", "NotFound"]
