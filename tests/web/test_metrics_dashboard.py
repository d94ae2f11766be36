"""The response-time dashboard in a real Chromium: an analyst sees the report for a period,
with the Global South gap, and downloads the same report as a PDF printed by Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.services.test_metrics_store import SECRET, seed
from tests.web.staff import add_people
from tests.web.test_forms_endpoint import running
from tests.web.test_staff_browser import shot, sign_in
from triage.web.app import create_app

PERIOD = "since=2026-11-01&until=2026-11-30"


def test_an_analyst_sees_the_gap_and_downloads_the_pdf(page: Any, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    add_people(url)
    south = [("amara", "South", d) for d in (2.0, 4.0, 6.0, 8.0, 9.0, 12.0)] + [
        ("amara", "South", None)
    ] * 4
    north = [("jonas", "North", d) for d in (0.5, 1.0, 1.0, 1.5, 2.0, 2.5, 3.0, 3.0)]
    seed(url, south + north)
    with running(create_app(url)) as base:
        sign_in(page, base, "ana.lyst")
        page.goto(f"{base}/metrics?{PERIOD}")
        report = page.frame_locator("#report")
        gap = report.locator("#gap")
        gap.wait_for()
        text = gap.inner_text()
        assert "Global South" in text and "Global North" in text
        statement = report.locator("body").inner_text()
        assert "respond" in statement.lower()
        assert SECRET not in page.content() and SECRET not in statement
        shot(page, "metrics_dashboard")

        pdf = page.request.get(f"{base}/metrics/report.pdf?{PERIOD}")
        assert pdf.status == 200
        assert pdf.headers["content-type"] == "application/pdf"
        body = pdf.body()
        assert body.startswith(b"%PDF") and len(body) > 5000
        (tmp_path / "report.pdf").write_bytes(body)
        printed = " ".join(
            page_.extract_text() for page_ in PdfReader(tmp_path / "report.pdf").pages
        )
        assert "Global South" in printed and "Global North" in printed
        assert SECRET not in printed

        framed = page.request.get(f"{base}/metrics/report?{PERIOD}")
        csp = framed.headers["content-security-policy"]
        assert "script-src" not in csp and "default-src 'none'" in csp


def test_a_malformed_period_falls_back_to_the_default(page: Any, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    add_people(url)
    with running(create_app(url)) as base:
        sign_in(page, base, "ana.lyst")
        for query in ("since=yesterday&until=%3Cscript%3E", "since=2026-12-31&until=2026-01-01"):
            response = page.request.get(f"{base}/metrics/report?{query}")
            assert response.status == 200
            assert "<script" not in response.text()
        page.goto(f"{base}/metrics?since=not-a-date")
        assert page.get_by_label("From").input_value() != "not-a-date"
