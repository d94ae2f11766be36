"""The ``triage`` command line (Typer). Calls services only.

Commands that need Prefect (``run`` with Prefect, ``schedule``) are added by
``pipelines.cli``, which is the installed entry point, so that nothing in ``triage/`` imports
Prefect.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    name="triage",
    help="Answer every message from civil society, in time, fairly.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)

DatabaseOption = Annotated[
    str | None,
    typer.Option("--database", help="SQLAlchemy URL (default: TRIAGE_DATABASE_URL or SQLite)"),
]


def use_database(url: str | None) -> None:
    """Point settings at ``url`` for this process (and Prefect workers it starts)."""
    if url:
        os.environ["TRIAGE_DATABASE_URL"] = url
        from triage.settings import get_settings

        get_settings.cache_clear()


def configure_logging(verbose: bool = False) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def print_run_report(counts: dict[str, int], as_json: bool, database_url: str | None) -> None:
    if as_json:
        typer.echo(json.dumps(counts, sort_keys=True))
        return
    from triage.services.queue import open_queue

    items = open_queue(database_url)
    table = Table(title=f"Open queue ({len(items)} cases)", show_lines=False)
    for column in ("case", "owner", "respond by (UTC)", "priority", "issues", "countries", "lang"):
        table.add_column(column)
    for item in items:
        style = "bold red" if item.priority == "critical" else None
        table.add_row(
            str(item.case_id),
            item.owner,
            item.respond_by.strftime("%Y-%m-%d %H:%M"),
            item.priority,
            ", ".join(item.rights_issue),
            ", ".join(item.countries),
            item.language + ("?" if item.needs_review else ""),
            style=style,
        )
    console.print(table)
    console.print(
        "seen {seen} · stored {stored} · quarantined {quarantined} · duplicates {duplicates}"
        " · classified {classified} · routed {routed}".format(**counts)
    )


@app.command()
def classify(
    input_path: Annotated[Path, typer.Argument(help="JSON Lines in the taxonomy's format")],
    output: Annotated[Path, typer.Option("-o", "--output", help="where to write results")],
) -> None:
    """Classify messages from a JSONL file without touching the database."""
    from triage.services.classify_file import classify_stream

    try:
        source = open(input_path, encoding="utf-8", errors="replace")  # noqa: SIM115
    except OSError as exc:
        err_console.print(f"cannot read {input_path}: {exc.strerror}")
        raise typer.Exit(2) from None
    with source, open(output, "w", encoding="utf-8") as sink:
        written, errors = classify_stream(source, sink)
    for error in errors:
        err_console.print(f"[red]error[/red] {error.error}", markup=True, highlight=False)
    err_console.print(f"{written} lines written to {output}, {len(errors)} errors")
    if errors:
        raise typer.Exit(1)


@app.command()
def evaluate(
    labels: Annotated[Path, typer.Argument(help="labelled JSON Lines (the taxonomy's format)")],
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
) -> None:
    """Per-label precision, recall and F1 with macro and micro averages."""
    from triage.services.evaluate_file import evaluate_file

    reports, total = evaluate_file(labels)
    if as_json:
        typer.echo(json.dumps({f: r.as_dict() for f, r in reports.items()}, indent=2))
        return
    for facet, report in reports.items():
        if not report.scored:
            continue
        data = report.as_dict()
        table = Table(
            title=f"{facet}: macro-F1 {data['macro_f1']:.3f} · micro-F1 {data['micro_f1']:.3f}"
            f" · {report.scored}/{total} scored"
        )
        for column in ("label", "precision", "recall", "F1", "support"):
            table.add_column(column)
        for label, v in data["labels"].items():
            table.add_row(
                label,
                f"{v['precision']:.2f}",
                f"{v['recall']:.2f}",
                f"{v['f1']:.2f}",
                str(v["support"]),
            )
        console.print(table)


@app.command()
def train(
    labels: Annotated[Path, typer.Argument(help="labelled JSON Lines to train on")] = Path(
        "data/samples/gold.jsonl"
    ),
    version: Annotated[
        str | None, typer.Option(help="model version (default: a timestamp)")
    ] = None,
    promote: Annotated[bool, typer.Option(help="make it the model triage uses")] = False,
) -> None:
    """Train the rights-issue model; write model, metrics and card under models/."""
    from triage.services.train import train as train_service

    result = train_service(labels, version=version, promote_it=promote)
    model = result["metrics"]["candidates"]["tfidf_word_char+logreg"]
    rules = result["metrics"]["candidates"]["keyword_rules"]
    console.print(f"model written to {result['path']}")
    console.print(
        f"held-out macro-F1: model {model['macro_f1']:.3f}, keyword rules {rules['macro_f1']:.3f}"
    )
    console.print("promoted" if promote else "not promoted (use --promote)")


@app.command()
def queue(
    database: DatabaseOption = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Every open case: owner, team, priority, deadlines (ISO 8601 UTC), their state, the rule."""
    use_database(database)
    from triage.services.queue import open_queue

    items = open_queue(database)
    if as_json:
        typer.echo(json.dumps([i.as_json() for i in items], indent=2))
        return
    print_run_report_items(items)


