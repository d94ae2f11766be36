"""Training as a Prefect flow: train every candidate, report figures, never promote.

Parameters are paths and a version, results are the model path and held-out figures: no
message text passes through Prefect. Promotion stays a person's explicit ``triage promote``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from pipelines.task_errors import scrubbed
from triage.services.train import train

TASK_OPTIONS = {"persist_result": False, "cache_policy": NO_CACHE, "log_prints": False}


@task(name="train_candidates", **TASK_OPTIONS)
@scrubbed
def train_task(
    labels: str | None,
    version: str | None,
    corpora_dir: str | None,
    staff: bool,
    dev: str | None = None,
) -> dict[str, Any]:
    result = train(
        Path(labels) if labels else None,
        version=version,
        corpora_dir=Path(corpora_dir) if corpora_dir else None,
        staff=staff,
        dev=Path(dev) if dev else None,
    )
    metrics = result["metrics"]
    return {
        "path": result["path"],
        "version": result["manifest"]["version"],
        "winner": metrics["winner"],
        "saved": metrics["saved"],
        "training_rows": result["manifest"]["training_rows"],
        "threshold_shift": result["manifest"]["threshold_shift"],
        "held_out_macro_f1": {
            name: {f: v["macro_f1"] for f, v in res["held_out_messages"].items()}
            for name, res in metrics["candidates"].items()
        },
    }


@flow(name="train_model", persist_result=False, log_prints=False)
def train_model(
    labels: str | None = "data/samples/gold.jsonl",
    version: str | None = None,
    corpora_dir: str | None = None,
    staff: bool = True,
    dev: str | None = None,
) -> dict[str, Any]:
    return train_task(labels, version, corpora_dir, staff, dev)
