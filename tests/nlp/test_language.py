"""Language detection's two paths: CLD2 decides when it is sure, lingua when it is not.

Accuracy on the independent set and the decoys are in ``test_text_basics.py``; these check
which path answers, that the cheap script count equals the regex one, and that what CLD2
cannot read still gets an answer.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.nlp import language
from triage.nlp.language import MIN_CONFIDENCE, detect_language, warm_up

SPANISH = (
    "Estimado equipo, nuestra organización defiende a periodistas en Honduras y desde ayer "
    "la cuenta de nuestra directora fue suspendida sin ninguna explicación."
)
UKRAINIAN = (
    "Добрий день! Ми, група журналістів з Харкова, просимо відновити наш канал, який було "
    "заблоковано вчора без жодного пояснення."
)


class _NoLingua:
    def compute_language_confidence_values(self, text: str) -> list[object]:
        raise AssertionError("lingua was called although CLD2 was sure")


def test_clear_text_is_decided_by_cld2_without_lingua(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_detector", lambda script: _NoLingua())
    spanish, ukrainian = detect_language(SPANISH), detect_language(UKRAINIAN)
    assert spanish.code == "es" and spanish.confidence >= MIN_CONFIDENCE
    assert ukrainian.code == "uk" and ukrainian.confidence >= MIN_CONFIDENCE


def test_cld2_answer_outside_the_script_list_goes_to_lingua(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # CLD2 often says Malay for Indonesian; Malay is not among the Latin candidates.
    monkeypatch.setattr(
        language.pycld2, "detect", lambda text: (True, 150, (("MALAY", "ms", 99, 900.0),))
    )
    guess = detect_language(
        "Dengan hormat, kami menerima laporan bahwa beberapa pekerja migran di perkebunan "
        "sawit tidak menerima gaji selama tiga bulan dan paspor mereka ditahan oleh majikan."
    )
    assert guess.code == "id"


@pytest.mark.parametrize(
    "details",
    [
        (False, 150, (("SPANISH", "es", 99, 900.0),)),  # CLD2 says it is not sure
        (True, 150, (("SPANISH", "es", 56, 900.0), ("ITALIAN", "it", 43, 800.0))),  # split
        (True, 0, (("Unknown", "un", 0, 0.0),)),
    ],
)
def test_unsure_cld2_hands_over_to_lingua(monkeypatch: pytest.MonkeyPatch, details: tuple) -> None:
    calls: list[str] = []
    real = language._detector

    def counting(script: str):  # type: ignore[no-untyped-def]
        calls.append(script)
        return real(script)

    monkeypatch.setattr(language, "_detector", counting)
    monkeypatch.setattr(language.pycld2, "detect", lambda text: details)
    assert detect_language(SPANISH).code == "es"
    assert calls == ["Latin"]


def test_text_cld2_rejects_still_gets_an_answer() -> None:
    # CLD2 refuses control characters as invalid UTF-8; lingua reads them.
    guess = detect_language("Dear team,\x01 our journalist was detained yesterday, please help")
    assert guess.code == "en" and guess.reliable


def test_two_scripts_lower_the_confidence() -> None:
    guess = detect_language(
        "Здравствуйте, наш канал заблокирован без объяснения причин "
        "نحن منظمة حقوقية نعمل في مجال الدفاع عن الصحفيين"
    )
    assert guess.code in {"ru", "ar"} and guess.confidence < 0.7


LETTERS = st.sampled_from(
    "abcxyzéçñßąşăđ"  # Latin
    "абвгдеёыіїє"  # Cyrillic
    "ابتثجحخپچگکیےں"  # Arabic
    "中文字汉語𠀀𠀁"  # Han, two beyond the BMP
    "あいうアイウ한국어हिन्दीΑβγשלוםไทยবাংলাதமிழ்"
    " .,!?0123456789😀🙏\u200d\x01"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LETTERS, max_size=200).map("".join))
def test_script_table_counts_what_the_regexes_count(sample: str) -> None:
    expected = {name: len(pattern.findall(sample)) for name, pattern in language._SCRIPTS.items()}
    assert language._script_counts(sample) == expected


def test_warm_up_builds_every_detector() -> None:
    language._detector.cache_clear()
    warm_up()
    assert language._detector.cache_info().currsize == len(language._SCRIPT_LANGUAGES)
