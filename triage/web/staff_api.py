"""The JSON API for other tools: the same operations as the staff UI, bearer-token only.

Cookies are ignored here (``api_signed_in`` reads only ``Authorization``), so a page on
another site cannot make a signed-in browser call it: no CSRF token is needed or accepted.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from triage.services import case_actions as actions
from triage.services.audit import reads_for
from triage.services.case_view import case_detail
from triage.services.staff_queue import QUEUES, QueueFilter, queue_view
from triage.services.users import StaffUser
from triage.web.security import api_signed_in, database_url

router = APIRouter(prefix="/api/v1", tags=["staff"])

CaseIds = list[int]


class Done(BaseModel):
    ok: bool = True
    count: int = 1


class Labels(BaseModel):
    rights_issue: list[str] | None = None
    challenge: list[str] | None = None
    countries: list[str] | None = None
    priority: str | None = None
    kind: str | None = None


class Assign(BaseModel):
    owner: str = Field(max_length=100)


class Status(BaseModel):
    status: Literal["open", "waiting_on_sender", "closed"]


class Response_(BaseModel):
    what: Literal["acknowledge", "respond"] = "respond"


class Outcome(BaseModel):
    category: str = Field(max_length=50)
    summary: str = Field(min_length=1, max_length=actions.MAX_NOTE)


class Confidential(BaseModel):
    confidential: bool
    named: list[str] = Field(default_factory=list, max_length=50)


class Merge(BaseModel):
    into: int


class Note(BaseModel):
    body: str = Field(min_length=1, max_length=actions.MAX_NOTE)


class Bulk(BaseModel):
    action: Literal["confirm", "assign", "close"]
    case_ids: CaseIds = Field(min_length=1, max_length=actions.MAX_BULK)
    owner: str | None = None


@router.get("/audit", summary="Admins only: the append-only log of who read which text")
def get_audit(request: Request, case: int | None = Query(default=None),
              actor: str | None = Query(default=None, max_length=100),
              user: StaffUser = Depends(api_signed_in)) -> dict[str, Any]:  # fmt: skip
    found = reads_for(user, case, actor=actor, database_url=database_url(request))
    return {"reads": [r.as_json() for r in found]}


@router.get("/queue", summary="Counts per queue and one page of a queue")
def get_queue(
    request: Request,
    user: StaffUser = Depends(api_signed_in),
    queue: str = Query("needs_triage", enum=list(QUEUES)),
    rights_issue: str | None = None, challenge: str | None = None, region: str | None = None,
    global_south: bool | None = None, language: str | None = None, owner: str | None = None,
    status: str | None = None, priority: str | None = None,
    opened_from: date | None = None, opened_to: date | None = None,
    sort: Literal["deadline", "newest", "oldest"] = "deadline", page: int = Query(1, ge=1),
) -> dict[str, Any]:  # fmt: skip
    filters = QueueFilter(rights_issue, challenge, region, global_south, language, owner,
                          status, priority, opened_from, opened_to)  # fmt: skip
    view = queue_view(user, queue, filters, sort=sort, page=page,
                      counts_only=not user.reads_text, database_url=database_url(request))
    return {"queue": view.queue, "counts": view.counts, "page": view.page,
            "critical": view.critical, "cases": [r.as_json() for r in view.rows]}  # fmt: skip


@router.get("/cases/{case_id}", summary="A case: thread (if you may read it), labels, history")
def get_case(request: Request, case_id: int,
             user: StaffUser = Depends(api_signed_in)) -> dict[str, Any]:  # fmt: skip
    d = case_detail(case_id, user, database_url=database_url(request), view="api_case")
    return {
        "case": d.case, "text_visible": d.text_visible, "thread": d.thread, "labels": d.labels,
        "routing": d.routing, "deadlines": d.deadlines, "history": d.history, "notes": d.notes,
        "outcomes": d.outcomes, "named": d.named, "viewers": d.viewers,
    }  # fmt: skip


@router.post("/cases/{case_id}/confirm", summary="Confirm the predicted labels")
def confirm(request: Request, case_id: int, user: StaffUser = Depends(api_signed_in)) -> Done:
    return Done(count=actions.confirm_labels([case_id], user, database_url=database_url(request)))


@router.post("/cases/{case_id}/labels", summary="Correct labels (re-routes, feeds retraining)")
def correct(request: Request, case_id: int, body: Labels,
            user: StaffUser = Depends(api_signed_in)) -> dict[str, Any]:  # fmt: skip
    result = actions.correct(case_id, user, **body.model_dump(), database_url=database_url(request))
    return {"changed": list(result.changed), "rerouted": result.rerouted, "owner": result.owner,
            "team": result.team, "rule_id": result.rule_id}  # fmt: skip


@router.post("/cases/{case_id}/assign", summary="Reassign to a routing person")
def assign(request: Request, case_id: int, body: Assign,
           user: StaffUser = Depends(api_signed_in)) -> Done:  # fmt: skip
    actions.reassign([case_id], body.owner, user, database_url=database_url(request))
    return Done()


@router.post("/cases/{case_id}/status", summary="Open, wait on the sender, or close")
def set_status(request: Request, case_id: int, body: Status,
               user: StaffUser = Depends(api_signed_in)) -> Done:  # fmt: skip
    actions.set_status(case_id, body.status, user, database_url=database_url(request))
    return Done()


@router.post("/cases/{case_id}/response", summary="Record an acknowledgement or response sent")
def response_sent(request: Request, case_id: int, body: Response_,
                  user: StaffUser = Depends(api_signed_in)) -> Done:  # fmt: skip
    actions.record_response(case_id, body.what, user, database_url=database_url(request))
    return Done()


@router.post("/cases/{case_id}/outcome", summary="Record the outcome and close the loop")
def outcome(request: Request, case_id: int, body: Outcome,
            user: StaffUser = Depends(api_signed_in)) -> Done:  # fmt: skip
    actions.record_outcome(case_id, body.category, body.summary, user,
                           database_url=database_url(request))  # fmt: skip
    return Done()


@router.post("/cases/{case_id}/confidential", summary="Mark confidential, naming who may read")
def confidential(request: Request, case_id: int, body: Confidential,
                 user: StaffUser = Depends(api_signed_in)) -> Done:  # fmt: skip
    actions.set_confidential(case_id, body.confidential, body.named, user,
                             database_url=database_url(request))  # fmt: skip
    return Done()


@router.post("/cases/{case_id}/merge", summary="Merge this duplicate into another case")
def merge(request: Request, case_id: int, body: Merge,
          user: StaffUser = Depends(api_signed_in)) -> Done:  # fmt: skip
    actions.merge(case_id, body.into, user, database_url=database_url(request))
    return Done()


@router.post("/cases/{case_id}/notes", summary="Add an internal note")
def note(request: Request, case_id: int, body: Note,
         user: StaffUser = Depends(api_signed_in)) -> Done:  # fmt: skip
    actions.add_note(case_id, body.body, user, database_url=database_url(request))
    return Done()


@router.post("/bulk", summary="Confirm, assign or close many cases at once")
def bulk(request: Request, body: Bulk, user: StaffUser = Depends(api_signed_in)) -> Done:
    url = database_url(request)
    if body.action == "confirm":
        return Done(count=actions.confirm_labels(body.case_ids, user, database_url=url))
    if body.action == "assign":
        if not body.owner:
            raise actions.ActionError("assign needs an owner")
        return Done(count=actions.reassign(body.case_ids, body.owner, user, database_url=url))
    return Done(count=actions.bulk_close(body.case_ids, user, database_url=url))
