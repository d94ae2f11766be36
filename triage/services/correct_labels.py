"""A staff correction of a case's labels, and the re-routing it calls for.

Routing explained itself by the labels it saw; when a person corrects them the case must go
where the corrected labels say, with deadlines on the new policy and owner's calendar, and
the correction is kept as a labelled example for retraining (a classification row whose
model version names the person). Every change is in the audit log, with ids and label ids only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.config.files import load_taxonomy
from triage.core.routing import RoutingRules, deadlines_for
from triage.core.taxonomy import Taxonomy
from triage.core.types import KINDS, PRIORITIES, Event
from triage.nlp.country_regions import CountryRegions, load_country_regions
from triage.services.database import session_scope
from triage.services.route_pending import decide_for, name_readers, routing_rules
from triage.store import repository as repo
from triage.store import text_rows
from triage.store.tables import CaseRow, ClassificationRow, DeadlineRow, MessageRow


class CorrectionError(ValueError):
    """The correction names an unknown case or label; nothing was changed."""


@dataclass(frozen=True, slots=True)
class CorrectionResult:
    case_id: int
    changed: tuple[str, ...]  # the facets the person changed
    rerouted: bool
    owner: str
    team: str
    rule_id: str
    explanation: str


def _check(values: Sequence[str] | None, allowed: Sequence[str], facet: str) -> None:
    unknown = sorted(set(values or ()) - set(allowed))
    if unknown:
        raise CorrectionError(f"unknown {facet} id(s): {', '.join(unknown)}")


def correct_labels(
    case_id: int,
    *,
    actor: str,
    rights_issue: Sequence[str] | None = None,
    challenge: Sequence[str] | None = None,
    countries: Sequence[str] | None = None,
    priority: str | None = None,
    kind: str | None = None,
    database_url: str | None = None,
    now: datetime | None = None,
) -> CorrectionResult:
    now = now or datetime.now(UTC)
    taxonomy = load_taxonomy()
    places = load_country_regions()
    _check(rights_issue, taxonomy.ids("rights_issue"), "rights_issue")
    _check(challenge, taxonomy.ids("challenge"), "challenge")
    _check([c.upper() for c in countries or ()], places.codes(), "country")
    _check([priority] if priority else None, PRIORITIES, "priority")
    _check([kind] if kind else None, KINDS, "kind")
    if rights_issue is not None and not rights_issue:
        raise CorrectionError("rights_issue needs at least one id ('other' when nothing fits)")
    rules = routing_rules()
    with session_scope(database_url) as session:
        case = session.get(CaseRow, case_id)
        if case is None:
            raise CorrectionError(f"no case {case_id}")
        label = session.scalars(
            select(ClassificationRow)
            .where(ClassificationRow.message_id == case.root_message_id)
            .order_by(ClassificationRow.id.desc())
            .limit(1)
        ).first()
        message = session.get(MessageRow, case.root_message_id)
        if label is None or message is None:
            raise CorrectionError(f"case {case_id} has no classified message")
        new = {
            "rights_issue": list(rights_issue) if rights_issue is not None else label.rights_issue,
            "challenge": list(challenge) if challenge is not None else label.challenge,
            "countries": [c.upper() for c in countries] if countries is not None
            else label.countries,
            "priority": priority or label.priority,
            "kind": kind or label.kind,
        }  # fmt: skip
        changed = tuple(
            facet for facet, value in new.items()
            if (sorted(value) if isinstance(value, list) else value)
            != (sorted(getattr(label, facet)) if isinstance(value, list) else getattr(label, facet))
        )  # fmt: skip
        if not changed:
            # A confirmation is a labelled example too (once: a staff row already says it).
            if not label.model_version.startswith(repo.STAFF_PREFIX):
                session.add(_staff_row(label, new, (), actor, now, taxonomy, places))
                repo.add_event(
                    session, Event("labels_confirmed", now, actor, message.id, {}, case.id)
                )
            return CorrectionResult(
                case_id, (), False, case.owner, case.team, case.rule_id, "no change"
            )
        session.add(_staff_row(label, new, changed, actor, now, taxonomy, places))
        item = repo.RoutingInput(
            message_id=message.id, source=message.source, subject=message.subject,
            channel=message.channel,
            sender_address=message.sender_address, organisation=message.organisation,
            received_at=message.received_at, sender_name=message.sender_name,
            auto_submitted=message.auto_submitted, header_id=message.message_id,
            refs=(), language=label.language, rights_issue=tuple(new["rights_issue"]),
            challenge=tuple(new["challenge"]), countries=tuple(new["countries"]),
            sender_country=label.sender_country,
            global_south=_global_south(new["countries"], label, places),
            priority=new["priority"], kind=new["kind"],
        )  # fmt: skip
        load = repo.open_load(session)
        load[case.owner] = max(0, load.get(case.owner, 0) - 1)  # this case is being moved
        decision = decide_for(rules, places, item, load)
        rerouted = (decision.owner, decision.team, decision.rule_id) != (
            case.owner, case.team, case.rule_id,
        )  # fmt: skip
        if rerouted:
            repo.add_decision(session, case.id, decision, now, actor)
        if rerouted or {"priority", "kind"} & set(changed):
            recompute_deadlines(
                session, case.id, item.priority, item.kind, item.received_at, decision.owner, rules
            )
        case.owner, case.team, case.rule_id = decision.owner, decision.team, decision.rule_id
        case.confidential = case.confidential or decision.confidential
        if decision.confidential:
            name_readers(session, rules, [(case.id, decision.rule_id)], now)
        text_rows.seal_cases(session, [case.id])  # became confidential: sealed now
        case.priority, case.kind, case.updated_at = new["priority"], new["kind"], now
        repo.add_event(
            session,
            Event("labels_corrected", now, actor, message.id,
                  {"changed": list(changed), "rerouted": rerouted, "rule": decision.rule_id},
                  case.id),
        )  # fmt: skip
        return CorrectionResult(
            case.id, changed, rerouted, decision.owner, decision.team, decision.rule_id,
            decision.explanation,
        )  # fmt: skip


def _staff_row(
    label: ClassificationRow,
    new: dict[str, Any],
    changed: Sequence[str],
    actor: str,
    now: datetime,
    taxonomy: Taxonomy,
    places: CountryRegions,
) -> ClassificationRow:
    """The person's labels as a classification row whose model version names them and the
    time: what ``repo.staff_labelled`` hands to training."""
    return ClassificationRow(
        message_id=label.message_id, language=label.language,
        language_confidence=label.language_confidence, rights_issue=new["rights_issue"],
        rights_issue_scores=label.rights_issue_scores, challenge=new["challenge"],
        challenge_scores=label.challenge_scores, countries=new["countries"],
        sender_country=label.sender_country, regions=label.regions,
        global_south=_global_south(new["countries"], label, places),
        priority=new["priority"], kind=new["kind"], needs_review=False,
        review_reasons=[],
        evidence={"corrected_by": actor, "changed": list(changed), "confirmed": not changed},
        model_version=f"{repo.STAFF_PREFIX}{actor}@{now:%Y%m%dT%H%M%S.%f}"[:100],
        taxonomy_version=taxonomy.version, created_at=now,
    )  # fmt: skip


def _global_south(
    countries: Sequence[str], label: ClassificationRow, places: CountryRegions
) -> bool | None:
    codes = list(countries) or ([label.sender_country] if label.sender_country else [])
    flags = [r.global_south for r in (places.region(c) for c in codes) if r is not None]
    return any(flags) if flags else None


def recompute_deadlines(
    session: Session,
    case_id: int,
    priority: str,
    kind: str,
    received_at: datetime,
    owner: str,
    rules: RoutingRules,
) -> None:
    """Deadlines not yet met follow the policy and the (new) owner's calendar, from the
    receipt: a case moved from Berlin to Nairobi is due on Nairobi's working days."""
    fresh = {str(d.kind): d for d in deadlines_for(rules, priority, kind, owner, received_at)}
    for row in session.scalars(select(DeadlineRow).where(DeadlineRow.case_id == case_id)):
        target = fresh.get(row.kind)
        if target is None or row.met_at is not None:
            continue
        row.due_at, row.calendar, row.policy = target.due_at, target.calendar, target.policy
