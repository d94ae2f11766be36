"""The learned part of classification: analysed text in, calibrated label scores out.

``analyse`` runs the expensive steps once per message (tokenising with the gazetteer's
tokenizer, folding, the seed-term scan) and everything else reuses them: the country
mentions, the hashed features, the seed-term evidence and the rule facets.

A trained model is a plain dict (skops-safe): the ``TfidfTransformer`` that weights the hashed
columns and one head per facet (see ``label_heads``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from spacy.attrs import NORM

from triage.nlp import label_heads
from triage.nlp.features import (
    BIGRAM_SALT,
    CJK_CHARS,
    N_FEATURES,
    ColumnSelector,
    TokenFeatures,
    cue_column,
    cue_counts,
)
from triage.nlp.gazetteer import Gazetteer
from triage.nlp.imminence import imminence_matrix
from triage.nlp.seed_terms import Lexicon, Matches
from triage.nlp.text_fold import fold

_COLUMN_MASK = np.uint64(N_FEATURES - 1)
assert N_FEATURES & (N_FEATURES - 1) == 0, "a hashed column is the low bits of a hash"
_CJK_PAIR = re.compile(f"[{CJK_CHARS}]{{2}}")
_MAX_WORDS = 200_000  # cached evidence words (about 100 bytes each)
MODEL_CHARS = 20_000  # what the models read; a 1 MB message is classified by its start
CUE_FACETS = ("rights_issue", "challenge", "priority", "kind")
HEAD_FACETS = ("rights_issue", "challenge", "critical")
# "critical" is priority == critical as a one-label facet: a learned second opinion beside the
# priority rules, whose seed terms are the priority facet's critical terms.
SEED_FACET = {"critical": "priority"}
# More columns for a facet's meta model (label_heads): the critical head weighs whether the
# message says the harm is happening now or is past or general (see imminence). On the held-out
# messages (labels 2026.12.3 -> 2026.12.5): precision / recall at the F1.5 threshold 0.66 / 0.88
# -> 0.71 / 0.87, best precision at recall 0.90 0.63 -> 0.66, at recall 0.95 0.56 -> 0.55 (no
# gain there). Only the critical head sees them: the shared features, and so every other
# label, are unchanged.
META_EXTRA = {"critical": "imminence"}
# Labels that change what happens to a case need confidence or their own words (see
# label_heads.decide): a wrong whistleblower_protection makes a case confidential.
EVIDENCE_FLOOR = {("challenge", "whistleblower_protection"): 0.5}


def evidence_floor(facet: str, classes: Sequence[str]) -> np.ndarray:
    return np.asarray([EVIDENCE_FLOOR.get((facet, label), 0.0) for label in classes])


@dataclass(frozen=True, slots=True)
class Analysed:
    folded: str
    matches: Matches
    norms: np.ndarray
    # (iso2, words, weight) for each country mention; see Gazetteer.weighed_mentions_in_doc
    mentions: tuple[tuple[str, str, float], ...]


def analyse(gazetteer: Gazetteer, lexicon: Lexicon, subject: str, body: str) -> Analysed:
    text = f"{subject}\n{body[:MODEL_CHARS]}"
    docs = list(gazetteer.docs(text))
    arrays = [d.to_array(NORM) for d in docs]
    norms = np.concatenate(arrays).astype(np.uint64) if docs else np.zeros(0, dtype=np.uint64)
    # Mentions weigh more the earlier they come in the whole text (see LEAD_WEIGHT).
    mentions: list[tuple[str, str, float]] = []
    start = 0
    for d, hashes in zip(docs, arrays, strict=True):
        mentions += gazetteer.weighed_mentions_in_doc(
            d, hashes.tolist(), start=start, size=len(text)
        )
        if len(d):
            start += d[-1].idx + len(d[-1].text_with_ws)
    folded = fold(text)
    return Analysed(folded, lexicon.match_folded(folded), norms, tuple(mentions))


def meta_extra(name: str | None, analysed: Sequence[Analysed]) -> np.ndarray | None:
    """The extra meta-model columns a head was fitted with (None for a head without)."""
    if name is None:
        return None
    if name == "imminence":
        return imminence_matrix([a.folded for a in analysed])
    raise ValueError(f"unknown meta-model columns {name!r}")


def seed_matrix(analysed: Sequence[Analysed], facet: str, classes: Sequence[str]) -> np.ndarray:
    """Distinct seed terms found per message (rows) and label (columns). Only the labels a
    message matched are visited: most messages match a few of a facet's labels."""
    out = np.zeros((len(analysed), len(classes)))
    source = SEED_FACET.get(facet, facet)
    where: dict[str, list[int]] = {}
    for j, label in enumerate(classes):
        where.setdefault(label, []).append(j)
    rows: list[int] = []
    columns: list[int] = []
    counts: list[int] = []
    for i, a in enumerate(analysed):
        for label, terms in a.matches.get(source, {}).items():
            for j in where.get(label, ()):
                rows.append(i)
                columns.append(j)
                counts.append(len(terms))
    out[rows, columns] = counts
    return out


