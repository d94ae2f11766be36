"""``POST /api/forms/{source}``: a web form (or a form platform's webhook) posts one
submission as JSON; it is stored as a message of channel ``form``.

The body is read by hand rather than by a FastAPI body parameter so that its size is capped
*before* anything parses it (FastAPI would read and decode the whole body first). Validation
errors name the field but never echo the values (see ``triage.web.app``), and nothing here
logs the payload: a message may describe a person at risk.
"""

from __future__ import annotations

import json
import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.concurrency import run_in_threadpool

from triage.services.ingest_form import ingest_submission, valid_address, valid_submitted_at

log = logging.getLogger(__name__)

SOURCE_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
MAX_MESSAGE_CHARS = 100_000


class FormSubmission(BaseModel):
    """One submission, in triage's own field names; anything else is refused (422) so that a
    misconfigured form fails loudly instead of losing the field it thought it sent."""

    model_config = ConfigDict(extra="forbid")

    submission_id: str | None = Field(default=None, max_length=200)
    submitted_at: str | None = Field(
        default=None,
        max_length=64,
        description="ISO 8601; kept with the raw payload only: the server's clock is the "
        "receipt time that deadlines are computed from.",
    )
    name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=320)
    organisation: str | None = Field(default=None, max_length=300)
    country: str | None = Field(default=None, max_length=100)
    subject: str | None = Field(default=None, max_length=998)
    message: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS)

    @field_validator("message")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    @field_validator("email")
    @classmethod
    def _address(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None  # forms send "" for a field left empty
        if not valid_address(value):
            raise ValueError("is not an email address")
        return value

    @field_validator("submitted_at")
    @classmethod
    def _timestamp(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if not valid_submitted_at(value):
            raise ValueError("is not an ISO 8601 date and time")
        return value


class FormAccepted(BaseModel):
    """``reference`` is the stored message's id, for the sender's acknowledgement."""

    status: Literal["stored", "duplicate", "quarantined"]
    reference: str | None


router = APIRouter(prefix="/api/forms", tags=["forms"])

_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": FormSubmission.model_json_schema()}},
    }
}
_ERRORS_DOC: dict[int | str, dict[str, Any]] = {
    413: {"description": "Body larger than TRIAGE_FORM_MAX_BYTES"},
    415: {"description": "Body is not JSON"},
    422: {"description": "Invalid submission: the fields and problems, never the values"},
    503: {"description": "Could not be stored now; retry later"},
}


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def _too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"request body larger than {limit} bytes")


def _check_declared_length(request: Request, limit: int) -> None:
    """Refuse from the Content-Length header alone, before a byte of the body is read."""
    declared = request.headers.get("content-length")
    if declared is None:
        return  # chunked: counted while reading
    if not declared.strip().isdigit():
        raise HTTPException(400, "invalid Content-Length")
    if int(declared) > limit:
        raise _too_large(limit)


async def _read_capped(request: Request, limit: int) -> bytes:
    """The body, refused as soon as it exceeds ``limit`` (chunked or lying clients)."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _too_large(limit)
    return bytes(body)


def _invalid(field: str, problem: str, kind: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("body", field), "msg": problem, "type": kind}])


@router.post(
    "/{source}",
    status_code=202,
    response_model=FormAccepted,
    openapi_extra=_BODY_DOC,
    responses=_ERRORS_DOC,
)
async def submit_form(
    request: Request,
    source: Annotated[str, Path(pattern=SOURCE_PATTERN, description="Form source name")],
) -> FormAccepted:
    """Store one submission. Posting the same JSON again answers "duplicate" with the same
    reference and stores nothing new (the key is a hash of the payload)."""
    limit: int = request.app.state.form_max_bytes
    _check_declared_length(request, limit)
    if not _is_json(request.headers.get("content-type", "")):
        raise HTTPException(415, "send the submission as application/json")
    body = await _read_capped(request, limit)
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise _invalid("body", "is not valid JSON (UTF-8)", "json_invalid") from None
    try:
        submission = FormSubmission.model_validate(data)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_input=False)]
        ) from None
    payload = submission.model_dump(exclude_none=True)
    try:
        status, message_id = await run_in_threadpool(
            ingest_submission, payload, source=source, database_url=request.app.state.database_url
        )
    except Exception as exc:
        # Database errors can carry SQL parameters (the message text): log the class only.
        log.error("form submission to %s not stored: %s", source, exc.__class__.__name__)
        raise HTTPException(503, "the submission could not be stored; try again later") from None
    return FormAccepted(
        status=status, reference=str(message_id) if message_id is not None else None
    )
