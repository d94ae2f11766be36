"""Synthetic load for benchmarks: N realistic messages as .eml files or mbox files.

The project's own hand-written and template messages (``data/samples``) are the fragments: each
generated message recombines a template's text with other paragraphs of the same language,
another sender (name, address, organisation) and other countries, at lengths from one
paragraph to a long letter, some with an HTML part or an attachment. Around them the mix a
real inbox has: replies in threads (In-Reply-To, References), exact duplicates (the same
bytes delivered twice) and campaigns (one coalition letter sent by many people).

Everything comes from one seeded ``random.Random`` and the message's position: the same seed
gives byte-identical output, and memory stays flat at any N (messages are written as they are
made; only small ring buffers of recent messages are kept, for replies and duplicates).
"""

from __future__ import annotations

import base64
import json
import random
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.header import Header
from email.utils import format_datetime
from pathlib import Path
from typing import BinaryIO

FORMATS = ("eml", "mbox")
MBOX_PER_FILE = 10_000  # one mbox file per 10,000 messages: a unit of parallel work
EML_PER_FOLDER = 1_000  # directories of a thousand files, not one of a million
START = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)
STEP_SECONDS = 20  # one message every 20-39 s: strictly increasing receipt times

FIRST_NAMES = (
    "Amina", "Tendai", "Rudo", "Carlos", "Lucía", "Nguyen", "Priya", "Aisha", "Kwame", "Fatima",
    "Jorge", "Mariam", "Ahmed", "Wanjiru", "Samuel", "Ana", "Dmitri", "Olga", "Ravi", "Siti",
    "Hassan", "Leila", "Thabo", "Nomvula", "Diego", "Camila", "Ibrahim", "Zainab", "Mei", "Arjun",
    "Chidi", "Ngozi", "Yusuf", "Sofía", "Bilal", "Rania", "Kofi", "Esi", "Tomás", "Imran",
)  # fmt: skip
LAST_NAMES = (
    "Moyo", "Okafor", "Mendoza", "Tran", "Sharma", "Haddad", "Mensah", "Kariuki", "Silva",
    "Ivanova", "Rahman", "Banda", "Ochieng", "Pérez", "Hussain", "Nkosi", "Santos", "Wijaya",
    "Qureshi", "Diallo", "Mutua", "Alvarez", "Chowdhury", "Abebe", "Lopes", "Bakr", "Phiri",
)  # fmt: skip
COUNTRIES = (
    "Kenya", "Nigeria", "Zimbabwe", "Ethiopia", "Sudan", "Uganda", "Pakistan", "Bangladesh",
    "India", "Indonesia", "Myanmar", "Philippines", "Brazil", "Colombia", "Mexico", "Peru",
    "Venezuela", "Egypt", "Iraq", "Jordan", "Tunisia", "Morocco", "Cameroon", "Mali",
)  # fmt: skip
CAMPAIGN_COUNT = 12
RECENT = 500  # messages kept for replies and duplicates (bounded: constant memory)


@dataclass(frozen=True, slots=True)
class Template:
    language: str
    subject: str
    paragraphs: tuple[str, ...]
    sender_name: str


@dataclass(frozen=True, slots=True)
class Mix:
    """Shares of each kind of message; the rest are fresh letters."""

    duplicate: float = 0.04
    reply: float = 0.10
    campaign: float = 0.08
    html: float = 0.15
    attachment: float = 0.02


@dataclass(slots=True)
class Sent:
    """What a later reply or duplicate needs of a generated message."""

    message_id: str
    subject: str
    references: tuple[str, ...]
    sender: tuple[str, str]
    language: str
    raw: bytes


def load_templates(samples: Path) -> list[Template]:
    """The samples' messages that came by email or form, split into paragraphs."""
    files = [samples / "gold.jsonl", *sorted((samples / "written").glob("*.jsonl"))]
    templates = []
    for path in files:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            paragraphs = tuple(p.strip() for p in record["body"].split("\n\n") if p.strip())
            if not paragraphs:
                continue
            name = str(record.get("sender", "")).partition("<")[0].strip().strip('"')
            templates.append(Template(record["language"], record["subject"], paragraphs, name))
    if not templates:
        raise FileNotFoundError(f"no sample messages under {samples}")
    return templates


