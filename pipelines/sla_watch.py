"""The SLA watch as a Prefect flow: queue escalation notices, then deliver the outbox.

Two tasks, ids and counts only; rerunning after a crash is safe because queueing is keyed and
delivery is recorded inside the SMTP transaction (``triage.notify.smtp_outbox``).
"""

from __future__ import annotations

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from pipelines.task_errors import scrubbed
from triage.services.sla_watch import deliver_pending, queue_notices

TASK_OPTIONS = {"persist_result": False, "cache_policy": NO_CACHE, "log_prints": False}


@task(name="queue_notices", **TASK_OPTIONS)
@scrubbed
def queue_task() -> dict[str, int]:
    return queue_notices()


@task(name="deliver_outbox", **TASK_OPTIONS)
@scrubbed
def deliver_task() -> dict[str, int]:
    return deliver_pending()


@flow(name="sla_watch", persist_result=False, log_prints=False)
def sla_watch() -> dict[str, int]:
    queued = queue_task()
    delivered = deliver_task()
    return {**queued, **delivered}
