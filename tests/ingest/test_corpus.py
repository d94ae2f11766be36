"""Real, messy mail: every message of the shared corpora is stored or quarantined with a reason.

6,046 SpamAssassin messages (many charsets, broken MIME, spam) and the MIME fixtures of two
mail libraries, read in place from ../shared/corpora (never copied). Nothing escapes, the
counts reconcile, and ingesting everything again stores nothing.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.conftest import SHARED
from triage.ingest import quarantine as q
from triage.services.database import engine_for
from triage.services.ingest_batch import ingest_folder
from triage.store.tables import MessageRow, QuarantineRow

CORPUS = SHARED / "corpora" / "email"
KNOWN_REASONS = {v for k, v in vars(q).items() if k.isupper() and isinstance(v, str)}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CORPUS.exists(), reason="shared corpora not present"),
]


def test_every_corpus_message_is_stored_or_quarantined_and_a_rerun_stores_nothing(
    sqlite_url: str,
) -> None:
    now = datetime(2026, 11, 29, tzinfo=UTC)
    runs = [
        ("spamassassin", CORPUS / "spamassassin", (".txt",)),
        ("mime_fixtures", CORPUS / "mime_fixtures", (".eml", "")),
    ]
    first = {
        name: ingest_folder(folder, source=name, database_url=sqlite_url, now=now,
                            email_suffixes=suffixes)
        for name, folder, suffixes in runs
    }  # fmt: skip
    assert first["spamassassin"].seen == 6046
    assert first["mime_fixtures"].seen >= 152  # 151 .eml files and one suffix-less message
    for result in first.values():
        assert result.reconciles()
    with Session(engine_for(sqlite_url)) as session:
        stored = session.scalar(select(func.count()).select_from(MessageRow))
        reasons = Counter(session.scalars(select(QuarantineRow.reason)))
        details = list(session.scalars(select(QuarantineRow.detail)))
    assert stored == sum(r.stored for r in first.values())
    assert sum(reasons.values()) == sum(r.quarantined for r in first.values())
    assert set(reasons) <= KNOWN_REASONS and all(details)  # every quarantine says why
    assert stored >= 0.95 * 6046  # the corpus is real mail: nearly all of it is readable

    again = {
        name: ingest_folder(folder, source=name, database_url=sqlite_url, now=now,
                            email_suffixes=suffixes)
        for name, folder, suffixes in runs
    }  # fmt: skip
    for name, result in again.items():
        assert result.stored == 0 and result.quarantined == 0
        assert result.duplicates == result.seen == first[name].seen
    with Session(engine_for(sqlite_url)) as session:
        assert session.scalar(select(func.count()).select_from(MessageRow)) == stored
    engine_for.cache_clear()
