"""Office calendars from the routing file: time zone, weekly hours, public holidays from the
``holidays`` package by country (and subdivision), plus one-off closures."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

import holidays

from triage.core.business_time import BusinessCalendar
from triage.core.routing import RoutingRulesError, parse_hours


@lru_cache(maxsize=64)
def _public_holidays(country: str, subdivision: str | None) -> Any:
    try:
        return holidays.country_holidays(country, subdiv=subdivision)
    except NotImplementedError:
        raise RoutingRulesError(f"no public-holiday data for country {country!r}") from None


def closed_days(country: str | None, subdivision: str | None, closures: frozenset[date]):  # type: ignore[no-untyped-def]
    table = _public_holidays(country, subdivision) if country else None

    def is_closed(day: date) -> bool:
        return day in closures or (table is not None and day in table)

    return is_closed


def build_calendars(raw: Any) -> dict[str, BusinessCalendar]:
    if not isinstance(raw, Mapping) or not raw:
        raise RoutingRulesError("routing file needs 'calendars'")
    calendars: dict[str, BusinessCalendar] = {}
    for name, spec in raw.items():
        where = f"calendars.{name}"
        if not isinstance(spec, Mapping):
            raise RoutingRulesError(f"{where}: must be a mapping")
        closures = set()
        for value in spec.get("closures", []) or []:
            try:
                closures.add(value if isinstance(value, date) else date.fromisoformat(str(value)))
            except ValueError:
                raise RoutingRulesError(f"{where}: closure {value!r} is not a date") from None
        country = spec.get("country")
        try:
            calendars[str(name)] = BusinessCalendar(
                name=str(name),
                timezone=str(spec.get("timezone", "UTC")),
                weekly=parse_hours(spec.get("hours"), where),
                is_closed=closed_days(country, spec.get("subdivision"), frozenset(closures)),
            )
        except RoutingRulesError:
            raise
        except Exception as exc:  # unknown zone, empty week
            raise RoutingRulesError(f"{where}: {exc}") from None
    return calendars
