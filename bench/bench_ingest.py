"""Ingest throughput on real mail: the SpamAssassin corpus (6,046 messages, read in place).

Two figures: parsing and normalising alone (read, MIME, charsets, HTML to text, quotes and
signatures apart, attachments hashed), and the whole ingest into a fresh SQLite store. One
process, one core. Rows go to ``bench/results.json``.

Usage: python bench/bench_ingest.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import record
from triage.core.types import Message
from triage.ingest.folder_source import list_files, read_folder
from triage.services.database import engine_for
from triage.services.ingest_batch import ingest_folder

DEFAULT = ROOT.parent / "shared" / "corpora" / "email" / "spamassassin"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    args = parser.parse_args()
    suffixes = (".txt",)
    files = list_files(args.corpus, suffixes)
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    now = datetime.now(UTC)

    started = time.perf_counter()
    items = list(read_folder(args.corpus, source="bench", now=now, email_suffixes=suffixes))
    parse_seconds = time.perf_counter() - started
    parsed = sum(isinstance(i, Message) for i in items)
    del items

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'ingest.db'}"
        engine_for(url)  # schema first: migrations are not ingest
        started = time.perf_counter()
        result = ingest_folder(args.corpus, source="bench", database_url=url, now=now,
                               email_suffixes=suffixes)  # fmt: skip
        ingest_seconds = time.perf_counter() - started
        engine_for(url).dispose()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(files)
    rows = [
        {"stage": "parse_normalise", "messages": n, "workers": 1, "store": "none",
         "seconds": round(parse_seconds, 2), "messages_per_s": round(n / parse_seconds),
         "mb_per_s": round(megabytes / parse_seconds, 2), "peak_rss_mb": round(rss),
         "corpus": "spamassassin", "parsed": parsed},
        {"stage": "ingest", "messages": n, "workers": 1, "store": "sqlite",
         "seconds": round(ingest_seconds, 2), "messages_per_s": round(n / ingest_seconds),
         "mb_per_s": round(megabytes / ingest_seconds, 2), "peak_rss_mb": round(rss),
         "corpus": "spamassassin", "stored": result.stored, "quarantined": result.quarantined},
    ]  # fmt: skip
    record(rows)
    print(f"{n:,} messages, {megabytes:.1f} MB")
    print(f"parse + normalise: {parse_seconds:.2f} s, {n / parse_seconds:,.0f} messages/s, "
          f"{megabytes / parse_seconds:.2f} MB/s")  # fmt: skip
    print(f"ingest into SQLite: {ingest_seconds:.2f} s, {n / ingest_seconds:,.0f} messages/s, "
          f"{megabytes / ingest_seconds:.2f} MB/s ({result.stored} stored, "
          f"{result.quarantined} quarantined)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
