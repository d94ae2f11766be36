"""Group statistics over per-case measures, with small groups suppressed.

Every figure for a group comes from the same rows: counts and rates, Kaplan–Meier medians and
90th percentiles of time to response (open cases censored), the share answered within N days
(1 - S(N)) and SLA met rates. Groups with fewer cases than ``min_group`` never appear: they
are merged into one "other groups" row, joined by the smallest shown groups when it would
still be too small (the total minus the shown rows must not give a small group away), so that
no single defender can be picked out of a table, a trend or an export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from triage.services.metrics_measures import SLA_STATES
from triage.services.survival import GroupKM, SortedTimes, median_gap_bootstrap, sort_times

LIST_DIMENSIONS = ("rights_issue", "challenge")
DIMENSIONS = (
    "global_south", "region", "sub_region", "country", "language", "rights_issue", "challenge",
    "kind", "priority", "owner", "team", "channel", "week", "month",
)  # fmt: skip
OTHER = "other groups (merged to protect small ones)"


@dataclass(frozen=True)
class MetricsOptions:
    """The knobs of a metrics run (from settings; tests pass their own)."""

    min_group: int = 5
    within_days: float = 7.0
    gap_tolerance_days: float = 1.0
    gap_tolerance_share: float = 0.10
    bootstrap: int = 200
    seed: int = 20261129




class Prepared:
    """Measures with the sorts every breakdown needs, done once: the time order of each
    duration column, and the exploded frames of multi-label dimensions (lazily)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self._sorted: dict[tuple[str, str], SortedTimes] = {}
        self._exploded: dict[str, Prepared] = {}
        self.gaps: dict[MetricsOptions, dict[str, object]] = {}
        self.overall: dict[MetricsOptions, tuple[pd.DataFrame, int]] = {}

    def sorted(self, time: str, event: str) -> SortedTimes:
        if (time, event) not in self._sorted:
            frame = self.frame
            self._sorted[time, event] = sort_times(frame[time].to_numpy(), frame[event].to_numpy())
        return self._sorted[time, event]

    def exploded(self, dim: str) -> Prepared:
        if dim not in self._exploded:
            self._exploded[dim] = Prepared(self.frame.explode(dim, ignore_index=True))
        return self._exploded[dim]

    def with_periods(self) -> Prepared:
        if "week" not in self.frame:
            self.frame = with_periods(self.frame)  # adds columns: row order, sorts unchanged
        return self


def prepared(measures: pd.DataFrame | Prepared) -> Prepared:
    return measures if isinstance(measures, Prepared) else Prepared(measures)


def with_periods(measures: pd.DataFrame) -> pd.DataFrame:
    """Add ``week`` (its Monday, ISO date) and ``month`` (YYYY-MM) of opening, in UTC.

    Labels are formatted once per distinct period (categoricals), not once per case.
    """
    out = measures.copy()
    opened = pd.to_datetime(out["opened_at"], utc=True).dt.tz_convert(None).to_numpy()
    days = opened.astype("datetime64[D]")
    monday = days - ((days.astype(np.int64) + 3) % 7)  # 1970-01-01 was a Thursday
    for name, values in (("week", monday), ("month", opened.astype("datetime64[M]"))):
        uniques, codes = np.unique(values, return_inverse=True)
        labels = [str(u) for u in np.datetime_as_string(uniques)]
        out[name] = pd.Categorical.from_codes(codes.reshape(-1), categories=labels)
    return out


def group_table(
    measures: pd.DataFrame | Prepared, by: Sequence[str], options: MetricsOptions
) -> tuple[pd.DataFrame, int]:
    """One row per group of ``by`` (empty: one row for all cases); and how many groups were
    suppressed. A case with several rights issues (or challenges) counts in each of them."""
    data = prepared(measures)
    for dim in by:
        if dim not in DIMENSIONS:
            raise ValueError(f"unknown breakdown {dim!r}; one of {', '.join(DIMENSIONS)}")
        if dim in ("week", "month"):
            data = data.with_periods()
    listed = [dim for dim in by if dim in LIST_DIMENSIONS]
    if len(listed) > 1:
        raise ValueError("at most one multi-label breakdown at a time")
    if listed:
        data = data.exploded(listed[0])
    frame = data.frame
    if by:
        keys = frame[list(by)]
        codes, labels = _factorize(keys)
    else:
        codes = np.zeros(len(frame), dtype=np.int64)
        labels = pd.DataFrame(index=range(1))
    sizes = np.bincount(codes, minlength=len(labels))
    small = _suppressed(sizes, options.min_group) if by else np.zeros(len(sizes), dtype=bool)
    suppressed = int(small.sum())
    if small.any():
        other = len(labels)
        codes = np.where(small[codes], other, codes)
        labels = pd.concat(
            [labels, pd.DataFrame([{dim: OTHER for dim in by}])], ignore_index=True
        )
    table = _statistics(data, codes, len(labels), options)
    for dim in reversed(list(by)):
        table.insert(0, dim, labels[dim].to_numpy())
    table = table[table["cases"] >= options.min_group]
    if by:
        table = table.sort_values(list(by), key=lambda s: s.eq(OTHER).astype(int).astype(str) + s)
    return table.reset_index(drop=True), suppressed


def _suppressed(sizes: np.ndarray, min_group: int) -> np.ndarray:
    """Which groups to hide: those below ``min_group``, and, when together they are still
    below it, the smallest shown groups too, so that the total minus the shown groups never
    gives away a small group's figures (secondary suppression)."""
    small = (sizes > 0) & (sizes < min_group)
    hidden = int(sizes[small].sum())
    if 0 < hidden < min_group:
        for group in np.argsort(sizes, kind="stable"):
            if hidden >= min_group:
                break
            if sizes[group] >= min_group:
                small[group] = True
                hidden += int(sizes[group])
    return small


