"""A renewed vocabulary classifies exactly as the old one did.

spaCy keeps every word it has tokenised, so a worker's gazetteer renews its vocabulary past
``VOCABULARY_LIMIT`` words (``Gazetteer.renew_vocabulary``, called by ``Classifier.classify``
between batches). The feature maker reads words (prefix columns, evidence) through the
vocabulary's string store, so it must follow the new one: words first seen after a renewal
exist in the new store only.
"""

from __future__ import annotations

import json

import pytest
import spacy

from tests.conftest import ROOT, SAMPLES
from triage.config.files import load_taxonomy
from triage.core.types import ClassifyInput
from triage.nlp.classifier import Classifier
from triage.nlp.gazetteer import Gazetteer


def _items(name: str) -> list[ClassifyInput]:
    rows = [json.loads(line) for line in (SAMPLES / name).read_text().splitlines() if line]
    return [
        ClassifyInput(id=str(r["id"]), subject=r.get("subject") or "", body=r.get("body") or "")
        for r in rows
    ]


@pytest.fixture(scope="module")
def taxonomy():  # type: ignore[no-untyped-def]
    return load_taxonomy()


def test_renewed_vocabulary_gives_the_same_results(taxonomy) -> None:  # type: ignore[no-untyped-def]
    before, after = _items("written/batch_a.jsonl"), _items("written/batch_b.jsonl")
    gazetteer = Gazetteer()
    renewed = Classifier.from_models_dir(ROOT / "models", taxonomy, gazetteer=gazetteer)
    first = renewed.classify(before)
    old_vocab = gazetteer.nlp.vocab
    words = len(old_vocab)
    assert not gazetteer.renew_vocabulary(limit=words)  # not over the limit: kept
    assert gazetteer.renew_vocabulary(limit=0)
    assert gazetteer.nlp.vocab is not old_vocab and len(gazetteer.nlp.vocab) < words
    fresh = Classifier.from_models_dir(ROOT / "models", taxonomy, gazetteer=Gazetteer())
    # Words first seen after the renewal (batch b) are in the new string store only.
    assert renewed.classify(after) == fresh.classify(after)
    assert renewed.classify(before) == first


def test_a_pipeline_passed_in_is_never_renewed() -> None:
    nlp = spacy.blank("xx")
    gazetteer = Gazetteer(nlp)
    assert not gazetteer.renew_vocabulary(limit=0)
    assert gazetteer.nlp is nlp
