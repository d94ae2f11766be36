"""Classify stored messages that have no classification yet, in batches, by id."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from triage.core.types import ClassifyInput, Event, Stage
from triage.faults import crash_point
from triage.services.classifier_cache import get_classifier
from triage.services.database import session_scope
from triage.settings import get_settings
from triage.store import repository as repo
from triage.store.tables import MessageRow

log = logging.getLogger(__name__)


# What classification reads of a message: not the raw bytes, HTML or quoted text.
CLASSIFY_COLUMNS = (
    MessageRow.subject, MessageRow.new_text, MessageRow.body_text, MessageRow.sender_name,
    MessageRow.sender_address, MessageRow.channel, MessageRow.organisation,
    MessageRow.form_country, MessageRow.signature, MessageRow.stage, MessageRow.auto_submitted,
)  # fmt: skip


def classify_input(row: Any) -> ClassifyInput:
    """``row``: a message's ``CLASSIFY_COLUMNS`` and id, by attribute (a row or a MessageRow)."""
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


def pending_chunks(
    stage: Stage, size: int | None = None, database_url: str | None = None
) -> Iterator[list[int]]:
    """Ids at ``stage`` in arrival order, ``size`` at a time, read a page at a time: safe while
    the caller moves each chunk on to the next stage."""
    size = size or get_settings().chunk_size
    after = None
    while True:
        with session_scope(database_url) as session:
            page = repo.pending_page(session, stage, after, size)
        if not page:
            return
        yield [i for i, _at, _key in page]
        after = page[-1][1:]


def has_pending(stage: Stage, database_url: str | None = None) -> bool:
    with session_scope(database_url) as session:
        return bool(repo.pending_page(session, stage, None, 1))


def classify_messages(ids: Sequence[int], database_url: str | None = None) -> list[int]:
    """Classify these messages (those still at RECEIVED); returns the ids classified."""
    if not ids:
        return []  # nothing to do: the model is not even loaded
    classifier = get_classifier()
    now = datetime.now(UTC)
    with session_scope(database_url) as session:
        rows = [
            r for r in repo.message_columns(session, ids, CLASSIFY_COLUMNS)
            if r.stage == Stage.RECEIVED
        ]  # fmt: skip
        results = classifier.classify(
            [classify_input(r) for r in rows], auto_submitted=[r.auto_submitted for r in rows]
        )
        done = [row.id for row in rows]
        repo.add_classifications(session, list(zip(done, results, strict=True)), now)
        crash_point("classify_mid_chunk")  # written, not committed: the rerun must redo it
        repo.add_events(session, [
            Event("classified", now, "system", m, {"model": r.model_version})
            for m, r in zip(done, results, strict=True)
        ])  # fmt: skip
        repo.set_stage(session, done, Stage.CLASSIFIED)
    crash_point("classify_after_chunk")
    log.info("classified %d messages", len(done))
    return done
