"""A staff correction re-routes the case, recomputes its deadlines and is kept for retraining."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.services.test_sla_watch import RECEIVED
from triage.services.correct_labels import CorrectionError, correct_labels
from triage.services.database import engine_for
from triage.services.run_batch import run_batch
from triage.store.tables import (
    CaseRow,
    ClassificationRow,
    DeadlineRow,
    EventRow,
    RoutingDecisionRow,
)


def one_case(url: str, tmp_path: Path) -> CaseRow:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "m.eml").write_bytes(
        (f"Received: from mx by in; {RECEIVED:%a, %d %b %Y %H:%M:%S} +0000\r\n"
         "From: Ana <ana@example.org>\r\nTo: humanrights@example-platform.com\r\n"
         "Subject: Question about your transparency report\r\nMessage-ID: <c1@example.org>\r\n"
         "\r\nCould you tell us where your latest transparency report is published?\r\n"
         ).encode()
    )  # fmt: skip
    run_batch([("inbox", inbox)], url)
    with Session(engine_for(url)) as session:
        return session.scalars(select(CaseRow)).one()


def test_correction_to_critical_moves_the_case_and_shortens_its_deadlines(
    database_url: str, tmp_path: Path
) -> None:
    case = one_case(database_url, tmp_path)
    assert case.priority != "critical"
    with Session(engine_for(database_url)) as session:
        before = {d.kind: d.due_at for d in session.scalars(select(DeadlineRow))}

    result = correct_labels(
        case.id, actor="lena.fischer", rights_issue=["hrd_safety"], priority="critical",
        database_url=database_url,
    )  # fmt: skip
    assert set(result.changed) == {"rights_issue", "priority"}
    assert result.rerouted and result.rule_id == "defenders-at-risk"
    assert result.team == "defenders-at-risk" and "defenders-at-risk" in result.explanation

    with Session(engine_for(database_url)) as session:
        stored = session.get(CaseRow, case.id)
        assert stored is not None
        assert (stored.owner, stored.priority, stored.rule_id) == (
            result.owner, "critical", "defenders-at-risk",
        )  # fmt: skip
        after = {d.kind: d for d in session.scalars(select(DeadlineRow))}
        assert after["respond"].due_at == RECEIVED + timedelta(hours=24)  # 24/7 clock
        assert all(after[k].due_at < before[k] for k in before)
        assert all(d.calendar == "24x7" for d in after.values())
        decisions = session.scalars(select(RoutingDecisionRow).order_by(RoutingDecisionRow.id))
        assert [d.actor for d in decisions] == ["system", "lena.fischer"]
        labels = list(session.scalars(select(ClassificationRow).order_by(ClassificationRow.id)))
        assert labels[-1].model_version.startswith("staff:lena.fischer@")
        assert labels[-1].rights_issue == ["hrd_safety"] and not labels[-1].needs_review
        events = [e.kind for e in session.scalars(select(EventRow))]
        assert "labels_corrected" in events

    again = correct_labels(
        case.id, actor="lena.fischer", rights_issue=["hrd_safety"], priority="critical",
        database_url=database_url,
    )  # fmt: skip
    assert again.changed == () and not again.rerouted
    engine_for(database_url).dispose()
    engine_for.cache_clear()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rights_issue": ["torture"]}, "unknown rights_issue"),
        ({"priority": "urgent"}, "unknown priority"),
        ({"countries": ["XX"]}, "unknown country"),
        ({"rights_issue": []}, "at least one"),
    ],
)
def test_invalid_corrections_change_nothing(
    sqlite_url: str, tmp_path: Path, kwargs: dict, message: str
) -> None:
    case = one_case(sqlite_url, tmp_path)
    with pytest.raises(CorrectionError, match=message):
        correct_labels(case.id, actor="x", database_url=sqlite_url, **kwargs)
    with pytest.raises(CorrectionError, match="no case"):
        correct_labels(999, actor="x", priority="high", database_url=sqlite_url)
    with Session(engine_for(sqlite_url)) as session:
        assert len(list(session.scalars(select(ClassificationRow)))) == 1
        assert len(list(session.scalars(select(RoutingDecisionRow)))) == 1
    engine_for.cache_clear()
