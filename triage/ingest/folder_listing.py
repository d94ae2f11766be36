"""A folder source's listing at its cost floor: names, sizes and mtimes, a folder at a time.

A scheduled run lists every file of its folders to find the new ones; at a million files the
listing (a ``stat`` per file) is all an idle run does. This module is that listing, the parts
and digests an idle run compares (``services.folder_changes``), and a second process that
checks half of a large tree's digests while this one checks the other half
(``checked_listings``). It imports only the standard library and ``mailbox_files``, so that
process starts in a few tens of milliseconds.

Run as ``python -m triage.ingest.folder_listing``: reads one request (JSON) on stdin, writes
one JSON line per folder and a last ``{"done": n}`` line. Paths and digests only, never file
contents.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import zlib
from array import array
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from triage.ingest.mailbox_files import MBOX_NAMES, MBOX_SUFFIXES, is_maildir, is_mbox

EMAIL_SUFFIXES = (".eml",)
FORM_SUFFIXES = (".csv", ".json")

FileEntry = tuple[str, int, int]  # name, size, mtime_ns
Saved = Mapping[str, Mapping[str, str]]  # folder -> part -> digest


def wanted_file(path: Path, email_suffixes: tuple[str, ...]) -> bool:
    suffix = path.suffix.lower()
    return (
        suffix in email_suffixes + FORM_SUFFIXES + MBOX_SUFFIXES
        or is_mbox(path)
        or ("" in email_suffixes and not suffix)
    )


@dataclass(slots=True)
class FolderListing:
    """One folder of a source as ``iter_files`` sees it, with each file's size and mtime.

    ``folder`` is relative to the source's base, POSIX, "" for the base itself; ``maildirs``
    and ``files`` are names in it, each list sorted. Names and numbers only: no Path objects,
    which cost more than the stat itself at a hundred thousand files."""

    folder: str
    maildirs: list[str] = field(default_factory=list)
    files: list[FileEntry] = field(default_factory=list)

    def path(self, name: str) -> str:
        return relative_path(self.folder, name)


@dataclass(slots=True)
class UnchangedFolder:
    """A folder whose every part still has the digest saved for it (checked by the second
    process): none of its files is listed again. ``parts``: the parts that matched."""

    folder: str
    maildirs: list[str]
    parts: list[str]

    def path(self, name: str) -> str:
        return relative_path(self.folder, name)


def relative_path(folder: str, name: str) -> str:
    """A name of a folder as a path relative to the source's base ("" is the base)."""
    return f"{folder}/{name}" if folder else name


def scan_folders(
    root: Path, email_suffixes: tuple[str, ...] = EMAIL_SUFFIXES, relative: str = ""
) -> Iterator[FolderListing]:
    """``iter_files`` of a folder (not a Maildir), a folder at a time, in the same order, with
    each file's (size, mtime_ns): one ``scandir`` per folder and one ``stat`` per file. Same
    rules as ``os.walk``: unreadable folders and files that vanish are skipped, symlinked
    folders are not entered (a symlinked Maildir is read); hidden files and folders are
    skipped, Maildirs are not walked into. ``relative``: ``root``'s path from the source's
    base, when ``root`` is a subfolder of it."""
    pending = [(str(root), relative)]
    while pending:
        top, here = pending.pop()
        scanned = scan_folder(top, here, email_suffixes)
        if scanned is None:
            continue
        listing, subfolders = scanned
        yield listing
        pending.extend(reversed(subfolders))


