"""``triage evaluate``: classify a labelled file and score every facet it carries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from triage.nlp.evaluation import FacetReport, evaluate
from triage.services.classify_file import LineError, classify_lines


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


def evaluate_file(path: Path) -> tuple[dict[str, FacetReport], int]:
    gold = read_jsonl(path)
    with open(path, encoding="utf-8") as handle:
        predictions = {
            str(r["id"]): r for r in classify_lines(handle) if not isinstance(r, LineError)
        }
    return evaluate(gold, predictions), len(gold)
