"""Which files of a folder are new: parts already checked are remembered by a digest, so an
idle rerun looks up no file, and every file new, changed, grown or restored is still read."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import SAMPLES
from tests.ingest.test_mailboxes import make_maildir, make_mbox, sample_mails
from triage.ingest import folder_listing
from triage.services import folder_changes
from triage.services.bench_data import write_bench_data
from triage.services.database import session_scope
from triage.services.ingest_files import ingest_files, new_file_chunks
from triage.store import repository
from triage.store.tables import FolderDigestRow


@pytest.fixture
def looked_up(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every path whose record the listing asked the database for."""
    paths: list[str] = []
    known_files = repository.known_files

    def counting(session: object, source: str, wanted: Sequence[str]) -> object:
        paths.extend(wanted)
        return known_files(session, source, wanted)  # type: ignore[arg-type]

    monkeypatch.setattr(repository, "known_files", counting)
    yield paths


def ingest(folder: Path, url: str, source: str = "inbox") -> list[str]:
    """A run's ingest: every chunk listed is read and recorded; the files read."""
    read: list[str] = []
    for paths in new_file_chunks(folder, source, 7, database_url=url):
        ingest_files(folder, paths, source=source, database_url=url)
        read += paths
    return read


def listed(folder: Path, url: str) -> list[str]:
    """A run that lists and then fails before reading anything (a crash, a failed chunk)."""
    return [p for chunk in new_file_chunks(folder, "inbox", 7, database_url=url) for p in chunk]


def digest_rows(url: str) -> int:
    with session_scope(url) as session:
        return int(session.scalar(select(func.count()).select_from(FolderDigestRow)) or 0)


def touch(path: Path, seconds: int) -> None:
    stamp = path.stat()
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + seconds * 10**9))


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    write_bench_data(12, tmp_path / "inbox" / "a", fmt="eml", seed=5, samples=SAMPLES)
    write_bench_data(9, tmp_path / "inbox" / "b", fmt="eml", seed=6, samples=SAMPLES)
    return tmp_path / "inbox"


def test_an_idle_rerun_looks_up_no_file(
    inbox: Path, database_url: str, looked_up: list[str]
) -> None:
    assert len(ingest(inbox, database_url)) == 21
    assert digest_rows(database_url) == 2  # checked after the chunks were read: one per folder
    looked_up.clear()
    assert ingest(inbox, database_url) == [] and looked_up == []
    assert ingest(inbox, database_url) == [] and looked_up == []


def test_new_and_modified_files_are_read_and_only_their_folder_looked_up(
    inbox: Path, database_url: str, looked_up: list[str]
) -> None:
    ingest(inbox, database_url)
    changed = sorted((inbox / "b").rglob("*.eml"))[4]
    touch(changed, 1)  # modified in place: the folder's own mtime does not change
    write_bench_data(3, inbox / "a" / "00000" / "later", fmt="eml", seed=7, samples=SAMPLES)
    looked_up.clear()
    read = ingest(inbox, database_url)
    assert sorted(read) == sorted(
        [changed.relative_to(inbox).as_posix()]
        + [f"a/00000/later/00000/0000000{i}.eml" for i in range(3)]
    )
    assert not any(p.startswith("a/00000/0") for p in looked_up)  # that part: unchanged
    looked_up.clear()
    assert ingest(inbox, database_url) == [] and looked_up == []


def test_files_listed_but_never_read_are_listed_again(inbox: Path, database_url: str) -> None:
    ingest(inbox, database_url)
    new = inbox / "b" / "00000" / "new.eml"
    new.write_bytes((inbox / "a" / "00000" / "00000001.eml").read_bytes())
    assert listed(inbox, database_url) == ["b/00000/new.eml"]
    assert listed(inbox, database_url) == ["b/00000/new.eml"]  # no digest from unread files
    assert ingest(inbox, database_url) == ["b/00000/new.eml"]
    assert ingest(inbox, database_url) == []


def test_a_file_restored_to_its_old_size_and_mtime_is_read_again(
    inbox: Path, database_url: str
) -> None:
    """As without digests: compared with its latest record, not with an older digest."""
    ingest(inbox, database_url)
    path = inbox / "a" / "00000" / "00000003.eml"
    touch(path, 5)
    assert ingest(inbox, database_url) == ["a/00000/00000003.eml"]
    touch(path, -5)
    assert ingest(inbox, database_url) == ["a/00000/00000003.eml"]
    assert ingest(inbox, database_url) == []


