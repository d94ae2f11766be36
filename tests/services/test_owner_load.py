"""Batch routing keeps its owner counts between chunks and counts again in the store now and
then (both stores)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from triage.services import owner_load
from triage.services.database import session_scope
from triage.services.run_batch import run_batch
from triage.settings import get_settings
from triage.store import repository as repo
from triage.store.tables import CaseRow

RECEIVED = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
TOPICS = [
    "Our posts documenting police violence in Nairobi were removed without notice.",
    "Journalists in Addis Ababa report their accounts were suspended during the protests.",
    "The internet shutdown in Manipur has cut off clinics and schools for three weeks.",
    "Workers moderating content in Accra describe unpaid overtime and no counselling.",
    "A defender in Oaxaca received threats after the platform exposed her phone number.",
    "Spyware was found on the phones of lawyers in Bangkok who use your messaging app.",
    "Voter information in Lagos is being drowned by coordinated fake accounts.",
    "Our association in Tunis cannot appeal the removal of its fundraising page.",
]


def letters(folder: Path) -> None:
    folder.mkdir()
    for n, text in enumerate(TOPICS):
        when = RECEIVED + timedelta(minutes=n)
        (folder / f"{n}.eml").write_bytes(
            (f"Received: from mx by in; {when:%a, %d %b %Y %H:%M:%S} +0000\r\n"
             f"From: Sender {n} <s{n}@org{n}.example>\r\nTo: humanrights@example-platform.com\r\n"
             f"Subject: Concern {n}\r\nMessage-ID: <m{n}@org{n}.example>\r\n\r\n{text}\r\n"
             ).encode()
        )  # fmt: skip


@pytest.fixture(autouse=True)
def _counted_afresh() -> None:
    owner_load.forget()


def test_counts_kept_across_chunks_match_the_store(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRIAGE_CHUNK_SIZE", "2")  # four chunks, counted in the store once
    get_settings.cache_clear()
    letters(tmp_path / "in")
    counts = run_batch([("in", tmp_path / "in")], database_url).counts()
    assert counts["routed"] == len(TOPICS)
    with session_scope(database_url) as session:
        stored = repo.open_load(session)
        session.execute(update(CaseRow).values(status="closed"))  # the store changes behind it
    assert sum(stored.values()) == len(TOPICS)
    with session_scope(database_url) as session:
        kept = owner_load.read(session).counts
    assert kept == stored  # counted once when empty, then each chunk's own cases added


def test_changes_by_others_are_read_after_the_refresh_time(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letters(tmp_path / "in")
    run_batch([("in", tmp_path / "in")], database_url)
    with session_scope(database_url) as session:
        before = owner_load.read(session).counts
        session.execute(update(CaseRow).values(status="closed"))  # staff closed them all
    with session_scope(database_url) as session:
        assert owner_load.read(session).counts == before  # within the refresh time
    monkeypatch.setattr(owner_load, "REFRESH_SECONDS", 0.0)
    with session_scope(database_url) as session:
        assert owner_load.read(session).counts == {}


def test_cases_of_a_chunk_not_committed_are_not_kept(database_url: str, tmp_path: Path) -> None:
    letters(tmp_path / "in")
    run_batch([("in", tmp_path / "in")], database_url)
    with session_scope(database_url) as session:
        load = owner_load.read(session)
    before = dict(load.counts)
    owner = next(iter(before))
    load.counts[owner] += 5  # a chunk routed with this copy, then rolled back: never kept
    with session_scope(database_url) as session:
        assert owner_load.read(session).counts == before
    owner_load.keep(load)
    with session_scope(database_url) as session:
        assert owner_load.read(session).counts[owner] == before[owner] + 5
