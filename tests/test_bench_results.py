"""``bench/results.json`` rows: what a new measurement replaces, and the cores it ran on."""

from __future__ import annotations

import json
import os
from pathlib import Path

from bench.results import record


def _row(seconds: float, **extra: object) -> dict[str, object]:
    return {"stage": "end_to_end", "messages": 100, "workers": 1, "store": "sqlite",
            "seconds": seconds, **extra}  # fmt: skip


def _rows(path: Path) -> list[dict[str, object]]:
    return json.loads(path.read_text())["rows"]  # type: ignore[no-any-return]


def test_a_run_on_one_core_and_one_on_two_are_kept_side_by_side(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    record([_row(9.0, cores=1)], path)
    record([_row(5.0, cores=2)], path)
    record([_row(4.0, cores=1)], path)  # a new measurement of the same thing replaces it
    assert sorted((r["cores"], r["seconds"]) for r in _rows(path)) == [(1, 4.0), (2, 5.0)]
    assert all(r["measured_at"] and r["machine"] for r in _rows(path))


def test_a_row_without_cores_names_the_cpus_this_process_may_use(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    record([_row(5.0)], path)
    assert [r["cores"] for r in _rows(path)] == [len(os.sched_getaffinity(0))]
