"""End to end: `triage run` over a synthetic load, on SQLite and PostgreSQL, 1 and 2 workers.

For each size a seeded load is written once (``triage bench-data``, .eml folders), then each
(store, workers) runs ``triage run`` in a fresh database as a subprocess, exactly as a user
would: Prefect flow against a running Prefect server (started once, as for scheduled runs),
Dask workers when asked. Peak RSS is the sum over the run's process tree (the CLI and its Dask
workers; not the Prefect server), sampled every 0.2 s.

Rows written to ``bench/results.json`` (stage, messages, workers, store, seconds, peak_rss_mb):
- ``end_to_end``: the whole run, Prefect's start included;
- ``prefect_fixed``: the same command over an empty folder (Prefect's own start and finish);
- ``rerun_first``: the run again with nothing new, right after the ingesting run: it still
  looks up the files of folders whose digests that run left unsaved (chunks in flight when
  their folder was listed) and saves them;
- ``rerun_idle``: once more, as every later scheduled run with nothing new;
- ``prefect_trivial``: a process running a one-line Prefect flow against the same server
  (Prefect's own start: imports, flow run, heartbeat); ``rerun_idle`` minus this is what an
  idle scheduled run costs beyond Prefect (target: under 3 s);
- ``parse``, ``classify``, ``route``, ``store``: the time in each stage, measured in-process
  without Prefect (``run_batch``) on the first size, one worker (``store``: every database
  read and write of the batch; ``load_models``: classifier and gazetteer, once per process).

SQLite with two workers is not a configuration triage allows (one writer): not measured.

``--cores N`` runs everything on the first N CPUs (this process's affinity, inherited by the
Prefect server, the PostgreSQL server, ``triage run`` and its Dask workers), so that "one
core" means one core: without it a one-worker run still spreads over the machine (routing
in the flow's process beside the worker, PostgreSQL's backends). Each row names its cores.

Usage: python bench/bench_end_to_end.py --sizes 10000,100000 [--stores sqlite,postgresql]
       [--workers 1,2] [--cores N] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import record

TRIAGE = str(Path(sys.executable).parent / "triage")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
# Prefect's own start, measured like a triage run: same settings, same server, no triage code.
TRIVIAL_FLOW = """
from pipelines import prefect_env
prefect_env.configure()
from prefect import flow
flow(persist_result=False)(lambda: 0)()
"""


def tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat.rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(Path(f"/proc/{entry}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total * PAGE_KB / 1024


def timed_run(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(seconds, peak RSS MB of the process tree, stdout) of one command."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{args[1]} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return seconds, peak, out.decode()


@contextmanager
def databases(stores: list[str], scratch: Path) -> Iterator[Callable[[str], str]]:
    """A function giving a fresh database URL per store name."""
    from tests.conftest import new_postgres_database
    from tests.postgres_server import start_server

    server = start_server() if "postgresql" in stores else None
    if "postgresql" in stores and server is None:
        raise SystemExit("PostgreSQL binaries not found (Debian's 'postgresql' package)")

    def fresh(store: str) -> str:
        if store == "sqlite":
            return f"sqlite:///{scratch / f'bench-{uuid.uuid4().hex[:8]}.db'}"
        assert server is not None
        return new_postgres_database(server)

    try:
        yield fresh
    finally:
        if server is not None:
            server.stop()


def ensure_load(size: int, data: Path) -> Path:
    folder = data / f"load-{size}"
    if not (folder / ".complete").exists():
        subprocess.run([TRIAGE, "bench-data", str(size), str(folder), "--format", "eml",
                        "--seed", "1", "--samples", str(ROOT / "data" / "samples")],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        (folder / ".complete").write_text("")
    return folder


def stage_shares(folder: Path, url: str) -> dict[str, float]:
    """Seconds in parse, classify, route and store: the in-process run, each stage's
    functions wrapped with a timer (store = every database write and read of the batch)."""
    from triage.nlp.classifier import Classifier
    from triage.services import (
        classify_pending,
        ingest_batch,
        ingest_files,
        route_pending,
        run_batch,
    )
    from triage.settings import get_settings

    os.environ["TRIAGE_DATABASE_URL"] = url
    get_settings.cache_clear()
    spent = dict.fromkeys(("parse", "classify", "route", "signatures", "ingest_total",
                           "classify_total", "route_total"), 0.0)  # fmt: skip

    def timer(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                result = fn(*args, **kwargs)
                if hasattr(result, "__next__"):  # a generator: time its consumption
                    result = list(result)
                return result
            finally:
                spent[name] += time.perf_counter() - started

        return wrapped

    ingest_files.read_file = timer("parse", ingest_files.read_file)
    # The campaign check's signatures are computed as messages are stored: routing's work.
    ingest_batch.minhashes_of = timer("signatures", ingest_batch.minhashes_of)
    Classifier.classify = timer("classify", Classifier.classify)  # type: ignore[method-assign]
    run_batch.ingest_files = timer("ingest_total", run_batch.ingest_files)
    run_batch.classify_messages = timer("classify_total", run_batch.classify_messages)
    run_batch.route_messages = timer("route_total", run_batch.route_messages)
    for name in ("decide_for", "deadlines_for", "signature", "similarity", "band_keys"):
        setattr(route_pending, name, timer("route", getattr(route_pending, name)))
    _ = classify_pending
    from triage.nlp.gazetteer import load_gazetteer
    from triage.services.classifier_cache import get_classifier

    loading = time.perf_counter()
    get_classifier()  # loaded once per process: measured apart from the per-message stages
    load_gazetteer()
    spent["load_models"] = time.perf_counter() - loading
    started = time.perf_counter()
    run_batch.run_batch([("bench", folder)], url)
    total = time.perf_counter() - started
    store = (
        (spent["ingest_total"] - spent["parse"] - spent["signatures"])
        + (spent["classify_total"] - spent["classify"])
        + (spent["route_total"] - spent["route"])
    )
    return {"load_models": spent["load_models"], "parse": spent["parse"],
            "classify": spent["classify"], "route": spent["route"] + spent["signatures"],
            "store": store, "other": total - spent["ingest_total"] - spent["classify_total"]
            - spent["route_total"]}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--stores", default="sqlite,postgresql")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "triage-bench")
    parser.add_argument("--no-stages", action="store_true", help="skip the per-stage run")
    parser.add_argument("--cores", type=int, default=0, help="run on the first N CPUs only")
    args = parser.parse_args()
    if args.cores:
        os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[: args.cores])
    sizes = [int(s) for s in args.sizes.split(",") if s]
    stores = [s for s in args.stores.split(",") if s]
    workers = [int(w) for w in args.workers.split(",") if w]
    args.data.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="triage-e2e-"))
    base_env = {**os.environ, "PREFECT_HOME": str(scratch / "prefect-home"),
                "TRIAGE_MODELS_DIR": str(ROOT / "models"),
                "TRIAGE_SOURCES_FILE": str(ROOT / "config" / "sources.yaml")}  # fmt: skip
    empty = scratch / "empty"
    empty.mkdir()
    os.environ["PREFECT_HOME"] = base_env["PREFECT_HOME"]
    from pipelines.schedule import start_server
    from tests.postgres_server import free_port

    server = start_server(free_port())  # as scheduled runs see it: a running Prefect server
    base_env["PREFECT_API_URL"] = os.environ["PREFECT_API_URL"]
    try:
        run_all(args, sizes, stores, workers, base_env, empty, scratch)
    finally:
        server.terminate()
        server.wait(timeout=30)
    write_table()
    return 0


def run_all(
    args: argparse.Namespace, sizes: list[int], stores: list[str], workers: list[int],
    base_env: dict[str, str], empty: Path, scratch: Path,
) -> None:  # fmt: skip
    with databases(stores, scratch) as fresh:
        for size in sizes:
            folder = ensure_load(size, args.data)
            for store in stores:
                for n in workers:
                    if store == "sqlite" and n > 1:
                        continue  # one writer: triage refuses it
                    url = fresh(store)
                    env = {**base_env, "TRIAGE_DATABASE_URL": url, "TRIAGE_WORKERS": str(n)}
                    rows = []
                    seconds, peak, _ = timed_run([sys.executable, "-c", TRIVIAL_FLOW], env)
                    rows.append(("prefect_trivial", seconds, peak))
                    seconds, peak, out = timed_run([TRIAGE, "run", str(empty), "--json"], env)
                    rows.append(("prefect_fixed", seconds, peak))
                    seconds, peak, out = timed_run([TRIAGE, "run", str(folder), "--json"], env)
                    counts = json.loads(out)
                    rows.append(("end_to_end", seconds, peak))
                    seconds, peak, _ = timed_run([TRIAGE, "run", str(folder), "--json"], env)
                    rows.append(("rerun_first", seconds, peak))
                    seconds, peak, _ = timed_run([TRIAGE, "run", str(folder), "--json"], env)
                    rows.append(("rerun_idle", seconds, peak))
                    result = [
                        {"stage": stage, "messages": size, "workers": n, "store": store,
                         "seconds": round(s, 2), "peak_rss_mb": round(p, 1),
                         **({"stored": counts["stored"], "routed": counts["routed"]}
                            if stage == "end_to_end" else {})}
                        for stage, s, p in rows
                    ]  # fmt: skip
                    record(result)
                    for row in result:
                        print(json.dumps(row), flush=True)
        if not args.no_stages:
            size = sizes[0]
            store = stores[0]
            shares = stage_shares(ensure_load(size, args.data), fresh(store))
            result = [{"stage": stage, "messages": size, "workers": 1, "store": store,
                       "seconds": round(s, 2), "peak_rss_mb": None}
                      for stage, s in shares.items()]  # fmt: skip
            record(result)
            for row in result:
                print(json.dumps(row), flush=True)


def write_table(path: Path = ROOT / "bench" / "RESULTS.md") -> None:
    """The end-to-end rows of results.json as a markdown table."""
    data = json.loads((ROOT / "bench" / "results.json").read_text())
    wanted = ("end_to_end", "prefect_trivial", "prefect_fixed", "rerun_first", "rerun_idle",
              "load_models", "parse", "classify", "route", "store", "other")  # fmt: skip
    rows = sorted((r for r in data["rows"] if r["stage"] in wanted),
                  key=lambda r: (r["messages"], r["store"], r.get("cores", 0), r["workers"],
                                 wanted.index(r["stage"])))  # fmt: skip
    lines = [
        "# End-to-end benchmark (`make bench-scale`)",
        "",
        "Written by `bench/bench_end_to_end.py` from `bench/results.json`. The machine is a",
        "shared 2-core VM: treat differences under 15% as noise.",
        "",
        "| stage | messages | store | cores | workers | seconds | messages/s | peak RSS MB "
        "| measured |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        rate = (f"{r['messages'] / r['seconds']:.0f}"
                if r["stage"] == "end_to_end" and r["seconds"] else "")  # fmt: skip
        lines.append(
            f"| {r['stage']} | {r['messages']} | {r['store']} | {r.get('cores', '')} | "
            f"{r['workers']} | "
            f"{r['seconds']} | {rate} | {r.get('peak_rss_mb') or ''} | {r['measured_at']} |"
        )
    path.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
