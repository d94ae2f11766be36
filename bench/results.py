"""Benchmark rows in one machine-readable file, ``bench/results.json``.

Each row names the stage, the message count, the workers, the store, seconds and peak RSS in
MB, and the cores the run could use (the benchmark's CPU affinity, which every process it
starts inherits: ``bench_end_to_end.py --cores 1`` is a run on one core); a new run replaces
the rows with the same (stage, messages, workers, store, cores).
"""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results.json"


def record(rows: list[dict[str, Any]], path: Path = RESULTS) -> None:
    data = json.loads(path.read_text()) if path.exists() else {"rows": []}
    when = datetime.now(UTC).isoformat(timespec="seconds")
    machine = f"{platform.machine()}, Python {platform.python_version()}"
    cores = len(os.sched_getaffinity(0))
    rows = [{**r, "cores": r.get("cores", cores)} for r in rows]
    keep = {row_key(r) for r in rows}
    data["rows"] = [r for r in data["rows"] if row_key(r) not in keep] + [
        {**r, "measured_at": when, "machine": machine} for r in rows
    ]
    path.write_text(json.dumps(data, indent=2) + "\n")


def row_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """What a row measures: a new row replaces an old one with the same key."""
    return (row["stage"], row["messages"], row["workers"], row["store"], row.get("cores"))
