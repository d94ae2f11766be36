"""An IMAP mailbox as a source: new UIDs per folder, in batches, as Messages or Quarantined.

Why it reads the way it does:

- Only UIDs above the stored cursor are listed, under the folder's UIDVALIDITY; when the server
  reports another UIDVALIDITY the UIDs were renumbered and the folder is read from the start.
  Duplicates are then caught by the message key (Message-ID + hash of the raw bytes, the
  parser's ``email_key``), not by position, so a resync stores nothing twice while two different
  messages that happen to share a Message-ID are both kept.
- ``RFC822.SIZE`` is asked before any body: an oversized message is quarantined ``too_large``
  from its size and Message-ID alone, so a hostile 2 GB mail cannot exhaust memory.
- Bodies are fetched with ``BODY.PEEK[]``: reading never marks anything \\Seen; what happens to
  a message in the mailbox is the caller's explicit after-store action.
- Credentials are held in a repr-less field, sent only in LOGIN, and no exception raised here
  carries server text from the login exchange.
"""

from __future__ import annotations

import contextlib
import email
import hashlib
import imaplib
import ipaddress
import os
import re
import ssl
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType

from imap_tools import MailBox, MailBoxStartTls, MailBoxUnencrypted
from imap_tools.errors import ImapToolsError

from triage.config.files import ImapSourceSpec
from triage.core.types import Message, Quarantined
from triage.ingest import quarantine as q
from triage.ingest.email_parser import Limits, decode_header_value, parse_email
from triage.ingest.quarantine import QuarantineError

#: What a dropped connection, a refused command or a TLS failure raises underneath.
IMAP_FAILURES: tuple[type[BaseException], ...] = (imaplib.IMAP4.error, OSError, ImapToolsError)

_UID_RE = re.compile(rb"UID (\d+)")
_SIZE_RE = re.compile(rb"RFC822\.SIZE (\d+)")
_DATE_RE = re.compile(rb'INTERNALDATE "[^"]*"')


class ImapError(RuntimeError):
    """An IMAP failure as a code, the source and the folder: no server text, no credentials."""

    def __init__(self, code: str, source: str, folder: str | None = None) -> None:
        self.code = code
        self.source = source
        self.folder = folder
        where = f" folder {folder!r}" if folder else ""
        super().__init__(f"IMAP source {source!r}{where}: {code}")


@dataclass(frozen=True, slots=True)
class Credentials:
    username: str = field(repr=False)
    password: str = field(repr=False)

    @classmethod
    def from_env(
        cls, spec: ImapSourceSpec, environ: Mapping[str, str] | None = None
    ) -> Credentials:
        """Read the variables the source names; the error names the variables, not values."""
        env = os.environ if environ is None else environ
        username = env.get(spec.username_env, "")
        password = env.get(spec.password_env, "")
        if not username or not password:
            missing = [n for n, v in ((spec.username_env, username),
                                      (spec.password_env, password)) if not v]  # fmt: skip
            raise ImapError(f"missing_credentials ({', '.join(missing)} not set)", spec.name)
        return cls(username, password)


@dataclass(frozen=True, slots=True)
class Fetched:
    """One UID's outcome: the item to store, or None if it vanished between SEARCH and FETCH."""

    uid: int
    item: Message | Quarantined | None


@dataclass(frozen=True, slots=True)
class FolderBatch:
    """A batch of UIDs read from one folder; ``last_uid`` is where the cursor goes once stored."""

    folder: str
    uidvalidity: int
    last_uid: int
    fetched: list[Fetched]

    @property
    def items(self) -> list[Message | Quarantined]:
        return [f.item for f in self.fetched if f.item is not None]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _uid_set(uids: Sequence[int]) -> str:
    return ",".join(str(u) for u in uids)


