"""Staff labels become training data, with who and when, and retraining on them helps.

A model trained on English samples only is scored on a fixed split of Spanish, French,
Portuguese and Arabic messages; then reviewers confirm or correct the labels of other
messages in those languages through the real review service (stored in the database), and a
model retrained with those staff labels must score clearly higher on the same fixed split.
"""

from __future__ import annotations

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

OTHER_LANGUAGES = ("es", "fr", "pt", "ar")


def _gold() -> list[dict]:
    rows = [json.loads(line) for line in (SAMPLES / "gold.jsonl").read_text().splitlines()]
    return [r for r in rows if r["kind"] != "out_of_scope" and r["channel"] == "email"]


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
    english = tmp_path / "english.jsonl"
    english.write_text("".join(json.dumps(r) + "\n" for r in gold if r["language"] == "en"))
    fixed = [r for r in gold if r["language"] in OTHER_LANGUAGES and is_held_out(r["id"])]
    to_review = [r for r in gold if r["language"] in OTHER_LANGUAGES and not is_held_out(r["id"])]
    assert len(fixed) >= 25 and len(to_review) >= 100

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
    before = train(english, version="before", models_dir=models, candidates=["stacked"])
    after = train(
        english,
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
