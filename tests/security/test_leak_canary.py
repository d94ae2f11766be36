"""The leak canary: a unique marker in everything a sender writes must reach nowhere but the
store that is meant to hold it.

A marker, random per run, is planted in a message's subject, body, sender name and address
and attachment file name, in a form export and a web-form submission, and in exceptions
forced while message text is in scope (the parser, the classifier, the database, the web
app). It goes through every Prefect flow (``triage_batch``, ``sla_watch``, ``metrics``,
``train_model``) under ``prefect_test_harness`` and every staff UI and API path, with all
logging at DEBUG. Then these places are searched, raw and decoded (base64 at any alignment,
quoted-printable, URL encoding, UTF-16):

- Prefect's database with its ``-wal`` and ``-shm`` files;
- Prefect's home and its result storage (``PREFECT_LOCAL_STORAGE_PATH``);
- the application log (the root logger and Prefect's, to a file at DEBUG) and pytest's log;
- the console (file descriptors 1 and 2: this process, the Prefect server, Chromium);
- the temporary folder (``TMPDIR`` points into the test's own folder);
- the metrics reports the flows wrote.

Zero hits is the expected figure. The positive control plants the marker, encoded, in one
place of each kind and requires the same search to find each of them; it also finds the
marker in triage's own database, where it belongs.
"""

from __future__ import annotations

import base64
import json
import logging
import quopri
import re
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote_to_bytes

import httpx
import pytest

from tests.conftest import SAMPLES
from tests.postgres_server import free_port

pytestmark = pytest.mark.slow

_B64_RUN = re.compile(rb"[A-Za-z0-9+/_-]{16,}={0,2}")


# --- the search ---------------------------------------------------------------------------


def needles(marker: str) -> list[bytes]:
    """The marker as bytes in the forms a file could hold it without decoding."""
    found: list[bytes] = []
    for text in {marker, marker.lower(), marker.upper()}:
        raw = text.encode()
        found += [raw, text.encode("utf-16-le"), quote(text).encode()]
        for start in range(3):  # base64 of the marker at each of the three alignments
            part = raw[start:]
            part = part[: len(part) - len(part) % 3]
            found += [base64.b64encode(part), base64.urlsafe_b64encode(part)]
    return list(dict.fromkeys(found))


def decoded_views(blob: bytes) -> Iterator[bytes]:
    """The blob, then what it decodes to: quoted-printable, URL encoding, base64 runs."""
    yield blob
    yield quopri.decodestring(blob)
    if b"%" in blob:
        yield unquote_to_bytes(blob)
    for run in _B64_RUN.findall(blob):
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            for cut in range(4):  # the run may start mid-group: try each offset
                piece = run[cut:]
                piece = piece.rstrip(b"=")
                piece += b"=" * (-len(piece) % 4)
                try:
                    yield decode(piece)
                except ValueError:
                    continue


def hits(marker: str, blobs: dict[str, bytes]) -> list[str]:
    """The names of the blobs that hold the marker in any form."""
    wanted = needles(marker)
    lowered = marker.lower().encode()
    found = []
    for name, blob in blobs.items():
        for view in decoded_views(blob):
            if any(n in view for n in wanted) or lowered in view.lower():
                found.append(name)
                break
    return found


