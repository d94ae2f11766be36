"""An attachment's bytes, found again in the raw message by the SHA-256 recorded at ingest.

Only the raw message is stored, so a download re-parses it; matching by digest (not by
position or file name) guarantees the person gets exactly the part that was listed.
"""

from __future__ import annotations

import hashlib
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from triage.ingest.email_parser import _payload_bytes  # the same bytes the digest was taken of

MAX_PARTS = 500


def attachment_payload(raw: bytes, sha256: str) -> bytes | None:
    """The decoded payload of the part whose digest is ``sha256``, or None."""
    if not raw or len(sha256) != 64:
        return None
    message = BytesParser(policy=policy.default).parsebytes(raw)
    for seen, part in enumerate(message.walk()):
        if seen > MAX_PARTS:
            return None
        if part.is_multipart() or not isinstance(part, EmailMessage):
            continue
        payload = _payload_bytes(part)
        if hashlib.sha256(payload).hexdigest() == sha256:
            return payload
    return None
