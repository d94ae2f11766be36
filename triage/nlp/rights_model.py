"""Rights-issue classifier: TF-IDF (word and character n-grams) + one-vs-rest logistic regression.

Character n-grams carry across languages and spelling noise; seed-term cues are appended as
tokens (``__seed_privacy``) so that a term known in one language helps the others. This is the
baseline of the foundation issue; stronger candidates compete against it on the same split.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import MultiLabelBinarizer

from triage.nlp.seed_terms import SeedTermMatcher
from triage.nlp.text_fold import fold


def model_text(subject: str, body: str, seeds: SeedTermMatcher) -> str:
    folded = fold(f"{subject}\n{body}")[:20000]
    cues = " ".join(f"__seed_{label}" for label in seeds.match_folded(folded))
    return f"{folded}\n{cues}"


def build_pipeline(seed: int = 0) -> Pipeline:
    features = FeatureUnion(
        [
            (
                "word",
                TfidfVectorizer(
                    ngram_range=(1, 2), min_df=1, sublinear_tf=True, max_features=50000
                ),
            ),
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(3, 5),
                    min_df=2,
                    sublinear_tf=True,
                    max_features=80000,
                ),
            ),
        ]
    )
    classifier = OneVsRestClassifier(
        LogisticRegression(C=8.0, class_weight="balanced", max_iter=2000, random_state=seed)
    )
    return Pipeline([("features", features), ("classifier", classifier)])


def fit(texts: Sequence[str], labels: Sequence[Sequence[str]], classes: Sequence[str]) -> Pipeline:
    binarizer = MultiLabelBinarizer(classes=list(classes))
    y = binarizer.fit_transform(labels)
    present = y.sum(axis=0) > 0
    if not present.all():
        missing = [c for c, ok in zip(classes, present, strict=True) if not ok]
        raise ValueError(f"no training example for labels {missing}")
    pipeline = build_pipeline()
    pipeline.fit(list(texts), y)
    return pipeline


def predict_scores(pipeline: Pipeline, texts: Sequence[str]) -> np.ndarray:
    return np.asarray(pipeline.predict_proba(list(texts)))


def decide_labels(
    scores: np.ndarray, classes: Sequence[str], threshold: float
) -> list[tuple[str, ...]]:
    """Labels above the threshold; at least one (the best) so every message has an issue."""
    decided: list[tuple[str, ...]] = []
    for row in scores:
        chosen = tuple(c for c, s in zip(classes, row, strict=True) if s >= threshold)
        if not chosen:
            chosen = (classes[int(np.argmax(row))],)
        decided.append(chosen)
    return decided
