"""The weekly metrics flow under prefect_test_harness: report written, alert raised once,
nothing of the messages in the report, Prefect's database or its logs.

Named to run after test_schedule.py: once a test harness has run in the process, Prefect no
longer picks up the PREFECT_API_URL that test's own server sets.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.security.test_leak_canary import files_under, hits
from tests.services.test_metrics_store import seed

pytestmark = pytest.mark.slow


def test_metrics_flow_writes_the_report_and_alerts_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    marker = "CANARY" + uuid.uuid4().hex.upper()
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    seed(url, [("amina.yusuf", "South", d) for d in (1, 2, 5, None, None)]
         + [("lena.fischer", "North", d) for d in (1, 1, 1, 2, 2)], text=marker)  # fmt: skip
    reports = tmp_path / "reports"
    prefect_home = tmp_path / "prefect-home"
    monkeypatch.setenv("TRIAGE_DATABASE_URL", url)
    monkeypatch.setenv("TRIAGE_METRICS_REPORT_DIR", str(reports))
    monkeypatch.setenv("TRIAGE_METRICS_ALERT_TO", "lena.fischer")
    monkeypatch.setenv("TRIAGE_METRICS_BOOTSTRAP", "50")
    monkeypatch.setenv("PREFECT_HOME", str(prefect_home))
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "DEBUG")
    from pipelines import prefect_env

    prefect_env.configure()
    import prefect.settings
    from prefect.testing.utilities import prefect_test_harness

    from pipelines.metrics import metrics
    from triage.services.database import engine_for
    from triage.services.metrics_run import gap_alerts
    from triage.store.tables import OutboxRow

    caplog.set_level("DEBUG")
    with prefect_test_harness(server_startup_timeout=180):
        prefect_db = Path(
            prefect.settings.PREFECT_SERVER_DATABASE_CONNECTION_URL.value().split(":///", 1)[1]
        )
        first = metrics(until="2026-11-09", days=7)
        second = metrics(until="2026-11-09", days=7)
    assert first["cases"] == 10 and first["alert"] is True and first["new_alert"] is True
    assert second["alert"] is True and second["new_alert"] is False
    assert first["html"] == "metrics-2026-11-02..2026-11-09.html"
    html = (reports / first["html"]).read_text()
    assert "Between 2 November 2026 and 8 November 2026 we received 10 new cases" in html
    alerts = gap_alerts(url)
    assert len(alerts) == 1 and alerts[0]["period"] == "2026-11-02..2026-11-09"
    assert alerts[0]["median_gap_days"] == 4
    with Session(engine_for(url)) as session:
        notices = session.scalars(select(OutboxRow).where(OutboxRow.purpose == "metrics_alert"))
        assert [(n.recipient, n.status) for n in notices] == [("lena.fischer", "pending")]
    engine_for.cache_clear()

    blobs = {**files_under(prefect_db.parent), **files_under(prefect_home), **files_under(reports)}
    blobs["caplog"] = caplog.text.encode()
    assert any(name.endswith(".html") for name in blobs)
    assert hits(marker, blobs) == []
    own = {str(p): p.read_bytes() for p in tmp_path.glob("triage.db*")}
    assert hits(marker, own), "the search should find the marker in triage's own store"


def test_metrics_deployment_is_weekly_with_dates_only() -> None:
    from pipelines import prefect_env

    prefect_env.configure()
    from pipelines.schedule import metrics_deployment

    deployment = metrics_deployment("0 6 * * 1")
    assert [s.schedule.cron for s in deployment.schedules] == ["0 6 * * 1"]
    assert deployment.parameters == {"days": 7}
    assert deployment.concurrency_limit == 1
