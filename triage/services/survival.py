"""Kaplan–Meier estimates for many groups at once, so unanswered cases count.

A median over answered cases only hides the people still waiting; the Kaplan–Meier estimator
keeps them in the risk set until the moment we stopped looking (right-censoring). Every group
is estimated in one sort of the whole column (numpy), which is what makes a million cases
and a dozen breakdowns affordable.

Conventions (tests check them by hand):
- at a tied time, events happen before censorings (a case censored at t was at risk at t);
- the q-quantile of time to event is the smallest observed time t with S(t) <= 1 - q; when
  S never falls that low the quantile is undefined (None), never extrapolated;
- the variance of S(t) is Greenwood's: S(t)^2 * sum d / (n (n - d)).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class KMCurves:
    """The product-limit curves of every group, one row per (group, distinct time)."""

    group: np.ndarray  # int codes, sorted
    time: np.ndarray
    at_risk: np.ndarray
    events: np.ndarray
    survival: np.ndarray
    greenwood: np.ndarray  # running sum d / (n (n - d)); inf once S reaches 0
    n_groups: int

    def quantile(self, q: float) -> np.ndarray:
        """Per group, the smallest time with S <= 1 - q; NaN where S never gets there."""
        out = np.full(self.n_groups, np.nan)
        hit = np.flatnonzero(self.survival <= 1.0 - q + 1e-9)  # sums of logs: tiny rounding
        groups, first = np.unique(self.group[hit], return_index=True)
        out[groups] = self.time[hit[first]]
        return out

    def at(self, t: float) -> tuple[np.ndarray, np.ndarray]:
        """Per group, S(t) and its Greenwood variance (S = 1, variance 0 before any event)."""
        surv = np.ones(self.n_groups)
        var = np.zeros(self.n_groups)
        upto = np.flatnonzero(self.time <= t)
        if len(upto):
            # the last row at or before t in each group (rows are sorted by group, then time)
            rev_groups, rev_last = np.unique(self.group[upto][::-1], return_index=True)
            last = upto[::-1][rev_last]
            surv[rev_groups] = self.survival[last]
            s = self.survival[last]
            with np.errstate(invalid="ignore"):  # S = 0: inf * 0, the variance is 0
                var[rev_groups] = np.where(s > 0, s * s * self.greenwood[last], 0.0)
        return surv, var


def time_order(time: np.ndarray) -> np.ndarray:
    """Row indices by increasing time: computed once per column, reused for every grouping."""
    return np.argsort(np.asarray(time, dtype=np.float64), kind="stable")


@dataclass(frozen=True)
class SortedTimes:
    """One duration column in time order, events before censorings at a tie: sorted once,
    then every grouping of the same rows is estimated without sorting again."""

    order: np.ndarray
    time: np.ndarray
    event: np.ndarray


def sort_times(time: np.ndarray, event: np.ndarray) -> SortedTimes:
    time = np.asarray(time, dtype=np.float64)
    event = np.asarray(event, dtype=bool)
    order = np.argsort(time)  # ties are put in order below; NaN last
    t, e = time[order], event[order]
    tie = np.zeros(len(t), dtype=bool)
    tie[1:] = t[1:] == t[:-1]
    if tie.any():  # only rows in runs of equal times move: events first within each run
        in_run = tie.copy()
        in_run[:-1] |= tie[1:]
        rows = np.flatnonzero(in_run)
        key = np.cumsum(~tie)[rows] * 2 + (~e[rows])
        fix = rows[np.argsort(key, kind="stable")]
        order[rows], t[rows], e[rows] = order[fix], t[fix], e[fix]
    return SortedTimes(order, t, e)


class GroupKM:
    """Kaplan–Meier of every group at once from one time-sorted column.

    Rows are regrouped by a stable radix sort of the small group codes (time order kept
    within each group), then each answered case multiplies its group's S by (1 - 1/r), r the
    cases of the group still at risk just before it. With tied events taken one by one this
    telescopes to the textbook (1 - d/n) per distinct time, and the Greenwood terms
    1/(r(r-1)) sum to d/(n(n-d)); a test checks both against ``kaplan_meier``.
    """

    def __init__(self, codes: np.ndarray, n_groups: int, times: SortedTimes) -> None:
        self.n_groups = n_groups
        small = np.int16 if n_groups < 2**15 - 1 else np.int64
        c = np.asarray(codes).astype(small, copy=False)[times.order]
        c[(c < 0) | ~np.isfinite(times.time)] = n_groups  # rows left out: one extra group
        self.time_codes, self.time = c, times.time
        perm = np.argsort(c, kind="stable")
        cg = c[perm].astype(np.int64)
        sizes = np.bincount(cg, minlength=n_groups + 1)
        self.starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        position = np.arange(len(cg)) - self.starts[cg]
        at_risk = (sizes[cg] - position).astype(np.float64)
        event = times.event[perm] & (cg < n_groups)
        last = event & (at_risk == 1)  # S reaches 0: always the group's last row
        with np.errstate(divide="ignore", invalid="ignore"):
            log_factor = np.where(event & ~last, np.log1p(-1.0 / at_risk), 0.0)
            term = np.where(event & ~last, 1.0 / (at_risk * (at_risk - 1.0)), 0.0)
        first = position == 0
        run = sizes[sizes > 0]
        self.survival = np.exp(_segment_cumsum(log_factor, first, run))
        self.survival[last] = 0.0
        self.greenwood = _segment_cumsum(term, first, run)
        self.greenwood[last] = np.inf
        self.codes, self.times_grouped = cg, times.time[perm]

    def quantile(self, q: float) -> np.ndarray:
        """Per group, the smallest time with S <= 1 - q; NaN where S never gets there."""
        out = np.full(self.n_groups, np.nan)
        hit = np.flatnonzero((self.survival <= 1.0 - q + 1e-9) & (self.codes < self.n_groups))
        if len(hit):
            groups = self.codes[hit]
            first = hit[np.concatenate(([True], groups[1:] != groups[:-1]))]
            out[self.codes[first]] = self.times_grouped[first]
        return out

    def at(self, t: float) -> tuple[np.ndarray, np.ndarray]:
        """Per group, S(t) and its Greenwood variance (S = 1, variance 0 before any event)."""
        if len(self.survival) == 0:
            return np.ones(self.n_groups), np.zeros(self.n_groups)
        upto = int(np.searchsorted(self.time, t, side="right"))
        count = np.bincount(self.time_codes[:upto], minlength=self.n_groups + 1)[: self.n_groups]
        last = self.starts[: self.n_groups] + count - 1
        seen = count > 0
        surv = np.where(seen, self.survival[np.where(seen, last, 0)], 1.0)
        green = np.where(seen, self.greenwood[np.where(seen, last, 0)], 0.0)
        with np.errstate(invalid="ignore"):
            var = np.where(surv > 0, surv * surv * green, 0.0)
        return surv, var


def kaplan_meier(
    codes: np.ndarray,
    time: np.ndarray,
    event: np.ndarray,
    n_groups: int | None = None,
    order: np.ndarray | None = None,
) -> KMCurves:
    """Estimate S(t) per group. ``codes``: int group of each row (0..n_groups-1; negative rows
    are dropped); ``time``: time to event or to censoring; ``event``: True if observed;
    ``order``: ``time_order(time)`` if already known. Rows are put in (group, time) order by
    a stable radix sort of the group codes over the time order: a full sort is paid once."""
    codes = np.asarray(codes, dtype=np.int64)
    time = np.asarray(time, dtype=np.float64)
    event = np.asarray(event, dtype=bool)
    n_groups = int(n_groups if n_groups is not None else (codes.max() + 1 if len(codes) else 0))
    order = time_order(time) if order is None else order
    order = order[(codes[order] >= 0) & np.isfinite(time[order])]
    if len(order) == 0:
        empty = np.array([], dtype=np.float64)
        return KMCurves(empty.astype(np.int64), empty, empty, empty, empty, empty, n_groups)
    small = np.int16 if n_groups < 2**15 else np.int32 if n_groups < 2**31 else np.int64
    order = order[np.argsort(codes[order].astype(small), kind="stable")]
    g, t, e = codes[order], time[order], event[order]
    new = np.ones(len(g), dtype=bool)
    new[1:] = (g[1:] != g[:-1]) | (t[1:] != t[:-1])
    starts = np.flatnonzero(new)
    removed = np.diff(np.append(starts, len(g)))
    deaths = np.add.reduceat(e.astype(np.int64), starts)
    gg, tt = g[starts], t[starts]
    sizes = np.bincount(g, minlength=n_groups)
    removed_before = np.cumsum(removed) - removed  # over all groups
    group_first = np.ones(len(gg), dtype=bool)
    group_first[1:] = gg[1:] != gg[:-1]
    run = np.diff(np.append(np.flatnonzero(group_first), len(gg)))
    offset = np.repeat(removed_before[group_first], run)
    at_risk = sizes[gg] - (removed_before - offset)
    # Products within each group as sums of logs. A factor of 0 (everyone left at risk
    # answered) can only be a group's last row, since no one remains after it: it is set
    # after the sums so that no -inf or inf crosses into the next group.
    everyone = deaths == at_risk
    with np.errstate(divide="ignore", invalid="ignore"):
        log_factor = np.where(everyone, 0.0, np.log1p(-deaths / at_risk))
        term = np.where(everyone, 0.0, deaths / (at_risk * (at_risk - deaths)))
    survival = np.exp(_segment_cumsum(log_factor, group_first, run))
    survival[everyone] = 0.0
    greenwood = _segment_cumsum(term, group_first, run)
    greenwood[everyone] = np.inf
    return KMCurves(gg, tt, at_risk.astype(np.float64), deaths.astype(np.float64), survival,
                    greenwood, n_groups)  # fmt: skip


def _segment_cumsum(values: np.ndarray, first: np.ndarray, run: np.ndarray) -> np.ndarray:
    """Running sums restarting at each ``first`` row (segments of lengths ``run``)."""
    total = np.cumsum(values)
    before = total[first] - values[first]
    return total - np.repeat(before, run)


def median_gap_bootstrap(
    a_time: np.ndarray,
    a_event: np.ndarray,
    b_time: np.ndarray,
    b_event: np.ndarray,
    *,
    resamples: int,
    seed: int,
    grid: float,
    level: float = 0.95,
) -> tuple[float, float] | None:
    """Percentile bootstrap interval of median(a) - median(b), resampling cases in each group.

    Resampling n cases with replacement is a multinomial draw over the distinct (time, event)
    cells, so each resample costs the number of cells, not of cases; times are first put on a
    grid of ``grid`` (metrics use an hour, in days) to keep cells few. None when more than the
    interval's tail share of resamples has an undefined median in either group.
    """
    rng = np.random.default_rng(seed)
    meds = [_bootstrap_medians(t, e, resamples, rng, grid) for t, e in
            ((a_time, a_event), (b_time, b_event))]  # fmt: skip
    gap = meds[0] - meds[1]
    tail = (1.0 - level) / 2
    if np.isnan(gap).mean() > tail:
        return None
    lo, hi = np.nanquantile(gap, [tail, 1.0 - tail])
    return float(lo), float(hi)


def _bootstrap_medians(
    time: np.ndarray, event: np.ndarray, resamples: int, rng: np.random.Generator, grid: float
) -> np.ndarray:
    n = len(time)
    if n == 0:
        return np.full(resamples, np.nan)
    binned = np.ceil(np.asarray(time, dtype=np.float64) / grid) * grid
    cells = pd.DataFrame({"t": binned, "late": ~np.asarray(event, dtype=bool)}).value_counts()
    cells = cells.sort_index()  # by time; at a tie events (late=False) before censorings
    t = cells.index.get_level_values("t").to_numpy()
    e = ~cells.index.get_level_values("late").to_numpy()
    counts = rng.multinomial(n, cells.to_numpy() / n, size=resamples).astype(np.float64)
    # Cell by cell in that order the product-limit steps are the same as per distinct time:
    # a censoring cell multiplies by 1 and leaves the risk set after the tied events.
    at_risk = n - np.cumsum(counts, axis=1) + counts
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = np.where(e & (at_risk > 0), 1.0 - counts / at_risk, 1.0)
    survival = np.cumprod(factor, axis=1)
    below = survival <= 0.5 + 1e-12
    first = below.argmax(axis=1)
    return np.where(below.any(axis=1), t[first], np.nan)
