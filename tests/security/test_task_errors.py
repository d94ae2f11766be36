"""A failed Prefect task carries the step, the exception class and ids: never the text.

The leak canary proves it end to end under Prefect (slow); this checks the rule itself.
"""

from __future__ import annotations

import traceback

import pytest

from pipelines.task_errors import StepFailed, scrubbed
from triage.ingest.imap_source import ImapError

SECRET = "Dear team, my name is Amal and the police took my phone"


def test_a_library_failure_becomes_step_failed_with_ids_and_nothing_chained() -> None:
    @scrubbed
    def classify_chunk(ids: list[int]) -> int:
        raise UnicodeError(f"cannot tokenise {SECRET!r}")

    with pytest.raises(StepFailed) as caught:
        classify_chunk([7, 3, 9])
    assert str(caught.value) == "classify_chunk failed: UnicodeError (3 ids, 3..9)"
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    assert SECRET not in "".join(traceback.format_exception(caught.value))


def test_triage_errors_keep_their_code_but_lose_what_they_were_raised_from() -> None:
    @scrubbed
    def ingest_imap_source(name: str) -> None:
        try:
            raise OSError(SECRET)
        except OSError as exc:
            raise ImapError("connection_lost (OSError)", name) from exc

    with pytest.raises(ImapError) as caught:
        ingest_imap_source("inbox")
    text = "".join(traceback.format_exception(caught.value))
    assert "connection_lost" in text and SECRET not in text


def test_a_task_that_succeeds_is_untouched() -> None:
    @scrubbed
    def pending(stage: str) -> list[int]:
        """Docstring kept."""
        return [1, 2]

    assert pending("received") == [1, 2] and pending.__doc__ == "Docstring kept."
