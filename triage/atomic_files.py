"""Files that are either entirely there or not there at all.

A report, a model manifest or the promoted-model pointer read back half-written is worse than
a missing one: it looks done. Each is written to a hidden sibling, flushed to disk, then
renamed over the final name (``os.replace`` is atomic on one file system), so a crash at any
point leaves the old file or the new one, never a mix.
"""

from __future__ import annotations

import os
from pathlib import Path

from triage.faults import crash_point


def partial_path(path: Path) -> Path:
    """The hidden sibling a file is written to first; a rerun overwrites any left by a crash."""
    return path.with_name(f".{path.name}.partial")


def write_bytes_atomic(path: Path, data: bytes, point: str = "mid_write") -> Path:
    """``point`` names the crash point half-way through the write (see ``triage.faults``)."""
    partial = partial_path(path)
    with open(partial, "wb") as handle:
        half = len(data) // 2
        handle.write(data[:half])
        handle.flush()
        crash_point(point)
        handle.write(data[half:])
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)
    _sync_directory(path.parent)
    return path


def write_text_atomic(path: Path, text: str, point: str = "mid_write") -> Path:
    return write_bytes_atomic(path, text.encode("utf-8"), point)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (a power cut right after must not undo it)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
