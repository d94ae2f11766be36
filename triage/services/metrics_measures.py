"""Per-case measures: how long each step took, or has been waiting, as of one instant.

For each step (acknowledge, respond, close the loop) a case gets ``done_<step>`` (the step
happened by ``as_of``) and its time from opening to the step, or to ``as_of`` when it has not
happened: the censored follow-up time that Kaplan–Meier needs. Calendar days are what the
sender lives; business hours (on the owner's calendar, holidays and DST included) are what
the team controls. Each deadline is met, breached (late, or overdue and still not met) or
pending.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd

from triage.core.business_time import BusinessCalendar, always_open
from triage.services.business_clock import business_seconds_coded

STEPS = {
    "acknowledge": "acknowledged_at",
    "respond": "responded_at",
    "close_loop": "loop_closed_at",
}
SLA_STATES = ("met", "breached", "pending", "none")
NAT = np.iinfo(np.int64).min  # how NaT is stored
DAY = 86400.0


def seconds(series: pd.Series) -> np.ndarray:
    """Epoch seconds of an aware datetime column; NaT becomes NaN."""
    micros = pd.DatetimeIndex(pd.to_datetime(series, utc=True)).as_unit("us").asi8
    return np.where(micros == NAT, np.nan, micros / 1e6)


def case_measures(
    cases: pd.DataFrame, as_of: datetime, calendars: dict[str, BusinessCalendar]
) -> pd.DataFrame:
    """The case frame plus durations, done flags, SLA states and ``open``."""
    out = cases.copy()
    now = pd.Timestamp(as_of).tz_convert("UTC").timestamp()
    opened = seconds(cases["opened_at"])
    codes, uniques = pd.factorize(cases["calendar"])
    names = [str(u) for u in uniques]
    ends = []
    for step, column in STEPS.items():
        at = seconds(cases[column])
        done = np.isfinite(at) & (at <= now)
        end = np.where(done, at, now)
        out[f"done_{step}"] = done
        out[f"days_{step}"] = np.clip(end - opened, 0.0, None) / DAY
        ends.append(end)
    business = business_seconds_coded(calendars, codes, names, opened, ends, always_open())
    for step, open_seconds in zip(STEPS, business, strict=True):
        out[f"bhours_{step}"] = open_seconds / 3600.0
    for step in STEPS:
        due = seconds(cases[f"due_{step}"])
        met = seconds(cases[f"met_{step}"])
        met_ok = np.isfinite(met) & (met <= now)
        state = np.select(  # codes into SLA_STATES
            [~np.isfinite(due), met_ok & (met <= due), met_ok | (now > due)], [3, 0, 1], default=2
        )
        out[f"sla_{step}"] = pd.Categorical.from_codes(state, categories=list(SLA_STATES))
    out["open"] = ~out["done_close_loop"].to_numpy()
    return out
