"""The schema. Alembic's first revision creates exactly this (a test compares them).

Times are stored timezone-aware UTC; JSON columns hold label lists and ids, never free text
beyond the message's own fields.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from triage.store.sealing import SealedBytes, SealedJSON, SealedText
from triage.store.types import UTCDateTime

_ID = BigInteger().with_variant(Integer, "sqlite")  # SQLite autoincrement needs INTEGER


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON}


class MessageRow(Base):
    __tablename__ = "messages"
    # Pending work is read in arrival order, a chunk at a time (keyset), by this index; it
    # also serves any look-up by stage (a separate one on ``stage`` was written at each of a
    # message's three stages for nothing).
    __table_args__ = (Index("ix_messages_stage_received", "stage", "received_at", "key"),)

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    source: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime]
    ingested_at: Mapped[datetime]
    stage: Mapped[str] = mapped_column(String(20))
    # What the sender wrote: sealed (encrypted) when the case is confidential, see sealing.py.
    subject: Mapped[str] = mapped_column(SealedText())
    sender_name: Mapped[str] = mapped_column(SealedText())
    sender_address: Mapped[str] = mapped_column(SealedText(sqlite_length=320))
    body_text: Mapped[str] = mapped_column(SealedText())
    new_text: Mapped[str] = mapped_column(SealedText())
    quoted_text: Mapped[str] = mapped_column(SealedText())
    signature: Mapped[str] = mapped_column(SealedText())
    html_sanitised: Mapped[str | None] = mapped_column(SealedText())
    message_id: Mapped[str | None] = mapped_column(String(1000), index=True)
    in_reply_to: Mapped[str | None] = mapped_column(String(1000))
    references: Mapped[list[str]] = mapped_column(JSON)
    date_header: Mapped[str | None] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(SealedText(sqlite_length=300))
    form_country: Mapped[str | None] = mapped_column(String(100))
    raw_sha256: Mapped[str] = mapped_column(String(64))
    raw: Mapped[bytes] = mapped_column(SealedBytes())
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(SealedJSON())
    auto_submitted: Mapped[bool] = mapped_column(Boolean)
    # The conversation (case) this message belongs to, set when it is routed: the first
    # message opens a case, a reply (In-Reply-To / References) joins the open case it answers.
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL", use_alter=True), index=True
    )
    # Set when retention deleted the text (the row stays, for counts and metrics).
    text_purged_at: Mapped[datetime | None] = mapped_column(default=None)
    # The new text's MinHash signature (``near_duplicates.pack``; empty: too short), computed
    # where the message is stored, so routing (serial, in arrival order) only compares
    # signatures. None for messages stored before it was kept: routing computes those.
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)


class QuarantineRow(Base):
    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    source: Mapped[str] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(50), index=True)
    detail: Mapped[str] = mapped_column(SealedText())
    raw: Mapped[bytes] = mapped_column(SealedBytes())
    quarantined_at: Mapped[datetime]
    text_purged_at: Mapped[datetime | None] = mapped_column(default=None)


class ClassificationRow(Base):
    __tablename__ = "classifications"
    __table_args__ = (UniqueConstraint("message_id", "model_version"),)

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(10))
    language_confidence: Mapped[float] = mapped_column(Float)
    rights_issue: Mapped[list[str]] = mapped_column(JSON)
    rights_issue_scores: Mapped[dict[str, Any]]
    challenge: Mapped[list[str]] = mapped_column(JSON)
    challenge_scores: Mapped[dict[str, Any]]
    countries: Mapped[list[str]] = mapped_column(JSON)
    sender_country: Mapped[str | None] = mapped_column(String(2))
    regions: Mapped[list[str]] = mapped_column(JSON)
    global_south: Mapped[bool | None] = mapped_column(Boolean)
    priority: Mapped[str] = mapped_column(String(20), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    needs_review: Mapped[bool] = mapped_column(Boolean, index=True)
    review_reasons: Mapped[list[str]] = mapped_column(JSON)
    evidence: Mapped[dict[str, Any]] = mapped_column(SealedJSON())  # quotes the message
    model_version: Mapped[str] = mapped_column(String(100))
    taxonomy_version: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime]


class CaseRow(Base):
    """One case per conversation: its owner, status and the moments that answer the sender."""

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_status_owner", "status", "owner"),
        Index("ix_cases_status_team", "status", "team"),
        Index("ix_cases_review_status", "needs_review", "status"),
        Index("ix_cases_status_opened", "status", "opened_at"),
    )

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    root_message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[str] = mapped_column(String(20))
    owner: Mapped[str] = mapped_column(String(100))
    team: Mapped[str] = mapped_column(String(100))
    confidential: Mapped[bool] = mapped_column(Boolean)
    priority: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(30))
    rule_id: Mapped[str] = mapped_column(String(100))
    opened_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    responded_at: Mapped[datetime | None]
    loop_closed_at: Mapped[datetime | None]
    paused_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]
    # Set when staff merge this case into another (the duplicate is closed, its messages move).
    # A plain column, not a foreign key: SQLite can add it without rebuilding ``cases``.
    merged_into: Mapped[int | None] = mapped_column(_ID, default=None)
    # Retention: when the case's text was deleted (its metadata stays for the metrics).
    text_purged_at: Mapped[datetime | None] = mapped_column(default=None)
    # The latest labels of the root message, copied here when the case opens and whenever a
    # classification row is added (``copy_labels_to_case``): the queues filter, count and
    # sort a million cases without joining each to its newest classification.
    needs_review: Mapped[bool | None] = mapped_column(Boolean, default=None)
    language: Mapped[str | None] = mapped_column(String(10), default=None)
    rights_issue: Mapped[list[str] | None] = mapped_column(JSON, default=None)
    challenge: Mapped[list[str] | None] = mapped_column(JSON, default=None)
    regions: Mapped[list[str] | None] = mapped_column(JSON, default=None)
    global_south: Mapped[bool | None] = mapped_column(Boolean, default=None)


CASE_LABELS = ("needs_review", "language", "rights_issue", "challenge", "regions", "global_south")


@event.listens_for(ClassificationRow, "after_insert")
def copy_labels_to_case(_mapper: Any, connection: Any, row: ClassificationRow) -> None:
    """A classification added through the ORM (a person's correction or confirmation) is the
    newest: its labels become the case's. Bulk inserts (new messages, before they have a
    case) do not pass here; opening a case writes them (``repository.open_cases``)."""
    table = CaseRow.__table__
    connection.execute(
        table.update()
        .where(table.c.root_message_id == row.message_id)
        .values({name: getattr(row, name) for name in CASE_LABELS})
    )


class RoutingDecisionRow(Base):
    """Append-only history: the first decision and every re-routing, with the rule that fired."""

    __tablename__ = "routing_decisions"

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    owner: Mapped[str] = mapped_column(String(100), index=True)
    team: Mapped[str] = mapped_column(String(100))
    rule_id: Mapped[str] = mapped_column(String(100))
    explanation: Mapped[str] = mapped_column(Text)
    rules_version: Mapped[str] = mapped_column(String(50))
    confidential: Mapped[bool] = mapped_column(Boolean)
    actor: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime]


class DeadlineRow(Base):
    __tablename__ = "deadlines"
    __table_args__ = (
        UniqueConstraint("case_id", "kind"),
        Index("ix_deadlines_open_due", "met_at", "due_at"),
        # Queue pages in deadline order walk this from the oldest open case (migration 0009).
        Index("ix_deadlines_kind_due", "kind", "due_at", "case_id"),
        # The overdue count reads the live late deadlines' cases from this alone (0009).
        Index("ix_deadlines_live_due", "met_at", "paused_at", "due_at", "case_id"),
    )

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime]
    due_at: Mapped[datetime]
    met_at: Mapped[datetime | None]
    paused_at: Mapped[datetime | None]
    calendar: Mapped[str] = mapped_column(String(100))
    policy: Mapped[str] = mapped_column(String(100))


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL"), index=True
    )
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(50))
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime]
    data: Mapped[dict[str, Any]]


class IngestRunRow(Base):
    """One row per batch: the reconciliation seen = stored + quarantined + duplicates."""

    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    seen: Mapped[int] = mapped_column(Integer)
    stored: Mapped[int] = mapped_column(Integer)
    quarantined: Mapped[int] = mapped_column(Integer)
    duplicates: Mapped[int] = mapped_column(Integer)


class IngestedFileRow(Base):
    """A file of a folder source already read (its size and mtime then): a scheduled run lists
    the folder and reads only files that are new or changed, instead of re-parsing every one
    to find out that it is a duplicate. Written in the transaction that stored its messages."""

    __tablename__ = "ingested_files"
    __table_args__ = (UniqueConstraint("source", "path"),)

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(200))
    path: Mapped[str] = mapped_column(String(1000))
    size: Mapped[int] = mapped_column(BigInteger)
    mtime_ns: Mapped[int] = mapped_column(BigInteger)
    ingested_at: Mapped[datetime]


class FolderDigestRow(Base):
    """A part of a folder whose files were all found in ``ingested_files`` with the sizes and
    mtimes they still had: a digest of their (name, size, mtime_ns). A scheduled run that
    computes the same digest from its listing skips the look-up of those files, so an idle
    run costs a stat per file and no per-file query. A part is a whole folder, or in a folder
    of more than a few thousand files a run of names cut where a name's hash says (so a new
    file changes one part). Written by the listing only after the check; deleted before the
    files of a part that changed are read again; rows of parts no longer listed are pruned."""

    __tablename__ = "folder_digests"
    __table_args__ = (UniqueConstraint("source", "folder", "part"),)

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(200))
    folder: Mapped[str] = mapped_column(String(1000))
    part: Mapped[str] = mapped_column(String(1000))
    digest: Mapped[str] = mapped_column(String(64))
    checked_at: Mapped[datetime]


class OutboxRow(Base):
    """Mail triage sends (escalation notices, acknowledgements), each at most once per key.

    ``status``: pending -> sent (recorded before SMTP's final end-of-data, see
    ``triage.notify.smtp_outbox``) -> confirmed (the server answered 250). A row left at
    ``sent`` without confirmation is the one case a person must check by hand.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status", "status", "id"),)

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    purpose: Mapped[str] = mapped_column(String(30))
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    recipient: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(SealedText(sqlite_length=320))
    subject: Mapped[str] = mapped_column(SealedText())
    body: Mapped[str] = mapped_column(SealedText())
    status: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    confirmed_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(200))


