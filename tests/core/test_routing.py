"""Routing: exactly one owner, explainable, deadlines from the receipt time."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.config.files import load_routing_rules, packaged, read_yaml
from triage.core.routing import (
    RoutingRulesError,
    deadlines_for,
    decide,
    facts_for,
    parse_routing_rules,
)
from triage.core.taxonomy import CHALLENGES, RIGHTS_ISSUES
from triage.core.types import KINDS, PRIORITIES, Classification, DeadlineKind

RULES = load_routing_rules()


def classification(**overrides) -> Classification:
    values = dict(
        language="en",
        language_confidence=0.99,
        rights_issue=("expression",),
        rights_issue_scores={},
        challenge=(),
        challenge_scores={},
        countries=(),
        sender_country=None,
        regions=(),
        global_south=None,
        priority="normal",
        kind="allegation",
        needs_review=False,
    )
    values.update(overrides)
    return Classification(**values)


def route(c: Classification, regions=(), sub_regions=()):
    facts = facts_for(
        c, channel="email", sender_address="x@example.org", regions=regions,
        sub_regions=sub_regions,
    )  # fmt: skip
    return decide(RULES, facts)


def test_critical_goes_to_rapid_response_with_the_rule_as_explanation() -> None:
    decision = route(classification(priority="critical", rights_issue=("hrd_safety",)))
    assert decision.owner == "rapid-response"
    assert decision.rule_id == "defenders-at-risk"
    assert "defenders-at-risk" in decision.explanation
    assert decision.rules_version == RULES.version


def test_first_match_wins_mena_before_africa() -> None:
    egypt = route(classification(countries=("EG",)), ["Africa"], ["Northern Africa"])
    kenya = route(classification(countries=("KE",)), ["Africa"], ["Sub-Saharan Africa"])
    assert egypt.rule_id == "mena"
    assert kenya.rule_id == "africa"


def test_nothing_matches_goes_to_the_fallback() -> None:
    decision = route(classification(rights_issue=("other",)))
    assert decision.rule_id == "fallback"
    assert decision.owner == "triage-desk"


def test_deadlines_come_from_receipt_time_in_calendar_days() -> None:
    received = datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)
    deadlines = {d.kind: d.due_at for d in deadlines_for(RULES, "normal", received)}
    assert deadlines[DeadlineKind.ACKNOWLEDGE] == received + timedelta(days=3)
    assert deadlines[DeadlineKind.RESPOND] == received + timedelta(days=14)
    assert deadlines[DeadlineKind.CLOSE_LOOP] == received + timedelta(days=60)
    with pytest.raises(ValueError, match="aware"):
        deadlines_for(RULES, "normal", datetime(2026, 1, 1))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("fallback"), "fallback"),
        (lambda d: d["rules"][0].update({"owner": "nobody"}), "unknown owner"),
        (lambda d: d["rules"][0]["when"].update({"colour": ["red"]}), "cannot match"),
        (lambda d: d["rules"].append(dict(d["rules"][0])), "unique"),
        (lambda d: d["deadlines"].pop("low"), "low"),
        (lambda d: d["deadlines"]["high"].update({"respond": 0.5}), "acknowledge <= respond"),
    ],
)
def test_invalid_rules_are_refused(mutate, message: str) -> None:
    data = copy.deepcopy(read_yaml(packaged("routing.yaml")))
    mutate(data)
    with pytest.raises(RoutingRulesError, match=message):
        parse_routing_rules(data)


labels = st.lists(st.sampled_from(RIGHTS_ISSUES), min_size=1, max_size=3, unique=True)
countries = st.lists(st.sampled_from(["KE", "EG", "BR", "DE", "IN", "US"]), max_size=3)
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60)


@settings(max_examples=500, deadline=None)
@given(
    rights=labels,
    challenge=st.lists(st.sampled_from(CHALLENGES), max_size=2, unique=True),
    country_list=countries,
    priority=st.sampled_from(PRIORITIES),
    kind=st.sampled_from(KINDS),
    region=st.lists(st.sampled_from(["Africa", "Asia", "Europe", "Americas"]), max_size=2),
    south=st.sampled_from([None, True, False]),
    received=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    offset=offsets,
)
def test_every_message_gets_one_owner_and_deadlines_after_receipt(
    rights, challenge, country_list, priority, kind, region, south, received, offset
) -> None:
    c = classification(
        rights_issue=tuple(rights), challenge=tuple(challenge), countries=tuple(country_list),
        priority=priority, kind=kind, global_south=south,
    )  # fmt: skip
    decision = route(c, region)
    assert decision.owner in RULES.owners
    assert decision.team == RULES.owners[decision.owner]
    aware = received.replace(tzinfo=timezone(timedelta(minutes=offset)))
    for deadline in deadlines_for(RULES, priority, aware):
        assert deadline.due_at >= aware
