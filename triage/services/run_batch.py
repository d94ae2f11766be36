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
from triage.services.classify_pending import classify_messages, pending_ids
from triage.services.ingest_batch import IngestResult, ingest_folder
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
    """``sources``: (name, folder) pairs or configured specs (folders and IMAP mailboxes)."""
    size = get_settings().chunk_size
    summary = BatchSummary()
    for source in sources:
        if isinstance(source, ImapSourceSpec):
            result = ingest_imap(source.name, source, database_url=database_url)
        else:
            spec = source if isinstance(source, FolderSourceSpec) else FolderSourceSpec(*source)
            result = ingest_folder(
                spec.path, source=spec.name, database_url=database_url,
                form_fields=dict(spec.form_fields),
            )  # fmt: skip
        summary.ingest.append(result)
    to_classify = pending_ids(Stage.RECEIVED, database_url)
    for n, chunk in enumerate(chunks(to_classify, size)):
        summary.classified += len(classify_messages(chunk, database_url))
        if progress:
            progress("classify", n + 1, len(to_classify))
    to_route = pending_ids(Stage.CLASSIFIED, database_url)
    for chunk in chunks(to_route, size):
        summary.routed += len(route_messages(chunk, database_url))
    return summary
