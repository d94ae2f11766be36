"""Retention as a Prefect flow, daily: seal what must be sealed, warn, purge, deliver.

No parameters and counts-only results: the flow never sees an id of a sender or any text.
Each task wraps one service call (see ``triage.services.retention``).
"""

from __future__ import annotations

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from triage.services.retention import run_retention
from triage.services.sla_watch import deliver_pending
from triage.services.vault import seal_all

TASK_OPTIONS = {"persist_result": False, "cache_policy": NO_CACHE, "log_prints": False}


@task(name="seal_sweep", **TASK_OPTIONS)
def seal_task() -> dict[str, int]:
    return seal_all()


@task(name="retention_purge", **TASK_OPTIONS)
def purge_task() -> dict[str, int | str | bool]:
    return run_retention(apply=True).counts()


@task(name="deliver_outbox", **TASK_OPTIONS)
def deliver_task() -> dict[str, int]:
    return deliver_pending()


@flow(name="retention", persist_result=False, log_prints=False)
def retention() -> dict[str, int | str | bool]:
    sealed = seal_task()
    purged = purge_task()
    delivered = deliver_task()
    return {**sealed, **purged, **{f"outbox_{k}": v for k, v in delivered.items()}}
