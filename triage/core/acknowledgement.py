"""The automatic acknowledgement to a sender: when it is sent, and what it says.

Civil-society guides tell senders to expect a date; Guiding Principle 31 asks for predictable
timeframes. So the acknowledgement gives the case reference and the date by which the sender
will hear back, in their language. It is never sent where it could hurt: confidential cases,
defenders at risk and whistleblowers (a reply can reveal to whoever reads their mailbox that
they wrote to us), critical items (a person answers those), out-of-scope mail, automatic
mail (no reply loops), and channels the team switched off.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

RISK_ISSUES = frozenset({"hrd_safety"})
RISK_CHALLENGES = frozenset({"whistleblower_protection"})
REQUIRED_FIELDS = ("{reference}", "{respond_by}")


class AcknowledgementError(ValueError):
    """The acknowledgement file does not validate."""


@dataclass(frozen=True, slots=True)
class Template:
    subject: str
    body: str
    greeting_named: str
    greeting_plain: str


@dataclass(frozen=True, slots=True)
class AcknowledgementPolicy:
    version: str
    channels: Mapping[str, bool]
    templates: Mapping[str, Template]
    default_language: str
    team_name: str


def reference_of(case_id: int) -> str:
    return f"TRI-{case_id:06d}"


def skip_reason(
    policy: AcknowledgementPolicy,
    *,
    channel: str,
    address: str,
    confidential: bool,
    priority: str,
    kind: str,
    rights_issue: tuple[str, ...],
    challenge: tuple[str, ...],
    auto_submitted: bool,
) -> str | None:
    """Why no acknowledgement goes out (a code for the audit log), or None to send one."""
    if not policy.channels.get(channel, False):
        return "channel_off"
    if not address:
        return "no_address"
    if auto_submitted:
        return "automatic_mail"
    if confidential:
        return "confidential"
    if RISK_ISSUES & set(rights_issue) or RISK_CHALLENGES & set(challenge):
        return "sender_at_risk"
    if priority == "critical":
        return "critical"
    if kind == "out_of_scope":
        return "out_of_scope"
    return None


def render(
    policy: AcknowledgementPolicy,
    *,
    language: str,
    case_id: int,
    respond_by: datetime,
    sender_name: str,
) -> tuple[str, str]:
    """Subject and body in the sender's language (the default language when not covered)."""
    template = policy.templates.get(language) or policy.templates[policy.default_language]
    name = " ".join(sender_name.split())[:80]
    greeting = template.greeting_named.format(name=name) if name else template.greeting_plain
    fields = {
        "reference": reference_of(case_id),
        "respond_by": respond_by.strftime("%Y-%m-%d"),
        "greeting": greeting,
        "team": policy.team_name,
    }
    return template.subject.format(**fields), template.body.format(**fields)


def parse_acknowledgements(data: object) -> AcknowledgementPolicy:
    if not isinstance(data, Mapping):
        raise AcknowledgementError("acknowledgement file must be a mapping")
    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise AcknowledgementError("needs a string 'version'")
    channels = data.get("channels")
    if not isinstance(channels, Mapping) or not all(
        isinstance(v, bool) for v in channels.values()
    ):
        raise AcknowledgementError("'channels' must map channel names to true or false")
    raw = data.get("templates")
    if not isinstance(raw, Mapping) or not raw:
        raise AcknowledgementError("needs 'templates' per language")
    templates: dict[str, Template] = {}
    for language, spec in raw.items():
        where = f"templates.{language}"
        if not isinstance(spec, Mapping):
            raise AcknowledgementError(f"{where}: must be a mapping")
        try:
            template = Template(
                str(spec["subject"]), str(spec["body"]), str(spec["greeting_named"]),
                str(spec["greeting_plain"]),
            )  # fmt: skip
        except KeyError as exc:
            raise AcknowledgementError(f"{where}: missing {exc.args[0]}") from None
        for field in REQUIRED_FIELDS:
            if field not in template.subject + template.body:
                raise AcknowledgementError(f"{where}: must mention {field}")
        try:
            template.greeting_named.format(name="x")
            template.subject.format(reference="", respond_by="", greeting="", team="")
            template.body.format(reference="", respond_by="", greeting="", team="")
        except (KeyError, IndexError, ValueError) as exc:
            raise AcknowledgementError(f"{where}: bad placeholder {exc}") from None
        templates[str(language)] = template
    default = data.get("default_language", "en")
    if default not in templates:
        raise AcknowledgementError(f"default_language {default!r} has no template")
    return AcknowledgementPolicy(
        version, {str(k): bool(v) for k, v in channels.items()}, templates, str(default),
        str(data.get("team_name", "Human Rights Team")),
    )  # fmt: skip
