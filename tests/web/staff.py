"""Helpers for the staff UI tests: real cases through the real pipeline, real accounts,
and signing in over HTTP the way a browser does (the login form's nonce, then the cookie).

Cookies are Secure, and httpx (rightly) will not send a Secure cookie over plain http to
the loopback test server, so the helpers copy the values the server set into the client.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import select

from triage.services.database import session_scope
from triage.services.run_batch import run_batch
from triage.services.users import add_user
from triage.store.tables import CaseRow, MessageRow
from triage.web.security import LOGIN_COOKIE, SESSION_COOKIE

PASSWORD = "correct horse battery staple"
PEOPLE = {  # username: (role, team)
    "admin.one": ("admin", None),
    "tomas.novak": ("triager", "triage-desk"),
    "lena.fischer": ("owner", "defenders-at-risk"),
    "amina.yusuf": ("owner", "regional-africa"),
    "ana.lyst": ("analyst", None),
}


def add_people(url: str) -> None:
    for username, (role, team) in PEOPLE.items():
        add_user(username, PASSWORD, role, team=team, display_name=username.title(),
                 database_url=url)  # fmt: skip


def eml(received: datetime, message_id: str, sender: str, subject: str, body: str,
        html: str | None = None, attachment: tuple[str, bytes] | None = None) -> bytes:  # fmt: skip
    """A small multipart message, its headers encoded as a mail client would."""
    from email.message import EmailMessage
    from email.utils import format_datetime

    msg = EmailMessage()
    msg["Received"] = f"from mx by in; {format_datetime(received)}"
    msg["From"] = sender
    msg["To"] = "humanrights@example-platform.com"
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{message_id}>"
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    if attachment is not None:
        msg.add_attachment(attachment[1], maintype="application", subtype="octet-stream",
                           filename=attachment[0])  # fmt: skip
    return msg.as_bytes()


def ingest(url: str, folder: Path, messages: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, raw in messages.items():
        (folder / f"{name}.eml").write_bytes(raw)
    run_batch([(folder.name, folder)], url)


def ordinary_cases(url: str, folder: Path, now: datetime | None = None) -> dict[str, int]:
    """Four everyday cases (urgent defender, question, surveillance, a vague one with an
    attachment and no text, which the classifier leaves for review): name -> case id."""
    now = now or datetime.now(UTC)
    ingest(url, folder, {
        "urgent": eml(now - timedelta(hours=1), "urgent@example.org",
                      "Ana Mwangi <ana@example.org>", "Urgent: activist detained in Nairobi",
                      "Our colleague, a human rights defender, was arrested last night after "
                      "her account was reported. She faces threats. Please help urgently."),
        "question": eml(now - timedelta(hours=3), "question@example.org",
                        "Joao <joao@example.org>", "Question about your human rights policy",
                        "Could you tell us where your latest human rights policy is published?"),
        "spyware": eml(now - timedelta(hours=2), "spyware@example.org",
                       "Rania <rania@example.org>", "Spyware targeting journalists",
                       "We published a report documenting spyware and surveillance of "
                       "journalists in Lebanon in 2025 and would welcome a meeting with your "
                       "policy team about it."),
        "vague": eml(now - timedelta(hours=4), "vague@example.org",
                     "K. <k@example.net>", "Hello", "",
                     attachment=("notes 2026.pdf", b"%PDF-1.4 not really a pdf\n" * 20)),
    })  # fmt: skip
    return case_ids(url)


def case_ids(url: str) -> dict[str, int]:
    with session_scope(url) as session:
        rows = session.execute(
            select(MessageRow.message_id, CaseRow.id).join(CaseRow,
                                                           CaseRow.root_message_id == MessageRow.id)
        )  # fmt: skip
        return {str(mid).strip("<>").split("@")[0]: int(cid) for mid, cid in rows}


@dataclass
class Signed:
    client: httpx.Client
    csrf: str


def set_cookie_value(response: httpx.Response, name: str) -> str | None:
    for header in response.headers.get_list("set-cookie"):
        match = re.match(rf"{name}=([^;]*)", header)
        if match:
            return match.group(1)
    return None


def sign_in(base: str, username: str, password: str = PASSWORD) -> Signed:
    client = httpx.Client(base_url=base, follow_redirects=False)
    page = client.get("/login")
    nonce = set_cookie_value(page, LOGIN_COOKIE)
    assert nonce, "the sign-in page sets its nonce cookie"
    client.cookies.set(LOGIN_COOKIE, nonce)
    response = client.post("/login", data={"username": username, "password": password,
                                           "csrf_token": nonce})  # fmt: skip
    assert response.status_code == 303, response.status_code
    token = set_cookie_value(response, SESSION_COOKIE)
    assert token
    client.cookies.set(SESSION_COOKIE, token)
    home = client.get("/metrics")
    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', home.text)
    assert match
    return Signed(client, match.group(1))
