"""A folder (nested) of .eml files and form exports, as one source.

Yields normalised Messages or Quarantined items, never raises for one bad file: a hostile
email must not stop the batch, and nothing read may be lost.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path

from triage.core.types import Message, Quarantined
from triage.ingest import quarantine as q
from triage.ingest.email_parser import Limits, parse_email
from triage.ingest.folder_listing import EMAIL_SUFFIXES, FORM_SUFFIXES, wanted_file
from triage.ingest.form_exports import (
    FormRecord,
    canonical_payload,
    field_map,
    form_key,
    form_to_message,
    read_csv_export,
    read_json_export,
)
from triage.ingest.mailbox_files import (
    is_maildir,
    is_mbox,
    maildir_messages,
    mbox_messages,
)
from triage.ingest.quarantine import QuarantineError


def list_files(root: Path, email_suffixes: tuple[str, ...] = EMAIL_SUFFIXES) -> list[Path]:
    """Files and Maildirs this source understands, in a stable order (so reruns see the same
    sequence). ``email_suffixes`` says which files hold one message each ("" for none)."""
    return list(iter_files(root, email_suffixes))


def iter_files(root: Path, email_suffixes: tuple[str, ...] = EMAIL_SUFFIXES) -> Iterator[Path]:
    """``list_files`` one at a time: a folder of a million messages is never held as a list."""
    if root.is_file():
        if wanted_file(root, email_suffixes):
            yield root
        return
    if is_maildir(root):
        yield root
        return
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        maildirs = sorted(d for d in dirnames if is_maildir(here / d))
        yield from (here / d for d in maildirs)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in maildirs)
        for name in sorted(filenames):
            if not name.startswith(".") and wanted_file(here / name, email_suffixes):
                yield here / name


def is_mailbox(path: Path) -> bool:
    """One file or folder holding many messages (mbox, Maildir): a unit of work of its own."""
    return is_maildir(path) or is_mbox(path)


def source_base(root: Path) -> Path:
    """The folder that locations (and paths of files already read) are relative to."""
    return root if root.is_dir() and not is_maildir(root) else root.parent


def _quarantined(raw: bytes, source: str, location: str, error: QuarantineError) -> Quarantined:
    key = "quarantine:" + hashlib.sha256(location.encode() + b"\0" + raw).hexdigest()
    return Quarantined(key, source, error.code, error.detail, raw, location)


def _email_item(
    raw: bytes, *, location: str, source: str, now: datetime, limits: Limits
) -> Message | Quarantined:
    if len(raw) > limits.max_bytes:
        err = QuarantineError(q.TOO_LARGE, f"{len(raw)} bytes > {limits.max_bytes}")
        return _quarantined(raw[: limits.max_bytes], source, location, err)
    try:
        return parse_email(raw, source=source, fallback_received_at=now, limits=limits)
    except QuarantineError as err:
        return _quarantined(raw, source, location, err)
    except Exception as exc:  # the last guard: a parser bug must not stop the batch
        err = QuarantineError(q.PARSE_ERROR, exc.__class__.__name__)
        return _quarantined(raw, source, location, err)


def read_mailbox(
    path: Path, *, location: str, source: str, now: datetime, limits: Limits
) -> Iterator[Message | Quarantined]:
    """Every message of an mbox file or a Maildir; an unreadable mailbox is one quarantined item."""
    try:
        entries = maildir_messages(path) if path.is_dir() else mbox_messages(path)
        for position, raw in entries:
            where = f"{location}{position if position.startswith('#') else '/' + position}"
            if isinstance(raw, Exception):
                err = QuarantineError(q.UNREADABLE, raw.__class__.__name__)
                yield _quarantined(b"", source, where, err)
                continue
            yield _email_item(raw, location=where, source=source, now=now, limits=limits)
    except Exception as exc:  # not a mailbox after all, or unreadable: say so, go on
        err = QuarantineError(q.UNREADABLE, f"mailbox: {exc.__class__.__name__}")
        yield _quarantined(b"", source, location, err)


def read_file(
    path: Path,
    *,
    root: Path,
    source: str,
    now: datetime,
    limits: Limits,
    email_suffixes: tuple[str, ...] = EMAIL_SUFFIXES,
    form_fields: Mapping[str, str] | None = None,
) -> Iterator[Message | Quarantined]:
    location = str(path.relative_to(root)) if path != root else path.name
    if is_maildir(path) or is_mbox(path):
        yield from read_mailbox(path, location=location, source=source, now=now, limits=limits)
        return
    try:
        size = path.stat().st_size
        is_email = path.suffix.lower() not in FORM_SUFFIXES
        if size > limits.max_bytes and is_email:
            err = QuarantineError(q.TOO_LARGE, f"{size} bytes > {limits.max_bytes}")
            yield _quarantined(path.read_bytes()[: limits.max_bytes], source, location, err)
            return
        raw = path.read_bytes()
    except OSError as exc:
        err = QuarantineError(q.UNREADABLE, exc.__class__.__name__)
        yield _quarantined(b"", source, location, err)
        return
    suffix = path.suffix.lower()
    if suffix not in FORM_SUFFIXES:
        yield _email_item(raw, location=location, source=source, now=now, limits=limits)
        return
    reader = read_csv_export if suffix == ".csv" else read_json_export
    for record in reader(raw, location):
        if isinstance(record, QuarantineError):
            yield _quarantined(raw, source, location, record)
            continue
        yield _form_item(record, source=source, now=now, fields=field_map(form_fields))


def _form_item(
    record: FormRecord, *, source: str, now: datetime, fields: Mapping[str, str]
) -> Message | Quarantined:
    try:
        return form_to_message(record, source=source, fallback_received_at=now, fields=fields)
    except QuarantineError as err:
        payload = canonical_payload(record.payload)
        return Quarantined(
            form_key(payload), source, err.code, err.detail, payload, record.location
        )


def read_folder(
    root: Path,
    *,
    source: str,
    now: datetime,
    limits: Limits = Limits(),
    email_suffixes: tuple[str, ...] = EMAIL_SUFFIXES,
    form_fields: Mapping[str, str] | None = None,
) -> Iterator[Message | Quarantined]:
    """``form_fields`` maps triage's form fields to this source's column names."""
    if not root.exists():
        raise FileNotFoundError(f"source folder not found: {root}")
    base = source_base(root)
    for path in iter_files(root, email_suffixes):
        yield from read_file(
            path, root=base, source=source, now=now, limits=limits,
            email_suffixes=email_suffixes, form_fields=form_fields,
        )  # fmt: skip
