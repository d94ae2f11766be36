"""Measure the gazetteer: speed on ~200-word messages, and country F1 on HRDsAttack.

Not a test: it reads the shared corpus in place (never copied into the project) and prints
figures for the README and for deciding whether a change to the name lists helped.

HRDsAttack (Ran et al. 2023, MIT) labels each news article with the one country where the
attack happened, written as free text ("USA", "People's Republic of China", "England");
gold labels are turned into ISO codes with the gazetteer's own ``lookup``, and labels it
cannot resolve ("Africa", "MENA", "None") are reported and left out. Two scores:

* mentions: every country the gazetteer finds in title + text, against the one gold
  country. Articles name many countries, so precision is low by construction; recall is the
  figure that says whether the names are there.
* top-1: the most-mentioned country (ties: first mentioned) as the prediction, which is how
  one would use the gazetteer to guess "the" country of a message.

Usage: python scripts/measure_gazetteer.py [--corpus DIR] [--split test]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from triage.nlp.gazetteer import Gazetteer  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "labelled" / "hrdsattack"
csv.field_size_limit(sys.maxsize)


def load(corpus: Path, split: str) -> list[dict[str, str]]:
    with (corpus / f"{split}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def windows(texts: list[str], size: int = 200) -> list[str]:
    out = []
    for text in texts:
        words = text.split()
        out += [" ".join(words[i : i + size]) for i in range(0, len(words) - size + 1, size)]
    return out


def speed(gaz: Gazetteer, warm: list[str], texts: list[str]) -> dict[str, float]:
    """Words/s on messages the process has not seen, after warming up on others.

    A worker's tokenizer cache and vocabulary are warm after a few hundred messages, but each
    new message still brings words it has never seen; timing a second pass over the same
    messages would only measure cache hits.
    """
    for m in windows(warm):
        gaz.countries_in(m)
    msgs = windows(texts)
    n_words = sum(len(m.split()) for m in msgs)
    t0 = time.perf_counter()
    for m in msgs:
        gaz.countries_in(m)
    unseen = time.perf_counter() - t0
    t0 = time.perf_counter()
    for m in msgs:
        gaz.countries_in(m)
    again = time.perf_counter() - t0
    docs = [gaz.make_doc(m) for m in msgs]
    t0 = time.perf_counter()
    for d in docs:
        gaz.countries_in_doc(d)
    match_only = time.perf_counter() - t0
    return {
        "messages": len(msgs),
        "words": n_words,
        "words_per_s": n_words / unseen,
        "messages_per_s": len(msgs) / unseen,
        "seen_words_per_s": n_words / again,
        "match_only_words_per_s": n_words / match_only,
    }


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def top1(gaz: Gazetteer, text: str) -> str | None:
    counts = Counter(code for code, _ in gaz.mentions(text))
    if not counts:
        return None
    best = max(counts.values())
    order = gaz.countries_in(text)
    return next(c for c in order if counts[c] == best)


def f1(gaz: Gazetteer, rows: list[dict[str, str]]) -> dict[str, object]:
    unresolved: Counter[str] = Counter()
    m_tp = m_fp = m_fn = t_tp = t_fp = t_fn = 0
    scored = 0
    misses: list[tuple[str, list[str]]] = []
    for row in rows:
        label = (row.get("country") or "").strip()
        if not label or label == "None":
            unresolved["(none)"] += 1
            continue
        gold = gaz.lookup(label)
        if gold is None:
            unresolved[label] += 1
            continue
        scored += 1
        text = f"{row.get('title', '')}\n{row.get('text', '')}"
        found = set(gaz.countries_in(text))
        m_tp += gold in found
        m_fp += len(found - {gold})
        m_fn += gold not in found
        if gold not in found:
            misses.append((label, sorted(found)))
        guess = top1(gaz, text)
        t_tp += guess == gold
        t_fp += guess is not None and guess != gold
        t_fn += guess != gold
    return {
        "rows": len(rows),
        "scored": scored,
        "unresolved": dict(unresolved),
        "mentions_prf": prf(m_tp, m_fp, m_fn),
        "top1_prf": prf(t_tp, t_fp, t_fn),
        "misses": misses,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--split", default="test")
    args = parser.parse_args()
    t0 = time.perf_counter()
    gaz = Gazetteer()
    print(f"build: {time.perf_counter() - t0:.2f} s, {gaz.pattern_count} patterns")
    rows = load(args.corpus, args.split)
    warm = [r["text"] for r in load(args.corpus, "train")] if args.split != "train" else []
    s = speed(gaz, warm, [r["text"] for r in rows])
    print(
        f"speed on unseen messages: {s['words_per_s']:,.0f} words/s "
        f"({s['messages_per_s']:,.0f} messages/s of 200 words; {s['messages']} messages); "
        f"same messages again: {s['seen_words_per_s']:,.0f} words/s; "
        f"matching pre-tokenised docs only: {s['match_only_words_per_s']:,.0f} words/s"
    )
    r = f1(gaz, rows)
    mp, mr, mf = r["mentions_prf"]
    tp, tr, tf = r["top1_prf"]
    print(f"HRDsAttack {args.split}: {r['scored']} of {r['rows']} articles scored")
    print(f"  unresolved gold labels: {r['unresolved']}")
    print(f"  all mentions : P={mp:.3f} R={mr:.3f} F1={mf:.3f}")
    print(f"  top-1 country: P={tp:.3f} R={tr:.3f} F1={tf:.3f}")
    for label, found in r["misses"]:
        print(f"  missed {label!r}; found {found}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
