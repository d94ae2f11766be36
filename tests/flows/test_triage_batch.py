"""The Prefect flows end to end under prefect_test_harness: the batch over every sample is
idempotent, the SLA watch queues without SMTP, and training learns from a staff label.

The leak canary that searches Prefect's database, logs, console and temporary files for a
marker planted in messages lives in ``tests/security/test_leak_canary.py``.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow


def plant(folder: Path, marker: str) -> None:
    folder.mkdir(parents=True)
    (folder / "canary.eml").write_text(
        f"From: {marker} <{marker.lower()}@example.org>\r\n"
        f"To: humanrights@example-platform.com\r\n"
        f"Subject: Internet shutdown {marker}\r\n"
        f"Message-ID: <{marker}@example.org>\r\n\r\n"
        f"Journalists were detained in Khartoum, Sudan. {marker}\r\n",
        encoding="utf-8",
    )
    (folder / "broken.eml").write_text(f"no headers at all {marker}\r\n", encoding="utf-8")
    (folder / "form.csv").write_text(
        "submission_id,submitted_at,name,email,organisation,country,subject,message\n"
        f"c1,2026-11-02T10:00:00Z,{marker},x@example.org,{marker} Org,Kenya,{marker},"
        f"Internet cut in Nairobi {marker}\n",
        encoding="utf-8",
    )


def test_flow_ingests_classifies_routes_and_reruns_idempotently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = "CANARY" + uuid.uuid4().hex.upper()
    inbox = tmp_path / "inbox"
    plant(inbox, marker)
    triage_db = tmp_path / "triage.db"
    prefect_home = tmp_path / "prefect-home"
    monkeypatch.setenv("TRIAGE_DATABASE_URL", f"sqlite:///{triage_db}")
    monkeypatch.setenv("PREFECT_HOME", str(prefect_home))

    from pipelines import prefect_env

    prefect_env.configure()
    from prefect.testing.utilities import prefect_test_harness
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from pipelines.sla_watch import sla_watch
    from pipelines.train_model import train_model
    from pipelines.triage_batch import triage_batch
    from triage.services.correct_labels import correct_labels
    from triage.services.database import engine_for
    from triage.services.train import staff_examples
    from triage.settings import get_settings
    from triage.store.tables import CaseRow, MessageRow

    with prefect_test_harness(server_startup_timeout=180):
        first = triage_batch(sources=[str(inbox), str(SAMPLES)])
        second = triage_batch(sources=[str(inbox), str(SAMPLES)])
        watch = sla_watch()  # no SMTP host: notices and acknowledgements wait in the outbox
        # A reviewer confirms the canary's labels; the training flow then learns from it.
        with Session(engine_for(f"sqlite:///{triage_db}")) as session:
            canary_case = session.scalar(
                select(CaseRow.id)
                .join(MessageRow, MessageRow.id == CaseRow.root_message_id)
                .where(MessageRow.subject.contains(marker))
            )
        correct_labels(canary_case, actor="reviewer", rights_issue=["shutdowns", "hrd_safety"])
        monkeypatch.setenv("TRIAGE_MODELS_DIR", str(tmp_path / "models"))
        get_settings.cache_clear()
        trained = train_model(labels=str(SAMPLES / "gold.jsonl"), version="flow", staff=True)
    engine_for.cache_clear()

    assert first["seen"] == first["stored"] + first["quarantined"] + first["duplicates"]
    assert first["quarantined"] >= 1
    assert first["stored"] >= 300
    assert first["classified"] == first["stored"]
    assert first["routed"] == first["stored"]
    assert second["stored"] == 0 and second["classified"] == 0 and second["routed"] == 0
    assert second["seen"] == 0  # every file was read before: none is parsed again
    assert watch["sent"] == 0 and watch["waiting"] >= watch["queued"] > 0
    assert trained["training_rows"]["messages"] > 200 and trained["saved"] == "stacked"
    assert [e["labelled_by"] for e in staff_examples(f"sqlite:///{triage_db}")] == ["reviewer"]
    assert (tmp_path / "models" / "labels" / "flow" / "card.md").exists()
    assert not (tmp_path / "models" / "labels" / "promoted.json").exists()  # never promotes
