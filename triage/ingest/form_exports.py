"""Web-form exports (CSV and JSON) to Messages.

A form row has no Message-ID, so its key is a hash of the canonical payload: exporting and
ingesting the same rows again stores nothing new, while an edited row is a new message.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from triage.core.addresses import exact_address
from triage.core.types import FORM_FIELDS, Channel, Message
from triage.ingest import quarantine as q
from triage.ingest.quarantine import QuarantineError
from triage.ingest.receipt_clock import plausible_receipt
from triage.ingest.storable_text import storable
from triage.ingest.text_parts import split_text

# Default column names; a per-source mapping (Kobo, Google Forms, Typeform) overrides these.
DEFAULT_FIELDS: Mapping[str, str] = {name: name for name in FORM_FIELDS}


def field_map(overrides: Mapping[str, str] | None) -> Mapping[str, str]:
    """The default columns with a source's own names put in (``message: "Your message"``)."""
    return {**DEFAULT_FIELDS, **(overrides or {})}
MAX_FIELD_CHARS = 200_000


@dataclass(frozen=True, slots=True)
class FormRecord:
    location: str
    payload: Mapping[str, Any]


def read_csv_export(data: bytes, location: str) -> Iterator[FormRecord | QuarantineError]:
    text = data.decode("utf-8-sig", errors="replace")
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        for number, row in enumerate(reader, start=2):
            yield FormRecord(f"{location}#line{number}", {k: v for k, v in row.items() if k})
    except csv.Error as exc:
        yield QuarantineError(q.FORM_INVALID, f"{location}: CSV error {exc.__class__.__name__}")


def read_json_export(data: bytes, location: str) -> Iterator[FormRecord | QuarantineError]:
    try:
        parsed = json.loads(data.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError):
        yield QuarantineError(q.FORM_INVALID, f"{location}: not valid JSON")
        return
    rows = parsed.get("results", parsed.get("submissions")) if isinstance(parsed, dict) else parsed
    if not isinstance(rows, list):
        yield QuarantineError(q.FORM_INVALID, f"{location}: expected a list of submissions")
        return
    for index, row in enumerate(rows):
        if isinstance(row, dict):
            yield FormRecord(f"{location}#{index}", row)
        else:
            yield QuarantineError(q.FORM_INVALID, f"{location}#{index}: not an object")


def canonical_payload(payload: Mapping[str, Any]) -> bytes:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return text.encode("utf-8", "surrogatepass")  # a lone "\ud800" is kept as it was sent


def form_key(payload_bytes: bytes) -> str:
    return "form:" + hashlib.sha256(payload_bytes).hexdigest()


def _field(payload: Mapping[str, Any], fields: Mapping[str, str], name: str) -> str:
    value = payload.get(fields.get(name, name))
    if value is None:
        return ""
    return storable(str(value)[:MAX_FIELD_CHARS])


def _one_line(value: str, limit: int) -> str:
    return " ".join(value.split())[:limit]


def parse_submitted_at(value: str, fallback: datetime) -> datetime:
    if not value.strip():
        return fallback.astimezone(UTC)
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if when.tzinfo is None:  # form platforms export UTC unless they say otherwise
            when = when.replace(tzinfo=UTC)
        return when.astimezone(UTC)
    except (ValueError, OverflowError):  # OverflowError: year 9999 west of UTC
        raise QuarantineError(q.FORM_INVALID, "submitted_at is not ISO 8601") from None


def form_to_message(
    record: FormRecord,
    *,
    source: str,
    fallback_received_at: datetime,
    fields: Mapping[str, str] = DEFAULT_FIELDS,
) -> Message:
    payload_bytes = canonical_payload(record.payload)
    body = _field(record.payload, fields, "message").replace("\r\n", "\n").strip()
    if not body:
        raise QuarantineError(q.FORM_INVALID, f"{record.location}: empty message field")
    name = _one_line(_field(record.payload, fields, "name"), 200)
    address = exact_address(_field(record.payload, fields, "email")[:320])
    parts = split_text(body)
    submitted = parse_submitted_at(_field(record.payload, fields, "submitted_at"),
                                   fallback_received_at)  # fmt: skip
    organisation = _one_line(_field(record.payload, fields, "organisation"), 300) or None
    country = _one_line(_field(record.payload, fields, "country"), 100) or None
    return Message(
        key=form_key(payload_bytes),
        source=source,
        channel=Channel.FORM,
        received_at=plausible_receipt(submitted, fallback_received_at),
        subject=_one_line(_field(record.payload, fields, "subject"), 998),
        sender_name=name,
        sender_address=address,
        body_text=body,
        new_text=parts.new_text or body,
        quoted_text=parts.quoted_text,
        signature=parts.signature,
        message_id=_one_line(_field(record.payload, fields, "submission_id"), 200) or None,
        organisation=organisation,
        form_country=country,
        raw_sha256=hashlib.sha256(payload_bytes).hexdigest(),
        raw=payload_bytes,
    )