class Generator:
    """Makes message ``i`` from the seeded stream; call ``messages`` once, in order."""

    def __init__(self, templates: Sequence[Template], seed: int, mix: Mix = Mix()) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.mix = mix
        self.templates = list(templates)
        self.by_language: dict[str, list[Template]] = {}
        for t in self.templates:
            self.by_language.setdefault(t.language, []).append(t)
        self.recent: deque[Sent] = deque(maxlen=RECENT)
        self.campaigns = [self._campaign_letter(n) for n in range(CAMPAIGN_COUNT)]

    def _campaign_letter(self, n: int) -> tuple[Template, str]:
        base = self.rng.choice(self.templates)
        extra = self.rng.choice(self.by_language[base.language])
        text = base.paragraphs[: max(1, len(base.paragraphs) - 1)] + extra.paragraphs[:1]
        country = self.rng.choice(COUNTRIES)
        subject = f"{base.subject} ({country})"
        return Template(base.language, subject, tuple(text), base.sender_name), f"coalition{n}"

    def messages(self, count: int) -> Iterator[bytes]:
        for i in range(count):
            yield self._one(i)

    def _one(self, i: int) -> bytes:
        rng = self.rng
        at = START + timedelta(seconds=i * STEP_SECONDS + rng.randrange(STEP_SECONDS))
        roll = rng.random()
        mix = self.mix
        if self.recent and roll < mix.duplicate:
            return rng.choice(self.recent).raw  # the same bytes, delivered again
        roll -= mix.duplicate
        if self.recent and roll < mix.reply:
            return self._remember(self._reply(i, at, rng.choice(self.recent)))
        roll -= mix.reply
        if roll < mix.campaign:
            return self._remember(self._campaign_copy(i, at))
        return self._remember(self._fresh(i, at))

    def _remember(self, sent: Sent) -> bytes:
        self.recent.append(sent)
        return sent.raw

    def _person(self) -> tuple[str, str]:
        first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
        domain = self.rng.choice(("mail.example", "ngo.example.org", "rights.example.net",
                                  "press.example.com", "union.example.org"))  # fmt: skip
        number = self.rng.randrange(1000)
        return f"{first} {last}", f"{_ascii(first)}.{_ascii(last)}{number}@{domain}".lower()

    def _body(self, template: Template, name: str) -> list[str]:
        """The template's opening, then paragraphs of other letters in the same language (one
        to eight: short notes to long letters), other countries, the new signer. Drawn from
        several letters, so two fresh messages are not near-copies of each other (campaign
        detection would rightly join those)."""
        rng = self.rng
        others = self.by_language[template.language]
        extra = rng.choice((1, 1, 2, 2, 3, 3, 4, 8))
        paragraphs = [template.paragraphs[0]]
        for _ in range(extra):
            other = rng.choice(others)
            paragraphs.append(rng.choice(other.paragraphs))
        old = [c for c in COUNTRIES if any(c in p for p in paragraphs)]
        for country in old[:2]:
            new = rng.choice(COUNTRIES)
            paragraphs = [p.replace(country, new) for p in paragraphs]
        if template.sender_name:
            paragraphs = [p.replace(template.sender_name, name) for p in paragraphs]
        if name not in paragraphs[-1]:
            paragraphs.append(name)
        return paragraphs

    def _fresh(self, i: int, at: datetime) -> Sent:
        template = self.rng.choice(self.templates)
        name, address = self._person()
        subject = template.subject
        if self.rng.random() < 0.3:
            subject = f"{subject} - {self.rng.choice(COUNTRIES)}"
        body = "\n\n".join(self._body(template, name))
        return self._build(i, at, (name, address), subject, body, template.language, ())

    def _campaign_copy(self, i: int, at: datetime) -> Sent:
        """The coalition's letter, signed by one more person: near-identical, not identical."""
        letter, _tag = self.rng.choice(self.campaigns)
        name, address = self._person()
        body = "\n\n".join([*letter.paragraphs, name])
        return self._build(i, at, (name, address), letter.subject, body, letter.language, ())

    def _reply(self, i: int, at: datetime, parent: Sent) -> Sent:
        """The sender follows up (or someone answers) in the same thread, quoting it."""
        rng = self.rng
        sender = parent.sender if rng.random() < 0.7 else self._person()
        others = self.by_language.get(parent.language) or self.templates
        text = rng.choice(rng.choice(others).paragraphs)
        quoted = "\n".join("> " + line for line in text.splitlines()[:4])
        body = f"{text}\n\n{sender[0]}\n\nOn an earlier date, you wrote:\n{quoted}"
        subject = parent.subject if parent.subject.startswith("Re:") else f"Re: {parent.subject}"
        refs = (*parent.references[-5:], parent.message_id)
        return self._build(i, at, sender, subject, body, parent.language, refs)

    def _build(
        self, i: int, at: datetime, sender: tuple[str, str], subject: str, body: str,
        language: str, refs: tuple[str, ...],
    ) -> Sent:  # fmt: skip
        rng = self.rng
        message_id = f"<bench-{self.seed}-{i}@{sender[1].rpartition('@')[2]}>"
        date = format_datetime(at)
        headers = [
            f"Received: from mx.bench.example by inbound.example-platform.com; {date}",
            f"From: {_header(sender[0])} <{sender[1]}>",
            "To: Human Rights Team <humanrights@example-platform.com>",
            f"Subject: {_header(subject)}",
            f"Date: {date}",
            f"Message-ID: {message_id}",
        ]
        if refs:
            headers.append(f"In-Reply-To: {refs[-1]}")
            headers.append(f"References: {' '.join(refs)}")
        headers.append("MIME-Version: 1.0")
        text_part = _part("text/plain", body.encode("utf-8"))
        html = rng.random() < self.mix.html
        attach = rng.random() < self.mix.attachment
        if html:
            paragraphs = "".join(f"<p>{_escape(p)}</p>" for p in body.split("\n\n"))
            html_doc = f"<html><body>{paragraphs}</body></html>".encode()
            boundary = f"=_alt_{self.seed}_{i}"
            text_part = _multipart(
                "alternative", boundary, [text_part, _part("text/html", html_doc)]
            )
        if attach:
            size = rng.choice((1_000, 5_000, 30_000))
            blob = b"%PDF-1.4\n" + rng.randbytes(size)
            attachment = _part("application/pdf", blob, f'attachment; filename="evidence-{i}.pdf"')
            text_part = _multipart("mixed", f"=_mix_{self.seed}_{i}", [text_part, attachment])
        raw = ("\r\n".join(headers) + "\r\n").encode() + text_part
        return Sent(message_id, subject, refs, sender, language, raw)


