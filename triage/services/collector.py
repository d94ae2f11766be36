"""Python's cyclic garbage collector, set for a process that works through batches.

Why: with the default thresholds (a collection every 700 net allocations) a batch spent a
tenth of its CPU in the collector. Its full passes walked every object the models hold
(vocabulary, gazetteer, lexicon) and every message of the chunk in flight, although almost
nothing there is cyclic garbage: reference counting frees it. In-process, 10,000 messages on
SQLite, three runs each way: 2.4-2.7 s of collection (nine full passes, 1.8-2.0 s), of which
about 1.0 s while routing (7.0 s); with what was loaded frozen and a young collection every
20,000 allocations, 0.3-0.4 s, peak memory the same (439-443 MB). The runs' own CPU varied
with the host (27-35 s) more than that.
"""

from __future__ import annotations

import gc

# Net allocations between young-generation collections (Python's default is 700); the older
# generations keep their defaults (every 10 of the one below).
YOUNG_THRESHOLD = 20_000


_settled = False


def settle_long_lived() -> None:
    """Once per process: freeze what it holds now (imports, loaded models, a Dask scheduler's
    state) out of the collector's passes, and collect less often. Called where a batch
    process has loaded what it keeps and holds little batch data (after loading the models;
    before routing the first chunk): whatever is alive then is never traversed again, so a
    cycle among those objects would never be freed."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