class ImapCursorRow(Base):
    """How far each IMAP folder has been read: the highest UID stored, under one UIDVALIDITY.

    Written in the same transaction as the messages of a batch, after them: a crash re-reads a
    batch (deduplicated by message key), it never skips one. A different UIDVALIDITY on the
    server means the UIDs were renumbered, so the folder is read again from the start.
    """

    __tablename__ = "imap_cursors"
    __table_args__ = (UniqueConstraint("source", "folder"),)

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(200))
    folder: Mapped[str] = mapped_column(String(500))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)  # unsigned 32-bit: beyond INTEGER
    last_uid: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]


class CaseFingerprintRow(Base):
    """The MinHash signature of the message that opened a case, to recognise its campaign."""

    __tablename__ = "case_fingerprints"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    signature: Mapped[list[str]] = mapped_column(JSON)  # 64 integers, as strings (JSON-safe)


class CampaignKeyRow(Base):
    """LSH band keys of case fingerprints: a new message looks its keys up here.

    ``opened_at`` is the case's (it never changes): a look-up reads only the keys of cases
    opened within the campaign window, by ``(key, opened_at)``, instead of every case that
    ever held the key, which grew with the store (see ``campaign_key_holders``).

    Sixteen rows a case, the largest table of a back-fill, so it is kept lean: the primary
    key is the look-up's index, keys are integers, and ``case_id`` has no foreign key, whose
    check read ``cases`` once per row. Cases are never deleted, and purging a case's text
    deletes its keys by ``case_id`` (``text_rows.purge_cases``). Writing the keys of 780,000
    cases on PostgreSQL, 7,800 at a time: 183 s with text keys, an id and the foreign key;
    153 s with integer keys; 113 s without the foreign key too (the table and its indexes
    1.3 GB against 2.0 GB)."""

    __tablename__ = "campaign_keys"

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    opened_at: Mapped[datetime] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=False, index=True)


