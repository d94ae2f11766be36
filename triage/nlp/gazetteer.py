"""Which countries a message is about, in the languages civil society writes to us in.

A dictionary matcher, not a model: staff must be able to see *why* a message was tagged
Sudan (the word that matched), the names can be corrected in a data file without retraining,
and it runs at several hundred thousand words per second on one core, so the pipeline can
afford it on every message.

The names live in ``triage/data/place_names.csv`` (built by ``scripts/build_places.py`` from
ISO 3166 / CLDR / GeoNames data plus hand-curated additions) and the UN M49 regions and the
Global South list in ``triage/data/countries.csv``; ``triage/data/PLACES.md`` says where each
comes from.

Matching happens on a folded ``NORM`` (case, Latin accents, Arabic hamza/diacritics/taa
marbuta and French elisions removed), installed as a lexeme attribute getter so that each
distinct word is folded once per process rather than once per occurrence. What folding cannot
do is generated here as extra patterns: Arabic attached clitics (و ب ل ف ك ال) and hyphen or
space spellings. Words that are also common nouns or first names ("turkey", "Jordan
Peterson", Portuguese "peru") are marked in the data as case-sensitive or person-like and
checked against their neighbours; longer phrases ("Georgia, USA", "guinea pig", "Istanbul
Convention") win over the names they contain, so they can re-point or silence them.
Chinese, Japanese and Korean names are found inside the text rather than as token sequences
(see ``CJK``): those scripts put no space between words.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import ahocorasick
import regex
import spacy
from spacy.attrs import IS_ALPHA, IS_TITLE, IS_UPPER, LOWER, NORM
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from triage.nlp.byte_scan import as_bytes, as_text, char_after, char_before
from triage.nlp.country_regions import CountryRegions, Region, read_data_csv

log = logging.getLogger(__name__)

NAMES_FILE = "place_names.csv"

# How strictly a name must appear in the text before it counts (column ``match``).
ANY = "any"  # any case, any accents
EXACT = "exact"  # exact capitalisation (accents still optional): "Turkey" but not "turkey"
PERSON = (
    "person"  # exact, and not next to another capitalised word: "Jordan" but not "Jordan Peterson"
)
ABBR = "abbr"  # exact, and not inside an all-capitals run: "US" but not "HELP US"
_POLICY_RANK = {ANY: 0, EXACT: 1, PERSON: 2, ABBR: 3}

BLOCK = "block"  # kind of a phrase that only exists to mask or re-point the names inside it

# How much one mention says that a text is *about* its country (``weighed_mentions_in_doc``;
# ``countries_about`` in triage.nlp.classifier adds them up in long texts). A nationality
# word describes people ("Kenyan recruitment agencies", "German police", "four Iranians"),
# often not where things happen; a name right after a locative preposition ("arrested in
# France", "detenidos en Nicaragua") says where they happen. Chosen on HRDsAttack's train
# split (country micro-F1 0.866 -> 0.883: 11 articles better, 4 worse; the figures of the
# samples are in countries_about).
DEMONYM_WEIGHT = 0.5
LOCATIVE_WEIGHT = 3.0
# A story says first where it happens (the title, the dateline, the lead); later paragraphs
# bring background: the reaction abroad, a trial in another country, earlier cases. So a
# mention at a text's start weighs 1 + LEAD_WEIGHT times as much as one at its end, in a
# straight line between (``weighed_mentions_in_doc`` with the text's size). Chosen on
# HRDsAttack's train split and the samples (country micro-F1 train / all 5,865 samples /
# their 1,182 held-out, with the GeoNames cities of December 2026): none 0.895 / 0.811 /
# 0.800; 1.5: 0.904 / 0.814 / 0.803; 2: 0.901 / 0.815 / 0.804; 3: 0.900 / 0.815 / 0.805;
# 4: 0.900 / 0.815 / 0.805 (on train, 2 puts 5 articles right and 2 wrong; it changes the
# countries of 110 samples). A fixed bonus of 3 for the first country named did worse on
# the samples (0.900 / 0.803 / 0.795), a lead that fades within the first 500 characters
# (x3 at the start) on train (0.893 / 0.814 / 0.806), and the title alone x3 on both
# (0.896 / 0.806 / 0.796, before the GeoNames cities).
LEAD_WEIGHT = 2.0
# Folded words for "in" in the languages we read (Swahili "na" is left out: it also means
# "and"). Arabic attaches its "in" (بـ) to the name, so only a separate في is seen. Only the
# word right before the name counts: "in the US" is not boosted, and measured that way
# "the" made the train split worse (the UK and the US are named with "the").
LOCATIVE_WORDS = frozenset(
    ["in", "en", "dans", "au", "aux", "em", "no", "na", "nos", "nas", "в", "во", "di",
     "katika", "nchini", "في"]
)  # fmt: skip

# Chinese and Japanese are written without spaces, so a whole clause is one token and a
# token-sequence matcher never sees "中国" in "我们在中国的记者". Names in these scripts are found
# inside the text instead (an Aho-Corasick automaton over each chunk that has such letters;
# longest match first, as for the token matcher). Korean separates words with spaces but
# attaches its particles ("미국에서", "in the US"), so a Hangul name must start a word, and a
# Katakana name must be a whole Katakana word ("インド" is not in "インドア"). Two Han
# characters are enough for a name (中国, 美国); a single one (美, 中) never is: those
# abbreviations are ordinary words too.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_KATAKANA = re.compile(r"[\u30a0-\u30ff]")
# Locative cues around a CJK name: Chinese 在/于/於 before it, Japanese で and Korean 에서
# after it ("在中国", "日本で", "한국에서").
_CJK_LOCATIVE_BEFORE = frozenset("在于於")
_CJK_LOCATIVE_AFTER = ("で", "에서")
# ``Doc.user_data`` key under which ``docs`` leaves a chunk's text when it has CJK letters
# (None when it has none): ``Doc.text`` rebuilds the string, ~40 µs for 200 words.
_CJK_TEXT = "triage.cjk_text"

# spaCy's tokenizer stops caching after 10,000 distinct chunks (spaCy 3.8 default), and
# tokenising the ~13,000 patterns alone fills that, after which every word takes the slow
# path (~190k instead of ~750k words/s). A warm worker's vocabulary also passes 10,000
# words within minutes, so we raise the cap; each cached chunk costs well under 100 bytes.
TOKENIZER_CACHE = 500_000
# Words a gazetteer's own vocabulary may hold before ``renew_vocabulary`` starts a fresh one.
# Each new word costs about 950 bytes (lexeme, strings, tokenizer cache; measured), and real
# text keeps bringing new ones: HRDsAttack's 400 news articles hold 27,000 distinct words.
# At 400,000 a worker could grow by about 380 MB, two workers past the 1.5 GB a run may take;
# 100,000 bounds it near 95 MB. Renewing costs 20 ms and the common words are seen again at
# once: on 40,000 messages with five unseen words each, one core, 1.60 ms a message and a
# 643 MB peak with 400,000 (no renewal yet), 1.61 ms and 534 MB with 100,000 (five renewals).
VOCABULARY_LIMIT = 100_000

# Long inputs are tokenised in slices so a pasted 50 MB log cannot exhaust memory.
_CHUNK_CHARS = 100_000
_PLAIN_NAME = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)*$")
# Whitespace other than " " that ``docs`` turns into spaces (one ``str.replace`` each: a
# regex substitution scanned every character of every message, about 2.5x slower).
_SPACE_CHARS = ("\n", "\r", "\t", "\x0b", "\x0c", "\x85", "\u2028", "\u2029")

# Capitalised words that may stand right before or after a person-like place name without
# making it a person's name ("In Jordan", "Lake Chad", "Jordan Valley").
_PLACE_NEIGHBOURS = frozenset(
    [
        "in",
        "to",
        "from",
        "of",
        "and",
        "or",
        "for",
        "the",
        "with",
        "by",
        "on",
        "at",
        "about",
        "across",
        "inside",
        "into",
        "throughout",
        "within",
        "against",
        "between",
        "near",
        "outside",
        "via",
        "as",
        "than",
        "but",
        "not",
        "also",
        "both",
        "including",
        "like",
        "unlike",
        "while",
        "where",
        "when",
        "after",
        "before",
        "during",
        "under",
        "over",
        "since",
        "until",
        "through",
        "toward",
        "towards",
        "lake",
        "river",
        "valley",
        "times",
        "government",
        "gov",
        "authorities",
        "army",
        "armed",
        "police",
        "embassy",
        "ministry",
        "republic",
        "kingdom",
        "hashemite",
        "state",
        "national",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "north",
        "south",
        "east",
        "west",
        "rural",
        "urban",
        "greater",
        "upper",
        "lower",
        "capital",
        "border",
        "borders",
        "en",
        "de",
        "del",
        "la",
        "el",
        "los",
        "las",
        "y",
        "e",
        "a",
        "o",
        "da",
        "do",
        "das",
        "dos",
        "du",
        "des",
        "le",
        "et",
        "au",
        "aux",
        "dans",
        "pour",
        "par",
        "sur",
        "di",
        "ke",
        "dan",
        "yang",
        "untuk",
        "dari",
        "pada",
        "ya",
        "na",
        "wa",
        "kwa",
        "katika",
    ]
)

_ELISION = re.compile(r"^(?:l|d|j|n|s|c|m|t|qu)'(?=\w)")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_TATWEEL = "\u0640"
_ARABIC = re.compile(r"[\u0600-\u06ff]")

# Arabic writes conjunctions, prepositions and the article attached to the next word
# (والسودان "and Sudan", بالسودان "in Sudan", للسودان "for Sudan"). Longest first.
_AR_CLITICS = ("وب", "فب", "وك", "ول", "فل", "و", "ف", "ب", "ك", "ل")
_AR_ARTICLE = ("وبال", "وال", "فال", "بال", "كال", "ال")
_AR_LAM_ARTICLE = ("ولل", "فلل", "لل")  # ل + ال is written لل


# Marks are dropped only on Latin and Arabic letters and on Cyrillic е (ё → е): folding
# Devanagari vowel signs or Cyrillic й would merge unrelated words. A combining mark here is
# one of canonical class not 0, right after such a letter.
_STRIPPABLE_MARKS = regex.compile(r"(?<=[\x00-\u024f\u0600-\u06ffеЕ])\P{ccc=0}+")


def _drop_marks(text: str) -> str:
    """Marks off the letters above, in one substitution (this runs for every new word, and
    for 14,000 place names at load)."""
    decomposed = unicodedata.normalize("NFD", text).replace(_TATWEEL, "")
    return unicodedata.normalize("NFC", _STRIPPABLE_MARKS.sub("", decomposed))


def fold(word: str) -> str:
    """The form under which a word is matched: "Perú", "PERU" and "peru" are one word."""
    text = word.translate(_APOSTROPHES).casefold()
    if not text.isascii():
        text = _drop_marks(text).replace("ة", "ه")
    return _ELISION.sub("", text)


# Turkish writes case endings after an apostrophe on proper names ("Türkiye'de" in Turkey,
# "Suriye'den" from Syria, "İstanbul'daki"); a place word's NORM drops them, as French
# elision is dropped in front. Only these endings, and only after a word that ends a place
# name: French "jusqu'à" must keep its NORM (the model's features read NORM too).
_TURKISH_CASE = re.compile(
    r"'(?:[dt][aeıiuü]n?|[dt][ae]ki|n?[ıiuü]n|n?[ıiuü]nd?[ae]n?|y?[ae]|y?[ıiuü]|n[ae]|l[ıiuü]|d[ae]n)"
)


def fold_word(word: str, places: frozenset[str] = frozenset()) -> str:
    """``fold`` for one word (a token's NORM): a place word without its Turkish case ending
    (``places``: the folded last words of the place names)."""
    text = fold(word)
    if "'" in text and places:
        stem, mark, ending = text.rpartition("'")
        if stem in places and _TURKISH_CASE.fullmatch(mark + ending):
            return stem
    return text


def strip_marks(text: str) -> str:
    """Accents off, case kept: how case-sensitive names are compared ("Perú" == "Peru")."""
    text = text.translate(_APOSTROPHES)
    return text if text.isascii() else _drop_marks(text).replace("ة", "ه")


def arabic_norm(word: str, known: dict[str, str]) -> str:
    """Fold, then take off attached clitics if what remains is a known place word.

    ``known`` maps the folded first word of each Arabic place name to how it may be
    prefixed: "article" (السودان: و/ب/ف/ك, and لل for ل), "bare" (مصر, قطر: و/ب/ل/ف/ك but
    never the article, "القطر" is another word) or "adjective" (مصري: also the article).
    Checking the remainder against the names is what keeps لبنان from becoming بنان.
    """
    text = fold(word)
    if text in known or len(text) < 4:
        return text
    for p in _AR_CLITICS:
        rest = text[len(p) :]
        if text.startswith(p) and known.get(rest) in ("bare", "adjective") and rest:
            return rest
        if text.startswith(p) and "ل" not in p and known.get(rest) == "article":
            return rest
    for p in _AR_ARTICLE:
        rest = text[len(p) :]
        if text.startswith(p) and rest:
            if known.get(rest) == "adjective":
                return rest
            if known.get("ال" + rest) == "article":
                return "ال" + rest
    for p in _AR_LAM_ARTICLE:
        rest = text[len(p) :]
        if text.startswith(p) and rest:
            if known.get("ال" + rest) == "article":
                return "ال" + rest
            if known.get(rest) == "adjective":
                return rest
    return text


# The lexical attributes triage reads (places: case and letters; features: NORM). spaCy
# computes every registered attribute for each new word, and that was half the cost of
# loading 14,000 place names and of each unseen word in a message.
_READ_ATTRIBUTES = frozenset({LOWER, NORM, IS_ALPHA, IS_TITLE, IS_UPPER})


def _keep_only_read_attributes(vocab: Vocab) -> None:
    for attr in list(vocab.lex_attr_getters):
        if attr not in _READ_ATTRIBUTES:
            del vocab.lex_attr_getters[attr]


def install_fold_norm(
    vocab: Vocab, arabic: dict[str, str] | None = None, places: frozenset[str] = frozenset()
) -> None:
    """Make ``NORM`` the folded form, for every word this vocabulary has seen or will see.

    Doing it as a lexeme getter means the fold runs once per distinct word, not once per
    token, which is what keeps matching fast on long texts. ``arabic`` (see ``arabic_norm``)
    also takes attached clitics off Arabic place words, ``places`` (see ``fold_word``)
    Turkish case endings off the others.
    """
    known = dict(arabic or {})

    def getter(word: str) -> str:
        if known and _ARABIC.search(word):
            return arabic_norm(word, known)
        return fold_word(word, places)

    vocab.lex_attr_getters[NORM] = getter
    for lexeme in vocab:
        lexeme.norm_ = getter(lexeme.orth_)


@dataclass(frozen=True, slots=True)
class _Row:
    name: str
    iso2: str
    lang: str
    kind: str
    match: str


@dataclass(slots=True)
class _Entry:
    iso2: str  # "" for phrases that only silence what they contain
    kind: str
    policy: str
    exact_forms: set[str]  # accent-stripped, case-kept token sequences allowed under EXACT+


def name_variants(name: str) -> list[str]:
    """Spellings that folding does not cover; the first one is the name itself."""
    out = [name]
    if "-" in name and not name.startswith("-"):
        out.append(name.replace("-", " "))
    if (
        name.endswith(".") and name.count(".") > 1
    ):  # "U.S." is also written "U.S" before a full stop
        out.append(name[:-1])
    return out


def _longest_apart(
    found: list[tuple[int, int, _Entry]], size: int
) -> list[tuple[int, int, _Entry]]:
    """The matches that do not overlap a longer (or, equally long, an earlier) one, in text
    order: "Papua New Guinea" is one place, not Papua and Guinea too."""
    if len(found) < 2:
        return found
    taken = bytearray(size)
    kept: list[tuple[int, int, _Entry]] = []
    for start, end, entry in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, end, entry))
    return sorted(kept, key=lambda m: m[0])


class Gazetteer:
    """Country names, cities and demonyms → ISO 3166-1 alpha-2, plus M49 regions.

    Build it once (``load_gazetteer()``); it is read-only afterwards and safe to share
    between threads. If you pass your own ``nlp``, its vocabulary's ``NORM`` becomes the
    folded form (lower case, no accents), so documents tokenised by that pipeline can be
    matched without re-tokenising.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        global_south: Iterable[str] | None = None,
    ) -> None:
        self._own_nlp = nlp is None  # only a pipeline we built may be renewed
        self.nlp = _prepared(nlp or _blank_nlp())
        self._arabic: dict[str, str] = {}
        self._last_words: frozenset[str] = frozenset()
        self._countries = CountryRegions(global_south)
        self._by_key: dict[str, _Entry] = {}
        # The phrase matcher: NORM hash sequence -> entry, and for each first hash the
        # lengths of the patterns starting with it (longest first).
        self._patterns: dict[tuple[int, ...], _Entry] = {}
        self._lengths: dict[int, tuple[int, ...]] = {}
        # Names in scripts without spaces: (length, entry, edge rule), see CJK above.
        self._cjk = ahocorasick.Automaton()
        self._load_names()

    # -- loading ---------------------------------------------------------------------------

    def _load_names(self) -> None:
        rows = [_Row(**r) for r in read_data_csv(NAMES_FILE)]
        self._arabic = _arabic_first_words(rows)
        self._last_words = frozenset(
            fold(r.name.rsplit(" ", 1)[-1]) for r in rows if not CJK.search(r.name)
        )
        install_fold_norm(self.nlp.vocab, self._arabic, self._last_words)
        norm = self.nlp.vocab.lex_attr_getters[NORM]
        folded: dict[str, str] = {}
        # Pass 1: the names as written; pass 2: generated spellings, which never displace a
        # name of another country (a clitic variant may collide with a real word elsewhere).
        originals = [(r.name, r) for r in rows]
        generated = [(v, r) for r in rows for v in name_variants(r.name)[1:]]
        patterns: dict[str, set[tuple[str, ...]]] = {}
        cjk_names: dict[str, _Entry] = {}
        for is_variant, batch in ((False, originals), (True, generated)):
            for text, row in batch:
                if CJK.search(text):
                    self._add_cjk(text, row, cjk_names)
                    continue
                words, norms = self._name_tokens(text, norm, folded)
                if not words:
                    continue
                key = " ".join(norms)
                entry = self._by_key.get(key)
                if entry is None:
                    entry = _Entry(row.iso2, row.kind, row.match, set())
                    self._by_key[key] = entry
                elif entry.iso2 != row.iso2:
                    if not is_variant:
                        log.debug("place name %r: %s kept over %s", key, entry.iso2, row.iso2)
                    continue
                elif _POLICY_RANK[row.match] > _POLICY_RANK[entry.policy]:
                    entry.policy = row.match
                entry.exact_forms.add(strip_marks(" ".join(words)))
                patterns.setdefault(key, set()).add(norms)
        strings = self.nlp.vocab.strings
        lengths: dict[int, set[int]] = {}
        for key, sequences in patterns.items():
            for sequence in sequences:
                hashes = tuple(strings.add(n) for n in sequence)
                self._patterns[hashes] = self._by_key[key]
                lengths.setdefault(hashes[0], set()).add(len(hashes))
        self._lengths = {h: tuple(sorted(n, reverse=True)) for h, n in lengths.items()}
        for entry in self._by_key.values():
            entry.exact_forms |= {f.upper() for f in entry.exact_forms}
        for name, entry in cjk_names.items():
            edge = "hangul" if _HANGUL.match(name) else "katakana" if _KATAKANA.match(name) else ""
            self._cjk.add_word(as_bytes(name), (len(name.encode("utf-8")), entry, edge))
        if not cjk_names:
            self._cjk.add_word(
                "\x00", (1, _Entry("", BLOCK, ANY, set()), "")
            )  # an empty one cannot be built
        self._cjk.make_automaton()

    def _add_cjk(self, text: str, row: _Row, names: dict[str, _Entry]) -> None:
        """A name in a script without spaces: matched inside words (see CJK), and looked up
        whole by ``lookup``. The first country to claim a name keeps it, as for the others."""
        name = text
        entry = names.get(name)
        if entry is None:
            entry = names[name] = _Entry(row.iso2, row.kind, ANY, {name})
            self._by_key.setdefault(name, entry)

    def _name_tokens(
        self, name: str, norm: Callable[[str], str], folded: dict[str, str]
    ) -> tuple[list[str], tuple[str, ...]]:
        """A place name's tokens and their ``NORM``s. Names of letters and single spaces
        (most of them) split exactly as the tokenizer would split them (a test checks every
        name), and their NORM is the fold of each word, with no Doc made: loading the
        gazetteer was mostly tokenising 14,000 names and building Docs for a matcher."""
        if _PLAIN_NAME.match(name):
            words = name.split(" ")
            norms = []
            for word in words:
                value = folded.get(word)
                if value is None:
                    value = folded[word] = norm(word)
                norms.append(value)
            return words, tuple(norms)
        doc = self.nlp.tokenizer(name)
        return [t.text for t in doc], tuple(t.norm_ for t in doc)

    def renew_vocabulary(self, limit: int = VOCABULARY_LIMIT) -> bool:
        """Start a fresh tokenizer and vocabulary once this one holds more than ``limit``
        words; True when it did.

        Why: spaCy keeps every word it ever tokenised (a lexeme, its strings and a tokenizer
        cache entry: about 660 bytes a new word, measured), so a long-running worker grows
        with every unseen name, number and typo. Tokens, ``NORM`` and everything matched
        depend on a word's text alone, so the fresh pipeline gives the same results; it only
        has to see each word once again. Call it between batches, never while documents
        of the old vocabulary are still to be read through ``nlp.vocab.strings``. A
        pipeline passed in by the caller is left alone."""
        if not self._own_nlp or len(self.nlp.vocab) <= limit:
            return False
        nlp = _prepared(_blank_nlp())
        install_fold_norm(nlp.vocab, self._arabic, self._last_words)
        log.info("gazetteer vocabulary renewed after %d words", len(self.nlp.vocab))
        self.nlp = nlp
        return True

    # -- matching --------------------------------------------------------------------------

    def make_doc(self, text: str) -> Doc:
        """Tokenise with the gazetteer's own vocabulary (the one its matcher was built on)."""
        return self.nlp.tokenizer(text)

    def docs(self, text: str) -> Iterator[Doc]:
        """The text tokenised in chunks of at most 100,000 characters (a 1 MB message must not
        become one giant Doc); the classifier reuses these tokens for its features.

        Line breaks and tabs become spaces first: spaCy's tokenizer caches the split of each
        space-separated chunk, but any other whitespace in a text disables that cache for
        the whole text (measured: 2.8 ms instead of 0.13 ms for 200 words).
        """
        for space in _SPACE_CHARS:
            if space in text:
                text = text.replace(space, " ")
        start = 0
        while start < len(text):
            end = min(len(text), start + _CHUNK_CHARS)
            if end < len(text):
                cut = text.rfind(" ", start, end)
                end = cut + 1 if cut > start else end
            chunk = text[start:end]
            doc = self.nlp.tokenizer(chunk)
            doc.user_data[_CJK_TEXT] = None if chunk.isascii() or not CJK.search(chunk) else chunk
            yield doc
            start = end

    def _accept(self, doc: Doc, start: int, end: int, entry: _Entry) -> bool:
        words = strip_marks(" ".join(t.text for t in doc[start:end]))
        if words not in entry.exact_forms:
            return False
        if entry.policy == PERSON:
            return not _next_to_capitalised(doc, start, end)
        if entry.policy == ABBR:
            return not _in_capitals_run(doc, start, end)
        return True

    def _matches(self, norms: list[int]) -> Iterator[tuple[int, int, _Entry]]:
        """Every pattern in a NORM hash sequence: all starts, all lengths, nested and
        overlapping ones too (what spaCy's PhraseMatcher finds; a dict does it without
        building 14,000 pattern Docs at load)."""
        lengths_of = self._lengths
        patterns = self._patterns
        size = len(norms)
        for start in [i for i, h in enumerate(norms) if h in lengths_of]:
            for length in lengths_of[norms[start]]:
                if start + length > size:
                    continue
                entry = patterns.get(tuple(norms[start : start + length]))
                if entry is not None:
                    yield start, start + length, entry

    def _spans(self, doc: Doc, norms: Sequence[int] | None = None) -> list[tuple[int, int, _Entry]]:
        if doc.vocab is not self.nlp.vocab:  # NORM of another vocab is not folded
            doc = self.make_doc(doc.text)
            norms = None
        hashes = doc.to_array(NORM).tolist() if norms is None else list(norms)
        found: list[tuple[int, int, _Entry]] = []
        for start, end, entry in self._matches(hashes):
            if entry.policy == ANY or self._accept(doc, start, end, entry):
                found.append((start, end, entry))
        return _longest_apart(found, len(doc))

    def _cjk_spans(self, doc: Doc) -> list[tuple[int, int, _Entry]]:
        """Names found inside the text of a doc with CJK letters: (start, end) in characters,
        longest first then leftmost, nested and overlapping ones dropped (see CJK).

        The automaton runs over the text's UTF-8 bytes (``byte_scan``), as the seed terms do:
        over characters, its root state (a link for each of ~1,500 first characters, looked
        up one by one) made it 15 times slower (280 against 19 us for 1,400 characters)."""
        text = doc.user_data.get(_CJK_TEXT, False)
        if text is False:  # not made by ``docs``
            text = doc.text
            text = text if CJK.search(text) else None
        if not text:
            return []
        raw = as_bytes(text)
        found: list[tuple[int, int, _Entry]] = []
        for last, (length, entry, edge) in self._cjk.iter(raw):
            start, end = last - length + 1, last + 1
            before = char_before(raw, start) if start else ""
            if edge == "hangul" and _HANGUL.match(before):
                continue
            if edge == "katakana" and (
                _KATAKANA.match(before) or _KATAKANA.match(char_after(raw, end - 1))
            ):
                continue
            found.append((start, end, entry))
        found = _longest_apart(found, len(raw))
        out = []
        for start, end, entry in found:
            if entry.iso2:
                first = len(as_text(raw[:start]))
                out.append((first, first + len(as_text(raw[start:end])), entry))
        return out

    def _weighed(
        self, doc: Doc, norms: Sequence[int] | None
    ) -> list[tuple[int, _Entry, str, float]]:
        """Every mention of a country, in text order: (character offset in the doc, entry,
        words matched, weight), the weight as ``weighed_mentions_in_doc`` says."""
        out: list[tuple[int, _Entry, str, float]] = []
        for start, end, entry in self._spans(doc, norms):
            if not entry.iso2:
                continue
            if entry.kind == "demonym":
                weight = DEMONYM_WEIGHT
            elif start and doc[start - 1].norm_ in LOCATIVE_WORDS:
                weight = LOCATIVE_WEIGHT
            else:
                weight = 1.0
            out.append((doc[start].idx, entry, doc[start:end].text, weight))
        cjk = self._cjk_spans(doc)
        if not cjk:
            return out
        text = doc.user_data.get(_CJK_TEXT) or doc.text
        for start, end, entry in cjk:
            weight = DEMONYM_WEIGHT if entry.kind == "demonym" else 1.0
            if (start and text[start - 1] in _CJK_LOCATIVE_BEFORE) or text.startswith(
                _CJK_LOCATIVE_AFTER, end
            ):
                weight = LOCATIVE_WEIGHT
            out.append((start, entry, text[start:end], weight))
        out.sort(key=lambda m: m[0])
        return out

    def mentions_in_doc(
        self, doc: Doc, norms: Sequence[int] | None = None
    ) -> list[tuple[str, str]]:
        """(iso2, words matched) for every mention, repeats included (for counting).
        ``norms``: the doc's NORM hashes, when the caller has them already."""
        if doc.vocab is not self.nlp.vocab:
            doc = self.make_doc(doc.text)
            norms = None
        return [(e.iso2, words) for _at, e, words, _w in self._weighed(doc, norms)]

    def weighed_mentions_in_doc(
        self,
        doc: Doc,
        norms: Sequence[int] | None = None,
        *,
        start: int = 0,
        size: int | None = None,
    ) -> list[tuple[str, str, float]]:
        """``mentions_in_doc`` with how much each says the text is about its country:
        ``DEMONYM_WEIGHT`` for a nationality word, ``LOCATIVE_WEIGHT`` for a name right
        after "in" (or its translation), 1 otherwise. Given the ``size`` of the whole text in
        characters (and where this doc ``start``s in it), a mention also weighs more the
        earlier it comes: times 1 + ``LEAD_WEIGHT`` at the start, falling in a straight line
        to times 1 at the end (see ``LEAD_WEIGHT``)."""
        if doc.vocab is not self.nlp.vocab:
            doc = self.make_doc(doc.text)
            norms = None
        weighed = self._weighed(doc, norms)
        if not size:
            return [(e.iso2, words, weight) for _at, e, words, weight in weighed]
        return [
            (e.iso2, words, weight * (1.0 + LEAD_WEIGHT * max(0.0, 1.0 - (start + at) / size)))
            for at, e, words, weight in weighed
        ]

    def evidence_in_doc(self, doc: Doc) -> list[tuple[str, str]]:
        """(iso2, words matched) for every mention, in text order, without repeats."""
        return list(dict.fromkeys(self.mentions_in_doc(doc)))

    def countries_in_doc(self, doc: Doc) -> list[str]:
        """ISO alpha-2 codes mentioned, unique, in order of first mention."""
        return list(dict.fromkeys(code for code, _words in self.mentions_in_doc(doc)))

    def countries_in(self, text: str) -> list[str]:
        """ISO alpha-2 codes mentioned in ``text``, unique, in order of first mention."""
        if not text:
            return []
        seen: dict[str, None] = {}
        for doc in self.docs(text):
            for code in self.countries_in_doc(doc):
                seen.setdefault(code, None)
        return list(seen)

    def mentions(self, text: str) -> list[tuple[str, str]]:
        """``mentions_in_doc`` on raw text."""
        return [m for doc in self.docs(text or "") for m in self.mentions_in_doc(doc)]

    def evidence_in(self, text: str) -> list[tuple[str, str]]:
        """``evidence_in_doc`` on raw text."""
        return list(dict.fromkeys(self.mentions(text)))

    # -- lookups ---------------------------------------------------------------------------

    def lookup(self, name: str) -> str | None:
        """A whole string that *is* a place: "Kenya", "KEN", "KE", "Côte d’Ivoire", "EE.UU.".

        For form fields and data columns, where the whole value names one place, so case
        does not matter and ambiguous words are accepted ("peru" in a country field is Peru).
        """
        text = " ".join((name or "").split()).strip(" .,;:()[]\"'")
        if not text:
            return None
        code = text.upper()
        if len(code) == 2 and self._countries.region(code) is not None:
            return code
        if len(code) == 3 and code in self._countries.alpha3:
            return self._countries.alpha3[code]
        for candidate in (text, re.sub(r"\s*\(.*?\)\s*", " ", text).strip()):
            doc = self.make_doc(candidate)
            entry = self._by_key.get(" ".join(t.norm_ for t in doc))
            if entry is not None and entry.iso2:
                return entry.iso2
        return None

    def region(self, iso2: str | None) -> Region | None:
        """M49 region, sub-region and Global South flag of a country; None if unknown."""
        return self._countries.region(iso2)

    def codes(self) -> list[str]:
        """Every country/territory code the gazetteer knows."""
        return self._countries.codes()

    @property
    def pattern_count(self) -> int:
        """Distinct folded names matched (what spaCy's ``len(PhraseMatcher)`` counted)."""
        return len(self._by_key)