class FeatureMaker:
    """Counts from analysed messages, then the fitted (or to-be-fitted) TF-IDF weighting."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._tokens = TokenFeatures(gazetteer.nlp.vocab.strings)
        self._strings = gazetteer.nlp.vocab.strings
        self._words: dict[int, str] = {}

    def _follow_vocabulary(self) -> None:
        """Read words from the gazetteer's current vocabulary (``renew_vocabulary`` replaces
        it). The caches stay: they are keyed by hash, and a hash names the same word in
        every vocabulary."""
        strings = self._gazetteer.nlp.vocab.strings
        if strings is not self._strings:
            self._strings = self._tokens.strings = strings

    def counts(self, analysed: Sequence[Analysed], *, cues: bool = True) -> sparse.csr_matrix:
        """Hashed counts; ``cues=False`` leaves out the seed-term cues (the plain baseline)."""
        self._follow_vocabulary()
        return self._tokens.matrix(
            [a.norms for a in analysed],
            [cue_counts(a.matches, CUE_FACETS) if cues else {} for a in analysed],
        )

    def names(self, analysed: Analysed, wanted: Iterable[int]) -> dict[int, str]:
        """Readable names of the ``wanted`` feature columns of one message (evidence for
        staff). A column is named by the words of this message hashed to it (the first that
        has a letter or digit); a word-part column (a prefix, a CJK character pair) by a part
        that occurs in this message.

        The tokens are visited in order, but only those hashed to a wanted column; the words
        of the wanted columns are cached (``_word``), punctuation columns otherwise cost a
        string lookup at every comma."""
        self._follow_vocabulary()
        missing = set(wanted)
        names: dict[int, str] = {}
        for cue in cue_counts(analysed.matches, CUE_FACETS):
            column = cue_column(cue)
            if column in missing:
                names[column] = f"seed terms of {cue}"
                missing.discard(column)
        norms = analysed.norms
        word = self._word
        # Only the tokens whose column is wanted are visited, found with numpy (the walk over
        # every token and bigram in Python was most of the cost of evidence). The hashes
        # become Python ints only there. ``& _COLUMN_MASK`` is ``% N_FEATURES`` (a power of
        # two) without the 64-bit division.
        if missing and len(norms):
            columns = norms & _COLUMN_MASK
            at = _positions(columns, missing)
            for column, norm in zip(columns[at].tolist(), norms[at].tolist(), strict=True):
                if column in missing and (text := word(norm)):
                    names[column] = text
                    missing.discard(column)
        if missing and len(norms) > 1:
            bigrams = (norms[:-1] * BIGRAM_SALT + norms[1:]) & _COLUMN_MASK
            at = _positions(bigrams, missing)
            lefts, rights = norms[at].tolist(), norms[at + 1].tolist()
            for column, left, right in zip(bigrams[at].tolist(), lefts, rights, strict=True):
                if column in missing:
                    first, second = word(left), word(right)
                    if first and second:
                        names[column] = f"{first} {second}"
                        missing.discard(column)
        for column in list(missing):
            present = sorted(p for p in self._tokens.parts_at(column) if p in analysed.folded)
            if present:
                names[column] = present[0] if _CJK_PAIR.fullmatch(present[0]) else present[0] + "…"
        return names

    def _word(self, norm_hash: int) -> str:
        """The word of a NORM hash, or "" when it has no letter or digit (punctuation does
        not explain a label). Cached: the same words explain most messages."""
        text = self._words.get(norm_hash)
        if text is None:
            if len(self._words) > _MAX_WORDS:
                self._words.clear()
            strings = self._strings
            text = strings[norm_hash] if norm_hash in strings else ""  # noqa: SIM401
            text = text if any(ch.isalnum() for ch in text) else ""
            self._words[norm_hash] = text
        return text


def _positions(columns: np.ndarray, wanted: set[int]) -> np.ndarray:
    """The positions in ``columns`` (uint64) that hold one of ``wanted``, in order."""
    want = np.fromiter(wanted, dtype=np.uint64, count=len(wanted))
    want.sort()
    at = np.minimum(np.searchsorted(want, columns), len(want) - 1)
    return np.flatnonzero(want[at] == columns)


@dataclass(frozen=True, slots=True)
class Scored:
    """A batch through the model: weighted features (on the model's columns) and, per facet,
    calibrated probabilities and the labels decided from them and the seed-term hits."""

    features: sparse.csr_matrix
    probabilities: dict[str, np.ndarray]
    labels: dict[str, list[tuple[str, ...]]]


def predict(
    model: Mapping[str, Any], counts: sparse.csr_matrix, analysed: Sequence[Analysed]
) -> Scored:
    """Score and decide every facet of the model: one place for the decision rule, used by
    the classifier and by training's held-out scoring alike."""
    selector = model.get("_selector")
    if selector is None:
        selector = ColumnSelector(model["columns"])
        if isinstance(model, dict):
            model["_selector"] = selector
    features = model["tfidf"].transform(selector.transform(counts))
    probabilities: dict[str, np.ndarray] = {}
    labels: dict[str, list[tuple[str, ...]]] = {}
    for facet, head in model["heads"].items():
        seeds = seed_matrix(analysed, facet, head["classes"])
        extra = meta_extra(head.get("meta_extra"), analysed)
        probabilities[facet] = label_heads.predict_head(head, features, seeds, extra)
        chosen = label_heads.decide(
            probabilities[facet],
            head["thresholds"],
            at_least_one=facet == "rights_issue",
            evidence_floor=evidence_floor(facet, head["classes"]),
            seeds=seeds,
            secondary_ratio=float(head.get("secondary_ratio", 0.0)),
        )
        labels[facet] = [tuple(head["classes"][j] for j in row) for row in chosen]
    return Scored(features, probabilities, labels)
