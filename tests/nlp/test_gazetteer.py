"""The place gazetteer: names, cities and demonyms in many languages to ISO codes and regions."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter

import pytest

from tests.conftest import SAMPLES, SHARED
from triage.nlp.gazetteer import LEAD_WEIGHT, Gazetteer, load_gazetteer

HRDSATTACK = SHARED / "corpora" / "labelled" / "hrdsattack" / "test.csv"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mobile data has been cut across Ethiopia since this morning.", ["ET"]),
        ("Ethiopian users cannot reach the service.", ["ET"]),
        ("Police in Nairobi arrested two bloggers.", ["KE"]),
        ("Los periodistas en Ciudad de México y Bogotá reciben amenazas.", ["MX", "CO"]),
        ("Los brasileños afectados", ["BR"]),
        ("Les militants au Sénégal et en RDC", ["SN", "CD"]),
        ("Os ativistas em Moçambique e no Brasil", ["MZ", "BR"]),
        ("قطع الإنترنت في السودان منذ يومين", ["SD"]),
        ("Интернет отключён в Казахстане", ["KZ"]),
        ("Mtandao umezimwa Tanzania tangu jana", ["TZ"]),
        ("Aktivis di Indonesia ditangkap", ["ID"]),
        # States and provinces name their country: news datelines and local mail use them.
        ("A Texas man was charged after a protest in South Carolina.", ["US"]),
        ("Journalists were detained in Bihar and in Inner Mongolia.", ["IN", "CN"]),
        ("Gunmen abducted farmers in Benue; police in Matamoros made arrests.", ["NG", "MX"]),
        # GeoNames cities of 100,000 people and more, beyond the curated ones.
        ("Four men were charged in Kajang on Monday.", ["MY"]),
        ("Amenazas contra periodistas en Ayacucho", ["PE"]),
    ],
)
def test_countries_in_many_languages(gazetteer: Gazetteer, text: str, expected: list[str]) -> None:
    assert gazetteer.countries_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Jordan Peterson gave a talk on free speech.",  # a person, not the country
        "PLEASE HELP US, our accounts were hacked.",  # shouting, not the United States
        "We wrote to you on Monday and again on Friday.",
        "Pedido de reunião: os mecanismos de reclamação",  # pt "meeting", not Réunion
        "Com os melhores cumprimentos, Mariana Lima",  # a surname, not Peru's capital
        "Virginia Woolf wrote about it; the colorado river ran red.",
        # Words that fold to the name of a GeoNames city are not cities.
        "Kati ya wiki hii chuo kilifungwa.",  # sw "between", "college"
        "Die Länder müssen handeln.",  # de "the states", a Venezuelan "Lander"
        "Habrá una reunión mañana.",  # es "there will be", an Indian "Habra"
        "",
    ],
)
def test_words_that_are_not_places(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.countries_in(text) == []


def test_lookup_of_form_field_values(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Kenya") == "KE"
    assert gazetteer.lookup("  quênia ") == "KE"
    assert gazetteer.lookup("Côte d’Ivoire") == "CI"
    assert gazetteer.lookup("KEN") == "KE"
    assert gazetteer.lookup("ke") == "KE"
    assert gazetteer.lookup("EE.UU.") == "US"
    assert gazetteer.lookup("Atlantis") is None
    assert gazetteer.lookup("") is None


def test_regions_and_global_south_flag(gazetteer: Gazetteer) -> None:
    kenya = gazetteer.region("ke")
    assert kenya is not None and kenya.global_south and kenya.region == "Africa"
    assert kenya.intermediate_region == "Eastern Africa"
    norway = gazetteer.region("NO")
    assert norway is not None and not norway.global_south and norway.region == "Europe"
    mexico = gazetteer.region("MX")  # the documented addition: left the G77 for the OECD
    assert mexico is not None and mexico.global_south and not mexico.g77
    assert gazetteer.region("ZZ") is None and gazetteer.region(None) is None
    assert len(gazetteer.codes()) == 250
    assert sum(gazetteer.region(c).global_south for c in gazetteer.codes()) == 136


def test_global_south_list_is_configurable() -> None:
    custom = Gazetteer(global_south=["NO"])
    assert custom.region("NO").global_south
    assert not custom.region("KE").global_south


@pytest.mark.skipif(not HRDSATTACK.exists(), reason="shared corpora not present")
def test_most_mentioned_country_on_real_news_about_defenders(gazetteer: Gazetteer) -> None:
    """HRDsAttack's test split (real articles, read in place): top-1 country accuracy."""
    csv.field_size_limit(sys.maxsize)
    with HRDSATTACK.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    scored = right = recalled = 0
    for row in rows:
        gold = gazetteer.lookup(row.get("country") or "")
        if gold is None:
            continue
        text = f"{row.get('title', '')}\n{row.get('text', '')}"
        counts = Counter(code for code, _ in gazetteer.mentions(text))
        order = gazetteer.countries_in(text)
        best = max(counts.values(), default=0)
        guess = next((c for c in order if counts[c] == best), None)
        scored += 1
        right += guess == gold
        recalled += gold in order
    assert scored >= 80
    assert recalled / scored >= 0.95
    assert right / scored >= 0.80


def test_place_names_built_without_the_tokenizer_split_as_the_tokenizer_splits_them(
    gazetteer: Gazetteer,
) -> None:
    """Loading splits plain names (letters and single spaces) and folds their words itself;
    the matcher is only right if those are exactly the tokens and NORMs the tokenizer gives
    those names in a message."""
    from spacy.attrs import NORM

    from triage.nlp import gazetteer as module

    rows = list(module.read_data_csv(module.NAMES_FILE))
    names = [v for r in rows for v in module.name_variants(r["name"])]
    plain = [n for n in names if module._PLAIN_NAME.match(n)]
    assert len(plain) > 10_000  # the fast path is the common one
    norm = gazetteer.nlp.vocab.lex_attr_getters[NORM]
    for name in plain:
        words, norms = gazetteer._name_tokens(name, norm, {})
        doc = gazetteer.make_doc(name)
        assert words == [t.text for t in doc], name
        assert norms == tuple(t.norm_ for t in doc), name


