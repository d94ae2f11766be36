"""Language detection: accuracy on texts of 20 words or more, and speed on one core.

Texts with a known language: the independent handwritten set, the hand-written training
messages, the samples, and the UDHR articles in ten languages from ``../shared/corpora``.
The figure the issue asks for is accuracy on messages of 20+ words (target 0.98); speed is
CPU time per text of ``detect_language`` as the classifier calls it, once its detectors are
built (``warm_up``, timed apart: it is part of the classifier's load time), and the share of
texts CLD2 decides alone (the rest cost a lingua call). Writes rows to
``bench/results.json``.

Usage: python bench/bench_language.py
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import record
from triage.nlp import language as lang
from triage.nlp.language import detect_language, warm_up

UDHR = ROOT.parent / "shared/corpora/reference/udhr/udhr_articles_10langs.csv"
UDHR_CODES = {"eng": "en", "spa": "es", "fra": "fr", "por_BR": "pt", "por_PT": "pt", "arb": "ar",
              "swh": "sw", "rus": "ru", "cmn_hans": "zh", "hin": "hi"}  # fmt: skip
MIN_WORDS = 20


def labelled_texts() -> list[tuple[str, str, str]]:
    """(source, language, text) for every text with a known language and 20+ words."""
    out = []
    files = [ROOT / "data/eval/handwritten.jsonl", ROOT / "data/samples/gold.jsonl"]
    files += sorted((ROOT / "data/samples/written").glob("*.jsonl"))
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line else None
            if row and row.get("language"):
                out.append((path.stem, row["language"], row["body"]))
    if UDHR.exists():
        with UDHR.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                out.append(("udhr", UDHR_CODES[row["lang_code"]], row["text"]))
    # Chinese has no spaces: count characters / 2 as words for it.
    return [t for t in out if max(len(t[2].split()), len(t[2]) // 2 if t[1] == "zh" else 0)
            >= MIN_WORDS]  # fmt: skip


def _decided_by_cld2(text: str) -> bool:
    """Whether ``detect_language`` answers without lingua (its own steps, in its order)."""
    sample = " ".join(text[: lang.SAMPLE_CHARS * 2].split())[: lang.SAMPLE_CHARS]
    script, _share = lang._dominant_script(sample)
    if script not in lang._SCRIPT_LANGUAGES:
        return script is not None  # one script, one language: no detector at all
    return lang._cld2_guess(sample, script) is not None


def main() -> int:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = labelled_texts()
    started = time.process_time()
    warm_up()  # builds the detectors and loads lingua's models
    build_seconds = time.process_time() - started
    started = time.process_time()
    guesses = [detect_language(text).code for _source, _language, text in texts]
    seconds = time.process_time() - started
    right = sum(g == t[1] for g, t in zip(guesses, texts, strict=True))
    errors = Counter((t[0], t[1], g) for g, t in zip(guesses, texts, strict=True) if g != t[1])
    accuracy = right / len(texts)
    # Written independently of this project (the handwritten evaluation set, the UDHR).
    independent = [(g, t) for g, t in zip(guesses, texts, strict=True)
                   if t[0] in ("handwritten", "udhr")]  # fmt: skip
    accuracy_independent = sum(g == t[1] for g, t in independent) / max(len(independent), 1)
    by_cld2 = sum(_decided_by_cld2(text) for _source, _language, text in texts) / len(texts)
    record([{"stage": "language_detection", "messages": len(texts), "workers": 1,
             "store": "none", "seconds": round(seconds, 3), "accuracy": round(accuracy, 4),
             "accuracy_independent": round(accuracy_independent, 4),
             "independent_texts": len(independent), "build_seconds": round(build_seconds, 3),
             "decided_by_cld2": round(by_cld2, 4),
             "ms_per_text": round(seconds / len(texts) * 1000, 3)}])  # fmt: skip
    print(
        f"{len(texts)} texts of {MIN_WORDS}+ words: accuracy {accuracy:.4f}, "
        f"{seconds / len(texts) * 1000:.3f} ms CPU per text; written independently "
        f"(handwritten set, UDHR): {accuracy_independent:.4f} on {len(independent)}; "
        f"{by_cld2:.1%} decided by CLD2 alone; detectors built in {build_seconds:.2f} s CPU"
    )
    for (source, language, guess), n in errors.most_common(15):
        print(f"  {source}: {language} taken for {guess} x{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