def print_run_report_items(items: list[Any]) -> None:
    table = Table(title=f"Open queue ({len(items)} cases)")
    columns = ("case", "owner", "rule", "respond by (UTC)", "state", "priority", "issues",
               "countries", "lang")  # fmt: skip
    for column in columns:
        table.add_column(column)
    for item in items:
        table.add_row(
            str(item.case_id),
            item.owner,
            item.rule_id,
            item.respond_by.strftime("%Y-%m-%d %H:%M"),
            item.deadline_state,
            item.priority,
            ", ".join(item.rights_issue),
            ", ".join(item.countries),
            item.language,
        )
    console.print(table)


@app.command("sla-watch")
def sla_watch(
    database: DatabaseOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the counts as JSON")] = False,
) -> None:
    """Queue notices for deadlines at risk or breached and deliver the outbox once (SMTP)."""
    use_database(database)
    from triage.services.sla_watch import sla_watch as watch

    counts = watch(database).counts()
    if as_json:
        typer.echo(json.dumps(counts))
        return
    table = Table(title="SLA watch")
    for name in counts:
        table.add_column(name)
    table.add_row(*(str(v) for v in counts.values()))
    console.print(table)


@app.command()
def correct(
    case_id: Annotated[int, typer.Argument(help="the case to correct")],
    actor: Annotated[str, typer.Option(help="who corrects (recorded in the audit log)")],
    rights_issue: Annotated[str | None, typer.Option(help="comma-separated ids")] = None,
    challenge: Annotated[str | None, typer.Option(help="comma-separated ids; '' for none")] = None,
    countries: Annotated[str | None, typer.Option(help="comma-separated ISO codes")] = None,
    priority: Annotated[str | None, typer.Option()] = None,
    kind: Annotated[str | None, typer.Option()] = None,
    database: DatabaseOption = None,
) -> None:
    """Correct a case's labels; the case is re-routed if the corrected labels say so."""
    use_database(database)
    from triage.services.correct_labels import correct_labels

    def ids(value: str | None) -> list[str] | None:
        return None if value is None else [v.strip() for v in value.split(",") if v.strip()]

    result = correct_labels(
        case_id, actor=actor, rights_issue=ids(rights_issue), challenge=ids(challenge),
        countries=ids(countries), priority=priority, kind=kind, database_url=database,
    )  # fmt: skip
    changed = ", ".join(result.changed) or "nothing"
    moved = "re-routed" if result.rerouted else "owner unchanged"
    console.print(f"case {result.case_id}: changed {changed}; {moved}: {result.explanation}")


@app.command("wait")
def wait_cmd(
    case_id: Annotated[int, typer.Argument()],
    actor: Annotated[str, typer.Option(help="who asked the sender")],
    database: DatabaseOption = None,
) -> None:
    """The case waits on the sender: its deadlines pause until they reply (or `resume`)."""
    use_database(database)
    from triage.services.case_clock import wait_on_sender

    wait_on_sender(case_id, actor=actor, database_url=database)
    console.print(f"case {case_id}: waiting on the sender; deadlines paused")


@app.command("resume")
def resume_cmd(
    case_id: Annotated[int, typer.Argument()],
    actor: Annotated[str, typer.Option()],
    database: DatabaseOption = None,
) -> None:
    """Restart a paused case's clock with the time that was left."""
    use_database(database)
    from triage.services.case_clock import resume

    resume(case_id, actor=actor, database_url=database)
    console.print(f"case {case_id}: clock resumed")


