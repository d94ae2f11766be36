"""Repository functions over the tables: insert-or-ignore by natural key, stage queries.

Inserts are dialect-native ``ON CONFLICT DO NOTHING`` so that two workers (or a rerun after a
crash) can never store the same message twice; callers learn which keys were new.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Select,
    String,
    Table,
    and_,
    any_,
    bindparam,
    func,
    insert,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, load_only

from triage.core.types import (
    CaseStatus,
    Classification,
    Deadline,
    Event,
    Message,
    Quarantined,
    RoutingDecision,
    Stage,
)
from triage.store import sealing, text_rows
from triage.store.tables import (
    CASE_LABELS,
    CampaignKeyRow,
    CaseAccessRow,
    CaseFingerprintRow,
    CaseRow,
    ClassificationRow,
    DeadlineRow,
    EventRow,
    IngestedFileRow,
    IngestRunRow,
    MessageRow,
    OutboxRow,
    QuarantineRow,
    RoutingDecisionRow,
)
from triage.store.types import UTCDateTime


def dialect_insert(session: Session, table: Any) -> Any:
    """An INSERT with the dialect's conflict clauses (``on_conflict_do_nothing`` / ``_update``)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise RuntimeError(f"unsupported database dialect: {dialect}")


def message_values(message: Message, ingested_at: datetime) -> dict[str, Any]:
    return {
        "key": message.key,
        "source": message.source,
        "channel": str(message.channel),
        "received_at": message.received_at,
        "ingested_at": ingested_at,
        "stage": str(Stage.RECEIVED),
        "subject": message.subject,
        "sender_name": message.sender_name,
        "sender_address": message.sender_address,
        "body_text": message.body_text,
        "new_text": message.new_text,
        "quoted_text": message.quoted_text,
        "signature": message.signature,
        "html_sanitised": message.html_sanitised,
        "message_id": message.message_id,
        "in_reply_to": message.in_reply_to,
        "references": list(message.references),
        "date_header": message.date_header,
        "organisation": message.organisation,
        "form_country": message.form_country,
        "raw_sha256": message.raw_sha256,
        "raw": message.raw,
        "attachments": [asdict(a) for a in message.attachments],
        "auto_submitted": message.auto_submitted,
    }


# Messages per multi-row INSERT on SQLite (PostgreSQL pipelines single-row INSERTs instead:
# ``pipelined_insert``). Chosen on PostgreSQL when it used them too: for 1,000 messages, 100
# a statement cost 0.1-0.25 s of client CPU and 0.1 s of server CPU; 1,000 0.2-0.35 s and 0.3 s.
MESSAGE_PAGE = 100


def insert_messages(
    session: Session,
    messages: Sequence[Message],
    ingested_at: datetime,
    minhashes: Mapping[str, bytes] | None = None,
) -> list[tuple[str, int]]:
    """Insert new messages; returns (key, id) of those actually inserted. ``minhashes``: the
    packed MinHash signature of each message's new text, by message key (see
    ``MessageRow.minhash``); a message without one is left for routing to compute."""
    if not messages:
        return []
    unique: dict[str, Message] = {}
    for message in messages:
        unique.setdefault(message.key, message)
    minhashes = minhashes or {}
    rows = [
        {**message_values(m, ingested_at), "minhash": minhashes.get(m.key)}
        for m in unique.values()
    ]
    if sealing.policy().encrypt_all:  # every case's text is sealed from the first write
        rows = [text_rows.seal_values(r, text_rows.MESSAGE_TEXT) for r in rows]
    table = MessageRow.__table__
    stmt = (
        dialect_insert(session, table)
        .on_conflict_do_nothing(index_elements=["key"])
        .returning(table.c.key, table.c.id)
    )
    # RETURNING lists only the rows actually inserted, so a key another worker stored first
    # is a duplicate here.
    if session.get_bind().dialect.name == "postgresql":
        inserted = pipelined_insert(session, table, stmt, rows, returning=True)
        return [(str(key), int(message_id)) for key, message_id in inserted]
    # SQLite: one Core executemany ("insertmanyvalues": multi-row INSERTs of ``MESSAGE_PAGE``
    # rows). Not the ORM's bulk insert: it leaves out None values, so rows with and without a
    # Message-ID or HTML part fell into separate batches (746 statements for 1,916 messages).
    result = (
        session.connection()
        .execution_options(insertmanyvalues_page_size=MESSAGE_PAGE)
        .execute(stmt, rows)
    )
    return [(str(key), int(message_id)) for key, message_id in result]


def insert_quarantined(session: Session, items: Sequence[Quarantined], at: datetime) -> list[str]:
    if not items:
        return []
    stmt = (
        dialect_insert(session, QuarantineRow)
        .on_conflict_do_nothing(index_elements=["key"])
        .returning(QuarantineRow.key)
    )
    keys: list[str] = []
    seen: set[str] = set()
    for item in items:
        if item.key in seen:
            continue
        seen.add(item.key)
        values = {
            "key": item.key,
            "source": item.source,
            "location": item.location,
            "reason": item.reason,
            "detail": item.detail,
            "raw": item.raw,
            "quarantined_at": at,
        }
        if sealing.policy().encrypt_all:
            values = text_rows.seal_values(values, text_rows.QUARANTINE_TEXT)
        result = session.execute(stmt, values).first()
        if result is not None:
            keys.append(result[0])
    return keys


