"""Crash safety: triage killed with SIGKILL at named points, then run again, loses nothing,
stores nothing twice and sends no notification twice.

Every trial runs a real step of triage in its own process (``tests.security.crash_runner`` or
the ``triage`` command line) with ``TRIAGE_CRASH_AT`` naming the point where it must die
(``triage.faults``: like a power cut, no ``finally`` runs). The test asserts the process died
by SIGKILL (return code -9), checks what the dead run left behind, runs the step again
without the variable and checks the invariants: each message stored, quarantined or
duplicate exactly once, no duplicated rows in any table, IMAP messages flagged, each
notification received exactly once by a real SMTP server, no half-written model or report
that looks finished, a schema the next upgrade completes.

Real components: dovecot (IMAP), aiosmtpd (SMTP), SQLite and PostgreSQL.
"""

from __future__ import annotations

import email
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from aiosmtpd.controller import Controller
from alembic.script import ScriptDirectory
from imap_tools import MailBoxUnencrypted
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from tests.conftest import ROOT, SAMPLES
from tests.imap_server import DovecotServer, remove, start_server
from tests.postgres_server import free_port
from tests.services.test_sla_watch import Collector
from triage.store.database import MIGRATIONS, make_engine, migrate

pytestmark = pytest.mark.slow

EMAILS = sorted((SAMPLES / "email" / "2026-10").glob("*.eml"))
USER_ENV, PASSWORD_ENV = "TRIAGE_IMAP_CRASHBOX_USER", "TRIAGE_IMAP_CRASHBOX_PASSWORD"
FLAG = "$Triaged"
KILLED = -9  # subprocess's return code for a process ended by SIGKILL

# Rows that must exist at most once per natural key: (table, key columns).
UNIQUE_BY_MEANING = [
    ("messages", "key"),
    ("messages", "message_id, raw_sha256"),
    ("classifications", "message_id"),
    ("cases", "root_message_id"),
    ("routing_decisions", "case_id"),
    ("deadlines", "case_id, kind"),
    ("outbox", "key"),
    ("events", "kind, message_id"),  # received, classified, routed: once per message
    ("quarantine", "key"),
]


