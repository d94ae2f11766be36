"""Who is told when a deadline slips: owner, then backup and team lead; nobody away."""

from __future__ import annotations

from datetime import UTC, date, datetime

from triage.core.escalation import escalation_notices
from triage.core.owners import Absence, Person, Team

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
DUE = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def person(pid: str, backup: str | None = None, away: bool = False) -> Person:
    absences = (Absence(date(2026, 11, 23), date(2026, 12, 4)),) if away else ()
    return Person(
        id=pid, name=pid, team="t", roles=frozenset({"owner"}), languages=frozenset({"en"}),
        regions=frozenset(), issues=frozenset(), calendar="c", capacity=10, backup=backup,
        absences=absences, email=f"{pid}@example.org",
    )  # fmt: skip


def notices(state: str, people: dict[str, Person], owner: str = "ana") -> list[tuple[str, str]]:
    team = Team("t", "lead", tuple(people))
    found = escalation_notices(
        case_id=7, deadline_kind="respond", state=state, due_at=DUE, owner=owner, team=team,
        people=people, now=NOW,
    )  # fmt: skip
    assert len({n.key for n in found}) == len(found)
    assert all(n.case_id == 7 and n.due_at == DUE and n.state == state for n in found)
    return [(n.level, n.recipient) for n in found]


def test_at_risk_tells_the_owner_only() -> None:
    people = {"ana": person("ana", "ben"), "ben": person("ben"), "lead": person("lead")}
    assert notices("at_risk", people) == [("owner", "ana")]


def test_at_risk_goes_to_the_backup_when_the_owner_is_away() -> None:
    people = {"ana": person("ana", "ben", away=True), "ben": person("ben"), "lead": person("lead")}
    assert notices("at_risk", people) == [("backup", "ben")]
    people["ben"] = person("ben", away=True)
    assert notices("at_risk", people) == [("lead", "lead")]


def test_breached_tells_owner_backup_and_lead_once_each() -> None:
    people = {"ana": person("ana", "ben"), "ben": person("ben"), "lead": person("lead")}
    assert notices("breached", people) == [("owner", "ana"), ("backup", "ben"), ("lead", "lead")]
    people = {"lead": person("lead", "lead")}  # the lead owns the case and is their own backup
    assert notices("breached", people, owner="lead") == [("owner", "lead")]


def test_no_notice_for_deadlines_in_time_met_or_paused() -> None:
    people = {"ana": person("ana", "ben"), "ben": person("ben"), "lead": person("lead")}
    for state in ("ok", "met", "paused"):
        assert notices(state, people) == []
