"""Folder sources in chunks of files: which files are new, and ingesting one chunk of them.

The scheduled job lists a folder and reads only files it has not read before (or that changed
size or time since): a rerun that finds nothing new costs a directory walk and a stat per file,
not a parse of every message. A part of a folder (the whole folder, or about a thousand names
of a large one) whose files were all found recorded is remembered by a digest of its (name,
size, mtime); while the listing gives the same digest, its files are not looked up at all.
A chunk is a list of paths relative to the folder (never message data), so it can cross into
Prefect and to a Dask worker; a mailbox file (mbox, Maildir) is a chunk of its own. The chunk's
messages and the record of its files are committed together, so a crash re-reads the chunk and
stores only what is missing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from triage.core.types import Message, Quarantined
from triage.ingest.folder_source import EMAIL_SUFFIXES, is_mailbox, read_file, source_base
from triage.services.database import session_scope
from triage.services.folder_changes import FileStamp, FolderChanges, changed_root, file_stamp
from triage.services.ingest_batch import IngestResult, limits_from_settings, record_run, store_items
from triage.settings import get_settings
from triage.store import repository as repo

log = logging.getLogger(__name__)


def new_file_chunks(
    folder: Path,
    source: str,
    size: int | None = None,
    *,
    database_url: str | None = None,
    email_suffixes: tuple[str, ...] = EMAIL_SUFFIXES,
) -> Iterator[list[str]]:
    """Chunks of at most ``size`` new or changed files (relative paths), in listing order; a
    mailbox (mbox, Maildir) is a chunk of its own. Memory: one folder's listing at a time.
    Each chunk is read (or handed on) before the next is asked for; the parts of the folder
    whose files were read are checked as the chunks come back (``FolderChanges``)."""
    if not folder.exists():
        raise FileNotFoundError(f"source folder not found: {folder}")
    size = size or get_settings().chunk_size
    base = source_base(folder)
    changes = FolderChanges(base, source, database_url, email_suffixes)
    if base == folder:
        paths = changes.paths()
    else:
        paths = changed_root(folder, base, source, database_url, email_suffixes)
    files: list[str] = []
    for relative in paths:
        if is_mailbox(base / relative):
            yield [relative]
            changes.settle()
            continue
        files.append(relative)
        if len(files) >= size:
            yield files
            files = []
            changes.settle()
    if files:
        yield files
    changes.finish()


def ingest_files(
    folder: Path,
    paths: Sequence[str],
    *,
    source: str,
    database_url: str | None = None,
    now: datetime | None = None,
    form_fields: Mapping[str, str] | None = None,
) -> IngestResult:
    """Read and store these files of ``folder`` (relative paths); each item ends stored,
    quarantined or duplicate. Returns the counts and the ids stored."""
    started = datetime.now(UTC)
    now = now or started
    base = source_base(folder)
    limits = limits_from_settings()
    chunk_size = get_settings().chunk_size
    result = IngestResult(source=source)
    pending: list[Message | Quarantined] = []
    stamps: list[FileStamp] = []
    for relative in paths:
        path = base / relative
        stamp = file_stamp(path, base)
        if stamp is None:
            continue
        stamps.append(stamp)
        for item in read_file(path, root=base, source=source, now=now, limits=limits,
                              form_fields=form_fields):  # fmt: skip
            pending.append(item)
            if len(pending) >= chunk_size:  # a large mbox: commit as it goes, files at the end
                with session_scope(database_url) as session:
                    store_items(session, pending, result, now)
                pending = []
    with session_scope(database_url) as session:
        store_items(session, pending, result, now)
        repo.record_files(session, source, stamps, now)
        run_id = record_run(session, result, started)
    log.info("ingest run %s: %s", run_id, result.counts())
    return result
