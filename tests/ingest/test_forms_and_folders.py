"""Form exports and folders: every row or file ends stored-to-be or quarantined, none lost."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.config.files import ConfigFileError, load_source_specs
from triage.core.types import Message, Quarantined
from triage.ingest.folder_source import read_folder
from triage.services.database import engine_for
from triage.services.run_batch import run_batch
from triage.store.tables import MessageRow

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


def test_a_google_forms_export_is_read_through_its_column_mapping(
    sqlite_url: str, tmp_path: Path
) -> None:
    exports = tmp_path / "gforms"
    exports.mkdir()
    (exports / "responses.csv").write_text(
        "Timestamp,Email Address,Your name,Organisation,Country,Subject,Your message\n"
        "2026-11-02T10:00:00Z,ana@example.org,Ana,Red Segura,Colombia,Amenazas,"
        "Recibimos amenazas en Bogotá.\n",
        encoding="utf-8",
    )
    config = tmp_path / "sources.yaml"
    config.write_text(
        "sources:\n  gforms:\n    path: gforms\n    form_fields:\n"
        "      submitted_at: Timestamp\n      email: Email Address\n      name: Your name\n"
        "      organisation: Organisation\n      country: Country\n      subject: Subject\n"
        "      message: Your message\n",
        encoding="utf-8",
    )
    spec = load_source_specs(config)["gforms"]
    unmapped = run_batch([("raw", exports)], sqlite_url).counts()
    assert unmapped["quarantined"] == 1  # without the mapping there is no message field
    mapped = run_batch([spec], sqlite_url).counts()
    assert mapped["stored"] == 1 and mapped["routed"] == 1
    with Session(engine_for(sqlite_url)) as session:
        row = session.scalars(select(MessageRow)).one()
    assert (row.sender_address, row.organisation, row.form_country) == (
        "ana@example.org", "Red Segura", "Colombia",
    )  # fmt: skip
    assert row.body_text == "Recibimos amenazas en Bogotá." and row.channel == "form"
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  g:\n    path: gforms\n    form_fields: {texto: Message}\n")
    with pytest.raises(ConfigFileError, match="unknown field"):
        load_source_specs(bad)
    engine_for.cache_clear()
