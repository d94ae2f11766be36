"""Raw RFC 5322 bytes to a normalised Message, or a QuarantineError with a reason code.

Uses the ``compat32`` policy: about five times faster than ``policy.default`` and it does not
raise on unknown charsets or missing boundaries; header decoding is done here, with fallbacks,
so that no charset, however wrong, can stop a batch.
"""

from __future__ import annotations

import email
import hashlib
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import Header, decode_header
from email.message import Message as EmailMessage
from email.utils import parsedate_to_datetime

from triage.core.addresses import parse_sender
from triage.core.types import Attachment, Channel, Message
from triage.ingest import quarantine as q
from triage.ingest.html_text import html_to_text, sanitise_html
from triage.ingest.quarantine import QuarantineError
from triage.ingest.receipt_clock import plausible_receipt
from triage.ingest.storable_text import storable
from triage.ingest.text_parts import split_text


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 25 * 1024 * 1024
    max_depth: int = 20
    max_headers: int = 1000
    max_parts: int = 500
    max_header_chars: int = 4000
    max_seconds: float = 10.0  # CPU time for one message, checked between parsing steps


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_FALLBACK_CHARSETS = ("utf-8", "windows-1252")


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decode with the declared charset, then fallbacks; never raises. The text is made
    storable (``triage.ingest.storable_text``): one NUL would fail the whole chunk."""
    for candidate in (charset, *_FALLBACK_CHARSETS):
        if not candidate:
            continue
        try:
            return storable(data.decode(candidate.strip().strip('"').lower()))
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
    return storable(data.decode("latin-1"))


def decode_header_value(value: object, limit: int = 4000) -> str:
    """RFC 2047 decoding; newlines and control characters removed (no header injection)."""
    if value is None:
        return ""
    if isinstance(value, Header):  # raw 8-bit bytes in a header (RFC 6532 mailers)
        pieces = [(c, None if cs in (None, "unknown-8bit") else str(cs))
                  for c, cs in decode_header(value)][:1000]  # fmt: skip
    else:
        text = str(value)[: limit * 4]
        try:
            pieces = decode_header(text)
        except Exception:
            pieces = [(text, None)]
    out: list[str] = []
    for chunk, charset in pieces:
        out.append(decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk)
    joined = _CONTROL_RE.sub(" ", "".join(out).replace("\r", " ").replace("\n", " "))
    return " ".join(joined.split())[:limit]


_SAFE_NAME_RE = re.compile(r"[^\w.\- ()\[\]]+", re.UNICODE)
# Device names Windows opens instead of a file ("CON", "aux.txt", "LPT1.pdf"): a member of staff
# who saves such an attachment must get a file.
_WINDOWS_DEVICE_RE = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def sanitise_filename(name: str) -> str:
    """Keep the last path component, drop control and shell-special characters."""
    base = re.split(r"[\\/]", name.replace("\x00", ""))[-1]
    base = _SAFE_NAME_RE.sub("_", base).strip(" .")
    if _WINDOWS_DEVICE_RE.match(base):
        base = "_" + base
    return (base or "attachment")[:120]


def receipt_time(msg: EmailMessage, fallback: datetime) -> datetime:
    """The receiving server's time from the newest Received: header, else ``fallback``."""
    received = msg.get_all("Received") or []
    for header in received[:1]:
        stamp = str(header).rsplit(";", 1)[-1].strip()
        try:
            when = parsedate_to_datetime(stamp)
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
        if when is not None and when.tzinfo is not None:
            return plausible_receipt(when, fallback)
    return fallback.astimezone(UTC)


_FINAL_ADDRESS_RE = re.compile(r"<([^<>\s]{1,320})>\s*$")


def sender_of(value: object) -> tuple[str, str]:
    """The address is parsed from the header as sent, and only the display name is decoded:
    decoding first would let an encoded word smuggle in another address
    (``=?utf-8?q?x=3Cstaff=40our.org=3E?= <eve@evil.example>`` would read as staff)."""
    if value is None or isinstance(value, Header):  # raw 8-bit: no encoded words to smuggle
        return parse_sender(decode_header_value(value, 998))
    text = " ".join(_CONTROL_RE.sub(" ", str(value)).split())[:4000]
    name, address = parse_sender(text)
    if not address:  # specials inside an encoded word (invalid): trust only a final <address>
        found = _FINAL_ADDRESS_RE.search(text)
        final = parse_sender(f"<{found.group(1)}>")[1] if found else ""
        if found and final:
            name, address = text[: found.start()], final
    return decode_header_value(name, 200), address


def first_headers(msg: EmailMessage) -> dict[str, object]:
    """Each header's first value by lower-case name, read once: ``Message.get`` scans every
    header on each call, which real mail with fifty headers makes a fifth of parsing."""
    found: dict[str, object] = {}
    for name, value in msg.items():
        found.setdefault(name.lower(), value)
    return found


def is_auto_submitted(msg: EmailMessage, sender_address: str, first: dict[str, object]) -> bool:
    # RFC 3834 allows a comment after the keyword: "no (written by a person)" is still "no".
    declared = str(first.get("auto-submitted", "no")).strip().lower()
    auto = re.split(r"[\s(;]", declared, maxsplit=1)[0]
    precedence = str(first.get("precedence", "")).strip().lower()
    local = sender_address.split("@", 1)[0]
    return (
        (auto not in ("", "no"))
        or precedence in ("bulk", "junk", "list", "auto_reply")
        or local in ("mailer-daemon", "postmaster")
        or msg.get_content_type() == "multipart/report"
    )


_LINE_ENDS = re.compile(rb"\r\n|\r")


