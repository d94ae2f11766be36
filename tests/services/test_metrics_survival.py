"""Kaplan–Meier by hand: product-limit steps, ties, censoring, quantiles, Greenwood."""

from __future__ import annotations

import math

import numpy as np
import pytest

from triage.services.survival import kaplan_meier, median_gap_bootstrap


def test_product_limit_with_a_tie_of_an_event_and_a_censoring() -> None:
    # times 1, 2, 2(censored), 3(censored), 4: S = 4/5, then 4/5*3/4 (the case censored at 2
    # was still at risk at 2), flat at 3, then 0 at 4 (the last one at risk answered).
    curves = kaplan_meier(
        np.zeros(5, dtype=int), np.array([1, 2, 2, 3, 4.0]), np.array([1, 1, 0, 0, 1], bool)
    )
    assert curves.time.tolist() == [1, 2, 3, 4]
    assert curves.at_risk.tolist() == [5, 4, 2, 1]
    assert curves.events.tolist() == [1, 1, 0, 1]
    assert curves.survival == pytest.approx([0.8, 0.6, 0.6, 0.0])
    surv, var = curves.at(2.5)
    assert surv[0] == pytest.approx(0.6)
    assert var[0] == pytest.approx(0.36 * (1 / (5 * 4) + 1 / (4 * 3)))  # Greenwood
    assert curves.quantile(0.5)[0] == 4  # S(2) = 0.6 > 0.5; S(4) = 0
    assert curves.quantile(0.3)[0] == 2  # S(2) = 0.6 <= 0.7


def test_median_at_an_exact_half_is_the_time_it_reaches_half() -> None:
    curves = kaplan_meier(np.zeros(4, dtype=int), np.array([1, 2, 3, 4.0]), np.ones(4, bool))
    assert curves.quantile(0.5)[0] == 2  # S(2) = 0.5 exactly
    assert curves.quantile(0.9)[0] == 4  # S(3) = 0.25 > 0.1, S(4) = 0


def test_two_tied_events_count_together() -> None:
    curves = kaplan_meier(np.zeros(4, dtype=int), np.array([2, 2, 5, 7.0]),
                          np.array([1, 1, 0, 1], bool))  # fmt: skip
    assert curves.survival == pytest.approx([0.5, 0.5, 0.0])
    assert curves.quantile(0.5)[0] == 2


def test_all_open_group_never_reaches_a_median_and_other_groups_are_unaffected() -> None:
    codes = np.array([0, 0, 0, 1, 1, 1])
    times = np.array([3, 4, 5, 1, 2, 3.0])
    events = np.array([0, 0, 0, 1, 1, 0], bool)
    curves = kaplan_meier(codes, times, events, 2)
    medians = curves.quantile(0.5)
    assert math.isnan(medians[0])  # undefined, not invented
    assert medians[1] == 2  # S = 2/3, then 1/3
    surv, var = curves.at(10)
    assert surv.tolist() == pytest.approx([1.0, 1 / 3])
    assert var[0] == 0


def test_a_single_case_group() -> None:
    answered = kaplan_meier(np.array([0]), np.array([1.5]), np.array([True]))
    assert answered.quantile(0.5)[0] == 1.5 and answered.quantile(0.9)[0] == 1.5
    waiting = kaplan_meier(np.array([0]), np.array([1.5]), np.array([False]))
    assert math.isnan(waiting.quantile(0.5)[0])


def test_censoring_before_the_half_leaves_the_median_undefined() -> None:
    # 1 answered at day 1 (S = 3/4), the rest censored: S never reaches 0.5.
    curves = kaplan_meier(np.zeros(4, dtype=int), np.array([1, 2, 2, 3.0]),
                          np.array([1, 0, 0, 0], bool))  # fmt: skip
    assert curves.survival[-1] == pytest.approx(0.75)
    assert math.isnan(curves.quantile(0.5)[0])


def test_bootstrap_interval_is_reproducible_and_covers_a_clear_gap() -> None:
    rng = np.random.default_rng(3)
    slow, fast = rng.exponential(4.0, 400), rng.exponential(1.0, 400)
    done = np.ones(400, bool)
    first = median_gap_bootstrap(slow, done, fast, done, resamples=200, seed=11, grid=1 / 96)
    again = median_gap_bootstrap(slow, done, fast, done, resamples=200, seed=11, grid=1 / 96)
    assert first == again
    assert first is not None
    low, high = first
    point = np.median(slow) - np.median(fast)  # no censoring: KM median = sample median
    assert 0 < low < point < high


def test_bootstrap_gives_no_interval_when_medians_are_mostly_undefined() -> None:
    times = np.arange(1, 11, dtype=float)
    none_answered = np.zeros(10, bool)
    all_answered = np.ones(10, bool)
    assert median_gap_bootstrap(times, none_answered, times, all_answered,
                                resamples=50, seed=1, grid=1 / 96) is None  # fmt: skip


def test_the_grouped_walk_equals_the_textbook_estimator_on_random_ties() -> None:
    from triage.services.survival import GroupKM, sort_times

    rng = np.random.default_rng(8)
    n, groups = 3000, 40
    codes = rng.integers(-1, groups, n)  # -1: not in any group
    times = rng.integers(0, 30, n).astype(float)  # many ties
    events = rng.random(n) < 0.6
    reference = kaplan_meier(codes, times, events, groups)
    walk = GroupKM(codes, groups, sort_times(times, events))
    for q in (0.1, 0.5, 0.9):
        np.testing.assert_allclose(walk.quantile(q), reference.quantile(q), equal_nan=True)
    for t in (-1.0, 0.0, 3.0, 12.5, 29.0, 100.0):
        for ours, textbook in zip(walk.at(t), reference.at(t), strict=True):
            np.testing.assert_allclose(ours, textbook, rtol=1e-9, atol=1e-12)


def test_no_rows_at_all() -> None:
    from triage.services.survival import GroupKM, sort_times

    empty = GroupKM(np.array([], dtype=int), 2, sort_times(np.array([]), np.array([], bool)))
    assert np.isnan(empty.quantile(0.5)).all()
    surv, var = empty.at(3.0)
    assert surv.tolist() == [1.0, 1.0] and var.tolist() == [0.0, 0.0]
