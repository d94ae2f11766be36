"""Load the cases of a period from the store into one DataFrame, in three queries.

One row per case, with what metrics group by (classification, owner, channel) and its
deadlines side by side. No message text, subject, sender or name is selected: metrics are
computed from ids, labels and times only, so nothing else can leak into an output.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from importlib.resources import files

import pandas as pd
from sqlalchemy import func, select

from triage.core.types import DeadlineKind
from triage.services.database import session_scope
from triage.store.tables import CaseRow, ClassificationRow, DeadlineRow, MessageRow

TIME_COLUMNS = ("opened_at", "acknowledged_at", "responded_at", "loop_closed_at")
DEADLINES = tuple(str(kind) for kind in DeadlineKind)
CASE_COLUMNS = (
    "case_id", "opened_at", "acknowledged_at", "responded_at", "loop_closed_at", "status",
    "owner", "team", "priority", "kind", "channel", "language", "global_south", "country",
    "region", "sub_region", "rights_issue", "challenge", "calendar",
    *(f"{part}_{kind}" for kind in DEADLINES for part in ("due", "met")),
)  # fmt: skip


@lru_cache(maxsize=1)
def places() -> pd.DataFrame:
    """UN M49 region and sub-region by ISO alpha-2 (the packaged countries table)."""
    text = (files("triage") / "data" / "countries.csv").open(encoding="utf-8")
    with text:
        table = pd.read_csv(text, comment="#", keep_default_na=False, dtype=str)
    return table.set_index("iso2")[["region", "sub_region"]]


def load_cases(since: datetime, until: datetime, database_url: str | None = None) -> pd.DataFrame:
    """Cases opened in [since, until) with their latest classification and deadlines."""
    latest = (
        select(ClassificationRow.message_id, func.max(ClassificationRow.id).label("cid"))
        .group_by(ClassificationRow.message_id)
        .subquery()
    )
    period = (CaseRow.opened_at >= since, CaseRow.opened_at < until)
    cases_q = (
        select(
            CaseRow.id.label("case_id"), CaseRow.opened_at, CaseRow.acknowledged_at,
            CaseRow.responded_at, CaseRow.loop_closed_at, CaseRow.status, CaseRow.owner,
            CaseRow.team, CaseRow.priority, CaseRow.kind, MessageRow.channel,
            ClassificationRow.language, ClassificationRow.global_south,
            ClassificationRow.countries, ClassificationRow.sender_country,
            ClassificationRow.rights_issue, ClassificationRow.challenge,
        )
        .join(MessageRow, MessageRow.id == CaseRow.root_message_id)
        .outerjoin(latest, latest.c.message_id == CaseRow.root_message_id)
        .outerjoin(ClassificationRow, ClassificationRow.id == latest.c.cid)
        .where(*period)
    )  # fmt: skip
    deadlines_q = (
        select(DeadlineRow.case_id, DeadlineRow.kind, DeadlineRow.due_at, DeadlineRow.met_at,
               DeadlineRow.calendar)
        .join(CaseRow, CaseRow.id == DeadlineRow.case_id)
        .where(*period)
    )  # fmt: skip
    with session_scope(database_url) as session:
        cases = pd.DataFrame(session.execute(cases_q).mappings().all())
        deadlines = pd.DataFrame(session.execute(deadlines_q).mappings().all())
    return case_frame(cases, deadlines)


def case_frame(cases: pd.DataFrame, deadlines: pd.DataFrame) -> pd.DataFrame:
    """Shape the raw query results into the one-row-per-case frame metrics read."""
    if cases.empty:
        return empty_cases()
    frame = cases.copy()
    for column in TIME_COLUMNS:
        frame[column] = pd.to_datetime(frame[column], utc=True)
    # The country a case is about (as the classifier decided Global South): the first one
    # mentioned, else the sender's.
    mentioned, home = frame.pop("countries"), frame.pop("sender_country")
    frame["country"] = [(next(iter(c)) if c else None) or s
                        for c, s in zip(mentioned, home, strict=True)]  # fmt: skip
    where = places().reindex(frame["country"].fillna(""))
    frame["region"] = where["region"].to_numpy()
    frame["sub_region"] = where["sub_region"].to_numpy()
    frame["global_south"] = frame["global_south"].map({True: "South", False: "North"})
    for column in ("rights_issue", "challenge"):
        frame[column] = [list(v) if isinstance(v, list | tuple) and v else ["none"]
                         for v in frame[column]]  # fmt: skip
    for column in ("language", "global_south", "country", "region", "sub_region"):
        frame[column] = frame[column].replace("", None).fillna("unknown")
    frame["calendar"] = "24x7"
    if not deadlines.empty:
        deadlines = deadlines.copy()
        for column in ("due_at", "met_at"):
            deadlines[column] = pd.to_datetime(deadlines[column], utc=True)
        wide = deadlines.pivot(index="case_id", columns="kind", values=["due_at", "met_at"])
        for kind in DEADLINES:
            for part in ("due", "met"):
                key = (f"{part}_at", kind)
                if key in wide.columns:
                    frame[f"{part}_{kind}"] = frame["case_id"].map(wide[key])
        # The response deadline's calendar is the owner's: business time is counted on it.
        order = {kind: i for i, kind in enumerate((*DEADLINES[1:], DEADLINES[0]))}
        deadlines["rank"] = deadlines["kind"].map(order)
        first = deadlines.sort_values("rank").drop_duplicates("case_id")
        frame["calendar"] = frame["case_id"].map(first.set_index("case_id")["calendar"])
        frame["calendar"] = frame["calendar"].fillna("24x7")
    for kind in DEADLINES:
        for part in ("due", "met"):
            column = f"{part}_{kind}"
            if column in frame:
                frame[column] = pd.to_datetime(frame[column], utc=True)
            else:
                frame[column] = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns, UTC]")
    return frame[list(CASE_COLUMNS)]


def empty_cases() -> pd.DataFrame:
    frame = pd.DataFrame({column: pd.Series(dtype=object) for column in CASE_COLUMNS})
    for column in (*TIME_COLUMNS, *(c for c in CASE_COLUMNS if c[:4] in ("due_", "met_"))):
        frame[column] = pd.Series(dtype="datetime64[ns, UTC]")
    frame["case_id"] = pd.Series(dtype="int64")
    return frame
