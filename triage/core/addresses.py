"""Parsing a sender into (display name, address), strictly: a malformed address is dropped
rather than guessed, because routing and sender-country decisions are made from it."""

from __future__ import annotations

import re
from email.utils import getaddresses

_ADDRESS_RE = re.compile(r"^[^@\s<>()\[\],;:\"]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$")


def parse_sender(value: str) -> tuple[str, str]:
    try:
        pairs = getaddresses([value])
    except Exception:
        return value[:200], ""
    if not pairs:
        return "", ""
    name, address = pairs[0]
    address = address.strip()
    if not _ADDRESS_RE.match(address):
        return (name or value)[:200], ""
    return name[:200], address.lower()


def exact_address(value: str) -> str:
    """``value`` lower-cased if it is one bare address and nothing else, else "".

    A form's email field is a single address: ``getaddresses`` would read
    ``"ana@example.org\\r\\nBcc: x@example.net"`` as two and keep a mangled first one.
    """
    candidate = value.strip()
    if not candidate or any(c.isspace() or c in "<>,;" for c in candidate):
        return ""
    address = parse_sender(f"<{candidate}>")[1]
    return address if address == candidate.lower() else ""
