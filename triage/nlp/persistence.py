"""Model directories: ``models/<name>/<version>/`` with model.skops, manifest.json, metrics.json
and card.md; ``models/<name>/promoted.json`` names the version in use.

skops with an explicit trusted-types list, never pickle: a model file from elsewhere cannot run
code. A model refuses to load against another taxonomy version.

Importing skops costs a worker about a second of CPU and 30 MB (it walks scikit-learn to list
the types it knows), so a model that passed the trusted-types check once is also kept as plain
arrays: ``<cache dir>/<sha256 of model.skops>.npz`` (``TRIAGE_MODEL_CACHE_DIR``; by default
``$XDG_CACHE_HOME/triage/models``, ``~/.cache`` without it; empty to turn it off). It is written
on first load, atomically (a unique temporary file, then a rename), read with
``allow_pickle=False`` (arrays and JSON only: it can hold no code), and keyed by the digest of
the exact model file, so a changed, replaced or half-written model.skops never meets a stale
cache. Anything unreadable in it is ignored and the model is loaded from skops again.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from triage.atomic_files import write_text_atomic
from triage.nlp.features import TfidfWeights

log = logging.getLogger(__name__)
_TFIDF = "sklearn.feature_extraction.text.TfidfTransformer"
CACHE_FORMAT = 2  # 2: the TF-IDF weighting as ``TfidfWeights`` (1 held scikit-learn's state)

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
    import skops.io as sio

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
    model_file = directory / "model.skops"
    try:
        digest = hashlib.sha256(model_file.read_bytes()).hexdigest()
    except OSError:
        raise ModelError(f"{directory}: missing or unreadable model.skops") from None
    cache = _cache_file(digest)
    estimator = _read_cache(cache, digest) if cache else None
    if estimator is None:
        import skops.io as sio

        untrusted = sio.get_untrusted_types(file=model_file)
        unexpected = sorted(set(untrusted) - set(TRUSTED_TYPES))
        if unexpected:
            raise ModelError(f"{directory}: refusing untrusted types {unexpected}")
        estimator = _without_sklearn(sio.load(model_file, trusted=list(untrusted)))
        if cache:
            _write_cache(cache, digest, estimator)
    return LoadedModel(estimator, manifest, directory)


def _without_sklearn(estimator: Any) -> Any:
    """The label model with its ``TfidfTransformer`` swapped for ``TfidfWeights``, so that
    classifying never imports scikit-learn (see ``TfidfWeights``)."""
    tfidf = estimator.get("tfidf") if isinstance(estimator, dict) else None
    if f"{type(tfidf).__module__}.{type(tfidf).__name__}" == _TFIDF:
        return {**estimator, "tfidf": TfidfWeights.from_transformer(estimator["tfidf"])}
    return estimator


# -- the array cache -----------------------------------------------------------------------


def _cache_file(digest: str) -> Path | None:
    configured = os.environ.get("TRIAGE_MODEL_CACHE_DIR")
    if configured is not None:
        return Path(configured) / f"{digest}.npz" if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "triage" / "models" / f"{digest}.npz"


def _encode(value: Any, arrays: dict[str, np.ndarray], path: str) -> Any:
    """JSON for the structure, arrays apart; ``ValueError`` for anything else (not cached)."""
    if isinstance(value, np.ndarray):
        if value.dtype.hasobject:
            raise ValueError(path)
        arrays[path] = value
        return {"__array__": path}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value) or {"__array__", "__tfidf__"} & set(value):
            raise ValueError(path)
        return {k: _encode(v, arrays, f"{path}/{k}") for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v, arrays, f"{path}/{n}") for n, v in enumerate(value)]
    if value is None or type(value) in (str, bool, int, float):
        return value
    if isinstance(value, TfidfWeights):
        return {"__tfidf__": _encode(value.__getstate__(), arrays, f"{path}/tfidf")}
    raise ValueError(path)


def _decode(value: Any, arrays: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"__array__"}:
            return arrays[value["__array__"]]
        if set(value) == {"__tfidf__"}:
            weights = TfidfWeights.__new__(TfidfWeights)
            weights.__setstate__(_decode(value["__tfidf__"], arrays))
            return weights
        return {k: _decode(v, arrays) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v, arrays) for v in value]
    return value


def _read_cache(path: Path, digest: str) -> Any | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        meta = json.loads(str(arrays.pop("__meta__")))
        if meta.get("digest") != digest or meta.get("format") != CACHE_FORMAT:
            return None
        return _decode(meta["estimator"], arrays)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged cache only costs the slow load
        log.warning("model cache %s unreadable (%s): loading the model file", path.name, exc)
        return None


def _write_cache(path: Path, digest: str, estimator: Any) -> None:
    arrays: dict[str, np.ndarray] = {}
    try:
        structure = _encode(estimator, arrays, "e")
    except ValueError as exc:
        log.debug("model not cached: %s is not plain data", exc)
        return
    meta = json.dumps({"digest": digest, "format": CACHE_FORMAT, "estimator": structure})
    buffer = io.BytesIO()
    np.savez(buffer, __meta__=np.asarray(meta), **arrays)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A unique temporary file, not ``atomic_files.write_bytes_atomic``'s fixed sibling:
        # several workers may load the same model at once and write this cache together.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".partial")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(buffer.getvalue())
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)  # atomic; concurrent writers write the same content
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError as exc:  # a read-only home: no cache, nothing else changes
        log.debug("model cache not written: %s", exc)
