"""Give each classified message a case with exactly one owner and its deadlines."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime

from triage.config.files import load_routing_rules
from triage.core.owners import CaseNeeds
from triage.core.routing import RoutingRules, deadlines_for, decide, facts_for
from triage.core.types import Classification, RoutingDecision, Stage
from triage.nlp.gazetteer import Gazetteer, load_gazetteer
from triage.services.acknowledge import queue_acknowledgements
from triage.services.database import session_scope
from triage.settings import get_settings
from triage.store import repository as repo

log = logging.getLogger(__name__)


def routing_rules() -> RoutingRules:
    return load_routing_rules(get_settings().routing_file)


def decide_for(
    rules: RoutingRules,
    gazetteer: Gazetteer,
    item: repo.RoutingInput,
    load: dict[str, int],
) -> RoutingDecision:
    places = [gazetteer.region(c) for c in item.countries]
    if not places and item.sender_country:
        places = [gazetteer.region(item.sender_country)]
    known = [p for p in places if p is not None]
    facts = facts_for(
        routing_view(item),
        channel=item.channel,
        sender_address=item.sender_address,
        regions=[p.region for p in known],
        sub_regions=[p.sub_region for p in known],
        organisation=item.organisation,
    )
    needs = CaseNeeds(
        language=item.language,
        regions=frozenset(p.region.lower() for p in known),
        issues=frozenset(item.rights_issue),
        day=item.received_at.astimezone(UTC).date(),
    )
    return decide(rules, facts, needs=needs, load=load)


def routing_view(item: repo.RoutingInput) -> Classification:
    """The labels routing matches on, as a Classification (scores are not needed here)."""
    return Classification(
        language=item.language, language_confidence=1.0, rights_issue=item.rights_issue,
        rights_issue_scores={}, challenge=item.challenge, challenge_scores={},
        countries=item.countries, sender_country=item.sender_country, regions=(),
        global_south=item.global_south, priority=item.priority, kind=item.kind,
        needs_review=False, review_reasons=(), model_version="", taxonomy_version="",
    )  # fmt: skip


def route_messages(ids: Sequence[int], database_url: str | None = None) -> list[int]:
    """Open cases for these messages (those still at CLASSIFIED); returns the ids routed."""
    rules = routing_rules()
    gazetteer = load_gazetteer()
    now = datetime.now(UTC)
    with session_scope(database_url) as session:
        items = repo.routing_inputs(session, ids, Stage.CLASSIFIED)
        load = repo.open_load(session)
        cases = []
        for item in items:
            decision = decide_for(rules, gazetteer, item, load)
            deadlines = deadlines_for(
                rules, item.priority, item.kind, decision.owner, item.received_at
            )
            cases.append(
                repo.NewCase(
                    item.message_id, decision, deadlines, item.priority, item.kind,
                    item.received_at,
                )
            )
            load[decision.owner] = load.get(decision.owner, 0) + 1
        case_ids = repo.open_cases(session, cases, now)
        queue_acknowledgements(
            session, cases, {item.message_id: item for item in items}, case_ids, now
        )
        done = [item.message_id for item in items]
        repo.set_stage(session, done, Stage.ROUTED)
    log.info("routed %d messages", len(done))
    return done
