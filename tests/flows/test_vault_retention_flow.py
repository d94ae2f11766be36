"""The daily retention flow under prefect_test_harness: it warns, then purges, and neither
the marker a sender wrote nor any text reaches Prefect's database, its logs or the results.

Named to run after test_schedule.py (see test_weekly_metrics_flow.py).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from tests.security.test_leak_canary import files_under, hits
from tests.web.staff import PASSWORD, case_ids, eml, ingest


def test_retention_deployment_is_daily_without_parameters() -> None:
    from pipelines import prefect_env

    prefect_env.configure()
    from pipelines.schedule import retention_deployment

    deployment = retention_deployment("30 2 * * *")
    assert [s.schedule.cron for s in deployment.schedules] == ["30 2 * * *"]
    assert not deployment.parameters and deployment.concurrency_limit == 1


@pytest.mark.slow
def test_retention_flow_warns_then_purges_and_leaks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    marker = "CANARY" + uuid.uuid4().hex.upper()
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    long_ago = datetime.now(UTC) - timedelta(days=200)
    ingest(url, tmp_path / "inbox", {"old": eml(long_ago, "old@example.org",
                                                 "A <a@example.org>", f"Old {marker}",
                                                 f"Old letter {marker}")})  # fmt: skip
    from triage.services import case_actions as actions
    from triage.services.database import engine_for, session_scope
    from triage.services.users import add_user
    from triage.store.tables import CaseRow, MessageRow, OutboxRow

    admin = add_user("admin.one", PASSWORD, "admin", database_url=url)
    case_id = case_ids(url)["old"]
    actions.set_status(case_id, "closed", admin, database_url=url, now=long_ago)
    stored = {str(p): p.read_bytes() for p in tmp_path.glob("triage.db*")}
    assert hits(marker, stored), "positive control: the search finds the stored text"
    prefect_home = tmp_path / "prefect-home"
    monkeypatch.setenv("TRIAGE_DATABASE_URL", url)
    monkeypatch.setenv("PREFECT_HOME", str(prefect_home))
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "DEBUG")
    from triage.settings import get_settings

    get_settings.cache_clear()  # the flow finds the database through settings
    from pipelines import prefect_env

    prefect_env.configure()
    import prefect.settings
    from prefect.testing.utilities import prefect_test_harness

    from pipelines.retention import retention

    caplog.set_level("DEBUG")
    with prefect_test_harness(server_startup_timeout=180):
        prefect_db = Path(
            prefect.settings.PREFECT_SERVER_DATABASE_CONNECTION_URL.value().split(":///", 1)[1]
        )
        first = retention()
        assert (first["warned"], first["cases_purged"]) == (1, 0)  # warned before, always
        with session_scope(url) as session:  # the warning went out 8 days ago
            session.execute(update(OutboxRow).where(OutboxRow.case_id == case_id)
                            .values(created_at=datetime.now(UTC) - timedelta(days=8)))
        second = retention()
    assert (second["warned"], second["cases_purged"]) == (0, 1)
    with session_scope(url) as session:
        assert session.scalar(select(CaseRow.text_purged_at).where(CaseRow.id == case_id))
        assert session.scalar(select(MessageRow.subject)) == ""
    engine_for.cache_clear()

    blobs = files_under(prefect_db.parent)
    blobs.update(files_under(prefect_home))
    blobs.update({str(p): p.read_bytes() for p in tmp_path.glob("triage.db*")})
    blobs["caplog"] = caplog.text.encode()
    assert hits(marker, blobs) == []
