"""The main job as a Prefect flow: ingest each source, classify and route in chunks.

Tasks take and return ids and counts only, never message text; results are not persisted and
not cached, so nothing a sender wrote reaches Prefect's database or result storage. Chunks of
``TRIAGE_CHUNK_SIZE`` messages keep Prefect's ~20 ms per-task cost small.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from pipelines.task_errors import scrubbed
from triage.core.types import Stage
from triage.services.classify_pending import classify_messages, pending_ids
from triage.services.ingest_batch import ingest_folder
from triage.services.ingest_imap import ingest_imap
from triage.services.route_pending import route_messages
from triage.services.run_batch import chunks
from triage.services.sources import (
    FolderSourceSpec,
    form_fields_of,
    imap_spec,
    resolve_source_specs,
)
from triage.settings import get_settings

TASK_OPTIONS = {"persist_result": False, "cache_policy": NO_CACHE, "log_prints": False}


@task(name="ingest_source", **TASK_OPTIONS)
@scrubbed
def ingest_source(name: str, folder: str) -> dict[str, int]:
    return ingest_folder(Path(folder), source=name, form_fields=form_fields_of(name)).counts()


@task(name="ingest_imap_source", **TASK_OPTIONS)
@scrubbed
def ingest_imap_source(name: str) -> dict[str, int]:
    """Only the source's name crosses into Prefect: host and credentials are read in here."""
    return ingest_imap(name, imap_spec(name)).counts()


@task(name="pending_ids", **TASK_OPTIONS)
@scrubbed
def pending(stage: str) -> list[int]:
    return pending_ids(Stage(stage))


@task(name="classify_chunk", **TASK_OPTIONS)
@scrubbed
def classify_chunk(ids: list[int]) -> int:
    return len(classify_messages(ids))


@task(name="route_chunk", **TASK_OPTIONS)
@scrubbed
def route_chunk(ids: list[int]) -> int:
    return len(route_messages(ids))


@flow(name="triage_batch", persist_result=False, log_prints=False, validate_parameters=True)
def triage_batch(sources: list[str] | None = None) -> dict[str, int]:
    """``sources``: names from the sources file or folder paths; none means all configured."""
    totals = {"seen": 0, "stored": 0, "quarantined": 0, "duplicates": 0}
    for spec in resolve_source_specs(sources or []):
        if isinstance(spec, FolderSourceSpec):
            counts = ingest_source(spec.name, str(spec.path))
        else:
            counts = ingest_imap_source(spec.name)
        for key in totals:
            totals[key] += counts[key]
    size = get_settings().chunk_size
    classified = sum(classify_chunk(c) for c in chunks(pending(str(Stage.RECEIVED)), size))
    routed = sum(route_chunk(c) for c in chunks(pending(str(Stage.CLASSIFIED)), size))
    return {**totals, "classified": classified, "routed": routed}
