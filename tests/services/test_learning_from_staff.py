"""Staff labels become training data, with who and when, and retraining on them helps.

A model trained on a small first share of the samples is scored on a fixed split (the
held-out samples); then reviewers confirm or correct the labels of the other messages through
the real review service (stored in the database, with who and when), and a model retrained
with those staff labels must score clearly higher on the same fixed split.
"""

from __future__ import annotations

import hashlib
import json
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import SAMPLES
from triage.config.files import load_taxonomy
from triage.nlp.gazetteer import load_gazetteer
from triage.nlp.persistence import load_model
from triage.nlp.seed_terms import Lexicon
from triage.nlp.training import MODEL_NAME, is_held_out, predict_labels, prepare, score
from triage.services.correct_labels import correct_labels
from triage.services.database import engine_for
from triage.services.run_batch import run_batch
from triage.services.train import staff_examples, train
from triage.store.tables import CaseRow, MessageRow

FIRST_SHARE = 0.15  # of the training split, labelled before any review


def _gold() -> list[dict]:
    rows = [json.loads(line) for line in (SAMPLES / "gold.jsonl").read_text().splitlines()]
    return [r for r in rows if r["kind"] != "out_of_scope" and r["channel"] == "email"]


def _in_first_share(record_id: str) -> bool:
    digest = hashlib.sha256(f"first:{record_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < FIRST_SHARE


def _write_eml(folder: Path, record: dict) -> None:
    message = EmailMessage()
    message["From"] = f"Sender {record['id']} <{record['id']}@cso.example.org>"
    message["To"] = "rights@company.example"
    message["Subject"] = f"{record['subject']} [{record['id']}]"
    message["Message-ID"] = f"<{record['id']}@cso.example.org>"
    message.set_content(record["body"])
    (folder / f"{record['id']}.eml").write_bytes(bytes(message))


def _macro_f1(models_dir: Path, version: str, records: list[dict]) -> float:
    taxonomy = load_taxonomy()
    model = load_model(models_dir, MODEL_NAME, taxonomy.version, version)
    prepared = prepare(records, load_gazetteer(), Lexicon(taxonomy))
    predicted = predict_labels(model.estimator, prepared)
    return float(
        score(records, {"rights_issue": predicted["rights_issue"]})["rights_issue"]["macro_f1"]
    )


def test_retraining_on_staff_labels_raises_f1_on_a_fixed_split(
    sqlite_url: str, tmp_path: Path
) -> None:
    gold = _gold()
    fixed = [r for r in gold if is_held_out(r["id"])]
    train_split = [r for r in gold if not is_held_out(r["id"])]
    first = [r for r in train_split if _in_first_share(r["id"])]
    to_review = [r for r in train_split if not _in_first_share(r["id"])]
    first_file = tmp_path / "first.jsonl"
    first_file.write_text("".join(json.dumps(r) + "\n" for r in first))
    assert len(fixed) >= 30 and len(first) >= 20 and len(to_review) >= 100

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for record in to_review:
        _write_eml(inbox, record)
    run_batch([("review", inbox)], sqlite_url)
    by_id = {r["id"]: r for r in to_review}
    with Session(engine_for(sqlite_url)) as session:
        cases = session.execute(
            select(CaseRow.id, MessageRow.subject).join(
                MessageRow, MessageRow.id == CaseRow.root_message_id
            )
        ).all()
    reviewed = 0
    for case_id, subject in cases:
        record = by_id[subject.rsplit("[", 1)[1].rstrip("]")]
        correct_labels(
            case_id,
            actor="reviewer@company.example",
            rights_issue=record["rights_issue"],
            challenge=record["challenge"],
            database_url=sqlite_url,
        )
        reviewed += 1
    examples = staff_examples(sqlite_url)
    assert len(examples) == reviewed >= 100
    assert all(e["labelled_by"] == "reviewer@company.example" for e in examples)
    assert all(e["labelled_at"] and e["source"] == "staff" for e in examples)

    models = tmp_path / "models"
    before = train(first_file, version="before", models_dir=models, candidates=["stacked"])
    after = train(
        first_file,
        version="after",
        models_dir=models,
        staff=True,
        database_url=sqlite_url,
        candidates=["stacked"],
    )
    assert before["manifest"]["training_rows"] == {
        "messages": before["metrics"]["split"]["train_rows"]
    }
    assert after["manifest"]["training_rows"]["staff"] > 60
    f1_before = _macro_f1(models, "before", fixed)
    f1_after = _macro_f1(models, "after", fixed)
    assert f1_after >= f1_before + 0.05, (f1_before, f1_after)
