"""Country F1 of ``countries_about`` on HRDsAttack's train split and on the samples.

Not a test: a tool for deciding changes to the country chooser and the place names on data
that is not reported. It scores the ``countries`` facet exactly as ``triage evaluate``
scores it (same corpus adapter, same ``to_input`` -> ``analyse`` -> ``countries_about``,
same ``FacetReport``), but only that facet, so a run takes seconds.

* ``--split train`` (default): HRDsAttack ``train.csv``, where decisions are made;
* the samples (``data/samples/gold.jsonl`` and the hand-written ``data/samples/written``),
  all of them and their held-out split (the training split's hash, by story group), which a
  change must not make worse;
* ``--split test`` only to check that the figures agree with ``triage evaluate``: the test
  split is for reporting, never for choosing.

``--errors FILE`` writes one JSON line per wrong train record (gold, predicted, counts of
each country named, the words matched, the title) for error analysis.

``--by-language`` adds the samples' F1 per language (all and held-out); ``--sample-errors
FILE`` writes the wrong samples as ``--errors`` writes the train records.

Usage: python scripts/measure_countries.py [--split train|test] [--errors FILE] [--by-language]
                                           [--sample-errors FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from triage.nlp import classifier as classifier_module  # noqa: E402
from triage.nlp.corpora import load_corpus  # noqa: E402
from triage.nlp.evaluation import FacetReport, as_label_set, restrict  # noqa: E402
from triage.nlp.gazetteer import load_gazetteer  # noqa: E402
from triage.nlp.seed_terms import Lexicon  # noqa: E402
from triage.nlp.text_model import analyse  # noqa: E402
from triage.nlp.training import is_held_out, split_key  # noqa: E402
from triage.services.classify_file import to_input  # noqa: E402
from triage.services.evaluate_file import read_jsonl  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora" / "labelled"
SAMPLES = ROOT / "data" / "samples"

Chooser = Callable[[Sequence[tuple[str, str, float]], str], tuple[str, ...]]


def predictions(
    records: Sequence[Mapping[str, Any]], chooser: Chooser
) -> list[tuple[tuple[str, ...], tuple[tuple[str, str, float], ...]]]:
    from triage.config.files import load_taxonomy

    gazetteer = load_gazetteer()
    lexicon = Lexicon(load_taxonomy())
    out = []
    for record in records:
        item = to_input(str(record.get("id")), str(record.get("body") or ""), record)
        mentions = analyse(gazetteer, lexicon, item.subject, item.body).mentions
        out.append((chooser(mentions, item.body), mentions))
    return out


def score(records: Sequence[Mapping[str, Any]], predicted: Sequence[Sequence[str]]) -> FacetReport:
    report = FacetReport("countries")
    for record, pred in zip(records, predicted, strict=True):
        if record.get("countries") is None:
            continue
        gold = restrict(record, "countries", as_label_set(record["countries"]))
        report.add(gold, restrict(record, "countries", list(pred)))
    return report


def line(name: str, report: FacetReport) -> str:
    d = report.as_dict()
    return (
        f"{name:<16} n={d['scored']:<4} micro-F1 {d['micro_f1']:.4f} "
        f"(P {d['micro_precision']:.4f} R {d['micro_recall']:.4f})"
    )


def error_kind(gold: set[str], pred: set[str]) -> str:
    if not pred:
        return "none"
    if not gold & pred:
        return "wrong"
    return "extra" if pred - gold else ("missed" if gold - pred else "right")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=("train", "test"), default="train")
    parser.add_argument("--errors", type=Path)
    parser.add_argument(
        "--by-language", action="store_true", help="the samples' F1 per language too"
    )
    parser.add_argument("--sample-errors", type=Path, help="wrong samples, one JSON line each")
    args = parser.parse_args()
    chooser: Chooser = classifier_module.countries_about
    gazetteer = load_gazetteer()
    purpose = "train" if args.split == "train" else "evaluate"
    corpus = load_corpus(CORPORA, "hrdsattack", purpose=purpose, country_code=gazetteer.lookup)
    preds = predictions(corpus, chooser)
    print(line(f"hrds {args.split}", score(corpus, [p for p, _ in preds])))
    kinds: Counter[str] = Counter()
    errors = []
    for record, (pred, mentions) in zip(corpus, preds, strict=True):
        if record.get("countries") is None:
            continue
        gold = set(restrict(record, "countries", record["countries"]))
        got = set(restrict(record, "countries", pred))
        kind = error_kind(gold, got)
        kinds[kind] += 1
        if kind != "right":
            counts = Counter(m[0] for m in mentions)
            errors.append(
                {
                    "id": record["id"],
                    "kind": kind,
                    "gold": sorted(gold),
                    "predicted": list(pred),
                    "counts": counts.most_common(),
                    "first": list(dict.fromkeys(m[0] for m in mentions))[:5],
                    "words": list(dict.fromkeys(m[1] for m in mentions))[:15],
                    "n_words": len(str(record["body"]).split()),
                    "title": record.get("subject", ""),
                    "start": str(record["body"])[:160],
                }
            )
    print("  outcomes:", dict(sorted(kinds.items())))
    if args.errors and args.split == "train":
        with args.errors.open("w", encoding="utf-8") as handle:
            for error in errors:
                handle.write(json.dumps(error, ensure_ascii=False) + "\n")
    # The messages training holds out from: the template samples and the hand-written ones.
    samples = read_jsonl(SAMPLES / "gold.jsonl")
    for path in sorted((SAMPLES / "written").glob("*.jsonl")):
        samples += read_jsonl(path)
    held = [r for r in samples if is_held_out(split_key(r))]
    sample_results = predictions(samples, chooser)
    sample_preds = [p for p, _ in sample_results]
    if args.sample_errors:
        with args.sample_errors.open("w", encoding="utf-8") as handle:
            for record, (pred, mentions) in zip(samples, sample_results, strict=True):
                if record.get("countries") is None:
                    continue
                gold = set(restrict(record, "countries", as_label_set(record["countries"])))
                got = set(restrict(record, "countries", pred))
                if gold != got:
                    error = {
                        "id": record["id"],
                        "language": record.get("language"),
                        "kind": error_kind(gold, got),
                        "gold": sorted(gold),
                        "predicted": list(pred),
                        "words": list(dict.fromkeys(m[1] for m in mentions))[:15],
                        "held_out": is_held_out(split_key(record)),
                    }
                    handle.write(json.dumps(error, ensure_ascii=False) + "\n")
    print(line("samples all", score(samples, sample_preds)))
    held_preds = [
        p for r, p in zip(samples, sample_preds, strict=True) if is_held_out(split_key(r))
    ]
    print(line("samples held", score(held, held_preds)))
    if args.by_language:
        # Per language: the gazetteer's names are per language, so a gap in one is hidden
        # by the ten others in the overall figure.
        languages = sorted({str(r.get("language")) for r in samples})
        for language in languages:
            pairs = [
                (r, p)
                for r, p in zip(samples, sample_preds, strict=True)
                if str(r.get("language")) == language
            ]
            held_pairs = [(r, p) for r, p in pairs if is_held_out(split_key(r))]
            all_line = line(
                f"  {language} all", score([r for r, _ in pairs], [p for _, p in pairs])
            )
            held_line = line("held", score([r for r, _ in held_pairs], [p for _, p in held_pairs]))
            print(f"{all_line} | {held_line}")


if __name__ == "__main__":
    main()
