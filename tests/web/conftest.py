"""Fixtures for the staff UI: a served database with people and real cases, and Chromium.

Building cases runs the real pipeline (ingest, classify, route), which costs seconds, so a
site is built once per test module; each test works on its own cases.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.web.staff import add_people, ordinary_cases
from tests.web.test_forms_endpoint import running
from triage.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@dataclass
class Site:
    base: str
    url: str  # the database
    cases: dict[str, int]
    folder: Path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("site")
    url = f"sqlite:///{folder / 'triage.db'}"
    add_people(url)
    cases = ordinary_cases(url, folder / "inbox")
    with running(create_app(url)) as base:
        yield Site(base, url, cases, folder)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (its own browser downloads cannot work here)."""
    if not shutil.which(CHROMIUM):
        message = "Chromium not found: install Debian's 'chromium' (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                              headless=True)  # fmt: skip
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    try:
        yield context.new_page()
    finally:
        context.close()