# --- Staff: people who sign in, their sessions and tokens, and what they add to a case. ---


class UserRow(Base):
    """A person who signs in. ``username`` is the routing id (``people:`` in routing.yaml) for
    owners, so "mine" is ``cases.owner == username``. Only an argon2 hash is stored."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    team: Mapped[str | None] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean)
    failed_logins: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    password_changed_at: Mapped[datetime]


class AuthTokenRow(Base):
    """A browser session (``kind='session'``, with its CSRF token) or an API token.

    The id is the SHA-256 of the secret the client holds: a copy of this table lets nobody in.
    """

    __tablename__ = "auth_tokens"
    __table_args__ = (Index("ix_auth_tokens_user", "user_id", "kind"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(100))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class CaseNoteRow(Base):
    """An internal note on a case: staff only, never sent to the sender."""

    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(SealedText())
    created_at: Mapped[datetime]


class CaseOutcomeRow(Base):
    """What changed because of this input: recorded when the loop is closed with the sender."""

    __tablename__ = "case_outcomes"

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(50))
    summary: Mapped[str] = mapped_column(SealedText())
    actor: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime]


class CaseAccessRow(Base):
    """The people named on a confidential case: they (and its owner) may read its text."""

    __tablename__ = "case_access"
    __table_args__ = (UniqueConstraint("case_id", "username"),)

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    username: Mapped[str] = mapped_column(String(100))
    granted_by: Mapped[str] = mapped_column(String(100))
    granted_at: Mapped[datetime]


class CaseViewerRow(Base):
    """Soft lock: who had a case open, and when they last said so (a heartbeat)."""

    __tablename__ = "case_viewers"
    __table_args__ = (UniqueConstraint("case_id", "username"),)

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    username: Mapped[str] = mapped_column(String(100))
    seen_at: Mapped[datetime]


class TextReadRow(Base):
    """Audit log: one row per read of message text by a person (who, when, which case and
    message, which view). Ids only, never text. Append-only: database triggers refuse UPDATE
    and DELETE (migration 0007), and nothing in triage writes anything but INSERT here.

    Plain id columns, no foreign keys: a cascade would have to update or delete audit rows.
    """

    __tablename__ = "text_reads"

    id: Mapped[int] = mapped_column(_ID, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(100))
    case_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    view: Mapped[str] = mapped_column(String(40))
