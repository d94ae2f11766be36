"""Shared fixtures: a database URL per test on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.postgres_server import PostgresServer, start_server

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SHARED = ROOT.parent / "shared"
# Encryption at rest needs a key wherever a case may become confidential: a fixed test key
# (Fernet, 32 bytes base64), never a real one. Tests about missing keys remove it.
TEST_DATA_KEY = "dGVzdC1rZXktbm90LWZvci1wcm9kdWN0aW9uLXVzZSE="
os.environ.setdefault("TRIAGE_DATA_KEY", TEST_DATA_KEY)  # module-scoped fixtures need it too


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = start_server()
    if server is None:
        message = "PostgreSQL binaries not found: install Debian's 'postgresql' (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield server
    finally:
        server.stop()


def new_postgres_database(server: PostgresServer) -> str:
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server.url().replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.url(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'triage.db'}"
    server = request.getfixturevalue("postgres_server")
    return new_postgres_database(server)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'triage.db'}"


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test sees settings built from its own environment."""
    from triage.settings import get_settings

    monkeypatch.setenv("TRIAGE_MODELS_DIR", str(ROOT / "models"))
    monkeypatch.setenv("TRIAGE_SOURCES_FILE", str(ROOT / "config" / "sources.yaml"))
    monkeypatch.setenv("TRIAGE_DATA_KEY", TEST_DATA_KEY)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
