"""Queue the automatic acknowledgement of newly opened cases (delivered with the outbox)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from triage.config.files import load_acknowledgements
from triage.core.acknowledgement import render, skip_reason
from triage.core.types import DeadlineKind, Event
from triage.settings import get_settings
from triage.store import repository as repo

PURPOSE = "acknowledgement"


def queue_acknowledgements(
    session: Session,
    cases: Sequence[repo.NewCase],
    items: Mapping[int, repo.RoutingInput],
    case_ids: Mapping[int, int],
    now: datetime,
) -> dict[str, int]:
    """One outbox row per new case that may be acknowledged; an audit event either way."""
    policy = load_acknowledgements(get_settings().acknowledgements_file)
    rows = []
    skipped: dict[str, int] = {}
    for case in cases:
        case_id = case_ids.get(case.message_id)
        if case_id is None:  # the message already had a case: acknowledged then, or not
            continue
        item = items[case.message_id]
        reason = skip_reason(
            policy, channel=item.channel, address=item.sender_address,
            confidential=case.decision.confidential, priority=item.priority, kind=item.kind,
            rights_issue=item.rights_issue, challenge=item.challenge,
            auto_submitted=item.auto_submitted,
        )  # fmt: skip
        if reason is not None:
            skipped[reason] = skipped.get(reason, 0) + 1
            continue
        respond_by = next(d.due_at for d in case.deadlines if d.kind == DeadlineKind.RESPOND)
        subject, body = render(
            policy, language=item.language, case_id=case_id, respond_by=respond_by,
            sender_name=item.sender_name,
        )  # fmt: skip
        rows.append({
            "key": f"ack/{case_id}", "purpose": PURPOSE, "case_id": case_id,
            "recipient": "sender", "address": item.sender_address, "subject": subject,
            "body": body, "created_at": now,
        })  # fmt: skip
    queued = repo.queue_outbox(session, rows)
    if rows or skipped:
        repo.add_event(
            session,
            Event("acknowledgements", now, "system", None, {"queued": queued, **skipped}),
        )
    return {"queued": queued, **skipped}
