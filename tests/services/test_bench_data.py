"""The synthetic load: reproducible to the byte, and as mixed as a real inbox."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path

from tests.conftest import SAMPLES
from triage.ingest.email_parser import Limits, parse_email
from triage.ingest.mailbox_files import mbox_messages
from triage.services.bench_data import write_bench_data


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }  # fmt: skip


def test_same_seed_writes_byte_identical_output(tmp_path: Path) -> None:
    for fmt in ("eml", "mbox"):
        a, b, c = tmp_path / f"{fmt}-a", tmp_path / f"{fmt}-b", tmp_path / f"{fmt}-c"
        write_bench_data(300, a, fmt=fmt, seed=7, samples=SAMPLES)
        write_bench_data(300, b, fmt=fmt, seed=7, samples=SAMPLES)
        write_bench_data(300, c, fmt=fmt, seed=8, samples=SAMPLES)
        assert digest(a) == digest(b)
        assert digest(a) != digest(c)


def test_the_mix_has_languages_threads_duplicates_campaigns_html_and_attachments(
    tmp_path: Path,
) -> None:
    write_bench_data(2000, tmp_path, fmt="eml", seed=3, samples=SAMPLES)
    files = sorted(tmp_path.rglob("*.eml"))
    assert len(files) == 2000
    raws = [f.read_bytes() for f in files]
    now = datetime.now(UTC)
    parsed = [parse_email(r, source="bench", fallback_received_at=now, limits=Limits())
              for r in raws]  # fmt: skip
    ids = {m.message_id for m in parsed}
    replies = [m for m in parsed if m.in_reply_to]
    assert len(replies) > 100
    assert all(m.in_reply_to in ids for m in replies)  # threads point at generated messages
    copies = Counter(raws)
    assert sum(n - 1 for n in copies.values()) > 30  # exact duplicates, same bytes
    subjects = Counter(m.subject for m in parsed if not m.in_reply_to)
    assert subjects.most_common(1)[0][1] > 10  # a campaign: one letter from many senders
    senders = {m.sender_address for m in parsed if m.subject == subjects.most_common(1)[0][0]}
    assert len(senders) > 10
    assert sum(m.html_sanitised is not None for m in parsed) > 150
    assert sum(bool(m.attachments) for m in parsed) > 15
    distinct = {message_from_bytes(r, policy=policy.default)["Subject"] for r in raws}
    assert len(distinct) > 300
    bodies = Counter(m.new_text for m in parsed)
    assert len(bodies) > 1500  # recombined, not the samples copied verbatim
    lengths = sorted(len(m.body_text) for m in parsed)
    assert lengths[len(lengths) // 10] * 4 < lengths[-len(lengths) // 10]  # short to long
    first = {}
    for raw, message in zip(raws, parsed, strict=True):
        first.setdefault(raw, message.received_at)  # a duplicate keeps its first receipt time
    received = list(first.values())
    assert received == sorted(received) and len(set(received)) == len(received)


def test_mbox_files_hold_ten_thousand_each_and_read_back(tmp_path: Path) -> None:
    write_bench_data(120, tmp_path, fmt="mbox", seed=5, samples=SAMPLES)
    eml = tmp_path / "eml"
    write_bench_data(120, eml, fmt="eml", seed=5, samples=SAMPLES)
    boxes = sorted(tmp_path.glob("*.mbox"))
    assert [b.name for b in boxes] == ["part-00000.mbox"]
    from_mbox = [raw for _pos, raw in mbox_messages(boxes[0])]
    assert len(from_mbox) == 120
    from_files = [p.read_bytes() for p in sorted(eml.rglob("*.eml"))]
    assert [bytes(r).replace(b"\r\n", b"\n").rstrip(b"\n") for r in from_mbox] == [
        r.replace(b"\r\n", b"\n").rstrip(b"\n") for r in from_files
    ]
