"""Per-case measures and group statistics on constructed cases, checked by hand."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd
import pytest

from tests.services.metrics_data import AS_OF, START, case, frame
from triage.core.business_time import BusinessCalendar, business_time_between, weekly_hours
from triage.services.business_clock import business_seconds
from triage.services.metrics import metrics_from_cases
from triage.services.metrics_measures import case_measures
from triage.services.metrics_stats import OTHER, MetricsOptions, group_table, with_periods

BERLIN = BusinessCalendar(
    "berlin", "Europe/Berlin", weekly_hours([[(540, 1050)]] * 5 + [[], []])  # 09:00-17:30
)
OPTIONS = MetricsOptions(min_group=5, within_days=2.0, bootstrap=100)


def run(rows: list[dict], by: tuple[str, ...] = (), **kw: object):  # type: ignore[no-untyped-def]
    return metrics_from_cases(frame(rows), since=START, until=START + timedelta(days=28),
                              by=by, as_of=AS_OF, options=kw.pop("options", OPTIONS),  # type: ignore[arg-type]
                              calendar_map={"berlin": BERLIN}, **kw)  # type: ignore[arg-type]


def test_dst_end_counts_the_extra_hour_in_calendar_time_not_in_business_time() -> None:
    # Friday 23 Oct 2026 16:00 CEST (14:00 UTC) to Monday 26 Oct 10:00 CET (09:00 UTC): Berlin
    # leaves summer time on Sunday 25 Oct, so 66 wall-clock hours are 67 real hours; open time
    # is Fri 16:00-17:30 plus Mon 09:00-10:00 = 2.5 hours.
    opened = datetime(2026, 10, 23, 14, 0, tzinfo=UTC)
    answered = datetime(2026, 10, 26, 9, 0, tzinfo=UTC)
    row = case(1, opened=opened, respond_days=(answered - opened) / timedelta(days=1),
               calendar="berlin")  # fmt: skip
    m = case_measures(frame([row]), AS_OF, {"berlin": BERLIN}).iloc[0]
    assert m["days_respond"] == pytest.approx(67 / 24)
    assert m["bhours_respond"] == pytest.approx(2.5)
    assert business_time_between(BERLIN, opened, answered) == timedelta(hours=2.5)


def test_dst_start_and_an_open_case_censored_at_as_of() -> None:
    # Fri 27 Mar 2026 17:00 CET (16:00 UTC) to Mon 30 Mar 09:30 CEST (07:30 UTC): 63.5 real
    # hours, 1 open hour. A second case opened then is still unanswered at as_of (Tue 31 Mar
    # 12:00 CEST = 10:00 UTC): censored after 66 real hours and 0.5 + 8.5 + 3 = 12 open hours.
    opened = datetime(2026, 3, 27, 16, 0, tzinfo=UTC)
    as_of = datetime(2026, 3, 31, 10, 0, tzinfo=UTC)
    rows = [case(1, opened=opened, respond_days=63.5 / 24, calendar="berlin"),
            case(2, opened=opened, calendar="berlin")]  # fmt: skip
    m = case_measures(frame(rows), as_of, {"berlin": BERLIN})
    assert m["bhours_respond"].tolist() == pytest.approx([1.0, 12.0])
    assert m["days_respond"].tolist() == pytest.approx([63.5 / 24, 90 / 24])
    assert m["done_respond"].tolist() == [True, False]


def test_vectorised_business_time_equals_the_core_calendar() -> None:
    rng = np.random.default_rng(5)
    base = datetime(2026, 3, 20, tzinfo=UTC).timestamp()
    start = base + rng.uniform(0, 40 * 86400, 300)  # across the March DST change
    end = start + rng.uniform(0, 20 * 86400, 300)
    ours = business_seconds({"berlin": BERLIN}, np.array(["berlin"] * 300), start, end, BERLIN)
    for s, e, value in zip(start, end, ours, strict=True):
        core = business_time_between(BERLIN, datetime.fromtimestamp(s, UTC),
                                     datetime.fromtimestamp(e, UTC))  # fmt: skip
        assert value == pytest.approx(core.total_seconds(), abs=1e-3)


def test_sla_states_met_breached_late_breached_overdue_and_pending() -> None:
    rows = [
        case(1, respond_days=1, due_days=2),  # met
        case(2, respond_days=3, due_days=2),  # answered late
        case(3, due_days=2),  # overdue, never answered
        case(4, due_days=40),  # not due yet at as_of (30 days)
        case(5, respond_days=35, due_days=40),  # answered after as_of: pending as of then
    ]
    m = case_measures(frame(rows), AS_OF, {})
    assert m["sla_respond"].tolist() == ["met", "breached", "breached", "pending", "pending"]
    assert m["done_respond"].tolist() == [True, True, False, False, False]


def test_overall_statistics_by_hand() -> None:
    # responded after 1, 2, 2, 4 days; two cases still open after 30 days; one closed loop.
    rows = [case(1, respond_days=1, close_days=5, due_days=3), case(2, respond_days=2, due_days=3),
            case(3, respond_days=2, due_days=3), case(4, respond_days=4, due_days=3),
            case(5, due_days=3), case(6, due_days=3)]  # fmt: skip
    result = run(rows)
    o = result.overall
    assert (o["cases"], o["responded"], o["loop_closed"], o["open"]) == (6, 4, 1, 5)
    assert o["response_rate"] == pytest.approx(4 / 6)
    assert o["close_loop_rate"] == pytest.approx(1 / 6)
    # S: 5/6 at 1, 5/6 * 3/5 = 1/2 at 2 -> median 2; 1/2 * 2/3 = 1/3 at 4; never <= 0.1.
    assert o["median_days"] == 2
    assert math.isnan(o["p90_days"])
    assert o["answered_within_days"] == pytest.approx(1 - 1 / 2)  # within 2 days
    assert (o["sla_respond_met"], o["sla_respond_breached"]) == (3, 3)
    assert o["sla_respond_met_rate"] == pytest.approx(0.5)
    assert result.as_dict()["overall"]["p90_days"] is None  # JSON says "undefined"


def test_breakdown_with_an_all_open_group_and_explode_of_rights_issues() -> None:
    answered = [case(i, respond_days=i, rights_issue=["privacy", "expression"], owner="a")
                for i in range(1, 6)]  # fmt: skip
    waiting = [case(10 + i, rights_issue=["privacy"], owner="b") for i in range(5)]
    result = run(answered + waiting, by=("owner",))
    rows = {r["owner"]: r for r in result.table.to_dict(orient="records")}
    assert rows["a"]["median_days"] == 3 and rows["a"]["p90_days"] == 5
    assert rows["b"]["response_rate"] == 0 and math.isnan(rows["b"]["median_days"])
    issues = run(answered + waiting, by=("rights_issue",)).table.set_index("rights_issue")
    assert issues.loc["privacy", "cases"] == 10
    assert issues.loc["expression", "cases"] == 5
    assert issues.loc["privacy", "responded"] == 5


def test_small_groups_are_suppressed_or_merged_in_tables_and_trends() -> None:
    big = [case(i, respond_days=1, owner="a") for i in range(6)]
    three = [case(10 + i, respond_days=2, owner="b") for i in range(3)]
    one = [case(20, respond_days=9, owner="c")]
    result = run(big + three + one, by=("owner",))
    # b and c together are 4 cases, still too few: showing a beside the total would give them
    # away, so a is merged in too (secondary suppression).
    assert result.table["owner"].tolist() == [OTHER]
    assert result.table["cases"].tolist() == [10] and result.suppressed_groups == 3
    two = [case(30 + i, respond_days=3, owner="d") for i in range(2)]
    merged = run(big + three + one + two, by=("owner",)).table
    assert merged["owner"].tolist() == ["a", OTHER]
    assert merged["cases"].tolist() == [6, 6]
    assert merged.iloc[1]["median_days"] == 2  # 2,2,2,9,3,3: S(2) = 1/2
    loose = run(big + one, by=("owner",), options=MetricsOptions(min_group=1, bootstrap=0))
    assert loose.table["owner"].tolist() == ["a", "c"]  # the threshold is a setting
    # a trend: weeks by Global South; the week with 1 case never shows alone
    later = [case(40, opened=START + timedelta(days=7), respond_days=1)]
    few = [case(50 + i, opened=START + timedelta(days=14), respond_days=1) for i in range(4)]
    trend, hidden = group_table(with_periods(case_measures(frame(big + later + few), AS_OF, {})),
                                ("week", "global_south"), OPTIONS)  # fmt: skip
    assert trend["week"].tolist() == ["2026-10-05", OTHER] and hidden == 2
    assert trend["cases"].tolist() == [6, 5]


def test_south_north_gap_and_alert_by_hand() -> None:
    south = [case(i, respond_days=d, global_south="South")
             for i, d in enumerate([1, 3, 3, 4, 6])]  # fmt: skip
    north = [case(20 + i, respond_days=0.5, global_south="North") for i in range(5)]
    gap = run(south + north).gap
    # South: S = 4/5 at 1, 4/5 * 2/4 = 2/5 at 3 -> median 3; North: 0 at 0.5 -> median 0.5.
    assert gap["south_median_days"] == 3 and gap["north_median_days"] == 0.5
    assert gap["median_gap_days"] == pytest.approx(2.5)
    # within 2 days: South 1 - 4/5, North 1; Greenwood var of S_south(2) = .64 / 20.
    assert gap["share_gap"] == pytest.approx(0.8)
    half = 1.959964 * math.sqrt(0.64 / 20)
    assert gap["share_gap_ci"] == pytest.approx([0.8 - half, 0.8 + half])
    low, high = gap["median_gap_ci"]
    assert low <= high
    assert gap["alert"] is True
    calm = run(south + north, options=MetricsOptions(within_days=2.0, gap_tolerance_days=3.0,
                                                     gap_tolerance_share=0.9, bootstrap=0)).gap
    assert calm["alert"] is False and calm["median_gap_ci"] is None
    few = run(south + north[:4]).gap
    assert few["suppressed"] is True and "north_median_days" not in few


def test_exports_and_json_carry_only_the_suppressed_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from triage.services.metrics_export import export_table

    rows = [case(i, respond_days=1, owner="a") for i in range(5)] + [
        case(9, respond_days=2, owner="solo")]
    result = run(rows, by=("owner",))
    export_table(result, tmp_path / "t.csv")
    export_table(result, tmp_path / "t.parquet")
    for text in ((tmp_path / "t.csv").read_text(), result.to_json(),
                 pd.read_parquet(tmp_path / "t.parquet").to_csv()):  # fmt: skip
        assert "solo" not in text
    csv = pd.read_csv(tmp_path / "t.csv")  # a is folded in: a alone beside the total tells
    assert csv["owner"].tolist() == [OTHER] and csv["cases"].tolist() == [6]
    assert csv["min_group"].tolist() == [5]
