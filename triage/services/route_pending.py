"""Give each classified message a case with exactly one owner and its deadlines."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime

from triage.config.files import load_routing_rules
from triage.core.owners import CaseNeeds
from triage.core.routing import RoutingRules, deadlines_for, decide, facts_for
from triage.core.types import Classification, Event, RoutingDecision, Stage
from triage.nlp.gazetteer import Gazetteer
from triage.services.classifier_cache import get_classifier
from triage.services.database import session_scope
from triage.settings import get_settings
from triage.store import repository as repo
from triage.store.tables import ClassificationRow, MessageRow

log = logging.getLogger(__name__)


def classification_from_row(row: ClassificationRow) -> Classification:
    return Classification(
        language=row.language,
        language_confidence=row.language_confidence,
        rights_issue=tuple(row.rights_issue),
        rights_issue_scores=dict(row.rights_issue_scores),
        challenge=tuple(row.challenge),
        challenge_scores=dict(row.challenge_scores),
        countries=tuple(row.countries),
        sender_country=row.sender_country,
        regions=tuple(row.regions),
        global_south=row.global_south,
        priority=row.priority,
        kind=row.kind,
        needs_review=row.needs_review,
        review_reasons=tuple(row.review_reasons),
        model_version=row.model_version,
        taxonomy_version=row.taxonomy_version,
    )


def routing_rules() -> RoutingRules:
    return load_routing_rules(get_settings().routing_file)


def decide_for(
    rules: RoutingRules,
    gazetteer: Gazetteer,
    message: MessageRow,
    classification: Classification,
    load: dict[str, int],
) -> RoutingDecision:
    places = [gazetteer.region(c) for c in classification.countries]
    if not places and classification.sender_country:
        places = [gazetteer.region(classification.sender_country)]
    known = [p for p in places if p is not None]
    facts = facts_for(
        classification,
        channel=message.channel,
        sender_address=message.sender_address,
        regions=[p.region for p in known],
        sub_regions=[p.sub_region for p in known],
        organisation=message.organisation,
    )
    needs = CaseNeeds(
        language=classification.language,
        regions=frozenset(p.region.lower() for p in known),
        issues=frozenset(classification.rights_issue),
        day=message.received_at.astimezone(UTC).date(),
    )
    return decide(rules, facts, needs=needs, load=load)


def route_messages(ids: Sequence[int], database_url: str | None = None) -> list[int]:
    """Open cases for these messages (those still at CLASSIFIED); returns the ids routed."""
    rules = routing_rules()
    gazetteer = get_classifier().gazetteer  # loaded once with the classifier
    now = datetime.now(UTC)
    done: list[int] = []
    with session_scope(database_url) as session:
        rows = [r for r in repo.load_messages(session, ids) if r.stage == Stage.CLASSIFIED]
        labels = repo.latest_classifications(session, [r.id for r in rows])
        load = repo.open_load(session)
        for row in rows:
            label_row = labels.get(row.id)
            if label_row is None:
                continue
            classification = classification_from_row(label_row)
            decision = decide_for(rules, gazetteer, row, classification, load)
            deadlines = deadlines_for(
                rules, classification.priority, classification.kind, decision.owner,
                row.received_at,
            )  # fmt: skip
            case_id = repo.open_case(
                session,
                message_id=row.id,
                decision=decision,
                deadlines=deadlines,
                priority=classification.priority,
                kind=classification.kind,
                opened_at=row.received_at,
                now=now,
            )
            if case_id is not None:
                load[decision.owner] = load.get(decision.owner, 0) + 1
                repo.add_event(
                    session,
                    Event("routed", now, "system", row.id, {"rule": decision.rule_id}, case_id),
                )
            done.append(row.id)
        repo.set_stage(session, done, Stage.ROUTED)
    log.info("routed %d messages", len(done))
    return done
