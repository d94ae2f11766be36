"""Retention deletes a closed case's text everywhere, warns the owner once before, and
leaves the metrics exactly as they were.

A unique marker goes through the real pipeline (subject, sender name, body, HTML, attachment,
a note, an outcome summary, the acknowledgement) and into quarantine; the clock moves past
the policy; the SQLite file and its WAL are then searched as raw bytes. Positive control: the
marker is found before the purge, and a marker in a case still open is found after it.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select

from tests.web.staff import PASSWORD, case_ids, eml
from triage.config.files import ConfigFileError, load_retention
from triage.core.retention import parse_retention
from triage.services import case_actions as actions
from triage.services.case_view import case_detail
from triage.services.database import session_scope
from triage.services.metrics import compute_metrics
from triage.services.metrics_frame import load_cases
from triage.services.metrics_stats import MetricsOptions
from triage.services.retention import PURPOSE, run_retention
from triage.services.run_batch import run_batch
from triage.services.users import add_user
from triage.store.tables import CaseRow, MessageRow, OutboxRow, QuarantineRow


def hits(paths: list[Path], needle: str) -> int:
    return sum(p.read_bytes().count(needle.encode()) for p in paths if p.is_file())


def stored_files(root: Path, inbox: Path) -> list[Path]:
    """Everything triage wrote under ``root``: the database, its WAL, anything else; not the
    inbox (the mail source triage reads, which belongs to the mail server)."""
    return [p for p in root.rglob("*") if p.is_file() and inbox not in p.parents]


def metrics_now(url: str, since: datetime, until: datetime, as_of: datetime) -> tuple:
    options = MetricsOptions(min_group=1, within_days=7.0, gap_tolerance_days=1.0,
                             gap_tolerance_share=0.1, bootstrap=0, seed=1)  # fmt: skip
    frame = load_cases(since, until, url)
    result = compute_metrics(since, until, by=("channel",), as_of=as_of, database_url=url,
                             options=options)  # fmt: skip
    return frame, result.to_json()


def test_purge_leaves_no_text_and_the_same_metrics(tmp_path: Path) -> None:
    db = tmp_path / "triage.db"
    url = f"sqlite:///{db}"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    gone, kept = ("GONE" + uuid.uuid4().hex.upper(), "KEPT" + uuid.uuid4().hex.upper())
    start = datetime.now(UTC)
    (inbox / "gone.eml").write_bytes(eml(
        start - timedelta(hours=2), "gone@example.org", f"Sender {gone} <s@example.org>",
        f"Detained {gone}", f"A defender was detained; {gone} is what happened.",
        html=f"<p>{gone}</p>", attachment=(f"{gone}.txt", f"evidence {gone}\n".encode())))
    (inbox / "kept.eml").write_bytes(eml(
        start - timedelta(hours=1), "kept@example.org", "Other <o@example.org>",
        "Question about a report", f"Where is the transparency report? {kept}"))
    (inbox / "q.eml").write_bytes(f"not an e-mail at all {gone}\n".encode())
    run_batch([("inbox", inbox)], url)
    cases = case_ids(url)
    admin = add_user("admin.one", PASSWORD, "admin", database_url=url)
    closed = start + timedelta(hours=1)
    case_id = cases["gone"]
    actions.add_note(case_id, f"called back, {gone}", admin, database_url=url, now=closed)
    actions.record_outcome(case_id, "escalated", f"escalated {gone}", admin, database_url=url,
                           now=closed)  # fmt: skip
    actions.set_status(case_id, "closed", admin, database_url=url, now=closed)
    with session_scope(url) as session:
        case = session.get(CaseRow, case_id)
        assert case is not None and case.status == "closed"
        closed_at, owner = case.closed_at, case.owner
        assert session.scalar(select(QuarantineRow.reason)) == "not_an_email"
    assert closed_at is not None

    period = (start - timedelta(days=1), start + timedelta(days=1))
    as_of = closed_at + timedelta(days=120)
    before = metrics_now(url, *period, as_of)
    files = stored_files(tmp_path, inbox)
    assert hits(files, gone) > 0 and hits(files, kept) > 0  # positive control

    # 84 days after closing (7 before the 90): a warning, once, with no text in it.
    dry = run_retention(apply=False, database_url=url, now=closed_at + timedelta(days=84))
    assert (dry.warned, dry.cases_purged) == (1, 0)
    first = run_retention(apply=True, database_url=url, now=closed_at + timedelta(days=84))
    again = run_retention(apply=True, database_url=url, now=closed_at + timedelta(days=85))
    assert (first.warned, first.cases_purged, again.warned) == (1, 0, 0)
    assert first.quarantine_purged == 1  # quarantined bytes: 30 days
    with session_scope(url) as session:
        warnings = session.scalars(select(OutboxRow).where(OutboxRow.purpose == PURPOSE)).all()
        assert [(w.case_id, w.recipient) for w in warnings] == [(case_id, owner)]
        assert gone not in warnings[0].body and f"case {case_id}" in warnings[0].subject

    purged = run_retention(apply=True, database_url=url, now=closed_at + timedelta(days=91))
    assert purged.cases_purged == 1 and purged.purged_case_ids == [case_id]
    assert purged.messages_purged >= 1
    assert run_retention(apply=True, database_url=url,
                         now=closed_at + timedelta(days=92)).cases_purged == 0  # fmt: skip

    files = stored_files(tmp_path, inbox)
    assert hits(files, gone) == 0, [p.name for p in files if hits([p], gone)]
    assert hits(files, kept) > 0  # the open case is untouched
    after = metrics_now(url, *period, as_of)
    pd.testing.assert_frame_equal(before[0], after[0])
    assert before[1] == after[1]
    detail = case_detail(case_id, admin, database_url=url)
    assert detail.thread[0].get("new_text") == "" and detail.notes == []
    assert detail.outcomes[0]["category"] == "escalated"
    with session_scope(url) as session:
        message = session.get(MessageRow, detail.case["root_message_id"])
        assert message is not None and message.raw == b"" and message.text_purged_at is not None


def test_policy_file_is_validated_at_load(tmp_path: Path) -> None:
    policy = load_retention()
    assert policy.days_for("email", "closed") == 90
    assert policy.days_for("form", "open") is None  # open cases are kept
    specific = parse_retention({"version": "t", "rules": [
        {"channel": "*", "status": "closed", "days": 90},
        {"channel": "form", "status": "closed", "days": 30}]})  # fmt: skip
    assert specific.days_for("form", "closed") == 30 and specific.days_for("email", "closed") == 90
    for bad in ({"version": "t", "rules": [{"channel": "fax", "status": "closed", "days": 1}]},
                {"version": "t", "rules": [{"channel": "*", "status": "closed", "days": -1}]},
                {"version": "t", "rules": [], "keep_forever": True},
                {"rules": []}):  # fmt: skip
        with pytest.raises(ValueError):
            parse_retention(bad)
    broken = tmp_path / "retention.yaml"
    broken.write_text("version: x\nrules:\n  - {channel: '*', status: shut, days: 3}\n")
    with pytest.raises(ConfigFileError, match=r"retention\.yaml"):
        load_retention(broken)
