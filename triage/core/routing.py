"""Routing rules as validated data, and the pure decision they make.

A rule matches on labels and message facts and names a team (or a person); the person is then
chosen by skills and load (``owners.choose_person``). Every decision records the rule that
fired and why that person, which is the explanation staff see. A fallback is mandatory, so no
message is ever left without exactly one owner.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from triage.core.business_time import BusinessCalendar, add_business_time, always_open
from triage.core.owners import (
    Absence,
    Candidate,
    CaseNeeds,
    Person,
    Team,
    choose_person,
    fallback_chain,
)
from triage.core.types import (
    KINDS,
    PRIORITIES,
    Classification,
    Deadline,
    DeadlineKind,
    RoutingDecision,
)

MATCH_KEYS = (
    "rights_issue",
    "challenge",
    "countries",
    "region",
    "sub_region",
    "global_south",
    "language",
    "priority",
    "kind",
    "channel",
    "sender_domain",
    "organisation",
)
CLOCKS = ("business", "24x7")


class RoutingRulesError(ValueError):
    """The routing file does not validate."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    when: Mapping[str, frozenset[str]]
    team: str
    person: str | None = None
    restricted_to: tuple[str, ...] = ()
    weight: int = 0
    description: str = ""


@dataclass(frozen=True, slots=True)
class DeadlinePolicy:
    clock: str
    acknowledge: timedelta
    respond: timedelta
    close_loop: timedelta


@dataclass(frozen=True)
class RoutingRules:
    version: str
    strategy: str
    rules: tuple[Rule, ...]
    fallback: Rule
    teams: Mapping[str, Team]
    people: Mapping[str, Person]
    calendars: Mapping[str, BusinessCalendar]
    deadlines: Mapping[str, DeadlinePolicy]
    kind_deadlines: Mapping[str, DeadlinePolicy] = field(default_factory=dict)
    at_risk_share: float = 0.75
    staff_domains: frozenset[str] = frozenset()  # mail from these is the team's own reply

    @property
    def owners(self) -> Mapping[str, str]:
        """Person id -> team id (every possible owner)."""
        return {p.id: p.team for p in self.people.values()}


@dataclass(frozen=True, slots=True)
class RoutingFacts:
    """What a rule may match on, all lower-case strings (label ids as they are)."""

    values: Mapping[str, frozenset[str]]


def facts_for(
    classification: Classification,
    *,
    channel: str,
    sender_address: str,
    regions: Sequence[str] = (),
    sub_regions: Sequence[str] = (),
    organisation: str | None = None,
) -> RoutingFacts:
    domain = sender_address.rsplit("@", 1)[-1].lower() if "@" in sender_address else ""
    gs = classification.global_south
    values = {
        "rights_issue": frozenset(classification.rights_issue),
        "challenge": frozenset(classification.challenge),
        "countries": frozenset(c.lower() for c in classification.countries),
        "region": frozenset(r.lower() for r in regions),
        "sub_region": frozenset(r.lower() for r in sub_regions),
        "global_south": frozenset() if gs is None else frozenset({str(gs).lower()}),
        "language": frozenset({classification.language}),
        "priority": frozenset({classification.priority}),
        "kind": frozenset({classification.kind}),
        "channel": frozenset({channel}),
        "sender_domain": frozenset({domain}) if domain else frozenset(),
        "organisation": frozenset({organisation.lower()}) if organisation else frozenset(),
    }
    return RoutingFacts(values)


_NOTHING: frozenset[str] = frozenset()


def _matches(rule: Rule, facts: RoutingFacts) -> bool:
    values = facts.values
    for key, wanted in rule.when.items():
        if values.get(key, _NOTHING).isdisjoint(wanted):
            return False
    return True


def select_rule(rules: RoutingRules, facts: RoutingFacts) -> Rule:
    """First match, or (strategy ``scored``) the heaviest then most specific match."""
    if rules.strategy == "first_match":
        return next((r for r in rules.rules if _matches(r, facts)), rules.fallback)
    matching = [r for r in rules.rules if _matches(r, facts)]
    if not matching:
        return rules.fallback
    if rules.strategy == "first_match":
        return matching[0]
    return max(enumerate(matching), key=lambda e: (e[1].weight, len(e[1].when), -e[0]))[1]


