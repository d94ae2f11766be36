"""Which files of a folder source are new or changed since they were recorded, for the cost of
a stat per file when nothing is.

Every file's (size, mtime_ns) is still compared with what ``ingested_files`` recorded, so a
file modified in place, or an mbox that grew, is read again exactly as before. What is saved
is the look-up: a *part* of a folder (the whole folder, or in a folder of more than
``PART_FILES`` files a run of about a thousand names) whose files were all found recorded with
the stamps they still have is remembered as a digest of its (name, size, mtime_ns)
(``folder_digests``). While the listing gives the same digest, no file of the part is looked
up. An idle run at a million files is then a walk, a million stats and one query of about a
thousand digests; memory is one folder's listing and the digests of one source.

Why this is safe: a digest is written only after its files were checked against the
database (never from what is about to be read, so a failed chunk or a crash cannot hide a
file); ``ingested_files`` rows change only when a file is read again, and the part's digest is
deleted before its files are handed out, so a file later restored to a size and mtime it had
once is compared with its latest record, as without digests. Deleting ``ingested_files`` rows by
hand to force a re-read must delete the source's ``folder_digests`` rows too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from triage.ingest.folder_listing import (
    UnchangedFolder,
    checked_listings,
    files_digest,
    parts,
)
from triage.ingest.folder_source import iter_files
from triage.services.database import session_scope
from triage.store import folder_digests as digests
from triage.store import repository as repo

FileStamp = tuple[str, int, int]  # relative path, size, mtime_ns
PART_FILES = 4096  # a folder of up to this many files is one part
PART_CUT = 1023  # larger: a part ends after a name whose crc32 has these bits 0 (~1,024 names)
SAVE_EVERY = 500  # checked parts are written in batches of this many
CHECK_EVERY = 10_000  # files handed out, held for their check after they were read


@dataclass(slots=True)
class Handed:
    """A part whose new or changed files were handed out to be read: checked once read."""

    folder: str
    part: str
    digest: str
    stamps: list[FileStamp]  # the files handed out, as listed
    tried: bool = False  # checked once already (some were still being read)


def file_stamp(path: Path, base: Path) -> FileStamp | None:
    """A file's (path, size, mtime); a Maildir is re-read every run (-1, -1 never matches)."""
    relative = path.relative_to(base).as_posix()
    if path.is_dir():
        return relative, -1, -1
    try:
        info = path.stat()
    except OSError:
        return None  # gone since the listing: nothing to read
    return relative, info.st_size, info.st_mtime_ns


def changed_root(
    root: Path, base: Path, source: str, database_url: str | None, suffixes: tuple[str, ...]
) -> Iterator[str]:
    """A source that is one file or one Maildir: that entry, unless read already unchanged."""
    stamps = [s for path in iter_files(root, suffixes) if (s := file_stamp(path, base))]
    with session_scope(database_url) as session:
        known = repo.known_files(session, source, [s[0] for s in stamps])
    for relative, size, mtime_ns in stamps:
        if size < 0 or known.get(relative) != (size, mtime_ns):
            yield relative


class FolderChanges:
    """The new or changed files of a folder source (``paths``), in listing order.

    The caller calls ``settle`` after each chunk it has read and ``finish`` after the last:
    parts whose files were handed out are checked then (a second look-up of those files only,
    against what was just recorded) and their digests saved, so the run after an ingest is
    already idle-cheap. A part whose files are still being read elsewhere (Dask) fails the
    check and is simply looked up by the next run."""

    def __init__(
        self, base: Path, source: str, database_url: str | None, suffixes: tuple[str, ...]
    ) -> None:
        self.base, self.source, self.url, self.suffixes = base, source, database_url, suffixes
        self.saved: dict[digests.Part, str] = {}
        self.checked: list[tuple[str, str, str]] = []  # folder, part, digest: to save
        self.handed: list[Handed] = []  # parts with files handed out, to check once read
        self.handed_files = 0
        self.listed = False

    def paths(self) -> Iterator[str]:
        """Relative paths of the Maildirs (always re-read) and of the files new or changed."""
        with session_scope(self.url) as session:
            self.saved = digests.folder_digests(session, self.source)
        saved_by_folder: dict[str, dict[str, str]] = {}
        for (folder, part), digest in self.saved.items():
            saved_by_folder.setdefault(folder, {})[part] = digest
        listings = checked_listings(
            self.base, self.suffixes, saved_by_folder, PART_FILES, PART_CUT
        )
        for listing in listings:
            if isinstance(listing, UnchangedFolder):  # checked by the second process
                yield from map(listing.path, listing.maildirs)
                for part in listing.parts:
                    del self.saved[(listing.folder, part)]
                continue
            yield from map(listing.path, listing.maildirs)
            for part, entries in parts(listing.files, PART_FILES, PART_CUT):
                digest = files_digest(entries)
                before = self.saved.pop((listing.folder, part), None)
                if digest == before:
                    continue
                stamps = [(listing.path(n), size, m) for n, size, m in entries]
                new = self._unrecorded(stamps)
                if not new:
                    self._checked(listing.folder, part, digest)
                    continue
                if before is not None:  # before its files can be recorded again
                    self._forget([(listing.folder, part)])
                self.handed.append(Handed(listing.folder, part, digest, new))
                self.handed_files += len(new)
                yield from (relative for relative, _size, _mtime in new)
        self.listed = True

    def settle(self) -> None:
        """Check the parts handed out once enough files wait (memory stays bounded). The
        last part may not be all handed out yet, and a part still being read (Dask) fails:
        both wait for the next check; a part failing twice is left to the next run."""
        if self.handed_files >= CHECK_EVERY:
            *ready, last = self.handed
            self.handed = [h for h in ready if not self._check(h) and not h.tried]
            for waiting in self.handed:
                waiting.tried = True
            self.handed.append(last)
            self.handed_files = sum(len(h.stamps) for h in self.handed)

    def finish(self) -> None:
        """After the last chunk was read: check, save, and forget parts no longer listed."""
        for handed in self.handed:
            self._check(handed)
        self.handed, self.handed_files = [], 0
        self._save()
        if self.listed and self.saved:  # a folder moved away, a part boundary gone
            self._forget(list(self.saved))
            self.saved = {}

    def _unrecorded(self, stamps: list[FileStamp]) -> list[FileStamp]:
        with session_scope(self.url) as session:
            known = repo.known_files(session, self.source, [s[0] for s in stamps])
        return [s for s in stamps if known.get(s[0]) != s[1:]]

    def _check(self, handed: Handed) -> bool:
        if self._unrecorded(handed.stamps):
            return False
        self._checked(handed.folder, handed.part, handed.digest)
        return True

    def _checked(self, folder: str, part: str, digest: str) -> None:
        self.checked.append((folder, part, digest))
        if len(self.checked) >= SAVE_EVERY:
            self._save()

    def _forget(self, parts: list[digests.Part]) -> None:
        with session_scope(self.url) as session:
            digests.forget_folder_digests(session, self.source, parts)

    def _save(self) -> None:
        if self.checked:
            with session_scope(self.url) as session:
                digests.save_folder_digests(session, self.source, self.checked, datetime.now(UTC))
            self.checked = []
