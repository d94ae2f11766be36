"""``triage evaluate``: classify labelled messages and score every facet they carry.

Besides per-label P/R/F1 it breaks each facet down by language and by region (the M49 region
of the gold countries, and Global South or North) and lists the commonest confusions, and it
reads the real corpora of ``shared/corpora/labelled`` (their ``test.csv``) with the label
mapping of that folder's README, scoring only the labels each corpus knows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from triage.nlp.classifier import Classifier
from triage.nlp.corpora import CORPORA, load_corpus
from triage.nlp.country_regions import load_country_regions
from triage.nlp.evaluation import (
    MULTI_LABEL,
    SINGLE_LABEL,
    Breakdown,
    Confusions,
    FacetReport,
    as_label_set,
    restrict,
)
from triage.services.classifier_cache import get_classifier
from triage.services.classify_file import to_input

BATCH = 500


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    records = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    value = json.loads(line)
                except ValueError:
                    continue
                if isinstance(value, dict):
                    records.append(value)
    return records


def predict_records(
    records: Sequence[Mapping[str, Any]], classifier: Classifier | None = None
) -> list[dict[str, Any]]:
    classifier = classifier or get_classifier()
    out: list[dict[str, Any]] = []
    for start in range(0, len(records), BATCH):
        batch = records[start : start + BATCH]
        inputs = [to_input(str(r.get("id")), str(r.get("body") or ""), r) for r in batch]
        results = classifier.classify(inputs)
        out.extend(r.as_contract(str(g.get("id"))) for g, r in zip(batch, results, strict=True))
    return out


def _region_groups(record: Mapping[str, Any]) -> list[str]:
    places = load_country_regions()
    groups: list[str] = []
    for code in record.get("countries") or []:
        region = places.region(code)
        if region is not None:
            groups.append(region.region or "unknown")
            groups.append("global_south" if region.global_south else "global_north")
    return sorted(set(groups)) or ["no_country"]


def score_records(
    gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    facets = MULTI_LABEL + SINGLE_LABEL
    reports = {f: FacetReport(f) for f in facets}
    by_language = {f: Breakdown(f) for f in facets}
    by_region = {f: Breakdown(f) for f in facets}
    confusions = {f: Confusions() for f in facets}
    regions_cache: dict[int, list[str]] = {}
    for n, (record, pred) in enumerate(zip(gold, predicted, strict=True)):
        for facet in facets:
            if record.get(facet) is None:
                continue
            g = restrict(record, facet, as_label_set(record[facet]))
            p = restrict(record, facet, as_label_set(pred.get(facet)))
            reports[facet].add(g, p)
            confusions[facet].add(g, p)
            by_language[facet].add(str(record.get("language") or "und"), g, p)
            if n not in regions_cache:
                regions_cache[n] = _region_groups(record)
            for group in regions_cache[n]:
                by_region[facet].add(group, g, p)
    out: dict[str, Any] = {"messages": len(gold), "facets": {}}
    for facet in facets:
        if not reports[facet].scored:
            continue
        data = reports[facet].as_dict()
        data["by_language"] = by_language[facet].as_dict()
        data["by_region"] = by_region[facet].as_dict()
        data["confusions"] = confusions[facet].top()
        out["facets"][facet] = data
    return out


def corpus_checks(
    name: str, gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> dict[str, float]:
    """The figures issue targets name for each corpus, beyond macro-F1."""
    checks: dict[str, float] = {}
    if name == "rdr2022":
        pairs = [
            (g, p)
            for g, p in zip(gold, predicted, strict=True)
            if g.get("rdr_section") in ("privacy", "freedom")
        ]
        right = 0
        for g, p in pairs:
            scores = p.get("rights_issue_scores") or {}
            guess = (
                "privacy"
                if scores.get("privacy", 0) >= scores.get("expression", 0)
                else ("expression")
            )
            right += guess == ("privacy" if g["rdr_section"] == "privacy" else "expression")
        checks["privacy_vs_expression_accuracy"] = round(right / len(pairs), 4) if pairs else 0.0
    if name == "hrdsattack":
        hits = sum("hrd_safety" in p.get("rights_issue", []) for p in predicted)
        checks["hrd_safety_recall"] = round(hits / len(predicted), 4) if predicted else 0.0
    return checks


def evaluate_records(
    records: Sequence[Mapping[str, Any]],
    corpus: str | None = None,
    classifier: Classifier | None = None,
) -> dict[str, Any]:
    predicted = predict_records(records, classifier)
    report = score_records(records, predicted)
    if corpus:
        report["corpus"] = corpus
        report["checks"] = corpus_checks(corpus, records, predicted)
    return report


def evaluate_file(path: Path) -> dict[str, Any]:
    return evaluate_records(read_jsonl(path))


def evaluate_corpus(root: Path, name: str, classifier: Classifier | None = None) -> dict[str, Any]:
    """Score a model (the promoted one by default) on a corpus's test split, never trained on."""
    from triage.nlp.gazetteer import load_gazetteer

    records = load_corpus(root, name, purpose="evaluate", country_code=load_gazetteer().lookup)
    return evaluate_records(records, corpus=name, classifier=classifier)


def summary(report: Mapping[str, Any]) -> dict[str, Any]:
    """The figures a model card reports: macro-F1 per facet, per language, and the checks."""
    facets = report["facets"]
    out: dict[str, Any] = {
        facet: facets[facet]["macro_f1"]
        for facet in ("rights_issue", "challenge")
        if facet in facets
    }
    if "rights_issue" in facets:
        out["rights_issue_by_language"] = {
            lang: v["macro_f1"] for lang, v in facets["rights_issue"]["by_language"].items()
        }
    if "priority" in facets:
        critical = facets["priority"]["labels"].get("critical")
        if critical:
            out["critical_precision"] = critical["precision"]
            out["critical_recall"] = critical["recall"]
    if "language" in facets:
        out["language_micro_f1"] = facets["language"]["micro_f1"]
    if "countries" in facets:
        out["countries_micro_f1"] = facets["countries"]["micro_f1"]
    out.update(report.get("checks") or {})
    return out


def evaluate_everything(
    classifier: Classifier, corpora_dir: Path | None, handwritten: Path | None
) -> dict[str, Any]:
    """Every evaluation a model card reports; test splits and the handwritten set are only
    ever scored here, after training, never used to choose or tune."""
    out: dict[str, Any] = {}
    if handwritten is not None and handwritten.exists():
        out["handwritten"] = summary(evaluate_records(read_jsonl(handwritten), None, classifier))
    if corpora_dir is not None:
        for name in CORPORA:
            out[name] = summary(evaluate_corpus(corpora_dir, name, classifier))
    return out
