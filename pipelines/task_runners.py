"""Which Prefect task runner runs the batch's chunks: in-process, or over a Dask cluster.

One worker (the default) runs the chunks one after another in this process: SQLite allows a
single writer and the classifier is CPU-bound (threads gain nothing under the GIL). More
workers, or a scheduler address, use prefect-dask's ``DaskTaskRunner``: a ``LocalCluster`` of
worker processes by default, any running scheduler by setting (``TRIAGE_DASK_ADDRESS``). Each
worker process opens its own database engine and loads the classifier once (both are cached
per process), and reads the same ``TRIAGE_*`` environment, so a remote worker must be started
with the same settings (the database URL above all).
"""

from __future__ import annotations

from typing import Any

from prefect.task_runners import ThreadPoolTaskRunner
from sqlalchemy.engine import make_url

from triage.settings import Settings


class SharedStoreRequired(RuntimeError):
    """Several workers write at once: they need PostgreSQL, not a SQLite file."""


def uses_dask(settings: Settings) -> bool:
    return bool(settings.dask_address) or settings.workers > 1


def task_runner(settings: Settings) -> Any:
    if not uses_dask(settings):
        return ThreadPoolTaskRunner(max_workers=1)
    if make_url(settings.database_url).get_backend_name() == "sqlite":
        raise SharedStoreRequired(
            "several Dask workers need a shared PostgreSQL store (TRIAGE_DATABASE_URL); "
            "SQLite runs with TRIAGE_WORKERS=1"
        )
    from prefect_dask import DaskTaskRunner

    without_diagnostics()
    if settings.dask_address:
        return DaskTaskRunner(address=settings.dask_address)
    return DaskTaskRunner(
        cluster_class="distributed.LocalCluster",
        cluster_kwargs={
            "n_workers": settings.workers,
            "threads_per_worker": settings.dask_threads,
            "processes": True,
            "dashboard_address": None,  # no web server nobody asked for
        },
    )


# Dask's diagnostics for a dashboard nobody here opens (and bokeh is not installed), each kept
# in memory; see ``without_diagnostics``.
QUIET_DASK = {
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.dashboard.tasks.task-stream-length": 100,
    "distributed.admin.log-length": 1000,
    "distributed.admin.low-level-log-length": 100,
    "distributed.diagnostics.computations.max-history": 10,
    "distributed.diagnostics.erred-tasks.max-history": 10,
}


def without_diagnostics() -> None:
    """Turn off what Dask keeps for its dashboard: bounded, but bounded far above what a batch
    needs, so memory grew for the first hour of a large run and was not flat.

    - Workers sample their own stacks every 10 ms for the profile view: each sample walks
      the task's deep stack (Prefect's engine, then triage) under the GIL and keeps what it
      saw. In a two-worker run on 100,000 messages it was most of the workers' Python memory
      growth (tracemalloc, 6.5 minutes after warm-up: 21-23 MB of each worker's 42-46 MB).
    - The scheduler (in the flow's process) keeps up to 100,000 task-stream records, and
      logs and histories of thousands of entries. A flow of chunk-shaped trivial tasks on two
      workers grew from 134 MB to 244 MB over 750 chunks with Dask's defaults and to 154 MB
      with these settings; shortening the task stream alone changed nothing (219 MB at 500
      chunks either way), so the logs and histories are what grew.

    The settings reach a ``LocalCluster``'s workers through their nannies; workers started by
    hand for ``TRIAGE_DASK_ADDRESS`` take them from the environment
    (``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False``, as the README says)."""
    import dask

    dask.config.set(QUIET_DASK)


def window(settings: Settings) -> int:
    """Chunks in flight at once: enough to keep every worker busy, few enough that the flow
    never holds more than a handful of chunks' ids."""
    return 2 * settings.workers * settings.dask_threads + 1
