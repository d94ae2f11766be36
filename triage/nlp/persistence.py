"""Model directories: ``models/<name>/<version>/`` with model.skops, manifest.json, metrics.json
and card.md; ``models/<name>/promoted.json`` names the version in use.

skops with an explicit trusted-types list, never pickle: a model file from elsewhere cannot run
code. A model refuses to load against another taxonomy version.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import skops.io as sio

from triage.atomic_files import write_text_atomic

# Types a fitted rights pipeline is made of; anything else in a file is refused.
TRUSTED_TYPES: tuple[str, ...] = (
    "numpy.dtype",
    "numpy.ndarray",
    "numpy.float64",
    "numpy.int64",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.multiclass.OneVsRestClassifier",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._label.LabelBinarizer",
    "builtins.slice",
)


class ModelError(RuntimeError):
    """A model directory is missing, untrusted or made for another taxonomy."""


@dataclass(frozen=True, slots=True)
class LoadedModel:
    estimator: Any
    manifest: dict[str, Any]
    path: Path

    @property
    def version(self) -> str:
        return str(self.manifest["version"])


def _drop_introspection_state(estimator: Any) -> None:
    """Vectorisers keep every term cut by ``max_features`` in ``stop_words_``, for
    introspection only (scikit-learn says it may be removed); it was 9/10 of the file."""
    stack = [estimator]
    while stack:
        item = stack.pop()
        if hasattr(item, "stop_words_"):
            delattr(item, "stop_words_")
        for attr in ("steps", "transformer_list"):
            stack.extend(step for _name, step in getattr(item, attr, []))
        for attr in ("estimator", "estimators_"):
            value = getattr(item, attr, None)
            if value is not None:
                stack.extend(value if isinstance(value, list) else [value])


def save_model(directory: Path, estimator: Any, manifest: dict[str, Any]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    _drop_introspection_state(estimator)
    sio.dump(estimator, directory / "model.skops", compression=zipfile.ZIP_DEFLATED)
    untrusted = sio.get_untrusted_types(file=directory / "model.skops")
    unexpected = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if unexpected:
        raise ModelError(f"model contains types outside the trusted list: {unexpected}")
    write_json(directory / "manifest.json", manifest)
    return directory


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Atomically: a ``promoted.json`` cut short by a crash would leave no model to load."""
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    write_text_atomic(path, text, "model_file_mid_write")


def promoted_version(models_dir: Path, name: str) -> str:
    pointer = models_dir / name / "promoted.json"
    try:
        return str(json.loads(pointer.read_text())["version"])
    except (OSError, ValueError, KeyError):
        raise ModelError(f"no promoted model for '{name}' in {models_dir}") from None


def promote(models_dir: Path, name: str, version: str) -> None:
    if not (models_dir / name / version / "manifest.json").exists():
        raise ModelError(f"cannot promote {name} {version}: no such model directory")
    write_json(models_dir / name / "promoted.json", {"version": version})


def load_model(
    models_dir: Path, name: str, taxonomy_version: str, version: str | None = None
) -> LoadedModel:
    version = version or promoted_version(models_dir, name)
    directory = models_dir / name / version
    try:
        manifest = json.loads((directory / "manifest.json").read_text())
    except (OSError, ValueError):
        raise ModelError(f"{directory}: missing or unreadable manifest.json") from None
    if manifest.get("taxonomy_version") != taxonomy_version:
        raise ModelError(
            f"{directory}: made for taxonomy {manifest.get('taxonomy_version')}, "
            f"this is {taxonomy_version}; retrain with `triage train`"
        )
    untrusted = sio.get_untrusted_types(file=directory / "model.skops")
    unexpected = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if unexpected:
        raise ModelError(f"{directory}: refusing untrusted types {unexpected}")
    estimator = sio.load(directory / "model.skops", trusted=list(untrusted))
    return LoadedModel(estimator, manifest, directory)
