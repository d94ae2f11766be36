"""Where text lives, in one list, and the two things done to all of it: seal it, delete it.

Every column that holds what a sender wrote (or staff wrote about it) is named here, so that
sealing a confidential case, rotating keys and the retention purge cannot disagree about
which columns matter. Metadata (ids, times, labels, owners, deadlines) is never touched:
the metrics read only that.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Table, bindparam, delete, or_, select, type_coerce, update
from sqlalchemy.orm import Session

from triage.store import sealing
from triage.store.tables import (
    CampaignKeyRow,
    CaseFingerprintRow,
    CaseNoteRow,
    CaseOutcomeRow,
    CaseRow,
    ClassificationRow,
    MessageRow,
    OutboxRow,
    QuarantineRow,
)

log = logging.getLogger(__name__)

CHUNK = 500
# ``session.info`` flag: this transaction overwrote text; after commit, flush the WAL.
FLUSH_WAL = "triage.flush_wal"
MESSAGE_TEXT = ("subject", "sender_name", "sender_address", "body_text", "new_text",
                "quoted_text", "signature", "html_sanitised", "organisation", "raw",
                "attachments")  # fmt: skip
# The value each text column takes when retention deletes it (NOT NULL columns stay valid).
MESSAGE_PURGED: dict[str, Any] = {
    "subject": "", "sender_name": "", "sender_address": "", "body_text": "", "new_text": "",
    "quoted_text": "", "signature": "", "html_sanitised": None, "organisation": None,
    "raw": b"", "attachments": [], "minhash": None,
}  # fmt: skip
QUARANTINE_TEXT = ("detail", "raw")
OUTBOX_TEXT = ("address", "subject", "body")
# Tables with a ``case_id`` whose text belongs to that case.
CASE_TEXT: tuple[tuple[Table, tuple[str, ...]], ...] = (
    (CaseNoteRow.__table__, ("body",)),  # type: ignore[arg-type]
    (CaseOutcomeRow.__table__, ("summary",)),  # type: ignore[arg-type]
    (OutboxRow.__table__, OUTBOX_TEXT),  # type: ignore[arg-type]
)
SEALED_COLUMNS: tuple[tuple[Table, tuple[str, ...]], ...] = (
    (MessageRow.__table__, MESSAGE_TEXT),  # type: ignore[arg-type]
    (ClassificationRow.__table__, ("evidence",)),  # type: ignore[arg-type]
    *CASE_TEXT,
    (QuarantineRow.__table__, QUARANTINE_TEXT),  # type: ignore[arg-type]
)


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def _rewrite(
    session: Session, table: Table, columns: Sequence[str], where: ColumnElement[bool], change: Any
) -> int:
    """Read ``columns`` as stored (no opening of sealed values), apply ``change`` to each
    value and write back the rows where something changed; returns how many rows."""
    raw = [type_coerce(table.c[c], table.c[c].type.impl_instance).label(c) for c in columns]
    rows = session.execute(select(table.c.id, *raw).where(where)).all()
    updates = []
    for row in rows:
        values = {c: change(getattr(row, c)) for c in columns}
        if any(values[c] is not getattr(row, c) for c in columns):
            updates.append({"row_id": row.id, **values})
    if updates:
        session.info[FLUSH_WAL] = True
        session.connection().execute(
            update(table).where(table.c.id == bindparam("row_id"))
            .values({c: bindparam(c) for c in columns}),
            updates,
        )  # fmt: skip
    return len(updates)


def _case_messages(session: Session, case_ids: list[int]) -> list[int]:
    """Messages of these cases: linked ones, and a root not linked yet (never one a merge
    moved to another case)."""
    roots = select(CaseRow.root_message_id).where(CaseRow.id.in_(case_ids))
    stmt = select(MessageRow.id).where(or_(
        MessageRow.case_id.in_(case_ids),
        MessageRow.id.in_(roots) & MessageRow.case_id.is_(None),
    ))  # fmt: skip
    return list(session.scalars(stmt))


def sealable_cases(session: Session, case_ids: Sequence[int]) -> list[int]:
    """Those of ``case_ids`` whose text must be sealed under the installed policy."""
    found: list[int] = []
    for chunk in _chunks(list(dict.fromkeys(case_ids))):
        stmt = select(CaseRow.id).where(CaseRow.id.in_(chunk))
        if not sealing.policy().encrypt_all:
            stmt = stmt.where(CaseRow.confidential.is_(True))
        found.extend(int(i) for i in session.scalars(stmt))
    return found


def seal_cases(session: Session, case_ids: Sequence[int]) -> int:
    """Seal in place the text of these cases if they are confidential (every case when
    encrypt-all is on): messages, label evidence, notes, outcomes, outbox rows. Idempotent;
    returns how many message rows were sealed now. Raises ``VaultLocked`` without a key,
    unless the development setting allows plaintext."""
    targets = sealable_cases(session, case_ids)
    if not targets:
        return 0
    pol = sealing.policy()
    if not pol.can_seal:
        if pol.allow_plaintext:
            log.warning("%d confidential cases kept in plaintext (development setting)",
                        len(targets))  # fmt: skip
            return 0
        sealing.sealer()  # raises VaultLocked with the explanation
    sealed = 0
    for chunk in _chunks(targets):
        mids = _case_messages(session, chunk)
        for mchunk in _chunks(mids):
            sealed += _rewrite(session, MessageRow.__table__, MESSAGE_TEXT,  # type: ignore[arg-type]
                               MessageRow.id.in_(mchunk), sealing.seal)  # fmt: skip
            _rewrite(session, ClassificationRow.__table__, ("evidence",),  # type: ignore[arg-type]
                     ClassificationRow.message_id.in_(mchunk), sealing.seal)  # fmt: skip
        for table, columns in CASE_TEXT:
            _rewrite(session, table, columns, table.c.case_id.in_(chunk), sealing.seal)
    return sealed


def seal_unlinked(session: Session) -> int:
    """Encrypt-all: messages without a case and quarantined items (a sweep for old rows)."""
    if not sealing.policy().encrypt_all:
        return 0
    sealing.sealer()
    mids = list(session.scalars(select(MessageRow.id).where(MessageRow.case_id.is_(None))))
    n = 0
    for chunk in _chunks(mids):
        n += _rewrite(session, MessageRow.__table__, MESSAGE_TEXT,  # type: ignore[arg-type]
                      MessageRow.id.in_(chunk), sealing.seal)  # fmt: skip
    qids = list(session.scalars(select(QuarantineRow.id)))
    for chunk in _chunks(qids):
        n += _rewrite(session, QuarantineRow.__table__, QUARANTINE_TEXT,  # type: ignore[arg-type]
                      QuarantineRow.id.in_(chunk), sealing.seal)  # fmt: skip
    return n


def reseal_all(session: Session) -> int:
    """Key rotation: every sealed value re-made with the newest key; returns rows changed."""
    n = 0
    for table, columns in SEALED_COLUMNS:
        ids = list(session.scalars(select(table.c.id)))
        for chunk in _chunks(ids):
            n += _rewrite(session, table, columns, table.c.id.in_(chunk), sealing.reseal)
    return n


def seal_values(values: dict[str, Any], columns: Sequence[str]) -> dict[str, Any]:
    """A row's values with ``columns`` sealed, for inserts under encrypt-all."""
    return {k: sealing.seal(v) if k in columns else v for k, v in values.items()}


