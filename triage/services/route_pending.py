"""Give each classified message a case with exactly one owner and its deadlines."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.config.files import load_routing_rules
from triage.core.owners import CaseNeeds
from triage.core.routing import RoutingRules, deadlines_for, decide, facts_for
from triage.core.types import CaseStatus, Classification, Event, RoutingDecision, Stage
from triage.faults import crash_point
from triage.nlp.country_regions import CountryRegions, load_country_regions
from triage.nlp.near_duplicates import (
    BANDS,
    PERMUTATIONS,
    band_keys,
    signature,
    similarity,
    unpack,
)
from triage.services import collector, owner_load
from triage.services.acknowledge import queue_acknowledgements
from triage.services.case_clock import record_first_response_in, resume_in
from triage.services.database import session_scope
from triage.settings import get_settings
from triage.store import repository as repo
from triage.store import text_rows
from triage.store.tables import CaseRow

log = logging.getLogger(__name__)


def routing_rules() -> RoutingRules:
    return load_routing_rules(get_settings().routing_file)


def decide_for(
    rules: RoutingRules,
    places: CountryRegions,
    item: repo.RoutingInput,
    load: dict[str, int],
) -> RoutingDecision:
    found = [places.region(c) for c in item.countries]
    if not found and item.sender_country:
        found = [places.region(item.sender_country)]
    known = [p for p in found if p is not None]
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


CASE_REFERENCE = re.compile(r"\bTRI-(\d{6,12})\b")
SENDER, STAFF, AUTOMATIC, CAMPAIGN = "sender", "staff", "automatic", "campaign"
SAME_CAMPAIGN = 0.8  # estimated share of shared 4-word shingles: copies, not a shared paragraph
CAMPAIGN_WINDOW = timedelta(days=30)
# The fewest band keys two signatures at SAME_CAMPAIGN can share: with ``b`` bands equal, each
# other band differs in at least one value, so at most PERMUTATIONS - (BANDS - b) values agree.
MIN_SHARED_BANDS = min(
    b for b in range(BANDS + 1) if (PERMUTATIONS - BANDS + b) / PERMUTATIONS >= SAME_CAMPAIGN
)


def _signatures(session: Session, ids: list[int]) -> dict[int, list[int] | None]:
    """MinHash signatures of the new texts: as stored with the messages, or computed here
    for messages stored before signatures were kept."""
    stored = repo.message_minhashes(session, ids)
    missing = [m for m in ids if stored.get(m) is None]
    texts = repo.new_texts(session, missing) if missing else {}
    return {
        m: signature(texts.get(m, "")) if stored.get(m) is None else unpack(stored[m] or b"")
        for m in ids
    }


def _campaigns(
    session: Session, roots: Sequence[repo.RoutingInput]
) -> tuple[
    list[repo.RoutingInput],
    dict[int, int | tuple[str, int]],
    dict[int, tuple[list[int], list[int]]],
]:
    """Which new messages open a case, and which join an open case (or an earlier message of
    this chunk) as near-identical copies of a coalition's letter.

    Returns (openers, {message: case id or ("message", opener message id)}, signatures and
    band keys of the openers to store).
    """
    if not roots:
        return [], {}, {}
    sigs = _signatures(session, [r.message_id for r in roots])
    # Each signature's band keys once: they are looked up, compared and stored.
    bands = {m: band_keys(sig) for m, sig in sigs.items() if sig is not None}
    earliest = min(r.received_at for r in roots) - CAMPAIGN_WINDOW
    keys = [k for mine in bands.values() for k in mine]
    holders = repo.campaign_key_holders(session, keys, earliest)
    # Only a stored case sharing enough bands with a message can be a copy of it: each band
    # not shared differs in at least one of its values. Only their signatures are loaded
    # and compared, not those of the cases sharing a band or two (most of them).
    near_stored: dict[int, list[int]] = {}
    for message_id, mine in bands.items():
        shared = Counter(c for k in mine for c in holders.get(k, ()))
        near_stored[message_id] = [c for c, n in shared.items() if n >= MIN_SHARED_BANDS]
    wanted = {c for near in near_stored.values() for c in near}
    stored = repo.campaign_signatures(session, wanted, earliest) if wanted else {}
    stored_order = {case_id: n for n, case_id in enumerate(stored)}  # ties go to the first
    openers: list[repo.RoutingInput] = []
    local: list[tuple[int, list[int]]] = []
    local_by_key: dict[int, list[int]] = {}  # band key -> positions in ``local``
    joins: dict[int, int | tuple[str, int]] = {}
    for item in roots:
        sig = sigs[item.message_id]
        if sig is not None:
            # Only signatures sharing a band key are compared (LSH), in the order they came:
            # all pairs of a thousand-message chunk was most of routing's time.
            mine = bands[item.message_id]
            near_cases = {c for c in near_stored[item.message_id] if c in stored}
            near_local = sorted({n for k in mine for n in local_by_key.get(k, ())})
            best: tuple[float, int | tuple[str, int] | None] = (0.0, None)
            # Only the stored cases near this message, not every candidate of the chunk
            # (in case id order, so the same case wins ties).
            for case_id in sorted(near_cases, key=stored_order.__getitem__):
                other = stored[case_id]
                best = max(best, (similarity(sig, other), case_id), key=lambda b: b[0])
            for position in near_local:
                message_id, other = local[position]
                best = max(best, (similarity(sig, other), ("message", message_id)),
                           key=lambda b: b[0])  # fmt: skip
            if best[0] >= SAME_CAMPAIGN and best[1] is not None:
                joins[item.message_id] = best[1]
                continue
            for key in mine:
                local_by_key.setdefault(key, []).append(len(local))
            local.append((item.message_id, sig))
        openers.append(item)
    return openers, joins, {m: (s, bands[m]) for m, s in local}


def role_of(item: repo.RoutingInput, staff_domains: frozenset[str]) -> str:
    """Who wrote it: the team (a staff domain or a Sent folder), a machine, or a sender.

    A staff-domain From: is only a claim: anyone can write it. ``route_messages`` therefore
    counts such mail as the team's response only when it answers the conversation's own
    Message-IDs (which an outsider does not know); on a case reference alone (``TRI-000123``
    is sequential, easily guessed) it joins the case as mail from outside and records nothing.
    """
    domain = item.sender_address.rpartition("@")[2].lower()
    if item.source.endswith(":sent") or (domain and domain in staff_domains):
        return STAFF
    return AUTOMATIC if item.auto_submitted else SENDER


def route_messages(
    ids: Sequence[int], database_url: str | None = None, *, defer_unanswered: bool = False
) -> list[int]:
    """Route these messages (those still at CLASSIFIED); returns the ids routed.

    A message that answers an open case (In-Reply-To / References, or the case reference
    ``TRI-000123`` in its subject) joins that case: from the sender it restarts a paused
    clock, from the team it records the first response. A near-identical copy of a letter
    that opened a case in the last 30 days (a coalition's joint letter) joins that case, so
    staff see one item with every sender. Any other message from a sender opens a case with
    one owner and its deadlines; automatic mail (auto-replies, bounces, bulk) and the team's
    own mail never open one.

    ``defer_unanswered``: a reply whose conversation has no case yet (its parent may be in a
    chunk not routed yet) is left at CLASSIFIED, with the replies waiting on it, for the
    batch's last pass (without this switch) to route once every chunk's first messages have
    opened their cases.
    """
    if not ids:
        return []
    collector.settle_long_lived()  # a Dask run's flow process does little else than this
    rules = routing_rules()
    now = datetime.now(UTC)
    with session_scope(database_url) as session:
        items = repo.routing_inputs(session, ids, Stage.CLASSIFIED)
        if not items:  # a chunk of copies of messages routed before
            return []
        places = load_country_regions()
        roles = {i.message_id: role_of(i, rules.staff_domains) for i in items}
        known = repo.cases_by_header(session, [r for item in items for r in item.refs])
        threads = {h: c for h, (c, status) in known.items() if status != CaseStatus.CLOSED}
        by_reference = _cases_named_in_subjects(session, items)
        in_chunk = {item.header_id for item in items if item.header_id}
        for item in items:  # a claimed staff sender on a guessed case reference alone
            if (
                roles[item.message_id] == STAFF
                and not item.source.endswith(":sent")
                and (
                    item.message_id in by_reference
                    and not any(r in threads or r in in_chunk for r in item.refs)
                )
            ):
                roles[item.message_id] = SENDER

        def target(item: repo.RoutingInput) -> int | None:
            found = next((threads[r] for r in item.refs if r in threads), None)
            return found if found is not None else by_reference.get(item.message_id)

        def waits_for_parent(item: repo.RoutingInput) -> bool:
            return any(r in in_chunk and r not in threads for r in item.refs)

        owners = owner_load.read(session)  # counts kept between chunks (see owner_load)
        load = owners.counts

        def unanswered(item: repo.RoutingInput) -> bool:
            return defer_unanswered and bool(item.refs) and target(item) is None

        roots = [
            i for i in items
            if roles[i.message_id] == SENDER and target(i) is None and not waits_for_parent(i)
            and not unanswered(i)
        ]  # fmt: skip
        openers, same_campaign, prints = _campaigns(session, roots)
        opened = _open(session, rules, places, openers, load, now)
        received = {i.message_id: i.received_at for i in openers}  # the cases' opened_at
        repo.add_fingerprints(
            session,
            [
                (opened[m], received[m], sig, keys)
                for m, (sig, keys) in prints.items()
                if m in opened
            ],
        )
        joined: dict[int, tuple[int, datetime, str]] = {}
        for item in roots:
            if item.message_id in same_campaign:
                found = same_campaign[item.message_id]
                case_id = found if isinstance(found, int) else opened.get(found[1])
                if case_id is not None:
                    joined[item.message_id] = (case_id, item.received_at, CAMPAIGN)
                    if item.header_id:  # replies to this copy find the case too
                        threads.setdefault(item.header_id, case_id)
            if item.header_id and item.message_id in opened:
                threads.setdefault(item.header_id, opened[item.message_id])
        root_ids = {i.message_id for i in roots}
        rest = [i for i in items if i.message_id not in root_ids]
        deferred: set[int] = set()
        while rest:  # a reply to a reply in the same chunk waits for its parent
            waiting = []
            for item in rest:
                case_id = target(item)
                if case_id is None:
                    waiting.append(item)
                    continue
                joined[item.message_id] = (case_id, item.received_at, roles[item.message_id])
                if item.header_id:
                    threads.setdefault(item.header_id, case_id)
            if len(waiting) == len(rest):  # nothing left to answer: senders start new cases
                if defer_unanswered:  # replies wait for the last pass, when every parent is in
                    deferred.update(i.message_id for i in waiting if i.refs)
                    waiting = [i for i in waiting if not i.refs]
                senders = [i for i in waiting if roles[i.message_id] == SENDER]
                opened.update(_open(session, rules, places, senders, load, now))
                break
            rest = waiting
        _join(session, joined, now)
        done = [item.message_id for item in items if item.message_id not in deferred]
        links = {**opened, **{m: c for m, (c, _at, _role) in joined.items()}}
        repo.finish_routing(session, done, links)
        # A confidential case (or any, with encrypt-all) is sealed in the routing transaction,
        # once its messages are linked to it.
        text_rows.seal_cases(session, [*opened.values(), *(c for c, _at, _role in joined.values())])
    owner_load.keep(owners)  # committed: the next chunks count these cases
    crash_point("route_after_commit_before_notify")
    log.info("routed %d messages: %d opened cases, %d joined cases", len(done), len(opened),
             len(joined))  # fmt: skip
    return done


def _cases_named_in_subjects(
    session: Session, items: Sequence[repo.RoutingInput]
) -> dict[int, int]:
    """{message id: case id} for subjects that carry the reference of a case not closed."""
    named = {}
    for item in items:
        match = CASE_REFERENCE.search(item.subject or "")
        if match:
            named[item.message_id] = int(match.group(1))
    if not named:
        return {}
    open_ids = set(
        session.scalars(
            select(CaseRow.id).where(
                CaseRow.id.in_(set(named.values())), CaseRow.status != CaseStatus.CLOSED
            )
        )
    )
    return {m: c for m, c in named.items() if c in open_ids}


def _open(
    session: Session,
    rules: RoutingRules,
    places: CountryRegions,
    items: Sequence[repo.RoutingInput],
    load: dict[str, int],
    now: datetime,
) -> dict[int, int]:
    cases = []
    for item in items:
        decision = decide_for(rules, places, item, load)
        deadlines = deadlines_for(rules, item.priority, item.kind, decision.owner, item.received_at)
        cases.append(
            repo.NewCase(
                item.message_id, decision, deadlines, item.priority, item.kind, item.received_at
            )
        )
        load[decision.owner] = load.get(decision.owner, 0) + 1
    case_ids = repo.open_cases(session, cases, now)  # linked with the stage
    name_readers(
        session,
        rules,
        [
            (case_ids[c.message_id], c.decision.rule_id)
            for c in cases
            if c.decision.confidential and c.message_id in case_ids
        ],
        now,
    )
    queue_acknowledgements(session, cases, {i.message_id: i for i in items}, case_ids, now)
    return case_ids


def name_readers(
    session: Session, rules: RoutingRules, cases: Sequence[tuple[int, str]], now: datetime
) -> None:
    """The people a confidential rule names (``restricted_to``) may read the case it routed:
    the owner is one of them, the others are their backups."""
    named = {r.id: r.restricted_to for r in rules.rules if r.restricted_to}
    rows = [{"case_id": case_id, "username": name, "granted_by": "routing", "granted_at": now}
            for case_id, rule_id in cases for name in named.get(rule_id, ())]  # fmt: skip
    repo.grant_access(session, rows)


def _join(session: Session, joined: dict[int, tuple[int, datetime, str]], now: datetime) -> None:
    """Joined messages' events and clocks (``finish_routing`` links them). From the sender: a
    paused clock restarts from the reply's receipt time. From the team: the first response is
    recorded (acknowledged)."""
    # One insert for the chunk's join events and one select for the cases that may change:
    # an ORM event and a ``session.get`` per message were two round trips each.
    repo.add_events(session, [
        Event("campaign_joined" if role == CAMPAIGN else "reply_joined", now, "system",
              message_id, {"from": role}, case_id)
        for message_id, (case_id, _at, role) in joined.items()
    ])  # fmt: skip
    cases = repo.cases_by_id(
        session, [c for c, _at, role in joined.values() if role in (SENDER, STAFF)]
    )
    for case_id, received_at, role in joined.values():
        case = cases.get(case_id)
        if case is None:
            continue
        if role == SENDER and case.status == CaseStatus.WAITING_ON_SENDER:
            resume_in(session, case, "system", received_at, "sender_replied")
        elif role == STAFF:
            record_first_response_in(session, case, received_at)
