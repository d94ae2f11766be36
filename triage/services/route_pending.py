"""Give each classified message a case with exactly one owner and its deadlines."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from triage.config.files import load_routing_rules
from triage.core.owners import CaseNeeds
from triage.core.routing import RoutingRules, deadlines_for, decide, facts_for
from triage.core.types import CaseStatus, Classification, Event, RoutingDecision, Stage
from triage.nlp.gazetteer import Gazetteer, load_gazetteer
from triage.services.acknowledge import queue_acknowledgements
from triage.services.case_clock import resume_in
from triage.services.database import session_scope
from triage.settings import get_settings
from triage.store import repository as repo
from triage.store.tables import CaseRow

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
    """Route these messages (those still at CLASSIFIED); returns the ids routed.

    A reply (In-Reply-To / References) to a message of a case that is not closed joins that
    case, and resumes its clock if it was waiting on the sender; any other message opens a
    case with one owner and its deadlines.
    """
    rules = routing_rules()
    gazetteer = load_gazetteer()
    now = datetime.now(UTC)
    with session_scope(database_url) as session:
        items = repo.routing_inputs(session, ids, Stage.CLASSIFIED)
        known = repo.cases_by_header(session, [r for item in items for r in item.refs])
        threads = {h: c for h, (c, status) in known.items() if status != CaseStatus.CLOSED}
        in_chunk = {item.header_id for item in items if item.header_id}
        replies = [i for i in items if any(r in threads or r in in_chunk for r in i.refs)]
        reply_ids = {i.message_id for i in replies}
        load = repo.open_load(session)
        roots = [i for i in items if i.message_id not in reply_ids]
        opened = _open(session, rules, gazetteer, roots, load, now)
        for item in roots:
            if item.header_id and item.message_id in opened:
                threads.setdefault(item.header_id, opened[item.message_id])
        joined: dict[int, tuple[int, datetime]] = {}
        while replies:  # a reply to a reply in the same chunk waits for its parent
            waiting = []
            for item in replies:
                case_id = next((threads[r] for r in item.refs if r in threads), None)
                if case_id is None:
                    waiting.append(item)
                    continue
                joined[item.message_id] = (case_id, item.received_at)
                if item.header_id:
                    threads.setdefault(item.header_id, case_id)
            if len(waiting) == len(replies):  # parents never got a case: start new ones
                opened.update(_open(session, rules, gazetteer, waiting, load, now))
                break
            replies = waiting
        _join(session, joined, now)
        done = [item.message_id for item in items]
        repo.set_stage(session, done, Stage.ROUTED)
    log.info("routed %d messages (%d joined existing cases)", len(done), len(joined))
    return done


def _open(
    session: Session,
    rules: RoutingRules,
    gazetteer: Gazetteer,
    items: Sequence[repo.RoutingInput],
    load: dict[str, int],
    now: datetime,
) -> dict[int, int]:
    cases = []
    for item in items:
        decision = decide_for(rules, gazetteer, item, load)
        deadlines = deadlines_for(rules, item.priority, item.kind, decision.owner, item.received_at)
        cases.append(
            repo.NewCase(
                item.message_id, decision, deadlines, item.priority, item.kind, item.received_at
            )
        )
        load[decision.owner] = load.get(decision.owner, 0) + 1
    case_ids = repo.open_cases(session, cases, now)
    queue_acknowledgements(session, cases, {i.message_id: i for i in items}, case_ids, now)
    return case_ids


def _join(session: Session, joined: dict[int, tuple[int, datetime]], now: datetime) -> None:
    """Link replies to their conversation; a reply from the sender restarts a paused clock
    from the reply's receipt time."""
    repo.link_messages(session, {m: c for m, (c, _at) in joined.items()})
    for message_id, (case_id, received_at) in joined.items():
        repo.add_event(session, Event("reply_joined", now, "system", message_id, {}, case_id))
        case = session.get(CaseRow, case_id)
        if case is not None and case.status == CaseStatus.WAITING_ON_SENDER:
            resume_in(session, case, "system", received_at, "sender_replied")
