"""The main job over data/samples without Prefect, on SQLite and PostgreSQL.

Counts reconcile; every stored message is classified and belongs to exactly one case (a
follow-up joins the conversation it answers) unless it is automatic mail, which never opens
one; every case has one owner and three deadlines;
a second run stores, classifies and routes nothing.
"""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.conftest import SAMPLES
from triage.services.database import engine_for
from triage.services.queue import open_queue
from triage.services.run_batch import run_batch
from triage.store.tables import (
    CaseRow,
    ClassificationRow,
    DeadlineRow,
    EventRow,
    MessageRow,
    RoutingDecisionRow,
)


def test_samples_end_to_end_twice(database_url: str) -> None:
    first = run_batch([("samples", SAMPLES)], database_url).counts()
    assert first["seen"] == first["stored"] + first["quarantined"] + first["duplicates"]
    assert first["stored"] >= 300
    assert first["classified"] == first["stored"] == first["routed"]

    engine = engine_for(database_url)
    with Session(engine) as session:
        messages = session.scalar(select(func.count()).select_from(MessageRow))
        owners = session.execute(
            select(CaseRow.root_message_id, func.count(RoutingDecisionRow.id))
            .join(RoutingDecisionRow, RoutingDecisionRow.case_id == CaseRow.id)
            .group_by(CaseRow.root_message_id)
        ).all()  # fmt: skip
        deadlines = session.scalar(select(func.count()).select_from(DeadlineRow))
        early = session.scalar(
            select(func.count())
            .select_from(DeadlineRow)
            .join(CaseRow, CaseRow.id == DeadlineRow.case_id)
            .join(MessageRow, MessageRow.id == CaseRow.root_message_id)
            .where(DeadlineRow.due_at < MessageRow.received_at)
        )
        versions = set(session.scalars(select(ClassificationRow.model_version)))
        unlinked = session.scalar(
            select(func.count()).select_from(MessageRow).where(MessageRow.case_id.is_(None))
        )
        cases = session.scalar(select(func.count()).select_from(CaseRow))
        campaign_copies = session.scalar(
            select(func.count()).select_from(EventRow).where(EventRow.kind == "campaign_joined")
        )
        automatic = session.scalar(
            select(func.count()).select_from(MessageRow).where(MessageRow.auto_submitted)
        )
        replies = session.scalar(
            select(func.count())
            .select_from(MessageRow)
            .join(CaseRow, CaseRow.id == MessageRow.case_id)
            .where(CaseRow.root_message_id != MessageRow.id)
        )
    gold = [json.loads(line) for line in (SAMPLES / "gold.jsonl").read_text().splitlines()]
    follow_ups = sum(1 for g in gold if g["kind"] == "follow_up" and g["channel"] == "email")
    assert messages == first["stored"]
    assert unlinked == automatic  # auto-replies and bulk mail never open a case
    assert cases + replies + unlinked == messages
    # Follow-ups reference earlier messages; identical spam from several senders is one item.
    assert 0 < replies - campaign_copies <= follow_ups
    assert len(owners) == cases and all(n == 1 for _, n in owners)
    assert deadlines == 3 * cases
    assert early == 0
    assert len(versions) == 1 and "labels@" in versions.pop()

    second = run_batch([("samples", SAMPLES)], database_url).counts()
    assert second["stored"] == second["quarantined"] == 0
    assert second["seen"] == 0  # every file was read before: none is parsed again
    assert second["classified"] == second["routed"] == 0
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(MessageRow)) == messages
        assert session.scalar(select(func.count()).select_from(EventRow)) > messages

    queue = open_queue(database_url)
    assert len(queue) == cases
    assert [q.respond_by for q in queue] == sorted(q.respond_by for q in queue)
    engine.dispose()
    engine_for.cache_clear()