def scan_folder(
    top: str, relative: str, email_suffixes: tuple[str, ...]
) -> tuple[FolderListing, list[tuple[str, str]]] | None:
    """One folder's listing and its subfolders to walk, as (path, relative) in name order;
    None when the folder cannot be read."""
    wanted = frozenset(email_suffixes + FORM_SUFFIXES + MBOX_SUFFIXES)  # as wanted_file compares
    listing = FolderListing(relative)
    files = listing.files.append
    subfolders: list[tuple[str, str]] = []
    try:
        with _folder_entries(top) as it:
            for entry in it:
                name = entry.name
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    path = os.path.join(top, name)
                    if is_maildir(Path(path)):
                        listing.maildirs.append(name)
                    elif name[0] != "." and not entry.is_symlink():
                        subfolders.append((name, path))
                    continue
                if name[0] == ".":
                    continue  # hidden
                dot = name.rfind(".")
                # PurePath.suffix, then wanted_file's rule (a name without one may be an mbox)
                suffix = name[dot:].lower() if 0 < dot < len(name) - 1 else ""
                if suffix not in wanted and (
                    (suffix and name.lower() not in MBOX_NAMES)
                    or not wanted_file(Path(top, name), email_suffixes)
                ):
                    continue
                try:
                    info = entry.stat()
                except OSError:
                    continue  # gone since the listing: nothing to read
                files((name, info.st_size, info.st_mtime_ns))
    except OSError:
        return None  # unreadable folder: skipped, as os.walk does
    listing.maildirs.sort()
    listing.files.sort(key=itemgetter(0))  # by name only: twice as fast as by tuple
    subfolders.sort()
    return listing, [(path, listing.path(name)) for name, path in subfolders]


@contextmanager
def _folder_entries(folder: str) -> Iterator[Iterator[os.DirEntry[str]]]:
    """``os.scandir`` of a folder opened once: each entry's stat is then an ``fstatat`` of
    its name in that folder, not a walk of the whole path again (a million stats: 2.4 s
    instead of 2.75 s of CPU, measured). Where ``scandir`` takes no descriptor, the path."""
    if os.scandir not in os.supports_fd:
        with os.scandir(folder) as entries:
            yield entries
        return
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        with os.scandir(descriptor) as entries:
            yield entries
    finally:
        os.close(descriptor)


def parts(
    entries: list[FileEntry], part_files: int, part_cut: int
) -> Iterator[tuple[str, list[FileEntry]]]:
    """(part name, entries) of one folder: the whole folder ("") up to ``part_files`` files;
    above, runs of names each ending at a name whose crc32 has the ``part_cut`` bits 0 (the
    part is named by it; the last part ""). A new file changes only its own part (or splits
    it), whatever the names, so a folder of a million files that gains one looks up about a
    thousand."""
    if len(entries) <= part_files:
        if entries:
            yield "", entries
        return
    start = 0
    for end, (name, _size, _mtime) in enumerate(entries, start=1):
        if zlib.crc32(name.encode("utf-8", "surrogateescape")) & part_cut == 0:
            yield name, entries[start:end]
            start = end
    if start < len(entries):
        yield "", entries[start:]


def files_digest(entries: list[FileEntry]) -> str:
    """A digest of each entry's (name, size, mtime_ns): the names NUL-separated (no name holds
    one) after their length, then the sizes and the mtimes as 64-bit integers. Built by C
    loops, not a string per file: this runs over every file of every idle run."""
    names, sizes, mtimes = zip(*entries, strict=True) if entries else ((), (), ())
    joined = "\0".join(names).encode("utf-8", "surrogateescape")
    digest = hashlib.blake2b(len(joined).to_bytes(8, "little"), digest_size=16)
    digest.update(joined)
    digest.update(array("q", sizes).tobytes())
    digest.update(array("q", mtimes).tobytes())
    return digest.hexdigest()


def unchanged_parts(
    listing: FolderListing, saved: Mapping[str, str], part_files: int, part_cut: int
) -> list[str] | None:
    """The folder's part names when every part has its saved digest; None when any differs."""
    names = []
    for part, entries in parts(listing.files, part_files, part_cut):
        if saved.get(part) != files_digest(entries):
            return None
        names.append(part)
    return names


# --- A second process for large trees ---

# Only a tree whose saved digests cover at least this many parts (about a thousand files
# each) is split: below, starting the process costs more than half the listing saves.
SPLIT_MIN_PARTS = 100


