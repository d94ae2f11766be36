"""Queue pages in deadline order read by walking the deadlines' index are the pages the
general query (join every case, sort) gives: same rows, same order, every offset, on both
backends; closed cases with old deadlines, cases without a respond deadline, met and paused
deadlines included."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select

from triage.services.database import engine_for, session_scope
from triage.store import queue_queries as qq
from triage.store.tables import CaseRow, DeadlineRow, MessageRow

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


def seed(url: str, n: int = 60, seed: int = 3) -> None:
    rng = random.Random(seed)
    with engine_for(url).begin() as conn:
        conn.execute(insert(MessageRow), [{
            "key": f"k{i}", "source": "t", "channel": "email", "received_at": NOW,
            "ingested_at": NOW, "stage": "routed", "subject": "", "sender_name": "",
            "sender_address": "", "body_text": "", "new_text": "", "quoted_text": "",
            "signature": "", "html_sanitised": None, "message_id": None, "in_reply_to": None,
            "references": [], "date_header": None, "organisation": None, "form_country": None,
            "raw_sha256": "", "raw": b"", "attachments": [], "auto_submitted": False,
        } for i in range(n)])  # fmt: skip
        mids = list(conn.scalars(select(MessageRow.id).order_by(MessageRow.id)))
        rows = []
        for mid in mids:
            status = rng.choice(["closed", "closed", "open", "open", "waiting_on_sender"])
            days = rng.randrange(400) if status == "closed" else rng.randrange(8)
            rows.append({
                "root_message_id": mid, "status": status,
                "owner": rng.choice(["ana", "ben"]), "team": "t", "confidential": False,
                "priority": rng.choice(["critical", "normal"]), "kind": "allegation",
                "rule_id": "r", "opened_at": NOW - timedelta(days=days, minutes=mid),
                "acknowledged_at": None, "responded_at": None, "loop_closed_at": None,
                "paused_at": None, "closed_at": None, "updated_at": NOW, "merged_into": None,
                "needs_review": rng.random() < 0.5, "language": "en",
                "rights_issue": rng.sample(["privacy", "speech"], 1), "challenge": [],
                "regions": [], "global_south": rng.random() < 0.5,
            })  # fmt: skip
        conn.execute(insert(CaseRow), rows)
        deadlines = []
        for cid, opened, status in conn.execute(
            select(CaseRow.id, CaseRow.opened_at, CaseRow.status).order_by(CaseRow.id)
        ):
            if rng.random() < 0.15:
                continue  # no respond deadline: listed after every dated case
            hours = rng.choice([12, 48, 48, 120])  # equal due times: the case id decides
            deadlines.append({
                "case_id": cid, "kind": "respond", "started_at": opened,
                "due_at": opened.replace(minute=0, second=0) + timedelta(hours=hours),
                "met_at": NOW if status == "closed" or rng.random() < 0.2 else None,
                "paused_at": NOW if status == "waiting_on_sender" else None,
                "calendar": "24x7", "policy": "t",
            })  # fmt: skip
        conn.execute(insert(DeadlineRow), deadlines)


def test_deadline_walk_pages_equal_the_sorted_join(database_url: str) -> None:
    seed(database_url)
    with session_scope(database_url) as session:
        conditions = qq.queue_conditions(session, "ana", "t", NOW, 0.75)
        filters = [qq.QueueFilter(), qq.QueueFilter(rights_issue="privacy", global_south=True)]
        for queue in qq.QUEUES:
            if queue == "closed":
                continue
            for f in filters:
                every = [r[0].id for r in qq.queue_page(session, conditions[queue], f,
                                                        offset=0, limit=1000)]  # fmt: skip
                for size in (1, 4, 7):
                    walked: list[int] = []
                    for offset in range(0, len(every) + 2 * size, size):
                        page = qq.queue_page(session, conditions[queue], f, offset=offset,
                                             limit=size, open_only=True)  # fmt: skip
                        assert len(page) <= size
                        walked.extend(r[0].id for r in page)
                    assert walked == every, (queue, f, size)
        assert any(
            qq.queue_page(session, conditions["open"], qq.QueueFilter(), limit=1000)
        )  # the seed has open cases