def step(
    args: list[str], crash_at: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """One step in a child process: the crash runner (``ingest-imap``, ``classify``…) or,
    for a first word of ``cli``, the installed ``triage`` command line."""
    environ = {**os.environ, **env}
    environ.pop("TRIAGE_CRASH_AT", None)
    if crash_at:
        environ["TRIAGE_CRASH_AT"] = crash_at
    if args[0] == "cli":
        command = [sys.executable, "-c", "from pipelines.cli import main; main()", *args[1:]]
    else:
        command = [sys.executable, "-m", "tests.security.crash_runner", *args]
    return subprocess.run(
        command, cwd=ROOT, env=environ, capture_output=True, text=True, timeout=600
    )


def killed(args: list[str], crash_at: str, **env: str) -> None:
    result = step(args, crash_at, **env)
    assert result.returncode == KILLED, (crash_at, result.returncode, result.stderr[-2000:])


def survived(args: list[str], **env: str) -> dict[str, Any]:
    result = step(args, None, **env)
    assert result.returncode == 0, result.stderr[-2000:]
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def scalar(engine: Engine, sql: str) -> Any:
    with engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def assert_no_duplicates(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    for table, columns in UNIQUE_BY_MEANING:
        if table not in tables:
            continue
        where = " AND ".join(f"{c.strip()} IS NOT NULL" for c in columns.split(","))
        doubled = scalar(
            engine,
            f"SELECT COUNT(*) FROM (SELECT {columns} FROM {table} WHERE {where} "
            f"GROUP BY {columns} HAVING COUNT(*) > 1) AS d",
        )
        assert doubled == 0, f"duplicated rows in {table} by ({columns})"


def assert_each_once(engine: Engine, raws: list[bytes]) -> None:
    """Every message ends in exactly one state, and each run's counts reconcile."""
    with engine.connect() as conn:
        stored = list(conn.execute(text("SELECT message_id FROM messages")).scalars())
        quarantined = conn.execute(text("SELECT COUNT(*) FROM quarantine")).scalar()
        runs = list(conn.execute(
            text("SELECT seen, stored, quarantined, duplicates FROM ingest_runs")
        ))  # fmt: skip
        received = conn.execute(text("SELECT COUNT(*) FROM events WHERE kind = 'received'"))
        received_events = received.scalar()
    wanted = [email.message_from_bytes(r)["Message-ID"].strip() for r in raws]
    assert sorted(stored) == sorted(wanted), "lost or doubled messages"
    assert quarantined == 0  # the samples are well-formed
    assert received_events == len(stored)
    for seen, new, held, duplicates in runs:
        assert seen == new + held + duplicates
    assert_no_duplicates(engine)


# --- IMAP ingestion: after fetch before commit, after commit before the flag ---------------


@pytest.fixture
def imap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[DovecotServer]:
    server = start_server()
    if server is None:
        if os.environ.get("CI"):
            pytest.fail("dovecot not found: install Debian's 'dovecot-imapd' (.ci/run does)")
        pytest.skip("dovecot not found")
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({"sources": {"crashbox": {
        "type": "imap", "host": server.host, "port": server.port, "security": "plain",
        "username_env": USER_ENV, "password_env": PASSWORD_ENV, "after_store": "flag",
        "flag": FLAG,
    }}}))  # fmt: skip
    monkeypatch.setenv("TRIAGE_SOURCES_FILE", str(sources))
    monkeypatch.setenv(USER_ENV, server.user)
    monkeypatch.setenv(PASSWORD_ENV, server.password)
    monkeypatch.setenv("TRIAGE_IMAP_BATCH_SIZE", "2")
    try:
        yield server
    finally:
        remove(server)


def mailbox(server: DovecotServer) -> MailBoxUnencrypted:
    return MailBoxUnencrypted(server.host, server.port).login(
        server.user, server.password, initial_folder=None
    )


def append(server: DovecotServer, raws: list[bytes]) -> None:
    with mailbox(server) as box:
        for raw in raws:
            box.append(raw, "INBOX")


def unflagged(server: DovecotServer) -> int:
    with mailbox(server) as box:
        box.folder.set("INBOX", readonly=True)
        return sum(FLAG not in m.flags for m in box.fetch(mark_seen=False, headers_only=True))


IMAP_TRIALS = [
    # (crash point, messages appended, stored by the killed run, flagged by the killed run)
    ("imap_after_fetch_before_commit", 5, 0, 0),
    ("imap_after_fetch_before_commit@2", 5, 2, 2),  # second batch of two
    ("imap_after_commit_before_flag", 5, 2, 0),
    ("imap_after_commit_before_flag@3", 5, 5, 4),  # the last batch, of one
]


def test_imap_ingest_killed_then_rerun_stores_each_once_and_flags_every_message(
    imap: DovecotServer, database_url: str
) -> None:
    engine = make_engine(database_url)
    env = {"TRIAGE_DATABASE_URL": database_url}
    appended: list[bytes] = []
    for n, (point, count, stored_by_killed, flagged_by_killed) in enumerate(IMAP_TRIALS):
        new = [p.read_bytes() for p in EMAILS[n * count : (n + 1) * count]]
        append(imap, new)
        before = len(appended)
        killed(["ingest-imap", "crashbox"], point, **env)
        assert scalar(engine, "SELECT COUNT(*) FROM messages") == before + stored_by_killed
        assert unflagged(imap) == count - flagged_by_killed  # never flagged before stored
        appended += new

        counts = survived(["ingest-imap", "crashbox"], **env)
        # The rerun reads again what the killed run stored but did not flag: duplicates.
        assert counts["stored"] == count - stored_by_killed, point
        assert counts["duplicates"] == stored_by_killed - flagged_by_killed, point
        assert_each_once(engine, appended)
        assert unflagged(imap) == 0, point
    assert survived(["ingest-imap", "crashbox"], **env)["seen"] == 0
    engine.dispose()


# --- classification, routing, notification (SMTP) and the metrics report -----------------


@pytest.fixture
def smtp() -> Iterator[tuple[Collector, dict[str, str]]]:
    handler = Collector()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    env = {"TRIAGE_SMTP_HOST": "127.0.0.1", "TRIAGE_SMTP_PORT": str(port),
           "TRIAGE_SMTP_SENDER": "triage@example-platform.com"}  # fmt: skip
    try:
        yield handler, env
    finally:
        controller.stop()


def stages(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT stage, COUNT(*) FROM messages GROUP BY stage"))
        return {stage: int(n) for stage, n in rows}


def assert_stage_matches_rows(engine: Engine) -> None:
    """A message's stage and its rows agree: nothing half-classified or half-routed."""
    unclassified_but_marked = scalar(engine, """
        SELECT COUNT(*) FROM messages m WHERE m.stage != 'received'
        AND NOT EXISTS (SELECT 1 FROM classifications c WHERE c.message_id = m.id)""")
    classified_but_received = scalar(engine, """
        SELECT COUNT(*) FROM messages m WHERE m.stage = 'received'
        AND EXISTS (SELECT 1 FROM classifications c WHERE c.message_id = m.id)""")
    routed_without_case = scalar(engine, """
        SELECT COUNT(*) FROM messages m WHERE m.stage = 'routed' AND m.case_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.root_message_id = m.id)""")
    case_before_routed = scalar(engine, """
        SELECT COUNT(*) FROM cases c JOIN messages m ON m.id = c.root_message_id
        WHERE m.stage != 'routed'""")
    assert (unclassified_but_marked, classified_but_received) == (0, 0)
    assert (routed_without_case, case_before_routed) == (0, 0)
    assert_no_duplicates(engine)


def outbox_status(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT status, COUNT(*) FROM outbox GROUP BY status"))
        return {status: int(n) for status, n in rows}


def test_classify_route_notify_and_report_killed_then_rerun_exactly_once(
    sqlite_url: str, tmp_path: Path, smtp: tuple[Collector, dict[str, str]]
) -> None:
    from triage.services.ingest_batch import ingest_folder

    collector, smtp_env = smtp
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    raws = [p.read_bytes() for p in EMAILS[40:48]]
    for n, raw in enumerate(raws):
        (inbox / f"m{n}.eml").write_bytes(raw)
    ingest_folder(inbox, source="inbox", database_url=sqlite_url)
    engine = make_engine(sqlite_url)
    env = {"TRIAGE_DATABASE_URL": sqlite_url, "TRIAGE_CHUNK_SIZE": "3",
           "TRIAGE_METRICS_REPORT_DIR": str(tmp_path / "reports")}  # fmt: skip

    # Mid-classification: inside a chunk's transaction, then after the second chunk.
    killed(["classify"], "classify_mid_chunk", **env)
    assert stages(engine) == {"received": 8}
    assert_stage_matches_rows(engine)
    killed(["classify"], "classify_after_chunk@2", **env)
    assert stages(engine) == {"classified": 6, "received": 2}
    assert_stage_matches_rows(engine)
    assert survived(["classify"], **env) == {"classified": 2}
    assert stages(engine) == {"classified": 8}

    # After routing, before the notification: the second chunk's cases and acknowledgements
    # are committed, nothing is sent yet.
    killed(["route"], "route_after_commit_before_notify@2", **env)
    assert stages(engine) == {"routed": 6, "classified": 2}
    assert outbox_status(engine).get("pending", 0) > 0
    assert_stage_matches_rows(engine)
    assert survived(["route"], **env) == {"routed": 2}
    assert stages(engine) == {"routed": 8}
    assert_each_once(engine, raws)
    assert_stage_matches_rows(engine)
    assert collector.messages == []  # routing queues; only the outbox delivery sends

    # Mid-notification (the SLA watch delivering acknowledgements and escalations by SMTP):
    # before the delivery is recorded, then after the second notice is confirmed.
    watch = ["cli", "sla-watch", "--json", "--database", sqlite_url]
    killed(watch, "outbox_after_body_before_record", **env, **smtp_env)
    assert collector.messages == [] and set(outbox_status(engine)) == {"pending"}
    killed(watch, "outbox_after_confirm@2", **env, **smtp_env)
    assert len(collector.messages) == 2 and outbox_status(engine)["confirmed"] == 2
    killed(watch, "outbox_after_body_before_record@3", **env, **smtp_env)
    assert len(collector.messages) == 4 and outbox_status(engine)["confirmed"] == 4
    counts = survived(watch, **env, **smtp_env)
    rows = outbox_status(engine)
    assert rows == {"confirmed": sum(rows.values())} and counts["unconfirmed"] == 0
    assert len(collector.messages) == sum(rows.values()) > 8
    sent_ids = [email.message_from_bytes(raw)["Message-ID"] for _to, raw in collector.messages]
    assert len(set(sent_ids)) == len(sent_ids), "a notification was delivered twice"
    with engine.connect() as conn:
        keys = set(conn.execute(text("SELECT key FROM outbox")).scalars())
    # One delivery per outbox row: the Message-ID is made from the row's key.
    assert {i.removeprefix("<triage.").rsplit("@", 1)[0] for i in sent_ids} == {
        re.sub(r"[^A-Za-z0-9.-]", ".", k) for k in keys
    }
    assert survived(watch, **env, **smtp_env)["sent"] == 0
    assert_no_duplicates(engine)

    # Mid-metrics: the weekly report killed half-way through writing its file.
    reports = tmp_path / "reports"
    report = reports / "metrics-2026-10-12..2026-11-09.html"
    reports.mkdir()
    report.write_bytes(b"an earlier run's report")
    killed(["metrics", "2026-11-09"], "metrics_mid_write", **env)
    assert report.read_bytes() == b"an earlier run's report"  # whole, until replaced
    partial = reports / f".{report.name}.partial"  # the half file, under a name not taken
    assert partial.exists() and not partial.read_bytes().rstrip().endswith(b"</html>")
    killed(["metrics", "2026-11-09"], "metrics_after_html", **env)
    finished = report.read_bytes()
    assert finished.rstrip().endswith(b"</html>")
    assert survived(["metrics", "2026-11-09"], **env)["html"] == report.name
    assert report.read_bytes() == finished
    assert sorted(p.name for p in reports.iterdir()) == [report.name]
    alerts = scalar(engine, "SELECT COUNT(*) FROM events WHERE kind = 'metrics_gap_alert'")
    assert alerts <= 1

    # The command line's export and report, killed mid-write, leave no file to mistake.
    table, page = tmp_path / "out" / "table.csv", tmp_path / "out" / "page.html"
    page.parent.mkdir()
    metrics = ["cli", "metrics", "--since", "2026-10-01", "--until", "2026-11-09",
               "--export", str(table), "--report", str(page), "--database", sqlite_url]  # fmt: skip
    killed(metrics, "metrics_mid_write@2", **env)
    assert table.read_text().count("\n") >= 1 and not page.exists()
    assert step(metrics, **env).returncode == 0
    assert page.read_text().rstrip().endswith("</html>")
    engine.dispose()


# --- retraining and promotion -------------------------------------------------------------


def loadable_versions(models: Path) -> list[str]:
    """Versions a classifier would accept: a directory with a manifest that parses."""
    from triage.config.files import load_taxonomy
    from triage.nlp.persistence import ModelError, load_model

    taxonomy = load_taxonomy()
    found = []
    for directory in sorted((models / "labels").iterdir()) if (models / "labels").exists() else []:
        if not directory.is_dir():
            continue
        try:
            load_model(models, "labels", taxonomy.version, directory.name)
        except (ModelError, OSError, ValueError):
            continue
        found.append(directory.name)
    return found


def test_retrain_and_promote_killed_leave_no_half_model(tmp_path: Path) -> None:
    from triage.nlp.persistence import promoted_version

    models = tmp_path / "models"
    env = {"TRIAGE_MODELS_DIR": str(models)}
    shutil.copytree(ROOT / "models" / "labels" / promoted_version(ROOT / "models", "labels"),
                    models / "labels" / "v1")  # the model in use: v1  # fmt: skip
    assert step(["cli", "promote", "v1"], **env).returncode == 0
    complete = sorted(p.name for p in (models / "labels" / "v1").iterdir())
    assert complete == ["card.md", "manifest.json", "metrics.json", "model.skops"]

    # Killed writing the new model's manifest; then with every file written, just before
    # the directory is published under its version's name.
    for point in ("model_file_mid_write", "retrain_before_publish"):
        killed(["train", "v2"], point, **env)
        assert loadable_versions(models) == ["v1"], point
        assert not (models / "labels" / "v2").exists(), point
        assert promoted_version(models, "labels") == "v1"
    survived(["train", "v2"], **env)
    assert loadable_versions(models) == ["v1", "v2"]
    assert sorted(p.name for p in (models / "labels" / "v2").iterdir()) == complete
    assert sorted(p.name for p in (models / "labels").iterdir()) == ["promoted.json", "v1", "v2"]

    # Promotion killed half-way through writing the pointer: the old one stays whole.
    killed(["cli", "promote", "v2"], "model_file_mid_write", **env)
    assert promoted_version(models, "labels") == "v1"
    assert step(["cli", "promote", "v2"], **env).returncode == 0
    assert promoted_version(models, "labels") == "v2"


# --- schema migration ---------------------------------------------------------------------


def schema_of(engine: Engine) -> dict[str, list[tuple[str, str]]]:
    found = inspect(engine)
    return {
        table: sorted((c["name"], str(c["type"])) for c in found.get_columns(table))
        for table in sorted(found.get_table_names())
    }


def head_revision() -> str:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return str(ScriptDirectory.from_config(config).get_current_head())


def statement_count(url: str) -> int:
    """How many SQL statements a full upgrade runs, so the crash points spread over all of it."""
    from sqlalchemy import Engine as AnyEngine
    from sqlalchemy import event

    engine = make_engine(url)
    seen = [0]

    def count(*_args: Any) -> None:
        seen[0] += 1

    # Every engine: on SQLite the upgrade runs on an engine of its own (DDL in one
    # transaction), so counting on ``engine`` alone saw none of its statements and every
    # share came out as statement 1.
    event.listen(AnyEngine, "before_cursor_execute", count)
    try:
        migrate(engine)
    finally:
        event.remove(AnyEngine, "before_cursor_execute", count)
    engine.dispose()
    return seen[0]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_killed_mid_upgrade_then_upgrade_completes(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    from tests.conftest import new_postgres_database

    def fresh(name: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{tmp_path / name}.db"
        return new_postgres_database(request.getfixturevalue("postgres_server"))

    reference = fresh("reference")
    total = statement_count(reference)
    expected = schema_of(make_engine(reference))
    head = head_revision()
    shares = (5, 35, 70, 97) if backend == "sqlite" else (40, 90)
    for n in [max(1, total * share // 100) for share in shares]:
        url = fresh(f"t{n}")
        killed(["migrate", url], f"migration_statement@{n}")
        engine = make_engine(url)
        tables = set(inspect(engine).get_table_names())
        if "alembic_version" in tables:  # all or nothing: a recorded revision is complete
            assert scalar(engine, "SELECT version_num FROM alembic_version") == head, n
        else:
            assert tables == set(), (n, tables)  # no table left behind half-way
        engine.dispose()
        survived(["migrate", url])
        engine = make_engine(url)
        assert schema_of(engine) == expected, n
        assert scalar(engine, "SELECT version_num FROM alembic_version") == head
        engine.dispose()

    # An upgrade from an older revision, with data in it, killed half-way.
    url = fresh("old")
    engine = make_engine(url)
    migrate(engine, "0003")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO ingest_runs (source, started_at, finished_at, seen, stored, "
            "quarantined, duplicates) VALUES ('x', :t, :t, 1, 1, 0, 0)"
        ), {"t": "2026-11-02 10:00:00"})  # fmt: skip
    engine.dispose()
    killed(["migrate", url], "migration_statement@4")
    engine = make_engine(url)
    assert scalar(engine, "SELECT version_num FROM alembic_version") == "0003"
    engine.dispose()
    assert step(["cli", "init-db", "--database", url]).returncode == 0  # the command people use
    engine = make_engine(url)
    assert schema_of(engine) == expected
    assert scalar(engine, "SELECT COUNT(*) FROM ingest_runs") == 1
    engine.dispose()

