"""Response-time metrics for a period: the use case the CLI, the flow and the web UI call.

``compute_metrics`` loads the cases opened in [since, until) in bulk, measures them as of
``as_of`` (default: now) so that unanswered cases count as waiting, and returns the figures
for one breakdown plus the overall row and the Global South - North gap. Everything returned
is counts, rates and durations of groups of at least ``min_group`` cases: no ids of people,
no text.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from triage.config.files import load_routing_rules
from triage.core.business_time import BusinessCalendar
from triage.services.metrics_frame import load_cases
from triage.services.metrics_measures import case_measures
from triage.services.metrics_stats import (
    MetricsOptions,
    Prepared,
    group_table,
    prepared,
    south_north_gap,
)
from triage.settings import get_settings


@dataclass(frozen=True)
class MetricsResult:
    """The figures of one run: a table for the breakdown, the overall row, the gap."""

    since: datetime
    until: datetime
    as_of: datetime
    by: tuple[str, ...]
    options: MetricsOptions
    table: pd.DataFrame
    overall: dict[str, Any]
    gap: dict[str, Any]
    suppressed_groups: int
    trends: dict[str, pd.DataFrame] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: NaN (an undefined median) becomes null."""
        return {
            "period": {"since": self.since.isoformat(), "until": self.until.isoformat()},
            "as_of": self.as_of.isoformat(),
            "by": list(self.by),
            "min_group": self.options.min_group,
            "within_days": self.options.within_days,
            "overall": _clean(self.overall),
            "groups": [_clean(row) for row in self.table.to_dict(orient="records")],
            "suppressed_groups": self.suppressed_groups,
            "gap": _clean(self.gap),
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, sort_keys=False)


def options_from_settings() -> MetricsOptions:
    s = get_settings()
    return MetricsOptions(
        min_group=s.metrics_min_group,
        within_days=s.metrics_within_days,
        gap_tolerance_days=s.metrics_gap_tolerance_days,
        gap_tolerance_share=s.metrics_gap_tolerance_share,
        bootstrap=s.metrics_bootstrap,
        seed=s.metrics_seed,
    )


def calendars() -> dict[str, BusinessCalendar]:
    return dict(load_routing_rules(get_settings().routing_file).calendars)


def metrics_from_cases(
    cases: pd.DataFrame,
    *,
    since: datetime,
    until: datetime,
    by: Sequence[str] = (),
    as_of: datetime | None = None,
    options: MetricsOptions | None = None,
    calendar_map: dict[str, BusinessCalendar] | None = None,
    trends: Sequence[str] = (),
) -> MetricsResult:
    """The computation alone, from a case frame (``metrics_frame.case_frame``'s shape)."""
    as_of = as_of or datetime.now(UTC)
    options = options or options_from_settings()
    measures = case_measures(cases, as_of, calendar_map if calendar_map is not None else {})
    return metrics_from_measures(measures, since=since, until=until, by=by, as_of=as_of,
                                 options=options, trends=trends)  # fmt: skip


def metrics_from_measures(
    measures: pd.DataFrame | Prepared,
    *,
    since: datetime,
    until: datetime,
    by: Sequence[str],
    as_of: datetime,
    options: MetricsOptions,
    trends: Sequence[str] = (),
) -> MetricsResult:
    measures = prepared(measures)  # one sort per duration, shared by every table below
    table, suppressed = group_table(measures, tuple(by), options)
    if options not in measures.overall:
        measures.overall[options] = group_table(measures, (), options)
    overall_table, _ = measures.overall[options]
    overall = (overall_table.to_dict(orient="records")[0] if len(overall_table)
               else {"cases": len(measures.frame), "suppressed": True})  # fmt: skip
    trend_tables = {name: group_table(measures, (name, "global_south"), options)[0]
                    for name in trends}  # fmt: skip
    return MetricsResult(since, until, as_of, tuple(by), options, table, overall,
                         south_north_gap(measures, options), suppressed, trend_tables)  # fmt: skip


def compute_metrics(
    since: datetime,
    until: datetime,
    *,
    by: Sequence[str] = (),
    as_of: datetime | None = None,
    database_url: str | None = None,
    options: MetricsOptions | None = None,
    trends: Sequence[str] = (),
) -> MetricsResult:
    """Metrics of the cases opened in [since, until), read from the store."""
    for value in (since, until, as_of):
        if value is not None and value.tzinfo is None:
            raise ValueError("metrics periods need timezone-aware datetimes")
    if until <= since:
        raise ValueError("until must be after since")
    cases = load_cases(since, until, database_url)
    return metrics_from_cases(cases, since=since, until=until, by=by, as_of=as_of,
                              options=options, calendar_map=calendars(), trends=trends)  # fmt: skip


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if hasattr(value, "item"):  # numpy scalar
            value = value.item()
        if isinstance(value, float) and math.isnan(value):
            value = None
        out[str(key)] = value
    return out
