"""Named crash points, so tests can kill the process with SIGKILL exactly where it hurts.

Crash safety is only believable when it is tried: ``TRIAGE_CRASH_AT=name[,name]`` makes the
process kill itself (no cleanup, no ``finally``, like a power cut) when it reaches one of those
points; ``name@3`` kills it the third time that point is reached (mid-way through a loop of
chunks or revisions). Unset, a crash point is one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

_reached: dict[str, int] = {}


def crash_point(name: str) -> None:
    wanted = os.environ.get("TRIAGE_CRASH_AT")
    if not wanted:
        return
    for point in wanted.split(","):
        point_name, _, nth = point.partition("@")
        if point_name != name:
            continue
        _reached[name] = _reached.get(name, 0) + 1
        if _reached[name] >= int(nth or 1):
            os.kill(os.getpid(), signal.SIGKILL)
