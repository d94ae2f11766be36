"""Folder sources in chunks: only new or changed files are read, and an idle rerun loads no
model (the classifier and the gazetteer are seconds each)."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import SAMPLES
from triage.nlp.gazetteer import load_gazetteer
from triage.services.bench_data import write_bench_data
from triage.services.classifier_cache import get_classifier
from triage.services.ingest_files import ingest_files, new_file_chunks
from triage.services.run_batch import run_batch


def test_chunks_hold_at_most_size_files_and_a_mailbox_alone(
    tmp_path: Path, sqlite_url: str
) -> None:
    write_bench_data(25, tmp_path / "eml", fmt="eml", seed=2, samples=SAMPLES)
    write_bench_data(5, tmp_path / "box", fmt="mbox", seed=3, samples=SAMPLES)
    chunks = list(new_file_chunks(tmp_path, "t", 10, database_url=sqlite_url))
    assert sorted(len(c) for c in chunks) == [1, 5, 10, 10]
    assert ["box/part-00000.mbox"] in chunks
    assert sorted(p for c in chunks for p in c)[1] == "eml/00000/00000000.eml"


def test_rerun_reads_only_new_or_changed_files_and_loads_no_model(
    tmp_path: Path, sqlite_url: str
) -> None:
    inbox = tmp_path / "inbox"
    write_bench_data(40, inbox, fmt="eml", seed=4, samples=SAMPLES)
    first = run_batch([("inbox", inbox)], sqlite_url).counts()
    assert first["seen"] == 40 and first["routed"] == first["stored"] > 30

    get_classifier.cache_clear()
    load_gazetteer.cache_clear()
    idle = run_batch([("inbox", inbox)], sqlite_url).counts()
    assert idle == dict.fromkeys(idle, 0)
    assert get_classifier.cache_info().currsize == 0  # never loaded
    assert load_gazetteer.cache_info().currsize == 0

    changed = sorted(inbox.rglob("*.eml"))[3]
    stamp = changed.stat()
    os.utime(changed, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 10**9))
    write_bench_data(45, tmp_path / "more", fmt="eml", seed=4, samples=SAMPLES)
    newest = sorted((tmp_path / "more").rglob("*.eml"))[40:]
    for path in newest:  # five new messages arrive in the folder
        path.rename(inbox / "00000" / path.name)
    later = run_batch([("inbox", inbox)], sqlite_url).counts()
    assert later["seen"] == 6  # the touched file (a duplicate now) and the five new ones
    assert later["duplicates"] >= 1
    assert later["stored"] + later["duplicates"] == 6
    assert later["routed"] == later["stored"]


def test_a_chunk_names_the_messages_its_files_hold_even_when_stored_before(
    tmp_path: Path, sqlite_url: str
) -> None:
    """A copy is a duplicate, but its chunk still names the stored message: the batch routes
    a chunk's messages together, whichever chunk stored them first."""
    write_bench_data(6, tmp_path / "a", fmt="eml", seed=9, samples=SAMPLES)
    (tmp_path / "b").mkdir()
    for path in sorted((tmp_path / "a").rglob("*.eml"))[:2]:
        (tmp_path / "b" / path.name).write_bytes(path.read_bytes())
    first = ingest_files(tmp_path / "a", [p.relative_to(tmp_path / "a").as_posix()
                         for p in sorted((tmp_path / "a").rglob("*.eml"))],
                         source="a", database_url=sqlite_url)  # fmt: skip
    copies = ingest_files(tmp_path / "b", sorted(p.name for p in (tmp_path / "b").iterdir()),
                          source="b", database_url=sqlite_url)  # fmt: skip
    assert first.message_ids == first.stored_ids and len(first.stored_ids) == 6
    assert copies.stored_ids == [] and copies.duplicates == 2
    assert copies.message_ids == first.stored_ids[:2]
