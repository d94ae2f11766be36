"""Ingest a folder source into the store: every item ends stored, quarantined or duplicate.

Items are committed in chunks, so a crash loses at most the chunk in flight, and a rerun
re-reads it and stores only what is missing (inserts are keyed by natural key).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from triage.core.types import Event, Message, Quarantined
from triage.ingest.email_parser import Limits
from triage.ingest.folder_source import EMAIL_SUFFIXES, read_folder
from triage.nlp.near_duplicates import pack, signature
from triage.services.database import session_scope
from triage.settings import get_settings
from triage.store import repository as repo

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    source: str
    seen: int = 0
    stored: int = 0
    quarantined: int = 0
    duplicates: int = 0
    stored_ids: list[int] = field(default_factory=list)
    # The messages these items hold, stored now or before (a duplicate's stored copy): the
    # batch routes a chunk's messages together, whichever chunk stored them first.
    message_ids: list[int] = field(default_factory=list)

    def reconciles(self) -> bool:
        return self.seen == self.stored + self.quarantined + self.duplicates

    def counts(self) -> dict[str, int]:
        return {
            "seen": self.seen,
            "stored": self.stored,
            "quarantined": self.quarantined,
            "duplicates": self.duplicates,
        }


def record_run(
    session: Session, result: IngestResult, started: datetime, error: str | None = None
) -> int:
    """The batch's row in ``ingest_runs`` and its audit event: ids and counts only."""
    run_id = repo.record_ingest_run(
        session, source=result.source, started_at=started, finished_at=datetime.now(UTC),
        **result.counts(),
    )  # fmt: skip
    data: dict[str, object] = {"run": run_id, **result.counts()}
    if error:
        data["error"] = error
    repo.add_event(session, Event("ingest_run", datetime.now(UTC), "system", None, data))
    return run_id


def limits_from_settings() -> Limits:
    """Every parsing limit is a setting (``TRIAGE_MAX_*``): a team decides what is hostile."""
    settings = get_settings()
    return Limits(
        max_bytes=settings.max_message_bytes,
        max_depth=settings.max_mime_depth,
        max_headers=settings.max_headers,
        max_parts=settings.max_mime_parts,
        max_seconds=settings.max_parse_seconds,
    )


def ingest_folder(
    folder: Path,
    *,
    source: str | None = None,
    database_url: str | None = None,
    now: datetime | None = None,
    chunk_size: int | None = None,
    email_suffixes: tuple[str, ...] = EMAIL_SUFFIXES,
    form_fields: Mapping[str, str] | None = None,
) -> IngestResult:
    """``email_suffixes``: which files hold one message each (mbox files and Maildirs are
    always read); ("", ".txt") for corpora of suffix-less or .txt messages."""
    settings = get_settings()
    started = datetime.now(UTC)
    now = now or started
    source = source or f"folder:{folder.name}"
    chunk_size = chunk_size or settings.chunk_size
    limits = limits_from_settings()
    result = IngestResult(source=source)
    pending: list[Message | Quarantined] = []
    items = read_folder(
        folder, source=source, now=now, limits=limits, email_suffixes=email_suffixes,
        form_fields=form_fields,
    )  # fmt: skip
    for item in items:
        pending.append(item)
        if len(pending) >= chunk_size:
            _store_chunk(pending, result, database_url, now)
            pending = []
    _store_chunk(pending, result, database_url, now)
    with session_scope(database_url) as session:
        run_id = record_run(session, result, started)
    log.info("ingest run %s: %s", run_id, result.counts())
    return result


def _store_chunk(
    items: list[Message | Quarantined],
    result: IngestResult,
    database_url: str | None,
    now: datetime,
) -> None:
    if not items:
        return
    with session_scope(database_url) as session:
        store_items(session, items, result, now)


def minhashes_of(messages: Sequence[Message]) -> dict[str, bytes]:
    """Each message's packed MinHash signature, by key. Computed here, where messages are
    stored (chunks in parallel on Dask workers), because routing runs in one process in
    arrival order: there it only compares signatures. A duplicate's is computed in vain
    (a few percent of messages), which costs less than reading the text back to do it."""
    return {m.key: pack(signature(m.new_text)) for m in messages}


def store_items(
    session: Session, items: list[Message | Quarantined], result: IngestResult, now: datetime
) -> None:
    """Insert-or-ignore messages and quarantine in the caller's transaction; count each item
    as stored, quarantined or duplicate."""
    messages = [i for i in items if isinstance(i, Message)]
    quarantined = [i for i in items if isinstance(i, Quarantined)]
    inserted = repo.insert_messages(session, messages, now, minhashes_of(messages))
    new_quarantine = repo.insert_quarantined(session, quarantined, now)
    repo.add_events(session, [Event("received", now, "system", m, {}) for _k, m in inserted])
    result.seen += len(items)
    result.stored += len(inserted)
    result.stored_ids.extend(message_id for _key, message_id in inserted)
    ids = dict(inserted)
    copies = [m.key for m in messages if m.key not in ids]
    if copies:
        ids.update(repo.message_ids_for_keys(session, copies))
    result.message_ids.extend(dict.fromkeys(ids[m.key] for m in messages if m.key in ids))
    result.quarantined += len(new_quarantine)
    result.duplicates += len(items) - len(inserted) - len(new_quarantine)
