"""When a sender gets an automatic acknowledgement, and what it says."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from triage.config.files import load_acknowledgements
from triage.core.acknowledgement import (
    AcknowledgementError,
    parse_acknowledgements,
    reference_of,
    render,
    skip_reason,
)

POLICY = load_acknowledgements()
SAFE = {
    "channel": "email", "address": "a@example.org", "confidential": False, "priority": "normal",
    "kind": "allegation", "rights_issue": ("expression",), "challenge": (),
    "auto_submitted": False,
}  # fmt: skip


def test_an_ordinary_message_is_acknowledged() -> None:
    assert skip_reason(POLICY, **SAFE) is None


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"confidential": True}, "confidential"),
        ({"rights_issue": ("expression", "hrd_safety")}, "sender_at_risk"),
        ({"challenge": ("whistleblower_protection",)}, "sender_at_risk"),
        ({"priority": "critical"}, "critical"),
        ({"kind": "out_of_scope"}, "out_of_scope"),
        ({"auto_submitted": True}, "automatic_mail"),
        ({"address": ""}, "no_address"),
        ({"channel": "fax"}, "channel_off"),
    ],
)
def test_never_where_a_reply_could_hurt_or_loop(change: dict, reason: str) -> None:
    assert skip_reason(POLICY, **{**SAFE, **change}) == reason


def test_channel_switched_off() -> None:
    policy = parse_acknowledgements(
        {"version": "1", "channels": {"email": False, "form": True},
         "templates": {"en": {"subject": "case {reference}", "body": "by {respond_by}",
                              "greeting_named": "Dear {name},", "greeting_plain": "Hello,"}}}
    )  # fmt: skip
    assert skip_reason(policy, **SAFE) == "channel_off"
    assert skip_reason(policy, **{**SAFE, "channel": "form"}) is None


def test_rendered_in_the_senders_language_with_reference_and_date() -> None:
    due = datetime(2026, 12, 11, 15, 0, tzinfo=UTC)
    subject, body = render(POLICY, language="es", case_id=42, respond_by=due, sender_name="Lucía")
    assert reference_of(42) == "TRI-000042" and "TRI-000042" in subject
    assert "Estimado/a Lucía:" in body and "2026-12-11" in body and "Hemos recibido" in subject
    subject, body = render(POLICY, language="ar", case_id=7, respond_by=due, sender_name="")
    assert "TRI-000007" in body and "2026-12-11" in body and body.startswith("مرحباً")
    subject, _ = render(POLICY, language="zz", case_id=7, respond_by=due, sender_name="{x}")
    assert subject.startswith("We received")  # not covered: the default language


def test_every_template_is_complete() -> None:
    assert {"en", "es", "fr", "pt", "ar"} <= set(POLICY.templates)
    for template in POLICY.templates.values():
        assert "{reference}" in template.subject + template.body
        assert "{respond_by}" in template.body


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["templates"]["en"].update(body="no date"), "respond_by"),
        (lambda d: d["templates"]["en"].pop("subject"), "missing subject"),
        (lambda d: d.update(channels={"email": "yes"}), "true or false"),
        (lambda d: d.update(default_language="xx"), "default_language"),
        (lambda d: d["templates"]["en"].update(body="{respond_by} {oops}"), "bad placeholder"),
    ],
)
def test_invalid_files_are_refused(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    data = {
        "version": "1", "channels": {"email": True},
        "templates": {"en": {"subject": "case {reference}", "body": "by {respond_by}",
                             "greeting_named": "Dear {name},", "greeting_plain": "Hello,"}},
    }  # fmt: skip
    mutate(data)
    with pytest.raises(AcknowledgementError, match=message):
        parse_acknowledgements(data)
