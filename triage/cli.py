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
    labels: Annotated[
        Path | None, typer.Argument(help="labelled JSON Lines (the taxonomy's format)")
    ] = None,
    corpus: Annotated[
        str | None,
        typer.Option(help="score a real corpus's test.csv instead: upr_info, hrdsattack, rdr2022"),
    ] = None,
    corpora_dir: Annotated[Path, typer.Option(help="folder holding the labelled corpora")] = Path(
        "../shared/corpora/labelled"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
) -> None:
    """Per-label precision, recall and F1, by language and region, with the commonest
    confusions; on a labelled file or on a real corpus."""
    from triage.nlp.corpora import CorpusError
    from triage.services.evaluate_file import evaluate_corpus, evaluate_file

    if (labels is None) == (corpus is None):
        err_console.print("give a labelled file or --corpus, not both")
        raise typer.Exit(2)
    try:
        report = evaluate_corpus(corpora_dir, corpus) if corpus else evaluate_file(labels)
    except (CorpusError, OSError) as exc:
        err_console.print(f"cannot evaluate: {exc}")
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    print_evaluation(report)


def print_evaluation(report: dict[str, Any]) -> None:
    for facet, data in report["facets"].items():
        table = Table(
            title=f"{facet}: macro-F1 {data['macro_f1']:.3f} · micro-F1 {data['micro_f1']:.3f}"
            f" · {data['scored']}/{report['messages']} scored"
        )
        for column in ("label", "precision", "recall", "F1", "support"):
            table.add_column(column)
        for label, v in data["labels"].items():
            table.add_row(
                label, f"{v['precision']:.2f}", f"{v['recall']:.2f}", f"{v['f1']:.2f}",
                str(v["support"]),
            )  # fmt: skip
        console.print(table)
        for name in ("by_language", "by_region"):
            groups = data[name]
            if len(groups) > 1:
                cells = " · ".join(
                    f"{g} {v['macro_f1']:.2f} ({v['messages']})" for g, v in groups.items()
                )
                console.print(f"  {name.replace('_', ' ')}: {cells}", highlight=False)
        if data["confusions"]:
            cells = ", ".join(
                f"{c['gold']}→{c['predicted']} {c['count']}" for c in data["confusions"][:5]
            )
            console.print(f"  confusions: {cells}", highlight=False)
    for name, value in (report.get("checks") or {}).items():
        console.print(f"{name}: {value:.3f}", highlight=False)


@app.command()
def train(
    labels: Annotated[
        list[Path] | None, typer.Argument(help="labelled JSON Lines files to train on")
    ] = None,
    version: Annotated[
        str | None, typer.Option(help="model version (default: a timestamp)")
    ] = None,
    corpora_dir: Annotated[
        Path | None,
        typer.Option(help="also train on these corpora's train.csv (never test.csv)"),
    ] = None,
    staff: Annotated[
        bool, typer.Option(help="also train on every label staff confirmed or corrected")
    ] = False,
    database: DatabaseOption = None,
    promote: Annotated[bool, typer.Option(help="make it the model triage uses")] = False,
    dev: Annotated[
        Path | None,
        typer.Option(
            help="labelled messages written apart, never trained on: each facet's "
            "thresholds are moved to suit them"
        ),
    ] = None,
) -> None:
    """Train every candidate on one split; write the best model, its metrics and card."""
    from triage.services.train import promote_model
    from triage.services.train import train as train_service

    use_database(database)
    result = train_service(
        labels or [Path("data/samples/gold.jsonl")],
        version=version,
        corpora_dir=corpora_dir,
        staff=staff,
        database_url=database,
        dev=dev,
    )
    metrics = result["metrics"]
    console.print(f"model written to {result['path']}")
    for name, res in metrics["candidates"].items():
        held = res["held_out_messages"]
        cells = " · ".join(f"{f} macro-F1 {v['macro_f1']:.3f}" for f, v in held.items())
        console.print(f"  {name}: {cells}", highlight=False)
    console.print(f"winner on held-out messages: {metrics['winner']}; saved: {metrics['saved']}")
    if promote:
        promote_model(result["manifest"]["version"])
        console.print("promoted")
    else:
        console.print(f"not promoted (triage promote {result['manifest']['version']})")