def _blank_nlp() -> Language:
    nlp = spacy.blank("xx")
    _keep_only_read_attributes(nlp.vocab)
    return nlp


def _prepared(nlp: Language) -> Language:
    nlp.max_length = 10**9  # we slice long texts ourselves
    tokenizer = nlp.tokenizer
    if getattr(tokenizer, "max_cache_size", TOKENIZER_CACHE) < TOKENIZER_CACHE:
        tokenizer.max_cache_size = TOKENIZER_CACHE
    return nlp


# Letters of Urdu (and Persian) that Arabic does not use. Those languages write و "and" and
# their postpositions as separate words, so a name spelled with them takes no clitics: Urdu
# ویمن ("women") is not و + یمن (Yemen).
_URDU_LETTERS = re.compile("[یکہپچٹڈڑگںےۓ]")


def _arabic_first_words(rows: Iterable[_Row]) -> dict[str, str]:
    known: dict[str, str] = {}
    for row in rows:
        if not _ARABIC.search(row.name) or _URDU_LETTERS.search(row.name):
            continue
        first = fold(row.name.split()[0])
        if first.startswith("ال"):
            known[first] = "article"
        elif row.kind == "demonym":
            known[first] = "adjective"
        else:
            known.setdefault(first, "bare")
    return known


def _capitalised(tok: Token) -> bool:
    return tok.is_alpha and tok.is_title and tok.lower_ not in _PLACE_NEIGHBOURS


def _next_to_capitalised(doc: Doc, start: int, end: int) -> bool:
    """True when a name reads as part of a person's name: "Jordan Peterson", "Michael Jordan".

    A capitalised word before it only counts when that word starts the name, so the
    office in "Amnesty International Georgia" still counts as Georgia.
    """
    if end < len(doc) and _capitalised(doc[end]):
        return True
    if start > 0 and _capitalised(doc[start - 1]):
        return not (start > 1 and doc[start - 2].is_alpha and doc[start - 2].is_title)
    return False


def _in_capitals_run(doc: Doc, start: int, end: int) -> bool:
    """True for "US" in "PLEASE HELP US": shouted text is not an abbreviation."""
    for i in (start - 1, end):
        if 0 <= i < len(doc):
            tok = doc[i]
            if tok.is_alpha and len(tok) > 1 and tok.is_upper:
                return True
    return False


@functools.lru_cache(maxsize=4)
def load_gazetteer(global_south: frozenset[str] | None = None) -> Gazetteer:
    """The process-wide gazetteer (building one takes about a second).

    ``global_south`` replaces the default list (G77 members plus the additions documented in
    ``triage/data/PLACES.md``) with the given ISO alpha-2 codes.
    """
    return Gazetteer(global_south=global_south)
