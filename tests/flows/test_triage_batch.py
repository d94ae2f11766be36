"""The Prefect flow end to end under prefect_test_harness, and the leak canary.

A unique marker is planted in subjects, bodies, sender names and addresses, a form row and a
quarantined item; after the run, Prefect's database (with its WAL), Prefect's home folder,
the captured logs and the console output must not contain it. The positive control finds it
in triage's own database with the same search, so a search that cannot find is caught.
"""

from __future__ import annotations

import base64
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


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def hits(marker: str, blobs: dict[str, bytes]) -> list[str]:
    needles = [marker.encode(), marker.lower().encode(), base64.b64encode(marker.encode())]
    return [name for name, blob in blobs.items() if any(n in blob for n in needles)]


def test_flow_ingests_classifies_routes_and_leaks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    marker = "CANARY" + uuid.uuid4().hex.upper()
    inbox = tmp_path / "inbox"
    plant(inbox, marker)
    triage_db = tmp_path / "triage.db"
    prefect_home = tmp_path / "prefect-home"
    monkeypatch.setenv("TRIAGE_DATABASE_URL", f"sqlite:///{triage_db}")
    monkeypatch.setenv("PREFECT_HOME", str(prefect_home))
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "DEBUG")  # the canary must survive debug logs

    from pipelines import prefect_env

    prefect_env.configure()
    import prefect.settings
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

    caplog.set_level("DEBUG")
    with prefect_test_harness(server_startup_timeout=180):
        prefect_db = Path(
            prefect.settings.PREFECT_SERVER_DATABASE_CONNECTION_URL.value().split(":///", 1)[1]
        )
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

    out, err = capfd.readouterr()
    blobs = {str(p): p.read_bytes() for p in files_under(prefect_db.parent)}
    blobs.update({str(p): p.read_bytes() for p in files_under(prefect_home)})
    assert any(name.endswith("prefect-test.db") for name in blobs)
    blobs["caplog"] = caplog.text.encode()
    blobs["stdout"] = out.encode()
    blobs["stderr"] = err.encode()
    assert hits(marker, blobs) == []

    # Positive control: the same search finds the marker where it belongs.
    own = {str(p): p.read_bytes() for p in tmp_path.glob("triage.db*")}
    assert hits(marker, own), "the search should find the marker in triage's own store"
