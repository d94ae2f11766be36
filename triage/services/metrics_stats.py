"""Group statistics over per-case measures, with small groups suppressed.

Every figure for a group comes from the same rows: counts and rates, Kaplan–Meier medians and
90th percentiles of time to response (open cases censored), the share answered within N days
(1 - S(N)) and SLA met rates. Groups with fewer cases than ``min_group`` never appear: they
are merged into one "other groups" row when that row is itself large enough, and dropped
otherwise, so that no single defender can be picked out of a table, a trend or an export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from triage.services.survival import kaplan_meier

LIST_DIMENSIONS = ("rights_issue", "challenge")
DIMENSIONS = (
    "global_south", "region", "sub_region", "country", "language", "rights_issue", "challenge",
    "kind", "priority", "owner", "team", "channel", "week", "month",
)  # fmt: skip
OTHER = "other groups (each below the minimum)"


@dataclass(frozen=True)
class MetricsOptions:
    """The knobs of a metrics run (from settings; tests pass their own)."""

    min_group: int = 5
    within_days: float = 7.0
    gap_tolerance_days: float = 1.0
    gap_tolerance_share: float = 0.10
    bootstrap: int = 200
    seed: int = 20261129


def with_periods(measures: pd.DataFrame) -> pd.DataFrame:
    """Add ``week`` (its Monday, ISO date) and ``month`` (YYYY-MM) of opening, in UTC."""
    out = measures.copy()
    opened = pd.to_datetime(out["opened_at"], utc=True).dt.tz_convert(None)
    monday = opened.dt.normalize() - pd.to_timedelta(opened.dt.weekday, unit="D")
    out["week"] = monday.dt.strftime("%Y-%m-%d")
    out["month"] = opened.dt.strftime("%Y-%m")
    return out


def group_table(
    measures: pd.DataFrame, by: Sequence[str], options: MetricsOptions
) -> tuple[pd.DataFrame, int]:
    """One row per group of ``by`` (empty: one row for all cases); and how many groups were
    suppressed. A case with several rights issues (or challenges) counts in each of them."""
    frame = measures
    for dim in by:
        if dim not in DIMENSIONS:
            raise ValueError(f"unknown breakdown {dim!r}; one of {', '.join(DIMENSIONS)}")
        if dim in ("week", "month") and dim not in frame:
            frame = with_periods(frame)
        if dim in LIST_DIMENSIONS:
            frame = frame.explode(dim, ignore_index=True)
    if by:
        keys = frame[list(by)].astype(str)
        codes, labels = _factorize(keys)
    else:
        codes = np.zeros(len(frame), dtype=np.int64)
        labels = pd.DataFrame(index=range(1))
    sizes = np.bincount(codes, minlength=len(labels))
    small = sizes < options.min_group
    suppressed = int(small.sum()) if by else 0
    if by and small.any():
        merged = np.flatnonzero(small)
        other = len(labels)
        codes = np.where(np.isin(codes, merged), other, codes)
        labels = pd.concat(
            [labels, pd.DataFrame([{dim: OTHER for dim in by}])], ignore_index=True
        )
    table = _statistics(frame, codes, len(labels), options)
    for dim in reversed(list(by)):
        table.insert(0, dim, labels[dim].to_numpy())
    table = table[table["cases"] >= options.min_group]
    if by:
        table = table.sort_values(list(by), key=lambda s: s.eq(OTHER).astype(int).astype(str) + s)
    return table.reset_index(drop=True), suppressed


def _factorize(keys: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    if keys.shape[1] == 1:
        codes, uniques = pd.factorize(keys.iloc[:, 0], sort=True)
        return codes.astype(np.int64), pd.DataFrame({keys.columns[0]: uniques})
    grouped = keys.groupby(list(keys.columns), sort=True)
    codes = grouped.ngroup().to_numpy().astype(np.int64)
    labels = pd.DataFrame(list(grouped.groups.keys()), columns=list(keys.columns))
    return codes, labels


def _statistics(
    frame: pd.DataFrame, codes: np.ndarray, n: int, options: MetricsOptions
) -> pd.DataFrame:
    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(codes, weights=mask.astype(np.float64), minlength=n).astype(np.int64)

    cases = np.bincount(codes, minlength=n)
    out = pd.DataFrame({"cases": cases})
    for step, name in (("acknowledge", "acknowledged"), ("respond", "responded"),
                       ("close_loop", "loop_closed")):  # fmt: skip
        out[name] = count(frame[f"done_{step}"].to_numpy())
    out["open"] = count(frame["open"].to_numpy())
    with np.errstate(divide="ignore", invalid="ignore"):
        out["response_rate"] = out["responded"] / out["cases"]
        out["acknowledge_rate"] = out["acknowledged"] / out["cases"]
        out["close_loop_rate"] = out["loop_closed"] / out["cases"]
    respond = kaplan_meier(codes, frame["days_respond"].to_numpy(),
                           frame["done_respond"].to_numpy(), n)  # fmt: skip
    out["median_days"] = respond.quantile(0.5)
    out["p90_days"] = respond.quantile(0.9)
    survival, _var = respond.at(options.within_days)
    out["answered_within_days"] = 1.0 - survival
    business = kaplan_meier(codes, frame["bhours_respond"].to_numpy(),
                            frame["done_respond"].to_numpy(), n)  # fmt: skip
    out["median_business_hours"] = business.quantile(0.5)
    out["p90_business_hours"] = business.quantile(0.9)
    acknowledge = kaplan_meier(codes, frame["days_acknowledge"].to_numpy(),
                               frame["done_acknowledge"].to_numpy(), n)  # fmt: skip
    out["median_days_to_acknowledge"] = acknowledge.quantile(0.5)
    for step in ("acknowledge", "respond", "close_loop"):
        state = frame[f"sla_{step}"].to_numpy()
        met, breached = count(state == "met"), count(state == "breached")
        out[f"sla_{step}_met"] = met
        out[f"sla_{step}_breached"] = breached
        with np.errstate(divide="ignore", invalid="ignore"):
            out[f"sla_{step}_met_rate"] = np.where(met + breached > 0, met / (met + breached),
                                                   np.nan)  # fmt: skip
    return out


def south_north_gap(measures: pd.DataFrame, options: MetricsOptions) -> dict[str, object]:
    """The Global South - North gap in median time to response (bootstrap interval) and in the
    share answered within N days (Greenwood interval), and whether it breaks the tolerance."""
    from triage.services.survival import median_gap_bootstrap

    side = measures["global_south"].to_numpy()
    south, north = side == "South", side == "North"
    sizes = {"south_cases": int(south.sum()), "north_cases": int(north.sum())}
    result: dict[str, object] = {**sizes, "within_days": options.within_days,
                                 "tolerance_days": options.gap_tolerance_days,
                                 "tolerance_share": options.gap_tolerance_share}  # fmt: skip
    if min(sizes.values()) < options.min_group:
        return {**result, "suppressed": True, "alert": False}
    codes = np.where(south, 0, np.where(north, 1, -1))
    time, event = measures["days_respond"].to_numpy(), measures["done_respond"].to_numpy()
    curves = kaplan_meier(codes, time, event, 2)
    medians = curves.quantile(0.5)
    survival, variance = curves.at(options.within_days)
    share_gap = float(survival[0] - survival[1])  # North's share answered minus South's
    half = 1.959964 * float(np.sqrt(variance.sum()))
    median_gap = float(medians[0] - medians[1]) if np.isfinite(medians).all() else None
    interval = median_gap_bootstrap(
        time[south], event[south], time[north], event[north],
        resamples=options.bootstrap, seed=options.seed, grid=1 / 96,
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