def decide(
    rules: RoutingRules,
    facts: RoutingFacts,
    *,
    needs: CaseNeeds,
    load: Mapping[str, int] | None = None,
) -> RoutingDecision:
    """Exactly one owner for every message, and the reasons for it."""
    load = load or {}
    rule = select_rule(rules, facts)
    team = rules.teams[rule.team]
    candidate: Candidate | None = None
    if rule.person:
        person = rules.people[rule.person]
        if not person.away_on(needs.day):
            candidate = Candidate(person, "named in the rule")
    elif rule.restricted_to:
        candidate = choose_person(team, rules.people, load, needs, allowed=rule.restricted_to)
    else:
        candidate = choose_person(team, rules.people, load, needs)
    if candidate is None and not rule.restricted_to:
        candidate = fallback_chain(team, rules.people, needs)
    if candidate is None:
        candidate = _last_resort(rules, needs, rule)
    return RoutingDecision(
        owner=candidate.person.id,
        team=candidate.person.team,
        rule_id=rule.id,
        explanation=_explain(rule, candidate),
        rules_version=rules.version,
        confidential=bool(rule.restricted_to),
    )


def _last_resort(rules: RoutingRules, needs: CaseNeeds, rule: Rule) -> Candidate:
    fallback_team = rules.teams[rules.fallback.team]
    if rule.restricted_to:  # confidential: only the named people, even if away
        found = fallback_chain(
            Team(rule.team, rule.restricted_to[0], rule.restricted_to), rules.people, needs
        )
        if found is not None:
            return found
        return Candidate(rules.people[rule.restricted_to[0]], "all named people are away")
    found = choose_person(fallback_team, rules.people, {}, needs) or fallback_chain(
        fallback_team, rules.people, needs
    )
    if found is not None:
        return Candidate(found.person, f"fallback team: {found.reason}")
    lead = rules.people[fallback_team.lead]
    return Candidate(lead, "everyone is away: the fallback team lead")


def _explain(rule: Rule, candidate: Candidate) -> str:
    conditions = "; ".join(f"{k} in {sorted(v)}" for k, v in rule.when.items()) or "always"
    text = f"rule '{rule.id}' ({conditions}) → team {rule.team}"
    if rule.description:
        text += f" [{rule.description}]"
    return f"{text} → {candidate.person.id} ({candidate.reason})"


def policy_for(rules: RoutingRules, priority: str, kind: str) -> DeadlinePolicy:
    return rules.kind_deadlines.get(kind) or rules.deadlines[priority]


def calendar_for(rules: RoutingRules, owner: str, policy: DeadlinePolicy) -> BusinessCalendar:
    if policy.clock == "24x7":
        return always_open()
    return rules.calendars[rules.people[owner].calendar]


def deadlines_for(
    rules: RoutingRules, priority: str, kind: str, owner: str, received_at: datetime
) -> list[Deadline]:
    """Deadlines from the server's receipt time, on the owner's calendar (24/7 when critical)."""
    if received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    policy = policy_for(rules, priority, kind)
    calendar = calendar_for(rules, owner, policy)
    name = f"{policy.clock}/{priority}/{kind}"
    return [
        Deadline(kind_, add_business_time(calendar, received_at, span), name, calendar.name)
        for kind_, span in (
            (DeadlineKind.ACKNOWLEDGE, policy.acknowledge),
            (DeadlineKind.RESPOND, policy.respond),
            (DeadlineKind.CLOSE_LOOP, policy.close_loop),
        )
    ]


# ---------------------------------------------------------------- parsing the routing file

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([hd])\s*$")


def parse_duration(value: Any, clock: str) -> timedelta:
    """``8h`` is eight hours on the policy's clock; ``3d`` is three days of it (24 h each on the
    24/7 clock, eight open hours each on a business clock)."""
    match = _DURATION.match(str(value))
    if not match:
        raise RoutingRulesError(f"bad duration {value!r}: use e.g. '8h' or '3d'")
    amount, unit = float(match.group(1)), match.group(2)
    hours = amount if unit == "h" else amount * (24 if clock == "24x7" else 8)
    if hours <= 0:
        raise RoutingRulesError(f"duration {value!r} must be positive")
    return timedelta(hours=hours)


def _as_set(values: Any, what: str) -> frozenset[str]:
    items = values if isinstance(values, list) else [] if values is None else [values]
    if not all(isinstance(v, str | bool | int) for v in items):
        raise RoutingRulesError(f"{what}: expected a list of strings")
    return frozenset(str(v).lower() if not isinstance(v, str) else v for v in items)