def existing_keys(session: Session, keys: Iterable[str]) -> set[str]:
    wanted = list(set(keys))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(session.scalars(select(MessageRow.key).where(MessageRow.key.in_(chunk))))
    return found


def message_ids_at_stage(session: Session, stage: Stage, limit: int | None = None) -> list[int]:
    stmt: Select[tuple[int]] = (
        select(MessageRow.id).where(MessageRow.stage == str(stage)).order_by(MessageRow.id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def pending_page(
    session: Session, stage: Stage, after: tuple[datetime, str] | None, limit: int
) -> list[tuple[int, datetime, str]]:
    """The next ``limit`` messages at ``stage`` in arrival order (receipt time, then key), after
    ``after``: keyset paging, so a million pending messages are never one list, and the order
    (which routing's load balancing and campaigns depend on) does not depend on row ids that
    parallel workers hand out in any order."""
    stmt = select(MessageRow.id, MessageRow.received_at, MessageRow.key).where(
        MessageRow.stage == str(stage)
    )
    if after is not None:
        stmt = stmt.where(tuple_(MessageRow.received_at, MessageRow.key) > tuple_(*after))
    stmt = stmt.order_by(MessageRow.received_at, MessageRow.key).limit(limit)
    return [(int(i), at, str(k)) for i, at, k in session.execute(stmt)]


def known_files(session: Session, source: str, paths: Sequence[str]) -> dict[str, tuple[int, int]]:
    """{path: (size, mtime_ns)} recorded for these files of a folder source."""
    if paths and session.get_bind().dialect.name == "postgresql":
        rows = session.execute(listed_files_join(source, paths))
        return {str(p): (int(size), int(m)) for p, size, m in rows}
    found: dict[str, tuple[int, int]] = {}
    for where in _in_values(session, IngestedFileRow.path, list(paths), String()):
        stmt = select(IngestedFileRow.path, IngestedFileRow.size, IngestedFileRow.mtime_ns).where(
            IngestedFileRow.source == source, where
        )
        found.update({str(p): (int(size), int(m)) for p, size, m in session.execute(stmt)})
    return found


def listed_files_join(source: str, paths: Sequence[str]) -> Select[tuple[str, int, int]]:
    """PostgreSQL: the recorded files among ``paths``, as a join with the listed paths.

    Not ``path = ANY(...)``: psycopg prepares a statement after five runs, and PostgreSQL may
    then keep a generic plan chosen while the table was small, which reads the source's rows
    and tests each against the whole list (at 9,000 rows, 178 ms a look-up of 1,000 paths,
    against 3 ms planned for the list). The join's plans hash the list or probe the index
    with each path (5 ms at 9,000 rows, generic or not)."""
    listed = (
        func.unnest(bindparam("paths", list(paths), type_=postgresql.ARRAY(String())))
        .table_valued("path")
        .render_derived(name="listed")
    )
    table = IngestedFileRow.__table__
    return select(table.c.path, table.c.size, table.c.mtime_ns).join_from(
        listed, table, and_(table.c.path == listed.c.path, table.c.source == source)
    )


def record_files(
    session: Session, source: str, files: Sequence[tuple[str, int, int]], at: datetime
) -> None:
    """Upsert (path, size, mtime_ns) of files read, in the transaction that stored them."""
    if not files:
        return
    stmt = dialect_insert(session, IngestedFileRow.__table__)
    stmt = stmt.on_conflict_do_update(
        index_elements=["source", "path"],
        set_={"size": stmt.excluded.size, "mtime_ns": stmt.excluded.mtime_ns,
              "ingested_at": stmt.excluded.ingested_at},
    )  # fmt: skip
    session.connection().execute(
        stmt,
        [{"source": source, "path": p, "size": size, "mtime_ns": m, "ingested_at": at}
         for p, size, m in files],
    )  # fmt: skip


def add_events(session: Session, events: Sequence[Event]) -> None:
    """Many audit events in one ``executemany``: the per-message events of a chunk."""
    fast_insert(
        session,
        EventRow.__table__,
        [
            {"message_id": e.message_id, "case_id": e.case_id, "kind": e.kind,
             "actor": e.actor, "at": e.at, "data": e.data}
            for e in events
        ],
    )  # fmt: skip


def load_messages(
    session: Session, ids: Sequence[int], only: Sequence[Any] | None = None
) -> list[MessageRow]:
    """``only``: the columns needed (the rest, such as raw bytes, are not read)."""
    rows: list[MessageRow] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        stmt = select(MessageRow).where(MessageRow.id.in_(chunk))
        if only:
            stmt = stmt.options(load_only(*only))
        rows.extend(session.scalars(stmt))
    rows.sort(key=lambda r: r.id)
    return rows


def message_columns(session: Session, ids: Sequence[int], columns: Sequence[Any]) -> list[Any]:
    """Rows of ``id`` and ``columns`` (attributes by column name) for these messages, by id.

    Plain rows, not ORM objects: a classification chunk reads a thousand messages once and
    changes none of them, so identity-map bookkeeping was all cost. Sealed text opens the same.
    """
    rows: list[Any] = []
    for where in _in_values(session, MessageRow.id, list(ids), BigInteger()):
        rows.extend(session.execute(select(MessageRow.id, *columns).where(where)))
    rows.sort(key=lambda r: r.id)
    return rows


def set_stage(session: Session, ids: Sequence[int], stage: Stage) -> None:
    for where in _in_values(session, MessageRow.id, list(ids), BigInteger()):
        table = MessageRow.__table__  # Core: the ORM's update would RETURNING every id
        session.connection().execute(update(table).where(where).values(stage=str(stage)))


def classification_values(message_id: int, result: Classification, at: datetime) -> dict[str, Any]:
    return {
        "message_id": message_id,
        "language": result.language,
        "language_confidence": result.language_confidence,
        "rights_issue": list(result.rights_issue),
        "rights_issue_scores": result.rights_issue_scores,
        "challenge": list(result.challenge),
        "challenge_scores": result.challenge_scores,
        "countries": list(result.countries),
        "sender_country": result.sender_country,
        "regions": list(result.regions),
        "global_south": result.global_south,
        "priority": result.priority,
        "kind": result.kind,
        "needs_review": result.needs_review,
        "review_reasons": list(result.review_reasons),
        "evidence": result.evidence,
        "model_version": result.model_version,
        "taxonomy_version": result.taxonomy_version,
        "created_at": at,
    }


def add_classification(
    session: Session, message_id: int, result: Classification, at: datetime
) -> bool:
    stmt = dialect_insert(session, ClassificationRow.__table__).on_conflict_do_nothing(
        index_elements=["message_id", "model_version"]
    )
    values = classification_values(message_id, result, at)
    return session.connection().execute(stmt, values).rowcount == 1


def add_classifications(
    session: Session, results: Sequence[tuple[int, Classification]], at: datetime
) -> None:
    """A chunk's classifications in one ``executemany`` (insert-or-ignore, like one by one)."""
    if not results:
        return
    rows = [classification_values(m, result, at) for m, result in results]
    conflict = ["message_id", "model_version"]
    if session.get_bind().dialect.name == "sqlite":  # one driver executemany, as fast_insert
        fast_insert(session, ClassificationRow.__table__, rows, ignore_conflicts=conflict)
        return
    table = ClassificationRow.__table__
    stmt = dialect_insert(session, table).on_conflict_do_nothing(index_elements=conflict)
    pipelined_insert(session, table, stmt, rows)


def latest_classifications(session: Session, ids: Sequence[int]) -> dict[int, ClassificationRow]:
    latest: dict[int, ClassificationRow] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        stmt = (
            select(ClassificationRow)
            .where(ClassificationRow.message_id.in_(chunk))
            .order_by(ClassificationRow.id)
        )
        for row in session.scalars(stmt):
            latest[row.message_id] = row
    return latest


def open_load(session: Session) -> dict[str, int]:
    """Open (not closed) cases per owner, for load balancing."""
    stmt = (
        select(CaseRow.owner, func.count())
        .where(CaseRow.status != str(CaseStatus.CLOSED))
        .group_by(CaseRow.owner)
    )
    return {owner: int(n) for owner, n in session.execute(stmt)}


def add_decision(
    session: Session, case_id: int, decision: RoutingDecision, at: datetime, actor: str
) -> None:
    session.add(
        RoutingDecisionRow(
            case_id=case_id,
            owner=decision.owner,
            team=decision.team,
            rule_id=decision.rule_id,
            explanation=decision.explanation,
            rules_version=decision.rules_version,
            confidential=decision.confidential,
            actor=actor,
            decided_at=at,
        )
    )


def add_event(session: Session, event: Event) -> None:
    session.add(
        EventRow(
            message_id=event.message_id,
            case_id=event.case_id,
            kind=event.kind,
            actor=event.actor,
            at=event.at,
            data=event.data,
        )
    )


def record_ingest_run(
    session: Session,
    *,
    source: str,
    started_at: datetime,
    finished_at: datetime,
    seen: int,
    stored: int,
    quarantined: int,
    duplicates: int,
) -> int:
    row = IngestRunRow(
        source=source,
        started_at=started_at,
        finished_at=finished_at,
        seen=seen,
        stored=stored,
        quarantined=quarantined,
        duplicates=duplicates,
    )
    session.add(row)
    session.flush()
    return row.id


def count_rows(session: Session, table: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(table)) or 0)


def open_queue_rows(session: Session, limit: int | None = None) -> list[tuple[Any, ...]]:
    """Open cases with their respond-by deadline, soonest first."""
    respond = (
        select(DeadlineRow.case_id, DeadlineRow.due_at)
        .where(DeadlineRow.kind == "respond")
        .subquery()
    )
    stmt = (
        select(CaseRow, respond.c.due_at)
        .join(respond, respond.c.case_id == CaseRow.id)
        .where(CaseRow.status != str(CaseStatus.CLOSED))
        .order_by(respond.c.due_at, CaseRow.id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [tuple(r) for r in session.execute(stmt)]


def deadlines_of(session: Session, case_ids: Sequence[int]) -> dict[int, list[DeadlineRow]]:
    found: dict[int, list[DeadlineRow]] = {}
    for start in range(0, len(case_ids), 500):
        chunk = list(case_ids[start : start + 500])
        for row in session.scalars(select(DeadlineRow).where(DeadlineRow.case_id.in_(chunk))):
            found.setdefault(row.case_id, []).append(row)
    return found


def existing_outbox_keys(session: Session, keys: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = list(keys[start : start + 500])
        found.update(session.scalars(select(OutboxRow.key).where(OutboxRow.key.in_(chunk))))
    return found


@dataclass(frozen=True, slots=True)
class RoutingInput:
    """What routing reads of a message and its latest labels: no body, no raw bytes."""

    message_id: int
    source: str
    subject: str
    channel: str
    sender_address: str
    organisation: str | None
    received_at: datetime
    sender_name: str
    auto_submitted: bool
    header_id: str | None  # the Message-ID header, for replies to find their conversation
    refs: tuple[str, ...]  # In-Reply-To, then References newest first
    language: str
    rights_issue: tuple[str, ...]
    challenge: tuple[str, ...]
    countries: tuple[str, ...]
    sender_country: str | None
    global_south: bool | None
    priority: str
    kind: str


def routing_inputs(session: Session, ids: Sequence[int], stage: Stage) -> list[RoutingInput]:
    """Messages among ``ids`` still at ``stage``, with their latest classification."""
    found: dict[int, RoutingInput] = {}
    order: dict[int, tuple[datetime, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        stmt = (
            select(
                MessageRow.id, MessageRow.source, MessageRow.subject, MessageRow.channel,
                MessageRow.sender_address,
                MessageRow.organisation, MessageRow.received_at, MessageRow.sender_name,
                MessageRow.auto_submitted, MessageRow.message_id, MessageRow.in_reply_to,
                MessageRow.references, ClassificationRow.language,
                ClassificationRow.rights_issue, ClassificationRow.challenge,
                ClassificationRow.countries, ClassificationRow.sender_country,
                ClassificationRow.global_south, ClassificationRow.priority,
                ClassificationRow.kind, MessageRow.key,
            )
            .join(ClassificationRow, ClassificationRow.message_id == MessageRow.id)
            .where(MessageRow.id.in_(chunk), MessageRow.stage == str(stage))
            .order_by(ClassificationRow.id)
        )  # fmt: skip
        for row in session.execute(stmt):  # ordered by id: the latest classification wins
            refs = tuple(dict.fromkeys(
                r for r in ([row[10]] if row[10] else []) + list(reversed(row[11] or [])) if r
            ))  # fmt: skip
            found[row[0]] = RoutingInput(
                row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], bool(row[8]),
                row[9], refs, row[12], tuple(row[13]), tuple(row[14]), tuple(row[15]), row[16],
                row[17], row[18], row[19],
            )  # fmt: skip
            order[row[0]] = (row[6], row[20])
    # Arrival order (receipt time, then key), the same whichever worker stored which row first.
    return [found[i] for i in sorted(found, key=order.__getitem__)]


@dataclass(frozen=True, slots=True)
class NewCase:
    message_id: int
    decision: RoutingDecision
    deadlines: Sequence[Deadline]
    priority: str
    kind: str
    opened_at: datetime


def open_cases(
    session: Session,
    cases: Sequence[NewCase],
    now: datetime,
    actor: str = "system",
) -> dict[int, int]:
    """Open the cases of new messages: {message id: new case id}; messages with a case are
    skipped (a rerun). Each case gets its first decision, deadlines and a "routed" event.
    The caller links the messages to their cases (``finish_routing``, with their stage).

    Core ``executemany`` inserts (one round trip per few hundred rows) instead of one ORM object
    per row: routing 100,000 messages writes 600,000 rows.
    """
    if not cases:
        return {}
    wanted = [c.message_id for c in cases]
    existing: set[int] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        existing.update(
            session.scalars(
                select(CaseRow.root_message_id).where(CaseRow.root_message_id.in_(chunk))
            )
        )
    fresh = [c for c in cases if c.message_id not in existing]
    if not fresh:
        return {}
    fresh_ids = [c.message_id for c in fresh]
    # The root message's latest labels go into the INSERT (what ``copy_case_labels`` would
    # write): an UPDATE of every new case row afterwards was a second write of each case.
    labels = latest_labels(session, fresh_ids)
    empty = dict.fromkeys(CASE_LABELS)
    table = CaseRow.__table__
    stmt = dialect_insert(session, table).on_conflict_do_nothing(index_elements=["root_message_id"])
    rows = [
        {
            "root_message_id": c.message_id, "status": str(CaseStatus.OPEN),
            "owner": c.decision.owner, "team": c.decision.team,
            "confidential": c.decision.confidential, "priority": c.priority,
            "kind": c.kind, "rule_id": c.decision.rule_id, "opened_at": c.opened_at,
            "updated_at": now, **labels.get(c.message_id, empty),
        }
        for c in fresh
    ]  # fmt: skip
    ids: dict[int, int] = {}
    if session.get_bind().dialect.name == "postgresql":
        returned = stmt.returning(table.c.root_message_id, table.c.id)
        inserted = pipelined_insert(session, table, returned, rows, returning=True)
        ids.update({int(m): int(c) for m, c in inserted})
    else:
        session.connection().execute(stmt, rows)
    missing = [m for m in fresh_ids if m not in ids]  # SQLite, or opened by another worker
    for start in range(0, len(missing), 500):
        chunk = missing[start : start + 500]
        found = select(CaseRow.root_message_id, CaseRow.id).where(
            CaseRow.root_message_id.in_(chunk)
        )
        ids.update({int(m): int(c) for m, c in session.execute(found)})
    fast_insert(
        session,
        RoutingDecisionRow.__table__,
        [
            {
                "case_id": ids[c.message_id], "owner": c.decision.owner, "team": c.decision.team,
                "rule_id": c.decision.rule_id, "explanation": c.decision.explanation,
                "rules_version": c.decision.rules_version,
                "confidential": c.decision.confidential, "actor": actor, "decided_at": now,
            }
            for c in fresh
        ],
    )  # fmt: skip
    fast_insert(
        session,
        DeadlineRow.__table__,
        [
            {
                "case_id": ids[c.message_id], "kind": str(d.kind), "started_at": c.opened_at,
                "due_at": d.due_at, "met_at": None, "paused_at": None, "calendar": d.calendar,
                "policy": d.policy,
            }
            for c in fresh
            for d in c.deadlines
        ],
    )  # fmt: skip
    fast_insert(
        session,
        EventRow.__table__,
        [
            {
                "message_id": c.message_id, "case_id": ids[c.message_id], "kind": "routed",
                "actor": actor, "at": now, "data": {"rule": c.decision.rule_id},
            }
            for c in fresh
        ],
    )  # fmt: skip
    return ids


def cases_by_id(session: Session, case_ids: Sequence[int]) -> dict[int, CaseRow]:
    """{id: case} for these ids, loaded in one query per dialect chunk (ORM objects: callers
    may change them in the session)."""
    found: dict[int, CaseRow] = {}
    for where in _in_values(session, CaseRow.id, list(dict.fromkeys(case_ids)), BigInteger()):
        found.update({c.id: c for c in session.scalars(select(CaseRow).where(where))})
    return found


def latest_labels(session: Session, message_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """{message id: the case label columns of its latest classification} (``CASE_LABELS``)."""
    labels = ClassificationRow.__table__
    latest: dict[int, dict[str, Any]] = {}
    for where in _in_values(
        session, labels.c.message_id, list(dict.fromkeys(message_ids)), BigInteger()
    ):
        stmt = (
            select(labels.c.message_id, *(labels.c[name] for name in CASE_LABELS))
            .where(where)
            .order_by(labels.c.id)
        )
        for row in session.execute(stmt):  # ordered by label id: the newest wins
            latest[int(row[0])] = dict(zip(CASE_LABELS, row[1:], strict=True))
    return latest


def copy_case_labels(session: Session, case_ids: Sequence[int]) -> None:
    """Copy each case's latest root-message labels onto the case (what the queues read), for
    cases written without them (the queue benchmark's synthetic store); routing writes them
    when it opens a case (``open_cases``).

    Read with one join (cases by id, labels by message), written with one ``executemany``.
    The single UPDATE with six correlated subqueries it replaces was planned on PostgreSQL,
    with tables grown since their last ANALYZE, as scans of ``classifications`` per case:
    30 s of a 10,000-message run.
    """
    cases, labels = CaseRow.__table__, ClassificationRow.__table__
    latest: dict[int, dict[str, Any]] = {}
    for where in _in_values(session, cases.c.id, list(dict.fromkeys(case_ids)), BigInteger()):
        stmt = (
            select(cases.c.id, *(labels.c[name] for name in CASE_LABELS))
            .join(labels, labels.c.message_id == cases.c.root_message_id)
            .where(where)
            .order_by(labels.c.id)
        )
        for row in session.execute(stmt):  # ordered by label id: the newest wins
            latest[int(row[0])] = {f"new_{name}": row[i + 1] for i, name in enumerate(CASE_LABELS)}
    if not latest:
        return
    session.connection().execute(
        update(cases)
        .where(cases.c.id == bindparam("case_pk"))
        .values({name: bindparam(f"new_{name}") for name in CASE_LABELS}),
        [{"case_pk": case_id, **values} for case_id, values in latest.items()],
    )


def fast_insert(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    ignore_conflicts: Sequence[str] | None = None,
) -> None:
    """``executemany`` straight on the driver, each column's bind processor applied once per value.

    SQLAlchemy's generic executemany rebuilds every row's parameters through several layers;
    for the hundreds of thousands of audit and deadline rows a large batch writes, that costs
    more than the database itself. Types are still applied (UTC datetimes, JSON), so the rows
    read back exactly as ORM inserts would. ``ignore_conflicts``: the unique columns of an
    insert-or-ignore (SQLite only: PostgreSQL's COPY has no conflict clause).
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    columns = list(rows[0])
    if dialect.name == "postgresql":
        if ignore_conflicts:
            raise ValueError("insert-or-ignore through COPY: not possible on PostgreSQL")
        _copy_rows(connection, table, columns, rows)
        return
    stmt = dialect_insert(session, table) if ignore_conflicts else insert(table)
    stmt = stmt.values({c: bindparam(c) for c in columns})
    if ignore_conflicts:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(ignore_conflicts))
    compiled = stmt.compile(dialect=dialect)
    names = list(compiled.positiontup or []) if compiled.positional else columns
    values = _converted_rows(table, names, rows, dialect)
    params: list[Any] = (
        values if compiled.positional else [dict(zip(names, v, strict=True)) for v in values]
    )
    connection.exec_driver_sql(str(compiled), params)


def pipelined_insert(
    session: Session,
    table: Table,
    stmt: Any,
    rows: Sequence[dict[str, Any]],
    returning: bool = False,
) -> list[tuple[Any, ...]]:
    """PostgreSQL: ``stmt`` (an INSERT of ``table``, with its conflict and RETURNING clauses)
    once per row through psycopg's pipelined ``executemany``; returns the rows RETURNING gave.

    Why not SQLAlchemy's "insertmanyvalues" (multi-row INSERTs of a hundred rows): psycopg
    caches its parse of a statement's placeholders only for statements under 4 KB and 50
    parameters, so each multi-row statement was parsed again in Python. Storing 5,000
    messages took 0.8-1.3 s of client CPU that way and 0.2-0.4 s this way, with the same
    server CPU (about 0.7 s): one statement, prepared after a few rows, its rows pipelined.
    """
    if not rows:
        return []
    connection = session.connection()
    dialect = connection.dialect
    columns = list(rows[0])
    sql = str(stmt.values({c: bindparam(c) for c in columns}).compile(dialect=dialect))
    params = [
        dict(zip(columns, values, strict=True))
        for values in _converted_rows(table, columns, rows, dialect)
    ]
    returned: list[tuple[Any, ...]] = []
    driver = connection.connection.driver_connection
    with _driver_errors(connection, sql), driver.cursor() as cursor:
        cursor.executemany(sql, params, returning=returning)
        while returning:
            returned.extend(cursor.fetchall())
            if not cursor.nextset():
                break
    return returned


@contextmanager
def _driver_errors(connection: Any, sql: str) -> Iterator[None]:
    """The driver's errors as SQLAlchemy raises them (``OperationalError`` with the driver's
    error as ``orig``), for work sent to psycopg directly (pipelined inserts, COPY): a
    deadlock between two workers there must reach ``retry_on_conflict`` like any other.
    Parameters are never shown (message text)."""
    dbapi = connection.dialect.loaded_dbapi
    try:
        yield
    except dbapi.Error as exc:
        raise DBAPIError.instance(
            sql, None, exc, dbapi.Error, hide_parameters=True, dialect=connection.dialect
        ) from exc


def _converted_rows(
    table: Table, names: Sequence[str], rows: Sequence[dict[str, Any]], dialect: Any
) -> list[tuple[Any, ...]]:
    """The rows as tuples of ``names``' values, each column's bind processor applied.

    Column by column (``map`` over ``itemgetter``), not value by value in a comprehension:
    the same values for about a third of the interpreter work, which mattered at a million
    audit, deadline and campaign-key rows.
    """
    columns = []
    for name in names:
        convert = _converter(table.c[name].type, dialect)
        column = map(itemgetter(name), rows)
        columns.append(list(map(convert, column)) if convert else list(column))
    return list(zip(*columns, strict=True))


def _copy_rows(
    connection: Any, table: Table, columns: list[str], rows: Sequence[dict[str, Any]]
) -> None:
    """PostgreSQL: the rows through ``COPY ... FROM STDIN`` on the session's own connection
    (same transaction). psycopg's executemany sends one INSERT per row (pipelined, but parsed,
    bound and executed each time, and ``RETURNING id`` each): 22,592 campaign keys took
    0.7-1.4 s that way. Bind processors are applied as for an INSERT (UTC datetimes, JSON)."""
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    sql = f"COPY {quote(table.name)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    driver = connection.connection.driver_connection
    with _driver_errors(connection, sql), driver.cursor() as cursor, cursor.copy(sql) as copy:
        for row in _converted_rows(table, columns, rows, dialect):
            copy.write_row(row)


def _sqlite_utc(value: datetime | None) -> str | None:
    """What UTCDateTime + SQLite's DATETIME store, in one C call instead of two layers."""
    if value is None:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("naive datetime refused: store timezone-aware UTC")
    return value.astimezone(UTC).isoformat(sep=" ", timespec="microseconds")[:26]


def _converter(type_: Any, dialect: Any) -> Any:
    if dialect.name == "sqlite" and isinstance(type_, UTCDateTime):
        return _sqlite_utc
    return type_.dialect_impl(dialect).bind_processor(dialect)


def queue_outbox(session: Session, rows: Sequence[dict[str, Any]]) -> int:
    """Insert outbox rows whose key is new; returns how many were queued."""
    if not rows:
        return 0
    known = existing_outbox_keys(session, [r["key"] for r in rows])
    fresh = [r for r in rows if r["key"] not in known]
    if sealing.policy().encrypt_all:
        fresh = [text_rows.seal_values(r, text_rows.OUTBOX_TEXT) for r in fresh]
    defaults = {"status": "pending", "attempts": 0, "sent_at": None, "confirmed_at": None,
                "last_error": None}  # fmt: skip
    fast_insert(session, OutboxRow.__table__, [{**defaults, **r} for r in fresh])
    return len(fresh)


def grant_access(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Name people on confidential cases (``case_access`` rows); existing names are kept."""
    if rows:
        stmt = dialect_insert(session, CaseAccessRow).on_conflict_do_nothing(
            index_elements=["case_id", "username"]
        )
        session.execute(stmt, list(rows))


def finish_routing(session: Session, ids: Sequence[int], case_of: dict[int, int]) -> None:
    """Mark these messages routed, each linked to its conversation (``{message id: case id}``)
    in the same UPDATE: on SQLite an UPDATE rewrites the whole row (text and raw bytes, in
    overflow pages), so linking and then marking routed wrote each message twice."""
    table = MessageRow.__table__
    routed = str(Stage.ROUTED)
    unlinked = [i for i in ids if i not in case_of]
    if case_of and session.get_bind().dialect.name == "postgresql":  # one statement
        pairs = select(
            func.unnest(bindparam(None, list(case_of), type_=postgresql.ARRAY(BigInteger()))).label(
                "mid"
            ),
            func.unnest(
                bindparam(None, list(case_of.values()), type_=postgresql.ARRAY(BigInteger()))
            ).label("cid"),
        ).subquery()
        session.connection().execute(
            update(table).where(table.c.id == pairs.c.mid).values(case_id=pairs.c.cid, stage=routed)
        )
    elif case_of:
        session.connection().execute(
            update(table)
            .where(table.c.id == bindparam("mid"))
            .values(case_id=bindparam("cid"), stage=routed),
            [{"mid": m, "cid": c} for m, c in case_of.items()],
        )
    set_stage(session, unlinked, Stage.ROUTED)


def cases_by_header(session: Session, headers: Sequence[str]) -> dict[str, tuple[int, str]]:
    """{Message-ID header: (case id, case status)} for stored messages that belong to a case."""
    found: dict[str, tuple[int, str]] = {}
    unique = list(dict.fromkeys(headers))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        stmt = (
            select(MessageRow.message_id, CaseRow.id, CaseRow.status)
            .join(CaseRow, CaseRow.id == MessageRow.case_id)
            .where(MessageRow.message_id.in_(chunk))
        )
        for header, case_id, status in session.execute(stmt):
            found.setdefault(str(header), (int(case_id), str(status)))
    return found


def imap_cursor(session: Session, source: str, folder: str) -> tuple[int, int] | None:
    """(uidvalidity, last_uid) stored for an IMAP folder, or None if it was never read."""
    from triage.store.tables import ImapCursorRow

    row = session.execute(
        select(ImapCursorRow.uidvalidity, ImapCursorRow.last_uid).where(
            ImapCursorRow.source == source, ImapCursorRow.folder == folder
        )
    ).first()
    return (int(row[0]), int(row[1])) if row is not None else None


def save_imap_cursor(
    session: Session, source: str, folder: str, uidvalidity: int, last_uid: int, at: datetime
) -> None:
    """Upsert the folder's position; call it in the transaction that stored the batch.

    Two workers on one folder can at worst move the cursor back (a re-read, deduplicated by
    key), never past a message neither of them stored.
    """
    from triage.store.tables import ImapCursorRow

    values = {
        "source": source,
        "folder": folder,
        "uidvalidity": uidvalidity,
        "last_uid": last_uid,
        "updated_at": at,
    }
    stmt = dialect_insert(session, ImapCursorRow).values(**values)
    stmt = stmt.on_conflict_do_update(
        index_elements=["source", "folder"],
        set_={"uidvalidity": uidvalidity, "last_uid": last_uid, "updated_at": at},
    )
    session.execute(stmt)


def message_ids_for_keys(session: Session, keys: Sequence[str]) -> dict[str, int]:
    """{message key: id} of the stored messages among ``keys``."""
    found: dict[str, int] = {}
    for where in _in_values(session, MessageRow.key, list(dict.fromkeys(keys)), String()):
        found.update({str(k): int(i) for k, i in session.execute(
            select(MessageRow.key, MessageRow.id).where(where))})  # fmt: skip
    return found


def message_minhashes(session: Session, ids: Sequence[int]) -> dict[int, bytes | None]:
    """{message id: packed MinHash signature, or None where it was not computed}."""
    found: dict[int, bytes | None] = {}
    for where in _in_values(session, MessageRow.id, list(ids), BigInteger()):
        stmt = select(MessageRow.id, MessageRow.minhash).where(where)
        found.update({int(i): None if h is None else bytes(h) for i, h in session.execute(stmt)})
    return found


def new_texts(session: Session, ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        stmt = select(MessageRow.id, MessageRow.new_text).where(MessageRow.id.in_(chunk))
        found.update({int(i): str(t or "") for i, t in session.execute(stmt)})
    return found


def campaign_key_holders(
    session: Session, keys: Sequence[int], opened_after: datetime
) -> dict[int, list[int]]:
    """{band key: ids of the cases opened after ``opened_after`` whose fingerprint holds it}
    (``ix_campaign_keys_key_opened``).

    Keys and cases only, no signatures: routing loads the signatures of the few cases that
    share enough keys with a message to be a copy (``campaign_signatures``). Without the
    window the candidates sharing any key grew with the store (about 2,000 per chunk of 1,000
    at 60,000 cases); ``campaign_signatures`` drops cases opened earlier anyway.
    """
    holders: dict[int, list[int]] = {}
    for where in _in_values(session, CampaignKeyRow.key, list(dict.fromkeys(keys)), BigInteger()):
        stmt = select(CampaignKeyRow.key, CampaignKeyRow.case_id).where(
            where, CampaignKeyRow.opened_at >= opened_after
        )
        for key, case_id in session.execute(stmt):
            holders.setdefault(int(key), []).append(int(case_id))
    return {key: list(dict.fromkeys(cases)) for key, cases in holders.items()}


def campaign_signatures(
    session: Session, case_ids: Iterable[int], opened_after: datetime
) -> dict[int, list[int]]:
    """{case id: signature} of those of ``case_ids`` still open and opened after
    ``opened_after``, in case id order (ties between equally similar cases go to the first).

    By primary key, whatever the planner believes of the tables' sizes: the single join this
    replaced was planned on PostgreSQL as a scan of every open case probing
    ``campaign_keys`` per case (~0.15 s a query at 800 cases, growing with the store).
    """
    found: dict[int, list[int]] = {}
    for where in _in_values(session, CaseRow.id, sorted(set(case_ids)), BigInteger()):
        stmt = (
            select(CaseFingerprintRow.case_id, CaseFingerprintRow.signature)
            .join(CaseRow, CaseRow.id == CaseFingerprintRow.case_id)
            .where(
                where,
                CaseRow.status != str(CaseStatus.CLOSED),
                CaseRow.opened_at >= opened_after,
            )
        )
        for case_id, sig in session.execute(stmt):
            found[int(case_id)] = [int(v) for v in sig]
    return dict(sorted(found.items()))


def _in_values(
    session: Session, column: Any, values: Sequence[Any], type_: Any, chunk: int = 500
) -> Iterator[ColumnElement[bool]]:
    """``column IN values`` as few conditions as the dialect allows: on PostgreSQL one
    ``= ANY(array)`` with a single parameter (one statement, whatever the count); on SQLite
    ``IN`` lists of ``chunk`` values (its bound-parameter limit)."""
    if not values:
        return
    if session.get_bind().dialect.name == "postgresql":
        yield column == any_(bindparam(None, list(values), type_=postgresql.ARRAY(type_)))
        return
    for start in range(0, len(values), chunk):
        yield column.in_(list(values[start : start + chunk]))


def add_fingerprints(
    session: Session, prints: Sequence[tuple[int, datetime, list[int], list[int]]]
) -> None:
    """(case id, the case's opening time, signature, band keys) for newly opened cases."""
    if not prints:
        return
    fast_insert(
        session, CaseFingerprintRow.__table__,
        [{"case_id": c, "signature": [str(v) for v in sig]} for c, _at, sig, _keys in prints],
    )  # fmt: skip
    # In key order: each insert lands next to the previous one in the key index (the primary
    # key), instead of on a random page of an index that outgrows SQLite's page cache.
    fast_insert(
        session, CampaignKeyRow.__table__,
        [{"key": k, "case_id": c, "opened_at": at}
         for k, c, at in sorted((k, c, at) for c, at, _sig, keys in prints for k in keys)],
    )  # fmt: skip


STAFF_PREFIX = "staff:"


def staff_labelled(session: Session) -> list[dict[str, Any]]:
    """Every message a person labelled (corrected or confirmed), its latest staff labels, who
    and when: the training data triage learns from. Text leaves the store only here, for
    training in-process; callers must not log it."""
    rows = session.execute(
        select(ClassificationRow, MessageRow)
        .join(MessageRow, MessageRow.id == ClassificationRow.message_id)
        .where(ClassificationRow.model_version.like(f"{STAFF_PREFIX}%"))
        .order_by(ClassificationRow.message_id, ClassificationRow.created_at, ClassificationRow.id)
    ).all()
    latest: dict[int, dict[str, Any]] = {}
    for label, message in rows:
        who, _, _when = label.model_version[len(STAFF_PREFIX) :].rpartition("@")
        latest[message.id] = {
            "id": f"staff-{message.id}",
            "subject": message.subject or "",
            "body": message.new_text or message.body_text or "",
            "language": label.language,
            "rights_issue": list(label.rights_issue),
            "challenge": list(label.challenge),
            "countries": list(label.countries),
            "priority": label.priority,
            "kind": label.kind,
            "labelled_by": who,
            "labelled_at": label.created_at.isoformat(),
            "source": "staff",
        }
    return list(latest.values())
