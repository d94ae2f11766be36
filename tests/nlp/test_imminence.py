"""Imminence cues: the terms that say when a harm happens, and the critical head weighing them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from tests.conftest import ROOT
from triage.config.files import ConfigFileError, load_imminence_terms, load_taxonomy
from triage.core.types import ClassifyInput
from triage.nlp import label_heads
from triage.nlp.classifier import Classifier
from triage.nlp.gazetteer import load_gazetteer
from triage.nlp.imminence import CLASSES, imminence_matrix, scanner
from triage.nlp.persistence import load_model
from triage.nlp.seed_terms import Lexicon
from triage.nlp.text_fold import fold
from triage.nlp.text_model import analyse, predict


def counts(text: str) -> dict[str, int]:
    return dict(zip(CLASSES, scanner().counts(fold(text)), strict=True))


@pytest.mark.parametrize(
    ("text", "now", "urge", "distant"),
    [
        ("La detuvieron esta mañana y ahora está incomunicada. Urgente.", 2, 1, 0),
        ("Nuestro informe documenta las detenciones del año pasado.", 0, 0, 2),
        ("He was detained TODAY; act immediately.", 1, 1, 0),
        ("Il a été arrêté hier soir, aidez-nous tout de suite.", 2, 2, 0),
        ("Foi preso ontem e ainda está desaparecido.", 2, 0, 0),
        ("Er wurde heute Nacht festgenommen, bitte sofort handeln.", 2, 1, 0),
        ("Его задержали сегодня утром, помогите срочно.", 2, 2, 0),
        ("اعتقلوه الآن، نرجو التدخل فورا", 1, 1, 0),
        ("Amekamatwa leo asubuhi, tusaidie haraka", 2, 2, 0),
        ("Dia ditangkap tadi malam, mohon segera bantu", 1, 1, 0),
        ("उसे आज रात गिरफ्तार किया, तुरंत मदद करें", 2, 2, 0),
        ("اسے آج رات گرفتار کیا گیا، فوری مدد کریں", 2, 2, 0),
        ("他昨天被带走，现在下落不明，请立即处理", 2, 1, 0),
        ("Report on last year's policy", 0, 0, 3),
    ],
)
def test_each_language_says_when(text: str, now: int, urge: int, distant: int) -> None:
    assert counts(text) == {"now": now, "urge": urge, "distant": distant}


@pytest.mark.parametrize(
    "text",
    [
        "nowhere known snow",  # "now" must be a whole word
        "الانتخابات",  # elections, not "now" (الان)
        "الخامس",  # the fifth, not "yesterday" (امس)
        "leopard jananese",  # sw leo / jana inside other words
    ],
)
def test_a_term_inside_another_word_is_not_counted(text: str) -> None:
    assert counts(text) == {"now": 0, "urge": 0, "distant": 0}


def test_arabic_terms_may_follow_a_one_letter_clitic_and_stems_run_on() -> None:
    assert counts("والآن")["now"] == 1
    assert counts("politicas publicas")["distant"] == 1  # politica* is a stem


def test_every_taxonomy_language_has_terms_of_every_class() -> None:
    data = load_imminence_terms()
    languages = {
        language
        for label in load_taxonomy().labels["priority"].values()
        for language, terms in label.seed_terms.items()
        if terms
    }
    for name in CLASSES:
        assert languages <= {lang for lang, terms in data[name].items() if terms}, name


def test_a_malformed_term_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "imminence.yaml"
    bad.write_text('version: "x"\nnow: {en: [today]}\nurge: {en: urgent}\ndistant: {}\n')
    with pytest.raises(ConfigFileError, match="urge"):
        load_imminence_terms(bad)


def test_the_matrix_is_log_counts() -> None:
    matrix = imminence_matrix([fold("now and today, urgently"), ""])
    assert matrix.shape == (2, 3)
    assert np.allclose(matrix, np.log1p([[2, 1, 0], [0, 0, 0]]))


def _head_data(extra: np.ndarray | None, y: np.ndarray) -> label_heads.HeadTrainingData:
    rng = np.random.default_rng(0)
    n = len(y)
    return label_heads.HeadTrainingData(
        features=sparse.csr_matrix(rng.random((n, 5)) * (rng.random((n, 5)) < 0.5)),
        labels=y.reshape(-1, 1).astype(float),
        known=np.ones((n, 1), dtype=bool),
        weights=np.ones(n),
        seeds=np.zeros((n, 1)),
        tune=np.ones(n, dtype=bool),
        extra=extra,
        extra_name=None if extra is None else "imminence",
    )


def test_a_head_weighs_its_extra_columns_and_needs_them() -> None:
    rng = np.random.default_rng(1)
    y = (rng.random(200) < 0.3).astype(int)
    extra = np.column_stack([y * 1.5 + rng.random(200) * 0.2, np.zeros(200), 1.0 - y])
    head = label_heads.fit_head(_head_data(extra, y), ["critical"], label_heads.STACKED)
    assert head["meta_extra"] == "imminence" and head["meta_coef"].shape == (1, 6)
    features = sparse.csr_matrix(np.zeros((2, 5)))
    seeds = np.zeros((2, 1))
    p = label_heads.predict_head(head, features, seeds, np.array([[1.5, 0, 0], [0, 0, 1.0]]))
    assert p[0, 0] > 0.8 and p[1, 0] < 0.2  # only the imminence columns tell them apart
    with pytest.raises(ValueError, match="imminence"):
        label_heads.predict_head(head, features, seeds)


def test_a_head_without_extra_columns_scores_as_before() -> None:
    rng = np.random.default_rng(2)
    y = (rng.random(100) < 0.4).astype(int)
    head = label_heads.fit_head(_head_data(None, y), ["critical"], label_heads.STACKED)
    assert "meta_extra" not in head and head["meta_coef"].shape == (1, 3)
    features = sparse.csr_matrix(rng.random((3, 5)))
    seeds = np.zeros((3, 1))
    assert np.array_equal(
        label_heads.predict_head(head, features, seeds),
        label_heads.predict_head(head, features, seeds, np.ones((3, 3))),
    )


IMMINENT = ClassifyInput(
    id="now",
    subject="Detenida esta mañana",
    body="Detuvieron a nuestra compañera Ana esta mañana en Tegucigalpa y ahora mismo no "
    "sabemos dónde está. Pedimos que protejan su cuenta de inmediato.",
)
PAST_REPORT = ClassifyInput(
    id="report",
    subject="Informe anual",
    body="Les enviamos nuestro informe anual sobre las detenciones de periodistas en Honduras "
    "durante el año pasado y la política de moderación de su empresa.",
)


def test_the_two_messages_differ_in_when_not_in_what() -> None:
    """What the model tests below rest on: both name detentions (a critical seed term), and
    only the time words tell the imminent one from last year's report."""
    analysed = [
        analyse(load_gazetteer(), Lexicon(load_taxonomy()), m.subject, m.body)
        for m in (IMMINENT, PAST_REPORT)
    ]
    for a in analysed:
        assert a.matches.get("priority", {}).get("critical")
    imminent, report = (
        dict(zip(CLASSES, scanner().counts(a.folded), strict=True)) for a in analysed
    )
    assert imminent["now"] >= 2 and imminent["urge"] >= 1 and imminent["distant"] == 0
    assert report["now"] == report["urge"] == 0 and report["distant"] >= 2


