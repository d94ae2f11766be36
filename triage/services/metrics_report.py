"""The printable response-rate report for a period: HTML (Jinja2, autoescaped) and PDF.

The same figures as ``triage metrics`` (one load, one set of per-case measures), a
BHRRC-style statement a team can publish, tables by Global South/North, region, rights issue,
priority, channel and language, and inline SVG charts. The PDF is Chromium printing this very
HTML, so both always say the same. ``report_html`` is what the web dashboard renders.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from triage.atomic_files import write_bytes_atomic, write_text_atomic
from triage.services.metrics import (
    MetricsResult,
    calendars,
    metrics_from_measures,
    options_from_settings,
)
from triage.services.metrics_charts import grouped_bars, step_curves
from triage.services.metrics_frame import load_cases
from triage.services.metrics_measures import case_measures
from triage.services.metrics_stats import MetricsOptions, Prepared, with_periods
from triage.services.survival import kaplan_meier

SECTIONS = (
    ("global_south", "Global South and North"),
    ("region", "Region"),
    ("sub_region", "Sub-region"),
    ("rights_issue", "Rights issue (a case counts under each of its issues)"),
    ("priority", "Priority"),
    ("kind", "Kind of message"),
    ("channel", "Channel"),
    ("language", "Language"),
)
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer",
)  # fmt: skip


@dataclass(frozen=True)
class ReportData:
    """Everything the report (and the dashboard) shows for one period."""

    overall: MetricsResult
    sections: list[tuple[str, str, MetricsResult]]
    weekly: pd.DataFrame
    monthly: pd.DataFrame
    figures: dict[str, str]  # name -> inline SVG
    statement: str


def report_data(
    since: datetime,
    until: datetime,
    *,
    as_of: datetime | None = None,
    database_url: str | None = None,
    options: MetricsOptions | None = None,
    cases: pd.DataFrame | None = None,
) -> ReportData:
    """Load the period once and compute every table and figure of the report."""
    as_of = as_of or datetime.now(UTC)
    options = options or options_from_settings()
    frame = cases if cases is not None else load_cases(since, until, database_url)
    measures = Prepared(with_periods(case_measures(frame, as_of, calendars())))

    def run(by: tuple[str, ...]) -> MetricsResult:
        return metrics_from_measures(measures, since=since, until=until, by=by, as_of=as_of,
                                     options=options)  # fmt: skip

    overall = metrics_from_measures(measures, since=since, until=until, by=(), as_of=as_of,
                                    options=options, trends=("week", "month"))  # fmt: skip
    sections = [(dim, title, run((dim,))) for dim, title in SECTIONS]
    weekly, monthly = overall.trends["week"], overall.trends["month"]
    figures = {
        "waiting": _waiting_figure(measures.frame, options),
        "weekly_answered": _trend_figure(weekly, "week", "answered_within_days",
                                         f"Answered within {options.within_days:g} days, by "
                                         "week opened", ".0%"),
        "monthly_median": _trend_figure(monthly, "month", "median_days",
                                        "Median days to a response, by month opened", ".1f"),
        "regions": _region_figure(sections[1][2]),
    }  # fmt: skip
    return ReportData(overall, sections, weekly, monthly, figures, statement(overall))


def _waiting_figure(measures: pd.DataFrame, options: MetricsOptions) -> str:
    side = measures["global_south"].to_numpy()
    codes = np.where(side == "South", 0, np.where(side == "North", 1, -1))
    curves = kaplan_meier(codes, measures["days_respond"].to_numpy(),
                          measures["done_respond"].to_numpy(), 2)  # fmt: skip
    sizes = np.bincount(codes[codes >= 0], minlength=2)
    series = {}
    for code, name in ((0, "Global South"), (1, "Global North")):
        if sizes[code] >= options.min_group:
            rows = curves.group == code
            series[f"{name} ({sizes[code]} cases)"] = (curves.time[rows].tolist(),
                                                       curves.survival[rows].tolist())  # fmt: skip
    x_max = float(np.nanquantile(measures["days_respond"], 0.95)) if len(measures) else 1.0
    return step_curves(series, title="Share of cases still waiting for a response",
                       x_max=max(1.0, np.ceil(x_max)))  # fmt: skip


def _trend_figure(table: pd.DataFrame, period: str, column: str, title: str, fmt: str) -> str:
    if table.empty:
        return grouped_bars([], {}, title=title, y_label=column)
    categories = sorted({p for p in table[period] if not p.startswith("other")})
    series = {}
    for side in ("South", "North"):
        rows = table[table["global_south"] == side].set_index(period)[column]
        series[f"Global {side}"] = [_value(rows.get(p)) for p in categories]
    y_max = 1.0 if fmt.endswith("%") else None
    return grouped_bars(categories, series, title=title, y_label=column.replace("_", " "),
                        y_format=fmt, y_max=y_max)  # fmt: skip


def _region_figure(result: MetricsResult) -> str:
    table = result.table
    return grouped_bars(
        table["region"].tolist(),
        {"response rate": table["response_rate"].tolist(),
         f"answered within {result.options.within_days:g} days":
             table["answered_within_days"].tolist()},
        title="Response by region", y_label="share of cases", y_max=1.0,
    )  # fmt: skip


def _value(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _days(value: Any) -> str:
    return "not reached" if value is None or pd.isna(value) else f"{value:.1f} days"


def statement(result: MetricsResult) -> str:
    """The publishable sentence(s), with the unanswered counted and nothing invented."""
    o, gap = result.overall, result.gap
    last = result.until - timedelta(microseconds=1)  # the period excludes ``until``
    span = f"Between {result.since:%-d %B %Y} and {last:%-d %B %Y}"
    if "response_rate" not in o:
        return (f"{span} we received fewer than {result.options.min_group} new cases; figures "
                "are not published for so few.")  # fmt: skip
    median = o["median_days"]
    median_text = (
        f"the median time to a substantive response was {median:.1f} days"
        if not pd.isna(median)
        else "fewer than half have had a substantive response yet, so there is no median"
    )
    text = (
        f"{span} we received {o['cases']} new cases from civil-society organisations and "
        f"human-rights defenders. As of {result.as_of:%-d %B %Y} we had responded to "
        f"{100 * o['response_rate']:.0f}% of them ({o['responded']}); {median_text}, counting "
        f"the {o['cases'] - o['responded']} still waiting (Kaplan–Meier). We closed the loop "
        f"on {100 * o['close_loop_rate']:.0f}%."
    )
    if gap.get("suppressed"):
        return text + " Global South and North are not compared: too few cases on one side."
    sides = result_sides(result)
    text += (
        f" Global South: {sides['South']}; Global North: {sides['North']}."
        if sides else ""
    )
    return text


def result_sides(result: MetricsResult) -> dict[str, str]:
    gap = result.gap
    days = result.options.within_days
    out = {}
    for side, key in (("South", "south"), ("North", "north")):
        out[side] = (f"median {_days(gap[f'{key}_median_days'])}, "
                     f"{100 * gap[f'{key}_answered_within']:.0f}% answered within {days:g} "
                     "days")  # fmt: skip
    return out


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("triage.services", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
    )
    env.filters["pct"] = lambda v: "–" if v is None or pd.isna(v) else f"{100 * v:.0f}%"
    env.filters["num"] = lambda v: "n/a" if v is None or pd.isna(v) else f"{v:.1f}"
    return env


def render_html(data: ReportData) -> str:
    template = _environment().get_template("metrics_report.html.j2")
    return template.render(
        data=data,
        result=data.overall,
        gap=data.overall.gap,
        figures={name: Markup(svg) for name, svg in data.figures.items()},  # built by us, escaped
        generated=datetime.now(UTC),
        last_day=data.overall.until - timedelta(microseconds=1),
    )


def report_html(
    since: datetime, until: datetime, *, as_of: datetime | None = None,
    database_url: str | None = None,
) -> str:
    """The report as one self-contained HTML page (for the web dashboard and the flow)."""
    return render_html(report_data(since, until, as_of=as_of, database_url=database_url))


def html_to_pdf(html: str, path: Path, timeout: float = 120.0) -> Path:
    """Print the HTML with headless Chromium (Debian's ``chromium``); no network needed."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        raise RuntimeError("PDF needs Debian's 'chromium' (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="triage-report-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        out = Path(tmp) / "report.pdf"
        subprocess.run(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile",
             f"--print-to-pdf={out}", page.as_uri()],
            check=True, capture_output=True, timeout=timeout,
            env={"HOME": tmp, "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
        if not out.exists() or out.stat().st_size == 0:
            raise RuntimeError("Chromium wrote no PDF")
        write_bytes_atomic(path, out.read_bytes(), "metrics_mid_write")
    return path


def write_report(
    since: datetime, until: datetime, path: Path, *, as_of: datetime | None = None,
    database_url: str | None = None,
) -> Path:
    """Write the report as .html or .pdf (by the suffix)."""
    html = report_html(since, until, as_of=as_of, database_url=database_url)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".pdf":
        return html_to_pdf(html, path)
    if path.suffix.lower() not in (".html", ".htm"):
        raise ValueError(f"report as .html or .pdf, not {path.suffix or 'no suffix'}")
    return write_text_atomic(path, html, "metrics_mid_write")
