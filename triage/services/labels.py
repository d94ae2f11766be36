"""The choices the staff UI offers (label ids, regions, owners): read from the versioned data
files, so a filter or a correction can only name something routing knows."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from triage.config.files import load_taxonomy
from triage.core.types import KINDS, PRIORITIES, CaseStatus
from triage.nlp.country_regions import load_country_regions
from triage.services.route_pending import routing_rules


@lru_cache(maxsize=1)
def label_choices() -> dict[str, Any]:
    taxonomy = load_taxonomy()
    places = load_country_regions()
    rules = routing_rules()
    regions = sorted({r.region for c in places.codes() if (r := places.region(c))
                      and r.region})  # fmt: skip
    return {
        "rights_issue": list(taxonomy.ids("rights_issue")),
        "challenge": list(taxonomy.ids("challenge")),
        "regions": regions,
        "priorities": list(PRIORITIES),
        "kinds": list(KINDS),
        "owners": sorted(rules.people),
        "teams": sorted({p.team for p in rules.people.values()}),
        "languages": sorted({lang for p in rules.people.values() for lang in p.languages}),
        "statuses": [str(s) for s in CaseStatus],
    }
