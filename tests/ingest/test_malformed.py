"""Hypothesis writes malformed MIME (1,000 messages a run): only Message or quarantine come out.

The strategy builds messages the way broken mailers and attackers do: encoded words with
unknown charsets and bad base64, boundaries missing or mismatched, parts nested deeply,
transfer encodings that lie, NULs and bare CRs, over-long lines and odd dates.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage.core.types import Message
from triage.ingest.email_parser import Limits, parse_email
from triage.ingest.quarantine import QuarantineError

NOW = datetime(2026, 11, 29, tzinfo=UTC)
LIMITS = Limits(max_bytes=200_000)

junk = st.binary(max_size=60)
text = st.text(max_size=40)
charsets = st.sampled_from(["utf-8", "iso-8859-1", "x-unknown", "utf-7", "windows-1256", "",
                            "koi8-r", "gb2312", "utf-16", "bogus\"charset"])  # fmt: skip
encodings = st.sampled_from(["base64", "quoted-printable", "8bit", "7bit", "x-uuencode",
                             "binary", "bAsE64", ""])  # fmt: skip


@st.composite
def encoded_word(draw: st.DrawFn) -> bytes:
    payload = draw(st.one_of(junk, text.map(str.encode)))
    kind = draw(st.sampled_from([b"B", b"Q", b"X"]))
    return b"=?" + draw(charsets).encode() + b"?" + kind + b"?" + payload + b"?="


@st.composite
def header(draw: st.DrawFn) -> bytes:
    name = draw(st.sampled_from([b"From", b"To", b"Subject", b"Date", b"Message-ID",
                                 b"In-Reply-To", b"References", b"Content-Type",
                                 b"Content-Transfer-Encoding", b"Received", b"X-Odd",
                                 b"Auto-Submitted", b"Content-Disposition"]))  # fmt: skip
    value = draw(st.one_of(junk, encoded_word(), text.map(str.encode),
                           st.just(b"Mon, 99 Foo 20261 25:61:61 +9999"),
                           st.just(b'"' + b"." * 500 + b'" <a@b>')))  # fmt: skip
    fold = draw(st.sampled_from([b"", b"\r\n ", b"\n\t", b"\r"]))
    return name + b": " + value + fold + draw(junk) + b"\r\n"


@st.composite
def body(draw: st.DrawFn, depth: int = 0) -> bytes:
    if depth < 4 and draw(st.booleans()):
        boundary = draw(st.sampled_from([b"b1", b"", b"==x==", b"b" * 80]))
        declared = draw(st.sampled_from([boundary, b"other", b""]))
        parts = draw(st.lists(body(depth + 1), max_size=3))
        subtype = draw(st.sampled_from([b"mixed", b"alternative", b"related", b"report", b"x"]))
        head = b"Content-Type: multipart/" + subtype + b'; boundary="' + declared + b'"\r\n\r\n'
        inner = b"".join(b"--" + boundary + b"\r\n" + p for p in parts)
        end = b"--" + boundary + b"--\r\n" if draw(st.booleans()) else b""
        return head + inner + end
    ctype = draw(st.sampled_from([b"text/plain", b"text/html", b"application/pdf",
                                  b"message/rfc822", b"image/png", b"text/x-broken"]))  # fmt: skip
    name = draw(st.sampled_from([b"", b'; name="../../etc/passwd"', b"; name*=utf-8''%E2%80%AE",
                                 b'; filename="a\r\nb.exe"']))  # fmt: skip
    return (b"Content-Type: " + ctype + b"; charset=" + draw(charsets).encode() + name
            + b"\r\nContent-Transfer-Encoding: " + draw(encodings).encode() + b"\r\n\r\n"
            + draw(st.one_of(junk, text.map(str.encode), st.just(b"<p>" * 300)))
            + b"\r\n")  # fmt: skip


@st.composite
def malformed_message(draw: st.DrawFn) -> bytes:
    headers = b"".join(draw(st.lists(header(), max_size=12)))
    return headers + draw(body()) + draw(st.sampled_from([b"", b"\x00", b"\r", b"\r\n.\r\n"]))


@settings(max_examples=1000, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
@given(malformed_message())
def test_malformed_mime_is_stored_or_quarantined_never_raised(raw: bytes) -> None:
    try:
        message = parse_email(raw, source="fuzz", fallback_received_at=NOW, limits=LIMITS)
    except QuarantineError as err:
        assert err.code
        return
    assert isinstance(message, Message)
    assert message.received_at.tzinfo is not None
    for field in (message.subject, message.sender_name, message.sender_address):
        assert "\n" not in field and "\r" not in field  # no header injection downstream
    for attachment in message.attachments:
        assert "/" not in attachment.filename and "\\" not in attachment.filename
