"""One Settings object, built when asked for (no side effects at import).

Every knob has an environment variable with the ``TRIAGE_`` prefix so that Prefect workers,
the CLI and the tests configure the same way; credentials never appear in logs or parameters.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TRIAGE_", extra="ignore")

    database_url: str = "sqlite:///./triage.db"
    models_dir: Path = Path("models")
    routing_file: Path | None = None
    acknowledgements_file: Path | None = None  # default: packaged acknowledgements.yaml
    sources_file: Path = Path("config/sources.yaml")
    schedule_cron: str = "*/15 * * * *"
    chunk_size: int = Field(default=1000, ge=1)
    # Scale-out: chunks of the batch run on a Dask cluster. ``workers`` > 1 starts a local
    # cluster of that many processes; ``dask_address`` uses a running scheduler instead. Both
    # need a shared store (PostgreSQL); SQLite takes one writer, so it runs in-process.
    workers: int = Field(default=1, ge=1)
    dask_address: str | None = None
    dask_threads: int = Field(default=1, ge=1)  # per worker process: CPU-bound work, no GIL gain
    max_message_bytes: int = Field(default=25 * 1024 * 1024, ge=1024)
    max_mime_depth: int = Field(default=20, ge=1)
    max_mime_parts: int = Field(default=500, ge=1)
    max_headers: int = Field(default=1000, ge=10)
    max_parse_seconds: float = Field(default=10.0, gt=0)  # CPU time per message
    # The web form endpoint refuses larger request bodies before parsing them (413).
    form_max_bytes: int = Field(default=256 * 1024, ge=1024)
    # Escalation mail. Without a host, notices wait in the outbox until one is configured.
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_sender: str = "triage@localhost"
    smtp_starttls: bool = False
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    base_url: str = "http://127.0.0.1:8000"  # links in notices point at the web UI
    # Strict-Transport-Security on every response: turn on once the UI is served over HTTPS
    # (by a reverse proxy); browsers then refuse plain http to this host for a year.
    hsts: bool = False
    # IMAP sources: credentials come from the variables each source names (username_env,
    # password_env), never from the sources file or a flow parameter.
    imap_batch_size: int = Field(default=100, ge=1, le=1000)  # UIDs per FETCH and per commit
    imap_timeout: float = Field(default=60.0, gt=0)  # seconds per socket operation
    # Response-time metrics: groups below metrics_min_group cases are suppressed in every
    # output; the Global South gap alerts above either tolerance (days of median, share).
    metrics_min_group: int = Field(default=5, ge=1)
    metrics_within_days: float = Field(default=7.0, gt=0)
    metrics_gap_tolerance_days: float = Field(default=1.0, ge=0)
    metrics_gap_tolerance_share: float = Field(default=0.10, ge=0, le=1)
    metrics_bootstrap: int = Field(default=200, ge=0, le=10000)
    metrics_seed: int = 20261129
    metrics_cron: str = "0 6 * * 1"  # weekly report, Mondays 06:00 UTC
    metrics_report_dir: Path = Path("reports")
    metrics_alert_to: str = ""  # person ids from the routing file, comma-separated
    # Encryption at rest (docs/encryption-retention.md) is read by ``data_protection()``:
    # TRIAGE_DATA_KEY (Fernet keys, comma-separated; the first seals, any opens),
    # TRIAGE_ENCRYPT_ALL (seal every case, not only confidential ones) and
    # TRIAGE_ALLOW_PLAINTEXT (development only: keep confidential text in clear without a key).
    # Retention of text: default packaged triage/data/retention.yaml.
    retention_file: Path | None = None
    retention_cron: str = "30 2 * * *"  # daily: seal sweep, warnings, purge


_TRUE = {"1", "true", "yes", "on", "t", "y"}


def data_protection() -> tuple[tuple[str, ...], bool, bool]:
    """(keys, encrypt_all, allow_plaintext) as ``Settings`` reads them, straight from the
    environment at each call: every unit of work installs them, so this must be cheap (a
    ``Settings()`` costs milliseconds) and must not fill ``get_settings``' cache early."""
    secret = os.environ.get("TRIAGE_DATA_KEY", "")
    keys = tuple(k.strip() for k in secret.split(",") if k.strip())
    flag = {name: os.environ.get(f"TRIAGE_{name}", "").strip().lower() in _TRUE
            for name in ("ENCRYPT_ALL", "ALLOW_PLAINTEXT")}  # fmt: skip
    return keys, flag["ENCRYPT_ALL"], flag["ALLOW_PLAINTEXT"]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
