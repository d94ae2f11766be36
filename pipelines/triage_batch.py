"""The main job as a Prefect flow: ingest each source, classify and route in chunks.

Tasks take and return ids and counts only, never message text; results are not persisted and
not cached, so nothing a sender wrote reaches Prefect's database or result storage. Chunks of
``TRIAGE_CHUNK_SIZE`` messages keep Prefect's ~20 ms per-task cost small.

A folder source is listed a chunk of new files at a time; each chunk is ingested and then
classified by one task that the task runner may spread over Dask workers, a bounded number in
flight, so memory does not grow with the folder. Routing runs in this process, a chunk at a
time in listing order (arrival order within it), while the workers go on with the next
chunks: load balancing, threads and campaigns depend on that order, so a run on three
workers decides exactly what a run on one does. Replies whose conversation has no case yet
wait for a last pass in arrival order, when every chunk has opened its cases.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from pipelines.task_errors import scrubbed
from pipelines.task_runners import task_runner, uses_dask, window
from triage.core.types import Stage
from triage.services.classify_pending import classify_messages, has_pending, pending_chunks
from triage.services.database import retry_on_conflict
from triage.services.ingest_files import ingest_files, new_file_chunks
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
COUNTS = ("seen", "stored", "quarantined", "duplicates")


@task(name="ingest_and_classify", **TASK_OPTIONS)
@scrubbed
def ingest_chunk(name: str, folder: str, paths: list[str]) -> dict[str, Any]:
    """Relative file paths in; counts, the stored message ids and how many were classified
    out. One task, not an ingest task and a classify task: each task run costs Prefect's
    client and server a fixed amount (a 1,000,000-message run has a thousand chunks), and
    the ids no longer travel through Dask between the two. The ingest commits first, so a
    chunk whose classification fails leaves its messages stored, for the next run."""
    result = retry_on_conflict(
        lambda: ingest_files(Path(folder), paths, source=name, form_fields=form_fields_of(name))
    )
    return {**result.counts(), "ids": result.stored_ids, "messages": result.message_ids,
            "classified": len(classify_messages(result.stored_ids))}  # fmt: skip


@task(name="ingest_imap_source", **TASK_OPTIONS)
@scrubbed
def ingest_imap_source(name: str) -> dict[str, int]:
    """Only the source's name crosses into Prefect: host and credentials are read in here."""
    return ingest_imap(name, imap_spec(name)).counts()


@task(name="classify_chunk", **TASK_OPTIONS)
@scrubbed
def classify_chunk(ids: list[int]) -> int:
    return len(classify_messages(ids))


@task(name="route_chunk", **TASK_OPTIONS)
@scrubbed
def route_chunk(ids: list[int], defer_unanswered: bool = False) -> int:
    return len(route_messages(ids, defer_unanswered=defer_unanswered))


@flow(name="triage_batch", persist_result=False, log_prints=False, validate_parameters=True)
def triage_batch(sources: list[str] | None = None) -> dict[str, int]:
    """``sources``: names from the sources file or folder paths; none means all configured."""
    settings = get_settings()
    size = settings.chunk_size
    totals = dict.fromkeys(COUNTS, 0)
    classified = routed = 0
    in_flight: deque[Any] = deque()
    settled: deque[list[int]] = deque()  # message ids of chunks classified, not yet routed
    # On Dask, chunks run beside each other and the routing of one beside the reading of the
    # next; in one process, one after another (a thread beside the routing would only wait
    # on the GIL and on SQLite's single writer).
    ahead = window(settings) if uses_dask(settings) else 0

    def settle(limit: int) -> None:
        nonlocal classified, routed
        while len(in_flight) > limit:
            counts = in_flight.popleft().result()
            for key in COUNTS:
                totals[key] += counts[key]
            classified += counts["classified"]
            settled.extend(chunks(counts["messages"], size))  # a large mbox: in slices
        # A chunk is routed here while the workers read and classify the next ones, once
        # every chunk that ran beside it has settled (a message two chunks hold is stored
        # by whichever ran first): the same chunks in the same order on any number of
        # workers, so every run decides what a run on one does.
        while len(settled) > min(limit, ahead):
            routed += route_chunk(settled.popleft(), defer_unanswered=True)

    for spec in resolve_source_specs(sources or []):
        if not isinstance(spec, FolderSourceSpec):
            counts = ingest_imap_source(spec.name)
            for key in COUNTS:
                totals[key] += counts[key]
            continue
        for paths in new_file_chunks(spec.path, spec.name, size):
            in_flight.append(ingest_chunk.submit(spec.name, str(spec.path), paths))
            settle(ahead)
    settle(0)
    if has_pending(Stage.RECEIVED):  # left by a crash, or from IMAP
        futures = [classify_chunk.submit(c) for c in pending_chunks(Stage.RECEIVED, size)]
        classified += sum(f.result() for f in futures)
    # The last pass, in arrival order: replies whose conversation had no case when their
    # chunk was routed, and what IMAP or an earlier crash left.
    routed += sum(route_chunk(c) for c in pending_chunks(Stage.CLASSIFIED, size))
    return {**totals, "classified": classified, "routed": routed}


def run_triage_batch(sources: list[str] | None = None) -> dict[str, int]:
    """The flow with the task runner the settings ask for (in-process, or Dask)."""
    settings = get_settings()
    runner = task_runner(settings)
    with api_for_workers(uses_dask(settings)):
        return triage_batch.with_options(task_runner=runner)(sources=sources or [])


@contextmanager
def api_for_workers(dask: bool) -> Iterator[None]:
    """One Prefect API for every process of a Dask run.

    With no Prefect server configured, a flow starts a temporary one of its own; Dask
    workers are processes of their own, and each of them then started another (about 215 MB
    each, three servers for a two-worker run). Here a temporary server is started first and
    named in the environment the workers inherit when the cluster starts with the flow; it
    stops with the run. A configured server (``PREFECT_API_URL``) is used as it is."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if not dask or PREFECT_API_URL.value():
        yield
        return
    from pipelines.schedule import free_port, start_server

    before = os.environ.get("PREFECT_API_URL")
    server = start_server(free_port())  # sets PREFECT_API_URL in the environment
    try:
        with temporary_settings({PREFECT_API_URL: os.environ["PREFECT_API_URL"]}):
            yield
    finally:
        server.terminate()
        server.wait(timeout=30)
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before
