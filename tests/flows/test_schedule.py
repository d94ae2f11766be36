"""The scheduled deployment, registered with a real Prefect server started on loopback."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from tests.postgres_server import free_port

pytestmark = pytest.mark.slow


def test_scheduled_deployment_has_cron_concurrency_one_and_names_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect-home"))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    from pipelines import prefect_env

    prefect_env.configure()
    from pipelines.schedule import batch_deployment, sla_watch_deployment, start_server

    server = start_server(free_port())
    try:
        import prefect.settings
        from prefect.client.orchestration import get_client

        # The address start_server exported, not the settings' view of it: a settings
        # context left by an earlier test in this process would still say "ephemeral".
        api_url = os.environ["PREFECT_API_URL"]
        with prefect.settings.temporary_settings({prefect.settings.PREFECT_API_URL: api_url}):
            deployment = batch_deployment("*/15 * * * *", ["samples"])
            deployment_id = deployment.apply()
            watch_id = sla_watch_deployment("*/10 * * * *").apply()

            async def read(which):  # type: ignore[no-untyped-def]
                async with get_client() as client:
                    return await client.read_deployment(which)

            stored = asyncio.run(read(deployment_id))
            watch = asyncio.run(read(watch_id))
    finally:
        server.terminate()
        server.wait(timeout=60)
        monkeypatch.delenv("PREFECT_API_URL", raising=False)

    assert api_url.startswith("http://127.0.0.1:")
    assert stored.name == "scheduled"
    assert [s.schedule.cron for s in stored.schedules] == ["*/15 * * * *"]
    assert stored.global_concurrency_limit is not None
    assert stored.global_concurrency_limit.limit == 1
    assert stored.parameters == {"sources": ["samples"]}
    assert [s.schedule.cron for s in watch.schedules] == ["*/10 * * * *"]
    assert watch.global_concurrency_limit is not None
    assert watch.global_concurrency_limit.limit == 1
    assert watch.parameters == {}
