"""Pause while waiting on the sender, resume on their reply, stop on responses (both stores)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from triage.config.files import load_routing_rules
from triage.core.business_time import always_open, business_time_between
from triage.core.types import DeadlineKind
from triage.nlp.near_duplicates import BANDS, pack, signature
from triage.services.case_clock import CaseStateError, record_response, wait_on_sender
from triage.services.database import engine_for
from triage.services.ingest_batch import ingest_folder
from triage.services.queue import open_queue
from triage.services.route_pending import CAMPAIGN_WINDOW
from triage.services.run_batch import run_batch
from triage.services.sla_watch import queue_notices
from triage.settings import get_settings
from triage.store.repository import campaign_key_holders
from triage.store.tables import CampaignKeyRow, CaseRow, DeadlineRow, EventRow, MessageRow

RECEIVED = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)  # a Monday


def mail(folder: Path, name: str, when: datetime, message_id: str, reply_to: str | None) -> None:
    folder.mkdir(exist_ok=True)
    thread = f"In-Reply-To: <{reply_to}>\r\nReferences: <{reply_to}>\r\n" if reply_to else ""
    (folder / f"{name}.eml").write_bytes(
        (f"Received: from mx by in; {when:%a, %d %b %Y %H:%M:%S} +0000\r\n"
         "From: Ana Mwangi <ana@example.org>\r\nTo: humanrights@example-platform.com\r\n"
         f"Subject: Content removed in Kenya\r\nMessage-ID: <{message_id}>\r\n{thread}\r\n"
         "Our posts documenting police violence in Nairobi were removed. Please review.\r\n"
         ).encode()
    )  # fmt: skip


def deadlines(url: str) -> dict[str, DeadlineRow]:
    with Session(engine_for(url)) as session:
        return {d.kind: d for d in session.scalars(select(DeadlineRow))}


def the_case(url: str) -> CaseRow:
    with Session(engine_for(url)) as session:
        return session.scalars(select(CaseRow)).one()


def test_reply_joins_the_case_and_resumes_only_the_time_that_was_left(
    database_url: str, tmp_path: Path
) -> None:
    mail(tmp_path / "a", "root", RECEIVED, "root@example.org", None)
    run_batch([("a", tmp_path / "a")], database_url)
    case = the_case(database_url)
    before = deadlines(database_url)
    paused_at = RECEIVED + timedelta(hours=3)
    wait_on_sender(case.id, actor="amina.yusuf", database_url=database_url, now=paused_at)
    assert the_case(database_url).status == "waiting_on_sender"
    queue = {q.case_id: q for q in open_queue(database_url, now=RECEIVED + timedelta(days=90))}
    assert queue[case.id].deadline_state == "paused"  # no breach while the sender is asked

    replied = RECEIVED + timedelta(days=9, hours=2)
    mail(tmp_path / "b", "reply", replied, "reply@example.org", "root@example.org")
    counts = run_batch([("b", tmp_path / "b")], database_url).counts()
    assert counts["stored"] == counts["routed"] == 1

    with Session(engine_for(database_url)) as session:
        assert session.scalar(select(CaseRow.id)) == case.id  # still one case
        assert len(list(session.scalars(select(CaseRow)))) == 1
        linked = session.scalars(select(MessageRow.case_id)).all()
        assert linked == [case.id, case.id]
        kinds = [e.kind for e in session.scalars(select(EventRow).order_by(EventRow.id))]
        assert {"waiting_on_sender", "reply_joined", "resumed"} <= set(kinds)
    assert the_case(database_url).status == "open"
    after = deadlines(database_url)
    rules = load_routing_rules()
    for kind, old in before.items():
        new = after[kind]
        assert new.paused_at is None and new.due_at > old.due_at
        calendar = rules.calendars.get(old.calendar) or always_open()
        left_at_pause = business_time_between(calendar, paused_at, old.due_at)
        assert business_time_between(calendar, replied, new.due_at) == left_at_pause
    engine_for(database_url).dispose()
    engine_for.cache_clear()


def test_responses_stop_the_clock_and_closing_the_loop_closes_the_case(
    sqlite_url: str, tmp_path: Path
) -> None:
    mail(tmp_path / "a", "root", RECEIVED, "root2@example.org", None)
    run_batch([("a", tmp_path / "a")], sqlite_url)
    case = the_case(sqlite_url)
    answered = RECEIVED + timedelta(hours=5)
    record_response(case.id, DeadlineKind.RESPOND, actor="a", database_url=sqlite_url, at=answered)
    met = deadlines(sqlite_url)
    assert met["acknowledge"].met_at == met["respond"].met_at == answered
    assert met["close_loop"].met_at is None
    later = RECEIVED + timedelta(days=200)
    notices = queue_notices(sqlite_url, now=later)
    assert notices["breached"] == 1  # only close_loop is still running

    record_response(case.id, DeadlineKind.CLOSE_LOOP, actor="a", database_url=sqlite_url,
                    at=later)  # fmt: skip
    closed = the_case(sqlite_url)
    assert closed.status == "closed" and closed.loop_closed_at == later
    assert closed.acknowledged_at == answered and open_queue(sqlite_url) == []
    with pytest.raises(CaseStateError, match="closed"):
        wait_on_sender(case.id, actor="a", database_url=sqlite_url)

    # A reply to a closed conversation is a new case, not lost in a closed one.
    mail(tmp_path / "b", "again", later + timedelta(days=1), "again@example.org",
         "root2@example.org")  # fmt: skip
    run_batch([("b", tmp_path / "b")], sqlite_url)
    with Session(engine_for(sqlite_url)) as session:
        assert len(list(session.scalars(select(CaseRow)))) == 2
    engine_for.cache_clear()


def raw_mail(
    folder: Path, name: str, headers: str, body: str = "Thanks.", when: datetime | None = None
) -> None:
    """``headers``: "Name: value" lines separated by "|"; received a day after RECEIVED."""
    folder.mkdir(exist_ok=True)
    when = when or RECEIVED + timedelta(days=1)
    lines = [f"Received: from mx by in; {when:%a, %d %b %Y %H:%M:%S} +0000", *headers.split("|")]
    (folder / f"{name}.eml").write_bytes("\r\n".join([*lines, "", body, ""]).encode())


TEAM = "To: humanrights@example-platform.com"


def test_case_reference_staff_replies_and_automatic_mail(sqlite_url: str, tmp_path: Path) -> None:
    mail(tmp_path / "a", "root", RECEIVED, "root3@example.org", None)
    run_batch([("a", tmp_path / "a")], sqlite_url)
    case = the_case(sqlite_url)
    reference = f"TRI-{case.id:06d}"
    b = tmp_path / "b"
    # The sender writes again with only the reference in the subject (no thread headers).
    raw_mail(b, "1-again", f"From: Ana Mwangi <ana@example.org>|{TEAM}|"
             f"Subject: More information on {reference}|Message-ID: <m1@example.org>")  # fmt: skip
    # The team answers from its own domain, in the thread: the first response.
    raw_mail(b, "2-staff", "From: Amina Yusuf <amina.yusuf@example-platform.com>|"
             "To: ana@example.org|Subject: Re: Content removed in Kenya|"
             "Message-ID: <s1@example-platform.com>|In-Reply-To: <root3@example.org>")  # fmt: skip
    # An out-of-office reply and a bounce: never new cases.
    raw_mail(b, "3-auto", "From: Ana Mwangi <ana@example.org>|To: amina@example-platform.com|"
             "Subject: Automatic reply|Auto-Submitted: auto-replied|Message-ID: <a1@example.org>|"
             "In-Reply-To: <s1@example-platform.com>")  # fmt: skip
    raw_mail(b, "4-bounce", f"From: MAILER-DAEMON@example.net|{TEAM}|"
             "Subject: Undelivered Mail|Message-ID: <b1@example.net>")  # fmt: skip
    # Staff mail that answers nothing opens no case either.
    raw_mail(b, "5-staff-alone", "From: Kofi Mensah <kofi.mensah@example-platform.com>|"
             "To: someone@example.org|Subject: Lunch|"
             "Message-ID: <s2@example-platform.com>")  # fmt: skip
    counts = run_batch([("b", b)], sqlite_url).counts()
    assert counts["stored"] == counts["routed"] == 5
    with Session(engine_for(sqlite_url)) as session:
        assert len(list(session.scalars(select(CaseRow)))) == 1
        links = dict(session.execute(select(MessageRow.message_id, MessageRow.case_id)).all())
        stored = session.get(CaseRow, case.id)
        ack = session.scalars(
            select(DeadlineRow).where(DeadlineRow.kind == "acknowledge")
        ).one()
    assert links["<m1@example.org>"] == links["<s1@example-platform.com>"] == case.id
    assert links["<a1@example.org>"] == case.id  # joins its thread, changes nothing
    assert links["<b1@example.net>"] is None and links["<s2@example-platform.com>"] is None
    assert stored is not None and stored.acknowledged_at == RECEIVED + timedelta(days=1)
    assert ack.met_at == stored.acknowledged_at
    engine_for.cache_clear()


JOINT_LETTER = (
    "We, the undersigned organisations, are writing to express our deep concern about the "
    "internet shutdown in Ethiopia. Mobile data has been cut across the country since Monday "
    "and people cannot reach their families, their doctors or emergency services. We urge "
    "your company to publish what it knows about the orders it received and to restore access."
)


def test_a_coalitions_joint_letter_is_one_case_with_every_sender(
    database_url: str, tmp_path: Path
) -> None:
    signers = [("Open Line Kenya", "info@openline.example"), ("Accra Wire", "desk@accra.example"),
               ("Red Segura", "hola@redsegura.example")]  # fmt: skip
    inbox = tmp_path / "a"
    for n, (org, address) in enumerate(signers):
        letter = f"Dear Human Rights Team,\n\n{JOINT_LETTER}\n\nSincerely,\n{org}"
        raw_mail(inbox, f"joint-{n}", f"From: {org} <{address}>|{TEAM}|"
                 f"Subject: Joint letter: shutdown|Message-ID: <joint{n}@x.example>",
                 body=letter)  # fmt: skip
    complaint = ("Our posts documenting police violence in Nairobi were removed as graphic "
                 "content although they carried warnings; appeals were rejected in minutes.")
    raw_mail(inbox, "other", f"From: Ana <ana@example.org>|{TEAM}|Subject: Takedowns|"
             "Message-ID: <other@x.example>", body=complaint)  # fmt: skip
    raw_mail(inbox, "short", f"From: Bo <bo@example.org>|{TEAM}|Subject: Thanks|"
             "Message-ID: <short@x.example>", body="Thank you.")  # fmt: skip
    run_batch([("a", inbox)], database_url)
    # A fourth signatory sends the same letter the next day, in a later batch.
    raw_mail(tmp_path / "b", "joint-late", f"From: Tech Justice <tj@tj.example>|{TEAM}|"
             "Subject: Joint letter|Message-ID: <joint9@x.example>",
             body=f"Hello,\n\n{JOINT_LETTER}\n\nBest regards,\nTech Justice")  # fmt: skip
    run_batch([("b", tmp_path / "b")], database_url)
    with Session(engine_for(database_url)) as session:
        cases = list(session.scalars(select(CaseRow)))
        senders = session.execute(
            select(MessageRow.case_id, MessageRow.sender_address)
        ).all()  # fmt: skip
        joined = [e.kind for e in session.scalars(select(EventRow))].count("campaign_joined")
    assert len(cases) == 3  # the joint letter, the takedown complaint, the thank-you
    by_case: dict[int, set[str]] = {}
    for case_id, address in senders:
        by_case.setdefault(case_id, set()).add(address)
    assert {"info@openline.example", "desk@accra.example", "hola@redsegura.example",
            "tj@tj.example"} in by_case.values()  # fmt: skip
    assert joined == 3
    with Session(engine_for(database_url)) as session:
        kept = session.execute(select(MessageRow.new_text, MessageRow.minhash)).all()
    # Each message's signature was computed where it was stored; routing only compared them.
    assert [minhash for _text, minhash in kept] == [pack(signature(text)) for text, _h in kept]
    assert b"" in {minhash for _text, minhash in kept}  # "Thank you.": too short for one
    engine_for(database_url).dispose()
    engine_for.cache_clear()


def test_a_copy_of_a_letter_after_the_campaign_window_opens_a_case_of_its_own(
    database_url: str, tmp_path: Path
) -> None:
    """Copies join a case opened within ``CAMPAIGN_WINDOW`` of them, and the band-key look-up
    reads only such cases: an older case holding the same keys is not even a candidate."""
    sent = {"first": RECEIVED, "late": RECEIVED + timedelta(days=40),
            "later": RECEIVED + timedelta(days=45)}  # fmt: skip
    for n, (name, when) in enumerate(sent.items()):
        raw_mail(tmp_path / name, name, f"From: Org {n} <org{n}@x{n}.example>|{TEAM}|"
                 f"Subject: Joint letter|Message-ID: <{name}@x.example>",
                 body=f"Dear team,\n\n{JOINT_LETTER}\n\nRegards,\nOrg {n}", when=when)  # fmt: skip
        run_batch([(name, tmp_path / name)], database_url)
    with Session(engine_for(database_url)) as session:
        by_sender = dict(
            session.execute(select(MessageRow.sender_address, MessageRow.case_id)).tuples().all()
        )
        first_keys = session.scalars(
            select(CampaignKeyRow.key).where(CampaignKeyRow.case_id == by_sender["org0@x0.example"])
        ).all()
        holders = campaign_key_holders(session, first_keys, sent["later"] - CAMPAIGN_WINDOW)
    assert by_sender["org1@x1.example"] == by_sender["org2@x2.example"]
    assert by_sender["org0@x0.example"] != by_sender["org1@x1.example"]
    assert len(first_keys) == BANDS
    assert {c for cases in holders.values() for c in cases} == {by_sender["org1@x1.example"]}
    engine_for(database_url).dispose()
    engine_for.cache_clear()


def test_a_joint_letter_stored_before_signatures_were_kept_still_joins_one_case(
    database_url: str, tmp_path: Path
) -> None:
    """Messages stored before ``messages.minhash`` existed have none: routing computes it."""
    inbox = tmp_path / "a"
    for n in range(3):
        raw_mail(inbox, f"joint-{n}", f"From: Org {n} <org{n}@x{n}.example>|{TEAM}|"
                 f"Subject: Joint letter|Message-ID: <old-joint{n}@x.example>",
                 body=f"Dear team,\n\n{JOINT_LETTER}\n\nRegards,\nOrg {n}")  # fmt: skip
    ingest_folder(inbox, source="a", database_url=database_url)
    with Session(engine_for(database_url)) as session, session.begin():
        session.execute(update(MessageRow).values(minhash=None))
    counts = run_batch([("a", inbox)], database_url).counts()
    with Session(engine_for(database_url)) as session:
        cases = session.scalars(select(MessageRow.case_id)).all()
        joined = [e.kind for e in session.scalars(select(EventRow))].count("campaign_joined")
    assert counts["routed"] == 3
    assert len(set(cases)) == 1 and None not in cases
    assert joined == 2
    engine_for(database_url).dispose()
    engine_for.cache_clear()


def test_a_reply_listed_before_its_parent_joins_the_parents_case(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunks are routed as they are read: a reply whose parent is in a later chunk waits
    for the batch's last pass instead of opening a case of its own; so does a reply to it."""
    monkeypatch.setenv("TRIAGE_CHUNK_SIZE", "1")
    get_settings.cache_clear()
    inbox = tmp_path / "inbox"
    mail(inbox, "a-reply", RECEIVED + timedelta(hours=2), "r1@example.org", "p1@example.org")
    mail(inbox, "b-reply-to-reply", RECEIVED + timedelta(hours=3), "r2@example.org",
         "r1@example.org")  # fmt: skip
    mail(inbox, "c-parent", RECEIVED, "p1@example.org", None)
    try:
        counts = run_batch([("inbox", inbox)], database_url).counts()
    finally:
        get_settings.cache_clear()
    with Session(engine_for(database_url)) as session:
        links = dict(session.execute(select(MessageRow.message_id, MessageRow.case_id)).all())
        stages = set(session.scalars(select(MessageRow.stage)))
    assert counts["stored"] == counts["routed"] == 3 and stages == {"routed"}
    case = the_case(database_url)
    assert links == {"<p1@example.org>": case.id, "<r1@example.org>": case.id,
                     "<r2@example.org>": case.id}  # fmt: skip
    engine_for(database_url).dispose()
    engine_for.cache_clear()