def checked_listings(
    root: Path,
    email_suffixes: tuple[str, ...],
    saved: Saved,
    part_files: int,
    part_cut: int,
) -> Iterator[FolderListing | UnchangedFolder]:
    """``scan_folders(root)``, in the same order, where the folders of the second half of
    ``root``'s subfolders come as ``UnchangedFolder`` when a second process found all their
    parts unchanged (and as listings, read again here, when not).

    Why: a million stats take over 3 s of one core, most of an idle run; two cores halve it.
    The second process only compares digests: what a folder holds is still decided here,
    and if it fails in any way, this process lists that half itself."""
    top = scan_folder(str(root), "", email_suffixes)
    if top is None:
        return
    listing, subfolders = top
    yield listing
    split = len(subfolders) // 2
    mine, theirs = subfolders[:split], subfolders[split:]
    helper = None
    if sum(len(p) for p in saved.values()) >= SPLIT_MIN_PARTS and len(os.sched_getaffinity(0)) > 1:
        request = {"subtrees": theirs, "suffixes": list(email_suffixes), "saved": saved,
                   "part_files": part_files, "part_cut": part_cut}  # fmt: skip
        helper = _SecondProcess(request)
    else:
        mine, theirs = subfolders, []
    for path, relative in mine:
        yield from scan_folders(Path(path), email_suffixes, relative)
    found = helper.result() if helper else None
    if found is None:  # no second process, or it failed: list that half here
        for path, relative in theirs:
            yield from scan_folders(Path(path), email_suffixes, relative)
        return
    base = str(root)
    for folder, maildirs, same in found:
        if same is not None:
            yield UnchangedFolder(folder, maildirs, same)
        else:
            scanned = scan_folder(os.path.join(base, folder), folder, email_suffixes)
            if scanned is not None:
                yield scanned[0]


class _SecondProcess:
    """``python -m triage.ingest.folder_listing`` on half of the subtrees, talked to on its
    pipes from a thread (its request and its answer can each exceed a pipe's buffer)."""

    def __init__(self, request: dict[str, Any]) -> None:
        self.answer: list[tuple[str, list[str], list[str] | None]] | None = None
        self.thread = threading.Thread(target=self._run, args=(request,), daemon=True)
        self.thread.start()

    def _run(self, request: dict[str, Any]) -> None:
        try:
            done = subprocess.run(
                [sys.executable, "-m", "triage.ingest.folder_listing"],
                input=json.dumps(request).encode(), capture_output=True, check=True,
                timeout=600,
            )  # fmt: skip
            lines = [json.loads(line) for line in done.stdout.splitlines()]
            if not lines or lines[-1] != {"done": len(lines) - 1}:
                return  # cut short: not trusted
            self.answer = [(f["folder"], f["maildirs"], f["same"]) for f in lines[:-1]]
        except (OSError, subprocess.SubprocessError, ValueError, KeyError, TypeError):
            self.answer = None

    def result(self) -> list[tuple[str, list[str], list[str] | None]] | None:
        self.thread.join()
        return self.answer


def _serve(request: dict[str, Any], out: Any) -> None:
    """The second process: each folder of the subtrees, in walk order, with the parts found
    unchanged (``same``) or null when any part differs."""
    suffixes = tuple(request["suffixes"])
    saved: dict[str, dict[str, str]] = request["saved"]
    count = 0
    for path, relative in request["subtrees"]:
        for listing in scan_folders(Path(path), suffixes, relative):
            same = unchanged_parts(
                listing, saved.get(listing.folder, {}), request["part_files"],
                request["part_cut"],
            )  # fmt: skip
            line = {"folder": listing.folder, "maildirs": listing.maildirs, "same": same}
            out.write(json.dumps(line) + "\n")
            count += 1
    out.write(json.dumps({"done": count}) + "\n")


if __name__ == "__main__":
    _serve(json.load(sys.stdin), sys.stdout)
