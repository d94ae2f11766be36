"""Business time for many cases at once: the calendar's open intervals as arrays.

``triage.core.business_time.business_time_between`` answers one pair of instants at a time;
metrics need three durations for each of a million cases. Here each calendar's open intervals
over the whole period become two sorted arrays (UTC epoch seconds) with the open time before
each interval, so the open time up to any instant is one ``searchsorted``. The intervals are
built exactly as the core index builds them (wall-clock hours in the calendar's zone, closed
days skipped), and a test checks both agree, across a DST change too.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import numpy as np
import pandas as pd

from triage.core.business_time import BusinessCalendar


def open_intervals(calendar: BusinessCalendar, first: date, last: date) -> np.ndarray:
    """Open intervals of the local days ``first`` .. ``last`` as an (n, 2) array of epoch s."""
    zone = calendar.zone
    rows: list[tuple[float, float]] = []
    day = first
    while day <= last:
        if not calendar.is_closed(day):
            midnight = datetime(day.year, day.month, day.day, tzinfo=zone)
            for start, end in calendar.weekly[day.weekday()]:
                opens = (midnight + timedelta(minutes=start)).astimezone(UTC).timestamp()
                closes = (midnight + timedelta(minutes=end)).astimezone(UTC).timestamp()
                if closes > opens:
                    rows.append((opens, closes))
        day += timedelta(days=1)
    return np.array(rows, dtype=np.float64).reshape(-1, 2)


class OpenTimeArrays:
    """Open time from a fixed origin to each instant, for one calendar over one period."""

    def __init__(self, calendar: BusinessCalendar, start: float, end: float) -> None:
        self.always_open = calendar.always_open
        if self.always_open:
            return
        # One local day of margin each side: an instant's local date can differ from UTC's.
        zone = calendar.zone
        first = datetime.fromtimestamp(start, UTC).astimezone(zone).date() - timedelta(days=1)
        last = datetime.fromtimestamp(end, UTC).astimezone(zone).date() + timedelta(days=1)
        intervals = open_intervals(calendar, first, last)
        self.opens = intervals[:, 0]
        self.lengths = intervals[:, 1] - intervals[:, 0]
        self.before = np.concatenate(([0.0], np.cumsum(self.lengths)))[:-1]

    def position(self, instants: np.ndarray) -> np.ndarray:
        """Open seconds from the origin to each instant (epoch seconds; NaN stays NaN)."""
        if self.always_open:
            return instants.astype(np.float64)
        k = np.searchsorted(self.opens, instants, side="right") - 1
        inside = np.clip(k, 0, None)
        used = self.before[inside] + np.clip(instants - self.opens[inside], 0, self.lengths[inside])
        return np.where(k < 0, 0.0, used)


def business_seconds(
    calendars: dict[str, BusinessCalendar],
    names: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    default: BusinessCalendar,
) -> np.ndarray:
    """Open seconds in [start, end) per row, each row on its own calendar (epoch seconds).

    Rows whose calendar is unknown use ``default``; NaN in ``end`` gives NaN.
    """
    codes, uniques = pd.factorize(pd.Series(names, dtype=object))  # hashing, not sorting
    names_ = [str(u) for u in uniques]
    return business_seconds_coded(calendars, codes, names_, start, [end], default)[0]


def business_seconds_coded(
    calendars: dict[str, BusinessCalendar],
    codes: np.ndarray,
    names: list[str],
    start: np.ndarray,
    ends: list[np.ndarray],
    default: BusinessCalendar,
) -> list[np.ndarray]:
    """As ``business_seconds`` for several end columns at once (the start's position on each
    calendar is found once), with calendar names given as codes into ``names``."""
    outs = [np.full(len(start), np.nan) for _ in ends]
    if len(start) == 0:
        return outs
    finite = [e[np.isfinite(e)] for e in ends]
    lo = float(np.nanmin(start))
    hi = float(max([np.nanmax(start), *(f.max() for f in finite if len(f))]))
    for code, name in enumerate(names):
        rows = np.flatnonzero(codes == code)
        clock = OpenTimeArrays(calendars.get(name, default), lo, hi)
        s = start[rows]
        from_start = clock.position(s)
        for out, end in zip(outs, ends, strict=True):
            e = end[rows]
            out[rows] = np.where(e > s, clock.position(e) - from_start, 0.0)
    for out, end in zip(outs, ends, strict=True):
        out[~np.isfinite(end)] = np.nan
    return outs
