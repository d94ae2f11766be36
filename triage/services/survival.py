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
        hit = np.flatnonzero(self.survival <= 1.0 - q + 1e-12)
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


def kaplan_meier(
    codes: np.ndarray, time: np.ndarray, event: np.ndarray, n_groups: int | None = None
) -> KMCurves:
    """Estimate S(t) per group. ``codes``: int group of each row (0..n_groups-1; negative rows
    are dropped); ``time``: time to event or to censoring; ``event``: True if observed."""
    codes = np.asarray(codes, dtype=np.int64)
    time = np.asarray(time, dtype=np.float64)
    event = np.asarray(event, dtype=bool)
    keep = (codes >= 0) & np.isfinite(time)
    codes, time, event = codes[keep], time[keep], event[keep]
    n_groups = int(n_groups if n_groups is not None else (codes.max() + 1 if len(codes) else 0))
    if len(codes) == 0:
        empty = np.array([], dtype=np.float64)
        return KMCurves(empty.astype(np.int64), empty, empty, empty, empty, empty, n_groups)
    order = np.lexsort((time, codes))
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
    factor = 1.0 - deaths / at_risk
    survival = pd.Series(factor).groupby(gg).cumprod().to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(deaths < at_risk, deaths / (at_risk * (at_risk - deaths)), np.inf)
    greenwood = pd.Series(term).groupby(gg).cumsum().to_numpy()
    return KMCurves(gg, tt, at_risk.astype(np.float64), deaths.astype(np.float64), survival,
                    greenwood, n_groups)  # fmt: skip


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
    grid of ``grid`` (e.g. a quarter-hour in days) to keep cells few. None when more than the
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
    cells = pd.DataFrame({"t": binned, "e": np.asarray(event, dtype=bool)}).value_counts()
    cells = cells.sort_index()  # by time, then censored (False) before events (True)
    t = cells.index.get_level_values("t").to_numpy()
    e = cells.index.get_level_values("e").to_numpy()
    counts = rng.multinomial(n, cells.to_numpy() / n, size=resamples)  # (B, cells)
    # per distinct time: removed and deaths; at risk = n - removed before
    times, where = np.unique(t, return_inverse=True)
    removed = np.zeros((resamples, len(times)))
    deaths = np.zeros((resamples, len(times)))
    np.add.at(removed.T, where, counts.T)
    np.add.at(deaths.T, where[e], counts.T[e])
    at_risk = n - (np.cumsum(removed, axis=1) - removed)
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = np.where(at_risk > 0, 1.0 - deaths / at_risk, 1.0)
    survival = np.cumprod(factor, axis=1)
    below = survival <= 0.5 + 1e-12
    first = below.argmax(axis=1)
    return np.where(below.any(axis=1), times[first], np.nan)
