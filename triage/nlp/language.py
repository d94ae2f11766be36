"""Language detection restricted to the languages triage supports, plus decoys.

Two detectors, the cheap one first. CLD2 (``pycld2``, its model compiled into the wheel, so
nothing is downloaded at run time) answers in about 20 microseconds; it decides alone when it
is sure: it calls its own guess reliable, gives it at least ``CLD2_MIN_SHARE`` of the text it
classified, and the guess is one of the languages possible for the text's script. Anything
else (CLD2 unsure, a second language in a fifth of the sample or more, a language outside the
script's list, such as Malay for Indonesian, which CLD2 often says, or a text CLD2 refuses)
goes to lingua, restricted per script, as before. On the 20+ word texts of
``bench/bench_language.py`` CLD2 decides about 97%; on the project's samples no answer it
gave alone was wrong where lingua was right. Lingua costs about 0.3-0.4 ms a message, CLD2's
path about 40 microseconds all told, so the average falls about 6-8x.

Restricting lingua to a few dozen languages makes it several times faster and more accurate
than the 75-language default. The decoys are languages triage does not cover but that
civil society writes in: without them an Italian or Turkish message would be guessed as
Spanish or Indonesian; with them it is named, and flagged for review as not covered.
The script is counted on the first ``SAMPLE_CHARS`` characters, CLD2 reads the same sample
and lingua the first ``DETECT_CHARS``: enough for 20+ words, and lingua's cost grows fast
with length.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pycld2
import regex
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
SAMPLE_CHARS = 200
# CLD2 decides alone when its top language covers this share of the text it classified.
CLD2_MIN_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1, or "und" when undetermined
    confidence: float

    @property
    def reliable(self) -> bool:
        return self.code != "und" and self.confidence >= MIN_CONFIDENCE


def _lingua_language(code: str) -> Language:
    return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))


# The script a text is written in decides which languages are even possible: one small
# detector per script is several times faster than one detector for all of them. Latin
# always includes the decoys: among covered languages alone, Italian comes out as Portuguese
# with 0.999 confidence.
_SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Latin": ("en", "es", "fr", "pt", "sw", "id", "de", "it", "nl", "tr", "pl", "ro", "sv",
              "ca", "tl", "vi", "af", "zu", "yo", "so"),
    "Arabic": ("ar", "ur", "fa"),
    "Cyrillic": ("ru", "uk"),
}  # fmt: skip
_SINGLE_SCRIPT: dict[str, str] = {
    "Han": "zh", "Hiragana": "ja", "Katakana": "ja", "Hangul": "ko", "Devanagari": "hi",
    "Greek": "el", "Hebrew": "he", "Thai": "th", "Bengali": "bn", "Tamil": "ta",
}  # fmt: skip
_SCRIPT_NAMES: tuple[str, ...] = (*_SCRIPT_LANGUAGES, *_SINGLE_SCRIPT)
_SCRIPTS = {name: regex.compile(rf"\p{{Script={name}}}") for name in _SCRIPT_NAMES}
# Each counted script gets one tag character (A, B, ...) for the translation table below.
_TAGS: tuple[str, ...] = tuple(chr(ord("A") + i) for i in range(len(_SCRIPT_NAMES)))
_ASTRAL = regex.compile(r"[^\x00-\uffff]")
DETECT_CHARS = 120  # what lingua reads: its cost grows fast with length


@lru_cache(maxsize=8)
def _detector(script: str):  # type: ignore[no-untyped-def]
    languages = [_lingua_language(code) for code in _SCRIPT_LANGUAGES[script]]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@lru_cache(maxsize=1)
def _script_table() -> str:
    """One character per code point of the Basic Multilingual Plane: the tag of its script,
    or a space. ``str.translate`` with it and ``str.count`` per tag count every script in one
    pass each, about 5x faster than one regex per script; built once (about 30 ms) from the
    same ``\\p{Script=...}`` classes, so the counts are identical."""
    table = [" "] * 0x10000
    plane = "".join(chr(i) for i in range(0x10000) if not 0xD800 <= i < 0xE000)
    for name, tag in zip(_SCRIPT_NAMES, _TAGS, strict=True):
        for ch in _SCRIPTS[name].findall(plane):
            table[ord(ch)] = tag
    return "".join(table)


def _script_counts(sample: str) -> dict[str, int]:
    tagged = sample.translate(_script_table())  # characters beyond the BMP stay as they are
    counts = {name: tagged.count(tag) for name, tag in zip(_SCRIPT_NAMES, _TAGS, strict=True)}
    if max(sample, default="") > "\uffff":  # emoji, rare Han: the regexes count the few of them
        astral = "".join(_ASTRAL.findall(sample))
        for name, pattern in _SCRIPTS.items():
            counts[name] += len(pattern.findall(astral))
    return counts


def _dominant_script(sample: str) -> tuple[str | None, float]:
    if sample.isascii():  # most mail: ASCII letters are Latin, no need to count scripts
        return ("Latin", 1.0) if any(ch.isalpha() for ch in sample) else (None, 0.0)
    counts = _script_counts(sample)
    if counts["Hiragana"] + counts["Katakana"]:  # Japanese mixes kana with Han
        counts["Hiragana"] += counts.pop("Katakana") + counts.pop("Han")
    letters = sum(counts.values())
    if not letters:
        return None, 0.0
    script = max(counts, key=lambda k: counts[k])
    return script, counts[script] / letters


def _cld2_guess(sample: str, script: str) -> tuple[str, float] | None:
    """CLD2's answer and the share of the classified text in that language, when it is sure
    and the language is possible for the script; ``None`` sends the text to lingua.

    The share is taken over the languages CLD2 named ("un" left out): CLD2 sometimes leaves
    part of the bytes unclassified without doubting the rest."""
    try:
        reliable, _bytes, details = pycld2.detect(sample)
    except (pycld2.error, UnicodeError):  # control characters, lone surrogates
        return None
    if not reliable:
        return None
    named = [(code, percent) for _name, code, percent, _score in details if code != "un"]
    total = sum(percent for _code, percent in named)
    if not total:
        return None
    code, percent = max(named, key=lambda item: item[1])
    share = percent / total
    if share < CLD2_MIN_SHARE or code not in _SCRIPT_LANGUAGES[script]:
        return None
    return code, share


def detect_language(text: str) -> LanguageGuess:
    """The language of the start of ``text``. The confidence is the dominant script's share
    of the letters times, when CLD2 decides, the share of the text in its language (at least
    ``CLD2_MIN_SHARE``), or else lingua's probability: a low value flags the message for
    review, as before."""
    sample = " ".join(text[: SAMPLE_CHARS * 2].split())[:SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return LanguageGuess("und", 0.0)
    script, share = _dominant_script(sample)
    if script is None:
        return LanguageGuess("und", 0.0)
    if script in _SINGLE_SCRIPT:
        return LanguageGuess(_SINGLE_SCRIPT[script], share)
    fast = _cld2_guess(sample, script)
    if fast is not None:
        return LanguageGuess(fast[0], fast[1] * share)
    values = _detector(script).compute_language_confidence_values(sample[:DETECT_CHARS])
    if not values:
        return LanguageGuess("und", 0.0)
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    return LanguageGuess(code, float(best.value) * share)


# A plain word of each script: lingua loads the models of every language the letters allow.
_WARM_UP_WORDS = {"Latin": "load", "Arabic": "تحميل", "Cyrillic": "загрузка"}


def warm_up() -> None:
    """Build now what the first message of each script would otherwise pay for: the script
    table and lingua's per-script detectors with their models (lingua loads a model on first
    use). Part of the classifier's load time; without it the cost moves to the first
    messages, and lingua's models load only when CLD2 first hands a message over."""
    _script_table()
    for script, word in _WARM_UP_WORDS.items():
        _detector(script).compute_language_confidence_values(word)


def detect_languages(texts: list[str]) -> list[LanguageGuess]:
    return [detect_language(t) for t in texts]
