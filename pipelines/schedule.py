"""Scheduled batch runs: a deployment of ``triage_batch`` on a cron schedule, one at a time.

Served by ``triage schedule``; with ``--start-server`` the same command starts a Prefect server
on loopback first. The SLA watch is served beside it; metrics and retraining join the same
``serve`` call.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import Any

DEPLOYMENT_NAME = "scheduled"


def batch_deployment(cron: str, sources: Sequence[str]) -> Any:
    from pipelines.task_runners import task_runner
    from pipelines.triage_batch import triage_batch
    from triage.settings import get_settings

    runner = task_runner(get_settings())
    return triage_batch.with_options(task_runner=runner).to_deployment(
        name=DEPLOYMENT_NAME,
        cron=cron,
        concurrency_limit=1,
        parameters={"sources": list(sources)},
        description="Ingest, classify and route every configured source.",
        tags=["triage"],
    )


def sla_watch_deployment(cron: str) -> Any:
    from pipelines.sla_watch import sla_watch

    return sla_watch.to_deployment(
        name=DEPLOYMENT_NAME,
        cron=cron,
        concurrency_limit=1,
        description="Notify owners, backups and leads of deadlines at risk or breached.",
        tags=["triage"],
    )


def metrics_deployment(cron: str, days: int = 7) -> Any:
    from pipelines.metrics import metrics

    return metrics.to_deployment(
        name=DEPLOYMENT_NAME,
        cron=cron,
        concurrency_limit=1,
        parameters={"days": days},
        description="Weekly response-time report (HTML, PDF) and the Global South gap alert.",
        tags=["triage"],
    )


def retention_deployment(cron: str = "30 2 * * *") -> Any:
    from pipelines.retention import retention

    return retention.to_deployment(
        name=DEPLOYMENT_NAME,
        cron=cron,
        concurrency_limit=1,
        description="Daily: seal confidential text, warn owners, delete text past retention.",
        tags=["triage"],
    )


def wait_for_port(host: str, port: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex((host, port)) == 0:
                return True
        time.sleep(0.5)
    return False


def free_port() -> int:
    """A TCP port nothing listens on now, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int) -> subprocess.Popen[bytes]:
    """A Prefect server on 127.0.0.1 for this process and its runs."""
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_UI_ENABLED="false")
    process = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
         "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    if not wait_for_port("127.0.0.1", port, 120):
        process.terminate()
        raise RuntimeError(f"Prefect server did not start on 127.0.0.1:{port}")
    os.environ["PREFECT_API_URL"] = f"http://127.0.0.1:{port}/api"
    return process


def serve_schedule(
    cron: str,
    sources: Sequence[str],
    sla_cron: str = "*/10 * * * *",
    metrics_cron: str = "0 6 * * 1",
    retention_cron: str = "30 2 * * *",
) -> None:
    from prefect import serve

    serve(
        batch_deployment(cron, sources),
        sla_watch_deployment(sla_cron),
        metrics_deployment(metrics_cron),
        retention_deployment(retention_cron),
        limit=2,
    )