@app.command("respond")
def respond_cmd(
    case_id: Annotated[int, typer.Argument()],
    what: Annotated[str, typer.Option(help="acknowledge, respond or close_loop")],
    actor: Annotated[str, typer.Option()],
    database: DatabaseOption = None,
) -> None:
    """Record a response sent: its deadline (and earlier ones) met; close_loop closes the case."""
    use_database(database)
    from triage.core.types import DeadlineKind
    from triage.services.case_clock import record_response

    try:
        kind = DeadlineKind(what)
    except ValueError:
        raise typer.BadParameter("--what must be acknowledge, respond or close_loop") from None
    record_response(case_id, kind, actor=actor, database_url=database)
    console.print(f"case {case_id}: {what} recorded")


@app.command("init-db")
def init_db(database: DatabaseOption = None) -> None:
    """Create or upgrade the database schema (Alembic head)."""
    use_database(database)
    from triage.services.database import engine_for

    engine_for(database)
    console.print("database schema is at the latest revision")


users_app = typer.Typer(help="Staff accounts: add, list, disable, passwords, API tokens.",
                        no_args_is_help=True)  # fmt: skip
app.add_typer(users_app, name="users")
PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="read the password from standard input")
]


def read_password(from_stdin: bool) -> str:
    """From stdin (scripts) or a hidden prompt; never an argument (``ps`` would show it)."""
    import sys

    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


def _users_call(action: Any) -> Any:
    from triage.services.users import UserError

    try:
        return action()
    except UserError as exc:
        err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None


@users_app.command("add")
def users_add(
    username: Annotated[str, typer.Argument(help="login name; an owner's routing id")],
    role: Annotated[str, typer.Option(help="admin, triager, owner or analyst")] = "triager",
    name: Annotated[str | None, typer.Option(help="display name")] = None,
    team: Annotated[str | None, typer.Option(help="team id (for 'my team')")] = None,
    password_stdin: PasswordStdin = False,
    database: DatabaseOption = None,
) -> None:
    """Add a person who signs in to the staff UI."""
    use_database(database)
    from triage.services.users import add_user

    password = read_password(password_stdin)
    user = _users_call(lambda: add_user(username, password, role, display_name=name, team=team,
                                        database_url=database))  # fmt: skip
    console.print(f"user {user.username} added ({user.role})")


@users_app.command("list")
def users_list(
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    database: DatabaseOption = None,
) -> None:
    """Everyone who can sign in, with role, team and whether disabled."""
    use_database(database)
    from triage.services.users import list_users

    people = list_users(database)
    if as_json:
        typer.echo(json.dumps([{"username": u.username, "name": u.display_name, "role": u.role,
                                "team": u.team, "disabled": u.disabled} for u in people]))
        return
    table = Table(title=f"{len(people)} users")
    for column in ("username", "name", "role", "team", "state"):
        table.add_column(column)
    for u in people:
        table.add_row(u.username, u.display_name, u.role, u.team or "",
                      "disabled" if u.disabled else "active")  # fmt: skip
    console.print(table)


@users_app.command("disable")
def users_disable(
    username: str,
    enable: Annotated[bool, typer.Option("--enable", help="re-enable instead")] = False,
    database: DatabaseOption = None,
) -> None:
    """Disable an account (its sessions and tokens end at once), or --enable it again."""
    use_database(database)
    from triage.services.users import set_disabled

    _users_call(lambda: set_disabled(username, not enable, database_url=database))
    console.print(f"user {username} {'enabled' if enable else 'disabled'}")


@users_app.command("passwd")
def users_passwd(
    username: str, password_stdin: PasswordStdin = False, database: DatabaseOption = None
) -> None:
    """Set a new password (ends the account's sessions and lifts a lock)."""
    use_database(database)
    from triage.services.users import set_password

    password = read_password(password_stdin)
    _users_call(lambda: set_password(username, password, database_url=database))
    console.print(f"password of {username} changed")


@users_app.command("token")
def users_token(
    username: str,
    name: Annotated[str, typer.Option(help="what the token is for")] = "api",
    database: DatabaseOption = None,
) -> None:
    """Issue a bearer token for the JSON API (printed once; only its digest is kept)."""
    use_database(database)
    from triage.services.users import issue_api_token

    typer.echo(_users_call(lambda: issue_api_token(username, name, database_url=database)))
