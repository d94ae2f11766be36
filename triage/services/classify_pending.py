"""Classify stored messages that have no classification yet, in batches, by id."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime

from triage.core.types import ClassifyInput, Event, Stage
from triage.faults import crash_point
from triage.services.classifier_cache import get_classifier
from triage.services.database import session_scope
from triage.store import repository as repo
from triage.store.tables import MessageRow

log = logging.getLogger(__name__)


def classify_input(row: MessageRow) -> ClassifyInput:
    return ClassifyInput(
        id=str(row.id),
        subject=row.subject,
        body=row.new_text or row.body_text,
        sender=f"{row.sender_name} <{row.sender_address}>" if row.sender_address else "",
        channel=row.channel,
        organisation=row.organisation,
        country=row.form_country,
        signature=row.signature,
    )


def pending_ids(stage: Stage, database_url: str | None = None) -> list[int]:
    with session_scope(database_url) as session:
        return repo.message_ids_at_stage(session, stage)


def classify_messages(ids: Sequence[int], database_url: str | None = None) -> list[int]:
    """Classify these messages (those still at RECEIVED); returns the ids classified."""
    classifier = get_classifier()
    now = datetime.now(UTC)
    done: list[int] = []
    with session_scope(database_url) as session:
        rows = [r for r in repo.load_messages(session, ids) if r.stage == Stage.RECEIVED]
        results = classifier.classify(
            [classify_input(r) for r in rows], auto_submitted=[r.auto_submitted for r in rows]
        )
        for row, result in zip(rows, results, strict=True):
            repo.add_classification(session, row.id, result, now)
            crash_point("classify_mid_chunk")
            repo.add_event(
                session,
                Event("classified", now, "system", row.id, {"model": result.model_version}),
            )
            done.append(row.id)
        repo.set_stage(session, done, Stage.CLASSIFIED)
    crash_point("classify_after_chunk")
    log.info("classified %d messages", len(done))
    return done
