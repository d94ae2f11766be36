"""Named crash points, so tests can kill the process with SIGKILL exactly where it hurts.

Crash safety is only believable when it is tried: ``TRIAGE_CRASH_AT=name[,name]`` makes the
process kill itself (no cleanup, no ``finally``, like a power cut) when it reaches one of those
points. Unset, a crash point is one dictionary lookup.
"""

from __future__ import annotations

import os
import signal


def crash_point(name: str) -> None:
    wanted = os.environ.get("TRIAGE_CRASH_AT")
    if wanted and name in wanted.split(","):
        os.kill(os.getpid(), signal.SIGKILL)
