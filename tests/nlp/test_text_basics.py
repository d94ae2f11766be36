"""Folding, the seed-term automaton and language detection: the steps every message takes."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT
from triage.config.files import load_taxonomy
from triage.nlp.language import detect_language
from triage.nlp.seed_terms import Lexicon, SeedTermMatcher
from triage.nlp.text_fold import fold

HANDWRITTEN = ROOT / "data" / "eval" / "handwritten.jsonl"


def _reference_fold(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Latin with accents, Greek, Cyrillic, Arabic with harakat, Devanagari, CJK.
_SCRIPTS = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x24F),
    st.characters(min_codepoint=0x300, max_codepoint=0x52F),
    st.characters(min_codepoint=0x600, max_codepoint=0x6FF),
    st.characters(min_codepoint=0x900, max_codepoint=0x97F),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
)


@given(st.text(_SCRIPTS, max_size=60))
def test_fold_matches_the_unicodedata_definition(text: str) -> None:
    assert fold(text) == _reference_fold(text)


def test_fold_keeps_devanagari_vowels_and_drops_latin_accents() -> None:
    assert fold("Protección DE Datos") == "proteccion de datos"
    assert fold("इंटरनेट बंद") == "इंटरनेट बंद".lower()


def test_lexicon_matches_stems_at_word_start_only() -> None:
    matcher = SeedTermMatcher(load_taxonomy(), "rights_issue")
    assert "surveillance" in matcher.match("They deployed SURVEILLANCE cameras")
    # "censor" must not fire inside another word
    assert "expression" not in matcher.match("the sensors were uncensored-looking")
    hits = matcher.match("Nos preocupa la protección de datos personales")
    assert "privacy" in hits and "datos personales" in hits["privacy"]


def test_lexicon_matches_arabic_terms_with_attached_prefixes() -> None:
    hits = Lexicon(load_taxonomy()).match("وبالخصوصية نطالب بحماية البيانات")
    assert "privacy" in hits.get("rights_issue", {})


def test_lexicon_scans_every_facet_at_once() -> None:
    hits = Lexicon(load_taxonomy()).match(
        "URGENT: our journalist was detained yesterday; please unsubscribe me from the newsletter"
    )
    assert "hrd_safety" in hits["rights_issue"]
    assert "critical" in hits["priority"]
    assert "low" in hits["priority"]


def test_language_detection_on_messages_of_twenty_words_or_more() -> None:
    records = [json.loads(line) for line in HANDWRITTEN.read_text().splitlines() if line]
    long_enough = [r for r in records if len(r["body"].split()) >= 20 or r["language"] == "zh"]
    assert len({r["language"] for r in long_enough}) >= 10
    right = sum(detect_language(r["body"]).code == r["language"] for r in long_enough)
    assert right / len(long_enough) >= 0.98


def test_languages_triage_does_not_cover_are_named_not_guessed() -> None:
    italian = detect_language(
        "Buongiorno, vi scriviamo perché la nostra associazione ha subito la censura dei post"
    )
    turkish = detect_language("Merhaba, derneğimizin hesapları askıya alındı ve açıklama yok")
    assert italian.code == "it" and turkish.code == "tr"
    assert detect_language("😀😀😀 🙏").code == "und"
    assert detect_language("").code == "und"


def test_arabic_words_with_attached_particles_share_one_feature_stem() -> None:
    from triage.nlp.features import arabic_light_stem

    # "and the journalists", "the journalists" (two plural endings): one stem.
    assert arabic_light_stem("والصحفيين") == arabic_light_stem("الصحفيون") == "صحفي"
    assert arabic_light_stem("بالمراقبه") == arabic_light_stem("للمراقبه") == "مراقب"
    assert arabic_light_stem("وطن") == "وطن"  # too short to lose a letter
    assert arabic_light_stem("privacy") is None


def test_lexicon_matches_on_the_bytes_as_on_the_characters() -> None:
    """The automaton scans UTF-8 bytes: a term after a multi-byte letter or mark is inside a
    word, after multi-byte punctuation it starts one, and lone surrogates (mail decoded
    with surrogateescape) neither fail nor match."""
    lexicon = SeedTermMatcher(load_taxonomy(), "rights_issue")
    assert "privacy" in lexicon.match("«privacy» \udcff privacy")
    assert lexicon.match("éprivacy \u093eprivacy") == {}  # a letter, a vowel sign
    assert "privacy" in lexicon.match("\udcffprivacy")
    assert "privacy" in lexicon.match("“privacy”")


_LEXICON = Lexicon(load_taxonomy())
_TERMS = sorted({term for _size, term, _owners, _any in _LEXICON._automaton.values()})


def _reference_match(text: str) -> dict:
    """Every term found by str.find over the characters, with the word-start rule."""
    from triage.nlp.seed_terms import _inside_word

    found: dict = {}
    for _size, term, owners, _any in _LEXICON._automaton.values():
        start = text.find(term)
        while start >= 0:
            word_start = start == 0 or not _inside_word(text[start - 1])
            for facet, label, anywhere in owners:
                if anywhere or word_start:
                    terms = found.setdefault(facet, {}).setdefault(label, [])
                    if term not in terms:
                        terms.append(term)
            start = text.find(term, start + 1)
    return {
        facet: {label: sorted(terms)[:10] for label, terms in labels.items()}
        for facet, labels in found.items()
    }


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_TERMS),
            st.sampled_from([" ", "-", "«", "é", "\u093e", "ب", "中", "\udcff", "’", "x"]),
        ),
        max_size=12,
    )
)
def test_lexicon_matches_what_a_scan_of_the_characters_finds(parts: list[str]) -> None:
    text = "".join(parts)
    assert _LEXICON.match_folded(text) == _reference_match(text)
