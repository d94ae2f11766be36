"""The installed ``triage`` entry point: the library's CLI plus the Prefect commands."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from pipelines import prefect_env
from pipelines.task_errors import OWN_MODULES
from triage.cli import DatabaseOption, app, configure_logging, err_console, print_run_report
from triage.cli import use_database as _use_database


@app.command()
def run(
    sources: Annotated[
        list[str] | None, typer.Argument(help="configured source names or folders")
    ] = None,
    database: DatabaseOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the counts as JSON")] = False,
    no_prefect: Annotated[
        bool, typer.Option("--no-prefect", help="run the services directly, without Prefect")
    ] = False,
) -> None:
    """The main job: ingest, classify, route and store; then print the queue and the counts."""
    _use_database(database)
    if no_prefect:
        from rich.progress import Progress

        from triage.services.run_batch import run_batch
        from triage.services.sources import resolve_source_specs

        with Progress(transient=True, disable=as_json) as progress:
            task = progress.add_task("classifying", total=None)

            def advance(_stage: str, done: int, total: int) -> None:
                progress.update(task, completed=done, total=max(1, total // 1000 + 1))

            summary = run_batch(resolve_source_specs(sources or []), database, advance)
        counts = summary.counts()
    else:
        prefect_env.configure()
        from pipelines.triage_batch import run_triage_batch

        counts = run_triage_batch(sources or [])
    print_run_report(counts, as_json, database)


@app.command()
def schedule(
    sources: Annotated[
        list[str] | None, typer.Argument(help="configured source names (default: all)")
    ] = None,
    cron: Annotated[str | None, typer.Option(help="cron expression (TRIAGE_SCHEDULE_CRON)")] = None,
    start_server: Annotated[
        bool, typer.Option("--start-server", help="start a Prefect server on loopback first")
    ] = False,
    port: Annotated[int, typer.Option(help="port for --start-server")] = 4200,
) -> None:
    """Serve the scheduled batch deployment (cron, one run at a time) until stopped."""
    prefect_env.configure()
    from pipelines.schedule import serve_schedule
    from pipelines.schedule import start_server as start
    from triage.settings import get_settings

    server = start(port) if start_server else None
    try:
        settings = get_settings()
        serve_schedule(cron or settings.schedule_cron, sources or [],
                       metrics_cron=settings.metrics_cron,
                       retention_cron=settings.retention_cron)  # fmt: skip
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    database: DatabaseOption = None,
) -> None:
    """Serve the HTTP API (web-form submissions, health; the staff UI joins it)."""
    _use_database(database)
    from triage.web.serve import serve as run_server

    run_server(host=host, port=port, database_url=database)


def main() -> None:
    configure_logging()
    try:
        app()
    except Exception as exc:  # a clear error, never a traceback with message content
        # triage's own errors carry codes and ids; a library's may quote a message.
        own = type(exc).__module__.startswith(OWN_MODULES)
        detail = f": {exc}" if own else ""
        err_console.print(f"[red]error:[/red] {exc.__class__.__name__}{detail}", highlight=False)
        sys.exit(1)
