"""The weekly metrics flow: one task writes the period's report and raises the gap alert.

Parameters are a date and a number of days; the result is counts, flags and file names.
"""

from __future__ import annotations

from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from pipelines.task_errors import scrubbed
from triage.services.metrics_run import run_metrics_report

TASK_OPTIONS = {"persist_result": False, "cache_policy": NO_CACHE, "log_prints": False}


@task(name="metrics_report", **TASK_OPTIONS)
@scrubbed
def report_task(until: str | None, days: int) -> dict[str, Any]:
    return run_metrics_report(until, days)


@flow(name="metrics", persist_result=False, log_prints=False)
def metrics(until: str | None = None, days: int = 7) -> dict[str, Any]:
    """Cases opened in the ``days`` before ``until`` (ISO date; default: this week's Monday)."""
    return report_task(until, days)
