"""The SLA watch: find deadlines at risk or breached, queue notices, deliver each exactly once.

Run on a schedule (Prefect flow ``sla_watch``) or by hand (``triage sla-watch``). Queueing is
idempotent by notice key and delivery goes through the outbox, so a run killed at any point
and run again neither loses a notice nor sends one twice. Notices name the case, the
deadline and a link; they never carry the sender's words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from triage.core.escalation import BREACHED, Notice, escalation_notices
from triage.core.types import Event
from triage.faults import crash_point
from triage.notify.smtp_outbox import DeliveryError, SmtpConfig, build_message, deliver
from triage.services.database import session_scope
from triage.services.queue import deadline_state
from triage.services.route_pending import routing_rules
from triage.settings import get_settings
from triage.store import repository as repo
from triage.store.tables import OutboxRow

log = logging.getLogger(__name__)

PURPOSE = "escalation"
MAX_ATTEMPTS = 10


@dataclass(frozen=True, slots=True)
class WatchReport:
    at_risk: int
    breached: int
    queued: int
    sent: int
    failed: int
    waiting: int  # pending rows (no SMTP host configured, or failed and to be retried)
    unconfirmed: int  # recorded as sent, server's answer never came: check by hand

    def counts(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}


def smtp_config() -> SmtpConfig | None:
    settings = get_settings()
    if not settings.smtp_host:
        return None
    return SmtpConfig(
        host=settings.smtp_host,
        port=settings.smtp_port,
        sender=settings.smtp_sender,
        starttls=settings.smtp_starttls,
        username=settings.smtp_username,
        password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
    )


def notice_text(notice: Notice, base_url: str) -> tuple[str, str]:
    """Subject and body: ids, deadline and link only, by design."""
    state = "breached" if notice.state == BREACHED else "at risk"
    due = notice.due_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    subject = f"[triage] case {notice.case_id}: {notice.deadline_kind} deadline {state}"
    body = (
        f"Case {notice.case_id}: the {notice.deadline_kind} deadline ({due}) is {state}.\n"
        f"You are notified as the case's {notice.level}.\n\n"
        f"Open the case: {base_url.rstrip('/')}/cases/{notice.case_id}\n\n"
        "This notice carries no message content, by design.\n"
    )
    return subject, body


def queue_notices(database_url: str | None = None, now: datetime | None = None) -> dict[str, int]:
    """Insert the outbox rows today's deadline states call for (existing keys are skipped)."""
    now = now or datetime.now(UTC)
    rules = routing_rules()
    base_url = get_settings().base_url
    counts = {"at_risk": 0, "breached": 0, "queued": 0}
    with session_scope(database_url) as session:
        rows = repo.open_queue_rows(session)
        cases = [case for case, _respond_by in rows]
        deadlines = repo.deadlines_of(session, [c.id for c in cases])
        notices: list[Notice] = []
        for case in cases:
            for d in deadlines.get(case.id, []):
                state = deadline_state(
                    d.calendar, d.started_at, d.due_at, d.met_at, d.paused_at, now,
                    rules.at_risk_share,
                )  # fmt: skip
                if state in counts:
                    counts[state] += 1
                notices += escalation_notices(
                    case_id=case.id, deadline_kind=d.kind, state=state, due_at=d.due_at,
                    owner=case.owner, team=rules.teams.get(case.team), people=rules.people,
                    now=now,
                )  # fmt: skip
        known = repo.existing_outbox_keys(session, [n.key for n in notices])
        for notice in notices:
            if notice.key in known:
                continue
            person = rules.people.get(notice.recipient)
            subject, body = notice_text(notice, base_url)
            row = OutboxRow(
                key=notice.key, purpose=PURPOSE, case_id=notice.case_id,
                recipient=notice.recipient, address=person.email if person else "",
                subject=subject, body=body, status="pending", attempts=0, created_at=now,
                sent_at=None, confirmed_at=None, last_error=None,
            )  # fmt: skip
            session.add(row)
            known.add(notice.key)
            counts["queued"] += 1
    return counts


