"""`triage audit`, `triage retention` and `triage vault` from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.fernet import Fernet

from tests.conftest import ROOT
from tests.web.staff import PASSWORD, case_ids, eml, ingest
from triage.services.case_view import case_detail
from triage.services.users import add_user


def triage(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from pipelines.cli import main; main()", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env=env or dict(os.environ))  # fmt: skip


def test_audit_retention_and_vault_commands(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    db = ["--database", url]
    ingest(url, tmp_path / "inbox", {"one": eml(datetime.now(UTC) - timedelta(hours=1),
                                                 "one@example.org", "A <a@example.org>",
                                                 "A question", "Where is the report?")})
    case_id = case_ids(url)["one"]
    admin = add_user("admin.one", PASSWORD, "admin", database_url=url)
    case_detail(case_id, admin, database_url=url)

    audit = triage("audit", "--case", str(case_id), "--json", *db)
    assert audit.returncode == 0, audit.stderr
    assert [(r["actor"], r["view"]) for r in json.loads(audit.stdout)] == [
        ("admin.one", "case_page")]  # fmt: skip

    later = (datetime.now(UTC) + timedelta(days=400)).isoformat()
    dry = triage("retention", "--dry-run", "--json", "--now", later, *db)
    assert dry.returncode == 0, dry.stderr
    counts = json.loads(dry.stdout)
    assert counts["applied"] is False and counts["cases_purged"] == 0  # still open: kept

    key = triage("vault", "keygen")
    assert key.returncode == 0 and Fernet(key.stdout.strip().encode())
    env = {k: v for k, v in os.environ.items() if k != "TRIAGE_DATA_KEY"}
    refused = triage("vault", "seal", *db, env={**env, "TRIAGE_ENCRYPT_ALL": "true"})
    assert refused.returncode != 0 and "TRIAGE_DATA_KEY is not set" in refused.stderr
    sealed = triage("vault", "seal", *db, env={**os.environ, "TRIAGE_ENCRYPT_ALL": "true"})
    assert sealed.returncode == 0, sealed.stderr
    assert json.loads(sealed.stdout)["messages_sealed"] == 1
    assert b"Where is the report?" not in (tmp_path / "triage.db").read_bytes()