class ImapClient:
    """One logged-in IMAP connection (a context manager), with the few commands the source uses."""

    def __init__(self, spec: ImapSourceSpec, credentials: Credentials, timeout: float) -> None:
        self.spec = spec
        self._credentials = credentials
        self._timeout = timeout
        self._box: MailBox | MailBoxStartTls | MailBoxUnencrypted | None = None

    def __enter__(self) -> ImapClient:
        self.connect()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def connect(self) -> None:
        spec = self.spec
        if spec.security == "plain" and not is_loopback(spec.host):
            raise ImapError("plain_refused (plain IMAP is allowed on loopback only)", spec.name)
        context = ssl.create_default_context()
        try:
            if spec.security == "tls":
                box: MailBox | MailBoxStartTls | MailBoxUnencrypted = MailBox(
                    spec.host, spec.port, timeout=self._timeout, ssl_context=context
                )
            elif spec.security == "starttls":
                box = MailBoxStartTls(spec.host, spec.port, timeout=self._timeout,
                                      ssl_context=context)  # fmt: skip
            else:
                box = MailBoxUnencrypted(spec.host, spec.port, timeout=self._timeout)
        except IMAP_FAILURES as exc:
            raise ImapError(f"connect_failed ({exc.__class__.__name__})", spec.name) from None
        failure: str | None = None
        try:
            box.login(self._credentials.username, self._credentials.password, initial_folder=None)
        except IMAP_FAILURES as exc:
            failure = exc.__class__.__name__
        if failure is not None:  # raised outside the except block: no chained server reply
            self._logout(box)
            raise ImapError(f"login_failed ({failure})", spec.name)
        self._box = box

    @staticmethod
    def _logout(box: MailBox | MailBoxStartTls | MailBoxUnencrypted) -> None:
        try:
            box.logout()
        except Exception:  # closing a broken connection: nothing more to learn from it
            with contextlib.suppress(Exception):
                box.client.shutdown()

    def close(self) -> None:
        if self._box is not None:
            self._logout(self._box)
            self._box = None

    @property
    def box(self) -> MailBox | MailBoxStartTls | MailBoxUnencrypted:
        if self._box is None:
            raise ImapError("not_connected", self.spec.name)
        return self._box

    def _ok(self, result: tuple[str, list[object]], what: str, folder: str) -> list[object]:
        if result[0] != "OK":
            raise ImapError(f"{what}_refused", self.spec.name, folder)
        return result[1]

    def select(self, folder: str) -> int:
        """Select read-write (flags and moves need it); return the folder's UIDVALIDITY."""
        refused = False
        try:
            self.box.folder.set(folder)
        except ImapToolsError:  # a missing or forbidden folder: a config error, not a crash
            refused = True
        if refused:
            raise ImapError("select_failed (missing or not allowed)", self.spec.name, folder)
        values = self.box.client.untagged_responses.get("UIDVALIDITY") or []
        if values and values[-1]:
            return int(values[-1])
        return int(self.box.folder.status(folder, ["UIDVALIDITY"])["UIDVALIDITY"])

    def uids_after(self, last_uid: int, folder: str) -> list[int]:
        # "n:*" always includes the highest UID, even below n: filter here.
        data = self._ok(self.box.client.uid("SEARCH", "UID", f"{last_uid + 1}:*"), "search", folder)
        found = b" ".join(d for d in data if isinstance(d, bytes)).split()
        return sorted(u for u in (int(x) for x in found) if u > last_uid)

    def sizes(self, uids: Sequence[int], folder: str) -> dict[int, tuple[int, datetime | None]]:
        """{uid: (RFC822.SIZE, INTERNALDATE)}, without touching the bodies."""
        result = self.box.client.uid("FETCH", _uid_set(uids), "(UID RFC822.SIZE INTERNALDATE)")
        out: dict[int, tuple[int, datetime | None]] = {}
        for line in self._ok(result, "fetch", folder):
            if not isinstance(line, bytes):
                continue
            uid, size = _UID_RE.search(line), _SIZE_RE.search(line)
            if uid and size:
                out[int(uid.group(1))] = (int(size.group(1)), _internaldate(line))
        return out

    def fetch_raw(self, uids: Sequence[int], folder: str) -> dict[int, bytes]:
        """{uid: raw RFC 5322 bytes}, fetched with BODY.PEEK[] so nothing is marked read."""
        return self._fetch_literals(uids, "BODY.PEEK[]", folder)

    def message_ids(self, uids: Sequence[int], folder: str) -> dict[int, str]:
        """{uid: Message-ID} from that one header: enough to key a message too large to fetch."""
        raw = self._fetch_literals(uids, "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]", folder)
        out: dict[int, str] = {}
        for uid, header in raw.items():
            value = decode_header_value(email.message_from_bytes(header).get("Message-ID"), 998)
            if value.strip():
                out[uid] = value.strip()
        return out

    def _fetch_literals(self, uids: Sequence[int], item: str, folder: str) -> dict[int, bytes]:
        if not uids:
            return {}
        data = self._ok(self.box.client.uid("FETCH", _uid_set(uids), f"(UID {item})"),
                        "fetch", folder)  # fmt: skip
        out: dict[int, bytes] = {}
        for index, part in enumerate(data):
            if not isinstance(part, tuple) or len(part) < 2:
                continue
            head, literal = part[0], part[1]
            match = _UID_RE.search(head)
            if match is None and index + 1 < len(data) and isinstance(data[index + 1], bytes):
                match = _UID_RE.search(data[index + 1])  # UID sent after the literal
            if match is not None and isinstance(literal, bytes):
                out[int(match.group(1))] = literal
        return out

    def flag(self, uids: Sequence[int], flag: str) -> None:
        if uids:
            self.box.flag([str(u) for u in uids], flag, True)

    def move(self, uids: Sequence[int], destination: str) -> None:
        if uids:
            self.box.move([str(u) for u in uids], destination)

    def ensure_folder(self, folder: str) -> None:
        if not self.box.folder.exists(folder):
            self.box.folder.create(folder)


