"""``scan_folders`` lists exactly what ``iter_files`` lists, in the same order, with stamps."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ingest.test_mailboxes import make_maildir, make_mbox, sample_mails
from triage.ingest.folder_listing import scan_folders
from triage.ingest.folder_source import iter_files


def tricky_tree(root: Path) -> None:
    """Hidden names, Maildirs (hidden too), symlinks, mboxes with and without a suffix, names
    without a suffix or with a trailing dot, upper-case suffixes, nested folders."""
    mails = sample_mails(2)
    for folder in ("b", "a/z", "a/y/x", ".hidden", "c.d"):
        (root / folder).mkdir(parents=True)
    for name in ("1.eml", "2.EML", "form.csv", "form.JSON", "notes.txt", ".x.eml", "..y.eml",
                 "trail.", "plain", "z.mbx"):  # fmt: skip
        for folder in ("", "a", "a/y/x", ".hidden", "c.d"):
            (root / folder / name).write_bytes(mails[0])
    make_mbox(root / "a" / "mbox", mails)
    make_mbox(root / "b" / "export", mails)  # no suffix, a "From " line: an mbox
    (root / "b" / "letter").write_bytes(b"Subject: not an mbox\n\nhello\n")
    make_maildir(root / "a" / "Inbox", mails)
    make_maildir(root / ".Sent", mails)  # a hidden Maildir is still read (as iter_files does)
    (root / "link-to-a").symlink_to(root / "a", target_is_directory=True)  # not entered
    (root / "b" / "box-link").symlink_to(root / "a" / "Inbox", target_is_directory=True)
    (root / "b" / "eml-link.eml").symlink_to(root / "1.eml")
    (root / "b" / "broken.eml").symlink_to(root / "gone.eml")


@pytest.mark.parametrize("suffixes", [(".eml",), ("",), (".eml", "")])
def test_scan_folders_lists_what_iter_files_lists(
    tmp_path: Path, suffixes: tuple[str, ...]
) -> None:
    tricky_tree(tmp_path)
    expected = [p.relative_to(tmp_path).as_posix() for p in iter_files(tmp_path, suffixes)]
    listed: list[str] = []
    for listing in scan_folders(tmp_path, suffixes):
        listed += [listing.path(name) for name in listing.maildirs]
        for name, size, mtime_ns in listing.files:
            info = os.stat(tmp_path / listing.path(name))
            assert (size, mtime_ns) == (info.st_size, info.st_mtime_ns)
            listed.append(listing.path(name))
    if "b/broken.eml" in expected:
        expected.remove("b/broken.eml")  # no stat: neither listed nor read (as before)
    assert listed == expected
    assert "a/mbox" in listed and "b/export" in listed and "a/z.mbx" in listed
    assert ("b/letter" in listed) == ("" in suffixes) == ("plain" in listed)
    assert ".Sent" in listed and "b/box-link" in listed
    assert not any(p.startswith(("link-to-a", ".hidden")) or "/." in p for p in listed)
