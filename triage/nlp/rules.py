"""Priority and kind from seed terms and message cues (the baseline rule set).

``critical`` is deliberately eager: a missed detention costs far more than a false alarm that a
person clears in seconds. The classification issue replaces these rules with tuned models.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

_CASE_REF = re.compile(r"\[?TRI-\d{4}-\d{3,6}\]?", re.IGNORECASE)
_REPLY_PREFIX = re.compile(r"^\s*(re|aw|sv|rv|res|ref|رد)\s*:", re.IGNORECASE)
_URGENT_ONLY = {"urgent", "urgente", "عاجل", "haraka", "mendesak", "срочно"}


def decide_kind(
    subject: str,
    kind_hits: Mapping[str, Sequence[str]],
    *,
    auto_submitted: bool,
    newsletter: bool,
    at_risk: bool = False,
) -> str:
    """``at_risk`` (strong critical evidence) keeps a message in scope whatever its footer
    says: an urgent appeal sent through a mailing tool still carries "unsubscribe"."""
    if auto_submitted:
        return "out_of_scope"
    if ("out_of_scope" in kind_hits or newsletter) and not at_risk:
        return "out_of_scope"
    if _CASE_REF.search(subject) or _REPLY_PREFIX.search(subject) or "follow_up" in kind_hits:
        return "follow_up"
    for kind in ("invitation", "engagement_request", "submission", "information_request"):
        if kind in kind_hits:
            return kind
    return "allegation"


def strong_critical(
    priority_hits: Mapping[str, Sequence[str]], rights_issue: Sequence[str]
) -> bool:
    """Imminent-risk terms about a defender or a shutdown (a bare "urgent" counts there: a
    sender who calls a defender's situation urgent is not to be second-guessed by a rule),
    or several imminent-risk terms whatever the issue."""
    terms = set(priority_hits.get("critical", ()))
    strong = terms - _URGENT_ONLY
    at_risk = {"hrd_safety", "shutdowns"} & set(rights_issue)
    return bool((terms and at_risk) or len(strong) >= 2)


def decide_priority(
    priority_hits: Mapping[str, Sequence[str]], kind: str, rights_issue: Sequence[str]
) -> str:
    if strong_critical(priority_hits, rights_issue) and kind != "out_of_scope":
        return "critical"
    if kind == "out_of_scope" or "low" in priority_hits:
        return "low"
    critical_terms = set(priority_hits.get("critical", ()))
    if critical_terms or "high" in priority_hits:
        return "high"
    return "normal"
