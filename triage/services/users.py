"""Staff accounts: passwords, sign-in with throttling, browser sessions and API tokens.

Only argon2id hashes and SHA-256 digests of session/API secrets are stored, so a copy of the
database lets nobody sign in. Repeated failures lock an account for a while (whether or not
it exists, the answer and its cost are the same), which stops online password guessing
without telling a guesser which usernames are real.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update

from triage.core.types import Event
from triage.services.database import session_scope
from triage.store import repository as repo
from triage.store.tables import AuthTokenRow, UserRow

ROLES = ("admin", "triager", "owner", "analyst")
MIN_PASSWORD = 12
MAX_FAILURES = 5  # consecutive failures before the account is locked
LOCK_FOR = timedelta(minutes=15)
SESSION_IDLE = timedelta(hours=2)
SESSION_MAX = timedelta(hours=12)
API_TOKEN_LIFE = timedelta(days=365)
TOUCH_EVERY = timedelta(minutes=1)  # a session's last_seen_at is written at most this often
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,99}$")

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a real password, only to spend the same time")


class UserError(ValueError):
    """A bad user-management request (unknown user, weak password, unknown role)."""


class LoginRefused(Exception):
    """Wrong username or password, disabled, or locked: one message for all of them."""


@dataclass(frozen=True, slots=True)
class StaffUser:
    id: int
    username: str
    display_name: str
    role: str
    team: str | None
    disabled: bool = False

    @property
    def reads_text(self) -> bool:
        """Analysts see metrics only, never what a sender wrote."""
        return self.role != "analyst"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _user(row: UserRow) -> StaffUser:
    return StaffUser(row.id, row.username, row.display_name, row.role, row.team, row.disabled)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"password must have at least {MIN_PASSWORD} characters")


def add_user(
    username: str,
    password: str,
    role: str,
    *,
    display_name: str | None = None,
    team: str | None = None,
    actor: str = "cli",
    database_url: str | None = None,
    now: datetime | None = None,
) -> StaffUser:
    """Create an account; usernames are routing ids for owners (``lena.fischer``)."""
    now = now or datetime.now(UTC)
    if not USERNAME.match(username):
        raise UserError("username: lower-case letters, digits, '.', '_' or '-' (2-100)")
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    _check_password(password)
    with session_scope(database_url) as session:
        if session.scalar(select(UserRow.id).where(UserRow.username == username)) is not None:
            raise UserError(f"user {username} exists")
        row = UserRow(
            username=username, display_name=display_name or username, role=role, team=team,
            password_hash=_hasher.hash(password), disabled=False, failed_logins=0,
            locked_until=None, created_at=now, password_changed_at=now,
        )  # fmt: skip
        session.add(row)
        session.flush()
        repo.add_event(session, Event("user_added", now, actor, None, {"user": username,
                                                                       "role": role}))
        return _user(row)


def list_users(database_url: str | None = None) -> list[StaffUser]:
    with session_scope(database_url) as session:
        return [_user(r) for r in session.scalars(select(UserRow).order_by(UserRow.username))]


def _row(session: object, username: str) -> UserRow:
    row = session.scalars(select(UserRow).where(UserRow.username == username)).first()  # type: ignore[attr-defined]
    if row is None:
        raise UserError(f"no user {username}")
    return row


def set_disabled(
    username: str, disabled: bool = True, *, actor: str = "cli", database_url: str | None = None
) -> None:
    """Disable (or re-enable) an account; disabling ends its sessions and tokens at once."""
    now = datetime.now(UTC)
    with session_scope(database_url) as session:
        row = _row(session, username)
        row.disabled = disabled
        if disabled:
            session.execute(
                update(AuthTokenRow)
                .where(AuthTokenRow.user_id == row.id, AuthTokenRow.revoked_at.is_(None))
                .values(revoked_at=now)
            )
        kind = "user_disabled" if disabled else "user_enabled"
        repo.add_event(session, Event(kind, now, actor, None, {"user": username}))


def set_password(
    username: str, password: str, *, actor: str = "cli", database_url: str | None = None
) -> None:
    """New password; every session and token of the account ends, and any lock is lifted."""
    _check_password(password)
    now = datetime.now(UTC)
    with session_scope(database_url) as session:
        row = _row(session, username)
        row.password_hash, row.password_changed_at = _hasher.hash(password), now
        row.failed_logins, row.locked_until = 0, None
        session.execute(
            update(AuthTokenRow)
            .where(AuthTokenRow.user_id == row.id, AuthTokenRow.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        repo.add_event(session, Event("password_set", now, actor, None, {"user": username}))


def authenticate(
    username: str, password: str, *, database_url: str | None = None, now: datetime | None = None
) -> StaffUser:
    """The account, or LoginRefused. A locked account refuses even the right password."""
    now = now or datetime.now(UTC)
    refused = False
    with session_scope(database_url) as session:
        row = session.scalars(select(UserRow).where(UserRow.username == username)).first()
        if row is None:
            _verify(_DUMMY_HASH, password)  # same cost as a real check: no username oracle
            raise LoginRefused()
        locked = row.locked_until is not None and row.locked_until > now
        ok = _verify(row.password_hash, password) and not locked and not row.disabled
        if ok:
            row.failed_logins, row.locked_until = 0, None
            if _hasher.check_needs_rehash(row.password_hash):
                row.password_hash = _hasher.hash(password)
            return _user(row)
        refused = True
        if not locked:  # counted and committed: raising inside the unit of work would undo it
            row.failed_logins += 1
            if row.failed_logins >= MAX_FAILURES:
                row.locked_until, row.failed_logins = now + LOCK_FOR, 0
                repo.add_event(session, Event("login_locked", now, "system", None,
                                              {"user": row.username}))  # fmt: skip
    assert refused
    raise LoginRefused()


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True, slots=True)
class SessionGrant:
    token: str  # goes to the browser in an HttpOnly cookie; only its digest is stored
    csrf_token: str


def open_session(
    user_id: int, *, database_url: str | None = None, now: datetime | None = None
) -> SessionGrant:
    now = now or datetime.now(UTC)
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    with session_scope(database_url) as session:
        session.add(
            AuthTokenRow(
                id=digest(token), user_id=user_id, kind="session", name="browser",
                csrf_token=csrf, created_at=now, last_seen_at=now,
                expires_at=now + SESSION_MAX, revoked_at=None,
            )
        )  # fmt: skip
    return SessionGrant(token, csrf)


def _token_user(
    token: str, kind: str, database_url: str | None, now: datetime
) -> tuple[StaffUser, str] | None:
    if not token or len(token) > 200:
        return None
    with session_scope(database_url) as session:
        found = session.execute(
            select(AuthTokenRow, UserRow)
            .join(UserRow, UserRow.id == AuthTokenRow.user_id)
            .where(AuthTokenRow.id == digest(token), AuthTokenRow.kind == kind)
        ).first()
        if found is None:
            return None
        grant, user = found
        idle = kind == "session" and now - grant.last_seen_at > SESSION_IDLE
        if grant.revoked_at is not None or grant.expires_at <= now or idle or user.disabled:
            return None
        if now - grant.last_seen_at > TOUCH_EVERY:
            grant.last_seen_at = now
        return _user(user), grant.csrf_token


def session_user(
    token: str, *, database_url: str | None = None, now: datetime | None = None
) -> tuple[StaffUser, str] | None:
    """(user, CSRF token) of a live browser session, or None."""
    return _token_user(token, "session", database_url, now or datetime.now(UTC))


def api_user(
    token: str, *, database_url: str | None = None, now: datetime | None = None
) -> StaffUser | None:
    found = _token_user(token, "api", database_url, now or datetime.now(UTC))
    return found[0] if found else None


def close_session(token: str, *, database_url: str | None = None) -> None:
    with session_scope(database_url) as session:
        session.execute(
            update(AuthTokenRow)
            .where(AuthTokenRow.id == digest(token), AuthTokenRow.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC))
        )


def issue_api_token(
    username: str, name: str = "api", *, database_url: str | None = None,
    now: datetime | None = None,
) -> str:  # fmt: skip
    """A bearer token for the JSON API; shown once, only its digest is kept."""
    now = now or datetime.now(UTC)
    token = "trg_" + secrets.token_urlsafe(32)
    with session_scope(database_url) as session:
        row = _row(session, username)
        if row.disabled:
            raise UserError(f"user {username} is disabled")
        session.add(
            AuthTokenRow(
                id=digest(token), user_id=row.id, kind="api", name=name[:100], csrf_token="",
                created_at=now, last_seen_at=now, expires_at=now + API_TOKEN_LIFE,
                revoked_at=None,
            )
        )  # fmt: skip
        repo.add_event(session, Event("api_token_issued", now, username, None, {"name": name}))
    return token