def test_the_place_matcher_finds_what_spacys_phrase_matcher_finds(gazetteer: Gazetteer) -> None:
    """The gazetteer matches NORM sequences with a dict; spaCy's PhraseMatcher over the same
    patterns must find the same spans (every start, every length, nested ones too)."""
    from spacy.attrs import NORM
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    strings = gazetteer.nlp.vocab.strings
    matcher = PhraseMatcher(gazetteer.nlp.vocab, attr="NORM")
    for n, hashes in enumerate(gazetteer._patterns):
        pattern = Doc(gazetteer.nlp.vocab, words=[strings[h] for h in hashes])
        for token, h in zip(pattern, hashes, strict=True):
            token.norm_ = strings[h]
        matcher.add(str(n), [pattern])
    files = [SAMPLES / "gold.jsonl", *(SAMPLES / f"written/batch_{b}.jsonl" for b in "abcdef")]
    texts = [json.loads(line)["body"] for f in files for line in f.read_text().splitlines() if line]
    texts.append("New York, New York City; Guinea-Bissau and Papua New Guinea, Georgia, USA")
    for text in texts:
        for doc in gazetteer.docs(text):
            expected = sorted((s, e) for _id, s, e in matcher(doc))
            got = sorted((s, e) for s, e, _ in gazetteer._matches(doc.to_array(NORM).tolist()))
            assert got == expected


def test_the_vocabulary_keeps_the_attributes_places_read(gazetteer: Gazetteer) -> None:
    doc = gazetteer.make_doc("Activists in ÉTHIOPIE and Nairobi")
    assert [t.is_title for t in doc] == [True, False, False, False, True]
    assert doc[2].is_upper and doc[2].is_alpha and doc[2].norm_ == "ethiopie"
    assert gazetteer.countries_in("Activists in ÉTHIOPIE and Nairobi") == ["ET", "KE"]


def test_a_mention_weighs_by_what_it_says_about_the_place(gazetteer: Gazetteer) -> None:
    doc = gazetteer.make_doc("Kenyan agencies were shut in Qatar; Qatar said so.")
    assert gazetteer.weighed_mentions_in_doc(doc) == [
        ("KE", "Kenyan", 0.5),
        ("QA", "Qatar", 3.0),
        ("QA", "Qatar", 1.0),
    ]


def test_a_mention_weighs_more_the_earlier_it_comes(gazetteer: Gazetteer) -> None:
    text = "Qatar, then filler words, then Qatar again"
    doc = gazetteer.make_doc(text)
    # Without the text's size: no lead weight (as before).
    assert [w for _c, _w, w in gazetteer.weighed_mentions_in_doc(doc)] == [1.0, 1.0]
    weights = [w for _c, _w, w in gazetteer.weighed_mentions_in_doc(doc, size=len(text))]
    assert weights[0] == pytest.approx(1.0 + LEAD_WEIGHT)
    assert 1.0 < weights[1] < 1.0 + LEAD_WEIGHT
    # The same doc later in a longer text weighs less.
    later = gazetteer.weighed_mentions_in_doc(doc, start=len(text), size=2 * len(text))
    assert later[0][2] == pytest.approx(1.0 + LEAD_WEIGHT / 2)


def test_a_long_text_is_about_the_place_its_story_starts_in(gazetteer: Gazetteer) -> None:
    from triage.config.files import load_taxonomy
    from triage.nlp.classifier import countries_about
    from triage.nlp.seed_terms import Lexicon
    from triage.nlp.text_model import analyse

    filler = " ".join(["The union said the agencies broke the rules again."] * 30)
    body = (
        f"Police in Belarus detained two journalists on Monday. {filler} "
        "Canada and Lithuania condemned it; Canada recalled its envoy. Canada said more, "
        "and Canada will raise it at the UN."
    )
    # Without the lead weight, four mentions of Canada (1 each) outweigh one "in Belarus" (3).
    flat = [m for d in gazetteer.docs(body) for m in gazetteer.weighed_mentions_in_doc(d)]
    assert countries_about(flat, body) == ("CA",)
    mentions = analyse(gazetteer, Lexicon(load_taxonomy()), "", body).mentions
    assert countries_about(mentions, body) == ("BY",)


def test_countries_a_message_is_about(gazetteer: Gazetteer) -> None:
    from triage.nlp.classifier import countries_about

    def about(text: str) -> tuple[str, ...]:
        mentions = [m for d in gazetteer.docs(text) for m in gazetteer.weighed_mentions_in_doc(d)]
        return countries_about(mentions, text)

    # A short message is about every country it names as a place...
    assert about("Our partners in Kenya and in Uganda were arrested; Kenya denies it.") == (
        "KE",
        "UG",
    )
    # ... but not one it names in passing beside the one it is about.
    greeting = "Greetings from Asunción. Defenders in Guatemala are threatened"
    assert about(f"{greeting}; in Guatemala three were arrested.") == ("GT",)
    # A long one is about the weightiest: four Kenyan workers weigh less than "in Qatar".
    filler = " ".join(["The union said the agencies broke the rules again."] * 30)
    kenyans = "Kenyan workers, Kenyan agencies, Kenyan unions and Kenyan MPs"
    text = f"{kenyans} protested in Qatar. {filler}"
    assert about(text) == ("QA",)
