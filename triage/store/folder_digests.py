"""Digests of folder parts already checked against ``ingested_files`` (``FolderDigestRow``).

Kept apart from ``repository`` because only the listing of folder sources uses them: one
read of every digest of a source per run (a row per part: about a thousand at a million
files), writes only when a part was checked or changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from triage.store.repository import dialect_insert
from triage.store.tables import FolderDigestRow

Part = tuple[str, str]  # folder, part


def folder_digests(session: Session, source: str) -> dict[Part, str]:
    """{(folder, part): digest} of every part of this source checked before."""
    stmt = select(FolderDigestRow.folder, FolderDigestRow.part, FolderDigestRow.digest).where(
        FolderDigestRow.source == source
    )
    return {(str(f), str(p)): str(d) for f, p, d in session.execute(stmt)}


def save_folder_digests(
    session: Session, source: str, rows: Sequence[tuple[str, str, str]], at: datetime
) -> None:
    """Upsert (folder, part, digest) of parts whose files were all found recorded."""
    if not rows:
        return
    stmt = dialect_insert(session, FolderDigestRow.__table__)
    stmt = stmt.on_conflict_do_update(
        index_elements=["source", "folder", "part"],
        set_={"digest": stmt.excluded.digest, "checked_at": stmt.excluded.checked_at},
    )
    session.connection().execute(
        stmt,
        [{"source": source, "folder": f, "part": p, "digest": d, "checked_at": at}
         for f, p, d in rows],
    )  # fmt: skip


def forget_folder_digests(session: Session, source: str, parts: Sequence[Part]) -> None:
    """Delete the digests of these parts (changed, or no longer listed)."""
    if not parts:
        return
    table = FolderDigestRow.__table__
    stmt = delete(table).where(
        table.c.source == source,
        table.c.folder == bindparam("f"),
        table.c.part == bindparam("p"),
    )
    session.connection().execute(stmt, [{"f": f, "p": p} for f, p in parts])
