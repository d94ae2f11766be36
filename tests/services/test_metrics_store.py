"""Metrics read from a real store (SQLite and PostgreSQL): bulk load, figures, no text out."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy.orm import Session

from triage.services.database import engine_for
from triage.services.metrics import compute_metrics
from triage.services.metrics_export import export_table
from triage.store.tables import CaseRow, ClassificationRow, DeadlineRow, MessageRow

OPENED = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)  # Monday 09:00 in Berlin
AS_OF = OPENED + timedelta(days=20)
SECRET = "Ana Mwangi, Nairobi police"


def seed(url: str, answers: list[tuple[str, str, float | None]], text: str = SECRET) -> None:
    """Cases with (owner, Global South or North, days to respond or None); ``text`` fills
    every free-text field of the messages."""
    with Session(engine_for(url)) as session, session.begin():
        for i, (owner, side, days) in enumerate(answers):
            message = MessageRow(
                key=f"k{i}", source="test", channel="email" if i % 2 else "form",
                received_at=OPENED, ingested_at=OPENED, stage="routed", subject=text,
                sender_name=text, sender_address="ana@example.org", body_text=text,
                new_text=text, quoted_text="", signature="", html_sanitised=None,
                message_id=None, in_reply_to=None, references=[], date_header=None,
                organisation=None, form_country=None, raw_sha256="0" * 64, raw=b"",
                attachments=[], auto_submitted=False,
            )  # fmt: skip
            session.add(message)
            session.flush()
            for version, south in (("old", None), ("new", side == "South")):  # latest wins
                session.add(ClassificationRow(
                    message_id=message.id, language="en", language_confidence=1.0,
                    rights_issue=["expression"], rights_issue_scores={}, challenge=[],
                    challenge_scores={}, countries=["KE" if south else "DE"],
                    sender_country=None, regions=[], global_south=south, priority="normal",
                    kind="allegation", needs_review=False, review_reasons=[], evidence={},
                    model_version=version, taxonomy_version="t", created_at=OPENED,
                ))  # fmt: skip
            responded = OPENED + timedelta(days=days) if days is not None else None
            case = CaseRow(
                root_message_id=message.id, status="open", owner=owner, team="regional-africa",
                confidential=False, priority="normal", kind="allegation", rule_id="r",
                opened_at=OPENED, acknowledged_at=responded, responded_at=responded,
                loop_closed_at=None, paused_at=None, closed_at=None, updated_at=OPENED,
            )  # fmt: skip
            session.add(case)
            session.flush()
            for kind, due in (("acknowledge", 1), ("respond", 3), ("close_loop", 10)):
                session.add(DeadlineRow(
                    case_id=case.id, kind=kind, started_at=OPENED,
                    due_at=OPENED + timedelta(days=due),
                    met_at=responded if kind != "close_loop" else None, paused_at=None,
                    calendar="berlin", policy="p",
                ))  # fmt: skip


def test_metrics_from_the_store(database_url: str, tmp_path: Path) -> None:
    south = [("amina.yusuf", "South", d) for d in (1, 2, 5, None, None)]
    north = [("lena.fischer", "North", d) for d in (1, 1, 1, 2, 2)]
    seed(database_url, south + north)
    result = compute_metrics(OPENED - timedelta(days=1), OPENED + timedelta(days=1),
                             by=("global_south",), as_of=AS_OF,
                             database_url=database_url)  # fmt: skip
    rows = result.table.set_index("global_south")
    assert rows.loc["South", "cases"] == 5 and rows.loc["South", "responded"] == 3
    assert rows.loc["South", "median_days"] == 5  # S: 4/5, 3/5, 2/5 at 5
    assert rows.loc["North", "median_days"] == 1  # S(1) = 2/5
    assert rows.loc["South", "sla_respond_met"] == 2  # 1 and 2 days met the 3-day deadline
    assert rows.loc["South", "sla_respond_breached"] == 3  # late once, overdue twice
    # Business time on the Berlin calendar: 1 day after Monday 09:00 is Tuesday 09:00 = 8.5 h.
    assert rows.loc["North", "median_business_hours"] == pytest.approx(8.5)
    assert result.gap["median_gap_days"] == 4
    assert result.overall["cases"] == 10
    by_country = compute_metrics(OPENED - timedelta(days=1), OPENED + timedelta(days=1),
                                 by=("region",), as_of=AS_OF, database_url=database_url).table
    assert by_country["region"].tolist() == ["Africa", "Europe"]
    # Nothing of the message leaves: not in JSON, CSV or Parquet.
    text = result.to_json()
    for path in (tmp_path / "m.csv", tmp_path / "m.parquet"):
        export_table(result, path)
    parquet = pd.read_parquet(tmp_path / "m.parquet")
    assert parquet["global_south"].tolist() == ["North", "South"]
    for output in (text, (tmp_path / "m.csv").read_text(), parquet.to_csv()):
        assert "Ana" not in output and "Nairobi" not in output and "@" not in output
    assert json.loads(text)["groups"][1]["median_days"] == 5


def test_an_empty_period_reads_as_no_cases(database_url: str) -> None:
    result = compute_metrics(OPENED, OPENED + timedelta(days=1), by=("region",),
                             as_of=AS_OF, database_url=database_url)  # fmt: skip
    assert result.table.empty and result.overall["cases"] == 0
    assert result.gap["suppressed"] is True
