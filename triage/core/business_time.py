"""Business-hours arithmetic in an owner's calendar: time zone, weekly hours, closed days.

The deadline clock is what people trust or stop trusting, so every instant here is aware and
every sum is done in real elapsed time (UTC), while opening hours are read as wall-clock time in
the calendar's zone: 09:00 stays 09:00 across a DST change, and an hour is always an hour.
Closed days (public holidays, one-off closures) come in as a predicate so this module needs no
holiday data and no I/O.
"""

from __future__ import annotations

import bisect
import functools
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

MAX_DAYS = 3660  # a calendar that opens less than once in ten years is a configuration error
Interval = tuple[int, int]  # minutes from local midnight, [open, close)


def _never_closed(_day: date) -> bool:
    return False


class _OpenTimeIndex:
    """Each local day's opening intervals (UTC) and the open time before each day, built lazily.

    With the running total, "where does the clock reach N hours" is a binary search instead of
    a walk over every day up to the deadline: routing 100,000 messages with 40-day deadlines
    would otherwise visit millions of days. Days are added on demand, at either end.
    """

    def __init__(self, calendar: BusinessCalendar) -> None:
        self.calendar = calendar
        self.base: date | None = None
        self.days: list[list[tuple[datetime, datetime]]] = []
        self.before: list[timedelta] = [timedelta(0)]  # before[i]: open time in days[:i]
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, object]:  # a lock cannot be pickled; the cache need not
        return {"calendar": self.calendar}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["calendar"])  # type: ignore[misc]

    def _intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        calendar = self.calendar
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

    def _rebuild(self, base: date, days: list[list[tuple[datetime, datetime]]]) -> None:
        self.base, self.days = base, days
        total = timedelta(0)
        self.before = [total]
        for intervals in days:
            for opens, closes in intervals:
                total += closes - opens
            self.before.append(total)

    def index_of(self, day: date) -> int:
        """Position of ``day``, extending the index to cover it (caller holds the lock)."""
        if self.base is None:
            self._rebuild(day, [self._intervals(day)])
        assert self.base is not None
        if day < self.base:
            missing = (self.base - day).days
            earlier = [self._intervals(day + timedelta(days=n)) for n in range(missing)]
            self._rebuild(day, earlier + self.days)
        i = (day - self.base).days
        while i >= len(self.days):
            intervals = self._intervals(self.base + timedelta(days=len(self.days)))
            self.days.append(intervals)
            added = sum((c - o for o, c in intervals), timedelta(0))
            self.before.append(self.before[-1] + added)
        return i

    def position(self, instant: datetime) -> timedelta:
        """Open time from the start of the index to ``instant`` (UTC)."""
        i = self.index_of(instant.astimezone(self.calendar.zone).date())
        used = self.before[i]
        for opens, closes in self.days[i]:
            if instant <= opens:
                break
            used += min(closes, instant) - opens
        return used

    def instant_at(self, target: timedelta, from_day: int) -> datetime:
        """The first instant at which the open time since the index start reaches ``target``."""
        j = bisect.bisect_left(self.before, target, lo=from_day + 1) - 1
        while j >= len(self.days):  # not built far enough yet: extend by a few weeks
            if len(self.days) - from_day > MAX_DAYS:
                break
            assert self.base is not None
            self.index_of(self.base + timedelta(days=len(self.days) + 27))
            j = bisect.bisect_left(self.before, target, lo=from_day + 1) - 1
        if j >= len(self.days) or self.before[j + 1] < target:
            raise ValueError(
                f"calendar {self.calendar.name}: not enough open time within {MAX_DAYS} days"
            )
        remaining = target - self.before[j]
        for opens, closes in self.days[j]:
            if remaining <= closes - opens:
                return opens + remaining
            remaining -= closes - opens
        raise AssertionError("open-time index is inconsistent")  # pragma: no cover


@dataclass(frozen=True)
class BusinessCalendar:
    name: str
    timezone: str
    weekly: tuple[tuple[Interval, ...], ...] = ()  # Monday first; 7 entries
    is_closed: Callable[[date], bool] = field(default=_never_closed, compare=False)
    always_open: bool = False
    _index: list[_OpenTimeIndex] = field(
        default_factory=list, compare=False, repr=False, hash=False
    )

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
        self._index.append(_OpenTimeIndex(self))

    @property
    def zone(self) -> ZoneInfo:
        return _zone(self.timezone)


@functools.lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@functools.lru_cache(maxsize=16)
def always_open(name: str = "24x7") -> BusinessCalendar:
    return BusinessCalendar(name, "UTC", always_open=True)


def _require_aware(*values: datetime) -> None:
    for value in values:
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("business-time arithmetic needs timezone-aware datetimes")


def add_business_time(calendar: BusinessCalendar, start: datetime, duration: timedelta) -> datetime:
    """The instant when ``duration`` of open time has passed since ``start`` (UTC)."""
    _require_aware(start)
    start = start.astimezone(UTC)
    if duration <= timedelta(0):
        return start
    if calendar.always_open:
        return start + duration
    index = calendar._index[0]
    with index.lock:
        first = index.index_of(start.astimezone(calendar.zone).date())
        return index.instant_at(index.position(start) + duration, first - 1)


def business_time_between(calendar: BusinessCalendar, start: datetime, end: datetime) -> timedelta:
    """Open time in [start, end); zero when end is not after start."""
    _require_aware(start, end)
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if end <= start:
        return timedelta(0)
    if calendar.always_open:
        return end - start
    index = calendar._index[0]
    with index.lock:
        first = index.position(start)
        return index.position(end) - first


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
