"""Who is told when a deadline slips: the owner first, then the backup and the team lead.

A notice is identified by (case, deadline, state, recipient), so a watch that runs every few
minutes, or reruns after a crash, asks for the same notices again and the outbox keeps one of
each. The notice carries the case id, the deadline and a link — never what the sender wrote.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from triage.core.owners import Person, Team

AT_RISK = "at_risk"
BREACHED = "breached"
OWNER = "owner"
BACKUP = "backup"
LEAD = "lead"


@dataclass(frozen=True, slots=True)
class Notice:
    key: str
    case_id: int
    deadline_kind: str
    state: str
    level: str
    recipient: str  # a person id from the routing file
    due_at: datetime


def notice_key(case_id: int, deadline_kind: str, state: str, recipient: str) -> str:
    return f"{case_id}/{deadline_kind}/{state}/{recipient}"


def escalation_notices(
    *,
    case_id: int,
    deadline_kind: str,
    state: str,
    due_at: datetime,
    owner: str,
    team: Team | None,
    people: Mapping[str, Person],
    now: datetime,
) -> list[Notice]:
    """The notices a deadline in ``state`` calls for; none for ``ok``, ``met`` or ``paused``.

    At risk: the first of owner, backup, team lead who is not away today. Breached: all three
    who are not away. Each person appears once, in that order.
    """
    if state not in (AT_RISK, BREACHED):
        return []
    today = now.date()
    person = people.get(owner)
    backup = people.get(person.backup) if person and person.backup else None
    lead = people.get(team.lead) if team else None
    ladder: list[tuple[str, Person | None]] = [(OWNER, person), (BACKUP, backup), (LEAD, lead)]
    available = [
        (level, who) for level, who in ladder if who is not None and not who.away_on(today)
    ]
    if state == AT_RISK:
        available = available[:1]
    notices: list[Notice] = []
    seen: set[str] = set()
    for level, who in available:
        if who.id in seen:
            continue
        seen.add(who.id)
        notices.append(
            Notice(
                key=notice_key(case_id, deadline_kind, state, who.id),
                case_id=case_id,
                deadline_kind=deadline_kind,
                state=state,
                level=level,
                recipient=who.id,
                due_at=due_at,
            )
        )
    return notices
