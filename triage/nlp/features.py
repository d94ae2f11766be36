"""Hashed text features built from the tokens the gazetteer already made.

Tokenising is the dearest step of classification, so the text is tokenised once (by the
gazetteer's spaCy tokenizer, whose ``NORM`` is folded: case, accents, Arabic clitics on place
words) and the features are computed from the 64-bit ``NORM`` hashes with numpy:

- word unigrams and bigrams (the hashes themselves, combined for bigrams);
- 5-character word prefixes, a cheap stand-in for character n-grams that catches inflection
  across the Romance languages and Russian ("vigilancia"/"vigilância"/"vigilantes" share
  "vigil"), computed once per distinct word and cached;
- character bigrams inside CJK runs, which have no spaces to split on;
- one cue per seed-term label matched (``~rights_issue:privacy``): the language-independent
  features that carry a label into languages the training data has little of.

Hashing (no fitted vocabulary) keeps memory flat and the model file small; a
``TfidfTransformer`` fitted at training time weights the columns.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from scipy import sparse
from spacy.strings import StringStore

N_FEATURES = 2**20
PREFIX_CHARS = 5
CUE_WEIGHT = 3.0
BIGRAM_SALT = np.uint64(0x9E3779B97F4A7C15)
_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]{2,}")
_MAX_CACHE = 400_000


def string_feature(text: str) -> int:
    return zlib.crc32(text.encode("utf-8")) % N_FEATURES


class TokenFeatures:
    """Turns NORM hash arrays (one per message) and cue lists into a sparse count matrix."""

    def __init__(self, strings: StringStore) -> None:
        self._strings = strings
        self._extras: dict[int, tuple[int, ...]] = {}

    def extra_columns(self, norm_hash: int) -> tuple[int, ...]:
        """Prefix and CJK-bigram columns of one word (cached per distinct word)."""
        cached = self._extras.get(norm_hash)
        if cached is not None:
            return cached
        if len(self._extras) > _MAX_CACHE:
            self._extras.clear()
        try:
            word = self._strings[norm_hash]
        except KeyError:
            word = ""
        extra: list[int] = []
        if len(word) > PREFIX_CHARS + 1 and word.isalpha():
            extra.append(string_feature("p:" + word[:PREFIX_CHARS]))
        for run in _CJK.findall(word):
            extra.extend(string_feature("c:" + run[i : i + 2]) for i in range(len(run) - 1))
        result = tuple(extra)
        self._extras[norm_hash] = result
        return result

    def row(self, norms: np.ndarray, cues: Mapping[str, int]) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and counts of one message."""
        norms = norms.astype(np.uint64, copy=False)
        parts = [norms % N_FEATURES]
        if len(norms) > 1:
            parts.append((norms[:-1] * BIGRAM_SALT + norms[1:]) % N_FEATURES)
        unique, counts = np.unique(norms, return_counts=True)
        extra_cols: list[int] = []
        extra_counts: list[int] = []
        for value, count in zip(unique.tolist(), counts.tolist(), strict=True):
            for col in self.extra_columns(value):
                extra_cols.append(col)
                extra_counts.append(count)
        columns = np.concatenate([p.astype(np.int64) for p in parts])
        values = np.ones(len(columns), dtype=np.float64)
        if extra_cols:
            columns = np.concatenate([columns, np.asarray(extra_cols, dtype=np.int64)])
            values = np.concatenate([values, np.asarray(extra_counts, dtype=np.float64)])
        if cues:
            columns = np.concatenate(
                [columns, np.asarray([string_feature("~" + c) for c in cues], dtype=np.int64)]
            )
            values = np.concatenate(
                [values, np.asarray([CUE_WEIGHT * (1 + math.log(n)) for n in cues.values()])]
            )
        return columns, values

    def matrix(
        self, norms: Sequence[np.ndarray], cues: Sequence[Mapping[str, int]]
    ) -> sparse.csr_matrix:
        rows: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        vals: list[np.ndarray] = []
        for n, (message_norms, message_cues) in enumerate(zip(norms, cues, strict=True)):
            c, v = self.row(message_norms, message_cues)
            cols.append(c)
            vals.append(v)
            rows.append(np.full(len(c), n, dtype=np.int64))
        if not cols:
            return sparse.csr_matrix((len(norms), N_FEATURES))
        matrix = sparse.csr_matrix(
            (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
            shape=(len(norms), N_FEATURES),
        )
        matrix.sum_duplicates()
        return matrix


def cue_counts(matches: Mapping[str, Mapping[str, Sequence[str]]], facets: Iterable[str]) -> dict:
    """Seed-term labels matched, as cue names with the number of distinct terms found."""
    return {
        f"{facet}:{label}": len(terms)
        for facet in facets
        for label, terms in matches.get(facet, {}).items()
    }


def active_columns(counts: sparse.csr_matrix, min_df: int = 2) -> np.ndarray:
    """The hashed columns seen in at least ``min_df`` training rows: the model stores weights
    for these only (a few tens of thousands instead of a million)."""
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    return np.flatnonzero(df >= min_df).astype(np.int32)


class ColumnSelector:
    """Maps full hashed matrices onto a model's active columns; unseen columns drop out."""

    def __init__(self, columns: np.ndarray, width: int = N_FEATURES) -> None:
        self._lookup = np.full(width, -1, dtype=np.int32)
        self._lookup[columns] = np.arange(len(columns), dtype=np.int32)
        self.width = len(columns)

    def transform(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        mapped = self._lookup[counts.indices]
        keep = mapped >= 0
        rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
        return sparse.csr_matrix(
            (counts.data[keep], (rows[keep], mapped[keep])), shape=(counts.shape[0], self.width)
        )
