"""Train the label model from labelled messages, staff labels and the real corpora; promote
a version only when a person asks for it.

Staff labels come from the database (every correction or confirmation, with who and when)
and count as message-like rows: retraining on them is how triage gets better at the mail a
team actually receives. The corpora's ``train.csv`` files are used when a folder is given;
their ``test.csv`` files never are.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from triage.atomic_files import write_text_atomic
from triage.config.files import load_taxonomy
from triage.faults import crash_point
from triage.nlp.classifier import Classifier
from triage.nlp.corpora import load_corpus
from triage.nlp.gazetteer import load_gazetteer
from triage.nlp.model_card import render_card
from triage.nlp.persistence import load_model, promote, write_json
from triage.nlp.training import MODEL_NAME, train_label_model
from triage.services.classifier_cache import get_classifier
from triage.services.database import session_scope
from triage.services.evaluate_file import evaluate_everything, read_jsonl
from triage.settings import get_settings
from triage.store import repository as repo

TRAINING_CORPORA = ("upr_info", "hrdsattack")  # rdr2022 has no train split
HANDWRITTEN = Path("data/eval/handwritten.jsonl")


def staff_examples(database_url: str | None = None) -> list[dict[str, Any]]:
    with session_scope(database_url) as session:
        return repo.staff_labelled(session)


def train(
    labels: Path | Sequence[Path] | None,
    *,
    version: str | None = None,
    models_dir: Path | None = None,
    corpora_dir: Path | None = None,
    staff: bool = False,
    database_url: str | None = None,
    candidates: Sequence[str] | None = None,
    evaluate: bool = True,
    handwritten: Path | None = HANDWRITTEN,
    dev: Path | None = None,
) -> dict[str, Any]:
    """Train every candidate and save the best learned one under ``models/labels/<version>``.

    ``dev``: labelled messages written apart from the training ones, never trained on, on
    which each facet's thresholds are moved to suit mail written elsewhere."""
    models_dir = models_dir or get_settings().models_dir
    version = version or datetime.now(UTC).strftime("%Y.%m.%d-%H%M%S")
    files = [labels] if isinstance(labels, Path) else list(labels or [])
    messages: list[dict[str, Any]] = [r for path in files for r in read_jsonl(path)]
    if staff:
        messages.extend(staff_examples(database_url))
    gazetteer = load_gazetteer()
    corpora = None
    if corpora_dir is not None:
        corpora = {
            name: load_corpus(corpora_dir, name, purpose="train", country_code=gazetteer.lookup)
            for name in TRAINING_CORPORA
        }
    options: dict[str, Any] = {"corpora": corpora, "dev": read_jsonl(dev) if dev else None}
    if candidates:
        options["candidates"] = tuple(candidates)
    taxonomy = load_taxonomy()
    staging = models_dir / MODEL_NAME / f".staging-{version}"
    shutil.rmtree(staging, ignore_errors=True)  # what a killed run of this version left
    result = train_label_model(messages, taxonomy, gazetteer, staging, version, **options)
    classifier = Classifier(
        taxonomy, load_model(staging, MODEL_NAME, taxonomy.version, version), gazetteer
    )
    evaluations = evaluate_everything(classifier, corpora_dir, handwritten) if evaluate else {}
    directory = Path(result["path"])
    metrics = {**result["metrics"], "evaluation_after_training": evaluations}
    write_json(directory / "metrics.json", metrics)
    write_text_atomic(directory / "card.md", render_card(result["manifest"], metrics, evaluations))
    final = publish(directory, models_dir / MODEL_NAME / version)
    shutil.rmtree(staging, ignore_errors=True)
    return {**result, "path": str(final), "metrics": metrics}


def publish(staged: Path, final: Path) -> Path:
    """Move a complete model directory to its version's name in one rename.

    Training writes under a hidden staging folder, so a run killed part-way never leaves a
    ``models/labels/<version>`` that loads with its card or metrics missing. Retraining an
    existing version swaps the old directory out first; the old one is removed last.
    """
    crash_point("retrain_before_publish")
    old = final.with_name(f".replaced-{final.name}")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    staged.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    return final


def promote_model(version: str, models_dir: Path | None = None) -> None:
    """Make ``version`` the model triage classifies with (refused if it does not exist)."""
    promote(models_dir or get_settings().models_dir, MODEL_NAME, version)
    get_classifier.cache_clear()