@app.command("promote")
def promote_cmd(
    version: Annotated[str, typer.Argument(help="a version under models/labels/")],
) -> None:
    """Make a trained model version the one triage classifies with."""
    from triage.nlp.persistence import ModelError
    from triage.services.train import promote_model

    try:
        promote_model(version)
    except ModelError as exc:
        err_console.print(str(exc))
        raise typer.Exit(2) from None
    console.print(f"labels {version} promoted")


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


def _when(value: str | None, default: Any) -> Any:
    """An ISO date or datetime; naive means UTC (a date is its midnight, UTC)."""
    from datetime import UTC, datetime

    if value is None:
        return default
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date or datetime") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@app.command()
def metrics(
    since: Annotated[str | None, typer.Option(help="period start (default: until - 90d)")] = None,
    until: Annotated[str | None, typer.Option(help="period end, exclusive (default: now)")] = None,
    by: Annotated[
        list[str] | None, typer.Option(help="breakdown, repeatable: region, global_south, month…")
    ] = None,
    as_of: Annotated[str | None, typer.Option(help="status as of (default: now)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the figures as JSON")] = False,
    export: Annotated[Path | None, typer.Option(help="write the table: .csv or .parquet")] = None,
    report: Annotated[Path | None, typer.Option(help="write the report: .html or .pdf")] = None,
    database: DatabaseOption = None,
) -> None:
    """Response times of the cases opened in a period, open cases counted (Kaplan–Meier)."""
    from datetime import UTC, datetime, timedelta

    use_database(database)
    from triage.services.metrics import compute_metrics
    from triage.services.metrics_export import export_table

    end = _when(until, datetime.now(UTC))
    start = _when(since, end - timedelta(days=90))
    try:
        result = compute_metrics(start, end, by=by or (), as_of=_when(as_of, None),
                                 database_url=database)  # fmt: skip
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    if export is not None:
        export_table(result, export)
        err_console.print(f"table written to {export}")
    if report is not None:
        from triage.services.metrics_report import write_report

        write_report(start, end, report, as_of=_when(as_of, None), database_url=database)
        err_console.print(f"report written to {report}")
    if as_json:
        typer.echo(result.to_json())
        return
    print_metrics(result)


def print_metrics(result: Any) -> None:
    """The breakdown as a rich table, then the overall row and the Global South gap."""
    days = result.options.within_days

    def pct(value: Any) -> str:
        return "–" if value is None or value != value else f"{100 * value:.0f}%"

    def num(value: Any) -> str:
        return "n/a" if value is None or value != value else f"{value:.1f}"

    rows = result.table.to_dict(orient="records")
    if not result.by:
        rows = [result.overall] if "response_rate" in result.overall else []
    title = f"Response times, cases opened {result.since:%Y-%m-%d} – {result.until:%Y-%m-%d}"
    table = Table(title=title, caption=f"medians from Kaplan–Meier; n/a: not reached; groups "
                  f"under {result.options.min_group} cases suppressed ({result.suppressed_groups})")
    columns = (*(result.by or ("all",)), "cases", "responded", "rate", "median d", "p90 d",
               f"≤{days:g} d", "median bh", "open", "closed loop", "respond SLA met")  # fmt: skip
    for column in columns:
        table.add_column(column, justify="left" if column in (*result.by, "all") else "right")
    for row in rows:
        table.add_row(
            *(str(row.get(dim, "all cases")) for dim in (result.by or ("all",))),
            str(row["cases"]), str(row["responded"]), pct(row["response_rate"]),
            num(row["median_days"]), num(row["p90_days"]), pct(row["answered_within_days"]),
            num(row["median_business_hours"]), str(row["open"]), pct(row["close_loop_rate"]),
            pct(row["sla_respond_met_rate"]),
        )  # fmt: skip
    console.print(table)
    gap = result.gap
    if gap.get("suppressed"):
        console.print("Global South – North gap: too few cases on one side to show")
        return
    ci = gap.get("median_gap_ci")
    median = "n/a (a median not reached)" if gap["median_gap_days"] is None else (
        f"{gap['median_gap_days']:+.2f} days" + (f" (95% CI {ci[0]:+.2f} to {ci[1]:+.2f})"
                                                 if ci else ""))  # fmt: skip
    low, high = gap["share_gap_ci"]
    console.print(
        f"Global South – North gap: median {median}; answered within {days:g} days "
        f"{100 * gap['share_gap']:+.1f} points (95% CI {100 * low:+.1f} to {100 * high:+.1f})"
        + ("  [bold red]ALERT: above tolerance[/bold red]" if gap["alert"] else "")
    )


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


