"""Loading the packaged and user data files; validation lives with the values in core."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from triage.config.calendars import build_calendars
from triage.core.acknowledgement import AcknowledgementPolicy, parse_acknowledgements
from triage.core.retention import RetentionPolicy, parse_retention
from triage.core.routing import RoutingRules, parse_routing_rules
from triage.core.taxonomy import Taxonomy, parse_taxonomy
from triage.core.types import FORM_FIELDS


class ConfigFileError(ValueError):
    """A data file is missing, unreadable or invalid; the message names the file."""


def packaged(name: str) -> Path:
    return Path(str(resources.files("triage") / "data" / name))


# libyaml's safe loader when PyYAML was built with it: the taxonomy's 5,800 seed terms took
# 0.47 s with the pure-Python one, a quarter of the classifier's load time.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_SAFE_LOADER)
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


IMMINENCE_CLASSES = ("now", "urge", "distant")


@lru_cache(maxsize=4)
def load_imminence_terms(path: Path | None = None) -> dict[str, Any]:
    """The imminence cue terms: ``{"version": str, class: {language: (terms...)}}`` for each
    of ``IMMINENCE_CLASSES`` (what the critical head's meta model counts, nlp.imminence)."""
    path = path or packaged("imminence.yaml")
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("version"), str):
        raise ConfigFileError(f"{path}: a mapping with a version string is expected")
    out: dict[str, Any] = {"version": data["version"]}
    for name in IMMINENCE_CLASSES:
        classes = data.get(name)
        if not isinstance(classes, dict) or not all(
            isinstance(terms, list) and all(isinstance(t, str) and t.strip() for t in terms)
            for terms in classes.values()
        ):
            raise ConfigFileError(f"{path}: {name} must map languages to lists of terms")
        out[name] = {language: tuple(terms) for language, terms in classes.items()}
    return out


@lru_cache(maxsize=4)
def load_retention(path: Path | None = None) -> RetentionPolicy:
    path = path or packaged("retention.yaml")
    try:
        return parse_retention(read_yaml(path))
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


@dataclass(frozen=True, slots=True)
class FolderSourceSpec:
    """A folder of .eml files and form exports (the original ``path:`` entries)."""

    name: str
    path: Path
    form_fields: tuple[tuple[str, str], ...] = ()  # triage field -> this export's column


IMAP_SECURITY = ("tls", "starttls", "plain")
IMAP_AFTER_STORE = ("none", "flag", "move")


@dataclass(frozen=True, slots=True)
class ImapSourceSpec:
    """An IMAP mailbox. Only the *names* of the credential variables live in the file.

    ``sent_folder`` holds the staff's replies: read like the others, stored under the source
    name suffixed ``:sent``. ``after_store`` runs once a message is safely in the store.
    """

    name: str
    host: str
    port: int
    security: str
    username_env: str
    password_env: str
    folders: tuple[str, ...] = ("INBOX",)
    sent_folder: str | None = None
    after_store: str = "none"
    flag: str = "\\Seen"
    move_to: str | None = None


SourceSpec = FolderSourceSpec | ImapSourceSpec


def load_source_specs(path: Path) -> dict[str, SourceSpec]:
    """Every named source, folder or IMAP; ``load_sources`` stays for folder-only callers.

    A new function rather than a wider ``load_sources`` so that existing callers, which expect
    ``{name: folder}``, keep working unchanged.
    """
    data = read_yaml(path) or {}
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise ConfigFileError(f"{path}: needs a non-empty 'sources' mapping of name to path")
    specs: dict[str, SourceSpec] = {}
    for raw_name, spec in entries.items():
        name = str(raw_name)
        if isinstance(spec, dict) and spec.get("type") == "imap":
            specs[name] = _imap_spec(path, name, spec)
            continue
        if isinstance(spec, dict) and spec.get("type") not in (None, "folder"):
            raise ConfigFileError(f"{path}: source '{name}' has unknown type {spec.get('type')!r}")
        raw = spec.get("path") if isinstance(spec, dict) else spec
        if not isinstance(raw, str) or not raw:
            raise ConfigFileError(f"{path}: source '{name}' needs a path")
        folder = Path(raw)
        specs[name] = FolderSourceSpec(
            name,
            folder if folder.is_absolute() else (path.parent / folder).resolve(),
            _form_fields(path, name, spec.get("form_fields") if isinstance(spec, dict) else None),
        )
    return specs


def _form_fields(path: Path, name: str, raw: Any) -> tuple[tuple[str, str], ...]:
    """Which column of this source's exports holds each form field (Kobo, Google Forms...)."""
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v for k, v in raw.items()
    ):
        raise ConfigFileError(f"{path}: source '{name}' form_fields must map names to columns")
    unknown = sorted(set(raw) - set(FORM_FIELDS))
    if unknown:
        raise ConfigFileError(
            f"{path}: source '{name}' form_fields: unknown field(s) {', '.join(unknown)}; "
            f"known: {', '.join(FORM_FIELDS)}"
        )
    return tuple(sorted(raw.items()))


def _imap_spec(path: Path, name: str, spec: dict[str, Any]) -> ImapSourceSpec:
    def fail(problem: str) -> ConfigFileError:
        return ConfigFileError(f"{path}: IMAP source '{name}' {problem}")

    host = spec.get("host")
    if not isinstance(host, str) or not host:
        raise fail("needs a host")
    security = spec.get("security", "tls")
    if security not in IMAP_SECURITY:
        raise fail(f"security must be one of {', '.join(IMAP_SECURITY)}")
    port = spec.get("port", 993 if security == "tls" else 143)
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise fail("needs a port between 1 and 65535")
    env_names: dict[str, str] = {}
    for field_name in ("username_env", "password_env"):
        value = spec.get(field_name)
        if not isinstance(value, str) or not value:
            raise fail(f"needs {field_name} (the NAME of an environment variable)")
        env_names[field_name] = value
    folders = spec.get("folders", ["INBOX"])
    if (
        not isinstance(folders, list)
        or not folders
        or not all(isinstance(f, str) and f for f in folders)
    ):
        raise fail("needs 'folders', a non-empty list of folder names")
    sent = spec.get("sent_folder")
    if sent is not None and (not isinstance(sent, str) or not sent):
        raise fail("has an empty sent_folder")
    after_store = spec.get("after_store", "none")
    if after_store not in IMAP_AFTER_STORE:
        raise fail(f"after_store must be one of {', '.join(IMAP_AFTER_STORE)}")
    move_to = spec.get("move_to")
    if after_store == "move" and (not isinstance(move_to, str) or not move_to):
        raise fail("has after_store: move but no move_to folder")
    flag = spec.get("flag", "\\Seen")
    if not isinstance(flag, str) or not flag or any(c in flag for c in ' ()\r\n"{}%*]'):
        raise fail("has an invalid flag")
    return ImapSourceSpec(
        name=name,
        host=host,
        port=port,
        security=str(security),
        username_env=env_names["username_env"],
        password_env=env_names["password_env"],
        folders=tuple(folders),
        sent_folder=sent,
        after_store=str(after_store),
        flag=flag,
        move_to=move_to if after_store == "move" else None,
    )
