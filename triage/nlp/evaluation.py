"""Per-label precision, recall and F1 with macro and micro averages.

Single-label facets (priority, kind, language) are scored as one-label sets, so one function
serves every facet; a key missing from a gold line is not scored on that line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

MULTI_LABEL = ("rights_issue", "challenge", "countries")
SINGLE_LABEL = ("priority", "kind", "language")


@dataclass
class LabelCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass
class FacetReport:
    facet: str
    scored: int = 0
    labels: dict[str, LabelCounts] = field(default_factory=dict)

    def add(self, gold: Iterable[str], predicted: Iterable[str]) -> None:
        gold_set, pred_set = set(gold), set(predicted)
        self.scored += 1
        for label in gold_set | pred_set:
            counts = self.labels.setdefault(label, LabelCounts())
            if label in gold_set and label in pred_set:
                counts.tp += 1
            elif label in pred_set:
                counts.fp += 1
            else:
                counts.fn += 1

    def macro_f1(self) -> float:
        scored = [c for c in self.labels.values() if c.support]
        return sum(c.f1 for c in scored) / len(scored) if scored else 0.0

    def micro(self) -> LabelCounts:
        total = LabelCounts()
        for c in self.labels.values():
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        return total

    def as_dict(self) -> dict[str, Any]:
        micro = self.micro()
        return {
            "facet": self.facet,
            "scored": self.scored,
            "macro_f1": round(self.macro_f1(), 4),
            "micro_precision": round(micro.precision, 4),
            "micro_recall": round(micro.recall, 4),
            "micro_f1": round(micro.f1, 4),
            "labels": {
                label: {
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4),
                    "support": c.support,
                }
                for label, c in sorted(self.labels.items())
            },
        }


def as_label_set(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def evaluate(
    gold: Sequence[Mapping[str, Any]],
    predicted: Mapping[str, Mapping[str, Any]],
    facets: Sequence[str] = MULTI_LABEL + SINGLE_LABEL,
) -> dict[str, FacetReport]:
    """Compare gold lines with predictions keyed by id; missing gold keys are skipped."""
    reports = {facet: FacetReport(facet) for facet in facets}
    for line in gold:
        pred = predicted.get(str(line.get("id")))
        if pred is None:
            continue
        for facet in facets:
            if facet in line and line[facet] is not None:
                reports[facet].add(as_label_set(line[facet]), as_label_set(pred.get(facet)))
    return reports


def restrict(record: Mapping[str, Any], facet: str, labels: Iterable[str]) -> list[str]:
    """The labels a record can score, as its corpus files them: a corpus that knows only some
    labels says so in ``scored`` (see ``triage.nlp.corpora``), and nothing else is counted
    for or against; one that files a label under another (HRDsAttack files Hong Kong under
    China) says so in ``filed_under``, and gold and predicted labels are both read that way.
    The product's own output is not changed: only how a corpus's answer key is read."""
    filed = (record.get("filed_under") or {}).get(facet) or {}
    scored = (record.get("scored") or {}).get(facet)
    out: list[str] = []
    for label in labels:
        label = filed.get(label, label)
        if (scored is None or label in scored) and label not in out:
            out.append(label)
    return out


@dataclass
class Breakdown:
    """Macro-F1 of one facet per group (language, region...), with the group's size."""

    facet: str
    groups: dict[str, FacetReport] = field(default_factory=dict)

    def add(self, group: str, gold: Iterable[str], predicted: Iterable[str]) -> None:
        self.groups.setdefault(group, FacetReport(self.facet)).add(gold, predicted)

    def as_dict(self) -> dict[str, dict[str, float | int]]:
        return {
            group: {"macro_f1": round(r.macro_f1(), 4), "micro_f1": round(r.micro().f1, 4),
                    "messages": r.scored}
            for group, r in sorted(self.groups.items())
        }  # fmt: skip


@dataclass
class Confusions:
    """What a label is mistaken for: (gold label, predicted instead) pairs, most common first.

    For multi-label facets a pair counts when the gold label was missed and another label was
    predicted that the gold does not have; for single-label facets it is the confusion matrix.
    """

    pairs: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, gold: Iterable[str], predicted: Iterable[str]) -> None:
        gold_set, pred_set = set(gold), set(predicted)
        for missed in gold_set - pred_set:
            for wrong in pred_set - gold_set:
                self.pairs[(missed, wrong)] = self.pairs.get((missed, wrong), 0) + 1

    def top(self, n: int = 10) -> list[dict[str, Any]]:
        ranked = sorted(self.pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        return [{"gold": g, "predicted": p, "count": c} for (g, p), c in ranked]
