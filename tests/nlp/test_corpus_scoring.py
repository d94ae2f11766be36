"""How a corpus's answer key is read: the labels it can score and the ones it files under others."""

from __future__ import annotations

import csv
from pathlib import Path

from triage.nlp.corpora import load_corpus
from triage.nlp.evaluation import restrict
from triage.nlp.gazetteer import load_gazetteer
from triage.services.evaluate_file import score_records

FIELDS = ["split", "gdelt_event_id", "title", "victim_types", "country", "city", "text"]


def _hrds(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    folder = tmp_path / "hrdsattack"
    folder.mkdir()
    with (folder / "train.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow({f: row.get(f, "") for f in FIELDS})
    return tmp_path


def test_hrdsattack_files_hong_kong_under_china_and_only_its_scoring_says_so(
    tmp_path: Path,
) -> None:
    root = _hrds(
        tmp_path,
        [
            {"gdelt_event_id": "1", "country": "China", "city": "Hong Kong", "text": "x"},
            {"gdelt_event_id": "2", "country": "Kenya", "text": "y"},
        ],
    )
    records = load_corpus(root, "hrdsattack", purpose="train", country_code=load_gazetteer().lookup)
    assert [r["countries"] for r in records] == [["CN"], ["KE"]]
    # The product answers HK (its own code); the corpus's key counts that as China.
    assert restrict(records[0], "countries", ["HK"]) == ["CN"]
    assert restrict(records[0], "countries", ["HK", "CN"]) == ["CN"]
    report = score_records(records, [{"countries": ["HK"]}, {"countries": ["UG"]}])
    countries = report["facets"]["countries"]
    assert countries["labels"]["CN"]["f1"] == 1.0
    assert countries["micro_precision"] == 0.5


def test_a_record_without_a_filing_rule_is_scored_as_it_is() -> None:
    record = {"countries": ["CN"], "scored": {"countries": None}}
    assert restrict(record, "countries", ["HK"]) == ["HK"]
    upr = {"scored": {"rights_issue": ["privacy"]}}
    assert restrict(upr, "rights_issue", ["privacy", "x"]) == ["privacy"]


def test_hrdsattack_misspelt_country_labels_are_read_as_their_rows_say(tmp_path: Path) -> None:
    root = _hrds(
        tmp_path,
        [
            {"gdelt_event_id": "1", "country": "Columbia", "city": "Cali", "text": "x"},
            {"gdelt_event_id": "2", "country": "Africa", "text": "y"},
        ],
    )
    records = load_corpus(root, "hrdsattack", purpose="train", country_code=load_gazetteer().lookup)
    assert records[0]["countries"] == ["CO"]
    assert "countries" not in records[1]  # a continent is no country: not scored
