"""The label contract of ``shared/taxonomy.md`` as a validated value.

Parsing is pure (it takes an already-loaded mapping) so the same checks run on the packaged file,
on a user's override and in tests; a bad file fails at start-up, not mid-batch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from triage.core.types import KINDS, PRIORITIES

RIGHTS_ISSUES: tuple[str, ...] = (
    "privacy",
    "surveillance",
    "expression",
    "shutdowns",
    "harmful_content",
    "discrimination",
    "labour",
    "hrd_safety",
    "child_rights",
    "remedy",
    "environment",
    "other",
)
CHALLENGES: tuple[str, ...] = (
    "opaque_practices",
    "inaccessible_structures",
    "limited_capacity",
    "whistleblower_protection",
    "discriminatory_practices",
    "lack_of_commitment",
)
FACETS = ("rights_issue", "challenge", "priority", "kind")
REQUIRED_LANGUAGES = ("en", "es", "fr", "pt", "ar")


class TaxonomyError(ValueError):
    """The taxonomy file does not match the contract."""


@dataclass(frozen=True, slots=True)
class Label:
    id: str
    facet: str
    description: str
    seed_terms: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    version: str
    labels: Mapping[str, Mapping[str, Label]]

    def ids(self, facet: str) -> tuple[str, ...]:
        return tuple(self.labels[facet])

    def label(self, facet: str, label_id: str) -> Label:
        return self.labels[facet][label_id]


_EXPECTED = {
    "rights_issue": RIGHTS_ISSUES,
    "challenge": CHALLENGES,
    "priority": PRIORITIES,
    "kind": KINDS,
}


def parse_taxonomy(data: Mapping[str, Any]) -> Taxonomy:
    """Validate a loaded taxonomy file; every id of the contract present, no others."""
    if not isinstance(data, Mapping):
        raise TaxonomyError("taxonomy must be a mapping")
    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise TaxonomyError("taxonomy needs a non-empty string 'version'")
    labels: dict[str, dict[str, Label]] = {}
    for facet, expected in _EXPECTED.items():
        entries = data.get(facet)
        if not isinstance(entries, Mapping):
            raise TaxonomyError(f"taxonomy facet '{facet}' missing or not a mapping")
        got = tuple(entries)
        if set(got) != set(expected):
            missing = sorted(set(expected) - set(got))
            extra = sorted(set(got) - set(expected))
            raise TaxonomyError(f"facet '{facet}': missing {missing}, unknown {extra}")
        facet_labels: dict[str, Label] = {}
        for label_id in expected:
            entry = entries[label_id] or {}
            if not isinstance(entry, Mapping):
                raise TaxonomyError(f"{facet}.{label_id} must be a mapping")
            description = entry.get("description", "")
            if not isinstance(description, str) or not description.strip():
                raise TaxonomyError(f"{facet}.{label_id} needs a description")
            seeds_raw = entry.get("seed_terms", {}) or {}
            if not isinstance(seeds_raw, Mapping):
                raise TaxonomyError(f"{facet}.{label_id}.seed_terms must map language to terms")
            seeds: dict[str, tuple[str, ...]] = {}
            for lang, terms in seeds_raw.items():
                if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
                    raise TaxonomyError(f"{facet}.{label_id}.seed_terms.{lang} must be strings")
                seeds[str(lang)] = tuple(t.strip() for t in terms if t.strip())
            if facet in ("rights_issue", "challenge") and label_id != "other":
                lacking = [lang for lang in REQUIRED_LANGUAGES if not seeds.get(lang)]
                if lacking:
                    raise TaxonomyError(f"{facet}.{label_id} lacks seed terms in {lacking}")
            facet_labels[label_id] = Label(label_id, facet, description.strip(), seeds)
        labels[facet] = facet_labels
    return Taxonomy(version=version, labels=labels)
