"""The open queue: every open case with its owner, deadlines and their state, by deadline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from triage.core.business_time import always_open, share_used
from triage.services.database import session_scope
from triage.services.route_pending import routing_rules
from triage.store import repository as repo


@dataclass(frozen=True, slots=True)
class QueueItem:
    case_id: int
    message_id: int
    owner: str
    team: str
    rule_id: str
    status: str
    priority: str
    kind: str
    confidential: bool
    respond_by: datetime
    deadline_state: str
    deadlines: dict[str, dict[str, Any]] = field(default_factory=dict)
    rights_issue: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    language: str = "und"
    needs_review: bool = True

    def as_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "message_id": self.message_id,
            "owner": self.owner,
            "team": self.team,
            "rule_id": self.rule_id,
            "status": self.status,
            "priority": self.priority,
            "kind": self.kind,
            "confidential": self.confidential,
            "respond_by": self.respond_by.isoformat(),
            "deadline_state": self.deadline_state,
            "deadlines": self.deadlines,
            "rights_issue": list(self.rights_issue),
            "countries": list(self.countries),
            "language": self.language,
            "needs_review": self.needs_review,
        }


STATE_ORDER = ("met", "ok", "paused", "at_risk", "breached")


def deadline_state(
    calendar_name: str, started_at: datetime, due_at: datetime, met_at: datetime | None,
    paused_at: datetime | None, now: datetime, at_risk_share: float,
) -> str:  # fmt: skip
    if met_at is not None:
        return "met"
    if paused_at is not None:
        return "paused"
    rules = routing_rules()
    calendar = rules.calendars.get(calendar_name) or always_open()
    used = share_used(calendar, started_at, due_at, now)
    if now >= due_at:
        return "breached"
    return "at_risk" if used >= at_risk_share else "ok"


def open_queue(
    database_url: str | None = None, limit: int | None = None, now: datetime | None = None
) -> list[QueueItem]:
    now = now or datetime.now(UTC)
    share = routing_rules().at_risk_share
    with session_scope(database_url) as session:
        rows = repo.open_queue_rows(session, limit)
        cases = [r[0] for r in rows]
        labels = repo.latest_classifications(session, [c.root_message_id for c in cases])
        deadlines = repo.deadlines_of(session, [c.id for c in cases])
        items = []
        for case, respond_by in rows:
            label = labels.get(case.root_message_id)
            states = {}
            for d in deadlines.get(case.id, []):
                states[d.kind] = {
                    "due_at": d.due_at.isoformat(),
                    "met_at": d.met_at.isoformat() if d.met_at else None,
                    "state": deadline_state(
                        d.calendar, d.started_at, d.due_at, d.met_at, d.paused_at, now, share
                    ),
                }
            worst = max((s["state"] for s in states.values()), key=STATE_ORDER.index, default="ok")
            items.append(
                QueueItem(
                    case_id=case.id,
                    message_id=case.root_message_id,
                    owner=case.owner,
                    team=case.team,
                    rule_id=case.rule_id,
                    status=case.status,
                    priority=case.priority,
                    kind=case.kind,
                    confidential=case.confidential,
                    respond_by=respond_by,
                    deadline_state=worst,
                    deadlines=states,
                    rights_issue=tuple(label.rights_issue) if label else (),
                    countries=tuple(label.countries) if label else (),
                    language=label.language if label else "und",
                    needs_review=label.needs_review if label else True,
                )
            )
        return items