def _internaldate(line: bytes) -> datetime | None:
    """The server's receipt time: a better fallback than "now" for mail without Received."""
    match = _DATE_RE.search(line)
    if match is None:
        return None
    parsed = imaplib.Internaldate2tuple(match.group(0))  # a local-time struct_time
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(time.mktime(parsed), UTC)
    except (OverflowError, ValueError):
        return None


def location(folder: str, uidvalidity: int, uid: int) -> str:
    return f"imap:{folder};UIDVALIDITY={uidvalidity};UID={uid}"


def quarantine_key(source: str, raw: bytes) -> str:
    """By content, not position: a resync (new UIDVALIDITY) finds the same key again."""
    digest = hashlib.sha256(b"imap\0" + source.encode() + b"\0" + raw).hexdigest()
    return f"quarantine:{digest}"


def too_large(
    source: str, folder: str, uidvalidity: int, uid: int, size: int, limit: int, mid: str | None
) -> Quarantined:
    """Quarantined from the size alone; keyed by Message-ID + size when there is one."""
    identity = f"{mid}\0{size}" if mid else f"{folder}\0{uidvalidity}\0{uid}\0{size}"
    key = quarantine_key(source, b"too_large\0" + identity.encode())
    detail = f"{size} bytes > {limit}; not fetched, still in the mailbox"
    return Quarantined(key, source, q.TOO_LARGE, detail, b"", location(folder, uidvalidity, uid))


def to_item(
    raw: bytes, *, source: str, where: str, received: datetime, limits: Limits
) -> Message | Quarantined:
    """The parser's Message, or Quarantined with its code; never raises for one bad message."""
    try:
        return parse_email(raw, source=source, fallback_received_at=received, limits=limits)
    except QuarantineError as err:
        return Quarantined(quarantine_key(source, raw), source, err.code, err.detail, raw, where)
    except Exception as exc:  # the last guard: a parser bug must not stop the batch
        detail = exc.__class__.__name__
        return Quarantined(quarantine_key(source, raw), source, q.PARSE_ERROR, detail, raw, where)


def read_folder(
    client: ImapClient,
    folder: str,
    *,
    source: str,
    cursor: tuple[int, int] | None,
    limits: Limits,
    now: datetime,
    batch_size: int,
) -> Iterator[FolderBatch]:
    """Batches of the folder's UIDs above the cursor, in ascending UID order.

    ``cursor`` is the stored (uidvalidity, last_uid). A batch is yielded before the next one is
    fetched, so the caller stores it (and moves the cursor) first: whatever happens later in the
    run, everything up to ``last_uid`` is already in the store.
    """
    uidvalidity = client.select(folder)
    same_epoch = cursor is not None and cursor[0] == uidvalidity
    start = cursor[1] if cursor is not None and same_epoch else 0
    uids = client.uids_after(start, folder)
    if not uids and not same_epoch:
        yield FolderBatch(folder, uidvalidity, 0, [])  # remember the new UIDVALIDITY
        return
    for offset in range(0, len(uids), batch_size):
        chunk = uids[offset : offset + batch_size]
        meta = client.sizes(chunk, folder)
        large = [u for u in chunk if u in meta and meta[u][0] > limits.max_bytes]
        small = [u for u in chunk if u in meta and u not in large]
        raws = client.fetch_raw(small, folder)
        mids = client.message_ids(large, folder) if large else {}
        fetched: list[Fetched] = []
        for uid in chunk:
            size, internal = meta.get(uid, (0, None))
            if uid in large:
                item: Message | Quarantined | None = too_large(
                    source, folder, uidvalidity, uid, size, limits.max_bytes, mids.get(uid)
                )
            elif uid in raws:
                item = to_item(raws[uid], source=source, where=location(folder, uidvalidity, uid),
                               received=internal or now, limits=limits)  # fmt: skip
            else:
                item = None  # expunged by another client since SEARCH: nothing left to read
            fetched.append(Fetched(uid, item))
        yield FolderBatch(folder, uidvalidity, chunk[-1], fetched)
