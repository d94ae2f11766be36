"""Resolving what the user named (a configured source or a folder) to (name, folder) pairs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from triage.config.files import ConfigFileError, load_sources
from triage.settings import get_settings


def resolve_sources(names_or_paths: Sequence[str]) -> list[tuple[str, Path]]:
    configured: dict[str, Path] = {}
    sources_file = get_settings().sources_file
    if sources_file.exists():
        configured = load_sources(sources_file)
    if not names_or_paths:
        if not configured:
            raise ConfigFileError(f"no source given and no sources configured in {sources_file}")
        return sorted(configured.items())
    resolved: list[tuple[str, Path]] = []
    for item in names_or_paths:
        if item in configured:
            resolved.append((item, configured[item]))
            continue
        path = Path(item)
        if not path.exists():
            raise ConfigFileError(f"'{item}' is neither a configured source nor an existing path")
        resolved.append((f"folder:{path.resolve().name}", path))
    return resolved
