"""Which receipt time to believe: deadlines are computed from it, so a forged or broken clock
must not move them.

A Received: stamp (or a form export's ``submitted_at``) in 2999 would put a case's deadlines
out of reach; one in 1900 would breach them the moment the case opens. Anything outside
[``EARLIEST_RECEIPT``, fallback + ``MAX_CLOCK_SKEW``] is replaced by the fallback, which is
the server's own clock (or the IMAP server's INTERNALDATE). Old archives keep their dates.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

EARLIEST_RECEIPT = datetime(1990, 1, 1, tzinfo=UTC)
MAX_CLOCK_SKEW = timedelta(days=1)  # servers' clocks and time zones disagree by hours, not days


def plausible_receipt(when: datetime, fallback: datetime) -> datetime:
    """``when`` in UTC if it is a believable receipt time, else ``fallback`` in UTC."""
    fallback = fallback.astimezone(UTC)
    try:
        when = when.astimezone(UTC)
    except OverflowError:  # year 9999 in a zone west of UTC, year 1 east of it
        return fallback
    if when < EARLIEST_RECEIPT or when > fallback + MAX_CLOCK_SKEW:
        return fallback
    return when
