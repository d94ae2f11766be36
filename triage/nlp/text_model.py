"""The learned part of classification: analysed text in, calibrated label scores out.

``analyse`` runs the expensive steps once per message (tokenising with the gazetteer's
tokenizer, folding, the seed-term scan) and everything else reuses them: the country
mentions, the hashed features, the seed-term evidence and the rule facets.

A trained model is a plain dict (skops-safe): the ``TfidfTransformer`` that weights the hashed
columns and one head per facet (see ``label_heads``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from spacy.attrs import NORM

from triage.nlp import label_heads
from triage.nlp.features import ColumnSelector, TokenFeatures, cue_counts, string_feature
from triage.nlp.gazetteer import Gazetteer
from triage.nlp.seed_terms import Lexicon, Matches
from triage.nlp.text_fold import fold

MODEL_CHARS = 20_000  # what the models read; a 1 MB message is classified by its start
CUE_FACETS = ("rights_issue", "challenge", "priority", "kind")
HEAD_FACETS = ("rights_issue", "challenge")


@dataclass(frozen=True, slots=True)
class Analysed:
    folded: str
    matches: Matches
    norms: np.ndarray
    mentions: tuple[tuple[str, str], ...]  # (iso2, words) for each country mention


def analyse(gazetteer: Gazetteer, lexicon: Lexicon, subject: str, body: str) -> Analysed:
    text = f"{subject}\n{body[:MODEL_CHARS]}"
    docs = list(gazetteer.docs(text))
    norms = (
        np.concatenate([d.to_array(NORM) for d in docs]).astype(np.uint64)
        if docs
        else np.zeros(0, dtype=np.uint64)
    )
    mentions = tuple(m for d in docs for m in gazetteer.mentions_in_doc(d))
    folded = fold(text)
    return Analysed(folded, lexicon.match_folded(folded), norms, mentions)


def seed_matrix(analysed: Sequence[Analysed], facet: str, classes: Sequence[str]) -> np.ndarray:
    out = np.zeros((len(analysed), len(classes)))
    for i, a in enumerate(analysed):
        hits = a.matches.get(facet, {})
        for j, label in enumerate(classes):
            out[i, j] = len(hits.get(label, ()))
    return out


class FeatureMaker:
    """Counts from analysed messages, then the fitted (or to-be-fitted) TF-IDF weighting."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._tokens = TokenFeatures(gazetteer.nlp.vocab.strings)
        self._strings = gazetteer.nlp.vocab.strings

    def counts(self, analysed: Sequence[Analysed]) -> sparse.csr_matrix:
        return self._tokens.matrix(
            [a.norms for a in analysed], [cue_counts(a.matches, CUE_FACETS) for a in analysed]
        )

    def names(self, analysed: Analysed) -> dict[int, str]:
        """Readable names of one message's feature columns, for evidence shown to staff."""
        names: dict[int, str] = {}
        strings = self._strings
        words = [strings[int(h)] if int(h) in strings else "" for h in analysed.norms]  # noqa: SIM401
        for n, word in enumerate(words):
            if not word.strip() or not any(ch.isalnum() for ch in word):
                continue
            names.setdefault(int(analysed.norms[n] % np.uint64(2**20)), word)
            if len(word) > 6 and word.isalpha():
                names.setdefault(string_feature("p:" + word[:5]), word[:5] + "…")
        for n in range(len(words) - 1):
            a, b = words[n], words[n + 1]
            if a.isalnum() and b.isalnum():
                col = self._tokens.row(analysed.norms[n : n + 2], {})[0][1]
                names.setdefault(int(col), f"{a} {b}")
        for cue in cue_counts(analysed.matches, CUE_FACETS):
            names.setdefault(string_feature("~" + cue), f"seed terms of {cue}")
        return names


def predict(
    model: Mapping[str, Any], counts: sparse.csr_matrix, analysed: Sequence[Analysed]
) -> tuple[sparse.csr_matrix, dict[str, np.ndarray]]:
    """The weighted features (on the model's columns) and, per facet, the probabilities."""
    selector = model.get("_selector")
    if selector is None:
        selector = ColumnSelector(model["columns"])
        if isinstance(model, dict):
            model["_selector"] = selector
    features = model["tfidf"].transform(selector.transform(counts))
    out = {}
    for facet, head in model["heads"].items():
        seeds = seed_matrix(analysed, facet, head["classes"])
        out[facet] = label_heads.predict_head(head, features, seeds)
    return features, out
