"""Write a metrics table to CSV or Parquet: the suppressed table, never per-case rows.

The export is the group table exactly as shown (small groups already removed), with the
period, the as-of instant and the suppression threshold on every row so that a file read
on its own still says what it counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from triage.atomic_files import write_bytes_atomic
from triage.services.metrics import MetricsResult


def export_frame(result: MetricsResult) -> pd.DataFrame:
    """The breakdown (or the overall row when there is none) with the run's context."""
    if result.by:
        table = result.table.copy()
    else:
        row = result.overall if "response_rate" in result.overall else {}
        table = pd.DataFrame([row]) if row else result.table.iloc[0:0].copy()
    table.insert(0, "since", result.since.isoformat())
    table.insert(1, "until", result.until.isoformat())
    table.insert(2, "as_of", result.as_of.isoformat())
    table.insert(3, "min_group", result.options.min_group)
    table["within_days"] = result.options.within_days
    return table


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...),
# =cmd|' /C calc'!A0): OWASP's CSV-injection advice is to make such a text cell start with '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, made plain text; numbers are
    left alone (a negative gap is a number, not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_table(result: MetricsResult, path: Path) -> Path:
    """Write ``path`` as .csv or .parquet (pyarrow); anything else is refused."""
    frame = export_frame(result)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame = frame.map(neutralise_cell)
        frame.columns = [neutralise_cell(str(c)) for c in frame.columns]
        data = frame.to_csv(index=False).encode("utf-8")
    elif suffix == ".parquet":
        data = frame.to_parquet(index=False, engine="pyarrow")
    else:
        raise ValueError(f"export to .csv or .parquet, not {suffix or 'no suffix'}")
    return write_bytes_atomic(path, data, "metrics_mid_write")  # never a half table
