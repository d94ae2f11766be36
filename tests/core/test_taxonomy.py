"""The packaged taxonomy is the contract of shared/taxonomy.md, and bad files are refused."""

from __future__ import annotations

import copy
import re

import pytest

from tests.conftest import SHARED
from triage.config.files import load_taxonomy, packaged, read_yaml
from triage.core.taxonomy import TaxonomyError, parse_taxonomy


def ids_in_contract(section: str) -> list[str]:
    """Label ids from the first table after a '## section' heading of shared/taxonomy.md."""
    text = (SHARED / "taxonomy.md").read_text(encoding="utf-8")
    start = text.index(f"## {section}")
    block = text[start:].split("\n## ", 1)[0]
    return re.findall(r"^\| (\w+) \|", block, flags=re.MULTILINE)[1:]  # skip the header row


def test_packaged_taxonomy_matches_the_shared_contract() -> None:
    taxonomy = load_taxonomy()
    assert list(taxonomy.ids("rights_issue")) == ids_in_contract("rights_issue")
    assert list(taxonomy.ids("challenge")) == ids_in_contract("challenge")
    assert set(taxonomy.ids("priority")) == {"critical", "high", "normal", "low"}
    assert "out_of_scope" in taxonomy.ids("kind")


def test_every_label_has_seed_terms_in_five_languages() -> None:
    taxonomy = load_taxonomy()
    for facet in ("rights_issue", "challenge"):
        for label_id, label in taxonomy.labels[facet].items():
            if label_id == "other":
                continue
            for lang in ("en", "es", "fr", "pt", "ar"):
                assert label.seed_terms.get(lang), (facet, label_id, lang)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("version"), "version"),
        (lambda d: d["rights_issue"].pop("privacy"), "missing \\['privacy'\\]"),
        (lambda d: d["challenge"].update({"made_up": {"description": "x"}}), "unknown"),
        (lambda d: d["rights_issue"]["privacy"].update({"description": ""}), "description"),
        (lambda d: d["rights_issue"]["labour"]["seed_terms"].pop("ar"), "lacks seed terms"),
    ],
)
def test_invalid_taxonomy_is_refused(mutate, message: str) -> None:
    data = copy.deepcopy(read_yaml(packaged("taxonomy.yaml")))
    mutate(data)
    with pytest.raises(TaxonomyError, match=message):
        parse_taxonomy(data)
