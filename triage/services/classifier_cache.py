"""The promoted classifier, loaded once per process (model load is the expensive part)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from triage.config.files import load_taxonomy
from triage.nlp.classifier import Classifier
from triage.settings import get_settings


@lru_cache(maxsize=2)
def get_classifier(models_dir: Path | None = None) -> Classifier:
    return Classifier.from_models_dir(models_dir or get_settings().models_dir, load_taxonomy())
