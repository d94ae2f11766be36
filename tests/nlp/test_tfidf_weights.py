"""``TfidfWeights`` weighs counts as the fitted scikit-learn ``TfidfTransformer`` does, so the
classifier can run without importing scikit-learn."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from tests.conftest import ROOT
from triage.nlp.features import TfidfWeights


@pytest.mark.parametrize("sublinear", [True, False])
def test_weights_equal_scikit_learn(sublinear: bool) -> None:
    rng = np.random.default_rng(3)
    fit = sparse.random(300, 2000, density=0.02, random_state=rng, format="csr")
    fit.data = np.ceil(fit.data * 5)
    counts = sparse.random(120, 2000, density=0.05, random_state=rng, format="csr")
    counts.data = np.ceil(counts.data * 7)
    counts = counts.tolil()
    counts[7] = 0  # an empty row stays empty, with no division by zero
    counts = counts.tocsr()
    counts.eliminate_zeros()
    before = counts.copy()
    fitted = TfidfTransformer(sublinear_tf=sublinear).fit(fit)
    expected = fitted.transform(counts)
    got = TfidfWeights.from_transformer(fitted).transform(counts)
    assert np.array_equal(got.indptr, expected.indptr)
    assert np.array_equal(got.indices, expected.indices)
    np.testing.assert_allclose(got.data, expected.data, rtol=1e-12, atol=0)
    assert got[7].nnz == 0
    assert (counts != before).nnz == 0  # the input was not changed in place


def test_other_norms_are_refused() -> None:
    with pytest.raises(ValueError, match="norm"):
        TfidfWeights(np.ones(3), sublinear=True, norm="l1")


def test_classifying_does_not_import_scikit_learn() -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from triage.config.files import load_taxonomy\n"
        "from triage.core.types import ClassifyInput\n"
        "from triage.nlp.classifier import Classifier\n"
        "c = Classifier.from_models_dir(Path('models'), load_taxonomy())\n"
        "c = Classifier.from_models_dir(Path('models'), load_taxonomy())\n"
        "c.classify([ClassifyInput(id='1', subject='s', body='an activist was detained today')])\n"
        "print('sklearn' in sys.modules)\n"
    )
    # The first load may read the model file (skops imports scikit-learn) and write the cache;
    # a second process then finds the cache.
    for expected in (None, "False"):
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        if expected:
            assert out == expected
