"""Business-hours arithmetic in an owner's calendar: time zone, weekly hours, closed days.

The deadline clock is what people trust or stop trusting, so every instant here is aware and
every sum is done in real elapsed time (UTC), while opening hours are read as wall-clock time in
the calendar's zone: 09:00 stays 09:00 across a DST change, and an hour is always an hour.
Closed days (public holidays, one-off closures) come in as a predicate so this module needs no
holiday data and no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

MAX_DAYS = 3660  # a calendar that opens less than once in ten years is a configuration error
Interval = tuple[int, int]  # minutes from local midnight, [open, close)


def _never_closed(_day: date) -> bool:
    return False


@dataclass(frozen=True)
class BusinessCalendar:
    name: str
    timezone: str
    weekly: tuple[tuple[Interval, ...], ...] = ()  # Monday first; 7 entries
    is_closed: Callable[[date], bool] = field(default=_never_closed, compare=False)
    always_open: bool = False

    def __post_init__(self) -> None:
        ZoneInfo(self.timezone)  # raises on an unknown zone
        if self.always_open:
            return
        if len(self.weekly) != 7:
            raise ValueError(f"calendar {self.name}: weekly hours need 7 days")
        if not any(self.weekly):
            raise ValueError(f"calendar {self.name}: no opening hours in the week")
        for day in self.weekly:
            previous = -1
            for start, end in day:
                if not 0 <= start < end <= 1440 or start < previous:
                    raise ValueError(f"calendar {self.name}: bad or overlapping interval")
                previous = end

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def always_open(name: str = "24x7") -> BusinessCalendar:
    return BusinessCalendar(name, "UTC", always_open=True)


def _require_aware(*values: datetime) -> None:
    for value in values:
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("business-time arithmetic needs timezone-aware datetimes")


def _open_intervals(calendar: BusinessCalendar, day: date) -> list[tuple[datetime, datetime]]:
    """The day's opening intervals as UTC instants (wall-clock hours in the calendar's zone)."""
    if calendar.is_closed(day):
        return []
    midnight = datetime(day.year, day.month, day.day, tzinfo=calendar.zone)
    out = []
    for start, end in calendar.weekly[day.weekday()]:
        opens = (midnight + timedelta(minutes=start)).astimezone(UTC)
        closes = (midnight + timedelta(minutes=end)).astimezone(UTC)
        if closes > opens:
            out.append((opens, closes))
    return out


def add_business_time(calendar: BusinessCalendar, start: datetime, duration: timedelta) -> datetime:
    """The instant when ``duration`` of open time has passed since ``start`` (UTC)."""
    _require_aware(start)
    start = start.astimezone(UTC)
    if duration <= timedelta(0):
        return start
    if calendar.always_open:
        return start + duration
    remaining = duration
    day = start.astimezone(calendar.zone).date() - timedelta(days=1)  # a late interval may start
    for _ in range(MAX_DAYS):
        for opens, closes in _open_intervals(calendar, day):
            begin = max(opens, start)
            if closes <= begin:
                continue
            available = closes - begin
            if remaining <= available:
                return begin + remaining
            remaining -= available
        day += timedelta(days=1)
    raise ValueError(f"calendar {calendar.name}: not enough open time within {MAX_DAYS} days")


def business_time_between(calendar: BusinessCalendar, start: datetime, end: datetime) -> timedelta:
    """Open time in [start, end); zero when end is not after start."""
    _require_aware(start, end)
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if end <= start:
        return timedelta(0)
    if calendar.always_open:
        return end - start
    total = timedelta(0)
    day = start.astimezone(calendar.zone).date() - timedelta(days=1)
    last = end.astimezone(calendar.zone).date()
    while day <= last:
        for opens, closes in _open_intervals(calendar, day):
            begin, finish = max(opens, start), min(closes, end)
            if finish > begin:
                total += finish - begin
        day += timedelta(days=1)
    return total


def resume_deadline(
    calendar: BusinessCalendar, due_at: datetime, paused_at: datetime, resumed_at: datetime
) -> datetime:
    """The clock paused while waiting on the sender: the open time that was left at the pause
    is counted again from the resumption."""
    _require_aware(due_at, paused_at, resumed_at)
    if resumed_at < paused_at:
        raise ValueError("a clock cannot resume before it paused")
    left = business_time_between(calendar, paused_at, due_at)
    return add_business_time(calendar, max(resumed_at, paused_at), left)


def share_used(
    calendar: BusinessCalendar, start: datetime, due_at: datetime, now: datetime
) -> float:
    """Share of the allowed open time already used (can exceed 1 when breached)."""
    allowed = business_time_between(calendar, start, due_at)
    if allowed <= timedelta(0):
        return 1.0 if now >= due_at else 0.0
    used = business_time_between(calendar, start, now) / allowed
    return max(1.0, used) if now >= due_at else min(used, 1.0)


def weekly_hours(spec: Sequence[Sequence[Interval]]) -> tuple[tuple[Interval, ...], ...]:
    return tuple(tuple((int(a), int(b)) for a, b in day) for day in spec)
