"""The country table routing uses agrees with the gazetteer and leaves spaCy unloaded.

A Dask run's flow process routes every chunk; it used to build the whole gazetteer (about
80 MB) only to look regions up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SAMPLES
from triage.nlp.country_regions import CountryRegions, load_country_regions
from triage.nlp.gazetteer import Gazetteer


def test_the_table_is_the_gazetteers() -> None:
    table, gazetteer = load_country_regions(), Gazetteer()
    assert table.codes() == gazetteer.codes()
    assert len(table.codes()) > 240
    assert all(table.region(c) == gazetteer.region(c) for c in table.codes())
    kenya = table.region(" ke ")
    assert kenya is not None and kenya.global_south and kenya.sub_region == "Sub-Saharan Africa"
    germany = table.region("DE")
    assert germany is not None and not germany.global_south and germany.region == "Europe"
    assert table.region("") is None and table.region("XX") is None


def test_a_global_south_override_replaces_the_default_list() -> None:
    table = CountryRegions(global_south=["de"])
    assert table.region("DE").global_south  # type: ignore[union-attr]
    assert not table.region("KE").global_south  # type: ignore[union-attr]


def test_routing_a_chunk_does_not_load_spacy(tmp_path: Path, sqlite_url: str) -> None:
    """Stored and classified here; routed in a fresh process, as a Dask run's flow does."""
    from triage.services.classify_pending import classify_messages
    from triage.services.ingest_files import ingest_files

    folder = SAMPLES / "email" / "2026-10"
    names = sorted(p.name for p in folder.glob("*.eml"))[:12]
    stored = ingest_files(folder, names, source="inbox", database_url=sqlite_url).stored_ids
    assert len(classify_messages(stored, database_url=sqlite_url)) == len(stored) > 0
    probe = (
        "import json, sys\n"
        "from triage.services.route_pending import route_messages\n"
        f"routed = route_messages({stored!r}, database_url={sqlite_url!r})\n"
        "print(json.dumps([len(routed), [m for m in ('spacy', 'ahocorasick', 'sklearn')"
        " if m in sys.modules]]))\n"
    )
    env = {**os.environ, "TRIAGE_DATABASE_URL": sqlite_url}
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)  # fmt: skip
    routed, loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert routed == len(stored)
    assert loaded == []