def files_under(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# --- the run ------------------------------------------------------------------------------


@dataclass
class Places:
    """Where the run may have written, each searched after it."""

    root: Path
    prefect_home: Path = field(init=False)
    results: Path = field(init=False)
    tmp: Path = field(init=False)
    own: Path = field(init=False)  # triage's own store, inbox and models: meant to hold text

    def __post_init__(self) -> None:
        self.prefect_home = self.root / "prefect-home"
        self.results = self.prefect_home / "storage"
        self.tmp = self.root / "tmp"
        self.own = self.root / "own"
        for folder in (self.prefect_home, self.results, self.tmp, self.own):
            folder.mkdir(parents=True)


def canary_mail(marker: str, message_id: str, subject: str, body: str) -> bytes:
    mail = EmailMessage()
    mail["Received"] = "from mx by in; Mon, 02 Nov 2026 09:30:00 +0000"
    mail["From"] = f"{marker} Person <{marker.lower()}@example.org>"
    mail["To"] = "humanrights@example-platform.com"
    mail["Subject"] = f"{subject} {marker}"
    mail["Message-ID"] = f"<{message_id}@example.org>"
    mail.set_content(f"{body} {marker}\n")
    mail.add_attachment(f"evidence {marker}".encode(), maintype="application",
                        subtype="octet-stream", filename=f"evidence-{marker}.pdf")  # fmt: skip
    return mail.as_bytes()


def plant_inbox(folder: Path, marker: str) -> None:
    folder.mkdir(parents=True)
    (folder / "canary.eml").write_bytes(canary_mail(
        marker, f"{marker}.1", "Internet shutdown",
        "Journalists were detained in Khartoum, Sudan, after the internet was cut.",
    ))  # fmt: skip
    (folder / "reply-threat.eml").write_bytes(canary_mail(
        marker, f"{marker}.2", "URGENT my account was hacked",
        "I am a human rights defender in Kenya. My account was hacked and I receive threats.",
    ))  # fmt: skip
    (folder / "parser-fails.eml").write_bytes(canary_mail(
        marker, f"{marker}.3", "Hostile", "This one makes the parser raise.",
    ))  # fmt: skip
    (folder / "broken.eml").write_text(f"no headers at all {marker}\r\n", encoding="utf-8")
    (folder / "form.csv").write_text(
        "submission_id,submitted_at,name,email,organisation,country,subject,message\n"
        f"c1,2026-11-02T10:00:00Z,{marker},{marker.lower()}@example.org,{marker} Org,Kenya,"
        f"{marker},Internet cut in Nairobi {marker}\n",
        encoding="utf-8",
    )


def force_failures(monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    """Library failures that quote their input, the way real ones do (a codec quoting the
    bytes it choked on, a tokenizer quoting the token): triage must pass on codes and ids."""
    from triage.ingest import folder_source
    from triage.nlp.classifier import Classifier

    real_parse = folder_source.parse_email

    def parse(raw: bytes, **kwargs: Any) -> Any:
        if b"makes the parser raise" in raw:
            raise ValueError(f"cannot decode {raw[:300]!r}")
        return real_parse(raw, **kwargs)

    def classify(self: Any, inputs: Any, **kwargs: Any) -> Any:
        first = inputs[0]
        raise RuntimeError(f"tokenizer failed on {first.subject!r} from {first.sender!r}: "
                           f"{first.body[:200]!r}")  # fmt: skip

    monkeypatch.setattr(folder_source, "parse_email", parse)
    monkeypatch.setattr(Classifier, "classify", classify)


def run_flows(places: Places, inbox: Path, url: str, monkeypatch: pytest.MonkeyPatch,
              marker: str) -> dict[str, Any]:  # fmt: skip
    import prefect.settings
    from prefect.testing.utilities import prefect_test_harness
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from pipelines.metrics import metrics
    from pipelines.sla_watch import sla_watch
    from pipelines.train_model import train_model
    from pipelines.triage_batch import triage_batch
    from triage.nlp.classifier import Classifier
    from triage.services.correct_labels import correct_labels
    from triage.services.database import engine_for
    from triage.settings import get_settings
    from triage.store.tables import CaseRow, MessageRow

    out: dict[str, Any] = {}
    with prefect_test_harness(server_startup_timeout=180):
        out["prefect_db"] = Path(
            prefect.settings.PREFECT_SERVER_DATABASE_CONNECTION_URL.value().split(":///", 1)[1]
        )
        real_classify = Classifier.classify
        force_failures(monkeypatch, marker)
        with pytest.raises(Exception) as failed:  # the classifier's forced failure
            triage_batch(sources=[str(inbox)])
        out["flow_error"] = f"{failed.value.__class__.__name__}: {failed.value}"
        monkeypatch.setattr(Classifier, "classify", real_classify)
        out["first"] = triage_batch(sources=[str(inbox)])
        out["watch"] = sla_watch()  # SMTP on a closed port: every delivery fails and is logged
        with Session(engine_for(url)) as session:
            case_id = session.scalar(
                select(CaseRow.id).join(MessageRow, MessageRow.id == CaseRow.root_message_id)
                .where(MessageRow.subject.contains("Internet shutdown"))
            )  # fmt: skip
        correct_labels(case_id, actor="reviewer", rights_issue=["shutdowns", "hrd_safety"])
        out["case_id"] = case_id
        out["metrics"] = metrics(until="2026-11-09", days=28)
        monkeypatch.setenv("TRIAGE_MODELS_DIR", str(places.own / "models"))
        get_settings.cache_clear()
        out["trained"] = train_model(labels=str(SAMPLES / "gold.jsonl"), version="canary",
                                     staff=True)  # fmt: skip
        # Searched before the harness exits: Prefect removes its database folder at exit.
        out["prefect_files"] = files_under(out["prefect_db"].parent)
    return out


def run_cli_failing(inbox: Path, url: str, monkeypatch: pytest.MonkeyPatch, marker: str) -> int:
    """``triage run --no-prefect`` with the classifier's forced failure: the console says
    what failed, never what the message said."""
    import sys

    from pipelines.cli import main
    from triage.nlp.classifier import Classifier

    inbox.mkdir(parents=True)
    (inbox / "cli.eml").write_bytes(canary_mail(
        marker, f"{marker}.cli", "Website blocked", "Our news site is blocked in Uganda.",
    ))  # fmt: skip
    real_classify = Classifier.classify
    force_failures(monkeypatch, marker)
    monkeypatch.setattr(sys, "argv", ["triage", "run", "--no-prefect", "--json",
                                      "--database", url, str(inbox)])  # fmt: skip
    with pytest.raises(SystemExit) as exited:
        main()
    monkeypatch.setattr(Classifier, "classify", real_classify)
    return int(exited.value.code or 0)


# --- the web paths ------------------------------------------------------------------------


def exercise_web(url: str, case_id: int, marker: str) -> dict[str, int]:
    """Every page and action of the staff UI and API, and web-form submissions."""
    from sqlalchemy import text

    from tests.web.staff import PASSWORD, add_people, sign_in
    from tests.web.test_forms_endpoint import running
    from triage.services.database import engine_for
    from triage.services.users import issue_api_token
    from triage.web.app import create_app

    add_people(url)
    codes: dict[str, int] = {}
    with running(create_app(url)) as base:
        form = httpx.post(timeout=60, url=f"{base}/api/forms/website", json={
            "submission_id": marker, "name": marker, "email": f"{marker.lower()}@example.org",
            "organisation": marker, "country": "Kenya", "subject": f"Blocked {marker}",
            "message": f"Our website was blocked in Nairobi. {marker}",
        })  # fmt: skip
        codes["form"] = form.status_code
        codes["form_again"] = httpx.post(timeout=60, url=f"{base}/api/forms/website", json={
            "name": marker, "message": f"Our website was blocked in Nairobi. {marker}",
        }).status_code  # fmt: skip
        codes["form_invalid"] = httpx.post(timeout=60, url=f"{base}/api/forms/website", json={
            "message": marker * 10, "unexpected": marker, "email": marker * 40,
        }).status_code  # fmt: skip
        codes["form_not_json"] = httpx.post(
            timeout=60, url=f"{base}/api/forms/website", content=f"message={marker}".encode(),
            headers={"content-type": "application/x-www-form-urlencoded"},
        ).status_code  # fmt: skip
        codes["login_failed"] = httpx.post(timeout=60, url=f"{base}/login", data={
            "username": "admin.one", "password": PASSWORD + "x", "csrf_token": "x"}).status_code
        admin = sign_in(base, "admin.one")
        client, csrf = admin.client, admin.csrf
        client.timeout = httpx.Timeout(120)  # the report page is slow on a busy machine
        for path in ("/", "/queue", "/queue?queue=all_open", "/queue?queue=needs_review",
                     "/queue/critical", f"/cases/{case_id}", "/metrics",
                     "/metrics/report?since=2026-10-01&until=2026-11-30", "/docs",
                     "/admin/users"):  # fmt: skip
            codes[path] = client.get(path).status_code
        page = client.get(f"/cases/{case_id}").text
        for mid, index in re.findall(r"/messages/(\d+)/attachments/(\d+)", page):
            codes["original"] = client.get(f"/cases/{case_id}/messages/{mid}/original").status_code
            codes["attachment"] = client.get(
                f"/cases/{case_id}/messages/{mid}/attachments/{index}").status_code
        token = issue_api_token("admin.one", database_url=url)
        api = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"},
                           timeout=60)
        codes["api queue"] = api.get("/api/v1/queue").status_code
        codes["api case"] = api.get(f"/api/v1/cases/{case_id}").status_code
        codes["api note"] = api.post(f"/api/v1/cases/{case_id}/notes",
                                     json={"body": f"API note {marker}"}).status_code
        codes["api labels"] = api.post(f"/api/v1/cases/{case_id}/labels",
                                       json={"countries": ["KE", marker]}).status_code

        def act(action: str, **data: str) -> int:
            response = client.post(f"/cases/{case_id}/{action}", data={"csrf_token": csrf, **data})
            codes[f"ui {action}"] = response.status_code
            return response.status_code

        act("confirm")
        act("labels", rights_issue="shutdowns", countries="SD", countries_present="1",
            priority="high")  # fmt: skip
        act("notes", body=f"Called the sender back {marker}")
        act("assign", owner="amina.yusuf")
        act("response", what="acknowledge")
        act("status", status="waiting_on_sender")
        act("status", status="open")
        # Forced failures in the web app while message text is in scope: the database
        # refuses a note and a form submission (its error would quote the SQL).
        with engine_for(url).begin() as conn:
            conn.execute(text(
                "CREATE TRIGGER canary_note BEFORE INSERT ON case_notes "
                "BEGIN SELECT RAISE(ABORT, 'forced failure'); END"))
            conn.execute(text(
                "CREATE TRIGGER canary_form BEFORE INSERT ON messages "
                "BEGIN SELECT RAISE(ABORT, 'forced failure'); END"))  # fmt: skip
        failed_note = client.post(f"/cases/{case_id}/notes",
                                  data={"csrf_token": csrf, "body": f"fails {marker}"})
        codes["note db failure"] = failed_note.status_code
        failed_form = httpx.post(timeout=60, url=f"{base}/api/forms/website", json={
            "name": marker, "message": f"Another message that cannot be stored {marker}"})
        codes["form db failure"] = failed_form.status_code
        failed_api = api.post(f"/api/v1/cases/{case_id}/notes", json={"body": f"fails {marker}"})
        codes["api note db failure"] = failed_api.status_code
        for response in (failed_note, failed_form, failed_api):
            assert "Traceback" not in response.text and marker not in response.text
        act("outcome", category="resolved", summary=f"Restored {marker}")
        act("confidential", confidential="yes", named="lena.fischer")
        codes["bulk"] = client.post("/queue/bulk", data={
            "csrf_token": csrf, "action": "confirm", "ids": str(case_id)}).status_code
        codes["merge"] = client.post(f"/cases/{case_id}/merge", data={
            "csrf_token": csrf, "into": str(case_id + 1)}).status_code
        client.post("/logout", data={"csrf_token": csrf})
    return codes


# --- the test -----------------------------------------------------------------------------


@pytest.fixture
def debug_log(tmp_path: Path) -> Iterator[Path]:
    """The root logger and Prefect's, at DEBUG, to one file."""
    path = tmp_path / "logs" / "debug.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    loggers = [logging.getLogger(), logging.getLogger("prefect"), logging.getLogger("uvicorn")]
    before = [(lg, lg.level) for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.DEBUG)
    try:
        yield path
    finally:
        for lg, level in before:
            lg.removeHandler(handler)
            lg.setLevel(level)
        handler.close()


def test_marker_reaches_no_log_console_prefect_store_or_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str], debug_log: Path,
) -> None:  # fmt: skip
    marker = "CANARY" + uuid.uuid4().hex.upper()
    places = Places(tmp_path / "run")
    inbox = places.own / "inbox"
    plant_inbox(inbox, marker)
    url = f"sqlite:///{places.own / 'triage.db'}"
    closed_port = free_port()
    for name, value in {
        "TRIAGE_DATABASE_URL": url, "TRIAGE_METRICS_REPORT_DIR": str(places.own / "reports"),
        "TRIAGE_SMTP_HOST": "127.0.0.1", "TRIAGE_SMTP_PORT": str(closed_port),
        "PREFECT_HOME": str(places.prefect_home),
        "PREFECT_LOCAL_STORAGE_PATH": str(places.results),
        "PREFECT_LOGGING_LEVEL": "DEBUG", "TMPDIR": str(places.tmp),
    }.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
    from pipelines import prefect_env
    from triage.settings import get_settings

    prefect_env.configure()
    get_settings.cache_clear()
    caplog.set_level(logging.DEBUG)
    # The test's own HTTP client plays the staff's browser, which is meant to receive the
    # text (an attachment's file name in Content-Disposition): its DEBUG trace is not ours.
    caplog.set_level(logging.INFO, logger="httpcore")

    flows = run_flows(places, inbox, url, monkeypatch, marker)
    cli_exit = run_cli_failing(places.own / "cli-inbox", url, monkeypatch, marker)
    codes = exercise_web(url, flows["case_id"], marker)
    from triage.services.database import engine_for

    engine_for.cache_clear()

    out, err = capfd.readouterr()
    places_searched = {
        "prefect database (db, -wal, -shm)": flows["prefect_files"],
        "prefect home and result storage": files_under(places.prefect_home),
        "application log (DEBUG)": {str(debug_log): debug_log.read_bytes()},
        "pytest log capture": {"caplog": caplog.text.encode()},
        "console": {"stdout": out.encode(), "stderr": err.encode()},
        "temporary folder": files_under(places.tmp),
        "metrics reports": files_under(places.own / "reports"),
    }
    leaks = {kind: hits(marker, blobs) for kind, blobs in places_searched.items()}
    assert {kind: found for kind, found in leaks.items() if found} == {}
    # The run did what it should (so the search is over a real run, not an empty one).
    rerun = flows["first"]  # after the run the classifier's forced failure stopped
    assert rerun["seen"] == rerun["stored"] + rerun["quarantined"] + rerun["duplicates"]
    assert rerun["classified"] >= 3 and rerun["routed"] >= 3
    with sqlite3.connect(places.own / "triage.db") as conn:
        reasons = dict(conn.execute("SELECT reason, COUNT(*) FROM quarantine GROUP BY reason"))
    assert reasons.get("parse_error", 0) >= 1 and sum(reasons.values()) >= 2, reasons
    assert "RuntimeError" in flows["flow_error"] and marker not in flows["flow_error"]
    assert cli_exit == 1
    assert flows["watch"]["failed"] > 0 and flows["watch"]["sent"] == 0
    assert flows["metrics"]["cases"] >= 3
    assert flows["trained"]["training_rows"]["staff"] >= 1
    assert any(name.endswith("prefect-test.db") for name in flows["prefect_files"])
    assert codes["form"] == 202 and codes["form_invalid"] == 422
    assert codes["form_not_json"] == 415 and codes["form db failure"] == 503
    assert codes["note db failure"] == 500 and codes["api note db failure"] == 500, codes
    assert all(code < 500 for name, code in codes.items() if "failure" not in name), codes
    assert codes["api note"] == 200 and codes["ui notes"] == 303, codes
    assert codes[f"/cases/{flows['case_id']}"] == 200 and codes["attachment"] == 200

    searched_files = sum(len(blobs) for blobs in places_searched.values())
    assert searched_files >= 8
    print(f"canary: {len(places_searched)} kinds of place, {searched_files} files, 0 hits")

    # Positive control: the marker, encoded, in one place of each kind is found.
    logging.getLogger("canary.control").debug("control %s", marker)
    for handler in logging.getLogger().handlers:
        handler.flush()
    stored = base64.b64encode(b"xx" + marker.encode()).decode()  # misaligned on purpose
    (places.results / "control-result.json").write_text(json.dumps({"data": stored}))
    split = quopri.encodestring(("x" * 60 + marker).encode())  # a soft break inside it
    assert marker.encode() not in split
    (places.tmp / "control.eml").write_bytes(split)
    (places.tmp / "control.url").write_text(quote(f"q={marker.lower()}&x=1", safe=""))
    control = {
        **{str(debug_log): debug_log.read_bytes()},
        **files_under(places.results),
        **files_under(places.tmp),
    }
    assert sorted(hits(marker, control)) == sorted([
        str(debug_log), str(places.results / "control-result.json"),
        str(places.tmp / "control.eml"), str(places.tmp / "control.url"),
    ])  # fmt: skip
    own_db = places.own / "triage.db"
    with sqlite3.connect(own_db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert hits(marker, files_under(places.own)), "the search finds the marker in triage's store"
