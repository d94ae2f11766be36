"""Run the web app under uvicorn; ``triage serve`` calls this (the CLI stays thin)."""

from __future__ import annotations

import uvicorn

from triage.web.app import create_app


def serve(host: str = "127.0.0.1", port: int = 8000, database_url: str | None = None) -> None:
    """Serve until interrupted. Binds to loopback by default: exposing the API is a decision
    for whoever deploys it (usually behind a reverse proxy that terminates TLS)."""
    uvicorn.run(create_app(database_url), host=host, port=port, server_header=False)
