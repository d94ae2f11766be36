"""People and teams who answer messages, and how one of them is chosen for a case.

A case goes to a team by rule, then to a person by skills: someone who reads the message's
language, covers its region or issue, is not away and has room, the least loaded first. Nobody is
ever chosen while away; when nobody fits, the team lead, then backups, then the fallback.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Absence:
    start: date
    end: date  # inclusive

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    team: str
    roles: frozenset[str]
    languages: frozenset[str]
    regions: frozenset[str]
    issues: frozenset[str]
    calendar: str
    capacity: int
    backup: str | None = None
    absences: tuple[Absence, ...] = ()
    email: str = ""  # where escalation notices go; never the sender's text

    def away_on(self, day: date) -> bool:
        return any(a.covers(day) for a in self.absences)


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    lead: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    person: Person
    reason: str


@dataclass(frozen=True, slots=True)
class CaseNeeds:
    language: str
    regions: frozenset[str]
    issues: frozenset[str]
    day: date  # the receipt day, in UTC; absences are whole days


def _score(person: Person, needs: CaseNeeds) -> tuple[int, int]:
    reads = 1 if needs.language in person.languages else 0
    covers = len(person.regions & needs.regions) + len(person.issues & needs.issues)
    return reads, covers


def choose_person(
    team: Team,
    people: Mapping[str, Person],
    load: Mapping[str, int],
    needs: CaseNeeds,
    allowed: Sequence[str] | None = None,
) -> Candidate | None:
    """The best available member of ``team`` (or of ``allowed``, for confidential cases)."""
    pool = [people[p] for p in (allowed if allowed is not None else team.members) if p in people]
    available = [p for p in pool if not p.away_on(needs.day)]
    with_room = [p for p in available if load.get(p.id, 0) < p.capacity]
    candidates = with_room or available
    if not candidates:
        return None

    def rank(person: Person) -> tuple[int, int, float, str]:
        reads, covers = _score(person, needs)
        ratio = load.get(person.id, 0) / max(person.capacity, 1)
        return (-reads, -covers, ratio, person.id)

    best = min(candidates, key=rank)
    reads, covers = _score(best, needs)
    parts = [f"{load.get(best.id, 0)}/{best.capacity} open"]
    if reads:
        parts.insert(0, f"reads {needs.language}")
    if covers:
        parts.insert(0, "covers the region or issue")
    if not with_room:
        parts.append("everyone is at capacity")
    return Candidate(best, ", ".join(parts))


def fallback_chain(team: Team, people: Mapping[str, Person], needs: CaseNeeds) -> Candidate | None:
    """When no member fits: the lead, then the members' backups, if they are not away."""
    chain = [team.lead] + [people[m].backup for m in team.members if m in people]
    for person_id in chain:
        person = people.get(person_id or "")
        if person is not None and not person.away_on(needs.day):
            role = "team lead" if person_id == team.lead else "backup"
            return Candidate(person, f"{role}: no team member available")
    return None
