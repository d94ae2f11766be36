"""Queue page latency with 100,000 (or --cases) cases: the staff UI's landing page over real HTTP.

A fresh store gets 100,000 classified messages (no text) and a case for each, written with
bulk inserts: two years of history, so 85% of the cases are closed, 3% wait on the sender and
12% are open (opened in the last ten days, respond deadlines of 2 to 10 days, so some are
overdue or at risk); a fifth of the labels ask for review. A real uvicorn server serves the
app; a signed-in client asks for each queue page (counts of every queue, one page of 50
rows, the critical banner) and the median and 95th percentile go to ``bench/results.json``.
Counts are cached for up to 30 s (dropped at once on any change), so the pages are measured
again without that cache, as service calls: the cost right after a change.

Usage: python bench/bench_queue.py [--cases N] [--requests R] [--database URL]
"""

from __future__ import annotations

import argparse
import random
import re
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import uvicorn
from sqlalchemy import insert, select, update

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_routing import seed_store
from bench.results import record
from triage.services.database import engine_for, session_scope
from triage.services.route_pending import routing_rules
from triage.services.staff_queue import queue_view
from triage.services.users import StaffUser, add_user, list_users
from triage.store.repository import copy_case_labels
from triage.store.tables import CaseRow, ClassificationRow, DeadlineRow, MessageRow
from triage.web.app import create_app
from triage.web.ui import queue_filter

PASSWORD = "benchmark password 1"
PAGES = {  # what is measured: the landing page first
    "needs_triage": {"queue": "needs_triage"},
    "mine": {"queue": "mine"},
    "at_risk": {"queue": "at_risk"},
    "open_filtered": {"queue": "open", "rights_issue": "privacy", "global_south": "yes"},
}


def seed_cases(url: str, n: int, now: datetime, seed: int = 11) -> None:
    rng = random.Random(seed)
    ids = seed_store(url, n)
    people = routing_rules().people
    owners = sorted(people)
    engine = engine_for(url)
    with engine.begin() as conn:
        conn.execute(update(ClassificationRow).where(ClassificationRow.id % 5 == 0)
                     .values(needs_review=True, review_reasons=["low_confidence"]))
        for start in range(0, len(ids), 5000):
            rows = []
            for mid in ids[start : start + 5000]:
                owner = rng.choice(owners)
                roll = rng.random()
                status = "closed" if roll < 0.85 else "waiting_on_sender" if roll < 0.88 else "open"
                # Two years of history, closed; what is open arrived in the last ten days.
                span = 730 if status == "closed" else 10
                opened = now - timedelta(seconds=rng.randrange(span * 86400))
                rows.append({
                    "root_message_id": mid, "status": status, "owner": owner,
                    "team": people[owner].team, "confidential": rng.random() < 0.02,
                    "priority": rng.choice(["critical", "high", "normal", "normal", "low"]),
                    "kind": "allegation", "rule_id": "bench", "opened_at": opened,
                    "acknowledged_at": None, "responded_at": None, "loop_closed_at": None,
                    "paused_at": None, "closed_at": now if status == "closed" else None,
                    "updated_at": now, "merged_into": None,
                })  # fmt: skip
            conn.execute(insert(CaseRow), rows)
        cases = list(conn.execute(select(CaseRow.id, CaseRow.opened_at, CaseRow.status)))
        for start in range(0, len(cases), 5000):
            rows = []
            for cid, opened, status in cases[start : start + 5000]:
                for kind, hours in (("acknowledge", 24), ("respond", rng.choice([48, 120, 240]))):
                    rows.append({
                        "case_id": cid, "kind": kind, "started_at": opened,
                        "due_at": opened + timedelta(hours=hours),
                        "met_at": now if status == "closed" else None,
                        "paused_at": now if status == "waiting_on_sender" else None,
                        "calendar": "24x7", "policy": "bench",
                    })  # fmt: skip
            conn.execute(insert(DeadlineRow), rows)
        conn.execute(update(MessageRow).values(subject="A synthetic subject line"))
    with session_scope(url) as session:  # as routing does when it opens each case
        copy_case_labels(session, list(session.scalars(select(CaseRow.id))))


def users_by_name(url: str) -> dict[str, StaffUser]:
    return {u.username: u for u in list_users(url)}


@contextmanager
def serving(url: str) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@contextmanager
def signed_in(base: str) -> Iterator[httpx.Client]:
    client = httpx.Client(base_url=base, timeout=60)
    page = client.get("/login")
    nonce = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert nonce
    client.cookies.set("triage_login", nonce.group(1))
    response = client.post("/login", data={"username": "tomas.novak", "password": PASSWORD,
                                           "csrf_token": nonce.group(1)})  # fmt: skip
    token = re.search(r"triage_session=([^;]+)", response.headers.get("set-cookie", ""))
    assert response.status_code == 303 and token
    client.cookies.set("triage_session", token.group(1))
    try:
        yield client
    finally:
        client.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--database", default=None, help="default: a new SQLite file")
    args = parser.parse_args()
    now = datetime.now(UTC)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'bench.db'}"
        store = url.split(":", 1)[0].split("+")[0]
        started = time.perf_counter()
        with engine_for(url).connect() as conn:  # --database may name a store seeded before
            seeded = conn.execute(select(CaseRow.id).limit(1)).first() is not None
        if not seeded:
            seed_cases(url, args.cases, now)
            add_user("tomas.novak", PASSWORD, "triager", team="triage-desk", database_url=url)
            print(f"seeded {args.cases:,} cases in {time.perf_counter() - started:.1f} s")
        with serving(url) as base, signed_in(base) as client:
            for name, params in PAGES.items():
                client.get("/queue", params=params)  # warm: first query plans, templates
                times = []
                for _ in range(args.requests):
                    t0 = time.perf_counter()
                    response = client.get("/queue", params=params)
                    times.append(time.perf_counter() - t0)
                    assert response.status_code == 200, response.status_code
                median = statistics.median(times)
                p95 = sorted(times)[int(0.95 * (len(times) - 1))]
                print(f"queue page {name:>14}: median {median * 1000:6.1f} ms, "
                      f"p95 {p95 * 1000:6.1f} ms over {len(times)} requests")  # fmt: skip
                rows.append({
                    "stage": f"queue_page:{name}", "messages": args.cases, "workers": 1,
                    "store": store, "seconds": round(median, 4),
                    "p95_seconds": round(p95, 4), "requests": len(times),
                })  # fmt: skip
        # The same pages without the counts cache (a change just happened, or 30 s passed):
        # the service called in-process, so this is the database and Python work alone.
        user = users_by_name(url)["tomas.novak"]
        for name, params in PAGES.items():
            filters = queue_filter(params)
            times = []
            for _ in range(args.requests):
                t0 = time.perf_counter()
                queue_view(user, params["queue"], filters, use_cache=False, database_url=url)
                times.append(time.perf_counter() - t0)
            median = statistics.median(times)
            print(f"uncached {name:>14}: median {median * 1000:6.1f} ms (service, no HTTP)")
            rows.append({
                "stage": f"queue_view_uncached:{name}", "messages": args.cases, "workers": 1,
                "store": store, "seconds": round(median, 4), "requests": len(times),
            })  # fmt: skip
        engine_for(url).dispose()
    record(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