def test_a_grown_mbox_is_read_again_and_a_maildir_every_run(
    tmp_path: Path, database_url: str, looked_up: list[str]
) -> None:
    mails = sample_mails(5)
    (tmp_path / "box").mkdir()
    make_mbox(tmp_path / "box" / "export.mbox", mails[:2])
    make_maildir(tmp_path / "box" / "Maildir", mails[2:3])
    (tmp_path / "box" / "one.eml").write_bytes(mails[4])
    assert ingest(tmp_path / "box", database_url) == ["Maildir", "export.mbox", "one.eml"]
    looked_up.clear()
    assert ingest(tmp_path / "box", database_url) == ["Maildir"] and looked_up == []
    make_mbox(tmp_path / "box" / "export.mbox", mails[2:4])  # two more messages appended
    chunks = list(new_file_chunks(tmp_path / "box", "inbox", 7, database_url=database_url))
    assert chunks == [["Maildir"], ["export.mbox"]]


def test_a_large_folder_is_checked_in_parts(
    tmp_path: Path, database_url: str, looked_up: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(folder_changes, "PART_FILES", 8)
    monkeypatch.setattr(folder_changes, "PART_CUT", 3)  # parts of about four names
    write_bench_data(60, tmp_path / "flat", fmt="eml", seed=8, samples=SAMPLES)
    folder = tmp_path / "flat" / "00000"
    assert len(ingest(folder, database_url)) == 60
    parts = digest_rows(database_url)
    assert parts > 5
    looked_up.clear()
    assert ingest(folder, database_url) == [] and looked_up == []
    (folder / "00000030x.eml").write_bytes((folder / "00000030.eml").read_bytes())
    assert ingest(folder, database_url) == ["00000030x.eml"]
    assert 0 < len(looked_up) < 30  # its own part (split in two if it ends one), not all 61
    looked_up.clear()
    assert ingest(folder, database_url) == [] and looked_up == []


def test_digests_of_folders_no_longer_listed_are_deleted(inbox: Path, database_url: str) -> None:
    ingest(inbox, database_url)
    assert digest_rows(database_url) == 2
    (inbox / "b").rename(inbox.parent / "b-moved")
    assert ingest(inbox, database_url) == []
    assert digest_rows(database_url) == 1
    (inbox.parent / "b-moved").rename(inbox / "b")
    assert ingest(inbox, database_url) == []  # recorded already: looked up, not read
    assert digest_rows(database_url) == 2


def test_parts_still_being_read_are_checked_later_or_by_the_next_run(
    inbox: Path, database_url: str, looked_up: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As with Dask: a chunk is read while the next is listed, the last after the listing."""
    monkeypatch.setattr(folder_changes, "CHECK_EVERY", 5)
    in_flight: list[str] = []
    for paths in new_file_chunks(inbox, "inbox", 7, database_url=database_url):
        if in_flight:
            ingest_files(inbox, in_flight, source="inbox", database_url=database_url)
        in_flight = paths
    ingest_files(inbox, in_flight, source="inbox", database_url=database_url)
    assert digest_rows(database_url) == 1  # folder a: checked again once read; b: not yet
    looked_up.clear()
    assert ingest(inbox, database_url) == []
    assert sorted(looked_up) == sorted(p.relative_to(inbox).as_posix()
                                       for p in (inbox / "b").rglob("*.eml"))  # fmt: skip
    looked_up.clear()
    assert ingest(inbox, database_url) == [] and looked_up == []


def test_a_second_process_checks_half_of_a_large_tree(
    inbox: Path, database_url: str, looked_up: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above ``SPLIT_MIN_PARTS`` saved parts, a second process compares the digests of the
    second half of the subfolders (here: b); what it finds changed is listed here again, and
    if it fails, this process lists that half itself."""
    monkeypatch.setattr(folder_listing, "SPLIT_MIN_PARTS", 1)
    answers: list[object] = []
    result = folder_listing._SecondProcess.result

    def spying(self: folder_listing._SecondProcess) -> object:
        answers.append(result(self))
        return answers[-1]

    monkeypatch.setattr(folder_listing._SecondProcess, "result", spying)
    assert len(ingest(inbox, database_url)) == 21  # nothing saved yet: no second process
    assert answers == []
    looked_up.clear()
    assert ingest(inbox, database_url) == [] and looked_up == []
    assert answers == [[("b", [], []), ("b/00000", [], [""])]]  # b: no file; its folder: one part
    changed = sorted((inbox / "b").rglob("*.eml"))[2]
    touch(changed, 1)
    assert ingest(inbox, database_url) == [changed.relative_to(inbox).as_posix()]
    assert answers[-1] == [("b", [], []), ("b/00000", [], None)]
    monkeypatch.setattr(folder_listing.sys, "executable", "/bin/false")  # it fails
    touch(changed, 2)
    assert ingest(inbox, database_url) == [changed.relative_to(inbox).as_posix()]
    assert answers[-1] is None
    assert ingest(inbox, database_url) == []
