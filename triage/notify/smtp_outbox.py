"""Delivering one outbox row by SMTP so that a crash and a rerun never send it twice.

The delivery is recorded *inside* the SMTP transaction: the message body goes to the server,
then the outbox row is committed as sent, then the final end-of-data line is written. A server
must not deliver a message whose end-of-data never came (RFC 5321, 4.1.1.4), so a crash before
the commit leaves nothing delivered and the row pending, and the rerun sends it once. The only
window left is between the commit and one socket write; rows that never got the server's 250
stay at ``sent`` (not ``confirmed``) and are counted so a person can check them.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from triage.faults import crash_point

_EOL = re.compile(rb"\r\n|\n|\r")
_LEADING_DOT = re.compile(rb"(?m)^\.")


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    host: str
    port: int
    sender: str
    starttls: bool = False
    username: str | None = None
    password: str | None = None
    timeout: float = 30.0


class DeliveryError(RuntimeError):
    """The server refused the message; the row stays pending and is retried later."""


def build_message(
    *, sender: str, to: str, subject: str, body: str, key: str, at: datetime
) -> bytes:
    """A plain-text message whose Message-ID is derived from the outbox key (traceable)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(at)
    domain = sender.rpartition("@")[2].strip(">") or "triage.invalid"
    message["Message-ID"] = f"<triage.{re.sub(r'[^A-Za-z0-9.-]', '.', key)}@{domain}>"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(body)
    return message.as_bytes()


def _stuffed(data: bytes) -> bytes:
    data = _LEADING_DOT.sub(b"..", _EOL.sub(b"\r\n", data))
    return data if data.endswith(b"\r\n") else data + b"\r\n"


def deliver(config: SmtpConfig, to: str, message: bytes, record_sent: Callable[[], None]) -> None:
    """Send ``message`` to ``to``; ``record_sent`` commits the outbox row before end-of-data."""
    with smtplib.SMTP(config.host, config.port, timeout=config.timeout) as smtp:
        smtp.ehlo_or_helo_if_needed()
        if config.starttls:
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
        if config.username:
            smtp.login(config.username, config.password or "")
        code, _ = smtp.mail(config.sender)
        if code != 250:
            raise DeliveryError(f"MAIL FROM refused ({code})")
        code, _ = smtp.rcpt(to)
        if code not in (250, 251):
            raise DeliveryError(f"RCPT TO refused ({code})")
        smtp.putcmd("data")
        code, _ = smtp.getreply()
        if code != 354:
            raise DeliveryError(f"DATA refused ({code})")
        smtp.send(_stuffed(message))
        crash_point("outbox_after_body_before_record")
        record_sent()
        crash_point("outbox_after_record_before_end")
        smtp.send(b".\r\n")
        code, _ = smtp.getreply()
        if code != 250:
            raise DeliveryError(f"message refused after DATA ({code})")
