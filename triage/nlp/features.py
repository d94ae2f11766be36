"""Hashed text features built from the tokens the gazetteer already made.

Tokenising is the dearest step of classification, so the text is tokenised once (by the
gazetteer's spaCy tokenizer, whose ``NORM`` is folded: case, accents, Arabic clitics on place
words) and the features are computed from the 64-bit ``NORM`` hashes with numpy:

- word unigrams and bigrams (the hashes themselves, combined for bigrams);
- 5-character word prefixes, a cheap stand-in for character n-grams that catches inflection
  across the Romance languages and Russian ("vigilancia"/"vigilância"/"vigilantes" share
  "vigil"), computed once per distinct word and cached;
- character bigrams inside CJK runs, which have no spaces to split on;
- for Arabic-script words, the word without its attached conjunction, preposition and article
  and its commonest suffixes ("والصحفيين", "الصحفيون" -> "صحفي"): Arabic writes these into the
  word, so without this one issue is spread over many rare forms (held-out: Arabic 0.62 -> 0.64,
  all languages 0.751 -> 0.754);
- one cue per seed-term label matched (``~rights_issue:privacy``): the language-independent
  features that carry a label into languages the training data has little of.

Hashing (no fitted vocabulary) keeps memory flat and the model file small; a
``TfidfTransformer`` fitted at training time weights the columns.
"""

from __future__ import annotations

import functools
import math
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from scipy import sparse
from spacy.strings import StringStore

N_FEATURES = 2**20
PREFIX_CHARS = 5
CUE_WEIGHT = 3.0
BIGRAM_SALT = np.uint64(0x9E3779B97F4A7C15)
CJK_CHARS = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK = re.compile(f"[{CJK_CHARS}]{{2,}}")
# Distinct words whose extra columns are kept (about 290 bytes each with their word parts,
# measured on 100,000 random words); cleared when full, like
# the gazetteer's vocabulary (VOCABULARY_LIMIT), so a long-running worker stays bounded.
_MAX_CACHE = 100_000


_AR_WORD = re.compile("^[\u0621-\u064a]+$")
_AR_PREFIX = re.compile("^(?:[وف]?(?:[بلك]?ال|لل)|[وف][بلك]?)(?=[\u0621-\u064a]{3})")
_AR_SUFFIX = re.compile("(?<=[\u0621-\u064a]{3})(?:ات|ون|ين|ان|ها|هم|هن|كم|نا|ه|ي)$")


def arabic_light_stem(word: str) -> str | None:
    """A light stem of a folded Arabic word (None for any other word): prefixes that leave at
    least three letters, then one common suffix. Crude, but the same word always gets the
    same stem, which is all a feature needs."""
    if not _AR_WORD.match(word):
        return None
    return _AR_SUFFIX.sub("", _AR_PREFIX.sub("", word))


def string_feature(text: str) -> int:
    return zlib.crc32(text.encode("utf-8")) % N_FEATURES


@functools.lru_cache(maxsize=4096)
def cue_column(cue: str) -> int:
    """The column of a seed-term cue (few distinct cues, looked up for every message)."""
    return string_feature("~" + cue)


