"""Metrics over 1,000,000 synthetic cases on one core, from a DataFrame (no database).

Synthetic cases (no text: ids, labels and times only) spread over a year, on the routing
file's six office calendars, 15% never answered, are built with numpy; then three stages are
timed: the per-case measures (calendar and business time for three steps, SLA states), one
breakdown with the Global South gap (Kaplan–Meier per group, Greenwood and a 200-resample
bootstrap interval), and every table and trend of the printed report. Loading from the store
is not part of these figures. Writes rows to ``bench/results.json``.

Usage: python bench/bench_metrics.py [--cases N]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import resource
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import record
from triage.services.metrics import calendars, metrics_from_measures
from triage.services.metrics_frame import CASE_COLUMNS, places
from triage.services.metrics_measures import case_measures
from triage.services.metrics_report import SECTIONS
from triage.services.metrics_stats import MetricsOptions, Prepared, with_periods

ISSUES = ["privacy", "surveillance", "expression", "shutdowns", "harmful_content",
          "discrimination", "labour", "hrd_safety", "child_rights", "remedy", "environment",
          "other"]  # fmt: skip
SINCE = datetime(2025, 12, 1, tzinfo=UTC)
UNTIL = datetime(2026, 11, 30, tzinfo=UTC)
AS_OF = datetime(2026, 12, 7, tzinfo=UTC)


def synthetic_cases(n: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    day = pd.Timedelta(days=1)
    opened = pd.Timestamp(SINCE) + pd.to_timedelta(rng.uniform(0, 364, n), unit="D")
    answered = rng.random(n) < 0.85
    south = rng.random(n) < 0.6
    delay = rng.lognormal(np.where(south, 1.0, 0.7), 0.9, n)  # days; South waits a bit longer
    responded = pd.Series(opened + delay * day).where(answered)
    acknowledged = pd.Series(opened + delay * 0.3 * day).where(rng.random(n) < 0.95)
    closed = pd.Series(responded + rng.exponential(5, n) * day).where(rng.random(n) < 0.6)
    table = places()
    countries = table.index.to_numpy()
    country = rng.choice(countries, n)
    where = table.reindex(country)
    calendar = rng.choice(list(calendars()), n)
    issues = np.array(ISSUES, dtype=object)
    first, second = rng.integers(0, len(ISSUES), n), rng.integers(0, len(ISSUES), n)
    two = rng.random(n) < 0.3
    rights = [[issues[a], issues[b]] if t and a != b else [issues[a]]
              for a, b, t in zip(first, second, two, strict=True)]  # fmt: skip
    frame = pd.DataFrame({
        "case_id": np.arange(n), "opened_at": opened, "acknowledged_at": acknowledged,
        "responded_at": responded, "loop_closed_at": closed,
        "status": np.where(closed.notna(), "closed", "open"),
        "owner": rng.choice([f"owner{i:02d}" for i in range(30)], n),
        "team": rng.choice([f"team{i}" for i in range(9)], n),
        "priority": rng.choice(["critical", "high", "normal", "low"], n, p=[.05, .15, .6, .2]),
        "kind": rng.choice(["allegation", "engagement_request", "information_request",
                            "follow_up", "submission", "invitation", "out_of_scope"], n),
        "channel": rng.choice(["email", "form"], n),
        "language": rng.choice(["en", "fr", "es", "ar", "pt", "sw"], n),
        "global_south": np.where(south, "South", "North"), "country": country,
        "region": where["region"].to_numpy(), "sub_region": where["sub_region"].to_numpy(),
        "rights_issue": rights, "challenge": [["none"]] * n, "calendar": calendar,
    })  # fmt: skip
    for step, done, hours in (("acknowledge", acknowledged, 24), ("respond", responded, 120),
                              ("close_loop", closed, 720)):  # fmt: skip
        frame[f"due_{step}"] = opened + pd.Timedelta(hours=hours)
        frame[f"met_{step}"] = done
    return frame[list(CASE_COLUMNS)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1_000_000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    options = MetricsOptions()  # the defaults: 200 bootstrap resamples, groups of 5 or more
    cals = calendars()
    cases = synthetic_cases(args.cases)

    started = time.perf_counter()
    measures = case_measures(cases, AS_OF, cals)
    measured = time.perf_counter()
    by_region = metrics_from_measures(measures, since=SINCE, until=UNTIL, by=("region",),
                                      as_of=AS_OF, options=options)  # fmt: skip
    one = time.perf_counter()
    periods = Prepared(with_periods(measures))  # as report_data does: sorts shared
    metrics_from_measures(periods, since=SINCE, until=UNTIL, by=(), as_of=AS_OF,
                          options=options, trends=("week", "month"))  # fmt: skip
    for dim, _title in SECTIONS:
        metrics_from_measures(periods, since=SINCE, until=UNTIL, by=(dim,), as_of=AS_OF,
                              options=options)  # fmt: skip
    full = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    n = args.cases
    one_seconds = one - started
    report_seconds = (measured - started) + (full - one)
    rows = [
        {"stage": "metrics_measures", "messages": n, "workers": 1, "store": "none",
         "seconds": round(measured - started, 2), "peak_rss_mb": round(rss)},
        {"stage": "metrics_breakdown", "messages": n, "workers": 1, "store": "none",
         "seconds": round(one_seconds, 2), "peak_rss_mb": round(rss),
         "note": "what `triage metrics --by region` computes: measures, overall, by region, "
                 "South/North gap with a 200-resample bootstrap"},
        {"stage": "metrics_report_tables", "messages": n, "workers": 1, "store": "none",
         "seconds": round(report_seconds, 2), "peak_rss_mb": round(rss),
         "note": "measures + overall, weekly and monthly trends, 8 breakdowns, each with the gap"},
    ]  # fmt: skip
    record(rows)
    gap = by_region.gap
    print(f"{n:,} cases: measures {measured - started:.2f} s; measures + by region + gap "
          f"{one_seconds:.2f} s; every report table {report_seconds:.2f} s; "
          f"peak RSS {rss:,.0f} MB (one core)")  # fmt: skip
    print(f"gap: median {gap['median_gap_days']:+.3f} days, 95% CI {gap['median_gap_ci']}; "
          f"share {gap['share_gap']:+.4f}")  # fmt: skip


if __name__ == "__main__":
    main()
