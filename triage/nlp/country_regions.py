"""Country codes to UN M49 region, sub-region and the Global South flag, without the gazetteer.

Routing, the label choices and staff corrections only need to know where a country sits,
not to find place names in text. Building the gazetteer (spaCy, its phrase matcher and the
CJK name scan) costs about 80 MB and a second; a Dask run's flow process routes every chunk
and used to hold one for this lookup alone. The gazetteer reads its table from here too, so
both always agree.
"""

from __future__ import annotations

import csv
import functools
import io
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files

log = logging.getLogger(__name__)

COUNTRIES_FILE = "countries.csv"


@dataclass(frozen=True, slots=True)
class Region:
    """Where a country sits for routing and reporting (UN M49 names)."""

    iso2: str
    name: str
    region: str
    sub_region: str
    global_south: bool
    intermediate_region: str = ""
    g77: bool = False


def read_data_csv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a CSV file shipped in ``triage/data`` ("#" lines are comments)."""
    text = (files("triage") / "data" / name).read_text(encoding="utf-8")
    yield from csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#"))


class CountryRegions:
    """Every known country or territory; ``global_south`` replaces the documented default
    list (G77 members plus the additions in ``triage/data/PLACES.md``) with the given ISO
    alpha-2 codes."""

    def __init__(self, global_south: Iterable[str] | None = None) -> None:
        rows = list(read_data_csv(COUNTRIES_FILE))
        south = {c.strip().upper() for c in global_south} if global_south is not None else None
        if south is not None:
            unknown = south - {r["iso2"] for r in rows}
            if unknown:
                log.warning("global_south override has unknown codes: %s", sorted(unknown))
        self._regions: dict[str, Region] = {}
        self.alpha3: dict[str, str] = {}
        for r in rows:
            code = r["iso2"]
            self._regions[code] = Region(
                iso2=code,
                name=r["name"],
                region=r["region"],
                sub_region=r["sub_region"],
                global_south=(code in south) if south is not None else r["global_south"] == "1",
                intermediate_region=r["intermediate_region"],
                g77=r["g77"] == "1",
            )
            if r["iso3"]:
                self.alpha3[r["iso3"]] = code

    def region(self, iso2: str | None) -> Region | None:
        """M49 region, sub-region and Global South flag of a country; None if unknown."""
        if not iso2:
            return None
        return self._regions.get(iso2.strip().upper())

    def codes(self) -> list[str]:
        """Every country/territory code known."""
        return list(self._regions)


@functools.lru_cache(maxsize=4)
def load_country_regions(global_south: frozenset[str] | None = None) -> CountryRegions:
    """The process-wide table (the same ``global_south`` override as ``load_gazetteer``)."""
    return CountryRegions(global_south)
