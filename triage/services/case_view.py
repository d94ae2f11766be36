"""Everything the case page shows, checked against who is asking.

The text of the thread (and the sanitised original HTML, and attachments) is included only
when the person may read it; the rest (labels, routing, deadlines, history) is metadata that
triagers need to route a confidential case without reading it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from triage.ingest.attachments import attachment_payload
from triage.services.access import AccessDenied, NotFound, load_case, named_on
from triage.services.audit import record_reads
from triage.services.database import session_scope
from triage.services.queue import deadline_state
from triage.services.route_pending import routing_rules
from triage.services.staff_queue import time_left
from triage.services.users import StaffUser
from triage.store import repository as repo
from triage.store.tables import (
    CaseNoteRow,
    CaseOutcomeRow,
    CaseViewerRow,
    ClassificationRow,
    EventRow,
    MessageRow,
    RoutingDecisionRow,
)

VIEWER_FRESH = timedelta(minutes=2)  # a viewer not heard from for longer has left


@dataclass(slots=True)
class CaseDetail:
    case: dict[str, Any]
    text_visible: bool
    thread: list[dict[str, Any]] = field(default_factory=list)
    labels: dict[str, Any] | None = None
    routing: list[dict[str, Any]] = field(default_factory=list)
    deadlines: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    named: list[str] = field(default_factory=list)
    viewers: list[str] = field(default_factory=list)


def case_detail(
    case_id: int, user: StaffUser, *, database_url: str | None = None, now: datetime | None = None,
    view: str = "case_page",
) -> CaseDetail:
    """``view`` names the page or API asking, for the audit log of text reads."""
    now = now or datetime.now(UTC)
    rules = routing_rules()
    with session_scope(database_url) as session:
        case, readable = load_case(session, user, case_id)
        detail = CaseDetail(
            case={
                name: getattr(case, name)
                for name in ("id", "status", "owner", "team", "confidential", "priority", "kind",
                             "rule_id", "opened_at", "acknowledged_at", "responded_at",
                             "loop_closed_at", "closed_at", "merged_into", "root_message_id")
            },
            text_visible=readable,
        )  # fmt: skip
        messages = session.scalars(
            select(MessageRow).where(MessageRow.case_id == case_id).order_by(MessageRow.received_at)
        ).all() or [session.get(MessageRow, case.root_message_id)]
        for m in messages:
            if m is None:
                continue
            entry: dict[str, Any] = {"id": m.id, "received_at": m.received_at,
                                     "channel": m.channel, "has_html": bool(m.html_sanitised),
                                     "attachments": [
                                         {"index": i, "filename": a.get("filename") or "attachment",
                                          "size": a.get("size", 0),
                                          "content_type": a.get("content_type", "")}
                                         for i, a in enumerate(m.attachments or [])]}  # fmt: skip
            if readable:
                entry.update(subject=m.subject, sender_name=m.sender_name,
                             sender_address=m.sender_address, organisation=m.organisation,
                             new_text=m.new_text, quoted_text=m.quoted_text,
                             signature=m.signature)  # fmt: skip
            detail.thread.append(entry)
        if readable:
            record_reads(session, user.username, case_id, [m["id"] for m in detail.thread],
                         view, now)  # fmt: skip
        label = session.scalars(
            select(ClassificationRow)
            .where(ClassificationRow.message_id == case.root_message_id)
            .order_by(ClassificationRow.id.desc()).limit(1)
        ).first()  # fmt: skip
        if label is not None:
            detail.labels = {
                name: getattr(label, name)
                for name in ("rights_issue", "rights_issue_scores", "challenge",
                             "challenge_scores", "countries", "sender_country", "regions",
                             "global_south", "priority", "kind", "needs_review",
                             "review_reasons", "language", "language_confidence",
                             "model_version", "created_at")
            }  # fmt: skip
            # Evidence quotes the message: only for people who may read it.
            detail.labels["evidence"] = label.evidence if readable else {}
        detail.routing = [
            {"at": r.decided_at, "owner": r.owner, "team": r.team, "rule_id": r.rule_id,
             "explanation": r.explanation, "actor": r.actor, "rules_version": r.rules_version}
            for r in session.scalars(select(RoutingDecisionRow)
                                     .where(RoutingDecisionRow.case_id == case_id)
                                     .order_by(RoutingDecisionRow.id))
        ]  # fmt: skip
        for d in sorted(repo.deadlines_of(session, [case_id]).get(case_id, []),
                        key=lambda d: d.due_at):  # fmt: skip
            state = deadline_state(d.calendar, d.started_at, d.due_at, d.met_at, d.paused_at,
                                   now, rules.at_risk_share)  # fmt: skip
            detail.deadlines.append({
                "kind": d.kind, "due_at": d.due_at, "met_at": d.met_at, "state": state,
                "calendar": d.calendar, "policy": d.policy,
                "time_left": "" if d.met_at else time_left(d.due_at, now),
            })  # fmt: skip
        detail.history = [
            {"at": e.at, "kind": e.kind, "actor": e.actor, "data": e.data}
            for e in session.scalars(select(EventRow).where(EventRow.case_id == case_id)
                                     .order_by(EventRow.id))
        ]  # fmt: skip
        if readable:
            detail.notes = [
                {"at": n.created_at, "author": n.author, "body": n.body}
                for n in session.scalars(select(CaseNoteRow).where(CaseNoteRow.case_id == case_id)
                                         .order_by(CaseNoteRow.id))
            ]  # fmt: skip
        detail.outcomes = [
            {"at": o.recorded_at, "category": o.category, "actor": o.actor,
             "summary": o.summary if readable else None}
            for o in session.scalars(select(CaseOutcomeRow)
                                     .where(CaseOutcomeRow.case_id == case_id)
                                     .order_by(CaseOutcomeRow.id))
        ]  # fmt: skip
        detail.named = sorted(named_on(session, case_id))
        detail.viewers = sorted(
            session.scalars(select(CaseViewerRow.username).where(
                CaseViewerRow.case_id == case_id, CaseViewerRow.username != user.username,
                CaseViewerRow.seen_at >= now - VIEWER_FRESH,
            ))
        )  # fmt: skip
        return detail


def original_html(
    case_id: int, message_id: int, user: StaffUser, *, database_url: str | None = None
) -> str:
    """The sanitised HTML of one message of the case, for a sandboxed frame."""
    with session_scope(database_url) as session:
        case, readable = load_case(session, user, case_id)
        if not readable:
            raise AccessDenied(f"case {case_id}")
        m = session.get(MessageRow, message_id)
        if m is None or (m.case_id != case_id and m.id != case.root_message_id):
            raise NotFound(f"no message {message_id} in case {case_id}")
        record_reads(session, user.username, case_id, [m.id], "original_html", datetime.now(UTC))
        return m.html_sanitised or ""


def attachment(
    case_id: int, message_id: int, index: int, user: StaffUser, *, database_url: str | None = None
) -> tuple[str, bytes]:
    """(file name, bytes) of one attachment, re-read from the raw message kept at ingest."""
    with session_scope(database_url) as session:
        case, readable = load_case(session, user, case_id)
        if not readable:
            raise AccessDenied(f"case {case_id}")
        m = session.get(MessageRow, message_id)
        if m is None or (m.case_id != case_id and m.id != case.root_message_id):
            raise NotFound(f"no message {message_id} in case {case_id}")
        items = m.attachments or []
        if not 0 <= index < len(items):
            raise NotFound(f"no attachment {index} of message {message_id}")
        payload = attachment_payload(m.raw, items[index].get("sha256", ""))
        if payload is None:
            raise NotFound(f"attachment {index} of message {message_id} not in the raw message")
        record_reads(session, user.username, case_id, [m.id], "attachment", datetime.now(UTC))
        return items[index].get("filename") or "attachment", payload
