"""Business-hours golden cases and properties: the clock people must be able to trust."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.core.business_time import (
    BusinessCalendar,
    add_business_time,
    always_open,
    business_time_between,
    resume_deadline,
    share_used,
)

NINE_TO_FIVE = (((540, 1020),),) * 5 + ((), ())  # Mon-Fri 09:00-17:00
NAIROBI = BusinessCalendar("nairobi", "Africa/Nairobi", NINE_TO_FIVE)
BERLIN = BusinessCalendar("berlin", "Europe/Berlin", NINE_TO_FIVE)
EAT = ZoneInfo("Africa/Nairobi")
CET = ZoneInfo("Europe/Berlin")


def local(zone: ZoneInfo, *args: int) -> datetime:
    return datetime(*args, tzinfo=zone)


def test_friday_1730_arrival_starts_counting_monday_morning() -> None:
    friday = local(EAT, 2026, 11, 20, 17, 30)
    due = add_business_time(NAIROBI, friday, timedelta(hours=8))
    assert due == local(EAT, 2026, 11, 23, 17, 0)  # Monday 09:00 + 8 h
    assert due.tzinfo == UTC


def test_public_holiday_in_the_owners_country_is_skipped() -> None:
    jamhuri = date(2026, 12, 12)  # a Saturday in 2026; use Mashujaa Day, a Tuesday
    mashujaa = date(2026, 10, 20)
    calendar = BusinessCalendar(
        "nairobi", "Africa/Nairobi", NINE_TO_FIVE, is_closed=lambda d: d in {jamhuri, mashujaa}
    )
    monday_4pm = local(EAT, 2026, 10, 19, 16, 0)
    due = add_business_time(calendar, monday_4pm, timedelta(hours=2))
    assert due == local(EAT, 2026, 10, 21, 10, 0)  # 1 h Monday, Tuesday closed, 1 h Wednesday


def test_deadline_across_the_dst_change_keeps_wall_clock_hours() -> None:
    friday = local(CET, 2026, 10, 23, 16, 0)  # clocks go back on Sunday 25 October 2026
    due = add_business_time(BERLIN, friday, timedelta(hours=2))
    assert due == local(CET, 2026, 10, 26, 10, 0)
    assert due.astimezone(UTC) == datetime(2026, 10, 26, 9, 0, tzinfo=UTC)  # now UTC+1
    assert friday.astimezone(UTC).hour == 14  # was UTC+2


def test_new_years_eve_at_235959() -> None:
    arrival = datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)
    new_year = date(2027, 1, 1)
    calendar = BusinessCalendar("utc", "UTC", NINE_TO_FIVE, is_closed=lambda d: d == new_year)
    due = add_business_time(calendar, arrival, timedelta(hours=1))
    assert due == datetime(2027, 1, 4, 10, 0, tzinfo=UTC)  # Fri 1 Jan closed, then the weekend
    assert add_business_time(always_open(), arrival, timedelta(seconds=1)).year == 2027


def test_critical_at_0300_on_sunday_runs_on_the_24x7_clock() -> None:
    sunday = local(EAT, 2026, 11, 22, 3, 0)
    assert add_business_time(always_open(), sunday, timedelta(hours=4)) == local(
        EAT, 2026, 11, 22, 7, 0
    )
    assert add_business_time(NAIROBI, sunday, timedelta(hours=4)) == local(EAT, 2026, 11, 23, 13, 0)


def test_pause_and_resume_counts_only_the_time_that_was_left() -> None:
    received = local(EAT, 2026, 11, 23, 9, 0)  # Monday
    due = add_business_time(NAIROBI, received, timedelta(hours=16))  # Tuesday 17:00
    paused = local(EAT, 2026, 11, 23, 13, 0)  # 4 h used, 12 h left
    resumed = local(EAT, 2026, 11, 26, 15, 0)  # sender replied Thursday 15:00
    new_due = resume_deadline(NAIROBI, due, paused, resumed)
    assert business_time_between(NAIROBI, resumed, new_due) == timedelta(hours=12)
    assert new_due == local(EAT, 2026, 11, 30, 11, 0)  # Thu 2 h, Fri 8 h, Mon 2 h
    with pytest.raises(ValueError):
        resume_deadline(NAIROBI, due, resumed, paused)


def test_share_used_marks_at_risk_and_breached() -> None:
    received = local(EAT, 2026, 11, 23, 9, 0)
    due = add_business_time(NAIROBI, received, timedelta(hours=8))
    assert share_used(NAIROBI, received, due, local(EAT, 2026, 11, 23, 15, 0)) == 0.75
    assert share_used(NAIROBI, received, due, local(EAT, 2026, 11, 24, 9, 30)) >= 1.0


def test_naive_datetimes_and_empty_calendars_are_refused() -> None:
    with pytest.raises(ValueError):
        add_business_time(NAIROBI, datetime(2026, 1, 1), timedelta(hours=1))
    with pytest.raises(ValueError):
        BusinessCalendar("closed", "UTC", ((),) * 7)
    with pytest.raises(Exception):  # noqa: B017 - zoneinfo raises its own error type
        BusinessCalendar("bad", "Mars/Olympus", NINE_TO_FIVE)


instants = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
)
durations = st.integers(min_value=0, max_value=200 * 60).map(lambda m: timedelta(minutes=m))
calendars = st.sampled_from([NAIROBI, BERLIN, always_open(),
                             BusinessCalendar("ny", "America/New_York", NINE_TO_FIVE)])  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(calendar=calendars, start=instants, a=durations, b=durations,
       offset=st.integers(min_value=-12, max_value=14))  # fmt: skip
def test_adding_business_time_is_monotonic_and_independent_of_the_input_zone(
    calendar: BusinessCalendar, start: datetime, a: timedelta, b: timedelta, offset: int
) -> None:
    first = add_business_time(calendar, start, min(a, b))
    second = add_business_time(calendar, start, max(a, b))
    assert start <= first <= second
    shifted = start.astimezone(timezone(timedelta(hours=offset)))
    assert add_business_time(calendar, shifted, a) == add_business_time(calendar, start, a)
    assert business_time_between(calendar, start, add_business_time(calendar, start, a)) == a


def reference_add(calendar: BusinessCalendar, start: datetime, duration: timedelta) -> datetime:
    """The obvious day-by-day walk, kept as an oracle for the indexed implementation."""
    start = start.astimezone(UTC)
    if duration <= timedelta(0):
        return start
    if calendar.always_open:
        return start + duration
    remaining = duration
    day = start.astimezone(calendar.zone).date() - timedelta(days=1)
    while True:
        if not calendar.is_closed(day):
            midnight = datetime(day.year, day.month, day.day, tzinfo=calendar.zone)
            for a, b in calendar.weekly[day.weekday()]:
                opens = (midnight + timedelta(minutes=a)).astimezone(UTC)
                closes = (midnight + timedelta(minutes=b)).astimezone(UTC)
                begin = max(opens, start)
                if closes <= begin:
                    continue
                if remaining <= closes - begin:
                    return begin + remaining
                remaining -= closes - begin
        day += timedelta(days=1)


CLOSED = {date(2026, 12, 25), date(2026, 12, 26), date(2027, 1, 1), date(2026, 3, 29)}
SPLIT = (((480, 720), (780, 1020)),) * 4 + (((480, 720),), (), ((0, 1440),))  # lunch, Sunday 24h
oracle_calendars = st.sampled_from([
    NAIROBI, BERLIN,
    BusinessCalendar("split-berlin", "Europe/Berlin", SPLIT, is_closed=CLOSED.__contains__),
    BusinessCalendar("lord-howe", "Australia/Lord_Howe", NINE_TO_FIVE),  # 30-minute DST
    BusinessCalendar("kathmandu", "Asia/Kathmandu", SPLIT, is_closed=CLOSED.__contains__),
])  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(calendar=oracle_calendars, start=instants,
       minutes=st.integers(min_value=0, max_value=60 * 24 * 30))  # fmt: skip
def test_indexed_business_time_equals_the_day_by_day_walk(
    calendar: BusinessCalendar, start: datetime, minutes: int
) -> None:
    duration = timedelta(minutes=minutes)
    due = add_business_time(calendar, start, duration)
    assert due == reference_add(calendar, start, duration)
    assert business_time_between(calendar, start, due) == duration


def test_one_calendar_serves_instants_years_apart_in_any_order() -> None:
    """A back-fill routes mail from many years in one process: the index grows both ways."""
    calendar = BusinessCalendar("fresh", "Europe/Berlin", NINE_TO_FIVE)
    for year in (2031, 2020, 2035, 2026):
        start = datetime(year, 3, 27, 16, 0, tzinfo=UTC)
        for hours in (1, 8, 41, 400):
            duration = timedelta(hours=hours)
            assert add_business_time(calendar, start, duration) == reference_add(
                calendar, start, duration
            )
