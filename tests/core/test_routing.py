"""Routing: exactly one owner, never someone away, explainable, deadlines people can trust."""

from __future__ import annotations

import copy
import os
import time
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.config.calendars import build_calendars
from triage.config.files import load_routing_rules, packaged, read_yaml
from triage.core.owners import CaseNeeds
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
DAY = date(2026, 11, 23)


def classification(**overrides) -> Classification:
    values = dict(
        language="en", language_confidence=0.99, rights_issue=("expression",),
        rights_issue_scores={}, challenge=(), challenge_scores={}, countries=(),
        sender_country=None, regions=(), global_south=None, priority="normal",
        kind="allegation", needs_review=False,
    )  # fmt: skip
    values.update(overrides)
    return Classification(**values)


def route(c: Classification, regions=(), sub_regions=(), rules=RULES, load=None, day=DAY):
    facts = facts_for(
        c, channel="email", sender_address="x@example.org", regions=regions,
        sub_regions=sub_regions,
    )  # fmt: skip
    needs = CaseNeeds(c.language, frozenset(r.lower() for r in regions),
                      frozenset(c.rights_issue), day)  # fmt: skip
    return decide(rules, facts, needs=needs, load=load or {})


def test_critical_goes_to_defenders_team_with_the_rule_as_explanation() -> None:
    decision = route(classification(priority="critical", rights_issue=("hrd_safety",)))
    assert decision.team == "defenders-at-risk"
    assert decision.rule_id == "defenders-at-risk"
    assert "defenders-at-risk" in decision.explanation and decision.owner in decision.explanation
    assert decision.rules_version == RULES.version


def test_language_skills_choose_the_person() -> None:
    swahili = route(
        classification(language="sw", countries=("KE",)), ["Africa"], ["Sub-Saharan Africa"]
    )
    portuguese = route(
        classification(language="pt", countries=("MZ",)), ["Africa"], ["Sub-Saharan Africa"]
    )
    assert swahili.owner == "amina.yusuf" and "reads sw" in swahili.explanation
    assert portuguese.owner == "kofi.mensah" and "reads pt" in portuguese.explanation


def test_load_balancing_by_open_items_and_capacity() -> None:
    c = classification(language="es", countries=("MX",))
    args = (["Americas"], ["Latin America and the Caribbean"])
    assert route(c, *args, load={"camila.rocha": 1, "diego.ramirez": 9}).owner == "camila.rocha"
    assert route(c, *args, load={"camila.rocha": 10, "diego.ramirez": 2}).owner == "diego.ramirez"


def test_never_assigned_to_someone_away() -> None:
    data = copy.deepcopy(read_yaml(packaged("routing.yaml")))
    data["people"]["amina.yusuf"]["away"] = [{"from": "2026-11-20", "to": "2026-11-30"}]
    rules = parse_routing_rules(data, build_calendars(data["calendars"]))
    c = classification(language="sw", countries=("KE",))
    assert route(c, ["Africa"], [], rules=rules).owner == "kofi.mensah"
    assert route(c, ["Africa"], [], rules=rules, day=date(2026, 12, 1)).owner == "amina.yusuf"
    data["people"]["kofi.mensah"]["away"] = [{"from": "2026-11-01", "to": "2026-11-30"}]
    rules = parse_routing_rules(data, build_calendars(data["calendars"]))
    decision = route(c, ["Africa"], [], rules=rules)
    assert decision.owner not in {"amina.yusuf", "kofi.mensah"}


def test_confidential_rule_is_restricted_to_named_people() -> None:
    c = classification(challenge=("whistleblower_protection",), language="ar")
    decision = route(c)
    assert decision.confidential
    assert decision.owner in {"lena.fischer", "omar.said"}
    assert decision.owner == "omar.said"  # reads Arabic


def test_mena_before_africa_and_fallback_when_nothing_matches() -> None:
    egypt = route(classification(countries=("EG",)), ["Africa"], ["Northern Africa"])
    assert egypt.rule_id == "mena" and egypt.team == "regional-mena"
    nothing = route(classification(rights_issue=("other",)))
    assert nothing.rule_id == "fallback" and nothing.team == "triage-desk"


def test_scored_strategy_prefers_the_heaviest_then_most_specific_rule() -> None:
    data = copy.deepcopy(read_yaml(packaged("routing.yaml")))
    data["strategy"] = "scored"
    rules = parse_routing_rules(data, build_calendars(data["calendars"]))
    c = classification(rights_issue=("labour",), countries=("KE",))
    assert route(c, ["Africa"], ["Sub-Saharan Africa"], rules=rules).rule_id in {
        "labour-environment", "africa"}  # fmt: skip
    data["rules"][6]["weight"] = 5  # africa
    rules = parse_routing_rules(data, build_calendars(data["calendars"]))
    assert route(c, ["Africa"], ["Sub-Saharan Africa"], rules=rules).rule_id == "africa"


def test_owner_on_leave_golden_case_and_critical_sunday_0300() -> None:
    sunday = datetime(2026, 11, 22, 0, 0, tzinfo=UTC)  # 03:00 in Nairobi
    deadlines = {d.kind: d.due_at for d in deadlines_for(RULES, "critical", "allegation",
                                                         "amina.yusuf", sunday)}  # fmt: skip
    assert deadlines[DeadlineKind.ACKNOWLEDGE] == sunday + timedelta(hours=4)
    assert deadlines[DeadlineKind.RESPOND] == sunday + timedelta(hours=24)


