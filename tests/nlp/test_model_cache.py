"""The plain-array cache of a loaded model: the same model, never a stale or foreign one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from tests.conftest import ROOT
from triage.config.files import load_taxonomy
from triage.nlp import persistence
from triage.nlp.persistence import ModelError, load_model


def _same(a: object, b: object) -> None:
    assert type(a) is type(b)
    if isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b)
        assert a.flags.c_contiguous == b.flags.c_contiguous
    elif isinstance(a, dict):
        assert list(a) == list(b)
        for key in a:
            _same(a[key], b[key])
    elif isinstance(a, list):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _same(x, y)
    elif hasattr(a, "__getstate__") and not isinstance(a, (str, int, float, bool)):
        _same(a.__getstate__(), b.__getstate__())
    else:
        assert a == b


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRIAGE_MODEL_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_cached_model_is_the_model(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    version = load_taxonomy().version
    first = load_model(ROOT / "models", "labels", version)
    assert len(list(cache_dir.glob("*.npz"))) == 1
    import skops.io

    def no_skops(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the cache was not used")

    monkeypatch.setattr(skops.io, "load", no_skops)
    second = load_model(ROOT / "models", "labels", version)
    _same(first.estimator, second.estimator)
    rng = np.random.default_rng(0)
    counts = sparse.random(20, len(first.estimator["columns"]), density=0.01, random_state=rng)
    a = first.estimator["tfidf"].transform(counts.tocsr())
    b = second.estimator["tfidf"].transform(counts.tocsr())
    assert (a != b).nnz == 0


def test_a_damaged_or_foreign_cache_is_ignored(cache_dir: Path) -> None:
    version = load_taxonomy().version
    load_model(ROOT / "models", "labels", version)
    (cached,) = cache_dir.glob("*.npz")
    cached.write_bytes(b"not a zip file")
    assert load_model(ROOT / "models", "labels", version).estimator["cues"] in (True, False)
    assert cached.read_bytes() != b"not a zip file"  # rewritten from the model file
    digest = cached.stem
    assert persistence._read_cache(cached, "0" * 64) is None  # made for another model file
    assert persistence._read_cache(cached, digest) is not None


def test_a_replaced_model_file_is_checked_again(cache_dir: Path, tmp_path: Path) -> None:
    import shutil

    import skops.io as sio

    models = tmp_path / "models"
    version = load_taxonomy().version
    source = ROOT / "models" / "labels" / persistence.promoted_version(ROOT / "models", "labels")
    shutil.copytree(source, models / "labels" / "v")
    load_model(models, "labels", version, "v")  # cached
    sio.dump({"payload": Path("/etc/passwd")}, models / "labels" / "v" / "model.skops")
    with pytest.raises(ModelError, match="untrusted"):
        load_model(models, "labels", version, "v")


def test_no_cache_when_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIAGE_MODEL_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_model(ROOT / "models", "labels", load_taxonomy().version)
    assert not list(tmp_path.rglob("*.npz"))