def _ascii(text: str) -> str:
    return "".join(c for c in text if c.isascii() and c.isalpha()) or "x"


def _header(text: str) -> str:
    return text if text.isascii() else Header(text, "utf-8").encode()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _part(content_type: str, payload: bytes, disposition: str | None = None) -> bytes:
    charset = '; charset="utf-8"' if content_type.startswith("text/") else ""
    lines = [f"Content-Type: {content_type}{charset}", "Content-Transfer-Encoding: base64"]
    if disposition:
        lines.append(f"Content-Disposition: {disposition}")
    encoded = base64.encodebytes(payload).replace(b"\n", b"\r\n")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + encoded


def _multipart(subtype: str, boundary: str, parts: list[bytes]) -> bytes:
    head = f'Content-Type: multipart/{subtype}; boundary="{boundary}"\r\n\r\n'.encode()
    body = b"".join(f"--{boundary}\r\n".encode() + p + b"\r\n" for p in parts)
    return head + body + f"--{boundary}--\r\n".encode()


def write_bench_data(
    count: int, out: Path, *, fmt: str = "eml", seed: int = 1, samples: Path = Path("data/samples")
) -> int:
    """Write ``count`` messages under ``out``; returns the number of files written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    generator = Generator(load_templates(samples), seed)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "eml":
        return _write_eml(generator.messages(count), out)
    return _write_mbox(generator.messages(count), out)


def _write_eml(messages: Iterator[bytes], out: Path) -> int:
    written = 0
    for i, raw in enumerate(messages):
        folder = out / f"{i // EML_PER_FOLDER:05d}"
        if i % EML_PER_FOLDER == 0:
            folder.mkdir(exist_ok=True)
        (folder / f"{i:08d}.eml").write_bytes(raw)
        written += 1
    return written


def _write_mbox(messages: Iterator[bytes], out: Path) -> int:
    files = 0
    handle: BinaryIO | None = None
    try:
        for i, raw in enumerate(messages):
            if i % MBOX_PER_FILE == 0:
                if handle is not None:
                    handle.close()
                handle = (out / f"part-{i // MBOX_PER_FILE:05d}.mbox").open("wb")
                files += 1
            handle.write(b"From bench@example.invalid Mon Jan  5 06:00:00 2026\n")
            body = raw.replace(b"\r\n", b"\n")
            for line in body.split(b"\n"):
                if line.lstrip(b">").startswith(b"From "):
                    line = b">" + line
                handle.write(line + b"\n")
            handle.write(b"\n")
    finally:
        if handle is not None:
            handle.close()
    return files
