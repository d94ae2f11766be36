"""The weekly metrics run: write the period's report, and raise the Global South gap alert.

Called by the ``metrics`` Prefect flow with dates only. The alert is recorded once per period
as an event (``metrics_gap_alert``, no case, figures only) that the web UI can show, and
queued as a notice in the outbox to the people named in ``TRIAGE_METRICS_ALERT_TO`` (the SLA
watch delivers it). Rerunning a period rewrites the same files and adds no second alert.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from triage.atomic_files import write_text_atomic
from triage.core.types import Event
from triage.faults import crash_point
from triage.services.database import session_scope
from triage.services.metrics_report import html_to_pdf, render_html, report_data
from triage.services.route_pending import routing_rules
from triage.settings import get_settings
from triage.store import repository as repo
from triage.store.tables import EventRow, OutboxRow

log = logging.getLogger(__name__)
ALERT_EVENT = "metrics_gap_alert"


@dataclass(frozen=True)
class Period:
    since: datetime
    until: datetime

    @property
    def key(self) -> str:
        return f"{self.since:%Y-%m-%d}..{self.until:%Y-%m-%d}"


def period_ending(until: str | None, days: int, now: datetime) -> Period:
    """[until - days, until) at midnight UTC; by default ``until`` is this week's Monday."""
    if until:
        end_day = date.fromisoformat(until)
    else:
        today = now.astimezone(UTC).date()
        end_day = today - timedelta(days=today.weekday())
    end = datetime.combine(end_day, time(0), tzinfo=UTC)
    return Period(end - timedelta(days=days), end)


def run_metrics_report(
    until: str | None = None,
    days: int = 7,
    *,
    database_url: str | None = None,
    out_dir: Path | None = None,
    now: datetime | None = None,
    pdf: bool = True,
) -> dict[str, Any]:
    """Write ``metrics-<since>..<until>.html`` (and .pdf) and record the alert if any.

    Returns counts, flags and file names only (safe as a flow result).
    """
    now = now or datetime.now(UTC)
    period = period_ending(until, days, now)
    out_dir = out_dir or get_settings().metrics_report_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    data = report_data(period.since, period.until, as_of=now, database_url=database_url)
    html = render_html(data)
    stem = f"metrics-{period.key}"
    html_path = out_dir / f"{stem}.html"
    write_text_atomic(html_path, html, "metrics_mid_write")  # a half file never looks done
    crash_point("metrics_after_html")
    pdf_path: Path | None = None
    if pdf and (shutil.which("chromium") or shutil.which("chromium-browser")):
        pdf_path = html_to_pdf(html, out_dir / f"{stem}.pdf")
    elif pdf:
        log.warning("no chromium: the metrics report was written as HTML only")
    gap = data.overall.gap
    new_alert = record_alert(period, gap, now, database_url) if gap.get("alert") else False
    return {
        "since": period.since.date().isoformat(),
        "until": period.until.date().isoformat(),
        "cases": int(data.overall.overall.get("cases", 0)),
        "alert": bool(gap.get("alert")),
        "new_alert": new_alert,
        "html": html_path.name,
        "pdf": pdf_path.name if pdf_path else None,
    }


def record_alert(
    period: Period, gap: dict[str, Any], now: datetime, database_url: str | None
) -> bool:
    """Record the alert event and queue notices, once per period; True if it was new."""
    figures = {k: gap[k] for k in ("south_cases", "north_cases", "median_gap_days",
                                   "median_gap_ci", "share_gap", "share_gap_ci",
                                   "within_days", "tolerance_days", "tolerance_share")}  # fmt: skip
    with session_scope(database_url) as session:
        seen = session.scalars(select(EventRow.data).where(EventRow.kind == ALERT_EVENT))
        if any(data.get("period") == period.key for data in seen):
            return False
        repo.add_event(session, Event(ALERT_EVENT, now, "metrics", None,
                                      {"period": period.key, **figures}, None))  # fmt: skip
        log.warning("Global South gap above tolerance for %s", period.key)
        recipients = [p.strip() for p in get_settings().metrics_alert_to.split(",") if p.strip()]
        people = routing_rules().people if recipients else {}
        base_url = get_settings().base_url.rstrip("/")
        for person_id in recipients:
            person = people.get(person_id)
            session.add(OutboxRow(
                key=f"metrics-gap:{period.key}:{person_id}", purpose="metrics_alert",
                case_id=None, recipient=person_id, address=person.email if person else "",
                subject=f"[triage] Global South response gap above tolerance, {period.key}",
                body=_alert_body(period, figures, base_url), status="pending", attempts=0,
                created_at=now, sent_at=None, confirmed_at=None, last_error=None,
            ))  # fmt: skip
    return True


def _alert_body(period: Period, f: dict[str, Any], base_url: str) -> str:
    median = "not defined" if f["median_gap_days"] is None else f"{f['median_gap_days']:+.2f} days"
    return (
        f"Cases opened {period.key}: Global South {f['south_cases']}, North {f['north_cases']}.\n"
        f"Median time to response, South minus North: {median}.\n"
        f"Share answered within {f['within_days']:g} days, North minus South: "
        f"{100 * f['share_gap']:+.1f} points.\n"
        f"Tolerance: {f['tolerance_days']:g} days or {100 * f['tolerance_share']:.0f} points.\n\n"
        f"Report: {base_url}/metrics\n\nThis notice carries no message content, by design.\n"
    )


def gap_alerts(database_url: str | None = None, limit: int = 10) -> list[dict[str, Any]]:
    """The latest gap alerts (period and figures), newest first: for the web UI's banner."""
    with session_scope(database_url) as session:
        rows = session.execute(
            select(EventRow.at, EventRow.data).where(EventRow.kind == ALERT_EVENT)
            .order_by(EventRow.id.desc()).limit(limit)
        )  # fmt: skip
        return [{"at": at.isoformat(), **data} for at, data in rows]