def _record_sent(database_url: str | None, row_id: int, now: datetime) -> None:
    """Commit the row as sent; refuse (abort the SMTP transaction) if it is no longer pending."""
    with session_scope(database_url) as session:
        changed = session.connection().execute(
            update(OutboxRow.__table__)
            .where(OutboxRow.id == row_id, OutboxRow.status == "pending")
            .values(status="sent", sent_at=now, attempts=OutboxRow.attempts + 1)
        ).rowcount
        if changed != 1:
            raise DeliveryError(f"outbox row {row_id} is no longer pending")


def deliver_pending(
    database_url: str | None = None, now: datetime | None = None
) -> dict[str, int]:
    """Send every pending outbox row once; without an SMTP host, leave them waiting."""
    now = now or datetime.now(UTC)
    config = smtp_config()
    sent = failed = 0
    with session_scope(database_url) as session:
        pending = list(
            session.execute(
                select(OutboxRow.id, OutboxRow.key, OutboxRow.address, OutboxRow.subject,
                       OutboxRow.body, OutboxRow.case_id, OutboxRow.recipient)
                .where(OutboxRow.status == "pending", OutboxRow.attempts < MAX_ATTEMPTS)
                .order_by(OutboxRow.id)
            )
        )  # fmt: skip
    if config is not None:
        for row_id, key, address, subject, body, case_id, recipient in pending:
            if not address:
                _mark_failed(database_url, row_id, "recipient has no e-mail address", False)
                failed += 1
                continue
            message = build_message(
                sender=config.sender, to=address, subject=subject, body=body, key=key, at=now
            )
            recorded = False

            def record(row_id: int = row_id) -> None:
                nonlocal recorded
                _record_sent(database_url, row_id, now)
                recorded = True

            try:
                deliver(config, address, message, record)
            except Exception as exc:  # refused, unreachable, timed out: retried next run
                log.warning("outbox row %d not delivered: %s", row_id, exc.__class__.__name__)
                _mark_failed(database_url, row_id, exc.__class__.__name__, recorded)
                failed += 1
                continue
            with session_scope(database_url) as session:
                session.execute(
                    update(OutboxRow).where(OutboxRow.id == row_id).values(
                        status="confirmed", confirmed_at=now
                    )
                )
                repo.add_event(
                    session,
                    Event("notified", now, "sla_watch", None, {"recipient": recipient,
                                                               "outbox": row_id}, case_id),
                )  # fmt: skip
            sent += 1
            crash_point("outbox_after_confirm")
    with session_scope(database_url) as session:
        waiting = _count(session, "pending")
        unconfirmed = _count(session, "sent")
    if unconfirmed:
        log.warning("%d outbox rows were sent without the server's confirmation", unconfirmed)
    return {"sent": sent, "failed": failed, "waiting": waiting, "unconfirmed": unconfirmed}


def _count(session: Session, status: str) -> int:
    query = select(func.count()).select_from(OutboxRow).where(OutboxRow.status == status)
    return int(session.scalar(query) or 0)


def _mark_failed(database_url: str | None, row_id: int, error: str, recorded: bool) -> None:
    """Back to pending for a retry (a refused message was not delivered, recorded or not)."""
    with session_scope(database_url) as session:
        values: dict[str, object] = {"status": "pending", "last_error": error[:200]}
        if not recorded:
            values["attempts"] = OutboxRow.attempts + 1
        session.execute(update(OutboxRow).where(OutboxRow.id == row_id).values(**values))


def sla_watch(database_url: str | None = None, now: datetime | None = None) -> WatchReport:
    queued = queue_notices(database_url, now)
    delivered = deliver_pending(database_url, now)
    return WatchReport(
        at_risk=queued["at_risk"], breached=queued["breached"], queued=queued["queued"],
        sent=delivered["sent"], failed=delivered["failed"], waiting=delivered["waiting"],
        unconfirmed=delivered["unconfirmed"],
    )  # fmt: skip
