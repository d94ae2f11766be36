"""mbox files and Maildirs are read message by message, and the same mail is stored once."""

from __future__ import annotations

import mailbox
from datetime import UTC, datetime
from pathlib import Path

from tests.conftest import SAMPLES
from triage.core.types import Message, Quarantined
from triage.ingest.folder_source import list_files, read_folder
from triage.services.ingest_batch import ingest_folder

NOW = datetime(2026, 11, 29, tzinfo=UTC)


def sample_mails(n: int) -> list[bytes]:
    return [p.read_bytes() for p in sorted((SAMPLES / "email" / "2026-10").glob("*.eml"))[:n]]


def make_mbox(path: Path, mails: list[bytes]) -> None:
    box = mailbox.mbox(path)
    for raw in mails:
        box.add(raw)
    box.flush()
    box.close()


def make_maildir(path: Path, mails: list[bytes]) -> None:
    box = mailbox.Maildir(path)
    for raw in mails:
        box.add(raw)
    sub = box.add_folder("Archive")
    sub.add(b"From: x@example.org\nSubject: archived\nMessage-ID: <arch@x>\n\nold message\n")


def test_mbox_and_maildir_are_found_and_read(tmp_path: Path) -> None:
    mails = sample_mails(6)
    make_mbox(tmp_path / "export.mbox", mails[:3])
    make_mbox(tmp_path / "mbox", mails[3:])  # no suffix: recognised by its "From " line
    make_maildir(tmp_path / "Maildir", mails)
    (tmp_path / "notes.txt").write_text("not mail")
    found = [p.name for p in list_files(tmp_path)]
    assert found == ["Maildir", "export.mbox", "mbox"]
    items = list(read_folder(tmp_path, source="t", now=NOW))
    messages = [i for i in items if isinstance(i, Message)]
    assert len(messages) == 3 + 3 + 6 + 1 and not any(isinstance(i, Quarantined) for i in items)
    assert {m.subject for m in messages} >= {"archived"}


def test_the_same_mail_from_eml_mbox_and_maildir_is_stored_once(
    sqlite_url: str, tmp_path: Path
) -> None:
    mails = sample_mails(5)
    eml = tmp_path / "eml"
    eml.mkdir()
    for n, raw in enumerate(mails):
        (eml / f"{n}.eml").write_bytes(raw)  # CRLF, as received
    (tmp_path / "box").mkdir()
    make_mbox(tmp_path / "box" / "all.mbox", mails)
    make_maildir(tmp_path / "md", mails)
    first = ingest_folder(eml, source="files", database_url=sqlite_url, now=NOW)
    assert first.stored == 5
    second = ingest_folder(tmp_path / "box", source="mbox", database_url=sqlite_url, now=NOW)
    third = ingest_folder(tmp_path / "md", source="maildir", database_url=sqlite_url, now=NOW)
    assert second.stored == 0 and second.duplicates == 5
    assert third.stored == 1 and third.duplicates == 5  # only the archived one is new
    assert all(r.reconciles() for r in (first, second, third))


def test_a_broken_mbox_is_quarantined_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "broken.mbox").write_bytes(b"From nobody\n\x00\x01\x02 garbage\n")
    items = list(read_folder(tmp_path, source="t", now=NOW))
    assert len(items) == 1 and isinstance(items[0], Quarantined)
    assert items[0].location.startswith("broken.mbox")
