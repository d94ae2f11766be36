"""The open queue: what each owner must answer next, by deadline."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from triage.services.database import session_scope
from triage.store import repository as repo


@dataclass(frozen=True, slots=True)
class QueueItem:
    message_id: int
    owner: str
    team: str
    rule_id: str
    respond_by: datetime
    priority: str
    kind: str
    rights_issue: tuple[str, ...]
    countries: tuple[str, ...]
    language: str
    needs_review: bool

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["respond_by"] = self.respond_by.isoformat()
        data["rights_issue"] = list(self.rights_issue)
        data["countries"] = list(self.countries)
        return data


def open_queue(database_url: str | None = None, limit: int | None = None) -> list[QueueItem]:
    with session_scope(database_url) as session:
        rows = repo.open_queue_rows(session, limit)
        labels = repo.latest_classifications(session, [r[0] for r in rows])
        items = []
        for message_id, decision, due_at in rows:
            label = labels.get(message_id)
            items.append(
                QueueItem(
                    message_id=message_id,
                    owner=decision.owner,
                    team=decision.team,
                    rule_id=decision.rule_id,
                    respond_by=due_at,
                    priority=label.priority if label else "normal",
                    kind=label.kind if label else "",
                    rights_issue=tuple(label.rights_issue) if label else (),
                    countries=tuple(label.countries) if label else (),
                    language=label.language if label else "und",
                    needs_review=label.needs_review if label else True,
                )
            )
        return items