class TokenFeatures:
    """Turns NORM hash arrays (one per message) and cue lists into a sparse count matrix.

    A batch is done with numpy as a whole: the word-level extras (prefix and CJK-bigram
    columns) are looked up once per distinct word of the batch, not once per message."""

    def __init__(self, strings: StringStore) -> None:
        # The store the NORM hashes come from; replaced when the vocabulary is renewed.
        self.strings = strings
        self._extras: dict[int, tuple[int, ...]] = {}
        # word-part column -> the word parts hashed there (prefixes and CJK character pairs)
        self._parts: dict[int, set[str]] = {}

    def extra_columns(self, norm_hash: int) -> tuple[int, ...]:
        """Prefix and CJK-bigram columns of one word (cached per distinct word)."""
        cached = self._extras.get(norm_hash)
        if cached is not None:
            return cached
        if len(self._extras) > _MAX_CACHE:
            self._extras.clear()
            self._parts.clear()
        try:
            word = self.strings[norm_hash]
        except KeyError:
            word = ""
        extra: list[int] = []
        if len(word) > PREFIX_CHARS + 1 and word.isalpha():
            extra.append(self._part("p:", word[:PREFIX_CHARS]))
        if (stem := arabic_light_stem(word)) and stem != word:
            extra.append(self._part("a:", stem))
        for run in _CJK.findall(word):
            extra.extend(self._part("c:", run[i : i + 2]) for i in range(len(run) - 1))
        result = tuple(extra)
        self._extras[norm_hash] = result
        return result

    def _part(self, kind: str, part: str) -> int:
        column = string_feature(kind + part)
        self._parts.setdefault(column, set()).add(part)
        return column

    def parts_at(self, column: int) -> set[str]:
        """The word parts seen hashed to a column (to name it as evidence)."""
        return self._parts.get(column, set())

    def matrix(
        self, norms: Sequence[np.ndarray], cues: Sequence[Mapping[str, int]]
    ) -> sparse.csr_matrix:
        n_rows = len(norms)
        lengths = np.fromiter((len(x) for x in norms), dtype=np.int64, count=n_rows)
        if not lengths.sum() and not any(cues):
            return sparse.csr_matrix((n_rows, N_FEATURES))
        everything = (
            np.concatenate([x.astype(np.uint64, copy=False) for x in norms])
            if lengths.sum()
            else np.zeros(0, dtype=np.uint64)
        )
        owner = np.repeat(np.arange(n_rows, dtype=np.int64), lengths)
        columns = [(everything % N_FEATURES).astype(np.int64)]
        rows = [owner]
        values = [np.ones(len(everything))]
        if len(everything) > 1:  # bigrams, never across two messages
            same = owner[:-1] == owner[1:]
            pairs = (everything[:-1] * BIGRAM_SALT + everything[1:]) % N_FEATURES
            columns.append(pairs[same].astype(np.int64))
            rows.append(owner[:-1][same])
            values.append(np.ones(int(same.sum())))
        if len(everything):
            distinct, inverse = np.unique(everything, return_inverse=True)
            cached, extra_columns = self._extras.get, self.extra_columns
            extras = [
                e if (e := cached(h)) is not None else extra_columns(h) for h in distinct.tolist()
            ]
            per_word = np.fromiter((len(e) for e in extras), dtype=np.int64, count=len(extras))
            if per_word.sum():
                flat = np.fromiter(
                    (c for e in extras for c in e), dtype=np.int64, count=int(per_word.sum())
                )
                starts = np.concatenate([[0], np.cumsum(per_word)[:-1]])
                occurrences = per_word[inverse]  # extras of each token
                token = np.repeat(np.arange(len(everything)), occurrences)
                offset = np.arange(len(token)) - np.repeat(
                    np.cumsum(occurrences) - occurrences, occurrences
                )
                columns.append(flat[starts[inverse][token] + offset])
                rows.append(owner[token])
                values.append(np.ones(len(token)))
        cue_rows: list[int] = []
        cue_columns: list[int] = []
        cue_values: list[float] = []
        for n, message_cues in enumerate(cues):
            for cue, count in message_cues.items():
                cue_rows.append(n)
                cue_columns.append(cue_column(cue))
                cue_values.append(CUE_WEIGHT * (1 + math.log(count)))
        if cue_rows:
            columns.append(np.asarray(cue_columns, dtype=np.int64))
            rows.append(np.asarray(cue_rows, dtype=np.int64))
            values.append(np.asarray(cue_values))
        matrix = sparse.csr_matrix(
            (np.concatenate(values), (np.concatenate(rows), np.concatenate(columns))),
            shape=(n_rows, N_FEATURES),
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


class TfidfWeights:
    """A fitted ``TfidfTransformer``'s weighting (sublinear tf, idf, l2 rows) in numpy alone.

    Why not the transformer itself at classification time: importing scikit-learn costs about
    1.3 s of CPU, more than half of starting a classifier, and only training needs it. The
    result equals scikit-learn's up to the last bit of a row's norm (its sum of squares runs
    in a different order); ``tests/nlp/test_tfidf_weights.py`` holds the two together."""

    __slots__ = ("idf", "norm", "sublinear")

    def __init__(self, idf: np.ndarray | None, *, sublinear: bool, norm: str | None) -> None:
        if norm not in (None, "l2"):
            raise ValueError(f"unsupported TF-IDF norm {norm!r}")
        self.idf = None if idf is None else np.ascontiguousarray(idf, dtype=np.float64)
        self.sublinear = bool(sublinear)
        self.norm = norm

    @classmethod
    def from_transformer(cls, transformer: Any) -> TfidfWeights:
        """From a fitted scikit-learn ``TfidfTransformer`` (read by attribute, so no import)."""
        idf = getattr(transformer, "idf_", None) if transformer.use_idf else None
        return cls(
            idf,
            sublinear=transformer.sublinear_tf,
            norm=transformer.norm,
        )

    def transform(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        x = sparse.csr_matrix(counts, dtype=np.float64, copy=True)
        if self.sublinear:
            np.log(x.data, x.data)
            x.data += 1.0
        if self.idf is not None:
            x.data *= self.idf[x.indices]
        if self.norm == "l2" and x.nnz:
            lengths = np.diff(x.indptr)
            filled = lengths > 0
            squares = np.zeros(x.shape[0])
            squares[filled] = np.add.reduceat(x.data * x.data, x.indptr[:-1][filled])
            norms = np.sqrt(squares)
            norms[norms == 0.0] = 1.0
            x.data /= np.repeat(norms, lengths)
        return x

    def __getstate__(self) -> dict[str, object]:
        return {"idf": self.idf, "sublinear": self.sublinear, "norm": self.norm}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["idf"], sublinear=state["sublinear"], norm=state["norm"])  # type: ignore[misc, arg-type]