def _call_or_exit(action: Any, expected: type[Exception]) -> Any:
    """Run a service call; an error it is expected to raise is shown plainly, exit code 2."""
    try:
        return action()
    except expected as exc:
        err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None


def _users_call(action: Any) -> Any:
    from triage.services.users import UserError

    return _call_or_exit(action, UserError)


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


# --- trust: retention, the audit log of text reads, encryption keys -----------------------


@app.command("retention")
def retention_cmd(
    apply: Annotated[bool, typer.Option("--apply/--dry-run",
                                        help="delete and warn, or only count (default)")] = False,
    now: Annotated[str | None, typer.Option(help="ISO 8601 time to act as of (tests)")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    database: DatabaseOption = None,
) -> None:
    """Delete the text of cases past the retention policy; warn owners before (once)."""
    use_database(database)
    from datetime import UTC, datetime

    from triage.services.retention import run_retention

    when = datetime.fromisoformat(now).astimezone(UTC) if now else None
    report = run_retention(apply=apply, database_url=database, now=when)
    counts = report.counts()
    if as_json:
        typer.echo(json.dumps(counts, sort_keys=True))
        return
    table = Table(title=f"Retention ({'applied' if apply else 'dry run'}, policy "
                        f"{report.policy_version})")  # fmt: skip
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, value in counts.items():
        if isinstance(value, int) and not isinstance(value, bool):
            table.add_row(name.replace("_", " "), str(value))
    console.print(table)


@app.command("audit")
def audit_cmd(
    case: Annotated[int | None, typer.Option("--case", help="one case's reads")] = None,
    actor: Annotated[str | None, typer.Option(help="one person's reads")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100000)] = 1000,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    database: DatabaseOption = None,
) -> None:
    """Who read which message text, when, where (newest first). Append-only; ids only."""
    use_database(database)
    from triage.services.audit import reads

    found = reads(case, actor=actor, limit=limit, database_url=database)
    if as_json:
        typer.echo(json.dumps([r.as_json() for r in found]))
        return
    table = Table(title=f"{len(found)} reads of message text")
    for column in ("at (UTC)", "who", "case", "message", "view"):
        table.add_column(column)
    for r in found:
        table.add_row(r.at.strftime("%Y-%m-%d %H:%M:%S"), r.actor, str(r.case_id or ""),
                      str(r.message_id or ""), r.view)  # fmt: skip
    console.print(table)


vault_app = typer.Typer(help="Encryption at rest: make a key, seal, rotate.",
                        no_args_is_help=True)  # fmt: skip
app.add_typer(vault_app, name="vault")


@vault_app.command("keygen")
def vault_keygen() -> None:
    """Print a new key for TRIAGE_DATA_KEY (keep it out of shell history and the repo)."""
    from triage.services.vault import new_key

    typer.echo(new_key())


@vault_app.command("seal")
def vault_seal(database: DatabaseOption = None) -> None:
    """Seal every confidential case (every case with TRIAGE_ENCRYPT_ALL) not sealed yet."""
    use_database(database)
    from triage.services.vault import seal_all

    typer.echo(json.dumps(_vault_call(lambda: seal_all(database)), sort_keys=True))


@vault_app.command("rotate")
def vault_rotate(database: DatabaseOption = None) -> None:
    """Re-seal everything with the first key of TRIAGE_DATA_KEY (then drop the old keys)."""
    use_database(database)
    from triage.services.vault import rotate

    typer.echo(json.dumps(_vault_call(lambda: rotate(database)), sort_keys=True))


def _vault_call(action: Any) -> Any:
    from triage.store.sealing import VaultLocked

    return _call_or_exit(action, VaultLocked)


@app.command("bench-data")
def bench_data(
    count: Annotated[int, typer.Argument(min=1, help="how many messages")],
    out: Annotated[Path, typer.Argument(help="folder to write them under")],
    fmt: Annotated[str, typer.Option("--format", help="eml (a file each) or mbox")] = "eml",
    seed: Annotated[int, typer.Option(help="same seed, byte-identical output")] = 1,
    samples: Annotated[Path, typer.Option(help="the sample messages used as fragments")] = Path(
        "data/samples"
    ),
) -> None:
    """Write a synthetic load for benchmarks: languages, sizes, threads, duplicates, campaigns."""
    from triage.services.bench_data import FORMATS, write_bench_data

    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    files = write_bench_data(count, out, fmt=fmt, seed=seed, samples=samples)
    typer.echo(f"wrote {count} messages in {files} files under {out}")
