"""Train the rights-issue model on labelled messages and optionally promote it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from triage.config.files import load_taxonomy
from triage.nlp.persistence import promote
from triage.nlp.training import train_rights_model
from triage.services.classifier_cache import get_classifier
from triage.services.evaluate_file import read_jsonl
from triage.settings import get_settings


def train(
    labels: Path,
    *,
    version: str | None = None,
    promote_it: bool = False,
    models_dir: Path | None = None,
) -> dict[str, Any]:
    models_dir = models_dir or get_settings().models_dir
    version = version or datetime.now(UTC).strftime("%Y.%m.%d-%H%M%S")
    result = train_rights_model(read_jsonl(labels), load_taxonomy(), models_dir, version)
    if promote_it:
        promote(models_dir, "rights_issue", version)
        get_classifier.cache_clear()
    return result
