"""Folder sources in chunks of files: which files are new, and ingesting one chunk of them.

The scheduled job lists a folder and reads only files it has not read before (or that changed
size or time since): a rerun that finds nothing new costs a directory walk and a few indexed
look-ups, not a parse of every message. A chunk is a list of paths relative to the folder
(never message data), so it can cross into Prefect and to a Dask worker; a mailbox file
(mbox, Maildir) is a chunk of its own. The chunk's messages and the record of its files are
committed together, so a crash re-reads the chunk and stores only what is missing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from triage.core.types import Message, Quarantined
from triage.ingest.folder_source import (
    EMAIL_SUFFIXES,
    is_mailbox,
    iter_files,
    read_file,
    source_base,
)
from triage.services.database import session_scope
from triage.services.ingest_batch import IngestResult, limits_from_settings, record_run, store_items
from triage.settings import get_settings
from triage.store import repository as repo

log = logging.getLogger(__name__)

FileStamp = tuple[str, int, int]  # relative path, size, mtime_ns


def _stamp(path: Path, base: Path) -> FileStamp | None:
    """A file's (path, size, mtime); a Maildir is re-read every run (0, 0 never matches)."""
    relative = path.relative_to(base).as_posix()
    if path.is_dir():
        return relative, -1, -1
    try:
        info = path.stat()
    except OSError:
        return None  # gone since the listing: nothing to read
    return relative, info.st_size, info.st_mtime_ns


def new_file_chunks(
    folder: Path,
    source: str,
    size: int | None = None,
    *,
    database_url: str | None = None,
    email_suffixes: tuple[str, ...] = EMAIL_SUFFIXES,
) -> Iterator[list[str]]:
    """Chunks of at most ``size`` new or changed files (relative paths), in listing order."""
    if not folder.exists():
        raise FileNotFoundError(f"source folder not found: {folder}")
    size = size or get_settings().chunk_size
    base = source_base(folder)
    batch: list[tuple[Path, FileStamp]] = []
    files: list[str] = []

    def fresh(candidates: list[tuple[Path, FileStamp]]) -> Iterator[list[str]]:
        nonlocal files
        with session_scope(database_url) as session:
            known = repo.known_files(session, source, [s[0] for _p, s in candidates])
        for path, stamp in candidates:
            if stamp[1] >= 0 and known.get(stamp[0]) == stamp[1:]:
                continue
            if is_mailbox(path):
                yield [stamp[0]]
                continue
            files.append(stamp[0])
            if len(files) >= size:
                yield files
                files = []

    for path in iter_files(folder, email_suffixes):
        stamp = _stamp(path, base)
        if stamp is None:
            continue
        batch.append((path, stamp))
        if len(batch) >= 1000:
            yield from fresh(batch)
            batch = []
    yield from fresh(batch)
    if files:
        yield files


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
        stamp = _stamp(path, base)
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
