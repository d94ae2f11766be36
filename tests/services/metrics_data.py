"""Constructed cases for the metrics tests: a case frame from a few readable rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pandas as pd

from triage.services.metrics_frame import CASE_COLUMNS, DEADLINES

START = datetime(2026, 10, 5, 0, 0, tzinfo=UTC)  # a Monday
AS_OF = START + timedelta(days=30)


def case(
    case_id: int,
    *,
    opened: datetime = START,
    respond_days: float | None = None,
    ack_days: float | None = None,
    close_days: float | None = None,
    due_days: float | None = None,
    **labels: Any,
) -> dict[str, Any]:
    """One case opened at ``opened``; responses ``*_days`` after it (None: not yet)."""

    def after(days: float | None) -> datetime | None:
        return None if days is None else opened + timedelta(days=days)

    acknowledged = ack_days if ack_days is not None else respond_days
    row: dict[str, Any] = {
        "case_id": case_id, "opened_at": opened, "acknowledged_at": after(acknowledged),
        "responded_at": after(respond_days), "loop_closed_at": after(close_days),
        "status": "closed" if close_days is not None else "open", "owner": "amina.yusuf",
        "team": "regional-africa", "priority": "normal", "kind": "allegation",
        "channel": "email", "language": "en", "global_south": "South", "country": "KE",
        "region": "Africa", "sub_region": "Sub-Saharan Africa", "rights_issue": ["expression"],
        "challenge": ["none"], "calendar": "24x7",
    }  # fmt: skip
    for kind, days in zip(DEADLINES, (acknowledged, respond_days, close_days), strict=True):
        row[f"due_{kind}"] = after(due_days)
        row[f"met_{kind}"] = after(days)
    row.update(labels)
    return row


def frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    table = pd.DataFrame(rows)[list(CASE_COLUMNS)]
    for column in CASE_COLUMNS:
        if column.endswith("_at") or column[:4] in ("due_", "met_"):
            table[column] = pd.to_datetime(table[column], utc=True)
    return table
