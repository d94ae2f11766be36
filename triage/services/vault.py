"""Keys for encryption at rest: make one, seal what must be sealed, rotate.

Routing, label corrections and staff actions seal a case in their own transaction when it
becomes confidential (``text_rows.seal_cases``); ``seal_all`` is the sweep for rows written
before a key was configured or before encrypt-all was switched on, and runs with the daily
retention flow as a safety net. Rotation: put the new key first in ``TRIAGE_DATA_KEY`` (keep
the old ones after it), run ``rotate``, then drop the old keys.
"""

from __future__ import annotations

from cryptography.fernet import Fernet
from sqlalchemy import select

from triage.services.database import session_scope
from triage.store import sealing, text_rows
from triage.store.tables import CaseRow


def new_key() -> str:
    """A fresh Fernet key (32 random bytes, URL-safe base64) for ``TRIAGE_DATA_KEY``."""
    return Fernet.generate_key().decode("ascii")


def seal_all(database_url: str | None = None) -> dict[str, int]:
    """Seal every confidential case (every case and item, with encrypt-all) not sealed yet."""
    with session_scope(database_url) as session:
        stmt = select(CaseRow.id)
        if not sealing.policy().encrypt_all:
            stmt = stmt.where(CaseRow.confidential.is_(True))
        cases = list(session.scalars(stmt))
        messages = text_rows.seal_cases(session, cases)
        others = text_rows.seal_unlinked(session)
    return {"cases": len(cases), "messages_sealed": messages, "other_rows_sealed": others}


def rotate(database_url: str | None = None) -> dict[str, int]:
    """Re-seal every sealed value with the first configured key."""
    sealing.sealer()  # no key, no rotation: say so before reading anything
    with session_scope(database_url) as session:
        changed = text_rows.reseal_all(session)
    return {"rows_resealed": changed}
