"""Ingest an IMAP source into the store: every message ends stored, quarantined or duplicate.

Each batch of UIDs is stored in one transaction; the folder's cursor moves in the next one,
after the batch's after-store action: a crash or a dropped connection re-reads at most the
batch in flight, and the message keys (Message-ID + hash of the raw bytes) make that re-read
store nothing twice.
The cursor, ``(source, folder) -> (UIDVALIDITY, last UID)``, records position only; identity is
the key, which is why a UIDVALIDITY change (a full resync) creates no duplicates.

The after-store action (flag or move) runs only once the batch is committed, so a message is
never flagged or moved away before it is safely stored. If that action fails (or the process
dies before it) the cursor has not moved: the next run reads the batch again, counts its
messages as duplicates and flags or moves them then.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from triage.config.files import ImapSourceSpec
from triage.core import types as t
from triage.faults import crash_point
from triage.ingest import quarantine as q
from triage.ingest.imap_source import (
    IMAP_FAILURES,
    Credentials,
    FolderBatch,
    ImapClient,
    ImapError,
    read_folder,
)
from triage.services.database import session_scope
from triage.services.ingest_batch import (
    IngestResult,
    limits_from_settings,
    record_run,
    store_items,
)
from triage.settings import get_settings
from triage.store import repository as repo

log = logging.getLogger(__name__)

SENT_SUFFIX = ":sent"


def sent_source(name: str) -> str:
    """The source recorded for the staff's own replies read from the Sent folder."""
    return f"{name}{SENT_SUFFIX}"


def folders_of(spec: ImapSourceSpec) -> list[tuple[str, str]]:
    """(folder, source recorded on its messages): the inbox folders, then the Sent folder."""
    folders = [(f, spec.name) for f in spec.folders]
    if spec.sent_folder and spec.sent_folder not in spec.folders:
        folders.append((spec.sent_folder, sent_source(spec.name)))
    return folders


def ingest_imap(
    name: str,
    config: ImapSourceSpec,
    database_url: str | None = None,
    now: datetime | None = None,
    *,
    credentials: Credentials | None = None,
) -> IngestResult:
    """Read every configured folder of one IMAP source; raises ImapError on a lost connection.

    The run is recorded in ``ingest_runs`` even when it fails part-way, so the counts of what
    was stored before the failure still reconcile.
    """
    settings = get_settings()
    started = datetime.now(UTC)
    now = now or started
    limits = limits_from_settings()
    credentials = credentials or Credentials.from_env(config)
    result = IngestResult(source=name)
    failure: str | None = None
    try:
        with ImapClient(config, credentials, settings.imap_timeout) as client:
            if config.after_store == "move" and config.move_to:
                client.ensure_folder(config.move_to)
            for folder, source in folders_of(config):
                with session_scope(database_url) as session:
                    cursor = repo.imap_cursor(session, name, folder)
                batches = read_folder(
                    client,
                    folder,
                    source=source,
                    cursor=cursor,
                    limits=limits,
                    now=now,
                    batch_size=settings.imap_batch_size,
                )
                for batch in batches:
                    _store_batch(name, batch, result, database_url, now)
                    crash_point("imap_after_commit_before_flag")
                    _after_store(client, config, batch)
                    _advance_cursor(name, batch, database_url, now)
    except IMAP_FAILURES as exc:
        failure = exc.__class__.__name__
    except ImapError as exc:
        failure = exc.code
        raise
    finally:
        _record_run(result, started, database_url, failure)
    if failure is not None:  # raised outside the except block: no chained server text
        raise ImapError(f"connection_lost ({failure})", name)
    log.info("imap source %s: %s", name, result.counts())
    return result


def _store_batch(
    name: str,
    batch: FolderBatch,
    result: IngestResult,
    database_url: str | None,
    now: datetime,
) -> None:
    """Messages, quarantine and events: one transaction."""
    with session_scope(database_url) as session:
        store_items(session, list(batch.items), result, now)
        crash_point("imap_after_fetch_before_commit")


def _advance_cursor(name: str, batch: FolderBatch, database_url: str | None, now: datetime) -> None:
    """Only once the batch is stored *and* flagged or moved: a run killed in between reads
    the batch again, finds every message already stored (a duplicate, by its key) and
    completes the after-store action, so no message is left unflagged in the mailbox."""
    with session_scope(database_url) as session:
        repo.save_imap_cursor(session, name, batch.folder, batch.uidvalidity, batch.last_uid, now)


def _after_store(client: ImapClient, config: ImapSourceSpec, batch: FolderBatch) -> None:
    """Flag or move what is now in the store; too-large mail stays put for a person to see.

    The Sent folder is only read: staff mail is not the intake's to flag or move.
    """
    if config.after_store == "none" or batch.folder == config.sent_folder:
        return
    uids = [
        f.uid
        for f in batch.fetched
        if f.item is not None
        and not (isinstance(f.item, t.Quarantined) and f.item.reason == q.TOO_LARGE)
    ]
    if not uids:
        return
    if config.after_store == "flag":
        client.flag(uids, config.flag)
    elif config.after_store == "move" and config.move_to and batch.folder != config.move_to:
        client.move(uids, config.move_to)


def _record_run(
    result: IngestResult, started: datetime, database_url: str | None, failure: str | None
) -> None:
    try:
        with session_scope(database_url) as session:
            record_run(session, result, started, failure)
    except Exception:  # never hide the ingest's own error behind a bookkeeping one
        log.exception("imap source %s: could not record the ingest run", result.source)
