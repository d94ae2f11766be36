"""Form exports and folders: every row or file ends stored-to-be or quarantined, none lost."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from triage.core.types import Message, Quarantined
from triage.ingest.folder_source import read_folder

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
HEADER = "submission_id,submitted_at,name,email,organisation,country,subject,message\n"


def items(root: Path) -> list[Message | Quarantined]:
    return list(read_folder(root, source="test", now=NOW))


def test_csv_rows_with_commas_quotes_and_newlines(tmp_path: Path) -> None:
    (tmp_path / "form.csv").write_text(
        HEADER
        + 'f1,2026-11-02T10:00:00Z,Ana,ana@example.org,Red "Digital",México,Hola,'
        + '"Texto, con comas\ny saltos"\n'
        + "f2,not-a-date,Bob,bob@example.org,,,,Body\n"
        + "f3,2026-11-02T11:00:00Z,Cy,cy@example.org,,,,\n",
        encoding="utf-8",
    )
    results = items(tmp_path)
    assert len(results) == 3
    first, second, third = results
    assert isinstance(first, Message)
    assert first.body_text == "Texto, con comas\ny saltos"
    assert first.organisation == 'Red "Digital"'
    assert first.form_country == "México"
    assert first.received_at == datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    assert isinstance(second, Quarantined) and second.reason == "form_invalid"
    assert isinstance(third, Quarantined) and "empty message" in third.detail


def test_json_export_and_bad_json(tmp_path: Path) -> None:
    rows = [{"submission_id": "k1", "message": "Internet cut in Kassala", "email": "bad"}, 7]
    (tmp_path / "a.json").write_text(json.dumps(rows), encoding="utf-8")
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    results = items(tmp_path)
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Message", "Quarantined", "Quarantined"]
    assert results[0].sender_address == ""  # an invalid address is dropped, not guessed


def test_same_payload_same_key_edited_payload_new_key(tmp_path: Path) -> None:
    row = HEADER + "f1,2026-11-02T10:00:00Z,Ana,ana@example.org,,,,Body\n"
    (tmp_path / "x.csv").write_text(row, encoding="utf-8")
    key_one = items(tmp_path)[0].key
    assert items(tmp_path)[0].key == key_one
    (tmp_path / "x.csv").write_text(row.replace("Body", "Body edited"), encoding="utf-8")
    assert items(tmp_path)[0].key != key_one


def test_nested_folders_and_a_broken_file_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "ok.eml").write_bytes(b"From: a@example.org\r\nSubject: s\r\n\r\nok")
    (tmp_path / "a" / "empty.eml").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("ignored: not a message format")
    results = items(tmp_path)
    assert sorted(type(r).__name__ for r in results) == ["Message", "Quarantined"]
