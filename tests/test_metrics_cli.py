"""`triage metrics`: a table, the same figures as JSON, exports and the report from the CLI."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pandas as pd

from tests.services.test_metrics_store import AS_OF, OPENED, seed
from tests.test_cli import triage


def test_metrics_command_table_json_export_and_report(sqlite_url: str, tmp_path: Path) -> None:
    seed(sqlite_url, [("amina.yusuf", "South", d) for d in (1, 2, 5, None, None)]
         + [("lena.fischer", "North", d) for d in (1, 1, 1, 2, 2)])  # fmt: skip
    period = ["--since", (OPENED - timedelta(days=1)).date().isoformat(),
              "--until", (OPENED + timedelta(days=1)).date().isoformat(),
              "--as-of", AS_OF.isoformat(), "--database", sqlite_url]  # fmt: skip
    env = {"COLUMNS": "200", "TRIAGE_METRICS_BOOTSTRAP": "50"}
    shown = triage("metrics", *period, "--by", "global_south", env=env)
    assert shown.returncode == 0, shown.stderr
    assert "global_south" in shown.stdout and "South" in shown.stdout
    assert "Global South – North gap: median +4.00 days" in shown.stdout
    as_json = triage("metrics", *period, "--by", "global_south", "--json", env=env)
    assert as_json.returncode == 0, as_json.stderr
    figures = json.loads(as_json.stdout)
    groups = {g["global_south"]: g for g in figures["groups"]}
    assert groups["South"]["median_days"] == 5 and groups["North"]["median_days"] == 1
    assert groups["South"]["response_rate"] == 0.6 and figures["gap"]["alert"] is True
    out = tmp_path / "m.parquet"
    report = tmp_path / "r.html"
    written = triage("metrics", *period, "--by", "owner", "--export", str(out),
                     "--report", str(report), "--json", env=env)  # fmt: skip
    assert written.returncode == 0, written.stderr
    assert pd.read_parquet(out)["owner"].tolist() == ["amina.yusuf", "lena.fischer"]
    assert "we received 10 new cases" in report.read_text()
    bad = triage("metrics", *period, "--by", "shoe_size", env=env)
    assert bad.returncode != 0 and "unknown breakdown" in bad.stderr + bad.stdout
