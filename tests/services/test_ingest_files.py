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
    names = [p.relative_to(tmp_path / "a").as_posix()
             for p in sorted((tmp_path / "a").rglob("*.eml"))]  # fmt: skip
    (tmp_path / "b").mkdir()
    for name in names[:2]:
        (tmp_path / "b" / Path(name).name).write_bytes((tmp_path / "a" / name).read_bytes())
    first = ingest_files(tmp_path / "a", names, source="a", database_url=sqlite_url)
    # The generator writes exact copies too (as a real inbox has): the chunk names each
    # message once, whichever of its files stored it.
    assert first.message_ids == first.stored_ids
    assert len(first.stored_ids) + first.duplicates == 6 and len(first.stored_ids) >= 4
    held = {name: ingest_files(tmp_path / "a", [name], source="a", database_url=sqlite_url)
            for name in names[:2]}  # fmt: skip
    assert all(r.stored_ids == [] and len(r.message_ids) == 1 for r in held.values())
    in_b = sorted(names[:2], key=lambda n: Path(n).name)
    copies = ingest_files(tmp_path / "b", [Path(n).name for n in in_b],
                          source="b", database_url=sqlite_url)  # fmt: skip
    assert copies.stored_ids == [] and copies.duplicates == 2
    assert copies.message_ids == list(dict.fromkeys(held[n].message_ids[0] for n in in_b))
    assert set(copies.message_ids) <= set(first.stored_ids)
