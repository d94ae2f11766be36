"""CSV exports neutralise formula injection: a cell a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@``, tab, CR) is written as text with a leading ``'``; numbers stay
numbers. The only CSV triage writes is the metrics table (``triage metrics --export``)."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

from tests.security.hostile_catalogue import CSV_PAYLOADS
from tests.services.test_metrics_store import AS_OF, OPENED, seed
from triage.services.metrics import compute_metrics
from triage.services.metrics_export import export_table
from triage.services.metrics_stats import MetricsOptions


def test_metrics_csv_export_neutralises_formulas(sqlite_url: str, tmp_path: Path) -> None:
    hostile = CSV_PAYLOADS[0]  # an owner id as it might be typed into a routing file
    seed(sqlite_url, [(hostile, "South", d) for d in (1, 2, 3, 4, 5)]
         + [("lena.fischer", "North", d) for d in (1, 1, 1, 2, 2)])  # fmt: skip
    result = compute_metrics(OPENED - timedelta(days=1), OPENED + timedelta(days=1), by=["owner"],
                             as_of=AS_OF, database_url=sqlite_url,
                             options=MetricsOptions(bootstrap=0))  # fmt: skip
    assert hostile in result.table["owner"].tolist()  # positive control: the value is there
    path = export_table(result, tmp_path / "metrics.csv")
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    owners = [row["owner"] for row in rows]
    assert owners == ["'" + hostile, "lena.fischer"]
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), value
            if value.startswith("-"):
                float(value)  # a negative number, never a formula
    assert float(rows[0]["response_rate"]) == 1.0  # numbers are written as numbers
    # Parquet keeps the value exactly: it is data, not a spreadsheet.
    parquet = export_table(result, tmp_path / "metrics.parquet")
    import pandas as pd

    assert pd.read_parquet(parquet)["owner"].tolist()[0] == hostile
