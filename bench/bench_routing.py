"""Routing throughput: 100,000 classified messages routed (decide, deadlines, store) on one core.

Synthetic classified messages (random labels, countries, priorities and receipt times over
four weeks, no text) are written straight into a fresh store, then ``route_messages`` runs
over them in chunks of 1,000 ids, exactly as the batch flow calls it. Writes rows to
``bench/results.json`` (merged with rows from other benchmarks) and prints a table.

Usage: python bench/bench_routing.py [--messages N] [--database URL]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import record
from triage.core.routing import deadlines_for
from triage.core.types import Stage
from triage.nlp.gazetteer import load_gazetteer
from triage.services.database import (
    engine_for,
    session_scope,
)
from triage.services.route_pending import decide_for, route_messages, routing_rules
from triage.services.run_batch import chunks
from triage.store import repository as repo
from triage.store.tables import ClassificationRow, MessageRow

ISSUES = ["privacy", "surveillance", "expression", "shutdowns", "harmful_content",
          "discrimination", "labour", "hrd_safety", "child_rights", "remedy", "environment",
          "other"]  # fmt: skip
CHALLENGES = ["opaque_practices", "inaccessible_structures", "limited_capacity",
              "whistleblower_protection", "discriminatory_practices",
              "lack_of_commitment"]  # fmt: skip
KINDS = ["allegation", "engagement_request", "information_request", "follow_up", "submission",
         "invitation", "out_of_scope"]  # fmt: skip


def seed_store(url: str, n: int, seed: int = 7) -> list[int]:
    rng = random.Random(seed)
    codes = load_gazetteer().codes()
    engine = engine_for(url)
    base = datetime(2026, 11, 2, tzinfo=UTC)
    now = datetime(2026, 11, 30, tzinfo=UTC)
    with engine.begin() as conn:
        for start in range(0, n, 5000):
            rows = []
            for i in range(start, min(n, start + 5000)):
                key = hashlib.sha256(f"bench-{seed}-{i}".encode()).hexdigest()
                rows.append({
                    "key": key, "source": "bench", "channel": rng.choice(["email", "form"]),
                    "received_at": base + timedelta(seconds=rng.randrange(28 * 86400)),
                    "ingested_at": now, "stage": str(Stage.CLASSIFIED), "subject": "",
                    "sender_name": "", "sender_address": f"s{i}@example.org", "body_text": "",
                    "new_text": "", "quoted_text": "", "signature": "", "html_sanitised": None,
                    "message_id": None, "in_reply_to": None, "references": [],
                    "date_header": None, "organisation": None, "form_country": None,
                    "raw_sha256": key, "raw": b"", "attachments": [], "auto_submitted": False,
                })  # fmt: skip
            conn.execute(insert(MessageRow), rows)
        ids = list(conn.scalars(select(MessageRow.id).order_by(MessageRow.id)))
        for start in range(0, n, 5000):
            labels = []
            for mid in ids[start : start + 5000]:
                labels.append({
                    "message_id": mid, "language": rng.choice(["en", "es", "fr", "pt", "ar", "sw"]),
                    "language_confidence": 0.9,
                    "rights_issue": rng.sample(ISSUES, rng.choice([1, 1, 2])),
                    "rights_issue_scores": {},
                    "challenge": rng.sample(CHALLENGES, rng.choice([0, 0, 1])),
                    "challenge_scores": {},
                    "countries": rng.sample(codes, rng.choice([0, 1, 1, 2])),
                    "sender_country": rng.choice([None, "KE", "BR", "DE"]), "regions": [],
                    "global_south": rng.random() < 0.7,
                    "priority": rng.choice(["critical", "high", "normal", "normal", "low"]),
                    "kind": rng.choice(KINDS), "needs_review": False, "review_reasons": [],
                    "evidence": {}, "model_version": "bench", "taxonomy_version": "bench",
                    "created_at": now,
                })  # fmt: skip
            conn.execute(insert(ClassificationRow), labels)
    return ids


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--database", default=None, help="default: a new SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'bench.db'}"
        store = url.split(":", 1)[0].split("+")[0]
        ids = seed_store(url, args.messages)
        rules = routing_rules()
        gazetteer = load_gazetteer()  # loading once is part of a worker's start, not of routing
        with session_scope(url) as session:
            items = repo.routing_inputs(session, ids, Stage.CLASSIFIED)
        started = time.perf_counter()
        load: dict[str, int] = {}
        for item in items:
            decision = decide_for(rules, gazetteer, item, load)
            deadlines_for(rules, item.priority, item.kind, decision.owner, item.received_at)
            load[decision.owner] = load.get(decision.owner, 0) + 1
        decide_seconds = time.perf_counter() - started
        del items
        started = time.perf_counter()
        routed = sum(len(route_messages(chunk, url)) for chunk in chunks(ids, 1000))
        seconds = time.perf_counter() - started
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        engine_for(url).dispose()
    assert routed == len(ids), (routed, len(ids))
    rows = [
        {"stage": "route_decide", "messages": routed, "workers": 1, "store": "none",
         "seconds": round(decide_seconds, 2), "messages_per_s": round(routed / decide_seconds),
         "peak_rss_mb": round(rss)},
        {"stage": "route", "messages": routed, "workers": 1, "store": store,
         "seconds": round(seconds, 2), "messages_per_s": round(routed / seconds),
         "peak_rss_mb": round(rss)},
    ]  # fmt: skip
    record(rows)
    print(f"decided owners and deadlines for {routed:,} messages in {decide_seconds:.2f} s "
          f"({routed / decide_seconds:,.0f}/s)")  # fmt: skip
    print(f"routed {routed:,} messages on {store} (read, decide, write) in {seconds:.2f} s "
          f"({routed / seconds:,.0f}/s), peak RSS {rss:,.0f} MB")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
