"""Parsing real-shaped emails: charsets, HTML, quoting, attachments, limits, hostile input."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage.ingest.email_parser import Limits, decode_header_value, parse_email, sanitise_filename
from triage.ingest.quarantine import QuarantineError
from triage.ingest.text_parts import split_text

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
KNOWN_CODES = {"empty", "not_an_email", "too_large", "mime_too_deep", "too_many_headers",
               "too_many_parts", "parse_error"}  # fmt: skip


def parse(raw: bytes, **kwargs):
    return parse_email(raw, source="test", fallback_received_at=NOW, **kwargs)


def test_latin1_quoted_printable_and_encoded_subject() -> None:
    raw = (
        "From: =?iso-8859-1?q?Mar=EDa_L=F3pez?= <maria@example.org>\r\n"
        "To: humanrights@example-platform.com\r\n"
        "Subject: =?utf-8?b?UHJvdGVjY2nDs24gZGUgZGF0b3M=?=\r\n"
        "Message-ID: <a1@example.org>\r\n"
        "Date: Mon, 3 Nov 2026 10:02:00 -0500\r\n"
        "Content-Type: text/plain; charset=iso-8859-1\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        "Nos preocupa la protecci=F3n de datos en M=E9xico.\r\n"
    ).encode("ascii")
    message = parse(raw)
    assert message.sender_name == "María López"
    assert message.sender_address == "maria@example.org"
    assert message.subject == "Protección de datos"
    assert "protección de datos en México" in message.body_text
    assert message.date_header == "Mon, 3 Nov 2026 10:02:00 -0500"
    assert message.received_at == NOW  # no Received header: the server's receipt time


def test_unknown_charset_does_not_raise() -> None:
    raw = (
        b"From: a@example.org\r\nSubject: x\r\nContent-Type: text/plain; charset=x-made-up\r\n\r\n"
        b"caf\xe9 ol\xc3\xa1\r\n"
    )
    message = parse(raw)
    assert "caf" in message.body_text


def test_received_header_gives_receipt_time_not_date_header() -> None:
    raw = (
        b"Received: from mx.example.org by mail.example-platform.com; "
        b"Tue, 4 Nov 2026 08:00:00 +0100\r\n"
        b"From: a@example.org\r\nDate: Thu, 01 Jan 1970 00:00:00 +0000\r\nSubject: x\r\n\r\nhi\r\n"
    )
    assert parse(raw).received_at == datetime(2026, 11, 4, 7, 0, tzinfo=UTC)


def test_html_only_gives_text_and_a_sanitised_copy_without_remote_images() -> None:
    msg = EmailMessage()
    msg["From"] = "Org <org@example.org>"
    msg["Subject"] = "html"
    msg.set_content(
        "<html><body><p>Internet <b>shutdown</b> in Tigray</p>"
        '<img src="http://tracker.example/p.gif"><script>alert(1)</script>'
        '<a href="javascript:alert(1)">x</a></body></html>',
        subtype="html",
    )
    message = parse(msg.as_bytes())
    assert "Internet shutdown in Tigray" in message.body_text
    assert message.html_sanitised is not None
    assert "<img" not in message.html_sanitised
    assert "script" not in message.html_sanitised
    assert "javascript:" not in message.html_sanitised


def test_attachment_names_are_sanitised_and_hashed() -> None:
    msg = EmailMessage()
    msg["From"] = "a@example.org"
    msg["Subject"] = "report"
    msg.set_content("See attached.")
    msg.add_attachment(b"%PDF-1.4 test", maintype="application", subtype="pdf",
                       filename="../../etc/passwd")  # fmt: skip
    message = parse(msg.as_bytes())
    assert len(message.attachments) == 1
    attachment = message.attachments[0]
    assert attachment.filename == "passwd"
    assert attachment.size == len(b"%PDF-1.4 test")
    assert len(attachment.sha256) == 64
    assert sanitise_filename("..\\..\\win.ini") == "win.ini"


def test_encoded_newline_in_subject_cannot_inject_headers() -> None:
    value = "=?utf-8?q?hello=0D=0ABcc:_victim@example.org?="
    decoded = decode_header_value(value)
    assert "\n" not in decoded and "\r" not in decoded


def test_same_message_id_different_bytes_gives_different_keys() -> None:
    base = b"From: a@example.org\r\nMessage-ID: <same@x>\r\nSubject: s\r\n\r\n"
    assert parse(base + b"one").key != parse(base + b"two").key
    assert parse(base + b"one").key == parse(base + b"one").key


@pytest.mark.parametrize(
    ("raw", "code", "limits"),
    [
        (b"", "empty", Limits()),
        (b"just some text without any header\r\n", "not_an_email", Limits()),
        (b"From: a@example.org\r\nSubject: x\r\n\r\n" + b"x" * 5000, "too_large",
         Limits(max_bytes=1024)),
    ],
)  # fmt: skip
def test_bad_input_is_quarantined_with_a_reason(raw: bytes, code: str, limits: Limits) -> None:
    with pytest.raises(QuarantineError) as info:
        parse(raw, limits=limits)
    assert info.value.code == code


def test_deep_nesting_is_quarantined_not_a_recursion_error() -> None:
    depth = 60
    head = b"From: a@example.org\r\nSubject: deep\r\n"
    body = b""
    for level in range(depth):
        body += f'Content-Type: multipart/mixed; boundary="b{level}"\r\n\r\n--b{level}\r\n'.encode()
    body += b"Content-Type: text/plain\r\n\r\nbottom\r\n"
    with pytest.raises(QuarantineError) as info:
        parse(head + body)
    assert info.value.code == "mime_too_deep"


def test_auto_replies_and_bulk_mail_are_marked() -> None:
    raw = b"From: a@example.org\r\nAuto-Submitted: auto-replied\r\nSubject: Out of office\r\n\r\nx"
    assert parse(raw).auto_submitted
    raw = b"From: news@example.org\r\nPrecedence: bulk\r\nSubject: News\r\n\r\nx"
    assert parse(raw).auto_submitted


@pytest.mark.parametrize(
    ("body", "marker"),
    [
        ("New text.\n\nOn Mon, 3 Nov 2026 at 10:02, Ana <a@x.org> wrote:\n> old", "On Mon"),
        ("Texto nuevo.\n\nEl lun, 3 nov 2026 a las 10:02, Ana escribió:\n> viejo", "El lun"),
        ("Nouveau.\n\nLe lun. 3 nov. 2026 à 10:02, Ana a écrit :\n> ancien", "Le lun"),
        ("Novo.\n\nEm seg., 3 de nov. de 2026 às 10:02, Ana escreveu:\n> antigo", "Em seg"),
        ("جديد.\n\nفي الاثنين، 3 نوفمبر 2026 10:02 ص، كتب أحمد <a@x.org>:\n> قديم", "في الاثنين"),
        ("New.\n\n-----Original Message-----\nFrom: x\nSent: y\n\nold", "-----Original"),
        ("New.\n\nDe : Ana\nEnvoyé : lundi\nÀ : nous\nObjet : x\n\nold", "De : Ana"),
    ],
)
def test_quoted_replies_are_set_apart_in_five_languages(body: str, marker: str) -> None:
    parts = split_text(body)
    assert marker not in parts.new_text
    assert parts.quoted_text.startswith(marker)


def test_signature_is_kept_apart_for_sender_details() -> None:
    body = "We ask for a meeting.\n\n-- \nAmina Yusuf\nDigital Rights Kenya\n+254 700 000 000"
    parts = split_text(body)
    assert parts.new_text == "We ask for a meeting."
    assert "+254" in parts.signature
    closing = "Merci.\n\nCordialement,\nAwa Diop\nDakar, Sénégal"
    assert split_text(closing).signature.startswith("Cordialement")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise_anything_but_quarantine(raw: bytes) -> None:
    try:
        message = parse(b"From: a@example.org\r\n" + raw)
    except QuarantineError as err:
        assert err.code in KNOWN_CODES
    else:
        assert message.key.startswith("email:") and message.received_at.tzinfo is not None


def test_raw_8bit_headers_are_decoded_as_utf8_then_windows_1252() -> None:
    """Mailers that send UTF-8 headers without RFC 2047 (RFC 6532) must not lose names."""
    raw = (
        "From: Lucía Rojas <lucia@example.org>\r\nTo: humanrights@example-platform.com\r\n"
        "Subject: Petición urgente\r\nMessage-ID: <raw8@example.org>\r\n"
    ).encode()
    message = parse(raw + b"\r\nHola\r\n")
    assert message.sender_name == "Lucía Rojas"
    assert message.sender_address == "lucia@example.org"
    assert message.subject == "Petición urgente"
    latin1 = parse(raw.replace("Lucía".encode(), b"Luc\xeda") + b"\r\nHola\r\n")
    assert latin1.sender_name == "Lucía Rojas"


def test_an_html_bomb_gets_an_escaped_text_copy_not_a_stalled_batch() -> None:
    """200,000 nested <div>s made the sanitiser take minutes (its cost is quadratic in depth)."""
    raw = b"From: a@example.org\r\nContent-Type: text/html\r\n\r\n" + b"<div>" * 200_000 + b"x"
    message = parse(raw)
    assert message.html_sanitised is not None and "<div" not in message.html_sanitised
    assert message.html_sanitised.startswith("<pre>")


def test_the_cpu_budget_quarantines_with_a_reason() -> None:
    raw = b"From: a@example.org\r\nSubject: s\r\n\r\n" + b"> quoted\r\n" * 50_000
    with pytest.raises(QuarantineError) as slow:
        parse(raw, limits=Limits(max_seconds=1e-9))
    assert slow.value.code == "too_slow" and "CPU" in slow.value.detail


def test_parsing_limits_come_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from triage.services.ingest_batch import limits_from_settings
    from triage.settings import get_settings

    monkeypatch.setenv("TRIAGE_MAX_MIME_DEPTH", "2")
    monkeypatch.setenv("TRIAGE_MAX_PARSE_SECONDS", "0.5")
    get_settings.cache_clear()
    limits = limits_from_settings()
    assert (limits.max_depth, limits.max_seconds) == (2, 0.5)
    nested = b"From: a@example.org\r\n" + b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i) for i in range(4)
    ) + b"Content-Type: text/plain\r\n\r\nhi\r\n"
    with pytest.raises(QuarantineError, match="mime_too_deep"):
        parse(nested, limits=limits)
