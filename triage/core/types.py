"""The values that travel through triage.

They are plain frozen dataclasses so every layer can share them without importing a database,
a model or a framework; the store maps them to rows, the services pass them between stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Channel(StrEnum):
    EMAIL = "email"
    FORM = "form"


class Stage(StrEnum):
    """How far a stored message has travelled; each stage is done once (idempotent reruns)."""

    RECEIVED = "received"
    CLASSIFIED = "classified"
    ROUTED = "routed"


class CaseStatus(StrEnum):
    OPEN = "open"
    WAITING_ON_SENDER = "waiting_on_sender"
    CLOSED = "closed"


class DeadlineKind(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    RESPOND = "respond"
    CLOSE_LOOP = "close_loop"


PRIORITIES: tuple[str, ...] = ("critical", "high", "normal", "low")
# The fields triage reads from a web-form submission; exports map their own columns onto these.
FORM_FIELDS: tuple[str, ...] = (
    "submission_id", "submitted_at", "name", "email", "organisation", "country", "subject",
    "message",
)  # fmt: skip
KINDS: tuple[str, ...] = (
    "allegation",
    "engagement_request",
    "information_request",
    "follow_up",
    "submission",
    "invitation",
    "out_of_scope",
)


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content_type: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Message:
    """One normalised incoming message, ready to store.

    ``key`` is the natural key that makes ingestion idempotent; ``received_at`` is the server's
    receipt time (timezone-aware UTC) and the only time deadlines are computed from: the sender's
    ``Date:`` header is kept for display only.
    """

    key: str
    source: str
    channel: Channel
    received_at: datetime
    subject: str
    sender_name: str
    sender_address: str
    body_text: str
    new_text: str
    quoted_text: str = ""
    signature: str = ""
    html_sanitised: str | None = None
    message_id: str | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    date_header: str | None = None
    organisation: str | None = None
    form_country: str | None = None
    raw_sha256: str = ""
    raw: bytes = b""
    attachments: tuple[Attachment, ...] = ()
    auto_submitted: bool = False

    def __post_init__(self) -> None:
        if self.received_at.tzinfo is None:
            raise ValueError("received_at must be timezone-aware")


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A raw item that could not become a Message: kept with a reason code, never dropped."""

    key: str
    source: str
    reason: str
    detail: str
    raw: bytes
    location: str = ""


@dataclass(frozen=True, slots=True)
class ClassifyInput:
    """What a classifier may look at; also the shape of a `triage classify` input line."""

    id: str
    subject: str
    body: str
    sender: str = ""
    channel: str | None = None
    organisation: str | None = None
    country: str | None = None
    signature: str = ""


@dataclass(frozen=True, slots=True)
class Classification:
    language: str
    language_confidence: float
    rights_issue: tuple[str, ...]
    rights_issue_scores: dict[str, float]
    challenge: tuple[str, ...]
    challenge_scores: dict[str, float]
    countries: tuple[str, ...]
    sender_country: str | None
    regions: tuple[str, ...]
    global_south: bool | None
    priority: str
    kind: str
    needs_review: bool
    review_reasons: tuple[str, ...] = ()
    evidence: dict[str, list[str]] = field(default_factory=dict)
    model_version: str = ""
    taxonomy_version: str = ""

    def as_contract(self, item_id: str) -> dict[str, Any]:
        """The stable `triage classify` output line (the issue-2 contract), plus evidence."""
        return {
            "id": item_id,
            "language": self.language,
            "rights_issue": list(self.rights_issue),
            "rights_issue_scores": self.rights_issue_scores,
            "challenge": list(self.challenge),
            "challenge_scores": self.challenge_scores,
            "countries": list(self.countries),
            "sender_country": self.sender_country,
            "regions": list(self.regions),
            "global_south": self.global_south,
            "priority": self.priority,
            "kind": self.kind,
            "needs_review": self.needs_review,
            "review_reasons": list(self.review_reasons),
            "model_version": self.model_version,
            "taxonomy_version": self.taxonomy_version,
        }


@dataclass(frozen=True, slots=True)
class RoutingDecision:
    owner: str
    team: str
    rule_id: str
    explanation: str
    rules_version: str
    confidential: bool = False


@dataclass(frozen=True, slots=True)
class Deadline:
    kind: DeadlineKind
    due_at: datetime
    policy: str
    calendar: str = "24x7"


@dataclass(frozen=True, slots=True)
class Event:
    """An audit record. ``data`` holds ids and codes only, never message content."""

    kind: str
    at: datetime
    actor: str
    message_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)
    case_id: int | None = None
