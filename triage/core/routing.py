"""Routing rules as validated data, and the pure decision they make.

First match wins, and the rule that fired is the explanation staff see. A fallback owner is
mandatory so that no message is ever left without one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from triage.core.types import (
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
)


class RoutingRulesError(ValueError):
    """The routing file does not validate."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    when: Mapping[str, frozenset[str]]
    owner: str
    team: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class DeadlinePolicy:
    """Calendar days per deadline kind; business-hours calendars come with the routing issue."""

    acknowledge: float
    respond: float
    close_loop: float


@dataclass(frozen=True, slots=True)
class RoutingRules:
    version: str
    rules: tuple[Rule, ...]
    fallback: Rule
    owners: Mapping[str, str]  # owner id -> team
    deadlines: Mapping[str, DeadlinePolicy]  # by priority


@dataclass(frozen=True, slots=True)
class RoutingFacts:
    """What a rule may match on, all as lower-case strings."""

    values: Mapping[str, frozenset[str]]


def facts_for(
    classification: Classification,
    *,
    channel: str,
    sender_address: str,
    regions: Sequence[str] = (),
    sub_regions: Sequence[str] = (),
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
    }
    return RoutingFacts(values)


def _matches(rule: Rule, facts: RoutingFacts) -> bool:
    return all(facts.values.get(key, frozenset()) & wanted for key, wanted in rule.when.items())


def decide(rules: RoutingRules, facts: RoutingFacts) -> RoutingDecision:
    """Exactly one owner for every message: the first matching rule, else the fallback."""
    for rule in rules.rules:
        if _matches(rule, facts):
            return _decision(rule, rules.version)
    return _decision(rules.fallback, rules.version)


def _decision(rule: Rule, version: str) -> RoutingDecision:
    conditions = "; ".join(f"{k} in {sorted(v)}" for k, v in rule.when.items()) or "always"
    explanation = f"rule '{rule.id}' ({conditions})"
    if rule.description:
        explanation += f": {rule.description}"
    return RoutingDecision(rule.owner, rule.team, rule.id, explanation, version)


def deadlines_for(rules: RoutingRules, priority: str, received_at: datetime) -> list[Deadline]:
    """Deadlines in calendar days from the server's receipt time (never the Date: header)."""
    if received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    policy = rules.deadlines[priority]
    name = f"calendar_days/{priority}"
    return [
        Deadline(DeadlineKind.ACKNOWLEDGE, received_at + timedelta(days=policy.acknowledge), name),
        Deadline(DeadlineKind.RESPOND, received_at + timedelta(days=policy.respond), name),
        Deadline(DeadlineKind.CLOSE_LOOP, received_at + timedelta(days=policy.close_loop), name),
    ]


def _parse_rule(raw: Any, owners: Mapping[str, str], where: str) -> Rule:
    if not isinstance(raw, Mapping):
        raise RoutingRulesError(f"{where}: must be a mapping")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RoutingRulesError(f"{where}: needs an 'id'")
    owner = raw.get("owner")
    if owner not in owners:
        raise RoutingRulesError(f"rule '{rule_id}': unknown owner {owner!r}")
    when_raw = raw.get("when", {}) or {}
    if not isinstance(when_raw, Mapping):
        raise RoutingRulesError(f"rule '{rule_id}': 'when' must be a mapping")
    when: dict[str, frozenset[str]] = {}
    for key, value in when_raw.items():
        if key not in MATCH_KEYS:
            raise RoutingRulesError(f"rule '{rule_id}': cannot match on {key!r}")
        items = value if isinstance(value, list) else [value]
        if not items:
            raise RoutingRulesError(f"rule '{rule_id}': empty list for {key!r}")
        when[key] = frozenset(str(v).lower() if key != "rights_issue" else str(v) for v in items)
    return Rule(rule_id, when, owner, owners[owner], str(raw.get("description", "")))


def parse_routing_rules(data: Any) -> RoutingRules:
    if not isinstance(data, Mapping):
        raise RoutingRulesError("routing file must be a mapping")
    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise RoutingRulesError("routing file needs a string 'version'")
    owners_raw = data.get("owners")
    if not isinstance(owners_raw, Mapping) or not owners_raw:
        raise RoutingRulesError("routing file needs 'owners' (id: {team: ...})")
    owners: dict[str, str] = {}
    for owner_id, spec in owners_raw.items():
        team = spec.get("team") if isinstance(spec, Mapping) else None
        if not isinstance(team, str) or not team:
            raise RoutingRulesError(f"owner '{owner_id}' needs a team")
        owners[str(owner_id)] = team
    if "fallback" not in data:
        raise RoutingRulesError("routing file needs a 'fallback' owner")
    fallback_raw = data["fallback"]
    if not isinstance(fallback_raw, Mapping) or "when" in fallback_raw:
        raise RoutingRulesError("'fallback' must be {owner: ...} with no conditions")
    fallback = _parse_rule({"id": "fallback", **fallback_raw}, owners, "fallback")
    rules_raw = data.get("rules", []) or []
    if not isinstance(rules_raw, list):
        raise RoutingRulesError("'rules' must be a list")
    rules = tuple(_parse_rule(r, owners, f"rules[{i}]") for i, r in enumerate(rules_raw))
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids) or "fallback" in ids:
        raise RoutingRulesError("rule ids must be unique and not 'fallback'")
    deadlines_raw = data.get("deadlines")
    if not isinstance(deadlines_raw, Mapping):
        raise RoutingRulesError("routing file needs 'deadlines' per priority")
    deadlines: dict[str, DeadlinePolicy] = {}
    for priority in PRIORITIES:
        spec = deadlines_raw.get(priority)
        if not isinstance(spec, Mapping):
            raise RoutingRulesError(f"deadlines: missing priority {priority!r}")
        try:
            policy = DeadlinePolicy(
                float(spec["acknowledge"]), float(spec["respond"]), float(spec["close_loop"])
            )
        except (KeyError, TypeError, ValueError):
            raise RoutingRulesError(
                f"deadlines.{priority}: needs acknowledge, respond, close_loop in days"
            ) from None
        if not 0 < policy.acknowledge <= policy.respond <= policy.close_loop:
            raise RoutingRulesError(
                f"deadlines.{priority}: need 0 < acknowledge <= respond <= close_loop"
            )
        deadlines[priority] = policy
    return RoutingRules(version, rules, fallback, owners, deadlines)
