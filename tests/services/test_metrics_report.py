"""The report: statement, gap, tables, inline SVG, suppression, PDF through Chromium."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from tests.services.metrics_data import AS_OF, START, case, frame
from triage.services.metrics_report import html_to_pdf, render_html, report_data
from triage.services.metrics_stats import MetricsOptions

OPTIONS = MetricsOptions(min_group=5, within_days=7.0, bootstrap=50)


def cases() -> list[dict]:
    south = [case(i, respond_days=d, global_south="South", region="Africa", owner="amina")
             for i, d in enumerate([1, 2, 9, 12, 15])]  # fmt: skip
    south.append(case(5, global_south="South", region="Africa", owner="amina"))
    north = [case(10 + i, respond_days=0.5 + i / 10, global_south="North", region="Europe",
                  country="DE", owner="lena") for i in range(6)]  # fmt: skip
    lonely = [case(30, respond_days=1, global_south="North", region="Oceania", country="FJ",
                   language="fj", owner="pita")]  # fmt: skip
    return south + north + lonely


def test_report_says_the_statement_shows_the_gap_and_hides_small_groups() -> None:
    data = report_data(START, START + timedelta(days=28), as_of=AS_OF, options=OPTIONS,
                       cases=frame(cases()))  # fmt: skip
    html = render_html(data)
    # 13 cases, 12 answered: five before 1 day (S = 8/13), three at 1 day (S = 8/13 * 5/8);
    # South: 1, 2, 9, 12, 15 days and one waiting: S = 5/6, 4/6, 3/6 at 9 days.
    assert "we received 13 new cases" in data.statement
    assert "responded to 92% of them (12)" in data.statement
    assert "median time to a substantive response was 1.0 days" in data.statement
    assert "Global South: median 9.0 days" in data.statement
    assert data.overall.gap["alert"] is True
    assert 'id="gap-alert"' in html and "Above tolerance" in html
    assert html.count("<svg") == 4 and "<script" not in html and "http://" not in html.replace(
        "http://www.w3.org/2000/svg", "")
    assert "Oceania" not in html and "pita" not in html and ">fj<" not in html  # 1 case: hidden
    regions = data.sections[1][2].table["region"].tolist()  # Oceania (1) folded with Africa (6)
    assert regions == ["Europe", "other groups (merged to protect small ones)"]


def test_labels_are_escaped() -> None:
    rows = [case(i, respond_days=1, region="<b>x</b>") for i in range(5)]
    html = render_html(report_data(START, START + timedelta(days=28), as_of=AS_OF,
                                   options=OPTIONS, cases=frame(rows)))  # fmt: skip
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_pdf_is_printed_by_chromium(tmp_path: Path) -> None:
    if shutil.which("chromium") is None:
        if os.environ.get("CI"):
            pytest.fail("chromium missing: .ci/run installs it")
        pytest.skip("chromium not installed")
    html = render_html(report_data(START, START + timedelta(days=28), as_of=AS_OF,
                                   options=OPTIONS, cases=frame(cases())))  # fmt: skip
    pdf = html_to_pdf(html, tmp_path / "report.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 5000
