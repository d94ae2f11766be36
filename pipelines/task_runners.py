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

    without_profiler()
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


def without_profiler() -> None:
    """Dask workers sample their own stacks every 10 ms for the dashboard's profile, which
    nobody here looks at: each sample walks the task's deep stack (Prefect's engine, then
    triage) under the GIL and keeps what it saw. In a two-worker run on 100,000 messages it
    was most of the workers' Python memory growth (tracemalloc, 6.5 minutes after warm-up:
    21-23 MB of each worker's 42-46 MB). The setting reaches the ``LocalCluster``'s workers through
    their nannies; workers started by hand for ``TRIAGE_DASK_ADDRESS`` take it from
    ``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False``."""
    import dask

    dask.config.set({"distributed.worker.profile.enabled": False})


def window(settings: Settings) -> int:
    """Chunks in flight at once: enough to keep every worker busy, few enough that the flow
    never holds more than a handful of chunks' ids."""
    return 2 * settings.workers * settings.dask_threads + 1