@pytest.fixture(scope="module")
def imminence_classifier() -> Classifier:
    """The promoted model, whichever version it is: the tests below hold for any model whose
    critical head learned the imminence columns, not for one version's threshold (the report
    scored 0.20 against 0.25 in labels 2026.12.5, too close to pin a decision on)."""
    taxonomy = load_taxonomy()
    model = load_model(ROOT / "models", "labels", taxonomy.version)
    return Classifier(taxonomy, model, load_gazetteer())


def test_an_imminent_detention_outranks_last_years_report(
    imminence_classifier: Classifier,
) -> None:
    """Both name detentions; the imminent one is critical and scores well above the report.
    Labels 2026.12.3, without the imminence cues, called both critical (0.40 against 0.20)."""
    c = imminence_classifier
    [now] = c.classify([IMMINENT])
    assert now.priority == "critical"
    analysed = [analyse(c.gazetteer, c.lexicon, m.subject, m.body) for m in (IMMINENT, PAST_REPORT)]
    scores = predict(c.estimator, c.features.counts(analysed, cues=True), analysed)
    now_score, report_score = scores.probabilities["critical"][:, 0]
    assert now_score > 2 * report_score


def test_the_time_words_move_the_critical_score(imminence_classifier: Classifier) -> None:
    """The report scored with its own imminence columns and with the imminent message's:
    the time words alone raise its critical score (its words, seed terms and the threshold
    are the same in both)."""
    c = imminence_classifier
    head = c.estimator["heads"]["critical"]
    assert head["meta_extra"] == "imminence"
    analysed = [analyse(c.gazetteer, c.lexicon, m.subject, m.body) for m in (IMMINENT, PAST_REPORT)]
    scored = predict(c.estimator, c.features.counts(analysed, cues=True), analysed)
    report = scored.features[1]
    seeds = np.asarray([[len(analysed[1].matches.get("priority", {}).get("critical", []))]])
    own, imminent = imminence_matrix([a.folded for a in analysed])[::-1]
    as_is = label_heads.predict_head(head, report, seeds, own.reshape(1, -1))[0, 0]
    as_if_now = label_heads.predict_head(head, report, seeds, imminent.reshape(1, -1))[0, 0]
    assert as_is == pytest.approx(scored.probabilities["critical"][1, 0])
    assert as_if_now > 1.5 * as_is
