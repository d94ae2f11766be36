"""Mailbox files: mbox and Maildir, read with the standard library's ``mailbox`` module.

Each message's raw bytes go to the same parser as a single .eml file, so a mailbox export is
deduplicated against what came by IMAP or as files (Message-ID plus a hash of the bytes). Keys
are read in a stable order so that a rerun sees the same sequence; a message that cannot be
read is reported with its position instead of stopping the mailbox.
"""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from pathlib import Path

MBOX_SUFFIXES = (".mbox", ".mbx")
MBOX_NAMES = ("mbox",)


def is_maildir(path: Path) -> bool:
    return path.is_dir() and all((path / sub).is_dir() for sub in ("cur", "new", "tmp"))


def is_mbox(path: Path) -> bool:
    """By name (``*.mbox``, ``mbox``) or, for files without a suffix, by the ``From `` line."""
    if not path.is_file():
        return False
    if path.suffix.lower() in MBOX_SUFFIXES or path.name.lower() in MBOX_NAMES:
        return True
    if path.suffix:
        return False
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"From "
    except OSError:
        return False


def mbox_messages(path: Path) -> Iterator[tuple[str, bytes | Exception]]:
    """(position, raw bytes) per message; the position names it in quarantine reports."""
    box = mailbox.mbox(path, factory=None, create=False)
    try:
        for n, key in enumerate(box.iterkeys(), start=1):
            try:
                yield f"#{n}", box.get_bytes(key)
            except Exception as exc:  # a damaged message must not stop the mailbox
                yield f"#{n}", exc
    finally:
        box.close()


def maildir_messages(path: Path) -> Iterator[tuple[str, bytes | Exception]]:
    """(folder/key, raw bytes) per message, new/ and cur/ of the Maildir and its subfolders."""
    box = mailbox.Maildir(path, factory=None, create=False)
    yield from _maildir_items(box, "")


def _maildir_items(box: mailbox.Maildir, prefix: str) -> Iterator[tuple[str, bytes | Exception]]:
    for key in sorted(box.iterkeys()):
        try:
            yield f"{prefix}{key}", box.get_bytes(key)
        except Exception as exc:
            yield f"{prefix}{key}", exc
    for folder in sorted(box.list_folders()):
        yield from _maildir_items(box.get_folder(folder), f"{prefix}{folder}/")
