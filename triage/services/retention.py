"""Retention: delete what senders wrote once it has been kept long enough, warn owners first.

The policy (``triage/data/retention.yaml`` or ``TRIAGE_RETENTION_FILE``) says how many days
the text of a case is kept per channel and status. A daily run (Prefect flow ``retention``,
or ``triage retention --apply``):

1. queues one warning per case (outbox key ``retention/<case>/<date>``, so once only) to the
   owner when the purge is ``warn_days`` away or less: ids, a date and a link, no text;
2. purges the cases whose time has come *and* whose owner was warned ``warn_days`` before
   (a case the policy made due at once is warned now and purged on a later run);
3. purges messages that never opened a case and quarantined raw bytes past their periods;
4. on SQLite, after the commit, checkpoints and truncates the WAL so deleted text leaves
   the files (``secure_delete`` zeroes the freed space in the database file itself).

What stays: ids, channels, times, statuses, owners, labels, deadlines, routing decisions,
events and the audit log of reads: everything the metrics count, and nothing a sender wrote.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.config.files import load_retention
from triage.core.retention import RetentionPolicy
from triage.core.types import Event, Stage
from triage.services.database import session_scope
from triage.services.route_pending import routing_rules
from triage.settings import get_settings
from triage.store import repository as repo
from triage.store import text_rows
from triage.store.tables import CaseRow, MessageRow, OutboxRow, QuarantineRow

log = logging.getLogger(__name__)

PURPOSE = "retention_warning"


@dataclass(slots=True)
class RetentionReport:
    """Counts only (flows and logs carry no ids of senders, no text)."""

    applied: bool
    policy_version: str
    warned: int = 0
    cases_due: int = 0
    cases_purged: int = 0
    cases_waiting_for_warning: int = 0
    messages_purged: int = 0
    unlinked_purged: int = 0
    quarantine_purged: int = 0
    purged_case_ids: list[int] = field(default_factory=list)

    def counts(self) -> dict[str, int | str | bool]:
        data = asdict(self)
        data.pop("purged_case_ids")
        return data


def retention_policy() -> RetentionPolicy:
    return load_retention(get_settings().retention_file)


def warning_text(case_id: int, purge_on: datetime, base_url: str) -> tuple[str, str]:
    day = purge_on.astimezone(UTC).strftime("%Y-%m-%d")
    subject = f"[triage] case {case_id}: its text will be deleted on {day}"
    body = (
        f"Under the retention policy the text of case {case_id} (messages, attachments, notes)"
        f" will be deleted on or after {day}. Its labels, dates and outcome category stay.\n\n"
        f"Open the case: {base_url.rstrip('/')}/cases/{case_id}\n\n"
        "To keep it longer, reopen the case. This notice carries no message content.\n"
    )
    return subject, body


def warning_key(case_id: int, purge_on: datetime) -> str:
    """One warning per case and purge date: reopened and closed again, it is warned again."""
    return f"retention/{case_id}/{purge_on.astimezone(UTC):%Y-%m-%d}"


def _warned_at(session: Session, keys: dict[int, str]) -> dict[int, datetime]:
    """{case: when its warning for this purge date was queued}."""
    case_of = {k: c for c, k in keys.items()}
    found: dict[int, datetime] = {}
    wanted = list(case_of)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        stmt = select(OutboxRow.key, OutboxRow.created_at).where(OutboxRow.key.in_(chunk))
        found.update({case_of[k]: at for k, at in session.execute(stmt)})
    return found


def run_retention(
    *, apply: bool, database_url: str | None = None, now: datetime | None = None
) -> RetentionReport:
    """Warn and purge (``apply``), or only count what would be done (dry run)."""
    now = now or datetime.now(UTC)
    policy = retention_policy()
    report = RetentionReport(applied=apply, policy_version=policy.version)
    warn = timedelta(days=policy.warn_days)
    with session_scope(database_url) as session:
        rows = session.execute(
            select(CaseRow.id, CaseRow.status, CaseRow.closed_at, CaseRow.updated_at,
                   CaseRow.owner, MessageRow.channel)
            .join(MessageRow, MessageRow.id == CaseRow.root_message_id)
            .where(CaseRow.text_purged_at.is_(None))
        ).all()  # fmt: skip
        due_on = {}
        for case_id, status, closed_at, updated_at, owner, channel in rows:
            when = policy.purge_at(channel, status, closed_at, updated_at)
            if when is not None and now >= when - warn:
                due_on[int(case_id)] = (when, owner)
        warned = _warned_at(session, {c: warning_key(c, w) for c, (w, _o) in due_on.items()})
        to_warn = [c for c in due_on if c not in warned]
        purge = [
            c for c, (when, _owner) in due_on.items()
            if now >= when and c in warned and now >= warned[c] + warn
        ]  # fmt: skip
        report.cases_due = sum(1 for when, _o in due_on.values() if now >= when)
        report.cases_waiting_for_warning = report.cases_due - len(purge)
        unlinked = list(session.scalars(select(MessageRow.id).where(
            MessageRow.case_id.is_(None), MessageRow.text_purged_at.is_(None),
            MessageRow.stage == str(Stage.ROUTED),
            MessageRow.received_at <= now - timedelta(days=policy.unlinked_days),
        )))  # fmt: skip
        quarantined = list(session.scalars(select(QuarantineRow.id).where(
            QuarantineRow.text_purged_at.is_(None),
            QuarantineRow.quarantined_at <= now - timedelta(days=policy.quarantine_days),
        )))  # fmt: skip
        if not apply:
            report.warned = len(to_warn)
            report.cases_purged, report.unlinked_purged = len(purge), len(unlinked)
            report.quarantine_purged = len(quarantined)
            return report
        report.warned = _queue_warnings(session, {c: due_on[c] for c in to_warn}, now)
        report.messages_purged = text_rows.purge_cases(session, purge, now)
        report.cases_purged, report.purged_case_ids = len(purge), sorted(purge)
        for case_id in purge:
            repo.add_event(session, Event("text_purged", now, "retention", None,
                                          {"policy": policy.version}, case_id))  # fmt: skip
        report.unlinked_purged = text_rows.purge_messages(session, unlinked, now)
        report.quarantine_purged = text_rows.purge_quarantined(session, quarantined, now)
    log.info("retention: %d warned, %d cases purged, %d unlinked, %d quarantined",
             report.warned, report.cases_purged, report.unlinked_purged,
             report.quarantine_purged)  # fmt: skip
    return report


def _queue_warnings(
    session: Session, cases: dict[int, tuple[datetime, str]], now: datetime
) -> int:
    rules = routing_rules()
    base_url = get_settings().base_url
    rows = []
    for case_id, (when, owner) in sorted(cases.items()):
        person = rules.people.get(owner)
        subject, body = warning_text(case_id, when, base_url)
        rows.append({
            "key": warning_key(case_id, when), "purpose": PURPOSE,
            "case_id": case_id, "recipient": owner, "address": person.email if person else "",
            "subject": subject, "body": body, "created_at": now,
        })  # fmt: skip
    return repo.queue_outbox(session, rows)
