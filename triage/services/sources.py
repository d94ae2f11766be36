"""Resolving what the user named (a configured source or a folder) to sources to ingest."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from triage.config.files import (
    ConfigFileError,
    FolderSourceSpec,
    ImapSourceSpec,
    SourceSpec,
    load_source_specs,
)
from triage.settings import get_settings

log = logging.getLogger(__name__)


def configured_specs() -> dict[str, SourceSpec]:
    sources_file = get_settings().sources_file
    return load_source_specs(sources_file) if sources_file.exists() else {}


def resolve_source_specs(names_or_paths: Sequence[str]) -> list[SourceSpec]:
    """Configured sources of any type (folders and IMAP mailboxes) or folder paths."""
    configured = configured_specs()
    if not names_or_paths:
        if not configured:
            sources_file = get_settings().sources_file
            raise ConfigFileError(f"no source given and no sources configured in {sources_file}")
        return [configured[name] for name in sorted(configured)]
    resolved: list[SourceSpec] = []
    for item in names_or_paths:
        if item in configured:
            resolved.append(configured[item])
            continue
        path = Path(item)
        if not path.exists():
            raise ConfigFileError(f"'{item}' is neither a configured source nor an existing path")
        resolved.append(FolderSourceSpec(f"folder:{path.resolve().name}", path))
    return resolved


def imap_spec(name: str) -> ImapSourceSpec:
    """The configured IMAP source ``name``: tasks get a name, never host or credentials."""
    spec = configured_specs().get(name)
    if not isinstance(spec, ImapSourceSpec):
        raise ConfigFileError(f"'{name}' is not a configured IMAP source")
    return spec


def form_fields_of(name: str) -> dict[str, str]:
    """The configured column mapping of folder source ``name`` (none for ad-hoc folders)."""
    spec = configured_specs().get(name)
    return dict(spec.form_fields) if isinstance(spec, FolderSourceSpec) else {}