def content_hash(raw: bytes) -> str:
    """A hash of the bytes with line endings unified: the same message read from an .eml file
    (CRLF), an mbox (LF) or IMAP is one message, not three."""
    return hashlib.sha256(_LINE_ENDS.sub(b"\n", raw)).hexdigest()


def email_key(message_id: str | None, raw_hash: str) -> str:
    """Message-ID plus a hash of the bytes: two different messages sharing an id both stay."""
    digest = hashlib.sha256(f"{message_id or ''}\n{raw_hash}".encode()).hexdigest()
    return f"email:{digest}"


def parse_email(
    raw: bytes,
    *,
    source: str,
    fallback_received_at: datetime,
    limits: Limits = Limits(),
) -> Message:
    started = time.process_time()

    def budget(step: str) -> None:
        used = time.process_time() - started
        if used > limits.max_seconds:
            detail = f"{used:.1f} s CPU > {limits.max_seconds} s at {step}"
            raise QuarantineError(q.TOO_SLOW, detail)

    if not raw.strip():
        raise QuarantineError(q.EMPTY, "no bytes but whitespace")
    if len(raw) > limits.max_bytes:
        raise QuarantineError(q.TOO_LARGE, f"{len(raw)} bytes > {limits.max_bytes}")
    raw_sha = hashlib.sha256(raw).hexdigest()
    try:
        msg = email.message_from_bytes(raw)
    except Exception as exc:
        raise QuarantineError(q.PARSE_ERROR, exc.__class__.__name__) from None
    if len(msg.keys()) > limits.max_headers:
        raise QuarantineError(q.TOO_MANY_HEADERS, f"{len(msg.keys())} headers")
    first = first_headers(msg)
    if not any(first.get(h) for h in ("from", "subject", "message-id", "date", "to")):
        raise QuarantineError(q.NOT_EMAIL, "no From, To, Subject, Date or Message-ID header")

    budget("headers")
    plain, html, attachments = _walk(msg, limits)
    budget("mime")
    # HTML becomes the text only when there is no plain part (multipart/alternative usually
    # has one): inscriptis is half the parsing time on real mail.
    body = plain if plain.strip() else (html_to_text(html) if html else "")
    budget("html")
    parts = split_text(body)
    html_sanitised = sanitise_html(html) if html else None
    budget("text")

    message_id = decode_header_value(first.get("message-id"), 998).strip() or None
    sender_name, sender_address = sender_of(first.get("from"))
    references = tuple(decode_header_value(first.get("references"), 16000).split())[:100]
    in_reply_to = decode_header_value(first.get("in-reply-to"), 998).strip() or None
    return Message(
        key=email_key(message_id, content_hash(raw)),
        source=source,
        channel=Channel.EMAIL,
        received_at=receipt_time(msg, fallback_received_at),
        subject=decode_header_value(first.get("subject"), limits.max_header_chars),
        sender_name=sender_name,
        sender_address=sender_address,
        body_text=body,
        new_text=parts.new_text,
        quoted_text=parts.quoted_text,
        signature=parts.signature,
        html_sanitised=html_sanitised,
        message_id=message_id,
        in_reply_to=in_reply_to,
        references=references,
        date_header=decode_header_value(first.get("date"), 200) or None,
        raw_sha256=raw_sha,
        raw=raw,
        attachments=tuple(attachments),
        auto_submitted=is_auto_submitted(msg, sender_address, first),
    )


def _walk(msg: EmailMessage, limits: Limits) -> tuple[str, str, list[Attachment]]:
    """Iterative walk with depth and part limits (recursion on hostile nesting is a DoS)."""
    plain: list[str] = []
    html: list[str] = []
    attachments: list[Attachment] = []
    stack: list[tuple[EmailMessage, int]] = [(msg, 0)]
    seen = 0
    while stack:
        part, depth = stack.pop()
        seen += 1
        if seen > limits.max_parts:
            raise QuarantineError(q.TOO_MANY_PARTS, f"> {limits.max_parts} MIME parts")
        if depth > limits.max_depth:
            raise QuarantineError(q.TOO_DEEP, f"MIME depth > {limits.max_depth}")
        if part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend((child, depth + 1) for child in reversed(children))
            continue
        ctype = part.get_content_type()
        if ctype.startswith("multipart/"):  # boundary missing or wrong: the parts are text
            ctype = "text/plain"
        filename = part.get_filename() if _has_filename(part) else None
        disposition = str(part.get("Content-Disposition", "")).split(";", 1)[0].strip().lower()
        payload = _payload_bytes(part)
        if filename or disposition == "attachment" or not ctype.startswith("text/"):
            if ctype.startswith("message/") and not filename:
                continue
            attachments.append(
                Attachment(
                    filename=sanitise_filename(decode_header_value(filename or "", 500)),
                    content_type=ctype[:100],
                    size=len(payload),
                    sha256=hashlib.sha256(payload).hexdigest(),
                )
            )
            continue
        text = decode_bytes(payload, part.get_content_charset())
        if ctype == "text/html":
            html.append(text)
        elif ctype in ("text/plain", "text/enriched", "text/markdown") or not plain:
            plain.append(text)
    return "\n\n".join(plain), "\n".join(html), attachments


def _has_filename(part: EmailMessage) -> bool:
    try:
        return part.get_filename() is not None
    except Exception:
        return False


def _payload_bytes(part: EmailMessage) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if isinstance(payload, bytes):
        return payload
    raw = part.get_payload()
    return raw.encode("utf-8", "replace") if isinstance(raw, str) else b""


def now_utc() -> datetime:
    return datetime.now(UTC)
