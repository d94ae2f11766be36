"""The promoted classifier, loaded once per process (model load is the expensive part).

Imported lazily: spaCy, scikit-learn and skops take seconds to import, and a scheduled run
that finds nothing new must not pay for them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from triage.services import collector
from triage.settings import get_settings

if TYPE_CHECKING:
    from triage.nlp.classifier import Classifier


@lru_cache(maxsize=2)
def get_classifier(models_dir: Path | None = None) -> Classifier:
    from triage.config.files import load_taxonomy
    from triage.nlp.classifier import Classifier

    classifier = Classifier.from_models_dir(
        models_dir or get_settings().models_dir, load_taxonomy()
    )
    collector.settle_long_lived()  # the models live as long as the process
    return classifier
