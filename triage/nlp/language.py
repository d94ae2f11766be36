"""Language detection restricted to the languages triage supports.

Restricting lingua to a dozen languages makes it ~5x faster and far more accurate than the
75-language default; text in any other language is flagged for review instead of guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

SUPPORTED: tuple[str, ...] = (
    "en",
    "es",
    "fr",
    "pt",
    "ar",
    "sw",
    "id",
    "ru",
    "hi",
    "ur",
    "de",
    "zh",
)
MIN_CONFIDENCE = 0.5
MIN_LETTERS = 12


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1, or "und" when undetermined
    confidence: float

    @property
    def reliable(self) -> bool:
        return self.code != "und" and self.confidence >= MIN_CONFIDENCE


def _lingua_language(code: str) -> Language:
    return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    languages = [_lingua_language(code) for code in SUPPORTED]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> LanguageGuess:
    sample = text[:2000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return LanguageGuess("und", 0.0)
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return LanguageGuess("und", 0.0)
    best = values[0]
    return LanguageGuess(best.language.iso_code_639_1.name.lower(), float(best.value))


def detect_languages(texts: list[str]) -> list[LanguageGuess]:
    return [detect_language(t) for t in texts]
