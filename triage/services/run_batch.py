"""The main job without Prefect: ingest each source, then classify and route what is pending.

Prefect's ``triage_batch`` flow calls the same functions, chunk by chunk; this path is for
``triage run --no-prefect``, tests and embedding.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from triage.config.files import FolderSourceSpec, ImapSourceSpec, SourceSpec
from triage.core.types import Stage
from triage.services.classify_pending import classify_messages, pending_chunks
from triage.services.ingest_batch import IngestResult
from triage.services.ingest_files import ingest_files, new_file_chunks
from triage.services.ingest_imap import ingest_imap
from triage.services.route_pending import route_messages
from triage.settings import get_settings


@dataclass
class BatchSummary:
    ingest: list[IngestResult] = field(default_factory=list)
    classified: int = 0
    routed: int = 0

    def counts(self) -> dict[str, int]:
        totals = {"seen": 0, "stored": 0, "quarantined": 0, "duplicates": 0}
        for result in self.ingest:
            for key, value in result.counts().items():
                totals[key] += value
        return {**totals, "classified": self.classified, "routed": self.routed}


def chunks(ids: Sequence[int], size: int) -> list[list[int]]:
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


def run_batch(
    sources: Sequence[tuple[str, Path] | SourceSpec],
    database_url: str | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> BatchSummary:
    """``sources``: (name, folder) pairs or configured specs (folders and IMAP mailboxes).

    Streams: a folder is read a chunk of new files at a time, classified and routed as it is
    stored (replies whose conversation has no case yet: in a last pass, in arrival order);
    nothing holds all the messages, or all their ids.
    """
    size = get_settings().chunk_size
    summary = BatchSummary()
    done = 0
    for source in sources:
        if isinstance(source, ImapSourceSpec):
            result = ingest_imap(source.name, source, database_url=database_url)
            summary.ingest.append(result)
            continue
        spec = source if isinstance(source, FolderSourceSpec) else FolderSourceSpec(*source)
        total = IngestResult(source=spec.name)
        for paths in new_file_chunks(spec.path, spec.name, size, database_url=database_url):
            result = ingest_files(
                spec.path, paths, source=spec.name, database_url=database_url,
                form_fields=dict(spec.form_fields),
            )  # fmt: skip
            for key, value in result.counts().items():
                setattr(total, key, getattr(total, key) + value)
            for chunk in chunks(result.stored_ids, size):
                summary.classified += len(classify_messages(chunk, database_url))
            # Routed chunk by chunk as the flow does (replies without a case yet: last pass).
            for chunk in chunks(result.message_ids, size):  # a large mbox: in slices
                summary.routed += len(
                    route_messages(chunk, database_url, defer_unanswered=True)
                )
            done += result.seen
            if progress:
                progress("ingest", done, done)
        summary.ingest.append(total)
    for chunk in pending_chunks(Stage.RECEIVED, size, database_url):  # left by a crash, IMAP
        summary.classified += len(classify_messages(chunk, database_url))
    for chunk in pending_chunks(Stage.CLASSIFIED, size, database_url):
        summary.routed += len(route_messages(chunk, database_url))
    return summary
