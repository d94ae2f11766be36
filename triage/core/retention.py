"""How long text is kept: per channel and per case status, validated when loaded.

Pure values and arithmetic (no clock: ``now`` is passed in). A rule names a channel and a
status ("*" for any) and a number of days, counted from the moment the case reached that
status: closing for ``closed``, the last change for the others. The most specific rule wins
(channel and status named, then one of them, then neither). Messages that never opened a
case (automatic mail, the team's own mail) and quarantined items have their own periods,
counted from receipt and from quarantine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from triage.core.types import CaseStatus, Channel

ANY = "*"
DEFAULT_DAYS = 90


@dataclass(frozen=True, slots=True)
class RetentionRule:
    channel: str
    status: str
    days: int

    def specificity(self) -> int:
        return (self.channel != ANY) * 2 + (self.status != ANY)


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    version: str
    rules: tuple[RetentionRule, ...]
    warn_days: int = 7
    unlinked_days: int = DEFAULT_DAYS
    quarantine_days: int = 30

    def days_for(self, channel: str, status: str) -> int | None:
        """Days the text of a case on ``channel`` in ``status`` is kept; None: kept while
        the case is in that status (open cases are never purged unless a rule says so)."""
        found = [r for r in self.rules if r.channel in (ANY, channel) and r.status in (ANY, status)]
        if not found:
            return None
        return max(found, key=RetentionRule.specificity).days

    def purge_at(
        self, channel: str, status: str, closed_at: datetime | None, updated_at: datetime
    ) -> datetime | None:
        """When the case's text is due for deletion, or None if it is not."""
        days = self.days_for(channel, status)
        if days is None:
            return None
        start = closed_at if status == CaseStatus.CLOSED and closed_at else updated_at
        return start + timedelta(days=days)


def _days(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 36500:
        raise ValueError(f"{where}: days must be a whole number from 0 to 36500")
    return value


def parse_retention(data: Any) -> RetentionPolicy:
    if not isinstance(data, Mapping):
        raise ValueError("a mapping with version and rules is required")
    unknown = set(data) - {"version", "rules", "warn_days", "unlinked_days", "quarantine_days"}
    if unknown:
        raise ValueError(f"unknown keys: {', '.join(sorted(unknown))}")
    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise ValueError("version: a non-empty string is required")
    channels = {str(c) for c in Channel} | {ANY}
    statuses = {str(s) for s in CaseStatus} | {ANY}
    rules = []
    seen: set[tuple[str, str]] = set()
    for i, raw in enumerate(data.get("rules") or []):
        where = f"rules[{i}]"
        if not isinstance(raw, Mapping) or set(raw) - {"channel", "status", "days"}:
            raise ValueError(f"{where}: needs channel, status and days only")
        channel, status = str(raw.get("channel", ANY)), str(raw.get("status", ANY))
        if channel not in channels:
            raise ValueError(f"{where}: unknown channel {channel!r}")
        if status not in statuses:
            raise ValueError(f"{where}: unknown status {status!r}")
        if (channel, status) in seen:
            raise ValueError(f"{where}: a second rule for {channel}/{status}")
        seen.add((channel, status))
        rules.append(RetentionRule(channel, status, _days(raw.get("days"), where)))
    if not rules:
        rules.append(RetentionRule(ANY, str(CaseStatus.CLOSED), DEFAULT_DAYS))
    warn = _days(data.get("warn_days", 7), "warn_days")
    return RetentionPolicy(
        version=version, rules=tuple(rules), warn_days=warn,
        unlinked_days=_days(data.get("unlinked_days", DEFAULT_DAYS), "unlinked_days"),
        quarantine_days=_days(data.get("quarantine_days", 30), "quarantine_days"),
    )  # fmt: skip
