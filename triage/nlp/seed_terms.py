"""Keyword rules from the taxonomy's multilingual seed terms.

They are the honest baseline every learned model must beat, the classifier for facets with
too little training data (challenge, priority, kind), and the evidence shown to staff.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from triage.core.taxonomy import Taxonomy
from triage.nlp.text_fold import fold

_ARABIC = re.compile(r"[\u0600-\u06ff]")


def _term_pattern(term: str) -> str:
    folded = re.escape(fold(term))
    # Arabic words carry attached prefixes (و، ب، ال): match inside words there.
    return folded if _ARABIC.search(term) else rf"(?<!\w){folded}"


class SeedTermMatcher:
    """One compiled regex per label of one facet; ``match`` returns the terms found."""

    def __init__(self, taxonomy: Taxonomy, facet: str) -> None:
        self.facet = facet
        self._patterns: dict[str, re.Pattern[str]] = {}
        for label_id, label in taxonomy.labels[facet].items():
            terms = sorted({t for terms in label.seed_terms.values() for t in terms}, key=len)
            if terms:
                alternatives = "|".join(_term_pattern(t) for t in reversed(terms))
                self._patterns[label_id] = re.compile(alternatives)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self._patterns)

    def match_folded(self, folded_text: str) -> Mapping[str, list[str]]:
        found: dict[str, list[str]] = {}
        for label_id, pattern in self._patterns.items():
            hits = pattern.findall(folded_text)
            if hits:
                found[label_id] = sorted(set(hits))[:10]
        return found

    def match(self, text: str) -> Mapping[str, list[str]]:
        return self.match_folded(fold(text))
