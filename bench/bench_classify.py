"""Classification speed on one core: 200-word messages in the languages triage covers.

Messages are built from the project's samples, gold and written (never the independent
evaluation set, which must stay unseen), cut or repeated to 200 words, and classified in
batches of 500 by the promoted classifier exactly as ``classify_pending`` calls it. Reports
the load time (wall and CPU; the imports apart), messages per second (after one warm-up
batch, as a long-running worker would see it; wall and CPU, since the machine may be shared)
and peak RSS; writes rows to ``bench/results.json``.

Usage: python bench/bench_classify.py [--messages N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

_IMPORTS_STARTED = time.process_time()

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import record
from triage.config.files import load_taxonomy
from triage.core.types import ClassifyInput
from triage.nlp.classifier import Classifier
from triage.nlp.gazetteer import load_gazetteer

_IMPORTS_CPU = time.process_time() - _IMPORTS_STARTED

WORDS = 200
BATCH = 500


def messages(n: int, seed: int = 7) -> list[ClassifyInput]:
    rows = []
    files = [
        ROOT / "data/samples/gold.jsonl",
        *sorted((ROOT / "data/samples/written").glob("*.jsonl")),
    ]
    for path in files:
        rows += [json.loads(line) for line in path.read_text().splitlines() if line]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        row = rng.choice(rows)
        words = row["body"].split() or ["empty"]
        while len(words) < WORDS:
            words = words + rng.choice(rows)["body"].split()
        out.append(
            ClassifyInput(id=str(i), subject=row.get("subject", ""), body=" ".join(words[:WORDS]))
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=20_000)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    taxonomy = load_taxonomy()
    started, cpu = time.perf_counter(), time.process_time()
    gazetteer = load_gazetteer()
    classifier = Classifier.from_models_dir(ROOT / "models", taxonomy, gazetteer=gazetteer)
    load_seconds = time.perf_counter() - started
    load_cpu = time.process_time() - cpu
    items = messages(args.messages)
    classifier.classify(items[:BATCH])  # warm-up: tokenizer cache, detector models
    started, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(items), BATCH):
        classifier.classify(items[start : start + BATCH])
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        {"stage": "classify", "messages": len(items), "workers": 1, "store": "none",
         "seconds": round(seconds, 2), "messages_per_s": round(len(items) / seconds),
         "cpu_seconds": round(cpu_seconds, 2),
         "words_per_message": WORDS, "peak_rss_mb": round(rss)},
        {"stage": "classifier_load", "messages": 0, "workers": 1, "store": "none",
         "seconds": round(load_seconds, 2), "cpu_seconds": round(load_cpu, 2),
         "imports_cpu_seconds": round(_IMPORTS_CPU, 2), "peak_rss_mb": round(rss)},
    ]  # fmt: skip
    record(rows)
    print(
        f"classifier (gazetteer + model + lexicon) loaded in {load_seconds:.2f} s "
        f"({load_cpu:.2f} s CPU; imports before it {_IMPORTS_CPU:.2f} s CPU)"
    )
    print(f"classified {len(items):,} messages of {WORDS} words in {seconds:.2f} s "
          f"({len(items) / seconds:,.0f}/s on one core; {len(items) / cpu_seconds:,.0f}/s "
          f"by CPU time), peak RSS {rss:,.0f} MB")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
