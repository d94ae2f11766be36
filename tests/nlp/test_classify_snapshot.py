"""The shipped classifier gives exactly what it gave before the speed work, on every sample.

Speed changes (vectorised evidence, a cheaper seed-term scan, a dictionary place matcher,
cached feature columns) must not move one feature value, one decided label, one score, one
country or one evidence word of the promoted model. ``classify_snapshot.json`` holds, per
sample message, digests of its hashed counts, its weighted feature row and its whole
``Classification`` (no message text), written by the code before those changes.

Rewritten once since, when the TF-IDF weighting moved from scikit-learn to numpy
(``TfidfWeights``): feature values moved in their last bit, no label, score or evidence did.

Regenerate only when a change of output is intended (a retrained model, new rules):
``python -m tests.nlp.test_classify_snapshot``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import ROOT, SAMPLES
from triage.config.files import load_taxonomy
from triage.core.types import ClassifyInput
from triage.nlp.classifier import Classifier
from triage.nlp.text_model import analyse, predict

SNAPSHOT = Path(__file__).with_name("classify_snapshot.json")
BATCH = 250


# The sample files the snapshot was written from (later batches are not in it).
SNAPSHOT_FILES = ("gold.jsonl", *(f"written/batch_{b}.jsonl" for b in "abcdef"))


def _samples() -> list[ClassifyInput]:
    files = [SAMPLES / name for name in SNAPSHOT_FILES]
    items = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                items.append(
                    ClassifyInput(
                        id=str(row["id"]),
                        subject=row.get("subject") or "",
                        body=row.get("body") or "",
                        sender=row.get("sender") or "",
                        country=row.get("country"),
                        signature=row.get("signature") or "",
                    )
                )
    # Edge cases: empty, whitespace kinds, a long text, repeated and mixed scripts.
    extra = [
        "",
        " \n\t ",
        "Our accounts were suspended without explanation.  " * 900,
        "Привет 你好 مرحبا नमस्ते hello, Jordan Peterson in Jordan; the US, PLEASE HELP US " * 5,
        "والسودان بالسودان للسودان Perú PERU peru Côte d’Ivoire EE.UU. Georgia, USA",
    ]
    items += [ClassifyInput(id=f"edge-{n}", subject="", body=b) for n, b in enumerate(extra)]
    return items


def _digest(value: object) -> str:
    if isinstance(value, np.ndarray):
        data = np.ascontiguousarray(value).tobytes()
    else:
        data = json.dumps(value, sort_keys=True, ensure_ascii=False, default=list).encode()
    return hashlib.sha256(data).hexdigest()[:16]


def _rows(classifier: Classifier) -> Iterator[tuple[str, dict[str, str]]]:
    items = _samples()
    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        analysed = [
            analyse(classifier.gazetteer, classifier.lexicon, i.subject, i.body) for i in batch
        ]
        counts = classifier.features.counts(analysed)
        scored = predict(classifier.estimator, counts, analysed)
        results = classifier.classify(batch)
        for n, (item, result) in enumerate(zip(batch, results, strict=True)):
            c = counts[n]
            f = scored.features[n]
            out = asdict(result)
            # Not this code's output: the model version string, and what language detection
            # (triage.nlp.language, changed on its own) says.
            for field in ("model_version", "language", "language_confidence"):
                out.pop(field)
            out["review_reasons"] = [
                r for r in out["review_reasons"] if not r.startswith("language_")
            ]
            out.pop("needs_review")
            yield (
                item.id,
                {
                    "counts": _digest(np.concatenate([c.indices, c.data.view(np.int64)])),
                    "features": _digest(np.concatenate([f.indices, f.data.view(np.int64)])),
                    "labels": _digest({k: v for k, v in out.items() if k != "evidence"}),
                    "evidence": _digest(out["evidence"]),
                },
            )


@pytest.fixture(scope="module")
def shipped() -> Classifier:
    return Classifier.from_models_dir(ROOT / "models", load_taxonomy())


def test_every_sample_classifies_exactly_as_before(shipped: Classifier) -> None:
    expected = json.loads(SNAPSHOT.read_text())
    got = dict(_rows(shipped))
    assert set(got) == set(expected)
    for part in ("counts", "features", "labels", "evidence"):
        changed = sorted(k for k in got if got[k][part] != expected[k][part])
        assert not changed, f"{part} changed for {len(changed)} messages, e.g. {changed[:5]}"


if __name__ == "__main__":
    classifier = Classifier.from_models_dir(ROOT / "models", load_taxonomy())
    SNAPSHOT.write_text(json.dumps(dict(_rows(classifier)), indent=0, sort_keys=True) + "\n")
