"""Encryption at rest of what senders wrote: column types that open sealed values on read.

A sealed value is the prefix ``sealed:1:`` followed by a Fernet token (AES-128-CBC with an
HMAC-SHA256, from ``cryptography``) made with the first of the configured keys; any of the keys
opens it (``MultiFernet``), so keys rotate by putting a new key first and re-sealing.

The columns keep their types (text, bytes, JSON) so that plaintext and sealed rows live side
by side: a case is sealed when it becomes confidential, not before. Reads are transparent for
every caller (classification, routing, the case page, delivery of the outbox) as long as the
process was given the key; without it a sealed value raises ``VaultLocked`` instead of
returning ciphertext that would be mistaken for text.

The store never reads the environment: services install the keys (``install``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import JSON, LargeBinary, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

PREFIX = "sealed:1:"
BPREFIX = PREFIX.encode()
JSON_KEY = "sealed"


class VaultLocked(RuntimeError):
    """Sealed data met without a key (or with none that opens it). Carries no content."""


@dataclass(frozen=True, slots=True)
class Policy:
    """What this process does with text: ``keys`` (newest first), seal every case or only
    confidential ones, and whether a development setup may keep confidential text in clear."""

    keys: tuple[str, ...] = ()
    encrypt_all: bool = False
    allow_plaintext: bool = False

    @property
    def can_seal(self) -> bool:
        return bool(self.keys)


class Sealer:
    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise VaultLocked("no data key")
        try:
            self._fernet = MultiFernet([Fernet(k.strip().encode()) for k in keys])
        except (ValueError, TypeError):
            raise VaultLocked("TRIAGE_DATA_KEY holds a malformed key (need Fernet keys)") from None

    def seal_text(self, value: str) -> str:
        return PREFIX + self._fernet.encrypt(value.encode("utf-8")).decode("ascii")

    def seal_bytes(self, value: bytes) -> bytes:
        return BPREFIX + self._fernet.encrypt(value)

    def open_token(self, token: bytes) -> bytes:
        try:
            return self._fernet.decrypt(token)
        except InvalidToken:
            raise VaultLocked("no configured key opens this value") from None

    def rotate_token(self, token: bytes) -> bytes:
        try:
            return self._fernet.rotate(token)
        except InvalidToken:
            raise VaultLocked("no configured key opens this value") from None


_policy = Policy()
_sealer: Sealer | None = None


def install(policy: Policy) -> None:
    """Make ``policy`` this process's; a no-op when it is already the one installed."""
    global _policy, _sealer
    if policy == _policy:
        return
    _sealer = Sealer(policy.keys) if policy.keys else None
    _policy = policy


def policy() -> Policy:
    return _policy


def sealer() -> Sealer:
    if _sealer is None:
        raise VaultLocked(
            "confidential text must be sealed but TRIAGE_DATA_KEY is not set "
            "(see docs/encryption-retention.md)"
        )
    return _sealer


def is_sealed(value: Any) -> bool:
    if isinstance(value, str):
        return value.startswith(PREFIX)
    if isinstance(value, bytes | memoryview):
        return bytes(value[: len(BPREFIX)]) == BPREFIX
    if isinstance(value, dict):
        return set(value) == {JSON_KEY} and isinstance(value[JSON_KEY], str)
    return False


def seal(value: Any) -> Any:
    """The sealed form of a text, bytes or JSON value (unchanged if empty or already sealed)."""
    if value is None or is_sealed(value) or value in ("", b""):
        return value
    s = sealer()
    if isinstance(value, str):
        return s.seal_text(value)
    if isinstance(value, bytes | memoryview):
        return s.seal_bytes(bytes(value))
    return {JSON_KEY: s.seal_text(json.dumps(value, ensure_ascii=False))}


def reseal(value: Any) -> Any:
    """A sealed value re-made with the newest key (rotation); plaintext is returned as is."""
    if not is_sealed(value):
        return value
    s = sealer()
    if isinstance(value, str):
        return PREFIX + s.rotate_token(value[len(PREFIX) :].encode()).decode("ascii")
    if isinstance(value, bytes | memoryview):
        return BPREFIX + s.rotate_token(bytes(value)[len(BPREFIX) :])
    token = value[JSON_KEY][len(PREFIX) :].encode()
    return {JSON_KEY: PREFIX + s.rotate_token(token).decode("ascii")}


def _open_text(value: str) -> str:
    return sealer().open_token(value[len(PREFIX) :].encode("ascii")).decode("utf-8")


class SealedText(TypeDecorator[str]):
    """Text that may be sealed; binds pass through (sealing is the caller's explicit act).

    ``sqlite_length`` keeps a former ``VARCHAR(n)`` column's declared type on SQLite (which
    does not enforce lengths, and would need a table rebuild to change it); PostgreSQL gets
    ``TEXT``, since a sealed value is longer than the text it holds.
    """

    impl = Text
    cache_ok = True

    def __init__(self, sqlite_length: int | None = None) -> None:
        super().__init__()
        self.sqlite_length = sqlite_length

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "sqlite" and self.sqlite_length:
            return String(self.sqlite_length)
        return Text()

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return _open_text(value) if value is not None and value.startswith(PREFIX) else value


class SealedBytes(TypeDecorator[bytes]):
    impl = LargeBinary
    cache_ok = True

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        value = bytes(value)
        if value.startswith(BPREFIX):
            return sealer().open_token(value[len(BPREFIX) :])
        return value


class SealedJSON(TypeDecorator[Any]):
    """JSON whose sealed form is ``{"sealed": "sealed:1:<token>"}``."""

    impl = JSON
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if is_sealed(value):
            return json.loads(_open_text(value[JSON_KEY]))
        return value
