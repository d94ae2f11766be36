"""One step of triage in a process of its own, for the crash-safety tests to kill.

``python -m tests.security.crash_runner STEP [ARG]`` runs a single service step (the pieces
``triage run`` chains), so a trial that kills ingestion does not pay for loading the
classifier. ``TRIAGE_CRASH_AT`` (see ``triage.faults``) decides where the process dies; the
database, models and sources come from the usual ``TRIAGE_*`` variables. Prints the step's
counts as JSON when it survives.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

QUICK_CANDIDATES = ("keyword_rules", "tfidf_linear")  # the stacked model takes minutes


def run(step: str, arg: str | None) -> dict[str, Any]:
    """Imports stay inside each step: a migration trial should not load the NLP stack."""
    if step == "migrate":
        from triage.store.database import make_engine, migrate

        migrate(make_engine(str(arg)))
        return {"migrated": True}
    if step == "ingest-imap":
        from triage.services.ingest_imap import ingest_imap
        from triage.services.sources import imap_spec

        return ingest_imap(str(arg), imap_spec(str(arg))).counts()
    if step in ("classify", "route"):
        return _classify_or_route(step)
    if step == "train":
        from triage.services.train import train

        result = train(Path("data/samples/gold.jsonl"), version=arg, candidates=QUICK_CANDIDATES,
                       evaluate=False, handwritten=None)  # fmt: skip
        return {"path": result["path"]}
    if step == "metrics":
        from triage.services.metrics_run import run_metrics_report

        return run_metrics_report(arg, days=28, pdf=False)
    raise SystemExit(f"unknown step {step!r}")


def _classify_or_route(step: str) -> dict[str, int]:
    """What ``run_batch`` does after ingestion, in ``TRIAGE_CHUNK_SIZE`` chunks."""
    from triage.core.types import Stage
    from triage.services.classify_pending import classify_messages, pending_ids
    from triage.services.route_pending import route_messages
    from triage.services.run_batch import chunks
    from triage.settings import get_settings

    size = get_settings().chunk_size
    if step == "classify":
        ids = pending_ids(Stage.RECEIVED)
        return {"classified": sum(len(classify_messages(c)) for c in chunks(ids, size))}
    ids = pending_ids(Stage.CLASSIFIED)
    return {"routed": sum(len(route_messages(c)) for c in chunks(ids, size))}


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)))
