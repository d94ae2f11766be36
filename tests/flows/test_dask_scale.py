"""Scale-out: the batch flow on a local Dask cluster of three worker processes, against the
real PostgreSQL server, stores and decides exactly what the in-process run does.

Row ids and processing times differ between the runs (workers insert in any order), so the
tables are compared by natural keys: message keys, the root message of each case.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import SAMPLES, new_postgres_database
from triage.services.bench_data import write_bench_data

pytestmark = pytest.mark.slow

SNAPSHOT = {
    "messages": """
        SELECT m.key, m.stage, m.source, m.received_at, m.subject, m.sender_address,
               m.in_reply_to, r.key AS case_root
        FROM messages m LEFT JOIN cases c ON c.id = m.case_id
        LEFT JOIN messages r ON r.id = c.root_message_id ORDER BY m.key""",
    "labels": """
        SELECT m.key, l.language, l.rights_issue::text, l.challenge::text, l.countries::text,
               l.sender_country, l.regions::text, l.global_south, l.priority, l.kind,
               l.needs_review, l.review_reasons::text, l.model_version, l.taxonomy_version
        FROM classifications l JOIN messages m ON m.id = l.message_id ORDER BY m.key""",
    "cases": """
        SELECT r.key, c.status, c.owner, c.team, c.confidential, c.priority, c.kind, c.rule_id,
               c.opened_at, c.acknowledged_at, c.responded_at
        FROM cases c JOIN messages r ON r.id = c.root_message_id ORDER BY r.key""",
    "decisions": """
        SELECT r.key, d.owner, d.team, d.rule_id, d.explanation, d.rules_version,
               d.confidential, d.actor
        FROM routing_decisions d JOIN cases c ON c.id = d.case_id
        JOIN messages r ON r.id = c.root_message_id ORDER BY r.key, d.rule_id""",
    "deadlines": """
        SELECT r.key, d.kind, d.started_at, d.due_at, d.met_at, d.paused_at, d.calendar,
               d.policy
        FROM deadlines d JOIN cases c ON c.id = d.case_id
        JOIN messages r ON r.id = c.root_message_id ORDER BY r.key, d.kind""",
    "events": """
        SELECT m.key, e.kind, e.actor, count(*) FROM events e
        LEFT JOIN messages m ON m.id = e.message_id
        WHERE e.kind <> 'ingest_run' GROUP BY m.key, e.kind, e.actor
        ORDER BY m.key, e.kind, e.actor""",
    "outbox": """
        SELECT o.key, o.purpose, o.recipient, o.status FROM outbox o ORDER BY o.key""",
}


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """The tables as plain values: sealed text (confidential cases) is opened, since two runs
    seal the same text with different random IVs."""
    from triage.services.database import install_policy
    from triage.store import sealing
    from triage.store.database import make_engine

    install_policy()

    def plain(value: Any) -> Any:
        if isinstance(value, str) and sealing.is_sealed(value):
            token = value[len(sealing.PREFIX) :].encode("ascii")
            return sealing.sealer().open_token(token).decode("utf-8")
        return value

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {name: [tuple(plain(v) for v in r) for r in conn.execute(text(sql))]
                    for name, sql in SNAPSHOT.items()}  # fmt: skip
    finally:
        engine.dispose()


def test_three_dask_workers_on_postgres_decide_what_one_process_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, postgres_server: Any
) -> None:
    inbox = tmp_path / "inbox"
    write_bench_data(400, inbox, fmt="eml", seed=11, samples=SAMPLES)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect-home"))
    monkeypatch.setenv("TRIAGE_CHUNK_SIZE", "50")

    from pipelines import prefect_env

    prefect_env.configure()
    from prefect.testing.utilities import prefect_test_harness

    from pipelines.task_runners import SharedStoreRequired
    from pipelines.triage_batch import run_triage_batch
    from triage.services.database import engine_for
    from triage.settings import get_settings

    def run(url: str, workers: int) -> dict[str, int]:
        monkeypatch.setenv("TRIAGE_DATABASE_URL", url)
        monkeypatch.setenv("TRIAGE_WORKERS", str(workers))
        get_settings.cache_clear()
        return run_triage_batch([str(inbox)])

    single_url = new_postgres_database(postgres_server)
    spread_url = new_postgres_database(postgres_server)
    with prefect_test_harness(server_startup_timeout=180):
        single = run(single_url, 1)
        spread = run(spread_url, 3)
        again = run(spread_url, 1)
        with pytest.raises(SharedStoreRequired):
            run(f"sqlite:///{tmp_path / 'one-writer.db'}", 2)
    engine_for.cache_clear()

    assert single["seen"] == 400
    assert single["seen"] == single["stored"] + single["duplicates"] + single["quarantined"]
    assert single["duplicates"] > 0 and single["quarantined"] == 0
    assert single["classified"] == single["routed"] == single["stored"]
    assert spread == single
    assert again["seen"] == again["stored"] == again["routed"] == 0
    one, three = snapshot(single_url), snapshot(spread_url)
    assert len(one["cases"]) > 80 and len(one["deadlines"]) == 3 * len(one["cases"])
    assert sum(1 for row in one["messages"] if row[7] and row[7] != row[0]) > 40  # joined
    for table in SNAPSHOT:
        assert three[table] == one[table], table


def test_a_dask_run_without_a_prefect_server_starts_one_for_all_its_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers are processes of their own: with no server configured, each would start a
    temporary Prefect server of its own. ``api_for_workers`` starts one, names it in the
    environment the workers inherit, and stops it with the run; a configured server, or a
    run without Dask, is left alone."""
    import urllib.request

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect-home"))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    from pipelines import prefect_env

    prefect_env.configure()
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from pipelines.triage_batch import api_for_workers

    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        with api_for_workers(False):
            assert "PREFECT_API_URL" not in os.environ
        with api_for_workers(True):
            url = os.environ["PREFECT_API_URL"]
            assert PREFECT_API_URL.value() == url
            with urllib.request.urlopen(f"{url}/health", timeout=10) as answer:
                assert answer.status == 200
        assert "PREFECT_API_URL" not in os.environ
        with pytest.raises(OSError):  # stopped with the run
            urllib.request.urlopen(f"{url}/health", timeout=5)
    configured = temporary_settings({PREFECT_API_URL: "http://127.0.0.1:9/api"})
    with configured, api_for_workers(True):  # a configured server is used as it is
        assert "PREFECT_API_URL" not in os.environ


def test_a_local_cluster_keeps_no_dashboard_diagnostics(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The runner's settings reach worker processes (spawned, through their nannies): no
    10 ms stack sampling competes with the classifier for the GIL or keeps what it saw, and
    the scheduler keeps short histories."""
    import dask
    from distributed import Client, LocalCluster

    from pipelines.task_runners import task_runner
    from triage.settings import get_settings

    monkeypatch.setenv("TRIAGE_WORKERS", "2")
    monkeypatch.setenv("TRIAGE_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1/none")
    get_settings.cache_clear()
    with dask.config.set({"distributed.worker.profile.enabled": True}):
        task_runner(get_settings())
        with (
            LocalCluster(n_workers=1, processes=True, dashboard_address=None) as cluster,
            Client(cluster) as client,
        ):
            profiling = client.run(lambda dask_worker: "profile" in dask_worker.periodic_callbacks)
            logs = client.run(lambda: dask.config.get("distributed.admin.log-length"))
    assert list(profiling.values()) == [False]
    assert list(logs.values()) == [1000]  # Dask's default is 10,000
