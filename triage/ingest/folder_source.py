"""A folder (nested) of .eml files and form exports, as one source.

Yields normalised Messages or Quarantined items, never raises for one bad file: a hostile
email must not stop the batch, and nothing read may be lost.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from triage.core.types import Message, Quarantined
from triage.ingest import quarantine as q
from triage.ingest.email_parser import Limits, parse_email
from triage.ingest.form_exports import (
    FormRecord,
    canonical_payload,
    form_key,
    form_to_message,
    read_csv_export,
    read_json_export,
)
from triage.ingest.quarantine import QuarantineError

EMAIL_SUFFIXES = (".eml",)
FORM_SUFFIXES = (".csv", ".json")


def list_files(root: Path) -> list[Path]:
    """Files this source understands, in a stable order (so reruns see the same sequence)."""
    if root.is_file():
        return [root] if root.suffix.lower() in EMAIL_SUFFIXES + FORM_SUFFIXES else []
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.lower().endswith(EMAIL_SUFFIXES + FORM_SUFFIXES) and not name.startswith("."):
                found.append(Path(dirpath) / name)
    return found


def _quarantined(raw: bytes, source: str, location: str, error: QuarantineError) -> Quarantined:
    key = "quarantine:" + hashlib.sha256(location.encode() + b"\0" + raw).hexdigest()
    return Quarantined(key, source, error.code, error.detail, raw, location)


def read_file(
    path: Path, *, root: Path, source: str, now: datetime, limits: Limits
) -> Iterator[Message | Quarantined]:
    location = str(path.relative_to(root)) if path != root else path.name
    try:
        size = path.stat().st_size
        if size > limits.max_bytes and path.suffix.lower() in EMAIL_SUFFIXES:
            err = QuarantineError(q.TOO_LARGE, f"{size} bytes > {limits.max_bytes}")
            yield _quarantined(path.read_bytes()[: limits.max_bytes], source, location, err)
            return
        raw = path.read_bytes()
    except OSError as exc:
        err = QuarantineError(q.UNREADABLE, exc.__class__.__name__)
        yield _quarantined(b"", source, location, err)
        return
    suffix = path.suffix.lower()
    if suffix in EMAIL_SUFFIXES:
        try:
            yield parse_email(raw, source=source, fallback_received_at=now, limits=limits)
        except QuarantineError as err:
            yield _quarantined(raw, source, location, err)
        except Exception as exc:  # the last guard: a parser bug must not stop the batch
            err = QuarantineError(q.PARSE_ERROR, exc.__class__.__name__)
            yield _quarantined(raw, source, location, err)
        return
    reader = read_csv_export if suffix == ".csv" else read_json_export
    for record in reader(raw, location):
        if isinstance(record, QuarantineError):
            yield _quarantined(raw, source, location, record)
            continue
        yield _form_item(record, source=source, now=now)


def _form_item(record: FormRecord, *, source: str, now: datetime) -> Message | Quarantined:
    try:
        return form_to_message(record, source=source, fallback_received_at=now)
    except QuarantineError as err:
        payload = canonical_payload(record.payload)
        return Quarantined(
            form_key(payload), source, err.code, err.detail, payload, record.location
        )


def read_folder(
    root: Path, *, source: str, now: datetime, limits: Limits = Limits()
) -> Iterator[Message | Quarantined]:
    if not root.exists():
        raise FileNotFoundError(f"source folder not found: {root}")
    for path in list_files(root):
        yield from read_file(
            path, root=root if root.is_dir() else root.parent, source=source, now=now, limits=limits
        )