def test_business_deadlines_follow_the_owners_calendar_and_holidays() -> None:
    friday = datetime(2026, 11, 20, 14, 30, tzinfo=UTC)  # 17:30 in Nairobi
    due = {d.kind: d for d in deadlines_for(RULES, "high", "allegation", "amina.yusuf", friday)}
    ack = due[DeadlineKind.ACKNOWLEDGE]
    assert ack.calendar == "nairobi"
    # Monday 08:30-12:30 + 13:30-17:00 is 7.5 h; the 8th hour ends Tuesday 09:00 EAT.
    assert ack.due_at == datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
    christmas_eve = datetime(2026, 12, 23, 16, 30, tzinfo=UTC)  # Wed 17:30 Berlin, closing
    ack = deadlines_for(RULES, "high", "allegation", "lena.fischer", christmas_eve)[0]
    # 24 Dec closure, 25-26 Dec holidays, weekend: Monday 28 Dec 09:00 + 8 h = 17:00 CET.
    assert ack.due_at == datetime(2026, 12, 28, 16, 0, tzinfo=UTC)


def test_deadlines_do_not_depend_on_the_process_tz() -> None:
    received = datetime(2026, 3, 27, 15, 0, tzinfo=UTC)
    before = deadlines_for(RULES, "normal", "allegation", "lena.fischer", received)
    old = os.environ.get("TZ")
    try:
        for zone in ("Pacific/Kiritimati", "America/Anchorage", "Asia/Kathmandu"):
            os.environ["TZ"] = zone
            time.tzset()
            assert deadlines_for(RULES, "normal", "allegation", "lena.fischer", received) == before
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("fallback"), "fallback"),
        (lambda d: d["rules"][0].update({"team": "nobody"}), "unknown team"),
        (lambda d: d["rules"][0].update({"restricted_to": ["ghost"]}), "unknown people"),
        (lambda d: d["rules"][0]["when"].update({"colour": ["red"]}), "cannot match"),
        (lambda d: d["rules"].append(dict(d["rules"][0])), "unique"),
        (lambda d: d["deadlines"].pop("low"), "low"),
        (lambda d: d["deadlines"]["high"].update({"respond": "1h"}), "acknowledge <= respond"),
        (lambda d: d["deadlines"]["high"].update({"respond": "soon"}), "bad duration"),
        (lambda d: d["people"]["kofi.mensah"].update({"calendar": "mars"}), "unknown calendar"),
        (lambda d: d["people"]["kofi.mensah"].update({"backup": "ghost"}), "unknown backup"),
        (lambda d: d["teams"]["regional-africa"].update({"lead": "ghost"}), "lead"),
        (lambda d: d["people"]["kofi.mensah"].update({"away": [{"from": "2026-12-02",
                                                                "to": "2026-12-01"}]}),
         "ends before"),
    ],
)  # fmt: skip
def test_invalid_rules_are_refused(mutate, message: str) -> None:
    data = copy.deepcopy(read_yaml(packaged("routing.yaml")))
    mutate(data)
    with pytest.raises(RoutingRulesError, match=message):
        parse_routing_rules(data, build_calendars(data["calendars"]))


def test_invalid_calendars_are_refused() -> None:
    data = copy.deepcopy(read_yaml(packaged("routing.yaml")))
    for bad in ({"hours": {"mon-fri": "9-5"}}, {"hours": {"funday": "09:00-17:00"}},
                {"timezone": "Mars/Base", "hours": {"mon": "09:00-17:00"}},
                {"hours": {"mon": "09:00-17:00"}, "closures": ["tomorrow"]},
                {"country": "XX", "hours": {"mon": "09:00-17:00"}}):  # fmt: skip
        with pytest.raises(RoutingRulesError):
            build_calendars({"bad": bad})
    assert build_calendars(data["calendars"])


people_days = st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31))


@settings(max_examples=10_000, deadline=None)
@given(
    rights=st.lists(st.sampled_from(RIGHTS_ISSUES), min_size=1, max_size=3, unique=True),
    challenge=st.lists(st.sampled_from(CHALLENGES), max_size=2, unique=True),
    country_list=st.lists(st.sampled_from(["KE", "EG", "BR", "DE", "IN", "US"]), max_size=3),
    priority=st.sampled_from(PRIORITIES),
    kind=st.sampled_from(KINDS),
    language=st.sampled_from(["en", "es", "fr", "pt", "ar", "sw", "id", "ru", "und"]),
    region=st.lists(st.sampled_from(["Africa", "Asia", "Europe", "Americas"]), max_size=2),
    south=st.sampled_from([None, True, False]),
    received=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)),
    offset=st.integers(min_value=-14 * 60, max_value=14 * 60),
    load=st.dictionaries(st.sampled_from(sorted(RULES.people)), st.integers(0, 80), max_size=6),
)
def test_every_message_gets_exactly_one_available_owner_and_deadlines_after_receipt(
    rights, challenge, country_list, priority, kind, language, region, south, received,
    offset, load,
) -> None:  # fmt: skip
    c = classification(
        rights_issue=tuple(rights), challenge=tuple(challenge), countries=tuple(country_list),
        priority=priority, kind=kind, global_south=south, language=language,
    )  # fmt: skip
    aware = received.replace(tzinfo=timezone(timedelta(minutes=offset)))
    decision = route(c, region, load=load, day=aware.astimezone(UTC).date())
    assert decision.owner in RULES.people
    assert decision.team == RULES.people[decision.owner].team
    deadlines = deadlines_for(RULES, priority, kind, decision.owner, aware)
    assert [d.kind for d in deadlines] == list(DeadlineKind)
    previous = aware
    for deadline in deadlines:
        assert deadline.due_at >= previous  # acknowledge <= respond <= close the loop
        previous = deadline.due_at