def _factorize(keys: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    if keys.shape[1] == 1:
        codes, uniques = pd.factorize(keys.iloc[:, 0], sort=True)
        labels = [str(u) for u in uniques]
        return codes.astype(np.int64), pd.DataFrame({keys.columns[0]: labels}, dtype=object)
    grouped = keys.groupby(list(keys.columns), sort=True, observed=True)
    codes = grouped.ngroup().to_numpy().astype(np.int64)
    labels = pd.DataFrame(list(grouped.groups.keys()), columns=list(keys.columns))
    return codes, labels


def _statistics(data: Prepared, codes: np.ndarray, n: int, options: MetricsOptions) -> pd.DataFrame:
    frame = data.frame

    def km(time: str, done: str) -> GroupKM:
        return GroupKM(codes, n, data.sorted(time, done))

    def count(mask: np.ndarray) -> np.ndarray:  # one pass, no boolean indexing
        return np.bincount(codes * 2 + mask, minlength=2 * n)[1::2]

    cases = np.bincount(codes, minlength=n)
    out = pd.DataFrame({"cases": cases})
    for step, name in (("acknowledge", "acknowledged"), ("respond", "responded"),
                       ("close_loop", "loop_closed")):  # fmt: skip
        out[name] = count(frame[f"done_{step}"].to_numpy())
    out["open"] = out["cases"] - out["loop_closed"]  # open: the loop is not closed
    with np.errstate(divide="ignore", invalid="ignore"):
        out["response_rate"] = out["responded"] / out["cases"]
        out["acknowledge_rate"] = out["acknowledged"] / out["cases"]
        out["close_loop_rate"] = out["loop_closed"] / out["cases"]
    respond = km("days_respond", "done_respond")
    out["median_days"] = respond.quantile(0.5)
    out["p90_days"] = respond.quantile(0.9)
    survival, _var = respond.at(options.within_days)
    out["answered_within_days"] = 1.0 - survival
    business = km("bhours_respond", "done_respond")
    out["median_business_hours"] = business.quantile(0.5)
    out["p90_business_hours"] = business.quantile(0.9)
    acknowledge = km("days_acknowledge", "done_acknowledge")
    out["median_days_to_acknowledge"] = acknowledge.quantile(0.5)
    for step in ("acknowledge", "respond", "close_loop"):
        state = pd.Categorical(frame[f"sla_{step}"], categories=list(SLA_STATES))
        per_state = np.bincount(codes * 4 + state.codes, minlength=4 * n).reshape(n, 4)
        met, breached = per_state[:, 0], per_state[:, 1]
        out[f"sla_{step}_met"] = met
        out[f"sla_{step}_breached"] = breached
        with np.errstate(divide="ignore", invalid="ignore"):
            out[f"sla_{step}_met_rate"] = np.where(met + breached > 0, met / (met + breached),
                                                   np.nan)  # fmt: skip
    return out


def south_north_gap(
    measures: pd.DataFrame | Prepared, options: MetricsOptions
) -> dict[str, object]:
    """The Global South - North gap in median time to response (bootstrap interval) and in the
    share answered within N days (Greenwood interval), and whether it breaks the tolerance."""
    data = prepared(measures)
    if options not in data.gaps:
        data.gaps[options] = _gap(data, options)
    return data.gaps[options]


def _gap(data: Prepared, options: MetricsOptions) -> dict[str, object]:
    measures = data.frame
    side = measures["global_south"]
    south = (side == "South").to_numpy(dtype=bool)
    north = (side == "North").to_numpy(dtype=bool)
    sizes = {"south_cases": int(south.sum()), "north_cases": int(north.sum())}
    result: dict[str, object] = {**sizes, "within_days": options.within_days,
                                 "tolerance_days": options.gap_tolerance_days,
                                 "tolerance_share": options.gap_tolerance_share}  # fmt: skip
    if min(sizes.values()) < options.min_group:
        return {**result, "suppressed": True, "alert": False}
    codes = np.where(south, 0, np.where(north, 1, -1))
    time, event = measures["days_respond"].to_numpy(), measures["done_respond"].to_numpy()
    curves = GroupKM(codes, 2, data.sorted("days_respond", "done_respond"))
    medians = curves.quantile(0.5)
    survival, variance = curves.at(options.within_days)
    share_gap = float(survival[0] - survival[1])  # North's share answered minus South's
    half = 1.959964 * float(np.sqrt(variance.sum()))
    median_gap = float(medians[0] - medians[1]) if np.isfinite(medians).all() else None
    interval = median_gap_bootstrap(
        time[south], event[south], time[north], event[north],
        resamples=options.bootstrap, seed=options.seed, grid=1 / 24,
    ) if median_gap is not None and options.bootstrap > 0 else None  # fmt: skip
    alert = share_gap > options.gap_tolerance_share or (
        median_gap is not None and median_gap > options.gap_tolerance_days
    )
    return {
        **result,
        "suppressed": False,
        "south_median_days": _num(medians[0]),
        "north_median_days": _num(medians[1]),
        "median_gap_days": median_gap,
        "median_gap_ci": list(interval) if interval else None,
        "south_answered_within": float(1 - survival[0]),
        "north_answered_within": float(1 - survival[1]),
        "share_gap": share_gap,
        "share_gap_ci": [share_gap - half, share_gap + half],
        "alert": bool(alert),
    }


def _num(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None