def _parse_date(value: Any, what: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RoutingRulesError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None


def _parse_people(raw: Any, calendars: Mapping[str, BusinessCalendar]) -> dict[str, Person]:
    if not isinstance(raw, Mapping) or not raw:
        raise RoutingRulesError("routing file needs 'people'")
    people: dict[str, Person] = {}
    for pid, spec in raw.items():
        if not isinstance(spec, Mapping):
            raise RoutingRulesError(f"person '{pid}' must be a mapping")
        team = spec.get("team")
        calendar = spec.get("calendar")
        if not isinstance(team, str) or not team:
            raise RoutingRulesError(f"person '{pid}' needs a team")
        if calendar not in calendars:
            raise RoutingRulesError(f"person '{pid}': unknown calendar {calendar!r}")
        capacity = spec.get("capacity", 20)
        if not isinstance(capacity, int) or capacity < 1:
            raise RoutingRulesError(f"person '{pid}': capacity must be a positive integer")
        absences = []
        for n, period in enumerate(spec.get("away", []) or []):
            if not isinstance(period, Mapping):
                raise RoutingRulesError(f"person '{pid}': away[{n}] needs from and to")
            start = _parse_date(period.get("from"), f"person '{pid}' away[{n}].from")
            end = _parse_date(period.get("to"), f"person '{pid}' away[{n}].to")
            if end < start:
                raise RoutingRulesError(f"person '{pid}': away[{n}] ends before it starts")
            absences.append(Absence(start, end))
        people[str(pid)] = Person(
            id=str(pid),
            name=str(spec.get("name", pid)),
            team=team,
            roles=_as_set(spec.get("roles", ["owner"]), f"person '{pid}'.roles"),
            languages=_as_set(spec.get("languages", []), f"person '{pid}'.languages"),
            regions=frozenset(
                r.lower() for r in _as_set(spec.get("regions", []), f"person '{pid}'.regions")
            ),
            issues=_as_set(spec.get("issues", []), f"person '{pid}'.issues"),
            calendar=str(calendar),
            capacity=capacity,
            backup=spec.get("backup"),
            absences=tuple(absences),
            email=_parse_email(spec.get("email", ""), f"person '{pid}'.email"),
        )
    for person in people.values():
        if person.backup is not None and person.backup not in people:
            raise RoutingRulesError(f"person '{person.id}': unknown backup {person.backup!r}")
    return people


def _parse_email(value: Any, where: str) -> str:
    if value in (None, ""):
        return ""
    if not isinstance(value, str) or not re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", value):
        raise RoutingRulesError(f"{where}: not an e-mail address")
    return value


def _parse_teams(raw: Any, people: Mapping[str, Person]) -> dict[str, Team]:
    if not isinstance(raw, Mapping) or not raw:
        raise RoutingRulesError("routing file needs 'teams'")
    teams: dict[str, Team] = {}
    for tid, spec in raw.items():
        lead = spec.get("lead") if isinstance(spec, Mapping) else None
        if lead not in people:
            raise RoutingRulesError(f"team '{tid}': lead {lead!r} is not a person")
        members = tuple(sorted(p.id for p in people.values() if p.team == tid))
        if not members:
            raise RoutingRulesError(f"team '{tid}' has no members")
        teams[str(tid)] = Team(str(tid), str(lead), members)
    for person in people.values():
        if person.team not in teams:
            raise RoutingRulesError(f"person '{person.id}': unknown team {person.team!r}")
    return teams


def _parse_rule(
    raw: Any, teams: Mapping[str, Team], people: Mapping[str, Person], where: str
) -> Rule:
    if not isinstance(raw, Mapping):
        raise RoutingRulesError(f"{where}: must be a mapping")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RoutingRulesError(f"{where}: needs an 'id'")
    team, person = raw.get("team"), raw.get("person")
    if person is not None:
        if person not in people:
            raise RoutingRulesError(f"rule '{rule_id}': unknown person {person!r}")
        team = team or people[person].team
    if team not in teams:
        raise RoutingRulesError(f"rule '{rule_id}': unknown team {team!r}")
    restricted = tuple(raw.get("restricted_to", []) or [])
    unknown = [p for p in restricted if p not in people]
    if unknown:
        raise RoutingRulesError(f"rule '{rule_id}': restricted_to names unknown people {unknown}")
    when_raw = raw.get("when", {}) or {}
    if not isinstance(when_raw, Mapping):
        raise RoutingRulesError(f"rule '{rule_id}': 'when' must be a mapping")
    when: dict[str, frozenset[str]] = {}
    for key, value in when_raw.items():
        if key not in MATCH_KEYS:
            raise RoutingRulesError(f"rule '{rule_id}': cannot match on {key!r}")
        values = _as_set(value, f"rule '{rule_id}'.{key}")
        if not values:
            raise RoutingRulesError(f"rule '{rule_id}': empty list for {key!r}")
        keep_case = key in ("rights_issue", "challenge", "priority", "kind", "language")
        when[key] = values if keep_case else frozenset(v.lower() for v in values)
    weight = raw.get("weight", 0)
    if not isinstance(weight, int):
        raise RoutingRulesError(f"rule '{rule_id}': weight must be an integer")
    return Rule(
        rule_id, when, str(team), person, restricted, weight, str(raw.get("description", ""))
    )


def _parse_policy(spec: Any, where: str) -> DeadlinePolicy:
    if not isinstance(spec, Mapping):
        raise RoutingRulesError(f"{where}: needs clock, acknowledge, respond, close_loop")
    clock = spec.get("clock", "business")
    if clock not in CLOCKS:
        raise RoutingRulesError(f"{where}: clock must be one of {CLOCKS}")
    try:
        policy = DeadlinePolicy(
            clock,
            parse_duration(spec["acknowledge"], clock),
            parse_duration(spec["respond"], clock),
            parse_duration(spec["close_loop"], clock),
        )
    except KeyError as exc:
        raise RoutingRulesError(f"{where}: missing {exc.args[0]}") from None
    if not policy.acknowledge <= policy.respond <= policy.close_loop:
        raise RoutingRulesError(f"{where}: need acknowledge <= respond <= close_loop")
    return policy


def parse_routing_rules(data: Any, calendars: Mapping[str, BusinessCalendar]) -> RoutingRules:
    """Validate a loaded routing file; calendars are built by the caller (they need holidays)."""
    if not isinstance(data, Mapping):
        raise RoutingRulesError("routing file must be a mapping")
    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise RoutingRulesError("routing file needs a string 'version'")
    strategy = data.get("strategy", "first_match")
    if strategy not in ("first_match", "scored"):
        raise RoutingRulesError("strategy must be 'first_match' or 'scored'")
    people = _parse_people(data.get("people"), calendars)
    teams = _parse_teams(data.get("teams"), people)
    if "fallback" not in data:
        raise RoutingRulesError("routing file needs a 'fallback' team")
    fallback_raw = data["fallback"]
    if not isinstance(fallback_raw, Mapping) or "when" in fallback_raw:
        raise RoutingRulesError("'fallback' must be {team: ...} with no conditions")
    fallback = _parse_rule({"id": "fallback", **fallback_raw}, teams, people, "fallback")
    rules_raw = data.get("rules", []) or []
    if not isinstance(rules_raw, list):
        raise RoutingRulesError("'rules' must be a list")
    rules = tuple(_parse_rule(r, teams, people, f"rules[{i}]") for i, r in enumerate(rules_raw))
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids) or "fallback" in ids:
        raise RoutingRulesError("rule ids must be unique and not 'fallback'")
    deadlines_raw = data.get("deadlines")
    if not isinstance(deadlines_raw, Mapping):
        raise RoutingRulesError("routing file needs 'deadlines' per priority")
    deadlines = {}
    for priority in PRIORITIES:
        if priority not in deadlines_raw:
            raise RoutingRulesError(f"deadlines: missing priority {priority!r}")
        deadlines[priority] = _parse_policy(deadlines_raw[priority], f"deadlines.{priority}")
    kind_raw = data.get("kind_deadlines", {}) or {}
    kind_deadlines = {}
    for kind, spec in kind_raw.items():
        if kind not in KINDS:
            raise RoutingRulesError(f"kind_deadlines: unknown kind {kind!r}")
        kind_deadlines[kind] = _parse_policy(spec, f"kind_deadlines.{kind}")
    share = data.get("at_risk_share", 0.75)
    if not isinstance(share, int | float) or not 0 < share < 1:
        raise RoutingRulesError("at_risk_share must be between 0 and 1")
    domains = data.get("staff_domains", []) or []
    if not isinstance(domains, list) or not all(
        isinstance(d, str) and "." in d and "@" not in d for d in domains
    ):
        raise RoutingRulesError("staff_domains must be a list of domain names")
    return RoutingRules(
        version, strategy, rules, fallback, teams, people, dict(calendars), deadlines,
        kind_deadlines, float(share), frozenset(d.lower().strip(".") for d in domains),
    )  # fmt: skip


def parse_hours(spec: Any, where: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """``{mon-fri: "09:00-12:30, 13:30-17:00", sat: "10:00-14:00"}`` to seven interval lists."""
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    week: list[list[tuple[int, int]]] = [[] for _ in names]
    if not isinstance(spec, Mapping):
        raise RoutingRulesError(f"{where}: hours must map days to 'HH:MM-HH:MM' ranges")
    for days, ranges in spec.items():
        first, _, last = str(days).partition("-")
        if first not in names or (last and last not in names):
            raise RoutingRulesError(f"{where}: bad day range {days!r}")
        span = range(names.index(first), names.index(last or first) + 1)
        for chunk in str(ranges).split(","):
            match = re.match(r"^\s*(\d\d):(\d\d)\s*-\s*(\d\d):(\d\d)\s*$", chunk)
            if not match:
                raise RoutingRulesError(f"{where}: bad time range {chunk!r}")
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            interval = (h1 * 60 + m1, h2 * 60 + m2)
            if not 0 <= interval[0] < interval[1] <= 1440 or m1 > 59 or m2 > 59:
                raise RoutingRulesError(f"{where}: bad time range {chunk!r}")
            for index in span:
                week[index].append(interval)
    return tuple(tuple(sorted(day)) for day in week)