# --- retention ---------------------------------------------------------------------------


def purge_cases(session: Session, case_ids: Sequence[int], at: datetime) -> int:
    """Delete the text of these cases everywhere it is kept; the rows and their metadata stay.

    Messages keep id, channel, times, stage and labels; their text columns are emptied.
    Label evidence (it quotes the message), notes, outcome summaries, outbox subjects, bodies
    and addresses, and the campaign fingerprints (derived from the text) go too.
    Returns how many messages were emptied.
    """
    n = 0
    session.info[FLUSH_WAL] = True
    for chunk in _chunks(list(case_ids)):
        mids = _case_messages(session, chunk)
        n += purge_messages(session, mids, at)
        session.execute(delete(CaseNoteRow).where(CaseNoteRow.case_id.in_(chunk)))
        session.execute(update(CaseOutcomeRow).where(CaseOutcomeRow.case_id.in_(chunk))
                        .values(summary=""))  # fmt: skip
        session.execute(update(OutboxRow).where(OutboxRow.case_id.in_(chunk))
                        .values(address="", subject="", body=""))  # fmt: skip
        session.execute(delete(CampaignKeyRow).where(CampaignKeyRow.case_id.in_(chunk)))
        session.execute(delete(CaseFingerprintRow).where(CaseFingerprintRow.case_id.in_(chunk)))
        session.execute(update(CaseRow).where(CaseRow.id.in_(chunk)).values(text_purged_at=at))
    return n


def purge_messages(session: Session, message_ids: Sequence[int], at: datetime) -> int:
    n = 0
    session.info[FLUSH_WAL] = True
    for chunk in _chunks(list(message_ids)):
        n += session.execute(
            update(MessageRow).where(MessageRow.id.in_(chunk))
            .values(**MESSAGE_PURGED, text_purged_at=at)
        ).rowcount  # fmt: skip
        session.execute(update(ClassificationRow).where(ClassificationRow.message_id.in_(chunk))
                        .values(evidence={}))  # fmt: skip
    return n


def purge_quarantined(session: Session, ids: Sequence[int], at: datetime) -> int:
    """Quarantined items keep their reason code and times (counts reconcile); bytes go."""
    n = 0
    session.info[FLUSH_WAL] = True
    for chunk in _chunks(list(ids)):
        n += session.execute(
            update(QuarantineRow).where(QuarantineRow.id.in_(chunk))
            .values(raw=b"", detail="", text_purged_at=at)
        ).rowcount  # fmt: skip
    return n
