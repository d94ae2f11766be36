"""Loading the packaged and user data files; validation lives with the values in core."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from triage.config.calendars import build_calendars
from triage.core.acknowledgement import AcknowledgementPolicy, parse_acknowledgements
from triage.core.routing import RoutingRules, parse_routing_rules
from triage.core.taxonomy import Taxonomy, parse_taxonomy


class ConfigFileError(ValueError):
    """A data file is missing, unreadable or invalid; the message names the file."""


def packaged(name: str) -> Path:
    return Path(str(resources.files("triage") / "data" / name))


def read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except OSError as exc:
        raise ConfigFileError(f"{path}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise ConfigFileError(f"{path}: not valid YAML ({exc.__class__.__name__})") from None


@lru_cache(maxsize=4)
def load_taxonomy(path: Path | None = None) -> Taxonomy:
    path = path or packaged("taxonomy.yaml")
    try:
        return parse_taxonomy(read_yaml(path))
    except ValueError as exc:
        raise ConfigFileError(f"{path}: {exc}") from None


@lru_cache(maxsize=4)
def load_routing_rules(path: Path | None = None) -> RoutingRules:
    path = path or packaged("routing.yaml")
    try:
        data = read_yaml(path)
        calendars = build_calendars(data.get("calendars") if isinstance(data, dict) else None)
        return parse_routing_rules(data, calendars)
    except ValueError as exc:
        raise ConfigFileError(f"{path}: {exc}") from None


def load_sources(path: Path) -> dict[str, Path]:
    """Named sources for scheduled runs: ``{name: folder}``; relative paths from the file's dir."""
    data = read_yaml(path) or {}
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise ConfigFileError(f"{path}: needs a non-empty 'sources' mapping of name to path")
    sources: dict[str, Path] = {}
    for name, spec in entries.items():
        raw = spec.get("path") if isinstance(spec, dict) else spec
        if not isinstance(raw, str) or not raw:
            raise ConfigFileError(f"{path}: source '{name}' needs a path")
        folder = Path(raw)
        sources[str(name)] = folder if folder.is_absolute() else (path.parent / folder).resolve()
    return sources


@lru_cache(maxsize=4)
def load_acknowledgements(path: Path | None = None) -> AcknowledgementPolicy:
    path = path or packaged("acknowledgements.yaml")
    try:
        return parse_acknowledgements(read_yaml(path))
    except ValueError as exc:
        raise ConfigFileError(f"{path}: {exc}") from None
