"""Text that every database can store: no NUL, no lone surrogate.

PostgreSQL refuses NUL in text, and neither backend can encode a lone surrogate (UTF-7
``+2AA-`` or a JSON ``\\ud800`` escape decodes to one) as UTF-8. Either would fail the whole
chunk's transaction, so one hostile message would keep every message beside it out.
"""

from __future__ import annotations

import re

_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` with NULs removed and lone surrogates replaced by U+FFFD."""
    if not _UNSTORABLE.search(text):
        return text
    return _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)
