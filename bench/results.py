"""Benchmark rows in one machine-readable file, ``bench/results.json``.

Each row names the stage, the message count, the workers, the store, seconds and peak RSS in
MB; a new run replaces the rows with the same (stage, messages, workers, store).
"""

from __future__ import annotations

import json
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results.json"


def record(rows: list[dict[str, Any]], path: Path = RESULTS) -> None:
    data = json.loads(path.read_text()) if path.exists() else {"rows": []}
    when = datetime.now(UTC).isoformat(timespec="seconds")
    machine = f"{platform.machine()}, Python {platform.python_version()}"
    keep = {(r["stage"], r["messages"], r["workers"], r["store"]) for r in rows}
    data["rows"] = [
        r for r in data["rows"] if (r["stage"], r["messages"], r["workers"], r["store"]) not in keep
    ] + [{**r, "measured_at": when, "machine": machine} for r in rows]
    path.write_text(json.dumps(data, indent=2) + "\n")
