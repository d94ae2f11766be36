"""The staff services on SQLite and PostgreSQL: queue SQL (dialect-specific time arithmetic),
accounts and sessions, and the case actions the UI and API share."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.web.staff import PASSWORD, ordinary_cases
from triage.services import case_actions as actions
from triage.services import users
from triage.services.access import AccessDenied
from triage.services.database import session_scope
from triage.services.route_pending import routing_rules
from triage.services.staff_queue import QUEUES, QueueFilter, queue_view
from triage.store import queue_queries as qq
from triage.store.tables import CaseRow, ClassificationRow, DeadlineRow, EventRow, MessageRow


def staff(url: str, username: str, role: str, team: str | None) -> users.StaffUser:
    return users.add_user(username, PASSWORD, role, team=team, database_url=url)


def test_queue_counts_agree_with_pages_and_filters(database_url: str, tmp_path: Path) -> None:
    url = database_url
    cases = ordinary_cases(url, tmp_path / "inbox")
    triager = staff(url, "tomas.novak", "triager", "triage-desk")
    with session_scope(url) as session:
        respond = {d.case_id: d for d in session.scalars(
            select(DeadlineRow).where(DeadlineRow.kind == "respond"))}  # fmt: skip
    urgent = respond[cases["urgent"]]
    risky = urgent.started_at + (urgent.due_at - urgent.started_at) * 0.8
    share = routing_rules().at_risk_share
    for now in (datetime.now(UTC), risky, urgent.due_at + timedelta(days=400)):
        with session_scope(url) as session:
            conditions = qq.queue_conditions(session, triager.username, triager.team, now, share)
            fast = qq.plain_counts(session, triager.username, triager.team, now, share)
            full = qq.queue_counts(session, conditions, QueueFilter())
        assert fast == full, now  # the index-driven counts and the one-pass counts agree
        for queue in QUEUES:
            view = queue_view(triager, queue, database_url=url, now=now)
            assert len(view.rows) == view.counts[queue], (queue, now)
    assert fast["overdue"] == fast["open"] == 4  # a year later every open case is late
    at_risk = queue_view(triager, "at_risk", database_url=url, now=risky)
    assert cases["urgent"] in [r.case_id for r in at_risk.rows]
    assert cases["vague"] in [r.case_id for r in queue_view(triager, "needs_triage",
                                                            database_url=url).rows]

    def ids(**filters: object) -> set[int]:
        view = queue_view(triager, "open", QueueFilter(**filters), database_url=url)  # type: ignore[arg-type]
        assert view.counts["open"] == len(view.rows)
        return {r.case_id for r in view.rows}

    surveillance = ids(rights_issue="surveillance")
    assert cases["spyware"] in surveillance and cases["question"] not in surveillance
    with session_scope(url) as session:  # the filter shows exactly the cases labelled so
        labelled = {
            case_id for case_id, labels in session.execute(
                select(CaseRow.id, ClassificationRow.rights_issue)
                .join(ClassificationRow, ClassificationRow.message_id == CaseRow.root_message_id)
            ) if "surveillance" in labels
        }  # fmt: skip
    assert surveillance == labelled
    assert cases["urgent"] in ids(region="Africa")
    assert cases["urgent"] in ids(global_south=True)
    assert cases["question"] not in ids(rights_issue="hrd_safety")
    assert ids(owner="nobody.at.all") == set()
    assert ids(language="en") == {cases[n] for n in ("urgent", "question", "spyware")}


def test_accounts_sessions_and_tokens(database_url: str) -> None:
    url = database_url
    user = staff(url, "lena.fischer", "owner", "defenders-at-risk")
    with pytest.raises(users.UserError):
        users.add_user("lena.fischer", PASSWORD, "owner", database_url=url)
    with pytest.raises(users.UserError):
        users.add_user("short.pw", "too short", "owner", database_url=url)
    assert users.authenticate("lena.fischer", PASSWORD, database_url=url).id == user.id
    grant = users.open_session(user.id, database_url=url)
    found = users.session_user(grant.token, database_url=url)
    assert found is not None
    assert (found[0].username, found[1]) == ("lena.fischer", grant.csrf_token)
    assert users.session_user(grant.token, database_url=url,
                              now=datetime.now(UTC) + users.SESSION_IDLE * 2) is None
    token = users.issue_api_token("lena.fischer", database_url=url)
    assert users.api_user(token, database_url=url) is not None
    assert users.api_user(grant.token, database_url=url) is None  # a session is not an API key

    for _ in range(users.MAX_FAILURES):
        with pytest.raises(users.LoginRefused):
            users.authenticate("lena.fischer", "wrong password", database_url=url)
    with pytest.raises(users.LoginRefused):  # locked now, the right password included
        users.authenticate("lena.fischer", PASSWORD, database_url=url)
    later = datetime.now(UTC) + users.LOCK_FOR + timedelta(seconds=1)
    assert users.authenticate("lena.fischer", PASSWORD, database_url=url, now=later)

    users.set_disabled("lena.fischer", database_url=url)
    assert users.session_user(grant.token, database_url=url) is None
    assert users.api_user(token, database_url=url) is None
    with pytest.raises(users.LoginRefused):
        users.authenticate("lena.fischer", PASSWORD, database_url=url)
    users.set_disabled("lena.fischer", False, database_url=url)
    users.set_password("lena.fischer", "another long password", database_url=url)
    with pytest.raises(users.LoginRefused):
        users.authenticate("lena.fischer", PASSWORD, database_url=url)
    assert users.authenticate("lena.fischer", "another long password", database_url=url)
    with session_scope(url) as session:
        kinds = set(session.scalars(select(EventRow.kind)))
    assert {"user_added", "login_locked", "user_disabled", "password_set"} <= kinds


def test_merge_confidential_and_analyst(database_url: str, tmp_path: Path) -> None:
    url = database_url
    cases = ordinary_cases(url, tmp_path / "inbox")
    triager = staff(url, "tomas.novak", "triager", "triage-desk")
    analyst = staff(url, "ana.lyst", "analyst", None)
    keep, dup = cases["spyware"], cases["question"]
    actions.merge(dup, keep, triager, database_url=url)
    with session_scope(url) as session:
        duplicate = session.get(CaseRow, dup)
        assert duplicate is not None
        assert (duplicate.status, duplicate.merged_into) == ("closed", keep)
        moved = session.scalars(select(MessageRow.case_id).where(
            MessageRow.id == duplicate.root_message_id)).one()  # fmt: skip
        assert moved == keep
    with pytest.raises(actions.ActionError):
        actions.merge(keep, keep, triager, database_url=url)

    actions.set_confidential(keep, True, ["omar.said"], triager, database_url=url)
    with pytest.raises(AccessDenied):
        actions.add_note(keep, "a note", triager, database_url=url)  # not named: no text
    omar = staff(url, "omar.said", "owner", "defenders-at-risk")
    actions.add_note(keep, "a note", omar, database_url=url)
    with pytest.raises(AccessDenied):
        actions.confirm_labels([keep], analyst, database_url=url)
    with pytest.raises(AccessDenied):
        queue_view(analyst, "open", database_url=url)
    assert queue_view(analyst, counts_only=True, database_url=url).counts["open"] == 3


def test_reassigning_moves_unmet_deadlines_to_the_new_owners_calendar(
    sqlite_url: str, tmp_path: Path
) -> None:
    from triage.core.routing import deadlines_for

    url = sqlite_url
    cases = ordinary_cases(url, tmp_path / "inbox")
    triager = staff(url, "tomas.novak", "triager", "triage-desk")
    rules = routing_rules()
    case_id = cases["question"]
    with session_scope(url) as session:
        case = session.get(CaseRow, case_id)
        assert case is not None
        received = session.scalars(
            select(MessageRow.received_at).where(MessageRow.id == case.root_message_id)
        ).one()
        priority, kind, before_owner = case.priority, case.kind, case.owner
    assert priority != "critical"  # critical deadlines run on the 24x7 clock, whoever owns them
    target = next(
        p for p, person in rules.people.items()
        if p != before_owner and person.calendar != rules.people[before_owner].calendar
    )  # fmt: skip
    actions.reassign([case_id], target, triager, database_url=url)
    expected = {str(d.kind): d for d in deadlines_for(rules, priority, kind, target, received)}
    with session_scope(url) as session:
        rows = session.scalars(select(DeadlineRow).where(DeadlineRow.case_id == case_id)).all()
        assert rows
        for row in rows:
            if row.met_at is None:
                assert row.calendar == rules.people[target].calendar
                assert row.due_at == expected[row.kind].due_at
