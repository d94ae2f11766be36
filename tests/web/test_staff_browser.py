"""A day in the queue, in a real headless Chromium: sign in, filter, open a case, correct its
labels, reassign, record a response, close the loop, bulk-confirm; then read the database.

The screenshots in docs/screenshots/ are taken here, so the README shows the UI as it is.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tests.conftest import ROOT
from tests.web.conftest import Site
from tests.web.staff import PASSWORD
from triage.services.database import session_scope
from triage.store.tables import (
    CaseOutcomeRow,
    CaseRow,
    ClassificationRow,
    DeadlineRow,
    EventRow,
    RoutingDecisionRow,
)

SHOTS = ROOT / "docs" / "screenshots"


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def latest_label(url: str, case_id: int) -> ClassificationRow:
    with session_scope(url) as session:
        case = session.get(CaseRow, case_id)
        assert case is not None
        return session.scalars(
            select(ClassificationRow).where(ClassificationRow.message_id == case.root_message_id)
            .order_by(ClassificationRow.id.desc())
        ).first()  # fmt: skip


def test_a_triager_works_a_case_from_queue_to_closed_loop(page: Any, site: Site) -> None:
    case_id = site.cases["spyware"]
    page.goto(f"{site.base}/login")
    shot(page, "login")
    sign_in(page, site.base, "tomas.novak")
    assert page.url.endswith("/queue")

    # Filter the open queue to surveillance cases: the spyware case is there, the others not.
    page.get_by_role("link", name=re.compile(r"^All open")).click()
    page.wait_for_load_state()
    shot(page, "queue")
    page.get_by_label("Rights issue").select_option("surveillance")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    assert "rights_issue=surveillance" in page.url
    rows = page.locator("table.queue tbody tr")
    links = [rows.nth(i).locator("a").first.inner_text() for i in range(rows.count())]
    assert f"#{case_id}" in links
    assert f"#{site.cases['question']}" not in links

    page.locator("#bulk").get_by_role("link", name=f"#{case_id}").click()  # not the banner
    page.wait_for_load_state()
    assert page.url.endswith(f"/cases/{case_id}")
    assert page.get_by_role("heading", name="Spyware targeting journalists").is_visible()
    shot(page, "case")

    # Correct the labels: privacy too, and high priority. Goes through correct_labels.
    form = page.locator("#correct-form")
    form.get_by_label("privacy").check()
    form.get_by_label("Priority").select_option("high")
    page.get_by_role("button", name="Save correction").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").first.inner_text().startswith("Labels corrected")
    label = latest_label(site.url, case_id)
    assert label.model_version.startswith("staff:tomas.novak@")
    assert "privacy" in label.rights_issue and label.priority == "high"
    assert not label.needs_review

    page.get_by_label("Reassign to").select_option("priya.nair")
    page.get_by_role("button", name="Reassign").click()
    page.wait_for_load_state()
    assert "priya.nair" in page.locator("#owner").inner_text()

    page.get_by_label("Record that we sent").select_option("respond")
    page.get_by_role("button", name="Record", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("status").first.inner_text() == "Response recorded."

    page.get_by_label("Outcome: what changed because of this input").select_option(
        "policy_change"
    )
    page.get_by_label("Summary").fill("Escalated to the trust & safety lead; policy updated.")
    page.get_by_role("button", name="Record outcome and close the loop").click()
    page.wait_for_load_state()
    assert "closed" in page.get_by_role("heading", level=1).inner_text()
    assert "policy updated" in page.locator("#h-outcomes + ul").inner_text()

    with session_scope(site.url) as session:
        case = session.get(CaseRow, case_id)
        assert case is not None
        assert (case.owner, case.status) == ("priya.nair", "closed")
        assert case.responded_at is not None and case.loop_closed_at is not None
        manual = session.scalars(select(RoutingDecisionRow).where(
            RoutingDecisionRow.case_id == case_id, RoutingDecisionRow.rule_id == "manual")).one()
        assert manual.owner == "priya.nair" and manual.actor == "tomas.novak"
        outcome = session.scalars(select(CaseOutcomeRow)
                                  .where(CaseOutcomeRow.case_id == case_id)).one()
        assert outcome.category == "policy_change"
        assert all(d.met_at is not None for d in session.scalars(
            select(DeadlineRow).where(DeadlineRow.case_id == case_id)))  # fmt: skip
        kinds = [e.kind for e in session.scalars(
            select(EventRow).where(EventRow.case_id == case_id).order_by(EventRow.id))]
    for kind in ("labels_corrected", "reassigned", "recorded_respond", "outcome_recorded",
                 "recorded_close_loop"):  # fmt: skip
        assert kind in kinds
    for line in ("labels_corrected", "reassigned", "outcome_recorded"):
        assert line in page.locator("ol.history").inner_text()


def test_bulk_confirm_from_the_queue_takes_cases_out_of_needs_triage(
    page: Any, site: Site
) -> None:
    # Everything the classifier sent to review (the vague one at least), and a question that
    # needed none: confirming empties the queue.
    review = [c for c in site.cases.values() if latest_label(site.url, c).needs_review]
    assert site.cases["vague"] in review and site.cases["question"] not in review
    wanted = [site.cases["vague"], *[c for c in review if c != site.cases["vague"]]]
    wanted.append(site.cases["question"])
    sign_in(page, site.base, "tomas.novak")
    page.goto(f"{site.base}/queue?queue=needs_triage")
    assert page.get_by_label(f"Select case {wanted[0]}").count() == 1
    page.goto(f"{site.base}/queue?queue=open")
    for case_id in wanted:
        page.get_by_label(f"Select case {case_id}").check()
    page.get_by_label("With the selected cases").select_option("confirm")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").first.inner_text() == "Done for the selected cases."
    for case_id in wanted:
        label = latest_label(site.url, case_id)
        assert label.model_version.startswith("staff:tomas.novak@")
        assert label.evidence["confirmed_by"] == "tomas.novak"
        assert not label.needs_review
    page.goto(f"{site.base}/queue?queue=needs_triage")
    assert page.get_by_label(f"Select case {wanted[0]}").count() == 0
    count = page.locator('a[data-queue="needs_triage"] .count').inner_text()
    assert count == "0"


def test_admin_and_analyst_pages(page: Any, site: Site) -> None:
    sign_in(page, site.base, "admin.one")
    page.goto(f"{site.base}/admin/users")
    assert page.get_by_role("cell", name="ana.lyst", exact=True).is_visible()
    shot(page, "people")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()

    sign_in(page, site.base, "ana.lyst")
    assert page.url.endswith("/metrics")
    shot(page, "metrics")
    body = page.locator("main").inner_text()
    assert "Spyware" not in body and "human rights policy" not in body
    response = page.goto(f"{site.base}/cases/{site.cases['question']}")
    assert response is not None and response.status == 403
    assert "human rights policy" not in page.content()


def test_screenshots_exist_for_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = re.findall(r"docs/screenshots/([a-z_]+)\.png", readme)
    assert {"login", "queue", "case", "people", "metrics"} <= set(names)
    for name in names:
        assert (Path(SHOTS) / f"{name}.png").stat().st_size > 1000, name
