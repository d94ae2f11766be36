"""Ingest one web-form submission posted to the HTTP API: stored, duplicate or quarantined.

It is the single-item twin of ``ingest_batch``: the same normalisation (``form_to_message``),
the same insert-or-ignore repository functions, the same ingest-run row and events, so a
submission posted live and the same row arriving later in a CSV export are one message.

Two differences, both deliberate:

* the message's ``received_at`` is the server's clock when the request arrived, never the
  client's ``submitted_at``: deadlines must not be movable by whoever fills in the form (the
  payload, including ``submitted_at``, is still kept verbatim in ``raw``);
* the message, its ``received`` event and the run row are committed in one transaction, so
  the answer the client gets ("stored" with a reference) is never ahead of the database.

Nothing here logs payload text: only ids, codes and counts.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Literal

from triage.core.addresses import exact_address
from triage.core.types import Event, Message, Quarantined
from triage.ingest.form_exports import (
    FormRecord,
    canonical_payload,
    form_key,
    form_to_message,
    parse_submitted_at,
)
from triage.ingest.quarantine import QuarantineError
from triage.services.database import session_scope
from triage.services.ingest_batch import IngestResult, minhashes_of, record_run
from triage.store import repository as repo

log = logging.getLogger(__name__)

Status = Literal["stored", "duplicate", "quarantined"]


def valid_address(value: str) -> bool:
    """Whether ``form_to_message`` would keep ``value`` as the sender's address.

    The API rejects what the normaliser would silently drop, so a sender who typed a broken
    address is told so instead of becoming unreachable.
    """
    return bool(exact_address(value))


def valid_submitted_at(value: str) -> bool:
    """Whether ``value`` is a timestamp that ``form_to_message`` accepts (ISO 8601)."""
    try:
        parse_submitted_at(value, datetime.now(UTC))
    except QuarantineError:
        return False
    return True


def _to_item(record: FormRecord, *, source: str, now: datetime) -> Message | Quarantined:
    """Normalise like the folder source does, but stamp the server's receipt time."""
    try:
        message = form_to_message(record, source=source, fallback_received_at=now)
    except QuarantineError as err:
        payload = canonical_payload(record.payload)
        return Quarantined(
            form_key(payload), source, err.code, err.detail, payload, record.location
        )
    return replace(message, received_at=now)


def ingest_submission(
    payload: Mapping[str, Any],
    *,
    source: str,
    database_url: str | None = None,
    now: datetime | None = None,
    location: str = "web",
) -> tuple[Status, int | None]:
    """Store one submission; returns ("stored", id), ("duplicate", id of the earlier copy)
    or ("quarantined", None) -- the last also when the same bad payload comes again.

    ``payload`` uses triage's form field names (``triage.core.types.FORM_FIELDS``); its
    canonical JSON is the natural key, so posting the same submission twice stores it once.
    ``now`` (timezone-aware) is the receipt time; tests pass it, the API leaves it to the clock.
    """
    started = datetime.now(UTC)
    now = (now or started).astimezone(UTC)
    item = _to_item(FormRecord(location, dict(payload)), source=source, now=now)
    result = IngestResult(source=source, seen=1)
    status: Status
    message_id: int | None = None
    with session_scope(database_url) as session:
        if isinstance(item, Message):
            inserted = repo.insert_messages(session, [item], now, minhashes_of([item]))
            if inserted:
                status, message_id = "stored", inserted[0][1]
                result.stored = 1
                result.stored_ids.append(message_id)
                repo.add_event(session, Event("received", now, "system", message_id, {}))
            else:
                status = "duplicate"
                message_id = repo.message_ids_for_keys(session, [item.key]).get(item.key)
                result.duplicates = 1
        else:
            status = "quarantined"
            if repo.insert_quarantined(session, [item], now):
                result.quarantined = 1
            else:
                result.duplicates = 1
        run_id = record_run(session, result, started)
    if isinstance(item, Quarantined):
        log.warning("form submission run %s: quarantined (%s)", run_id, item.reason)
    else:
        log.info("form submission run %s: %s, message %s", run_id, status, message_id)
    return status, message_id
