#!/usr/bin/env python3
# ruff: noqa: E501
"""Write the bundled synthetic sample messages under ``data/samples/``.

Every message, person, organisation, address and phone number produced here is
fictional and written by this script: nothing is copied from real mail, real
forms or any external corpus.  The script is stdlib-only and deterministic
(fixed seeds, fixed dates in October and November 2026, no clock, no hash
randomisation), so running it twice gives byte-identical files::

    python scripts/make_samples.py            # rewrites data/samples/
    python scripts/make_samples.py --out DIR  # writes the same tree elsewhere

Layout written (the ingest pipeline and tests depend on it)::

    data/samples/email/<yyyy-mm>/<id>.eml      RFC 5322 messages, incl. nested folders
    data/samples/email/forwarded/<id>.eml
    data/samples/email/bulk/<yyyy-mm>/<id>.eml newsletters and spam
    data/samples/forms/contact_form.csv        web-form export
    data/samples/forms/kobo_export.json        KoboToolbox-style export, same keys
    data/samples/gold.jsonl                    one labelled record per message
    data/samples/README.md                     provenance and counts

How it is organised:

1. geography (GAZ: country names in each language), people and organisations;
2. content per language (paragraph pools per rights issue, per engagement
   challenge, per ask, plus greetings, intros, closings, subjects, bulk mail);
3. the planner, which decides deterministically what each message is
   (language, kind, issues, challenges, priority target, voice, format);
4. the composer, which builds text segments and derives the labels from the
   segments actually used (so labels stay true to the text);
5. renderers for .eml (hand-written MIME so charsets, transfer encodings and
   RFC 2047 headers are exactly controlled), CSV and JSON forms;
6. the README writer, which computes its tables from the generated records.

Paragraph pools are plain strings, one paragraph per blank-line-separated
block.  A block may start with tags:

    [c]            severity critical (imminent risk to life/liberty/safety, active shutdown)
    [h]            severity high (serious ongoing harm, a dated event such as an election)
    [+label]       the paragraph also shows another rights_issue or challenge id
    [@CC]          the paragraph also names country CC (fixed in the text)

Placeholders: {in} {name} {of} {city} {at} for the message's main country
(locative, nominative, genitive, a city, "in <city>"), {topic}, {org} etc.
"""

from __future__ import annotations

import argparse
import base64
import csv
import html
import io
import json
import quopri
import random
import re
import shutil
import struct
import sys
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from email.header import Header
from email.utils import encode_rfc2231, format_datetime, formataddr
from pathlib import Path

SEED = 20261103
TEAM_ADDR = "humanrights@example-platform.com"
TEAM_NAME = "Human Rights Team"
COMPANY_DOMAIN = "example-platform.com"
LANGS = ["en", "es", "fr", "pt", "ar", "sw", "id", "ru"]

RIGHTS_ISSUES = [
    "privacy", "surveillance", "expression", "shutdowns", "harmful_content",
    "discrimination", "labour", "hrd_safety", "child_rights", "remedy",
    "environment", "other",
]
CHALLENGES = [
    "opaque_practices", "inaccessible_structures", "limited_capacity",
    "whistleblower_protection", "discriminatory_practices", "lack_of_commitment",
]
PRIORITIES = ["critical", "high", "normal", "low"]
KINDS = [
    "allegation", "engagement_request", "information_request", "follow_up",
    "submission", "invitation", "out_of_scope",
]

# ---------------------------------------------------------------------------
# 1. Geography
# ---------------------------------------------------------------------------
# "name|locative|genitive|city;city:locative-city" (locative city optional).
GAZ: dict[str, dict[str, str]] = {
    "en": {
        "KE": "Kenya|in Kenya|Kenya|Nairobi;Mombasa;Kisumu;Eldoret",
        "NG": "Nigeria|in Nigeria|Nigeria|Lagos;Abuja;Kano;Port Harcourt",
        "UG": "Uganda|in Uganda|Uganda|Kampala;Gulu;Mbarara",
        "GH": "Ghana|in Ghana|Ghana|Accra;Kumasi;Tamale",
        "ZA": "South Africa|in South Africa|South Africa|Johannesburg;Cape Town;Durban",
        "ZW": "Zimbabwe|in Zimbabwe|Zimbabwe|Harare;Bulawayo",
        "ET": "Ethiopia|in Ethiopia|Ethiopia|Addis Ababa;Mekelle;Bahir Dar",
        "TZ": "Tanzania|in Tanzania|Tanzania|Dar es Salaam;Arusha;Dodoma",
        "RW": "Rwanda|in Rwanda|Rwanda|Kigali;Huye",
        "ZM": "Zambia|in Zambia|Zambia|Lusaka;Kitwe",
        "MW": "Malawi|in Malawi|Malawi|Lilongwe;Blantyre",
        "SL": "Sierra Leone|in Sierra Leone|Sierra Leone|Freetown;Bo",
        "IN": "India|in India|India|Delhi;Bengaluru;Mumbai;Srinagar",
        "PK": "Pakistan|in Pakistan|Pakistan|Lahore;Karachi;Quetta",
        "BD": "Bangladesh|in Bangladesh|Bangladesh|Dhaka;Chittagong;Sylhet",
        "LK": "Sri Lanka|in Sri Lanka|Sri Lanka|Colombo;Jaffna",
        "NP": "Nepal|in Nepal|Nepal|Kathmandu;Pokhara",
        "PH": "the Philippines|in the Philippines|the Philippines|Manila;Davao;Cebu",
        "MM": "Myanmar|in Myanmar|Myanmar|Yangon;Mandalay",
        "KH": "Cambodia|in Cambodia|Cambodia|Phnom Penh;Siem Reap",
        "TH": "Thailand|in Thailand|Thailand|Bangkok;Chiang Mai",
        "MY": "Malaysia|in Malaysia|Malaysia|Kuala Lumpur;Penang",
        "US": "the United States|in the United States|the United States|Chicago;Atlanta;Los Angeles",
        "GB": "the United Kingdom|in the United Kingdom|the United Kingdom|London;Manchester;Glasgow",
    },
    "es": {
        "MX": "México|en México|de México|Ciudad de México;Guadalajara;Oaxaca;Monterrey",
        "CO": "Colombia|en Colombia|de Colombia|Bogotá;Medellín;Cali;Barranquilla",
        "VE": "Venezuela|en Venezuela|de Venezuela|Caracas;Maracaibo;Barquisimeto",
        "NI": "Nicaragua|en Nicaragua|de Nicaragua|Managua;León;Masaya",
        "GT": "Guatemala|en Guatemala|de Guatemala|Ciudad de Guatemala;Quetzaltenango;Cobán",
        "HN": "Honduras|en Honduras|de Honduras|Tegucigalpa;San Pedro Sula",
        "SV": "El Salvador|en El Salvador|de El Salvador|San Salvador;Santa Ana",
        "PE": "Perú|en el Perú|del Perú|Lima;Cusco;Arequipa",
        "BO": "Bolivia|en Bolivia|de Bolivia|La Paz;El Alto;Cochabamba;Potosí",
        "EC": "Ecuador|en Ecuador|de Ecuador|Quito;Guayaquil;Cuenca",
        "AR": "Argentina|en Argentina|de Argentina|Buenos Aires;Rosario;Mendoza",
        "CL": "Chile|en Chile|de Chile|Santiago;Valparaíso;Antofagasta",
        "CU": "Cuba|en Cuba|de Cuba|La Habana;Holguín",
        "PY": "Paraguay|en Paraguay|del Paraguay|Asunción;Ciudad del Este",
        "ES": "España|en España|de España|Madrid;Barcelona;Sevilla",
        "US": "Estados Unidos|en Estados Unidos|de Estados Unidos|Los Ángeles;Houston",
        "CR": "Costa Rica|en Costa Rica|de Costa Rica|San José",
    },
    "fr": {
        "SN": "le Sénégal|au Sénégal|du Sénégal|Dakar;Thiès;Ziguinchor",
        "CM": "le Cameroun|au Cameroun|du Cameroun|Douala;Yaoundé;Bamenda",
        "CD": "la RDC|en RDC|de la RDC|Kinshasa;Goma;Lubumbashi;Kolwezi",
        "CI": "la Côte d'Ivoire|en Côte d'Ivoire|de la Côte d'Ivoire|Abidjan;Bouaké",
        "ML": "le Mali|au Mali|du Mali|Bamako;Mopti",
        "BF": "le Burkina Faso|au Burkina Faso|du Burkina Faso|Ouagadougou;Bobo-Dioulasso",
        "GN": "la Guinée|en Guinée|de la Guinée|Conakry;Kankan",
        "TD": "le Tchad|au Tchad|du Tchad|N'Djamena;Moundou",
        "BJ": "le Bénin|au Bénin|du Bénin|Cotonou;Porto-Novo",
        "TG": "le Togo|au Togo|du Togo|Lomé;Sokodé",
        "NE": "le Niger|au Niger|du Niger|Niamey;Zinder",
        "MA": "le Maroc|au Maroc|du Maroc|Casablanca;Rabat;Tanger",
        "TN": "la Tunisie|en Tunisie|de la Tunisie|Tunis;Sfax",
        "DZ": "l'Algérie|en Algérie|de l'Algérie|Alger;Oran",
        "HT": "Haïti|en Haïti|d'Haïti|Port-au-Prince;Cap-Haïtien",
        "MG": "Madagascar|à Madagascar|de Madagascar|Antananarivo;Toamasina",
        "BI": "le Burundi|au Burundi|du Burundi|Bujumbura;Gitega",
        "FR": "la France|en France|de la France|Paris;Marseille;Lyon",
    },
    "pt": {
        "BR": "o Brasil|no Brasil|do Brasil|São Paulo;Belém;Recife;Manaus;Salvador;Porto Alegre",
        "MZ": "Moçambique|em Moçambique|de Moçambique|Maputo;Beira;Nampula;Pemba",
        "AO": "Angola|em Angola|de Angola|Luanda;Benguela;Huambo",
        "GW": "a Guiné-Bissau|na Guiné-Bissau|da Guiné-Bissau|Bissau;Bafatá",
        "CV": "Cabo Verde|em Cabo Verde|de Cabo Verde|Praia;Mindelo",
        "ST": "São Tomé e Príncipe|em São Tomé e Príncipe|de São Tomé e Príncipe|São Tomé",
        "PT": "Portugal|em Portugal|de Portugal|Lisboa;Setúbal",
    },
    "ar": {
        "EG": "مصر|في مصر|مصر|القاهرة;الإسكندرية;أسيوط",
        "SD": "السودان|في السودان|السودان|الخرطوم;أم درمان;الفاشر;بورتسودان",
        "SY": "سوريا|في سوريا|سوريا|دمشق;حلب;إدلب",
        "IQ": "العراق|في العراق|العراق|بغداد;البصرة;الموصل",
        "YE": "اليمن|في اليمن|اليمن|صنعاء;عدن;تعز",
        "LB": "لبنان|في لبنان|لبنان|بيروت;صيدا;صور",
        "JO": "الأردن|في الأردن|الأردن|عمّان;إربد;الزرقاء",
        "PS": "فلسطين|في فلسطين|فلسطين|غزة;رام الله;نابلس",
        "LY": "ليبيا|في ليبيا|ليبيا|طرابلس;بنغازي;مصراتة",
        "TN": "تونس|في تونس|تونس|صفاقس;سوسة;القيروان",
        "DZ": "الجزائر|في الجزائر|الجزائر|وهران;قسنطينة;عنابة",
        "MA": "المغرب|في المغرب|المغرب|الدار البيضاء;الرباط;طنجة",
        "SA": "السعودية|في السعودية|السعودية|الرياض;جدة",
        "AE": "الإمارات|في الإمارات|الإمارات|دبي;أبوظبي",
        "BH": "البحرين|في البحرين|البحرين|المنامة",
        "QA": "قطر|في قطر|قطر|الدوحة",
        "GB": "المملكة المتحدة|في المملكة المتحدة|المملكة المتحدة|لندن",
    },
    "sw": {
        "KE": "Kenya|nchini Kenya|Kenya|Nairobi;Mombasa;Kisumu;Nakuru",
        "TZ": "Tanzania|nchini Tanzania|Tanzania|Dar es Salaam;Arusha;Mwanza;Dodoma",
        "UG": "Uganda|nchini Uganda|Uganda|Kampala;Jinja",
        "CD": "DRC|nchini DRC|DRC|Goma;Bukavu",
    },
    "id": {
        "ID": "Indonesia|di Indonesia|Indonesia|Jakarta;Jayapura;Makassar;Yogyakarta;Medan",
        "MY": "Malaysia|di Malaysia|Malaysia|Kuala Lumpur;Johor Bahru",
        "TL": "Timor-Leste|di Timor-Leste|Timor-Leste|Dili",
    },
    "ru": {
        "RU": "Россия|в России|России|Москва:в Москве;Казань:в Казани;Екатеринбург:в Екатеринбурге",
        "BY": "Беларусь|в Беларуси|Беларуси|Минск:в Минске;Гомель:в Гомеле",
        "KZ": "Казахстан|в Казахстане|Казахстана|Алматы:в Алматы;Астана:в Астане",
        "KG": "Кыргызстан|в Кыргызстане|Кыргызстана|Бишкек:в Бишкеке;Ош:в Оше",
        "TJ": "Таджикистан|в Таджикистане|Таджикистана|Душанбе:в Душанбе;Хорог:в Хороге",
        "UZ": "Узбекистан|в Узбекистане|Узбекистана|Ташкент:в Ташкенте;Самарканд:в Самарканде",
        "AZ": "Азербайджан|в Азербайджане|Азербайджана|Баку:в Баку",
        "LT": "Литва|в Литве|Литвы|Вильнюс:в Вильнюсе",
    },
}
# Countries that appear only as the base of an exiled or regional sender.
BASE_ONLY = {"es": {"CR"}, "ar": {"GB"}, "ru": {"LT"}}
AT_RULE = {"en": "in {}", "es": "en {}", "fr": "à {}", "pt": "em {}", "ar": "في {}",
           "sw": "mjini {}", "id": "di {}", "ru": "в {}"}

# UTC offsets (minutes) used for Date: headers, per sender country.
TZ_MIN = {
    "KE": 180, "UG": 180, "TZ": 180, "ET": 180, "RW": 120, "ZA": 120, "ZW": 120, "ZM": 120,
    "MW": 120, "NG": 60, "GH": 0, "SL": 0, "IN": 330, "PK": 300, "BD": 360, "LK": 330,
    "NP": 345, "PH": 480, "MM": 390, "KH": 420, "TH": 420, "MY": 480, "US": -360, "GB": 0,
    "MX": -360, "CO": -300, "VE": -240, "NI": -360, "GT": -360, "HN": -360, "SV": -360,
    "PE": -300, "BO": -240, "EC": -300, "AR": -180, "CL": -180, "CU": -300, "PY": -180,
    "ES": 60, "CR": -360, "SN": 0, "CM": 60, "CD": 60, "CI": 0, "ML": 0, "BF": 0, "GN": 0,
    "TD": 60, "BJ": 60, "TG": 0, "NE": 60, "MA": 60, "TN": 60, "DZ": 60, "HT": -300,
    "MG": 180, "BI": 120, "FR": 60, "BR": -180, "MZ": 120, "AO": 60, "GW": 0, "CV": -60,
    "ST": 0, "PT": 0, "EG": 120, "SD": 120, "SY": 180, "IQ": 180, "YE": 180, "LB": 120,
    "JO": 180, "PS": 120, "LY": 120, "SA": 180, "AE": 240, "BH": 180, "QA": 180, "ID": 420,
    "TL": 540, "RU": 180, "BY": 180, "KZ": 300, "KG": 360, "TJ": 300, "UZ": 300, "AZ": 240,
    "LT": 120,
}
PHONE_CC = {
    "KE": "254", "UG": "256", "TZ": "255", "ET": "251", "RW": "250", "ZA": "27", "ZW": "263",
    "ZM": "260", "MW": "265", "NG": "234", "GH": "233", "SL": "232", "IN": "91", "PK": "92",
    "BD": "880", "LK": "94", "NP": "977", "PH": "63", "MM": "95", "KH": "855", "TH": "66",
    "MY": "60", "US": "1", "GB": "44", "MX": "52", "CO": "57", "VE": "58", "NI": "505",
    "GT": "502", "HN": "504", "SV": "503", "PE": "51", "BO": "591", "EC": "593", "AR": "54",
    "CL": "56", "CU": "53", "PY": "595", "ES": "34", "CR": "506", "SN": "221", "CM": "237",
    "CD": "243", "CI": "225", "ML": "223", "BF": "226", "GN": "224", "TD": "235", "BJ": "229",
    "TG": "228", "NE": "227", "MA": "212", "TN": "216", "DZ": "213", "HT": "509", "MG": "261",
    "BI": "257", "FR": "33", "BR": "55", "MZ": "258", "AO": "244", "GW": "245", "CV": "238",
    "ST": "239", "PT": "351", "EG": "20", "SD": "249", "SY": "963", "IQ": "964", "YE": "967",
    "LB": "961", "JO": "962", "PS": "970", "LY": "218", "SA": "966", "AE": "971", "BH": "973",
    "QA": "974", "ID": "62", "TL": "670", "RU": "7", "BY": "375", "KZ": "7", "KG": "996",
    "TJ": "992", "UZ": "998", "AZ": "994", "LT": "370",
}


def geo(lang: str, cc: str) -> dict:
    """The country's forms in one language: name, in, of, plain, cities, at-forms."""
    name, loc, gen, cities = GAZ[lang][cc].split("|")
    city_list, at_list = [], []
    for item in cities.split(";"):
        if ":" in item:
            city, at = item.split(":")
        else:
            city, at = item, AT_RULE[lang].format(item)
        city_list.append(city)
        at_list.append(at)
    plain = re.sub(r"^(the |le |la |l'|les |o |a )", "", name)
    plain = plain[0].upper() + plain[1:]
    return {"name": name, "in": loc, "of": gen, "plain": plain, "cities": city_list,
            "ats": at_list}


# ---------------------------------------------------------------------------
# 1b. People and organisations (all fictional)
# ---------------------------------------------------------------------------
NAME_REGION = {
    "KE": "ea", "UG": "ea", "TZ": "ea", "ET": "et", "RW": "ea", "CD": "fa",
    "NG": "wa", "GH": "wa", "SL": "wa", "ZA": "sa", "ZW": "sa", "ZM": "sa", "MW": "sa",
    "IN": "sas", "PK": "sas", "BD": "sas", "LK": "sas", "NP": "sas",
    "PH": "sea", "MM": "sea", "KH": "sea", "TH": "sea", "MY": "sea",
    "US": "north", "GB": "north",
}
FIRST = {
    "ea": ["Wanjiru", "Achieng", "Otieno", "Kamau", "Njeri", "Baraka", "Amani", "Nakato",
           "Okello", "Halima", "Zawadi", "Neema", "Juma", "Faith", "Brian", "Mercy"],
    "et": ["Selam", "Mekdes", "Dawit", "Tesfaye", "Hiwot", "Yonas", "Liya", "Bereket"],
    "wa": ["Chidi", "Ngozi", "Adaeze", "Tunde", "Folake", "Kwame", "Abena", "Kofi", "Efua",
           "Ibrahim", "Aminata", "Yaw", "Emeka", "Bisi", "Fatmata"],
    "sa": ["Thandiwe", "Sipho", "Lerato", "Tendai", "Farai", "Chipo", "Mulenga", "Chikondi",
           "Thabo", "Nomsa", "Tatenda"],
    "sas": ["Priya", "Arjun", "Kavita", "Rahul", "Ayesha", "Bilal", "Farhana", "Tahmid",
            "Nirosha", "Dilan", "Sita", "Bikash", "Meera", "Imran", "Sana", "Zoya"],
    "sea": ["Maria Luisa", "Jomar", "Aung", "Thiri", "Sokha", "Dara", "Nattaya", "Somchai",
            "Nurul", "Farid", "Kristine", "Zin Mar"],
    "north": ["Emily", "James", "Hannah", "Oliver", "Sarah", "Michael", "Laura", "Daniel",
              "Rachel", "Tom"],
    "latam": ["María José", "Lucía", "Camila", "Valentina", "Diego", "Andrés", "Mateo",
              "Sofía", "Alejandra", "Carlos", "Rosa", "Juan Pablo", "Marisol", "Héctor",
              "Gabriela", "Fernanda", "Luis", "Ximena", "Daniela", "Ramón", "Itzel", "Yolanda"],
    "fa": ["Aïssatou", "Mamadou", "Fatou", "Ousmane", "Awa", "Moussa", "Mariam", "Cheikh",
           "Kadiatou", "Boubacar", "Jean-Claude", "Chantal", "Patrice", "Grâce", "Hervé",
           "Nadège", "Serge", "Clarisse", "Rodrigue", "Esther"],
    "mag": ["Yasmine", "Karim", "Nadia", "Sami", "Leïla", "Mehdi", "Imane", "Youssef", "Salma"],
    "ht": ["Widlyne", "Jean-Robert", "Guerline", "Frantz", "Rose-Mina"],
    "fr": ["Camille", "Julien", "Claire", "Thomas", "Élodie", "Mathieu"],
    "br": ["Ana Clara", "João Pedro", "Mariana", "Thiago", "Juliana", "Rafael", "Luana",
           "Beatriz", "Gabriel", "Raimunda", "Francisco", "Letícia", "Edson", "Jéssica"],
    "pa": ["Celeste", "Armando", "Esperança", "Domingos", "Graça", "Nelson", "Albertina",
           "Isabel", "Amílcar", "Filomena"],
    "sw": ["Wanjiru", "Baraka", "Zawadi", "Neema", "Juma", "Rehema", "Hamisi", "Mwanaisha",
           "Shukuru", "Imani"],
    "id": ["Siti", "Dewi", "Agus", "Budi", "Rina", "Putri", "Yohana", "Markus", "Intan",
           "Rizky", "Nur", "Fransiska"],
}
LAST = {
    "ea": ["Mwangi", "Otieno", "Kariuki", "Wekesa", "Nyambura", "Ssempala", "Namutebi",
           "Okoth", "Mushi", "Kimaro", "Uwimana", "Nduta", "Chebet", "Wafula"],
    "et": ["Haile", "Bekele", "Girma", "Tadesse", "Alemu", "Kebede"],
    "wa": ["Okafor", "Adeyemi", "Balogun", "Nwosu", "Mensah", "Boateng", "Owusu", "Asante",
           "Kamara", "Sesay", "Bello", "Eze"],
    "sa": ["Dube", "Ndlovu", "Moyo", "Khumalo", "Banda", "Phiri", "Mwale", "Chirwa", "Nkosi",
           "Mutasa"],
    "sas": ["Sharma", "Iyer", "Nair", "Qureshi", "Chaudhry", "Rahman", "Hossain", "Perera",
            "Fernando", "Shrestha", "Gurung", "Khan", "Das", "Menon"],
    "sea": ["Santos", "Reyes", "dela Cruz", "Htun", "Win", "Chan", "Sok", "Srisuk", "Wongsa",
            "Abdullah", "Rahim", "Bautista"],
    "north": ["Walker", "Bennett", "Hughes", "Carter", "Murphy", "Fischer", "Brooks",
              "O'Neill", "Hayes", "Lindqvist"],
    "latam": ["García", "Rodríguez", "López", "Hernández", "Martínez", "Quispe", "Mamani",
              "Ramírez", "Torres", "Flores", "Castillo", "Morales", "Vargas", "Rojas",
              "Gutiérrez", "Chávez", "Ortega", "Medina", "Cárdenas", "Aguilar", "Núñez", "Peña"],
    "fa": ["Diallo", "Ndiaye", "Traoré", "Coulibaly", "Sow", "Diop", "Keïta", "Camara",
           "Kaboré", "Ouédraogo", "Mukendi", "Tshibangu", "Ngoma", "Kouassi", "Yao", "Mbarga",
           "Fotso", "Hounkpatin", "Mahamat", "Rakotomalala"],
    "mag": ["Benali", "Haddad", "Belkacem", "Trabelsi", "Mansouri", "El Idrissi", "Bouzid",
            "Chaouch"],
    "ht": ["Pierre", "Joseph", "Jean-Baptiste", "Dorvil", "Étienne"],
    "fr": ["Martin", "Lefèvre", "Rousseau", "Girard", "Morel", "Fontaine"],
    "br": ["Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Rodrigues", "Almeida",
           "Nascimento", "Lima", "Araújo", "Carvalho", "Ferreira", "Barbosa"],
    "pa": ["Cossa", "Tembe", "Sitoe", "Muhate", "Nhantumbo", "Kiala", "Kapenda", "Tavares",
           "Semedo", "Fortes", "Mendes"],
    "sw": ["Mushi", "Kimaro", "Mwakyusa", "Otieno", "Njoroge", "Massawe", "Hassan", "Omari",
           "Lyimo", "Wambui"],
    "id": ["Rahmawati", "Santoso", "Wibowo", "Lestari", "Kogoya", "Tabuni", "Pratama",
           "Hidayat", "Siregar", "Nainggolan", "Wenehen", "Pigai"],
}
# Arabic and Russian names as (display, latin local part).
AR_NAMES = [
    ("أحمد العلي", "ahmed.alali"), ("فاطمة حداد", "f.haddad"), ("مريم الخطيب", "mariam.k"),
    ("خالد منصور", "khaled.mansour"), ("ليلى عبد الله", "layla.abdallah"),
    ("يوسف النجار", "y.najjar"), ("نور السيد", "nour.elsayed"), ("سارة الشامي", "sara.shami"),
    ("عمر إبراهيم", "omar.ibrahim"), ("هبة الحسيني", "heba.husseini"),
    ("رنا سليمان", "rana.s"), ("سامي الأمين", "sami.alamin"), ("منى عثمان", "mona.osman"),
    ("طارق فرج", "tarek.farag"), ("دينا جابر", "dina.jaber"), ("حسن الطيب", "hassan.tayeb"),
    ("آمنة بلقاسم", "amna.belkacem"), ("زينب الموسوي", "zainab.m"), ("كريم الزين", "karim.zein"),
    ("هالة التوم", "hala.eltom"),
]
RU_NAMES = [
    ("Анна Смирнова", "anna.smirnova"), ("Дмитрий Волков", "d.volkov"),
    ("Екатерина Орлова", "kate.orlova"), ("Алексей Морозов", "alexey.m"),
    ("Ольга Соколова", "olga.sokolova"), ("Айгерим Сапарова", "aigerim.s"),
    ("Нурлан Абенов", "nurlan.abenov"), ("Азамат Токтогулов", "azamat.t"),
    ("Дильноза Каримова", "dilnoza.k"), ("Фарход Рахимов", "farkhod.r"),
    ("Тимур Алиев", "timur.aliev"), ("Лейла Гасанова", "leyla.g"),
    ("Мария Лебедева", "m.lebedeva"), ("Сергей Ковалев", "s.kovalev"),
]


def name_region(lang: str, cc: str) -> str:
    if lang == "es":
        return "latam"
    if lang == "fr":
        return {"MA": "mag", "TN": "mag", "DZ": "mag", "HT": "ht", "FR": "fr"}.get(cc, "fa")
    if lang == "pt":
        return "br" if cc in ("BR", "PT") else "pa"
    if lang == "sw":
        return "sw"
    if lang == "id":
        return "id"
    return NAME_REGION.get(cc, "ea")


# (name, type, cc, city, domain, description used in intros)
# types: cso, media, research, community, coalition, legal, union
ORGS: dict[str, list[tuple[str, str, str, str, str, str]]] = {
    "en": [
        ("Open Line Kenya", "cso", "KE", "Nairobi", "openline.example.co.ke", "a digital rights organisation"),
        ("Lagos Digital Rights Forum", "cso", "NG", "Lagos", "ldrf.example.com.ng", "a network of lawyers and technologists"),
        ("Kampala Media Watch", "cso", "UG", "Kampala", "mediawatch.example.co.ug", "a press freedom group"),
        ("Amandla Data Justice Project", "cso", "ZA", "Johannesburg", "amandla-dj.example.org.za", "a data justice organisation"),
        ("Zimbabwe Citizens Connect", "cso", "ZW", "Harare", "zcc.example.co.zw", "a civic technology organisation"),
        ("Manila Tech Accountability Network", "cso", "PH", "Manila", "mtan.example.ph", "a tech accountability network"),
        ("Southern Africa E-waste Watch", "cso", "ZM", "Lusaka", "saew.example.zm", "an environmental justice group"),
        ("Horn Digital Voices", "coalition", "ET", "Addis Ababa", "hornvoices.example", "a coalition of civil society groups from the Horn of Africa"),
        ("Mekong Digital Labour Coalition", "coalition", "KH", "Phnom Penh", "mdlc.example", "a regional coalition of workers' groups"),
        ("South Asia Free Expression Alliance", "coalition", "NP", "Kathmandu", "safea.example.org", "an alliance of free expression groups"),
        ("Content Moderators Union of East Africa", "union", "KE", "Nairobi", "cmu-ea.example", "a trade union"),
        ("Delhi Platform Workers Association", "union", "IN", "Delhi", "dpwa.example.in", "a union of app-based workers"),
        ("The Dhaka Ledger", "media", "BD", "Dhaka", "dhakaledger.example.com.bd", "a daily newspaper"),
        ("Accra Wire", "media", "GH", "Accra", "accrawire.example.com.gh", "an online newsroom"),
        ("Indus Institute for Digital Policy", "research", "PK", "Lahore", "iidp.example.edu.pk", "an independent research institute"),
        ("Global Accountability Lab", "research", "GB", "London", "gal.example.ac.uk", "a university research centre"),
        ("Center for Algorithmic Fairness", "research", "US", "Chicago", "caf.example.edu", "a research centre"),
        ("Colombo Legal Aid Collective", "legal", "LK", "Colombo", "clac.example.lk", "a legal aid collective"),
        ("Nairobi Defenders Legal Clinic", "legal", "KE", "Nairobi", "ndlc.example.co.ke", "a pro bono legal clinic"),
        ("Kathmandu Women's Online Safety Circle", "community", "NP", "Kathmandu", "kwosc.example.org.np", "a women's community group"),
        ("Gulu Youth Voices", "community", "UG", "Gulu", "guluyouth.example.org", "a youth group"),
        ("Malawi Youth Online", "community", "MW", "Lilongwe", "myo.example.mw", "a youth network"),
        ("Myanmar Digital Defenders", "cso", "MM", "Yangon", "mdd.example", "a network of digital security trainers"),
        ("Freetown Civic Lab", "cso", "SL", "Freetown", "civiclab.example.sl", "a civic tech lab"),
    ],
    "es": [
        ("Colectivo Red Segura", "cso", "CO", "Bogotá", "redsegura.example.co", "una organización de seguridad digital"),
        ("Fundación Acceso Libre", "cso", "MX", "Ciudad de México", "accesolibre.example.mx", "una fundación que defiende la libertad de expresión"),
        ("Observatorio Ciudadano de Internet", "cso", "VE", "Caracas", "ocinet.example.ve", "un observatorio independiente de la conectividad"),
        ("Coordinadora Nicaragüense de Derechos", "cso", "CR", "San José", "cnd-nica.example.org", "una organización nicaragüense en el exilio"),
        ("Laboratorio de Datos Cívicos", "cso", "PY", "Asunción", "datoscivicos.example.org.py", "un laboratorio de tecnología cívica"),
        ("Asociación Pro Derechos Digitales", "cso", "ES", "Madrid", "prodd.example.es", "una asociación de derechos digitales"),
        ("Revista Cardumen", "media", "GT", "Ciudad de Guatemala", "cardumen.example.gt", "un medio digital independiente"),
        ("Radio Comunitaria La Voz del Valle", "media", "HN", "Tegucigalpa", "lavozdelvalle.example.hn", "una radio comunitaria"),
        ("Instituto Andino de Tecnología y Sociedad", "research", "EC", "Quito", "iats.example.edu.ec", "un centro de investigación"),
        ("Grupo de Estudios sobre Plataformas", "research", "AR", "Buenos Aires", "gep.example.edu.ar", "un grupo de investigación universitario"),
        ("Clínica Jurídica de Derechos Digitales", "legal", "CL", "Santiago", "clinicadd.example.cl", "una clínica jurídica"),
        ("Defensa Legal Popular", "legal", "PE", "Lima", "defensalegal.example.pe", "un colectivo de abogadas y abogados"),
        ("Sindicato de Repartidores de Apps", "union", "AR", "Buenos Aires", "srapps.example.com.ar", "un sindicato de trabajadores de plataformas"),
        ("Red de Defensoras Digitales", "coalition", "MX", "Oaxaca", "defensorasdigitales.example", "una red latinoamericana de defensoras"),
        ("Alianza Regional por la Conectividad", "coalition", "BO", "La Paz", "arc.example.org.bo", "una alianza regional"),
        ("Comunidad Q'eqchi' de Alta Verapaz", "community", "GT", "Cobán", "qeqchi.example.org", "una comunidad indígena"),
        ("Colectivo Tejiendo Voces", "community", "HN", "San Pedro Sula", "tejiendovoces.example.org", "un colectivo de mujeres jóvenes"),
        ("Mesa Ciudadana de Potosí", "community", "BO", "Potosí", "mesapotosi.example.org", "una organización de vecinos"),
    ],
    "fr": [
        ("Association Sénégalaise pour les Droits Numériques", "cso", "SN", "Dakar", "asdn.example.sn", "une association de défense des droits numériques"),
        ("Ligue Congolaise pour la Liberté en Ligne", "cso", "CD", "Kinshasa", "lcll.example.cd", "une organisation de la société civile"),
        ("Observatoire des Libertés Numériques", "cso", "FR", "Paris", "oln.example.fr", "une association de veille sur les libertés"),
        ("Association Tchadienne des Internautes", "cso", "TD", "N'Djamena", "ati.example.td", "une association d'usagers d'internet"),
        ("Collectif Malgache pour la Transparence", "cso", "MG", "Antananarivo", "cmt.example.mg", "un collectif citoyen"),
        ("Réseau des Blogueurs du Cameroun", "media", "CM", "Douala", "rbc.example.cm", "un réseau de blogueurs et journalistes"),
        ("Bamako Hebdo", "media", "ML", "Bamako", "bamakohebdo.example.ml", "un hebdomadaire indépendant"),
        ("Institut Carthage de Recherche Numérique", "research", "TN", "Tunis", "icrn.example.tn", "un institut de recherche"),
        ("Laboratoire Société et Numérique d'Abidjan", "research", "CI", "Abidjan", "lsna.example.ci", "un laboratoire universitaire"),
        ("Cabinet Diallo & Associés", "legal", "GN", "Conakry", "cabinetdiallo.example.gn", "un cabinet d'avocats"),
        ("Clinique Juridique de Cotonou", "legal", "BJ", "Cotonou", "cjc.example.bj", "une clinique juridique"),
        ("Syndicat des Travailleurs du Numérique", "union", "MA", "Casablanca", "stn.example.ma", "un syndicat de téléconseillers et modérateurs"),
        ("Coalition Africaine pour l'Internet Libre", "coalition", "BF", "Ouagadougou", "cail.example.bf", "une coalition panafricaine"),
        ("Collectif des Riverains de Kolwezi", "community", "CD", "Kolwezi", "riverains-kolwezi.example.org", "un collectif de riverains"),
        ("Femmes Haïtiennes en Ligne", "community", "HT", "Port-au-Prince", "fhl.example.ht", "un groupe de femmes"),
        ("Jeunesse Citoyenne de Lomé", "community", "TG", "Lomé", "jcl.example.tg", "une association de jeunes"),
    ],
    "pt": [
        ("Coletivo Rede Aberta", "cso", "BR", "São Paulo", "redeaberta.example.com.br", "uma organização de direitos digitais"),
        ("Instituto Amazônia Digital", "cso", "BR", "Belém", "amazoniadigital.example.org.br", "uma organização da sociedade civil"),
        ("Observatório de Direitos Digitais de Moçambique", "cso", "MZ", "Maputo", "oddm.example.co.mz", "um observatório independente"),
        ("Liga Guineense dos Direitos Digitais", "cso", "GW", "Bissau", "lgdd.example.gw", "uma liga de defesa dos direitos"),
        ("Associação Angolana de Jornalistas Online", "media", "AO", "Luanda", "aajo.example.co.ao", "uma associação de jornalistas"),
        ("Agência Periferia", "media", "BR", "Recife", "periferia.example.com.br", "uma agência de jornalismo independente"),
        ("Centro de Estudos em Tecnologia e Sociedade", "research", "BR", "Recife", "cets.example.edu.br", "um centro de pesquisa"),
        ("Núcleo de Pesquisa em Trabalho Digital", "research", "PT", "Lisboa", "nptd.example.pt", "um núcleo de investigação universitário"),
        ("Defensoria Popular Digital", "legal", "BR", "Salvador", "dpd.example.org.br", "um coletivo de advogadas populares"),
        ("Associação de Entregadores por Aplicativo", "union", "BR", "Porto Alegre", "aea.example.org.br", "uma associação de entregadores"),
        ("Sindicato dos Trabalhadores de Plataformas", "union", "PT", "Lisboa", "stp.example.pt", "um sindicato"),
        ("Rede Lusófona pela Liberdade na Internet", "coalition", "PT", "Lisboa", "rlli.example.org", "uma rede de organizações lusófonas"),
        ("Quilombo Conectado", "community", "BR", "São Luís", "quilomboconectado.example.org.br", "um coletivo quilombola"),
        ("Comunidade Viva de Cabo Delgado", "community", "MZ", "Pemba", "cvcd.example.org", "uma associação comunitária"),
    ],
    "ar": [
        ("المرصد المصري للحقوق الرقمية", "cso", "EG", "القاهرة", "eodr.example.com.eg", "منظمة مستقلة تعنى بالحقوق الرقمية"),
        ("مركز بيروت للحريات الرقمية", "cso", "LB", "بيروت", "bdfc.example.com.lb", "مركز مستقل للدفاع عن الحريات الرقمية"),
        ("جمعية الأردن للخصوصية", "cso", "JO", "عمّان", "jps.example.jo", "جمعية تعنى بحماية البيانات"),
        ("مختبر غزة للتقنية والمجتمع", "cso", "PS", "غزة", "gazalab.example.ps", "مبادرة تقنية مجتمعية"),
        ("شبكة نساء ليبيا على الإنترنت", "cso", "LY", "طرابلس", "lwon.example.ly", "شبكة نسوية"),
        ("شبكة الصحافة السودانية المستقلة", "media", "SD", "الخرطوم", "sipn.example.sd", "شبكة صحفيين مستقلين"),
        ("منصة عدن الإخبارية", "media", "YE", "عدن", "adennews.example.ye", "منصة إخبارية مستقلة"),
        ("معهد الخليج لأبحاث السياسات الرقمية", "research", "GB", "لندن", "gidpr.example.org.uk", "معهد بحثي مستقل"),
        ("مركز دراسات الإعلام الرقمي في الرباط", "research", "MA", "الرباط", "cedr.example.ma", "مركز أكاديمي"),
        ("مكتب الرافدين للمحاماة وحقوق الإنسان", "legal", "IQ", "بغداد", "rafidain-law.example.iq", "مكتب محاماة"),
        ("نقابة عمال المنصات الرقمية", "union", "JO", "عمّان", "pwu.example.jo", "نقابة عمالية"),
        ("تحالف الحقوق الرقمية في شمال أفريقيا", "coalition", "TN", "صفاقس", "nadrc.example.tn", "تحالف إقليمي"),
        ("لجنة أهالي حي الزهراء", "community", "IQ", "البصرة", "zahraa.example.org", "لجنة أهلية"),
        ("تجمع شباب إدلب", "community", "SY", "إدلب", "idlibyouth.example.org", "تجمع شبابي"),
    ],
    "sw": [
        ("Sauti ya Haki Mtandaoni", "cso", "KE", "Mombasa", "sautiyahaki.example.co.ke", "shirika la haki za kidijitali"),
        ("Jukwaa la Wanahabari Huru", "media", "TZ", "Dar es Salaam", "jwh.example.co.tz", "jukwaa la waandishi wa habari"),
        ("Umoja wa Madereva wa Programu", "union", "KE", "Nairobi", "umadereva.example.co.ke", "chama cha madereva wa programu"),
        ("Kikundi cha Wanawake wa Goma", "community", "CD", "Goma", "wanawakegoma.example.org", "kikundi cha wanawake"),
        ("Mtandao wa Watetezi wa Afrika Mashariki", "coalition", "TZ", "Arusha", "mwam.example.org", "mtandao wa kikanda"),
    ],
    "id": [
        ("Lembaga Bantuan Hukum Digital", "legal", "ID", "Jakarta", "lbhdigital.example.or.id", "lembaga bantuan hukum"),
        ("Jaringan Jurnalis Papua", "media", "ID", "Jayapura", "jjp.example.or.id", "jaringan jurnalis"),
        ("Serikat Pekerja Platform", "union", "ID", "Bandung", "spp.example.or.id", "serikat pekerja"),
        ("Kolektif Data Warga", "cso", "ID", "Yogyakarta", "datawarga.example.or.id", "kolektif riset warga"),
        ("Suara Digital Malaysia", "cso", "MY", "Kuala Lumpur", "suaradigital.example.my", "organisasi hak digital"),
    ],
    "ru": [
        ("Открытая сеть", "cso", "LT", "Вильнюс", "opennet-ru.example.org", "правозащитная организация"),
        ("Центр цифровой безопасности Алматы", "cso", "KZ", "Алматы", "cdb.example.kz", "центр цифровой безопасности"),
        ("Правовая инициатива Бишкека", "legal", "KG", "Бишкек", "pib.example.kg", "юридическая инициатива"),
        ("Профсоюз курьеров", "union", "RU", "Москва", "kurier-union.example.org", "независимый профсоюз"),
        ("Медиа-щит", "media", "BY", "Минск", "mediashield.example.org", "объединение журналистов"),
        ("Сеть правозащитников Таджикистана", "coalition", "TJ", "Душанбе", "spt.example.org", "сеть правозащитных организаций"),
    ],
}
# Free-mail style domains for individuals (all reserved/fictional).
WEBMAIL = ["mailbox.example", "securemail.example", "correo.example", "post.example.net",
           "inbox.example.org"]
STAFF = [("Ana Lind", "ana.lind"), ("Samir Haddad", "samir.haddad"),
         ("Julia Moreau", "julia.moreau"), ("Kwabena Ofori", "kwabena.ofori")]


# ---------------------------------------------------------------------------
# 2. Content, one dict per language
# ---------------------------------------------------------------------------
EN = {
    "issues": {
        "privacy": """
A lending app that is very popular {in} uploads borrowers' entire contact lists to its servers. When a repayment is a few days late, the lender messages relatives and employers, which is exactly what happened to several of our members in {city}. Nobody consented to their contacts being shared, and the app runs its ads and payments through your services.

[h] Last month a spreadsheet with the names, phone numbers and HIV status of around 3,000 clinic patients in {city} started circulating in public groups on your messaging service. The file is still being forwarded. People have already lost jobs because of it.

[+opaque_practices] Your new ID-verification flow asks users {in} to upload a national ID card and a selfie. The privacy notice does not say how long those images are kept, whether they go to a vendor, or how to have them deleted. Data protection law {in} requires explicit consent for biometric data.

Voter registration data from the last elections {in} appears to have been used to target political ads on your platform: ads reached people by name, ward and ethnicity. We would like to know whether a custom audience list was uploaded and who supplied it.

Since the September update, the app shares precise location with third-party analytics SDKs even when location is switched off in the settings. Our technical team confirmed this with traffic captures on three Android phones bought in {city}.

A former employee of a mobile reseller told us that SIM registration records, including scanned IDs, are being sold on messaging channels for a few dollars each. Several of the records match accounts on your service used by activists in {city}.

[+child_rights] Secondary school students in {city} were required to install a proctoring tool, built on your cloud products, that records their bedrooms and keystrokes during exams. Parents were never asked for consent and there is no way to see or delete the recordings.

We ran a simple test: a new account registered {in} with a local number was shown "people you may know" suggestions that included the user's doctor and a lawyer she had only ever phoned. People deserve to understand how their contact data is being matched.

Health insurers {in} have started asking applicants to link their fitness and shopping accounts "to get a better price". Those who refuse pay more. We doubt that this kind of consent, given under financial pressure, is meaningful.
""",
        "surveillance": """
[c][+hrd_safety] On Friday two of our researchers received messages with a link that our forensic partners identified as a delivery attempt for commercial spyware. One of them clicked it. Her phone is now switched off in a safe place, but we need to know urgently whether her account on your service has been accessed from another device.

The police in {city} have installed hundreds of new cameras with facial recognition under a contract that lists your cloud division as a subcontractor. There was no public consultation, and no data protection impact assessment has been published.

[h] Lawyers defending protesters {in} were shown printouts of their clients' private messages and location history during interrogations. We would like to know whether your company received and complied with government requests for this data, and under what legal process.

[h][+privacy] A draft cybercrime law {in} would require every platform with more than a million local users to keep traffic data for two years and to give the security services real-time access "when necessary". The vote in parliament is expected in early December.

[h][+whistleblower_protection] Journalists in {city} noticed that after they contacted a source through your messaging app, the source was summoned by intelligence officers within a day. We have no evidence of a breach on your side, but we need to understand what metadata you keep and who can get it.

[h][+hrd_safety] Fake mobile base stations were detected around the university campus in {city} during last week's student protests. Shortly afterwards, several student organisers received text messages telling them they had been "identified" at an illegal gathering.

A local firm is marketing "social media intelligence" to the government {in}, claiming it can monitor private groups on your platform with fake accounts. Its brochure shows keyword alerts set up for the names of opposition figures and human rights groups.

[+discrimination] Your smart-city partnership with the municipality of {city} includes licence plate readers and "crowd analytics" cameras. Residents of informal settlements, who were never consulted, are the people most exposed to these systems.

[+hrd_safety] Border officials {in} now ask travellers, including returning activists, to unlock their phones and hand over their social media passwords. People who refuse have been held for hours.
""",
        "expression": """
[+remedy] Over the past month at least forty posts by our members documenting police violence in {city} were removed as "graphic content", even though they carried warnings and were clearly newsworthy. Appeals were rejected within minutes, which makes us think no human ever looked at them.

[h][+opaque_practices] Our page, which has published election results and civic education material for eight years, was suspended without any explanation two days before the vote {in}. We have 140,000 followers and no other channel that reaches them.

[+opaque_practices] The government {in} keeps sending takedown orders for posts that criticise the President's family. Your transparency report shows compliance rising sharply this year, but it says nothing about which content was restricted or why.

[+discrimination] Words in our language that simply mean "protest" or "strike" seem to trigger automatic restrictions. Posts in English saying exactly the same thing stay up.

A satirical cartoonist from {city} has had her account restricted three times after coordinated mass reporting by pro-government accounts. Every restriction comes just as she publishes a new drawing about corruption.

Independent news sites {in} were labelled "state-affiliated media" by mistake, which cut their reach in half. One of them has been openly critical of the government for years.

Our hashtag about the evictions in {city} disappeared from search results for a week, while the counter-hashtag promoted by local officials trended. Many people here call it a shadowban; whatever it is, it silenced the residents.

A new "false news" law {in} makes platforms liable for so-called false statements and gives them 24 hours to remove anything flagged by the regulator. We fear your company will over-remove to avoid fines, as happened under the previous law.

Nurses who posted about the cholera outbreak in {city} were told their posts "go against our standards on misinformation", although the figures came straight from the Ministry of Health's own bulletins.
""",
        "shutdowns": """
[c] Mobile data has been cut across {name} since six o'clock this morning. Fixed broadband still works in parts of {city}, but most people here only have phones. We are getting reports of arrests near polling stations and people cannot share what is happening.

[c] Since Tuesday night your platform and two other messaging apps are blocked {in}; only people with VPNs can reach them, and VPN download pages are now being blocked too. Protests are continuing and families cannot reach relatives who were taken away.

[h] For the third year running the authorities {in} plan to switch off mobile internet during the national secondary school exams, which start on 1 December and last two weeks. Last year's "exam shutdown" left small businesses in {city} without income for days.

[h] Users in {city} report that your video service has been throttled to the point of being unusable since the opposition rally on Saturday, while other sites load normally. Our volunteers measured speeds below 100 kbps on both main operators.

[c] The internet has been down in the north of {name} for eleven days. Humanitarian workers cannot coordinate food deliveries and hospitals cannot reach their suppliers. People travel for hours just to send a message.

[h] We are preparing for the elections on 14 January and we are very worried about a repeat of the last blackout {in}. We would like to know whether your company will publish any shutdown orders it receives and how it intends to push back.

[h] Network disruptions hit {city} every Friday during the weekly protests: from midday until around 8 pm mobile data stops working in the city centre, while it keeps working in the suburbs.

[h] The regulator {in} ordered operators to block your platform "until further notice" for failing to appoint a local representative. The block has now lasted five weeks and small traders who sold through the platform have lost their main market.

During the curfew, mobile internet and mobile money were suspended in three districts of {name}. People could not pay for transport or medicine, or receive money from relatives abroad.
""",
        "harmful_content": """
[c][+hrd_safety] A list with the photos, neighbourhoods and phone numbers of 23 LGBTQ+ activists in {city} is being shared in public groups on your platform with calls to "clean the city". Two people on the list have already been attacked.

[h] Since the campaign began, women candidates {in} have been targeted with fake sexual images and thousands of abusive comments. Several of them have withdrawn from the race.

[h] Posts in the local language calling a minority community "cockroaches" and urging people to "finish the job" have been circulating for weeks. We reported sixty of them; only four were removed.

[h] A network of accounts is spreading claims that health workers in {city} are poisoning children with vaccines. Two clinics have been attacked and vaccination teams have suspended their rounds.

[h][+hrd_safety] Female journalists {in} receive a constant stream of rape threats in the comments under their reports. Hiding comments helps a little, but it does nothing about the messages that land in their inboxes.

Disinformation about the refugee camp near {city} is being spread by pages run from outside the country. One video, viewed more than two million times, uses footage from another country and claims that refugees attacked a school.

A viral trend encourages young men to film themselves harassing women in markets in {city}. Many of the videos stay online even after they have been reported.

[h] Ahead of the referendum we counted more than 400 ads on your platform claiming that polling stations would be closed in opposition areas. The ads were paid for by pages created the same week.

[+discrimination] Trans women in {city} tell us their photos are stolen and reposted on fake profiles together with insults and their home addresses. Reporting impersonation requires an ID document that many of them do not have.
""",
        "discrimination": """
Your automated ad review rejects ads from women's health organisations {in} as "adult content", while almost identical ads run by European organisations are approved.

Job ads for driver and delivery jobs posted through your platform {in} are shown almost only to men, and ads for nursing assistants almost only to women, even when the employer selected "all genders".

The voice assistant does not understand any of the three most widely spoken languages {in}, yet the government now uses it for its social benefits hotline. People who speak only those languages are left without help.

[+opaque_practices] Credit scores built from mobile phone data now decide who gets a microloan in {city}. Residents of certain neighbourhoods, mostly from one ethnic group, are rejected again and again, and nobody can explain why.

[+labour] Your face verification fails far more often for darker-skinned users. Drivers in {city} have been locked out for days because the selfie check does not recognise them, and they lose a day's income each time.

[+harmful_content] Users {in} who write in local languages get far weaker protection from hate speech than users who write in English. Slurs that would be removed in English stay up for weeks.

People with disabilities in {city} cannot complete the new sign-up process: the CAPTCHA has no audio option and the app does not work with the screen readers commonly used here.

[+discriminatory_practices] Your trusted partner programme is only open to organisations registered in a short list of countries. Groups like ours {in}, which deal with the most severe abuse, are excluded from fast-track reporting.

Refugees in {city} without a national ID cannot verify their accounts, so they lose access to messaging and mobile money, which are now needed to receive aid.
""",
        "labour": """
[h] We represent content moderators employed by a contractor in {city} who review material for your platform. They spend nine-hour shifts looking at beheadings and abuse with two short breaks, and the on-site counsellor is not a licensed psychologist.

Delivery riders {in} who rely on apps built on your maps and payments tools are deactivated by an algorithm without warning. Last week about 300 riders in {city} lost access after a protest about pay.

Data labellers recruited through a microtask platform in {city} are paid per image, at rates that work out at less than a dollar an hour. Payments are often late and workers who complain are quietly given fewer tasks.

[h] Factory workers assembling devices for one of your suppliers {in} told us that the recruitment agency keeps their passports and that they owe fees equal to eight months of wages.

[h] Moderators who tried to form a union at the outsourcing centre in {city} were dismissed two weeks later. The company says their contracts simply ended.

Drivers {in} are classified as "partners", so they have no sick pay, no insurance and no pension. When one of our members was injured in a crash in {city}, he received nothing.

[+surveillance] Call-centre agents who handle your customer support in {city} are monitored by software that scores their tone of voice and penalises them for bathroom breaks.

Seasonal workers sorting parcels at the warehouse near {city} are hired day by day through agencies and are not allowed water breaks during peak season. Temperatures reached 41 degrees last week.

[+opaque_practices] The new pay formula cut the earnings of freelancers on your platform {in} by a third overnight. Nobody was consulted and the formula has never been published.
""",
        "hrd_safety": """
[c] Our field coordinator was arrested at her home in {city} at dawn today by men in plain clothes. They took her phone and laptop. We fear they will try to get into her accounts on your service; she uses two-factor authentication, but they may force her to unlock her phone.

[c] The account of a well-known human rights lawyer {in} was hacked last night. The attacker changed the recovery email and is now writing to his clients and contacts asking for their case files.

[c][+harmful_content] A pro-government page with over 200,000 followers has published the home address and daily routine of an environmental activist in {city}, with the words "you know what to do". She has moved to a safe house, but the post is still up.

[h] Three journalists from {city} who covered the corruption trial have received death threats in direct messages over the past month. The senders open new accounts each time, so blocking does not help.

[c][+surveillance] An activist detained since Monday {in} is being held incommunicado. Her family says the interrogators have quoted from her private chats. We urgently ask you to check for suspicious logins and to secure her account.

[h][+harmful_content] Defenders who support land rights communities {in} are repeatedly targeted by impersonation accounts that use their names and photos to post fake "confessions" and insults.

[c] Since this morning our network's secretary has lost access to her account, and someone is now inside our main coordination group, which holds the names and numbers of more than 80 defenders across {name}.

[h][+surveillance] After the court released him, a student leader in {city} found a GPS tracker under his motorbike, and he now receives anonymous calls describing where he has been.

[h] Human rights defenders in exile from {name} keep receiving threats from accounts that appear to be run by the security services. Relatives of some of them were questioned at home after they posted online.
""",
        "child_rights": """
[h] Teachers in {city} have alerted us to adult men contacting schoolgirls through the in-game chat and offering phone credit in exchange for pictures.

[c][+harmful_content] A 14-year-old girl in {city} is being blackmailed with intimate images by someone who first contacted her on your platform. He has threatened to send them to her school tomorrow. Her mother came to our office this morning.

[+privacy] Accounts opened by children {in} are public by default, and most young users give a false age because there is no child-friendly alternative. Their photos and school names are visible to anyone.

[+privacy] According to our technical analysis, an education app used in public schools {in} collects children's location and contacts and shares them with advertisers.

Videos of children selling goods in the street markets of {city} are being monetised by accounts that film them without the consent of the children or their families.

[h][+discriminatory_practices] Reports of child sexual abuse material sent by our hotline {in} take weeks to be processed, while the same links are taken down within hours when they are reported from Europe.

Teenagers in {city} are being drawn into online betting through influencer videos and in-app ads that have no age restriction at all.

[+discrimination] Parents {in} cannot use the parental controls because they are only available in English. Several schools have asked us to run workshops just to explain them.

[h] A self-harm "challenge" is spreading among secondary school pupils in {city}. Two hospital admissions have been linked to it this month.
""",
        "remedy": """
[+inaccessible_structures] Our appeal against the suspension of our account was rejected within four minutes, in English, with no explanation. There is no way to reach a human being or to add context.

[+privacy] The compensation scheme for people whose data was leaked {in} requires claimants to apply in person at an office in the capital and to bring a police report. Almost nobody outside {city} has managed to apply.

[+labour] Riders who were wrongly deactivated can only appeal through an in-app chatbot. Our union has documented 57 cases {in} where the chatbot closed the ticket without any human review.

Families displaced to make room for the new data centre outside {city} were promised compensation two years ago. Nothing has been paid, and the grievance hotline number no longer works.

We submitted an appeal to your independent review body in March. Eight months later its status still reads "under review", and nobody can tell us when a decision will be made.

[+harmful_content] Women whose intimate images were shared without consent {in} tell us that the removal process asks them to upload the images again and then to wait for weeks. Many simply give up.

People {in} who were defrauded through fake shops on your marketplace have no way to get their money back: the refund form only accepts cards issued in a handful of countries.

[+labour] Workers injured at the supplier factory in {city} were offered a one-off payment in exchange for signing a waiver they could not read, because it was written only in English.

[+expression] When our members' posts were restored after appeal, their reach never recovered and the "strike" stayed on the account. There is no mechanism to correct the record.
""",
        "environment": """
[+child_rights] Piles of discarded phones and chargers are burned in the open at the dump outside {city}. Children pick through the ashes for copper, and the smoke covers the neighbourhood every evening.

The data centre planned near {city} would draw water from the same aquifer that supplies several farming villages, in the middle of a drought that has already lasted two seasons.

Communities living near the cobalt mines that supply battery makers in your chain {in} report polluted rivers, collapsed tunnels and no consultation before each expansion.

Your renewable energy claims rely on certificates bought abroad, while the servers you rent {in} run on diesel generators during the frequent power cuts.

[+labour] Informal recyclers in {city} take laptops apart with their bare hands and breathe fumes from melted plastic and solder. None of the brands whose logos we found in the piles runs a take-back scheme here.

Indigenous communities {in} say the lithium project that feeds your supply chain is drying up their springs and grazing land.

[+labour] Heatwaves in {city} now regularly pass 40 degrees, and delivery riders working for apps on your platform have no shade, water points or right to stop during the hottest hours.

[+opaque_practices] The new undersea cable landing station near {city} was built across a mangrove area, and the environmental impact assessment was never shared with the fishing communities who depend on it.

Tin mining for electronics along the coast {in} has turned fishing grounds into mud flats; fishermen say their catch has fallen by more than half in five years.
""",
        "other": """
We are following your company's plans to open an office and sign a partnership with the government {in}. We would like to understand what human rights due diligence was done before this decision and whether a human rights impact assessment will be published.

Our network is preparing a briefing on how technology companies apply the UN Guiding Principles on Business and Human Rights in conflict-affected settings, including {name}.

We understand your company is considering leaving the market {in}. A sudden exit would leave millions of people without services they rely on, and we would like to discuss how a responsible exit would be managed.

Ahead of the annual shareholder meeting, a group of investors and civil society organisations is reviewing how companies report on their human rights risks {in}.

We would like to understand how your company decides which countries get a dedicated human rights lead, and whether {name} is one of them.

Your latest sustainability report mentions "stakeholder engagement in emerging markets" but does not say who was consulted {in} or what they said.
""",
    },
    "challenges": {
        "opaque_practices": """
We still do not know who made the decision, on what basis, or whether a government request was involved. Your transparency report groups {name} with "other countries", so it tells us nothing.

Your company has never published the criteria used by the ranking system, so we cannot tell whether the drop in visibility is a penalty, a bug or a policy change.

When we asked how many government requests you received from {name}, we were told the figure is confidential.

The policy changed twice this year without public notice, and the earlier versions have disappeared from your website.

We were told an "internal review" took place, but we have not seen its findings, its terms of reference or even a summary.

Nobody could tell us which vendor moderates content in our language or how many of its reviewers actually speak it.
""",
        "inaccessible_structures": """
We have written to three different addresses and filled in the online form twice since August. The only replies we received were automatic ones.

Your company has no office or representative {in}; the regional office that supposedly covers us is several time zones away and does not answer the phone.

Our previous email bounced with "mailbox full". We found this address on a conference slide, so we hope it reaches someone.

The reporting form is only available in English and requires a login, which shuts out most of the community members we work with.

Every time we reach someone, we are told it is the wrong team and given another address that never answers.

Your partner portal asks for a company registration number, which informal community groups like ours simply do not have.
""",
        "limited_capacity": """
We are a team of three volunteers and cannot document every case in the format your forms require.

We do not have the technical expertise to analyse the logs ourselves, and we cannot afford a forensic lab.

Our funding for this work ends in December, so we have to be realistic about how many meetings we can attend.

We understand that the team covering our region is small; it seems one person looks after more than twenty countries.

Most of our members are not comfortable writing in English, which is why this letter was translated by a volunteer and may contain mistakes.

We had one week to comment on a sixty-page policy draft, with no translation, and could not consult our partners in time.
""",
        "whistleblower_protection": """
Please do not share my name or the name of the centre with the contractor. People who spoke to journalists last year lost their jobs.

I work inside the company that operates this system and I am writing from a personal address. I ask you to keep this strictly confidential.

The workers who gave us these testimonies fear retaliation. We have removed their names and will only share them if you guarantee that their identities will be protected.

After our last report, managers found out who had spoken to us, and two of our sources were transferred to a site four hours away.

We are sending this without names because the last person who raised the problem internally was dismissed within a week.

Our source has documents that prove this, but she will only speak to you through us and she will not sign anything.
""",
        "discriminatory_practices": """
When similar content targeted users in Europe, your company reacted within hours. Here, we have waited weeks for the same response.

Your consultations are always held in English, in Washington or Brussels, and at times that fall in the middle of our night.

It feels as if users in the Global South are second-class customers: fewer moderators, fewer languages, fewer safeguards.

Groups from {name} were not invited to the regional consultation, while international NGOs based in Europe were asked to speak on our behalf.

Your trusted flagger programme accepts partners from forty countries, but not a single organisation from our region.

Your reply arrived in English a month later, while organisations in richer markets get answers in their own language within days.
""",
        "lack_of_commitment": """
We took part in your consultation last year, made detailed recommendations and never heard back about what happened to them.

At our meeting in June you promised an update within a month. We are still waiting.

The consultation felt like a box-ticking exercise: the policy had already been approved before we were asked for our views.

Each time we raise this issue we are thanked for our feedback, and then nothing changes.

Your commitment to publish a human rights impact assessment for {name} was announced two years ago; it has still not been published.

The person we were working with left the company, and nobody picked up the conversation.
""",
    },
    "asks": {
        "allegation": """
We ask you to review these cases, restore any content that was wrongly removed and tell us what you will do to prevent this from happening again.

We urge your company to investigate and to share the outcome with us and with the people affected.

Please let us know who at your company is responsible for this issue and when we can expect a substantive response.

We request a written response within fifteen days describing the measures you intend to take.

We would appreciate an acknowledgement of this letter and a named contact person for follow-up.

We hope you will look into this seriously. The people affected deserve an answer.
""",
        "urgent": """
Please act urgently. Every hour counts.

We need someone from your security team to contact us today, on the number below or by email.

Please secure the account, preserve the evidence and do not hand any data to the authorities without telling us.

Can you escalate this immediately? We are available at any time, day or night.

We ask you to take the post down now and tell us what else you can do to protect her.
""",
        "engagement_request": """
We would like to request a meeting with your human rights team to discuss {topic} {in}. An online call in the coming weeks would suit us, and we can adapt to your time zone.

Could we organise a consultation with the communities affected? We can host it in {city} and provide interpretation.

We propose a call with your policy and trust and safety teams before the end of the month.

We would welcome the opportunity to brief your staff on our findings and to agree on next steps together.

Would your team be open to a regular exchange, for example a quarterly call, with organisations working on {topic} in {name}?
""",
        "information_request": """
I would be grateful for answers to the following questions by Friday: How many data requests have you received from the authorities {in} this year? How many did you comply with? How many of your reviewers speak the local languages?

Could you tell us whether your company has a policy on {topic}, and where it is published?

We would like to know how many complaints about {topic} you received from users {in} over the last twelve months, and how they were handled.

For our research, could you confirm whether you have carried out a human rights impact assessment covering {name}, and whether a summary is available?

Can you comment on these cases for our article? We plan to publish next week and would like to include your response.
""",
        "submission_attached": """
Please find attached our report on {topic} {in}, based on interviews with sixty people. We would welcome your comments before publication on 10 December.

We attach our latest research brief. The key findings, and our recommendations to your company, are on pages 4 and 5.

I attach the dataset and a short methodology note. We would be glad to include your response in the final version.
""",
        "submission_link": """
Our full report on {topic} is available at https://{domain}/report-2026. We would be glad to discuss the recommendations with you.

We are sharing our shadow report ahead of the review; you can read it at https://{domain}/publications. Your comments are welcome.

The summary of our findings is below, and the complete study can be downloaded from https://{domain}/research.
""",
        "invitation": """
We would like to invite a representative of your company to speak on a panel about {topic} at our regional forum in {city} on 12 February 2027.

We are organising a webinar on {topic} on 9 December and would be honoured if someone from your human rights team joined us as a speaker.

You are warmly invited to a closed-door roundtable with civil society groups from {name}, to be held in {city} in January. Travel costs can be covered.

We would be delighted if your company could take part in our annual conference on {topic}, which takes place online on 20 and 21 January.
""",
        "follow_up": """
I am writing to follow up on our letter of {pdate} about {topic}.

As promised during our call, here is more information about the cases we mentioned.

Thank you for your reply. Please find below the additional details you asked for.

We are writing again about case {ref}, which is still open on our side.
""",
        "evidence_attached": """
I attach screenshots of the posts and a spreadsheet with the links.

The attached file lists the dates, locations and links we have documented so far.
""",
        "general_info": """
I am a master's student writing a thesis on corporate human rights policies in the technology sector. Could you tell me whether your company's human rights policy is public and where I can find it? Thank you in advance.

Hello, I am preparing a course module on business and human rights for undergraduates. Do you have any public material on how your human rights team works that we could use in class?

Could you please send me your latest human rights report, and let me know if it exists in other languages? I work with several community libraries and would like to add it to our collection.
""",
        "general_invite": """
We are pleased to invite you to our annual conference on technology and society in {city} on 4 and 5 March 2027. Registration is free for civil society and company participants alike.

Our university is hosting a public lecture series on digital rights in {city} next semester. We would love to have a speaker from your company at one of the sessions.
""",
    },
    "greet": {
        "formal": ["Dear Human Rights Team,", "Dear Sir or Madam,", "Dear colleagues,", "To the Human Rights Policy team,", "Dear {staff},"],
        "informal": ["Hello,", "Hi there,", "Good day,", "Greetings from {city}!", "Hello team,"],
        "urgent": ["URGENT", "Hello, please read this urgently.", "Dear team - urgent:", ""],
    },
    "close": {
        "formal": ["Sincerely,", "Kind regards,", "Yours faithfully,", "With best regards,", "Respectfully,"],
        "informal": ["Thanks,", "Best,", "Thank you so much", "God bless,", "Regards"],
        "urgent": ["Thank you", "Please help", "Thanks"],
    },
    "intro": {
        "ngo": ["I am writing on behalf of {org}, {desc} based in {ocity}.", "{org} is {desc} that has worked {in} since 2014.", "My name is {pname} and I coordinate the digital rights programme at {org}."],
        "journalist": ["My name is {pname} and I am a reporter with {org}.", "I'm a journalist at {org}, {desc}, working on a story about {topic}."],
        "academic": ["I am a researcher at {org}, {desc}, where we study {topic}.", "My colleagues and I at {org} have spent the past year studying {topic}."],
        "community": ["we are a small community group in {ocity}.", "My name is {pfirst}, I am writing for our group {org}."],
        "coalition": ["We, the undersigned organisations, are writing to express our deep concern about {topic} {in}.", "This letter is sent on behalf of {org}, {desc}, and the organisations listed below."],
        "lawyer": ["I am a lawyer with {org} and I represent several people affected by {topic}.", "I write as counsel at {org}, {desc} in {ocity}."],
        "union": ["I am the general secretary of {org}, {desc} with members in {ocity}.", "We are {org}, {desc}, and we are writing on behalf of our members."],
        "hrd": ["I am a human rights defender.", "My name is {pname}, I am an activist.", ""],
    },
    "roles": {
        "ngo": ["Executive Director", "Programme Officer", "Digital Rights Lead", "Advocacy Coordinator"],
        "journalist": ["Senior Reporter", "Investigations Editor", "Reporter"],
        "academic": ["Research Fellow", "Associate Professor", "PhD candidate"],
        "community": ["Chairperson", "Secretary", "Youth leader"],
        "coalition": ["Coordinator, on behalf of the signatories", "Secretariat"],
        "lawyer": ["Advocate", "Partner", "Legal Officer"],
        "union": ["General Secretary", "Organiser"],
        "hrd": ["Human rights defender", "Activist"],
    },
    "disclaimer": "CONFIDENTIALITY NOTICE: This email and any attachments are confidential and intended only for the named recipient. If you have received it in error, please notify the sender and delete it.",
    "also": ["Similar cases have been reported {in2}.", "Our partners {in2} describe the same pattern.", "The same thing is now happening {in2}.", "We have received comparable testimonies from partners {in2}."],
    "topics": {
        "privacy": ["the misuse of personal data", "a data leak affecting users", "consent and data protection", "the sharing of users' personal data"],
        "surveillance": ["spyware targeting activists", "facial recognition and surveillance", "government access to user data", "surveillance of protesters"],
        "expression": ["content takedowns and account suspensions", "censorship of independent media", "the wrongful removal of posts", "restrictions on political speech"],
        "shutdowns": ["the internet shutdown", "mobile data cuts", "the blocking of your platform", "network disruptions"],
        "harmful_content": ["hate speech and incitement", "online harassment of women", "disinformation campaigns", "coordinated abuse on your platform"],
        "discrimination": ["algorithmic bias", "the unequal treatment of local languages", "discriminatory automated decisions", "the exclusion of marginalised users"],
        "labour": ["content moderators' working conditions", "the rights of platform workers", "forced labour in the supply chain", "gig workers' pay and safety"],
        "hrd_safety": ["threats against human rights defenders", "the safety of journalists and activists", "hacked accounts of defenders", "the detention of an activist"],
        "child_rights": ["child safety online", "the exploitation of children", "children's data and wellbeing", "the protection of minors"],
        "remedy": ["access to remedy", "the appeals process", "compensation for affected people", "grievance mechanisms"],
        "environment": ["e-waste", "the environmental impact of data centres", "mineral extraction in your supply chain", "climate impacts"],
        "other": ["human rights due diligence", "your human rights policy", "responsible business conduct", "human rights impact assessments"],
    },
    "subjects": {
        "allegation": ["{topic} {in}", "Concerns about {topic} {in}", "Report: {topic} in {city}", "Serious concern - {topic}", "{topic}: cases from {city}", "Complaint regarding {topic}"],
        "engagement_request": ["Meeting request: {topic} {in}", "Request for consultation on {topic}", "Request to meet your human rights team", "Dialogue on {topic} in {name}"],
        "information_request": ["Press inquiry: {topic} {in}", "Questions about {topic}", "Information request - {topic}", "Media request re {topic} ({name})"],
        "submission": ["New report: {topic} {in}", "Submission of research on {topic}", "Our findings on {topic}", "Briefing paper: {topic} in {name}"],
        "invitation": ["Invitation: panel on {topic}", "Invitation to speak - {topic}", "Webinar invitation: {topic}", "Invitation to a roundtable in {city}"],
        "general_info": ["Request for your human rights policy", "Question from a student", "Human rights report request"],
        "general_invite": ["Invitation: annual conference 2027", "Speaker invitation - public lecture series"],
    },
    "urgent_subjects": ["URGENT: {topic} {in}", "URGENT - please help", "Emergency: {topic}", "URGENT!!! {city}", "Urgent request for assistance"],
    "followup_subject": ["Follow-up: {subject}", "Re: {subject}", "Still waiting - {subject}"],
    "fwd_note": ["Forwarding this message from a community member in {city} who asked us to pass it on. Please treat it with care.", "FYI, see below. We received this from one of our partners yesterday and can put you in touch.", "Passing this on as requested; the original sender has no contact at your company."],
    "staff_says": [
        "Thank you for your message. We have registered it under reference {ref}. Could you share any links or screenshots that would help us look into this?",
        "Thanks for getting in touch. Our team is reviewing the information. Could you tell us roughly how many people are affected?",
        "We are sorry for the slow response. Could you confirm whether the affected accounts were reported through the in-app tools?",
    ],
    "staff_reply": "Dear {first},\n\nThank you for your letter and for the detailed information. We have shared it with the relevant teams and registered it under reference {ref}. We would be glad to set up a call in the coming weeks; please let us know a few times that suit you.\n\nBest regards,\n{staff}\nHuman Rights Team",
    "signatories": "Signatories:",
    "sign_orgs": ["{city} Digital Rights Centre", "{plain} Media Freedom Network", "Women in Tech {plain}", "{city} Legal Resource Centre", "Youth for Democracy {plain}", "{plain} Open Data Initiative", "{city} Community Radio Network", "Citizens' Voice {plain}"],
    "oos": {
        "spam": [
            ("Boost your NGO's visibility - 10,000 followers guaranteed", "Hello,\n\nWe help organisations grow their social media presence FAST. 10,000 real followers in 7 days, 100% safe, no password needed.\n\nPackages from only $49. Reply YES to get a free trial today!\n\nBest,\nGrowthRocket Team"),
            ("Invoice INV-88213 overdue - action required", "Dear customer,\n\nYour invoice INV-88213 is overdue. To avoid suspension of your services please review the document and confirm payment today:\n\nhttp://billing-secure.example.net/login\n\nAccounts Department"),
            ("Partnership proposal: SEO and website redesign", "Hi,\n\nI was checking your website and noticed it is not ranking on the first page of Google for important keywords. We can fix that for a small monthly fee. Can I send you a proposal?\n\nThanks,\nMark\nDigital Growth Agency"),
            ("You have been selected as a keynote speaker!", "Congratulations!\n\nBased on your outstanding profile you have been selected to deliver a keynote at the World Leadership Excellence Summit 2027. To confirm your slot please pay the speaker registration fee of USD 1,450 within 48 hours.\n\nOrganising Committee"),
        ],
        "newsletter": [
            ("Our November newsletter: new faces and a thank-you", "Dear friends,\n\nWelcome to our monthly update!\n\nThis month we welcomed two new colleagues to our communications team and said goodbye to our long-serving finance officer, who retires after eleven years with us. We are also moving offices in January; the new address will follow soon.\n\nVacancies: we are hiring a grants manager and an intern. Applications close on 30 November.\n\nSupport our work: a monthly donation of any size helps us plan ahead.\n\nYou are receiving this email because you subscribed on our website."),
            ("Product update: new dashboard features", "Hi there,\n\nWe have shipped a brand-new dashboard with customisable widgets, dark mode and faster exports to CSV and PDF.\n\nWhat's next: calendar integration and a redesigned mobile app, coming early next year.\n\nAs always, reply to this email with feedback.\n\nThe Product Team"),
            ("Weekly digest: events and opportunities", "This week's digest\n\n* Open day at our community hub, Saturday 10:00-16:00\n* Fundraising gala: tickets now on sale\n* Call for applications: writing fellowship for early-career authors\n* Volunteer orientation session next Tuesday\n\nSee you soon!"),
        ],
        "autoreply": [
            ("Automatic reply: {subject}", "Thank you for your email. I am out of the office until 17 November with limited access to email. For urgent matters please contact programmes@{domain}."),
            ("Out of office: {subject}", "Hello, I am currently on leave and will reply when I am back on 24 November. Thank you for your patience."),
        ],
        "unrelated": [
            ("Can't log in to my account", "Hi, I changed my phone and now I can't receive the login code. I have tried the recovery form twice and nothing happens. Can someone please reset it? My username is sunflower_88. Thanks"),
            ("Refund for premium subscription", "Hello, I was charged twice for my premium subscription this month. Please refund the second payment to my card. I have attached nothing because the receipt is in the app. Regards"),
        ],
    },
}

ES = {
    "issues": {
        "privacy": """
Una app de préstamos muy usada {in} accede a toda la agenda de contactos de quienes piden dinero. Si alguien se atrasa un día en el pago, empiezan a llamar a su familia y a su jefe. Varias compañeras de {city} pasaron por esto y nadie les pidió consentimiento.

[h] Se filtró una base de datos con nombres, números de cédula y direcciones de más de 50.000 beneficiarios de programas sociales {in}. El archivo circula en grupos de su servicio de mensajería y ya hay personas recibiendo llamadas de extorsión.

[+opaque_practices] Su plataforma ahora pide una selfie y una foto del documento de identidad para verificar cuentas {in}, pero el aviso de privacidad no explica cuánto tiempo se guardan esas imágenes ni con quién se comparten. La ley de protección de datos exige consentimiento expreso para los datos biométricos.

Durante la campaña, mucha gente en {city} recibió publicidad política con su nombre y el de su barrio. Sospechamos que se usaron padrones electorales filtrados para crear audiencias personalizadas en su sistema de anuncios.

La aplicación sigue compartiendo la ubicación exacta con empresas de analítica aunque la persona desactive la geolocalización. Lo comprobamos con capturas de tráfico en teléfonos comprados en {city}.

[+child_rights] En varias escuelas públicas de {city} obligaron a los alumnos a instalar una app de asistencia que registra su ubicación todo el día, incluso los fines de semana. A las familias nunca se les preguntó.

Clínicas privadas {in} usan un chatbot construido con sus herramientas de IA para responder consultas de salud sexual. Las conversaciones se guardan junto al número de teléfono y no queda claro si se usan para entrenar modelos.
""",
        "surveillance": """
[c][+hrd_safety] Anoche una periodista de nuestra red recibió un SMS con un enlace que, según el laboratorio forense con el que trabajamos, es un intento de instalar spyware. Ella tocó el enlace. Necesitamos saber con urgencia si su cuenta en su plataforma fue abierta desde otro dispositivo.

[h][+hrd_safety] En una audiencia, la fiscalía {in} mostró capturas de chats privados y el historial de ubicación de dos defensores del territorio. Queremos saber si su empresa entregó esos datos, con qué orden judicial y si se notificó a los usuarios.

La alcaldía de {city} anunció la instalación de 800 cámaras con reconocimiento facial en el transporte público, con un software alojado en su nube. No hubo consulta pública y nadie sabe quién tiene acceso a las imágenes.

[h][+privacy] Un proyecto de ley de ciberseguridad {in} obligaría a las plataformas a conservar durante dos años los metadatos de todas las comunicaciones y a entregarlos a la policía sin orden judicial. Se votaría antes de fin de año.

[h][+hrd_safety] Organizaciones campesinas de {city} descubrieron que una persona infiltrada en su grupo de coordinación mandaba capturas de pantalla a la policía. Desde entonces varios dirigentes fueron citados a declarar.

Empresas de "inteligencia de fuentes abiertas" ofrecen al gobierno {in} monitorear los perfiles de activistas, periodistas y sindicalistas en su plataforma. Tenemos copia de una licitación que pide "alertas sobre opositores".

[+discrimination] Migrantes que pasan por {city} cuentan que los agentes revisan sus teléfonos y fotografían sus conversaciones. A las personas indígenas y afrodescendientes las revisan mucho más que al resto.
""",
        "expression": """
[+remedy] En el último mes la plataforma eliminó más de treinta publicaciones de nuestro medio sobre desapariciones en {city} por "contenido violento", aunque eran notas periodísticas sin imágenes explícitas. Las apelaciones se rechazaron en minutos.

[h][+opaque_practices] La cuenta de nuestra radio comunitaria fue suspendida sin explicación la víspera de la marcha nacional {in}. Era nuestro principal canal para transmitir en vivo.

Creemos que hay un shadowban: desde que publicamos la investigación sobre contratos públicos {in}, el alcance de nuestras publicaciones cayó un 80%. Nadie nos explica si es un error o una sanción.

Cada vez que subimos videos de las protestas en {city} llegan reclamos falsos de "derechos de autor". Vienen de cuentas creadas el mismo día y la plataforma retira el contenido de forma automática.

[+opaque_practices] El gobierno {in} envió decenas de órdenes para bajar publicaciones críticas alegando "desinformación". Su informe de transparencia no dice cuántas de esas órdenes cumplieron.

[+discrimination] Las palabras en quechua que usamos para convocar asambleas se marcan como spam y las publicaciones quedan ocultas. Lo mismo escrito en castellano no tiene ningún problema.

Una caricaturista de {city} perdió el acceso a su cuenta después de una campaña de reportes masivos organizada por cuentas afines al partido de gobierno.
""",
        "shutdowns": """
[c] Desde las 18:00 de ayer no hay internet móvil en {city} ni en los municipios vecinos. Las operadoras hablan de una "falla técnica", pero coincide con el paro nacional. La gente no puede avisar de las detenciones.

[c] Hoy bloquearon su plataforma y otras redes sociales {in}; solo se puede entrar con VPN y ya empezaron a bloquear las páginas para descargar VPN. Hay protestas en varias ciudades y necesitamos que el mundo vea lo que pasa.

[h] Cada vez que hay movilizaciones en {city} la conexión se vuelve lentísima: los videos no cargan y los mensajes tardan horas. Nuestras mediciones muestran un throttling selectivo de las redes sociales.

[h] Las elecciones serán el 7 de febrero y tememos un apagón de internet como el de la última vez {in}. ¿Tiene su empresa un protocolo para responder a órdenes de corte y hacerlas públicas?

[h] En las comunidades rurales {of}, la única antena fue apagada "por mantenimiento" justo cuando empezaron los desalojos. Ya son nueve días sin señal.

[h] El regulador {in} ordenó bloquear su servicio de mensajería por no tener representante legal en el país. El bloqueo ya lleva un mes y los pequeños comercios perdieron su canal de ventas.

[c] Llevamos 72 horas sin conexión en toda la costa {of}. Los hospitales no pueden coordinar traslados y las familias no saben nada de sus parientes detenidos.
""",
        "harmful_content": """
[c][+hrd_safety] Circula en su plataforma una lista con fotos, direcciones y teléfonos de quince defensoras feministas de {city}, con el mensaje "ya saben qué hacer". A una de ellas la siguieron ayer hasta su casa.

[h] Desde que empezó la campaña, las candidatas {in} reciben montajes sexuales hechos con inteligencia artificial y miles de insultos. Varias ya se retiraron de las redes.

[h][@HT] Hay páginas que dicen que los migrantes haitianos en {city} "traen enfermedades" y llaman a "limpiar los barrios". Después de un video viral quemaron dos viviendas.

Una red de cuentas falsas difunde que el agua potable de {city} está "envenenada por el gobierno". Mucha gente dejó de usarla y hubo casos de diarrea por tomar agua de pozo.

[h][+hrd_safety] Las periodistas que cubren corrupción {in} reciben amenazas de violación en los comentarios y por mensaje directo. Ocultar comentarios no sirve de nada para los mensajes privados.

[+child_rights] Grupos antiderechos usan su plataforma para acosar a adolescentes trans de {city}: publican sus fotos escolares, su nombre anterior y el colegio al que van.

[h] Detectamos más de 300 anuncios pagados que decían que las mesas de votación en zonas opositoras {in} estarían cerradas. Las páginas que los pagaron se crearon esa misma semana.
""",
        "discrimination": """
El sistema automático de anuncios rechaza las campañas de salud sexual de organizaciones de mujeres {in} como "contenido para adultos", mientras que anuncios casi idénticos de ONG europeas se aprueban sin problema.

Los avisos de empleo de reparto se muestran casi solo a hombres jóvenes de {city}, aunque las empresas marquen "todos los géneros".

[+labour] La verificación facial falla mucho más con personas de piel oscura. Repartidores afrodescendientes de {city} quedan bloqueados días enteros porque la app no los reconoce.

El asistente de voz no entiende quechua ni aymara, pero el Estado lo usa ahora en la línea de atención de los programas sociales {in}. Quien no habla castellano queda afuera.

[+opaque_practices] Las financieras {in} usan un puntaje de crédito basado en datos del celular. Los vecinos de ciertos barrios de {city} son rechazados una y otra vez y nadie sabe explicar por qué.

Personas refugiadas sin documento nacional no pueden verificar su cuenta y pierden acceso a la billetera digital con la que reciben ayuda humanitaria en {city}.

[+harmful_content] En las variantes regionales del español y en las lenguas indígenas la moderación es mucho peor: insultos racistas contra comunidades garífunas {in} siguen en línea semanas después de ser denunciados.
""",
        "labour": """
[h] Representamos a moderadores de contenido contratados por una tercerizadora en {city} que revisa material para su plataforma. Hacen turnos de nueve horas viendo violencia extrema y el "apoyo psicológico" es una charla grupal al mes.

Los repartidores de apps {in} son desconectados por el algoritmo sin aviso ni explicación. Después de la huelga del mes pasado, más de doscientos compañeros de {city} quedaron bloqueados.

Quienes etiquetan datos para entrenar sistemas de IA desde {city} cobran por tarea, a veces menos de un dólar la hora, y los pagos llegan con semanas de atraso.

[h] Trabajadoras de una fábrica proveedora {in} nos contaron que la agencia de contratación les retiene el pasaporte y que deben comisiones equivalentes a seis meses de sueldo.

[h] Despidieron a los moderadores que intentaron formar un sindicato en el centro de llamadas de {city}. La empresa dice que simplemente "terminaron los contratos".

Los conductores {in} son considerados "socios", así que no tienen seguro, ni vacaciones, ni aportes jubilatorios. Cuando un compañero tuvo un accidente en {city} no recibió nada.

[+surveillance] Las teleoperadoras que atienden su servicio al cliente desde {city} son vigiladas con un software que mide el "tono" de su voz y les descuenta por ir al baño.
""",
        "hrd_safety": """
[c] Esta madrugada detuvieron en {city} a nuestra coordinadora de campo. Hombres sin uniforme se llevaron su celular y su computadora. Tememos que intenten entrar a sus cuentas; por favor ayúdennos a protegerlas.

[c] Anoche hackearon la cuenta de un abogado defensor de derechos humanos {in}. Cambiaron el correo de recuperación y están escribiendo a sus clientes para pedirles documentos de los casos.

[c][+harmful_content] Una página progubernamental con más de 100.000 seguidores publicó la dirección y la rutina diaria de un líder ambiental de {city}. Él tuvo que irse de su casa, pero la publicación sigue ahí.

[h] Tres periodistas que cubrieron el juicio por corrupción {in} reciben amenazas de muerte por mensaje directo, cada día desde cuentas nuevas.

[h][+surveillance] Un dirigente estudiantil de {city} encontró un rastreador GPS en su moto después de salir de la cárcel, y ahora recibe llamadas anónimas que describen sus movimientos.

[c] Desde esta mañana la administradora de nuestro grupo de coordinación perdió el acceso a su cuenta. Alguien más está dentro del grupo, donde están los nombres y teléfonos de más de 60 defensoras de todo {name}.

[h][+harmful_content] Defensoras de pueblos indígenas {in} son suplantadas en su plataforma: cuentas falsas con su foto publican "confesiones" inventadas y mensajes de odio.
""",
        "child_rights": """
[h] Docentes de {city} nos alertaron que hombres adultos contactan a niñas por el chat de un juego en línea y les ofrecen recargas de saldo a cambio de fotos.

[c][+harmful_content] Una adolescente de 14 años de {city} está siendo extorsionada con imágenes íntimas por alguien que la contactó en su plataforma. La amenazó con mandarlas a su colegio mañana.

[+privacy] Las cuentas de menores {in} son públicas por defecto y muchos chicos mienten sobre su edad. Sus fotos y el nombre de su escuela quedan a la vista de cualquiera.

Niñas y niños que venden en los mercados de {city} aparecen en videos monetizados, grabados sin su consentimiento ni el de sus familias.

[+privacy] Una app educativa que usan las escuelas públicas {in} recopila la ubicación y los contactos de los estudiantes y los comparte con empresas de publicidad.

[h] Se está difundiendo entre estudiantes de secundaria de {city} un "reto" de autolesiones. Ya hubo dos ingresos hospitalarios este mes.

Adolescentes {in} están entrando en las apuestas en línea por videos de influencers y anuncios sin ninguna restricción de edad.
""",
        "remedy": """
[+inaccessible_structures] Apelamos la suspensión de nuestra cuenta y la respuesta llegó en cuatro minutos, en inglés y sin ninguna explicación. No hay forma de hablar con una persona.

[+labour] Los repartidores desactivados por error solo pueden reclamar a través de un chatbot. Tenemos documentados 41 casos {in} en los que el chatbot cerró el reclamo sin revisión humana.

Las familias desplazadas por la construcción del centro de datos cerca de {city} esperan desde hace dos años la compensación prometida. El número de la línea de quejas ya no existe.

[+privacy] El mecanismo de reparación para las víctimas de la filtración de datos {in} exige una denuncia policial y presentarse en persona en una oficina de la capital. Casi nadie ha podido reclamar.

Presentamos una apelación ante su consejo de revisión independiente en marzo. Ocho meses después sigue "en revisión" y nadie nos dice cuándo habrá una decisión.

[+harmful_content] A las mujeres cuyas imágenes íntimas se difundieron sin consentimiento {in} se les pide volver a subir las imágenes para solicitar su eliminación, y después esperar semanas.

Las personas estafadas en tiendas falsas de su marketplace {in} no pueden recuperar su dinero: el formulario de reembolso no acepta tarjetas emitidas en el país.
""",
        "environment": """
[+child_rights] En el basural a las afueras de {city} se queman celulares y cargadores a cielo abierto. Hay niños buscando cobre entre las cenizas y el humo cubre el barrio todas las tardes.

El centro de datos proyectado cerca de {city} usaría agua del mismo acuífero que abastece a las comunidades campesinas, en plena sequía.

Las comunidades indígenas de los salares {in} denuncian que la extracción de litio para baterías está secando vertientes y bofedales. Nadie les consultó.

[+labour] Recicladores informales de {city} desarman computadoras con las manos y respiran el humo del plástico y la soldadura quemados. Ninguna de las marcas que encontramos tiene un programa de recolección aquí.

Su empresa dice funcionar con energía 100% renovable, pero los servidores que alquila {in} funcionan con generadores diésel durante los apagones.

[+opaque_practices] Pescadores artesanales de la costa {of} dicen que el nuevo cable submarino se instaló sobre un manglar y que el estudio de impacto ambiental nunca se hizo público.

Las cooperativas que extraen estaño para la industria electrónica cerca de {city} vierten relaves al río; el agua ya no sirve para regar.
""",
        "other": """
Seguimos con atención los planes de su empresa de abrir una oficina y firmar un convenio con el gobierno {in}. ¿Qué debida diligencia en derechos humanos se hizo antes de tomar esa decisión?

Estamos preparando un informe regional sobre cómo las empresas tecnológicas aplican los Principios Rectores de la ONU sobre las empresas y los derechos humanos {in}.

Se comenta que su empresa podría retirarse del mercado {in}. Una salida abrupta dejaría a millones de personas sin servicios esenciales; quisiéramos conversar sobre cómo sería una salida responsable.

Su último informe de sostenibilidad habla de "diálogo con partes interesadas en América Latina", pero no dice con quién se habló {in} ni qué se dijo.
""",
    },
    "challenges": {
        "opaque_practices": """
Seguimos sin saber quién tomó la decisión, con qué criterio, ni si hubo un pedido del gobierno de por medio.

Su informe de transparencia agrupa a {name} con "otros países", así que no nos dice nada.

Cuando preguntamos cuántas solicitudes de datos recibieron de las autoridades {of}, nos respondieron que esa información es confidencial.

Las reglas cambiaron dos veces este año sin aviso y las versiones anteriores desaparecieron de su sitio web.

Nos dijeron que hubo una "revisión interna", pero nunca vimos sus conclusiones ni siquiera un resumen.

Nadie pudo decirnos qué empresa modera el contenido en nuestro idioma ni cuántas personas de ese equipo lo hablan.
""",
        "inaccessible_structures": """
Escribimos a tres direcciones distintas y llenamos el formulario dos veces desde agosto. Solo recibimos respuestas automáticas.

Su empresa no tiene oficina ni representante {in}, y la oficina regional no contesta el teléfono.

Nuestro correo anterior rebotó con el mensaje "buzón lleno". Encontramos esta dirección en la presentación de un congreso.

El formulario de denuncia está solo en inglés y exige iniciar sesión, lo que deja afuera a la mayoría de las personas con las que trabajamos.

Cada vez que logramos hablar con alguien nos dicen que no es el área correcta y nos pasan otro correo que nunca responde.

Su portal para socios pide un número de registro empresarial que las organizaciones comunitarias como la nuestra no tenemos.
""",
        "limited_capacity": """
Somos un equipo de tres voluntarias y no podemos documentar cada caso con el formato que piden sus formularios.

No tenemos la capacidad técnica para analizar los registros ni el dinero para pagar un peritaje forense.

Nuestro financiamiento para este trabajo termina en diciembre, así que tenemos que ser realistas con la cantidad de reuniones.

Entendemos que su equipo para la región es muy pequeño; al parecer una sola persona cubre más de veinte países.

Pocas personas en nuestra organización escriben en inglés; por eso les escribimos en español y les pedimos paciencia.

Tuvimos una semana para comentar un borrador de sesenta páginas, sin traducción, y no pudimos consultar a nuestras bases.
""",
        "whistleblower_protection": """
Por favor no compartan mi nombre ni el del centro con la empresa contratista. A quienes hablaron con la prensa el año pasado los despidieron.

Trabajo dentro de la empresa que opera el sistema y les escribo desde un correo personal. Les pido absoluta confidencialidad.

Las trabajadoras que dieron su testimonio temen represalias. Quitamos sus nombres y solo los compartiremos si ustedes garantizan su protección.

Después de nuestro último informe, los supervisores descubrieron quién había hablado con nosotros y trasladaron a dos de nuestras fuentes a otra sede.

Enviamos esto sin firmas porque la última persona que denunció el problema internamente fue despedida.

Nuestra fuente tiene documentos que lo prueban, pero solo hablará a través de nosotros y no firmará nada.
""",
        "discriminatory_practices": """
Cuando un contenido parecido afectó a usuarios en Europa, reaccionaron en cuestión de horas. Aquí llevamos semanas esperando.

Las consultas siempre son en inglés, en Washington o en Bruselas, y en horarios que para nosotros son de madrugada.

Sentimos que los usuarios del Sur Global somos clientes de segunda: menos moderadores, menos idiomas, menos protección.

A las organizaciones {of} no nos invitaron a la consulta regional, mientras que ONG europeas hablaron en nuestro nombre.

Su programa de "trusted flaggers" tiene socios en cuarenta países, pero ni uno solo en nuestra región.

Su respuesta llegó en inglés y un mes después, mientras que las organizaciones de mercados más ricos reciben respuesta en su idioma en pocos días.
""",
        "lack_of_commitment": """
Participamos en su consulta del año pasado, hicimos recomendaciones detalladas y nunca supimos qué pasó con ellas.

En la reunión de junio se comprometieron a enviarnos una actualización en un mes. Seguimos esperando.

La consulta fue puro trámite: la política ya estaba aprobada cuando nos pidieron opinión.

Cada vez que planteamos el tema nos agradecen los "comentarios" y no cambia nada.

Hace dos años anunciaron una evaluación de impacto en derechos humanos para {name} que todavía no se ha publicado.

La persona con la que trabajábamos dejó la empresa y nadie retomó la conversación.
""",
    },
    "asks": {
        "allegation": """
Les pedimos revisar estos casos, restablecer el contenido retirado por error e informarnos qué medidas tomarán para que no se repita.

Solicitamos que investiguen los hechos y compartan los resultados con nosotros y con las personas afectadas.

Agradeceremos que nos indiquen quién es responsable de este tema en su empresa y cuándo podemos esperar una respuesta de fondo.

Solicitamos una respuesta por escrito en un plazo de quince días hábiles.

Esperamos su pronta respuesta. Las personas afectadas merecen una explicación.
""",
        "urgent": """
Por favor actúen YA, cada hora cuenta.

Necesitamos que alguien de su equipo de seguridad nos contacte hoy mismo al número de abajo.

Por favor aseguren la cuenta, conserven la evidencia y no entreguen datos a las autoridades sin avisarnos.

¿Pueden escalar esto de inmediato? Estamos disponibles a cualquier hora.

Les pedimos retirar la publicación ahora mismo y decirnos qué más pueden hacer para protegerle.
""",
        "engagement_request": """
Quisiéramos solicitar una reunión con su equipo de derechos humanos para conversar sobre {topic} {in}. Podemos adaptarnos a su horario para una llamada en línea.

¿Sería posible organizar una consulta con las comunidades afectadas? Podemos hacerla en {city}, con interpretación.

Proponemos una videollamada con sus equipos de políticas públicas y de trust and safety antes de fin de mes.

Nos gustaría presentarles nuestros hallazgos y acordar juntos los próximos pasos.
""",
        "information_request": """
Les agradecería respuestas a estas preguntas antes del viernes: ¿cuántos pedidos de datos recibieron de las autoridades {of} este año? ¿Cuántos cumplieron? ¿Cuántos moderadores hablan las lenguas locales?

¿Podrían indicarnos si su empresa tiene una política sobre {topic} y dónde está publicada?

Queremos saber cuántas quejas sobre {topic} recibieron de usuarios {in} en los últimos doce meses y cómo se resolvieron.

¿Pueden comentar estos casos para nuestra nota? Publicaremos la próxima semana y queremos incluir su versión.
""",
        "submission_attached": """
Adjuntamos nuestro informe sobre {topic} {in}, basado en 70 entrevistas. Agradeceremos sus comentarios antes de la publicación, prevista para el 10 de diciembre.

Les enviamos adjunto nuestro último documento de investigación; las recomendaciones a su empresa están en las páginas 5 y 6.

Adjunto la base de datos y una nota metodológica. Con gusto incluiremos su respuesta en la versión final.
""",
        "submission_link": """
El informe completo sobre {topic} está disponible en https://{domain}/informe-2026. Nos encantaría conversar sobre las recomendaciones.

Compartimos nuestro informe sombra; pueden leerlo en https://{domain}/publicaciones. Sus comentarios son bienvenidos.
""",
        "invitation": """
Queremos invitar a una persona de su empresa a participar en un panel sobre {topic} en nuestro foro regional en {city}, el 12 de febrero de 2027.

Organizamos un webinario sobre {topic} el 9 de diciembre y sería un honor contar con alguien de su equipo de derechos humanos.

Les invitamos a una mesa redonda cerrada con organizaciones {of}, que se hará en {city} en enero. Podemos cubrir los gastos de viaje.
""",
        "follow_up": """
Les escribo para dar seguimiento a nuestra carta del {pdate} sobre {topic}.

Como quedamos en la llamada, les enviamos más información sobre los casos que mencionamos.

Gracias por su respuesta. Abajo encontrarán los detalles adicionales que nos pidieron.

Volvemos a escribirles sobre el caso {ref}, que para nosotros sigue abierto.
""",
        "evidence_attached": """
Adjunto capturas de pantalla de las publicaciones y una planilla con los enlaces.

En el archivo adjunto están las fechas, los lugares y los enlaces que documentamos.
""",
        "general_info": """
Soy estudiante de maestría y estoy escribiendo mi tesis sobre políticas de derechos humanos en empresas tecnológicas. ¿Su política de derechos humanos es pública? ¿Dónde puedo encontrarla? Muchas gracias.

Buenas tardes, ¿me podrían enviar su último informe de derechos humanos y decirme si existe una versión en español? Trabajo en una biblioteca popular y queremos tenerlo disponible.
""",
        "general_invite": """
Tenemos el agrado de invitarles a nuestro congreso anual sobre tecnología y sociedad, que se realizará en {city} el 4 y 5 de marzo de 2027. La inscripción es gratuita.
""",
    },
    "greet": {
        "formal": ["Estimado equipo de Derechos Humanos:", "Estimados señores:", "Estimadas y estimados colegas:", "A quien corresponda:", "Hola {staff}:"],
        "informal": ["Hola,", "Buenas tardes,", "Buen día,", "Saludos desde {city}."],
        "urgent": ["URGENTE", "¡Urgente!", "Hola, por favor lean esto con urgencia.", ""],
    },
    "close": {
        "formal": ["Atentamente,", "Saludos cordiales,", "Sin otro particular, les saludamos atentamente,", "Cordialmente,"],
        "informal": ["Gracias,", "Un abrazo,", "Saludos", "Mil gracias"],
        "urgent": ["Gracias", "Por favor ayúdennos", "Quedamos atentas"],
    },
    "intro": {
        "ngo": ["Les escribo en nombre de {org}, {desc} con sede en {ocity}.", "{org} es {desc} que trabaja {in} desde 2012.", "Mi nombre es {pname} y coordino el área de derechos digitales de {org}."],
        "journalist": ["Mi nombre es {pname}, soy periodista de {org}.", "Soy periodista en {org}, {desc}, y estoy preparando un reportaje sobre {topic}."],
        "academic": ["Soy investigadora de {org}, {desc}, donde estudiamos {topic}.", "Desde {org} venimos investigando {topic} durante el último año."],
        "community": ["somos un grupo comunitario de {ocity}.", "Me llamo {pfirst} y escribo por parte de {org}."],
        "coalition": ["Las organizaciones firmantes queremos expresar nuestra profunda preocupación por {topic} {in}.", "Esta carta se envía en nombre de {org}, {desc}, y de las organizaciones que figuran al final."],
        "lawyer": ["Soy abogada de {org} y represento a varias personas afectadas por {topic}.", "Me dirijo a ustedes como abogado de {org}, {desc} con sede en {ocity}."],
        "union": ["Soy secretario general de {org}, {desc} con afiliados en {ocity}.", "Somos {org}, {desc}, y les escribimos en nombre de nuestras afiliadas y afiliados."],
        "hrd": ["Soy defensora de derechos humanos.", "Me llamo {pname}, soy activista.", ""],
    },
    "roles": {
        "ngo": ["Directora Ejecutiva", "Oficial de Programas", "Coordinador de Incidencia", "Responsable de Derechos Digitales"],
        "journalist": ["Periodista", "Editora de Investigación", "Reportero"],
        "academic": ["Investigadora", "Profesor Asociado", "Doctoranda"],
        "community": ["Presidenta", "Secretario", "Vocera"],
        "coalition": ["Coordinación, en nombre de las organizaciones firmantes", "Secretaría técnica"],
        "lawyer": ["Abogada", "Socio", "Asesora Legal"],
        "union": ["Secretario General", "Delegada sindical"],
        "hrd": ["Defensora de derechos humanos", "Activista"],
    },
    "disclaimer": "AVISO DE CONFIDENCIALIDAD: Este mensaje y sus anexos son confidenciales y están dirigidos exclusivamente a su destinatario. Si lo recibió por error, le rogamos notificarlo al remitente y eliminarlo.",
    "also": ["Se han reportado casos similares {in2}.", "Nuestras organizaciones aliadas {in2} describen el mismo patrón.", "Lo mismo está ocurriendo ahora {in2}."],
    "topics": {
        "privacy": ["el uso indebido de datos personales", "la filtración de datos de usuarios", "la protección de datos y el consentimiento"],
        "surveillance": ["el espionaje a periodistas", "el reconocimiento facial", "la entrega de datos a las autoridades", "la vigilancia de manifestantes"],
        "expression": ["la censura de contenidos", "la suspensión de cuentas de medios", "la eliminación injustificada de publicaciones"],
        "shutdowns": ["el corte de internet", "el bloqueo de redes sociales", "las interrupciones de la conexión móvil"],
        "harmful_content": ["los discursos de odio", "la violencia digital contra las mujeres", "las campañas de desinformación"],
        "discrimination": ["los sesgos algorítmicos", "la discriminación de las lenguas indígenas", "las decisiones automatizadas discriminatorias"],
        "labour": ["las condiciones laborales de los moderadores", "los derechos de los trabajadores de plataformas", "el trabajo forzoso en la cadena de suministro"],
        "hrd_safety": ["las amenazas contra personas defensoras", "la seguridad de periodistas y activistas", "la detención de una defensora", "el hackeo de cuentas de defensores"],
        "child_rights": ["la protección de niñas, niños y adolescentes", "la explotación infantil en línea", "los datos de menores de edad"],
        "remedy": ["el acceso a la reparación", "el sistema de apelaciones", "los mecanismos de queja"],
        "environment": ["los residuos electrónicos", "el impacto ambiental de los centros de datos", "la extracción de litio"],
        "other": ["la debida diligencia en derechos humanos", "su política de derechos humanos", "la conducta empresarial responsable"],
    },
    "subjects": {
        "allegation": ["{topic} {in}", "Preocupación por {topic} {in}", "Denuncia: {topic} en {city}", "Casos graves: {topic}", "Denuncia sobre {topic}"],
        "engagement_request": ["Solicitud de reunión: {topic}", "Pedido de reunión con su equipo de derechos humanos", "Propuesta de diálogo sobre {topic} {in}"],
        "information_request": ["Consulta de prensa: {topic} {in}", "Preguntas sobre {topic}", "Solicitud de información - {topic}"],
        "submission": ["Nuevo informe: {topic} {in}", "Envío de investigación sobre {topic}", "Nuestros hallazgos sobre {topic}"],
        "invitation": ["Invitación: panel sobre {topic}", "Invitación a webinario - {topic}", "Invitación a mesa redonda en {city}"],
        "general_info": ["Consulta sobre su política de derechos humanos", "Pedido de informe"],
        "general_invite": ["Invitación: congreso anual 2027"],
    },
    "urgent_subjects": ["URGENTE: {topic} {in}", "¡¡URGENTE!! {city}", "Urgente - necesitamos ayuda", "Emergencia: {topic}"],
    "followup_subject": ["Seguimiento: {subject}", "RE: {subject}", "Sin respuesta - {subject}"],
    "fwd_note": ["Les reenvío este mensaje de una compañera de {city} que nos pidió hacerlo llegar. Por favor manéjenlo con cuidado.", "Para su información, abajo el correo que recibimos ayer de una organización aliada.", "Reenvío según lo pedido; la persona no tiene ningún contacto en su empresa."],
    "staff_says": [
        "Gracias por su mensaje. Lo hemos registrado con la referencia {ref}. ¿Podrían compartir enlaces o capturas de pantalla que nos ayuden a analizar el caso?",
        "Gracias por escribirnos. Nuestro equipo está revisando la información. ¿Podrían indicarnos cuántas personas están afectadas?",
        "Disculpen la demora. ¿Podrían confirmar si las cuentas afectadas se denunciaron a través de la aplicación?",
    ],
    "staff_reply": "Hola {first}:\n\nMuchas gracias por su carta y por la información detallada. La hemos compartido con los equipos correspondientes y registrado con la referencia {ref}. Con gusto organizamos una llamada en las próximas semanas; por favor indíquenos algunos horarios posibles.\n\nSaludos cordiales,\n{staff}\nEquipo de Derechos Humanos",
    "signatories": "Organizaciones firmantes:",
    "sign_orgs": ["Centro de Derechos Digitales de {city}", "Red de Periodistas de {plain}", "Colectiva Feminista de {city}", "Observatorio Ciudadano de {plain}", "Juventudes por la Democracia - {plain}", "Radio Comunitaria de {city}", "Asociación de Abogadas de {plain}"],
    "oos": {
        "spam": [
            ("¡Aumenta tus seguidores hoy! 10.000 garantizados", "Hola!!\n\nAyudamos a ONG y fundaciones a crecer en redes sociales. 10.000 seguidores reales en 7 días, sin contraseña, 100% seguro.\n\nPaquetes desde 49 USD. Responde SÍ y te damos una prueba gratis.\n\nEquipo CreceYa"),
        ],
        "newsletter": [
            ("Boletín de noviembre: novedades de nuestra fundación", "Queridas amigas y amigos:\n\nLes compartimos las novedades del mes. Se sumaron dos personas al equipo de comunicación y despedimos a nuestra contadora, que se jubila después de once años.\n\nConvocatoria abierta: buscamos una persona para el área de administración. Postulaciones hasta el 30 de noviembre.\n\nGracias por apoyar nuestro trabajo.\n\nRecibe este correo porque se suscribió en nuestro sitio web."),
        ],
        "autoreply": [
            ("Respuesta automática: {subject}", "Gracias por su mensaje. Estaré fuera de la oficina hasta el 17 de noviembre con acceso limitado al correo. Para asuntos urgentes escriba a contacto@{domain}."),
        ],
        "unrelated": [
            ("No puedo entrar a mi cuenta", "Hola, cambié de celular y ya no me llega el código para entrar. Intenté el formulario de recuperación dos veces. ¿Me pueden ayudar? Mi usuario es luna_azul_77. Gracias"),
        ],
    },
}

FR = {
    "issues": {
        "privacy": """
Une application de microcrédit très répandue {in} aspire tout le répertoire téléphonique des emprunteurs. Au moindre retard de paiement, elle envoie des messages humiliants aux proches et à l'employeur. Plusieurs de nos membres à {city} en ont été victimes, sans jamais avoir donné leur consentement.

[h] Un fichier contenant les noms, numéros de téléphone et statuts sérologiques de près de 2 000 patients d'un centre de santé de {city} circule dans des groupes publics sur votre messagerie. Il continue d'être partagé et certaines personnes ont déjà perdu leur emploi.

[+opaque_practices] Votre nouvelle procédure de vérification demande aux utilisateurs {in} une photo de leur carte d'identité et un selfie. La politique de confidentialité ne précise ni la durée de conservation, ni le prestataire qui traite ces images, ni la manière de les faire effacer.

Pendant la campagne électorale, des habitants de {city} ont reçu des publicités politiques mentionnant leur nom et leur quartier. Nous soupçonnons l'utilisation de listes électorales piratées pour créer des audiences personnalisées.

Depuis la dernière mise à jour, l'application transmet la localisation précise à des sociétés d'analyse même lorsque la géolocalisation est désactivée. Notre équipe technique l'a constaté sur trois téléphones achetés à {city}.

[+child_rights] Des lycées de {city} obligent les élèves à installer un logiciel de surveillance des examens, hébergé sur votre cloud, qui filme leur chambre et enregistre leurs frappes au clavier. Les parents n'ont jamais été consultés.

Un ancien employé d'un revendeur de cartes SIM nous a confié que les fiches d'enregistrement des abonnés, avec copie de la pièce d'identité, se vendent pour quelques milliers de francs CFA sur des canaux de messagerie.
""",
        "surveillance": """
[c][+hrd_safety] Vendredi, deux de nos chercheurs ont reçu un lien que nos partenaires techniques ont identifié comme une tentative d'installation d'un logiciel espion. L'un d'eux a cliqué. Nous devons savoir d'urgence si son compte chez vous a été ouvert depuis un autre appareil.

[h][+hrd_safety] Lors des interrogatoires, des militants arrêtés {in} se sont vu présenter des captures de leurs conversations privées et leur historique de localisation. Votre entreprise a-t-elle répondu à une réquisition des autorités, et sur quelle base légale ?

La mairie de {city} a installé des centaines de caméras à reconnaissance faciale dans le cadre d'un contrat où votre division cloud apparaît comme sous-traitant. Aucune consultation publique n'a eu lieu.

[h][+privacy] Un projet de loi sur la cybersécurité {in} obligerait les plateformes à conserver toutes les données de connexion pendant deux ans et à les remettre aux services de renseignement sans contrôle d'un juge. Le vote est prévu avant la fin de l'année.

[h][+whistleblower_protection] Des journalistes de {city} ont remarqué qu'après avoir contacté une source via votre messagerie, celle-ci a été convoquée par les services de renseignement dès le lendemain. Quelles métadonnées conservez-vous, et qui peut y accéder ?

Une société locale vend au gouvernement {in} un service de « veille des réseaux sociaux » capable, selon sa brochure, d'infiltrer des groupes privés sur votre plateforme avec de faux comptes pour suivre des opposants et des journalistes.

[+hrd_safety] À l'aéroport, les agents de la police des frontières {in} exigent désormais que les voyageurs, y compris des militants de retour d'exil, déverrouillent leur téléphone et donnent leurs mots de passe.
""",
        "expression": """
[+remedy] Ce mois-ci, plus de trente publications de notre média sur les violences policières à {city} ont été supprimées pour « contenu choquant », alors qu'elles comportaient un avertissement et relevaient clairement de l'information. Nos recours ont été rejetés en quelques minutes.

[h][+opaque_practices] Notre page, qui publie depuis huit ans les résultats électoraux et des contenus d'éducation civique, a été suspendue sans explication à deux jours du scrutin {in}.

[+opaque_practices] Le gouvernement {in} multiplie les demandes de retrait visant des publications critiques. Votre rapport de transparence indique une hausse des restrictions, sans préciser quels contenus ont été retirés ni pourquoi.

[+discrimination] Des mots en wolof ou en lingala qui signifient simplement « grève » ou « marche » semblent déclencher des restrictions automatiques, alors que les mêmes messages en français restent en ligne.

Un caricaturiste de {city} a vu son compte restreint trois fois après des vagues de signalements coordonnés par des comptes proches du pouvoir, à chaque fois juste après la publication d'un dessin sur la corruption.

Depuis notre enquête sur les contrats miniers {in}, la portée de nos publications s'est effondrée. On parle de shadowban ; personne chez vous ne nous dit s'il s'agit d'une sanction ou d'une erreur.

Une nouvelle loi sur les « fausses nouvelles » {in} impose aux plateformes de retirer en 24 heures tout contenu signalé par le régulateur. Nous craignons des suppressions massives par excès de prudence.
""",
        "shutdowns": """
[c] Depuis ce matin 6 h, l'internet mobile est coupé sur tout le territoire {of}. Seules quelques connexions fixes fonctionnent encore à {city}. Il y a des arrestations près des bureaux de vote et personne ne peut témoigner.

[c] Votre plateforme et deux autres messageries sont bloquées {in} depuis mardi soir ; seuls ceux qui ont un VPN peuvent y accéder, et les sites de téléchargement de VPN sont désormais bloqués à leur tour.

[h] Comme chaque année, les autorités {in} prévoient de couper l'internet mobile pendant les épreuves du baccalauréat. L'an dernier, cette coupure a privé les petits commerçants de {city} de revenus pendant plusieurs jours.

[h] Depuis le meeting de l'opposition samedi, votre service vidéo est bridé à {city} au point d'être inutilisable, alors que les autres sites se chargent normalement. Nos bénévoles ont mesuré des débits inférieurs à 100 kbit/s.

[c] Les régions du nord {of} sont privées d'internet depuis onze jours. Les ONG humanitaires ne peuvent plus coordonner les distributions et les hôpitaux ne joignent plus leurs fournisseurs.

[h] Les élections présidentielles auront lieu le 22 février et nous redoutons une nouvelle coupure comme lors du dernier scrutin {in}. Votre entreprise publiera-t-elle les ordres de coupure qu'elle reçoit ?

[h] Chaque vendredi, pendant les manifestations, les données mobiles sont coupées dans le centre de {city} de midi à 20 h, alors que les quartiers périphériques restent connectés.
""",
        "harmful_content": """
[c][+hrd_safety] Une liste avec les photos, les quartiers et les numéros de téléphone de vingt militants LGBTQ+ de {city} circule dans des groupes publics sur votre plateforme, avec des appels à « nettoyer la ville ». Deux personnes ont déjà été agressées.

[h] Depuis le début de la campagne, les candidates {in} sont visées par de fausses images à caractère sexuel et des milliers de commentaires injurieux. Plusieurs ont abandonné la course.

[h] Des publications en langue locale qualifiant une communauté de « cafards » et appelant à « finir le travail » circulent depuis des semaines. Sur les cinquante que nous avons signalées, trois seulement ont été retirées.

[h] Un réseau de comptes affirme que les agents de santé de {city} empoisonnent les enfants avec les vaccins. Deux centres de santé ont été attaqués et les équipes de vaccination ont suspendu leurs tournées.

[h][+hrd_safety] Les journalistes femmes {in} reçoivent en continu des menaces de viol sous leurs articles et dans leurs messages privés. Masquer les commentaires ne règle rien pour la messagerie.

Des pages gérées depuis l'étranger diffusent de fausses informations sur le camp de réfugiés près de {city}. Une vidéo vue plus de deux millions de fois montre des images tournées ailleurs et accuse les réfugiés d'avoir attaqué une école.

[h] Avant le référendum, nous avons recensé plus de 300 publicités affirmant que les bureaux de vote seraient fermés dans les zones d'opposition {in}. Les pages qui les ont payées avaient été créées la même semaine.
""",
        "discrimination": """
Votre système de validation des publicités rejette les campagnes de santé reproductive des associations de femmes {in} comme « contenu pour adultes », alors que des annonces presque identiques d'ONG européennes sont acceptées.

Les offres d'emploi de livreurs publiées via votre plateforme {in} ne sont montrées qu'aux hommes, et celles d'aides-soignantes qu'aux femmes, même quand l'employeur a choisi « tous les genres ».

Votre assistant vocal ne comprend aucune des langues nationales les plus parlées {in}, mais le gouvernement l'utilise désormais pour son numéro d'aide sociale. Ceux qui ne parlent pas français sont laissés de côté.

[+labour] La vérification faciale échoue beaucoup plus souvent pour les peaux noires. Des chauffeurs de {city} restent bloqués plusieurs jours parce que le selfie n'est pas reconnu, et perdent à chaque fois une journée de revenus.

[+opaque_practices] Un score de crédit calculé à partir des données de téléphone décide désormais qui obtient un microcrédit à {city}. Les habitants de certains quartiers sont systématiquement refusés, sans que personne puisse expliquer pourquoi.

[+harmful_content] Les utilisateurs {in} qui écrivent en langues locales sont beaucoup moins protégés contre les discours de haine que ceux qui écrivent en français ou en anglais.

Les réfugiés de {city} qui n'ont pas de pièce d'identité nationale ne peuvent pas vérifier leur compte et perdent l'accès au mobile money, indispensable pour recevoir l'aide.
""",
        "labour": """
[h] Nous représentons des modérateurs employés par un sous-traitant à {city} pour votre plateforme. Ils passent des journées de neuf heures devant des décapitations et des abus, avec deux courtes pauses, et aucun psychologue qualifié n'est présent sur le site.

Les livreurs {in} qui travaillent via des applications sont désactivés par un algorithme sans préavis. La semaine dernière, près de 150 livreurs de {city} ont perdu leur accès après une grève sur les tarifs.

Les annotateurs de données recrutés à {city} via une plateforme de micro-tâches sont payés à l'image, moins d'un dollar de l'heure, et les paiements arrivent souvent avec des semaines de retard.

[h] Des ouvrières d'une usine qui assemble des appareils pour l'un de vos fournisseurs {in} nous ont dit que l'agence de recrutement confisque leurs passeports et qu'elles doivent l'équivalent de huit mois de salaire en frais.

[h] Les téléconseillers qui ont tenté de créer un syndicat dans le centre d'appels de {city} ont été licenciés deux semaines plus tard. L'entreprise parle de « fin de mission ».

Les chauffeurs VTC {in} sont considérés comme des « partenaires » : pas d'assurance maladie, pas de congés, pas de retraite. Quand l'un de nos membres a été blessé dans un accident, il n'a rien reçu.

[+surveillance] Les téléconseillers qui gèrent votre service client depuis {city} sont surveillés par un logiciel qui note le « ton » de leur voix et les pénalise pour les pauses toilettes.
""",
        "hrd_safety": """
[c] Notre coordinatrice de terrain a été arrêtée chez elle à {city} à l'aube par des hommes en civil. Ils ont emporté son téléphone et son ordinateur. Nous craignons qu'ils tentent d'accéder à ses comptes chez vous.

[c] Le compte d'un avocat défenseur des droits humains {in} a été piraté cette nuit. L'attaquant a changé l'adresse de récupération et écrit à ses clients pour leur demander les pièces de leurs dossiers.

[c][+harmful_content] Une page pro-gouvernementale suivie par plus de 200 000 personnes a publié l'adresse et les habitudes d'une militante écologiste de {city}, avec la phrase « vous savez ce qu'il vous reste à faire ». Elle a dû quitter son domicile, mais la publication est toujours en ligne.

[h] Trois journalistes de {city} qui ont couvert le procès pour corruption reçoivent des menaces de mort en message privé depuis un mois. Les auteurs créent un nouveau compte à chaque fois.

[c][+surveillance] Une militante détenue depuis lundi {in} est au secret. Sa famille dit que les enquêteurs ont cité des extraits de ses conversations privées. Nous vous demandons de vérifier d'urgence les connexions suspectes et de sécuriser son compte.

[c] Depuis ce matin, la secrétaire de notre réseau n'a plus accès à son compte, et quelqu'un d'autre se trouve dans notre groupe de coordination, qui contient les noms et numéros de plus de 80 défenseurs {in}.

[h][+harmful_content] Des défenseurs des droits fonciers {in} sont régulièrement usurpés par de faux comptes qui publient de prétendus « aveux » et des insultes sous leur nom et leur photo.
""",
        "child_rights": """
[h] Des enseignants de {city} nous signalent que des hommes adultes contactent des collégiennes via le chat d'un jeu en ligne et leur proposent du crédit téléphonique en échange de photos.

[c][+harmful_content] Une adolescente de 14 ans de {city} est victime de chantage avec des images intimes par un homme qui l'a contactée sur votre plateforme. Il menace de les envoyer à son école demain.

[+privacy] Les comptes des mineurs {in} sont publics par défaut, et la plupart des jeunes mentent sur leur âge faute d'alternative adaptée. Leurs photos et le nom de leur école sont visibles de tous.

Des vidéos d'enfants qui vendent dans les marchés de {city} sont monétisées par des comptes qui les filment sans leur accord ni celui de leurs parents.

[h][+discriminatory_practices] Les signalements de contenus pédocriminels envoyés par notre ligne d'écoute {in} mettent des semaines à être traités, alors que les mêmes liens signalés depuis l'Europe disparaissent en quelques heures.

[+discrimination] Les parents {in} ne peuvent pas utiliser le contrôle parental car il n'existe qu'en anglais et en français de France, avec des termes que personne ne comprend ici.

[h] Un « défi » d'automutilation circule parmi les élèves de {city}. Deux hospitalisations y ont été liées ce mois-ci.
""",
        "remedy": """
[+inaccessible_structures] Notre recours contre la suspension de notre compte a été rejeté en quatre minutes, en anglais, sans aucune explication. Il est impossible de joindre un être humain.

[+privacy] Le dispositif d'indemnisation des victimes de la fuite de données {in} exige de se présenter en personne dans un bureau de la capitale avec un procès-verbal de police. Presque personne en dehors de {city} n'a pu faire valoir ses droits.

[+labour] Les livreurs désactivés à tort ne peuvent contester que via un chatbot. Notre syndicat a recensé 38 cas {in} où le ticket a été clôturé sans aucun examen humain.

Les familles déplacées pour la construction du centre de données près de {city} attendent depuis deux ans l'indemnisation promise. Le numéro de la ligne de réclamation ne répond plus.

Nous avons saisi votre organe de recours indépendant en mars. Huit mois plus tard, le dossier est toujours « en cours d'examen ».

[+harmful_content] On demande aux femmes dont les images intimes ont été diffusées sans consentement {in} de renvoyer ces mêmes images pour obtenir leur retrait, puis d'attendre des semaines.

[+expression] Quand nos publications ont été rétablies après recours, leur visibilité n'est jamais revenue et l'« avertissement » est resté sur le compte. Il n'existe aucun moyen de corriger l'historique.
""",
        "environment": """
[+child_rights] À la décharge de {city}, des téléphones et des chargeurs usagés sont brûlés à ciel ouvert. Des enfants fouillent les cendres pour récupérer du cuivre et la fumée recouvre le quartier chaque soir.

Le centre de données prévu près de {city} puiserait dans la même nappe que plusieurs villages agricoles, en pleine sécheresse.

[+labour] Autour des mines de cobalt {in} qui approvisionnent vos fabricants de batteries, les riverains dénoncent des rivières polluées, des galeries effondrées et des creuseurs qui travaillent sans aucune protection.

Vos engagements « 100 % renouvelable » reposent sur des certificats achetés à l'étranger, alors que les serveurs que vous louez {in} tournent au groupe électrogène pendant les délestages.

[+labour] À {city}, des récupérateurs informels démontent des ordinateurs à mains nues et respirent les fumées du plastique et de la soudure. Aucune des marques retrouvées n'a de programme de reprise ici.

[+opaque_practices] La station d'atterrissage du nouveau câble sous-marin près de {city} a été construite dans une mangrove, et l'étude d'impact environnemental n'a jamais été communiquée aux pêcheurs.

Les pêcheurs de la côte {of} disent que leurs prises ont chuté de moitié depuis l'ouverture des carrières de sable et d'étain destinées à l'électronique.
""",
        "other": """
Nous suivons le projet de votre entreprise d'ouvrir un bureau et de signer un partenariat avec le gouvernement {in}. Quelle diligence raisonnable en matière de droits humains a été menée avant cette décision ?

Notre réseau prépare une note sur la manière dont les entreprises technologiques appliquent les Principes directeurs des Nations unies dans les zones de conflit, notamment {in}.

Nous avons appris que votre entreprise envisage de quitter le marché {in}. Un départ brutal priverait des millions de personnes de services essentiels ; nous souhaitons discuter des conditions d'un retrait responsable.

Votre dernier rapport de durabilité évoque un « dialogue avec les parties prenantes en Afrique », sans dire qui a été consulté {in}.
""",
    },
    "challenges": {
        "opaque_practices": """
Nous ne savons toujours pas qui a pris la décision, sur quelle base, ni si une demande du gouvernement est en cause.

Votre rapport de transparence range {name} dans la catégorie « autres pays », ce qui ne nous apprend rien.

Quand nous avons demandé combien de réquisitions vous aviez reçues des autorités {of}, on nous a répondu que c'était confidentiel.

Les règles ont changé deux fois cette année sans annonce, et les anciennes versions ont disparu de votre site.

On nous a parlé d'un « examen interne », mais nous n'en avons vu ni les conclusions, ni même un résumé.

Personne n'a pu nous dire quel prestataire modère les contenus dans nos langues, ni combien de ses modérateurs les parlent.
""",
        "inaccessible_structures": """
Nous avons écrit à trois adresses différentes et rempli deux fois le formulaire en ligne depuis août. Nous n'avons reçu que des réponses automatiques.

Votre entreprise n'a ni bureau ni représentant {in}, et le bureau régional censé nous couvrir ne répond pas au téléphone.

Notre précédent courriel nous est revenu avec la mention « boîte pleine ». Nous avons trouvé cette adresse sur une diapositive de conférence.

Le formulaire de signalement n'existe qu'en anglais et exige une connexion, ce qui exclut la plupart des personnes que nous accompagnons.

À chaque fois que nous joignons quelqu'un, on nous dit que ce n'est pas le bon service et on nous renvoie vers une autre adresse qui ne répond jamais.

Votre portail partenaires exige un numéro d'immatriculation d'entreprise que les associations communautaires n'ont pas.
""",
        "limited_capacity": """
Nous sommes une équipe de trois bénévoles et nous ne pouvons pas documenter chaque cas dans le format exigé par vos formulaires.

Nous n'avons ni l'expertise technique pour analyser les journaux de connexion, ni les moyens de payer un laboratoire d'analyse forensique.

Notre financement pour ce travail s'arrête en décembre ; nous devons donc limiter le nombre de réunions.

Nous avons compris que votre équipe pour l'Afrique francophone est très réduite : une seule personne couvrirait plus de vingt pays.

Peu de nos membres écrivent en anglais, c'est pourquoi nous vous écrivons en français et vous remercions de votre patience.

Nous avons eu une semaine pour commenter un projet de politique de soixante pages, sans traduction, et n'avons pas pu consulter nos partenaires à temps.
""",
        "whistleblower_protection": """
Merci de ne pas communiquer mon nom ni celui du centre au sous-traitant. Ceux qui ont parlé à la presse l'an dernier ont perdu leur emploi.

Je travaille au sein de l'entreprise qui exploite ce système et je vous écris depuis une adresse personnelle. Je vous demande la plus stricte confidentialité.

Les travailleurs qui nous ont livré ces témoignages craignent des représailles. Nous avons retiré leurs noms et ne les communiquerons que si vous garantissez leur protection.

Après notre dernier rapport, la direction a découvert qui nous avait parlé et deux de nos sources ont été mutées.

Nous envoyons ce message sans signature car la dernière personne qui a signalé le problème en interne a été licenciée.

Notre source dispose de documents qui le prouvent, mais elle ne vous parlera que par notre intermédiaire et ne signera rien.
""",
        "discriminatory_practices": """
Quand des contenus similaires visaient des utilisateurs en Europe, votre entreprise a réagi en quelques heures. Ici, nous attendons depuis des semaines.

Vos consultations se tiennent toujours en anglais, à Washington ou à Bruxelles, à des heures qui tombent en pleine nuit pour nous.

Nous avons l'impression que les utilisateurs du Sud global sont des clients de seconde zone : moins de modérateurs, moins de langues, moins de protections.

Les organisations {of} n'ont pas été invitées à la consultation régionale, alors que des ONG basées en Europe ont été invitées à parler en notre nom.

Votre programme de signaleurs de confiance compte des partenaires dans quarante pays, mais aucun en Afrique centrale.

Votre réponse est arrivée en anglais un mois plus tard, alors que les organisations des marchés plus riches reçoivent une réponse dans leur langue en quelques jours.
""",
        "lack_of_commitment": """
Nous avons participé à votre consultation l'an dernier, formulé des recommandations détaillées, et n'avons jamais su ce qu'il en était advenu.

Lors de notre réunion de juin, vous aviez promis un retour sous un mois. Nous l'attendons toujours.

La consultation n'était qu'une formalité : la politique avait déjà été adoptée quand on nous a demandé notre avis.

Chaque fois que nous soulevons ce problème, on nous remercie pour nos « retours » et rien ne change.

L'étude d'impact sur les droits humains pour {name} a été annoncée il y a deux ans ; elle n'a toujours pas été publiée.

La personne avec qui nous travaillions a quitté l'entreprise et personne n'a repris le dossier.
""",
    },
    "asks": {
        "allegation": """
Nous vous demandons d'examiner ces cas, de rétablir les contenus supprimés à tort et de nous indiquer les mesures prises pour éviter que cela se reproduise.

Nous vous prions d'ouvrir une enquête et d'en communiquer les conclusions aux personnes concernées.

Merci de nous indiquer qui, au sein de votre entreprise, est responsable de cette question, et dans quel délai nous pouvons espérer une réponse.

Nous sollicitons une réponse écrite sous quinze jours.

Dans l'attente de votre réponse, nous restons à votre disposition pour tout complément d'information.
""",
        "urgent": """
Merci d'agir en urgence, chaque heure compte.

Nous avons besoin que quelqu'un de votre équipe sécurité nous contacte aujourd'hui même au numéro ci-dessous.

Sécurisez le compte, conservez les preuves et ne transmettez aucune donnée aux autorités sans nous prévenir.

Pouvez-vous faire remonter ce cas immédiatement ? Nous sommes joignables jour et nuit.

Nous vous demandons de retirer la publication tout de suite et de nous dire ce que vous pouvez faire d'autre pour la protéger.
""",
        "engagement_request": """
Nous souhaiterions rencontrer votre équipe droits humains pour échanger sur {topic} {in}. Un appel en visioconférence dans les prochaines semaines nous conviendrait.

Serait-il possible d'organiser une consultation avec les communautés concernées ? Nous pouvons l'accueillir à {city} et assurer l'interprétation.

Nous proposons une réunion avec vos équipes politiques publiques et trust & safety avant la fin du mois.

Nous aimerions vous présenter nos constats et convenir ensemble des prochaines étapes.
""",
        "information_request": """
Je vous serais reconnaissante de répondre aux questions suivantes d'ici vendredi : combien de demandes de données avez-vous reçues des autorités {of} cette année ? Combien ont été satisfaites ? Combien de vos modérateurs parlent les langues locales ?

Pourriez-vous nous indiquer si votre entreprise dispose d'une politique sur {topic} et où elle est publiée ?

Nous aimerions connaître le nombre de plaintes relatives à {topic} reçues d'utilisateurs {in} au cours des douze derniers mois, et la suite qui leur a été donnée.

Souhaitez-vous réagir à ces cas pour notre article ? Nous publions la semaine prochaine.
""",
        "submission_attached": """
Veuillez trouver ci-joint notre rapport sur {topic} {in}, fondé sur une soixantaine d'entretiens. Vos commentaires sont bienvenus avant sa publication le 10 décembre.

Nous vous transmettons en pièce jointe notre dernière note de recherche ; les recommandations adressées à votre entreprise figurent en pages 4 et 5.

Je joins le jeu de données et une note méthodologique. Nous intégrerons volontiers votre réponse dans la version finale.
""",
        "submission_link": """
Notre rapport complet sur {topic} est disponible à l'adresse https://{domain}/rapport-2026. Nous serions heureux d'en discuter avec vous.

Nous partageons notre rapport alternatif, consultable sur https://{domain}/publications. Vos observations sont les bienvenues.
""",
        "invitation": """
Nous avons le plaisir d'inviter un représentant de votre entreprise à intervenir lors d'une table ronde sur {topic}, à notre forum régional de {city}, le 12 février 2027.

Nous organisons un webinaire sur {topic} le 9 décembre et serions honorés qu'une personne de votre équipe droits humains y prenne la parole.

Vous êtes invités à un atelier à huis clos avec des organisations de la société civile {of}, prévu à {city} en janvier. Les frais de voyage peuvent être pris en charge.
""",
        "follow_up": """
Je me permets de revenir vers vous au sujet de notre courrier du {pdate} concernant {topic}.

Comme convenu lors de notre appel, voici des informations complémentaires sur les cas évoqués.

Merci pour votre réponse. Vous trouverez ci-dessous les précisions demandées.

Nous vous écrivons de nouveau au sujet du dossier {ref}, toujours ouvert de notre côté.
""",
        "evidence_attached": """
Je joins des captures d'écran des publications et un tableau avec les liens.

Le fichier joint recense les dates, les lieux et les liens que nous avons documentés.
""",
        "general_info": """
Étudiante en master, je rédige un mémoire sur les politiques de droits humains des entreprises du numérique. Votre politique en la matière est-elle publique ? Où puis-je la consulter ? Merci d'avance.

Bonjour, pourriez-vous m'envoyer votre dernier rapport sur les droits humains et me dire s'il existe une version en français ? Je souhaite l'utiliser pour un cours.
""",
        "general_invite": """
Nous avons le plaisir de vous inviter à notre colloque annuel « Numérique et société », qui se tiendra à {city} les 4 et 5 mars 2027. L'inscription est gratuite.
""",
    },
    "greet": {
        "formal": ["Madame, Monsieur,", "Chère équipe Droits humains,", "Mesdames et Messieurs,", "À l'attention de l'équipe Droits humains,", "Bonjour {staff},"],
        "informal": ["Bonjour,", "Bonsoir,", "Salut l'équipe,", "Bonjour depuis {city} !"],
        "urgent": ["URGENT", "Bonjour, merci de lire ceci en urgence.", "Urgent !", ""],
    },
    "close": {
        "formal": ["Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.", "Cordialement,", "Bien cordialement,", "Respectueusement,"],
        "informal": ["Merci d'avance,", "Bien à vous,", "Bonne journée", "Merci beaucoup"],
        "urgent": ["Merci", "Aidez-nous svp", "Merci infiniment"],
    },
    "intro": {
        "ngo": ["Je vous écris au nom de {org}, {desc} basée à {ocity}.", "{org} est {desc} active {in} depuis 2013.", "Je m'appelle {pname} et je coordonne le programme droits numériques de {org}."],
        "journalist": ["Je m'appelle {pname}, je suis journaliste à {org}.", "Journaliste à {org}, {desc}, je prépare une enquête sur {topic}."],
        "academic": ["Je suis chercheuse à {org}, {desc}, où nous étudions {topic}.", "Avec mes collègues de {org}, nous travaillons depuis un an sur {topic}."],
        "community": ["nous sommes un groupe de quartier à {ocity}.", "Je m'appelle {pfirst} et j'écris pour {org}."],
        "coalition": ["Les organisations signataires souhaitent vous faire part de leur vive inquiétude concernant {topic} {in}.", "Ce courrier vous est adressé au nom de {org}, {desc}, et des organisations dont la liste figure ci-dessous."],
        "lawyer": ["Avocate au sein de {org}, je représente plusieurs personnes affectées par {topic}.", "Je vous écris en qualité de conseil, au sein de {org}, {desc} à {ocity}."],
        "union": ["Je suis secrétaire général de {org}, {desc} présent à {ocity}.", "Nous sommes {org}, {desc}, et nous vous écrivons au nom de nos adhérents."],
        "hrd": ["Je suis défenseure des droits humains.", "Je m'appelle {pname}, je suis militant.", ""],
    },
    "roles": {
        "ngo": ["Directrice exécutive", "Chargé de programme", "Responsable plaidoyer", "Coordinatrice droits numériques"],
        "journalist": ["Journaliste", "Rédactrice en chef adjointe", "Reporter"],
        "academic": ["Chercheuse", "Maître de conférences", "Doctorant"],
        "community": ["Présidente", "Secrétaire général", "Porte-parole"],
        "coalition": ["Coordination, au nom des signataires", "Secrétariat exécutif"],
        "lawyer": ["Avocate au barreau", "Avocat associé", "Juriste"],
        "union": ["Secrétaire général", "Déléguée syndicale"],
        "hrd": ["Défenseure des droits humains", "Militant"],
    },
    "disclaimer": "AVERTISSEMENT : Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leur destinataire. Si vous l'avez reçu par erreur, merci d'en informer l'expéditeur et de le supprimer.",
    "also": ["Des cas similaires ont été signalés {in2}.", "Nos partenaires {in2} décrivent la même tendance.", "La même chose se produit désormais {in2}."],
    "topics": {
        "privacy": ["l'utilisation abusive des données personnelles", "la fuite de données d'utilisateurs", "le consentement et la protection des données"],
        "surveillance": ["les logiciels espions visant des militants", "la reconnaissance faciale", "l'accès des autorités aux données", "la surveillance des manifestants"],
        "expression": ["la censure des contenus", "la suspension de comptes de médias", "les suppressions abusives de publications"],
        "shutdowns": ["la coupure d'internet", "le blocage des réseaux sociaux", "les perturbations du réseau mobile"],
        "harmful_content": ["les discours de haine", "le cyberharcèlement des femmes", "les campagnes de désinformation"],
        "discrimination": ["les biais algorithmiques", "le traitement inégal des langues locales", "les décisions automatisées discriminatoires"],
        "labour": ["les conditions de travail des modérateurs", "les droits des travailleurs des plateformes", "le travail forcé dans la chaîne d'approvisionnement"],
        "hrd_safety": ["les menaces contre les défenseurs des droits humains", "la sécurité des journalistes et militants", "l'arrestation d'une militante", "le piratage de comptes de défenseurs"],
        "child_rights": ["la protection des enfants en ligne", "l'exploitation des mineurs", "les données des enfants"],
        "remedy": ["l'accès aux voies de recours", "la procédure d'appel", "les mécanismes de réclamation"],
        "environment": ["les déchets électroniques", "l'impact environnemental des centres de données", "l'extraction minière"],
        "other": ["la diligence raisonnable en matière de droits humains", "votre politique de droits humains", "la conduite responsable des entreprises"],
    },
    "subjects": {
        "allegation": ["{topic} {in}", "Préoccupations concernant {topic} {in}", "Signalement : {topic} à {city}", "Alerte - {topic}", "Plainte relative à {topic}"],
        "engagement_request": ["Demande de rendez-vous : {topic}", "Demande de rencontre avec votre équipe droits humains", "Proposition de dialogue sur {topic} {in}"],
        "information_request": ["Demande presse : {topic} {in}", "Questions sur {topic}", "Demande d'informations - {topic}"],
        "submission": ["Nouveau rapport : {topic} {in}", "Transmission de notre étude sur {topic}", "Nos conclusions sur {topic}"],
        "invitation": ["Invitation : table ronde sur {topic}", "Invitation à un webinaire - {topic}", "Invitation à un atelier à {city}"],
        "general_info": ["Demande d'information sur votre politique de droits humains", "Demande de rapport"],
        "general_invite": ["Invitation : colloque annuel 2027"],
    },
    "urgent_subjects": ["URGENT : {topic} {in}", "URGENT !!! {city}", "Urgent - besoin d'aide", "Alerte urgente : {topic}"],
    "followup_subject": ["Relance : {subject}", "RE: {subject}", "Toujours sans réponse - {subject}"],
    "fwd_note": ["Je vous transfère le message d'une habitante de {city} qui nous a demandé de vous le faire parvenir. Merci de le traiter avec prudence.", "Pour information, ci-dessous le courriel reçu hier d'une organisation partenaire.", "Transféré à sa demande ; la personne n'a aucun contact dans votre entreprise."],
    "staff_says": [
        "Merci pour votre message. Nous l'avons enregistré sous la référence {ref}. Pourriez-vous nous transmettre des liens ou captures d'écran qui nous aideraient à examiner la situation ?",
        "Merci de nous avoir contactés. Notre équipe étudie les informations. Pourriez-vous nous dire combien de personnes sont concernées ?",
        "Veuillez nous excuser pour ce délai. Pouvez-vous confirmer que les comptes concernés ont été signalés via l'application ?",
    ],
    "staff_reply": "Bonjour {first},\n\nMerci pour votre courrier et pour ces informations détaillées. Nous les avons partagées avec les équipes concernées et enregistrées sous la référence {ref}. Nous serions heureux d'organiser un appel dans les prochaines semaines ; pourriez-vous nous proposer quelques créneaux ?\n\nBien cordialement,\n{staff}\nÉquipe Droits humains",
    "signatories": "Organisations signataires :",
    "sign_orgs": ["Centre des droits numériques de {city}", "Réseau des journalistes - {plain}", "Collectif féministe de {city}", "Observatoire citoyen - {plain}", "Jeunesse pour la démocratie - {plain}", "Radio communautaire de {city}", "Association des juristes - {plain}"],
    "oos": {
        "spam": [
            ("Boostez la visibilité de votre association - 10 000 abonnés garantis", "Bonjour,\n\nNous aidons les associations à gagner en visibilité RAPIDEMENT : 10 000 abonnés réels en 7 jours, sans mot de passe, 100 % sécurisé.\n\nOffres à partir de 49 EUR. Répondez OUI pour un essai gratuit !\n\nL'équipe CroissancePlus"),
        ],
        "newsletter": [
            ("Lettre d'information - novembre", "Chers amis,\n\nVoici les nouvelles du mois. Deux nouvelles collègues ont rejoint l'équipe communication et notre comptable prend sa retraite après onze ans parmi nous.\n\nOffre d'emploi : nous recrutons un(e) chargé(e) administratif(ve). Candidatures jusqu'au 30 novembre.\n\nMerci de votre soutien !\n\nVous recevez ce courriel car vous êtes inscrit(e) sur notre site."),
        ],
        "autoreply": [
            ("Réponse automatique : {subject}", "Bonjour, je suis absente du bureau jusqu'au 17 novembre avec un accès limité à mes courriels. Pour toute urgence, écrivez à contact@{domain}."),
        ],
        "unrelated": [
            ("Impossible de me connecter", "Bonjour, j'ai changé de téléphone et je ne reçois plus le code de connexion. J'ai essayé deux fois le formulaire de récupération. Pouvez-vous m'aider ? Mon identifiant est soleil_du_sud. Merci"),
        ],
    },
}

PT = {
    "issues": {
        "privacy": """
Um aplicativo de empréstimo muito usado {in} copia toda a agenda de contatos de quem pede dinheiro. Quando alguém atrasa uma parcela, a empresa manda mensagens para a família e para o chefe. Várias pessoas da nossa comunidade em {city} passaram por isso sem nunca ter dado consentimento.

[h] Vazou uma planilha com nome, CPF, endereço e diagnóstico de cerca de 4 mil pacientes de uma rede de clínicas em {city}. O arquivo está sendo compartilhado em grupos públicos no seu serviço de mensagens e já há gente recebendo ligações de golpistas.

[+opaque_practices] A nova verificação de identidade pede aos usuários {in} uma foto do documento e uma selfie, mas a política de privacidade não diz por quanto tempo essas imagens ficam guardadas nem com quem são compartilhadas. A lei de proteção de dados exige consentimento específico para dados biométricos.

Durante a campanha, eleitores de {city} receberam anúncios políticos com o próprio nome e o nome do bairro. Suspeitamos que listas vazadas foram usadas para criar públicos personalizados na sua ferramenta de anúncios.

Mesmo com a localização desligada, o app continua enviando a posição exata do aparelho para empresas de análise de dados. Confirmamos isso com capturas de tráfego em celulares comprados em {city}.

[+child_rights] Escolas estaduais de {city} obrigaram os alunos a instalar um aplicativo de frequência que registra a localização o dia inteiro, inclusive nos fins de semana. As famílias não foram consultadas.

Funcionários de lojas de chip revelaram que cadastros de clientes, com cópia do documento de identidade, estão sendo vendidos em canais de mensagens. Alguns desses cadastros pertencem a ativistas de {city}.
""",
        "surveillance": """
[c][+hrd_safety] Ontem à noite uma jornalista da nossa rede recebeu um SMS com um link que, segundo o laboratório que nos apoia, é uma tentativa de instalar spyware. Ela clicou. Precisamos saber com urgência se a conta dela na sua plataforma foi acessada de outro aparelho.

[h][+hrd_safety] Em depoimento, a polícia {in} mostrou a lideranças comunitárias prints das suas conversas privadas e o histórico de localização. Queremos saber se a sua empresa entregou esses dados, com base em qual ordem judicial, e se os usuários foram notificados.

A prefeitura de {city} instalou centenas de câmeras com reconhecimento facial nas estações de ônibus, com software hospedado na sua nuvem. Não houve consulta pública e ninguém sabe quem tem acesso às imagens.

[h][+privacy] Um projeto de lei {in} obrigaria as plataformas a guardar por dois anos os metadados de todas as comunicações e a entregá-los às autoridades sem ordem judicial. A votação deve acontecer antes do recesso.

[+discrimination] Moradores das favelas de {city} são os mais expostos às câmeras inteligentes da operação policial, e os erros de identificação atingem quase sempre pessoas negras.

Uma empresa local oferece ao governo {in} um serviço de "monitoramento de redes" que promete infiltrar grupos privados na sua plataforma com perfis falsos para acompanhar opositores e jornalistas.

[h][+whistleblower_protection] Jornalistas de {city} perceberam que, depois de contatarem uma fonte pelo seu aplicativo de mensagens, essa pessoa foi chamada pelos serviços de inteligência no dia seguinte. Que metadados vocês guardam e quem pode ter acesso a eles?
""",
        "expression": """
[+remedy] No último mês, mais de trinta publicações do nosso coletivo sobre a violência policial em {city} foram removidas como "conteúdo explícito", embora tivessem aviso e fossem claramente jornalísticas. Os recursos foram negados em minutos.

[h][+opaque_practices] A página da nossa rádio comunitária foi suspensa sem explicação na véspera da eleição {in}. Era o nosso principal canal para transmissões ao vivo.

Desde que publicamos a reportagem sobre o garimpo ilegal {in}, o alcance das nossas postagens caiu 80%. Parece um shadowban, mas ninguém explica se é punição ou erro.

Sempre que postamos vídeos das manifestações em {city} aparecem denúncias falsas de direitos autorais, feitas por contas criadas no mesmo dia, e o conteúdo sai do ar automaticamente.

[+opaque_practices] O governo {in} enviou dezenas de pedidos de remoção de publicações críticas alegando "desinformação". O relatório de transparência de vocês não informa quantos foram atendidos.

Uma cartunista de {city} perdeu o acesso à conta depois de uma onda de denúncias em massa organizada por perfis ligados ao governo local.

[+discrimination] Palavras em línguas indígenas que usamos para convocar assembleias são marcadas como spam, enquanto o mesmo texto em português continua no ar.
""",
        "shutdowns": """
[c] Desde as 6h de hoje a internet móvel está cortada em todo o território {of}. Só algumas conexões fixas funcionam em {city}. Há relatos de prisões perto das seções eleitorais e ninguém consegue denunciar.

[c] Desde terça-feira à noite a sua plataforma e outros dois aplicativos de mensagens estão bloqueados {in}. Só quem tem VPN consegue acessar, e os sites para baixar VPN também começaram a ser bloqueados.

[h] Como nos anos anteriores, as autoridades {in} pretendem desligar a internet móvel durante os exames nacionais, que começam em 1º de dezembro. No ano passado o apagão deixou pequenos comerciantes de {city} sem renda por dias.

[h] Desde o comício da oposição no sábado, o seu serviço de vídeo está tão lento em {city} que é impossível usar, enquanto outros sites carregam normalmente. Nossos voluntários mediram velocidades abaixo de 100 kbps.

[c] O norte {of} está sem internet há onze dias. As organizações humanitárias não conseguem coordenar a distribuição de alimentos e os hospitais não falam com os fornecedores.

[h] As eleições gerais serão em março e temos medo de um novo apagão como o da última votação {in}. A empresa vai tornar públicas as ordens de bloqueio que receber?

[h] O regulador {in} mandou as operadoras bloquearem o seu aplicativo de mensagens "até nova ordem". Já são cinco semanas e os pequenos vendedores perderam o principal canal de vendas.
""",
        "harmful_content": """
[c][+hrd_safety] Uma lista com fotos, bairros e telefones de dezoito ativistas LGBTQIA+ de {city} está circulando em grupos públicos da sua plataforma, com chamados para "limpar a cidade". Duas pessoas da lista já foram agredidas.

[h] Desde o início da campanha, candidatas {in} são alvo de montagens sexuais feitas com inteligência artificial e de milhares de comentários ofensivos. Algumas já desistiram da disputa.

[h] Perfis coordenados espalham que os agentes de saúde de {city} estão "envenenando crianças" com as vacinas. Dois postos de saúde foram atacados e as equipes suspenderam as visitas.

[h][+hrd_safety] Jornalistas mulheres {in} recebem ameaças de estupro nos comentários e nas mensagens privadas. Ocultar comentários não resolve nada nas mensagens diretas.

[h][@HT] Páginas afirmam que os imigrantes haitianos em {city} "trazem doenças" e pedem que sejam "expulsos do bairro". Depois de um vídeo viral, duas casas foram incendiadas.

[+discrimination] Mulheres trans de {city} contam que suas fotos são roubadas e usadas em perfis falsos com insultos e o endereço delas. Para denunciar a falsificação, a plataforma pede um documento que muitas não têm.

[h] Contamos mais de 300 anúncios dizendo que as seções eleitorais em bairros da oposição estariam fechadas. As páginas que pagaram por eles foram criadas na mesma semana.
""",
        "discrimination": """
O sistema automático de aprovação de anúncios recusa campanhas de saúde sexual de organizações de mulheres {in} como "conteúdo adulto", enquanto anúncios quase iguais de ONGs europeias são aprovados.

Vagas de entregador divulgadas pela sua plataforma {in} aparecem quase só para homens, e vagas de cuidadora quase só para mulheres, mesmo quando o empregador escolhe "todos os gêneros".

[+labour] O reconhecimento facial falha muito mais com pessoas negras. Motoristas de {city} ficam bloqueados por dias porque a selfie não é reconhecida e perdem um dia de trabalho a cada vez.

[+opaque_practices] Financeiras {in} usam uma pontuação de crédito baseada em dados do celular. Moradores de certos bairros de {city} são recusados sempre, e ninguém consegue explicar o motivo.

O assistente de voz não entende as línguas nacionais mais faladas {in}, mas o governo passou a usá-lo na linha de atendimento dos programas sociais. Quem não fala português fica sem atendimento.

Pessoas com deficiência em {city} não conseguem concluir o cadastro: o captcha não tem opção em áudio e o aplicativo não funciona com os leitores de tela mais usados aqui.

[+harmful_content] Usuários {in} que escrevem em línguas locais recebem muito menos proteção contra discurso de ódio do que quem escreve em português ou inglês.
""",
        "labour": """
[h] Representamos moderadores de conteúdo contratados por uma terceirizada em {city} que revisa material para a sua plataforma. Fazem turnos de nove horas vendo violência extrema e o "apoio psicológico" é uma palestra por mês.

Entregadores de aplicativo {in} são desligados pelo algoritmo sem aviso nem explicação. Depois do breque do mês passado, mais de duzentos entregadores de {city} foram bloqueados.

Pessoas que rotulam dados para treinar inteligência artificial a partir de {city} recebem por tarefa, às vezes menos de um dólar por hora, e os pagamentos atrasam semanas.

[h] Trabalhadoras de uma fábrica fornecedora {in} contaram que a agência de recrutamento retém os passaportes e que elas devem taxas equivalentes a seis meses de salário.

[h] Os operadores de telemarketing que tentaram fundar um sindicato no call center de {city} foram demitidos duas semanas depois. A empresa fala em "fim de contrato".

Motoristas {in} são tratados como "parceiros": sem seguro, sem férias, sem previdência. Quando um colega sofreu um acidente em {city}, não recebeu nada.

[+surveillance] Atendentes que cuidam do seu suporte ao cliente em {city} são monitorados por um software que avalia o "tom de voz" e desconta as idas ao banheiro.
""",
        "hrd_safety": """
[c] Nossa coordenadora de campo foi presa em casa, em {city}, hoje de madrugada, por homens à paisana. Levaram o celular e o computador dela. Temos medo de que tentem entrar nas contas dela; por favor nos ajudem a protegê-las.

[c] A conta de um advogado de direitos humanos {in} foi hackeada esta noite. O invasor trocou o e-mail de recuperação e está escrevendo para os clientes dele pedindo documentos dos processos.

[c][+harmful_content] Uma página governista com mais de 150 mil seguidores publicou o endereço e a rotina de uma liderança ambiental de {city}, com a frase "vocês sabem o que fazer". Ela teve que sair de casa, mas a publicação continua no ar.

[h] Três jornalistas que cobriram o julgamento por corrupção {in} recebem ameaças de morte por mensagem direta, sempre de contas novas.

[c][+surveillance] Uma ativista presa desde segunda-feira {in} está incomunicável. A família diz que os interrogadores citaram trechos das conversas privadas dela. Pedimos com urgência que verifiquem acessos suspeitos e protejam a conta.

[c] Desde hoje de manhã a administradora do nosso grupo de coordenação perdeu o acesso à conta, e outra pessoa está dentro do grupo, onde estão os nomes e telefones de mais de 70 defensoras de todo o país {in}.

[h][+surveillance] Depois de ser solto, um líder estudantil de {city} encontrou um rastreador GPS na moto e agora recebe ligações anônimas descrevendo por onde andou.
""",
        "child_rights": """
[h] Professoras de {city} nos alertaram que homens adultos estão abordando meninas pelo chat de um jogo online e oferecendo créditos de celular em troca de fotos.

[c][+harmful_content] Uma adolescente de 14 anos de {city} está sendo chantageada com imagens íntimas por alguém que a conheceu na sua plataforma. Ele ameaçou mandar as fotos para a escola dela amanhã.

[+privacy] As contas de menores {in} são públicas por padrão e muitas crianças mentem a idade. Fotos e nome da escola ficam visíveis para qualquer pessoa.

Vídeos de crianças vendendo nas feiras de {city} estão sendo monetizados por perfis que as filmam sem autorização delas nem das famílias.

[+privacy] Um aplicativo educacional usado nas escolas públicas {in} coleta a localização e os contatos dos alunos e compartilha com anunciantes.

[h] Um "desafio" de automutilação está circulando entre alunos do ensino médio em {city}. Já houve duas internações este mês.

Adolescentes {in} estão sendo atraídos para apostas online por vídeos de influenciadores e anúncios sem nenhuma restrição de idade.
""",
        "remedy": """
[+inaccessible_structures] Recorremos da suspensão da nossa conta e a resposta veio em quatro minutos, em inglês, sem nenhuma explicação. Não há como falar com uma pessoa.

[+labour] Entregadores desativados por engano só podem recorrer por um chatbot. Documentamos 44 casos {in} em que o chatbot encerrou o chamado sem revisão humana.

Famílias removidas para a construção do data center perto de {city} esperam há dois anos a indenização prometida. O telefone da ouvidoria não existe mais.

[+privacy] O programa de reparação para as vítimas do vazamento de dados {in} exige boletim de ocorrência e comparecimento presencial num escritório da capital. Quase ninguém conseguiu pedir.

Apresentamos um recurso ao seu conselho de revisão independente em março. Oito meses depois o status continua "em análise".

[+harmful_content] Para pedir a remoção de imagens íntimas divulgadas sem consentimento {in}, as mulheres precisam enviar as imagens de novo e esperar semanas.

[+expression] Quando as nossas publicações foram restauradas após recurso, o alcance nunca voltou e a "advertência" continuou na conta. Não existe forma de corrigir o histórico.
""",
        "environment": """
[+child_rights] No lixão na saída de {city}, celulares e carregadores são queimados a céu aberto. Crianças procuram cobre nas cinzas e a fumaça cobre o bairro todo fim de tarde.

O data center previsto perto de {city} usaria a água do mesmo aquífero que abastece comunidades agrícolas, em plena seca.

Comunidades ribeirinhas {in} denunciam que o garimpo de cassiterita para a indústria eletrônica contaminou os rios com mercúrio e lama.

[+labour] Catadores de {city} desmontam computadores com as mãos e respiram a fumaça do plástico e da solda. Nenhuma das marcas que encontramos tem programa de logística reversa aqui.

A empresa diz usar energia 100% renovável, mas os servidores que aluga {in} funcionam com geradores a diesel durante os apagões.

[+opaque_practices] A estação do novo cabo submarino perto de {city} foi construída sobre um mangue, e o estudo de impacto ambiental nunca foi mostrado às comunidades de pescadores.

[+labour] Com as ondas de calor, entregadores de {city} trabalham sob mais de 40 graus sem pontos de água nem sombra, e o aplicativo penaliza quem para nas horas mais quentes.
""",
        "other": """
Acompanhamos com atenção os planos da sua empresa de abrir um escritório e firmar uma parceria com o governo {in}. Que diligência em direitos humanos foi feita antes dessa decisão?

Estamos preparando um relatório sobre como as empresas de tecnologia aplicam os Princípios Orientadores da ONU sobre Empresas e Direitos Humanos {in}.

Soubemos que a empresa pode sair do mercado {in}. Uma saída repentina deixaria milhões de pessoas sem serviços essenciais; queremos conversar sobre uma saída responsável.

O último relatório de sustentabilidade fala em "diálogo com partes interessadas nos países lusófonos", mas não diz quem foi consultado {in}.
""",
    },
    "challenges": {
        "opaque_practices": """
Continuamos sem saber quem tomou a decisão, com qual critério, ou se houve pedido do governo.

O relatório de transparência coloca {name} em "outros países", o que não nos diz nada.

Quando perguntamos quantos pedidos de dados vocês receberam das autoridades {of}, a resposta foi que a informação é confidencial.

As regras mudaram duas vezes este ano sem aviso e as versões anteriores sumiram do site.

Disseram que houve uma "revisão interna", mas nunca vimos as conclusões nem um resumo.

Ninguém soube dizer qual empresa modera o conteúdo na nossa língua nem quantos moderadores a falam.
""",
        "inaccessible_structures": """
Escrevemos para três endereços diferentes e preenchemos o formulário duas vezes desde agosto. Só recebemos respostas automáticas.

A empresa não tem escritório nem representante {in}, e o escritório regional não atende o telefone.

O nosso e-mail anterior voltou com a mensagem "caixa cheia". Encontramos este endereço num slide de conferência.

O formulário de denúncia só existe em inglês e exige login, o que exclui a maioria das pessoas com quem trabalhamos.

Toda vez que falamos com alguém, dizem que não é a equipe certa e passam outro e-mail que nunca responde.

O portal de parceiros pede um número de registro de empresa (CNPJ) que grupos comunitários como o nosso não têm.
""",
        "limited_capacity": """
Somos uma equipe de três voluntárias e não conseguimos documentar cada caso no formato que os formulários exigem.

Não temos capacidade técnica para analisar os registros nem dinheiro para pagar uma perícia.

O nosso financiamento para este trabalho termina em dezembro, então precisamos ser realistas quanto ao número de reuniões.

Entendemos que a equipe de vocês para a região é muito pequena; parece que uma só pessoa cuida de mais de vinte países.

Poucas pessoas da nossa organização escrevem em inglês, por isso escrevemos em português e pedimos paciência.

Tivemos uma semana para comentar uma minuta de sessenta páginas, sem tradução, e não conseguimos consultar nossas bases.
""",
        "whistleblower_protection": """
Por favor, não compartilhem o meu nome nem o nome do centro com a terceirizada. Quem falou com a imprensa no ano passado foi demitido.

Trabalho dentro da empresa que opera o sistema e escrevo de um e-mail pessoal. Peço sigilo absoluto.

As trabalhadoras que deram depoimento têm medo de retaliação. Retiramos os nomes e só os compartilharemos se vocês garantirem a proteção delas.

Depois do nosso último relatório, os supervisores descobriram quem tinha falado conosco e transferiram duas fontes para outra unidade.

Enviamos isto sem assinatura porque a última pessoa que denunciou o problema internamente foi demitida.

A nossa fonte tem documentos que provam isso, mas só vai falar por nosso intermédio e não vai assinar nada.
""",
        "discriminatory_practices": """
Quando um conteúdo parecido atingiu usuários na Europa, vocês reagiram em poucas horas. Aqui estamos esperando há semanas.

As consultas são sempre em inglês, em Washington ou Bruxelas, em horários que para nós são de madrugada.

Parece que os usuários do Sul Global são clientes de segunda classe: menos moderadores, menos idiomas, menos proteção.

As organizações {of} não foram convidadas para a consulta regional, enquanto ONGs europeias falaram em nosso nome.

O programa de sinalizadores confiáveis tem parceiros em quarenta países, mas nenhum na África lusófona.

A resposta de vocês chegou em inglês e um mês depois, enquanto organizações de mercados mais ricos recebem resposta na própria língua em poucos dias.
""",
        "lack_of_commitment": """
Participamos da consulta de vocês no ano passado, fizemos recomendações detalhadas e nunca soubemos o que aconteceu com elas.

Na reunião de junho vocês prometeram uma atualização em um mês. Ainda estamos esperando.

A consulta foi só para cumprir tabela: a política já estava aprovada quando pediram a nossa opinião.

Cada vez que levantamos o assunto, agradecem o "feedback" e nada muda.

A avaliação de impacto em direitos humanos para {name} foi anunciada há dois anos e até hoje não foi publicada.

A pessoa com quem trabalhávamos saiu da empresa e ninguém retomou a conversa.
""",
    },
    "asks": {
        "allegation": """
Pedimos que revisem estes casos, restabeleçam o conteúdo removido por engano e nos informem que medidas vão tomar para que isso não se repita.

Solicitamos que investiguem os fatos e compartilhem os resultados conosco e com as pessoas afetadas.

Agradecemos se puderem indicar quem é responsável por este tema na empresa e quando podemos esperar uma resposta.

Solicitamos uma resposta por escrito no prazo de quinze dias.

Ficamos no aguardo de um retorno. As pessoas atingidas merecem uma explicação.
""",
        "urgent": """
Por favor ajam com urgência, cada hora conta.

Precisamos que alguém da equipe de segurança entre em contato hoje pelo número abaixo.

Por favor protejam a conta, preservem as provas e não entreguem dados às autoridades sem nos avisar.

Podem escalar isso imediatamente? Estamos disponíveis a qualquer hora.

Pedimos que retirem a publicação agora e nos digam o que mais podem fazer para protegê-la.
""",
        "engagement_request": """
Gostaríamos de solicitar uma reunião com a equipe de direitos humanos para conversar sobre {topic} {in}. Podemos nos adaptar ao fuso horário de vocês.

Seria possível organizar uma consulta com as comunidades afetadas? Podemos recebê-la em {city}, com interpretação.

Propomos uma videochamada com as equipes de políticas públicas e de trust and safety antes do fim do mês.

Gostaríamos de apresentar as nossas conclusões e combinar juntos os próximos passos.
""",
        "information_request": """
Agradeceria respostas às seguintes perguntas até sexta-feira: quantos pedidos de dados vocês receberam das autoridades {of} este ano? Quantos foram atendidos? Quantos moderadores falam as línguas locais?

Poderiam nos informar se a empresa tem uma política sobre {topic} e onde ela está publicada?

Queremos saber quantas reclamações sobre {topic} vocês receberam de usuários {in} nos últimos doze meses e como foram tratadas.

Vocês gostariam de comentar estes casos para a nossa matéria? Vamos publicar na semana que vem.
""",
        "submission_attached": """
Segue em anexo o nosso relatório sobre {topic} {in}, baseado em sessenta entrevistas. Comentários são bem-vindos antes da publicação, prevista para 10 de dezembro.

Enviamos em anexo o nosso mais recente estudo; as recomendações para a empresa estão nas páginas 4 e 5.

Anexo a base de dados e uma nota metodológica. Teremos prazer em incluir a resposta de vocês na versão final.
""",
        "submission_link": """
O relatório completo sobre {topic} está disponível em https://{domain}/relatorio-2026. Teremos prazer em conversar sobre as recomendações.

Compartilhamos o nosso relatório-sombra, que pode ser lido em https://{domain}/publicacoes.
""",
        "invitation": """
Gostaríamos de convidar um representante da empresa para falar num painel sobre {topic} no nosso fórum regional em {city}, no dia 12 de fevereiro de 2027.

Vamos organizar um webinário sobre {topic} no dia 9 de dezembro e seria uma honra contar com alguém da equipe de direitos humanos.

Convidamos a empresa para uma mesa-redonda fechada com organizações {of}, em {city}, em janeiro. Podemos cobrir as despesas de viagem.
""",
        "follow_up": """
Escrevo para dar seguimento à nossa carta de {pdate} sobre {topic}.

Conforme combinado na nossa chamada, seguem mais informações sobre os casos mencionados.

Obrigada pela resposta. Abaixo estão os detalhes adicionais que pediram.

Voltamos a escrever sobre o caso {ref}, que continua em aberto para nós.
""",
        "evidence_attached": """
Anexo prints das publicações e uma planilha com os links.

No arquivo anexo estão as datas, os locais e os links que documentamos.
""",
        "general_info": """
Sou estudante de mestrado e estou escrevendo uma dissertação sobre políticas de direitos humanos em empresas de tecnologia. A política de direitos humanos de vocês é pública? Onde posso encontrá-la? Muito obrigada.

Olá, poderiam me enviar o último relatório de direitos humanos da empresa e dizer se existe versão em português?
""",
        "general_invite": """
Temos o prazer de convidar a empresa para o nosso congresso anual sobre tecnologia e sociedade, que acontecerá em {city} nos dias 4 e 5 de março de 2027. A inscrição é gratuita.
""",
    },
    "greet": {
        "formal": ["Prezada equipe de Direitos Humanos,", "Prezados senhores,", "Caros colegas,", "À equipe de Direitos Humanos,", "Olá {staff},"],
        "informal": ["Olá,", "Oi, pessoal,", "Bom dia,", "Boa tarde,"],
        "urgent": ["URGENTE", "Olá, por favor leiam isto com urgência.", "Urgente!", ""],
    },
    "close": {
        "formal": ["Atenciosamente,", "Cordialmente,", "Com os melhores cumprimentos,", "Respeitosamente,"],
        "informal": ["Obrigada,", "Abraços,", "Um abraço", "Valeu"],
        "urgent": ["Obrigado", "Por favor nos ajudem", "Aguardamos"],
    },
    "intro": {
        "ngo": ["Escrevo em nome de {org}, {desc} sediada em {ocity}.", "{org} é {desc} que atua {in} desde 2011.", "Meu nome é {pname} e coordeno o programa de direitos digitais de {org}."],
        "journalist": ["Meu nome é {pname}, sou jornalista da {org}.", "Sou repórter da {org}, {desc}, e estou apurando uma matéria sobre {topic}."],
        "academic": ["Sou pesquisadora do {org}, {desc}, onde estudamos {topic}.", "No {org} pesquisamos {topic} ao longo do último ano."],
        "community": ["somos um grupo comunitário de {ocity}.", "Me chamo {pfirst} e escrevo em nome do {org}."],
        "coalition": ["As organizações abaixo assinadas manifestam a sua profunda preocupação com {topic} {in}.", "Esta carta é enviada em nome da {org}, {desc}, e das organizações listadas abaixo."],
        "lawyer": ["Sou advogada da {org} e represento várias pessoas afetadas por {topic}.", "Escrevo como advogado da {org}, {desc} em {ocity}."],
        "union": ["Sou secretário-geral da {org}, {desc} com associados em {ocity}.", "Somos a {org}, {desc}, e escrevemos em nome dos nossos associados."],
        "hrd": ["Sou defensora de direitos humanos.", "Me chamo {pname}, sou ativista.", ""],
    },
    "roles": {
        "ngo": ["Diretora Executiva", "Oficial de Programas", "Coordenador de Incidência", "Assessora de Direitos Digitais"],
        "journalist": ["Jornalista", "Editora de Investigação", "Repórter"],
        "academic": ["Pesquisadora", "Professor Associado", "Doutoranda"],
        "community": ["Presidenta", "Secretário", "Liderança comunitária"],
        "coalition": ["Coordenação, em nome das organizações signatárias", "Secretaria executiva"],
        "lawyer": ["Advogada", "Sócio", "Assessora Jurídica"],
        "union": ["Secretário-Geral", "Dirigente sindical"],
        "hrd": ["Defensora de direitos humanos", "Ativista"],
    },
    "disclaimer": "AVISO DE CONFIDENCIALIDADE: Esta mensagem e os seus anexos são confidenciais e destinam-se exclusivamente ao destinatário. Se a recebeu por engano, por favor avise o remetente e apague-a.",
    "also": ["Casos semelhantes foram relatados {in2}.", "Organizações parceiras {in2} descrevem o mesmo padrão.", "O mesmo está acontecendo agora {in2}."],
    "topics": {
        "privacy": ["o uso indevido de dados pessoais", "o vazamento de dados de usuários", "a proteção de dados e o consentimento"],
        "surveillance": ["a espionagem de jornalistas", "o reconhecimento facial", "a entrega de dados às autoridades", "a vigilância de manifestantes"],
        "expression": ["a censura de conteúdos", "a suspensão de contas de mídia independente", "a remoção injustificada de publicações"],
        "shutdowns": ["o corte da internet", "o bloqueio de redes sociais", "as interrupções da rede móvel"],
        "harmful_content": ["o discurso de ódio", "a violência online contra mulheres", "as campanhas de desinformação"],
        "discrimination": ["o viés algorítmico", "a discriminação nas decisões automatizadas", "o tratamento desigual das línguas locais"],
        "labour": ["as condições de trabalho dos moderadores", "os direitos dos trabalhadores de aplicativos", "o trabalho forçado na cadeia de fornecimento"],
        "hrd_safety": ["as ameaças contra defensores de direitos humanos", "a segurança de jornalistas e ativistas", "a prisão de uma ativista", "a invasão de contas de defensores"],
        "child_rights": ["a proteção de crianças e adolescentes", "a exploração infantil online", "os dados de crianças"],
        "remedy": ["o acesso à reparação", "o sistema de recursos", "os mecanismos de reclamação"],
        "environment": ["o lixo eletrônico", "o impacto ambiental dos data centers", "a mineração na cadeia de fornecimento"],
        "other": ["a devida diligência em direitos humanos", "a sua política de direitos humanos", "a conduta empresarial responsável"],
    },
    "subjects": {
        "allegation": ["{topic} {in}", "Preocupação com {topic} {in}", "Denúncia: {topic} em {city}", "Casos graves - {topic}", "Reclamação sobre {topic}"],
        "engagement_request": ["Pedido de reunião: {topic}", "Solicitação de reunião com a equipe de direitos humanos", "Proposta de diálogo sobre {topic} {in}"],
        "information_request": ["Pedido de imprensa: {topic} {in}", "Perguntas sobre {topic}", "Pedido de informação - {topic}"],
        "submission": ["Novo relatório: {topic} {in}", "Envio de pesquisa sobre {topic}", "Nossas conclusões sobre {topic}"],
        "invitation": ["Convite: painel sobre {topic}", "Convite para webinário - {topic}", "Convite para mesa-redonda em {city}"],
        "general_info": ["Pedido de informação sobre a política de direitos humanos", "Pedido de relatório"],
        "general_invite": ["Convite: congresso anual 2027"],
    },
    "urgent_subjects": ["URGENTE: {topic} {in}", "URGENTE!!! {city}", "Urgente - precisamos de ajuda", "Emergência: {topic}"],
    "followup_subject": ["Acompanhamento: {subject}", "RE: {subject}", "Sem resposta - {subject}"],
    "fwd_note": ["Encaminho a mensagem de uma moradora de {city} que nos pediu para fazê-la chegar até vocês. Por favor tratem com cuidado.", "Para conhecimento, segue abaixo o e-mail que recebemos ontem de uma organização parceira.", "Encaminhando a pedido; a pessoa não tem nenhum contato na empresa."],
    "staff_says": [
        "Obrigado pela mensagem. Registramos o caso com a referência {ref}. Poderiam compartilhar links ou prints que nos ajudem a analisar a situação?",
        "Obrigada pelo contato. A nossa equipe está analisando as informações. Poderiam nos dizer quantas pessoas foram afetadas?",
        "Pedimos desculpas pela demora. Poderiam confirmar se as contas afetadas foram denunciadas pelo aplicativo?",
    ],
    "staff_reply": "Olá {first},\n\nMuito obrigado pela carta e pelas informações detalhadas. Compartilhamos com as equipes responsáveis e registramos o caso com a referência {ref}. Teremos prazer em marcar uma conversa nas próximas semanas; por favor indiquem alguns horários.\n\nAtenciosamente,\n{staff}\nEquipe de Direitos Humanos",
    "signatories": "Organizações signatárias:",
    "sign_orgs": ["Centro de Direitos Digitais de {city}", "Rede de Jornalistas - {plain}", "Coletivo Feminista de {city}", "Observatório Cidadão - {plain}", "Juventude pela Democracia - {plain}", "Rádio Comunitária de {city}", "Associação de Advogadas - {plain}"],
    "oos": {
        "spam": [
            ("Aumente seus seguidores hoje! 10 mil garantidos", "Olá!!\n\nAjudamos ONGs a crescer nas redes. 10 mil seguidores reais em 7 dias, sem senha, 100% seguro.\n\nPacotes a partir de R$ 199. Responda SIM e ganhe um teste grátis!\n\nEquipe CresceJá"),
        ],
        "newsletter": [
            ("Boletim de novembro: novidades do instituto", "Queridas amigas e amigos,\n\nCompartilhamos as novidades do mês: duas pessoas chegaram à equipe de comunicação e a nossa contadora se aposenta depois de onze anos.\n\nVaga aberta: procuramos uma pessoa para a área administrativa. Inscrições até 30 de novembro.\n\nObrigado por apoiar o nosso trabalho!\n\nVocê recebe este e-mail porque se inscreveu no nosso site."),
        ],
        "autoreply": [
            ("Resposta automática: {subject}", "Olá, estou fora do escritório até 17 de novembro, com acesso limitado ao e-mail. Para assuntos urgentes escreva para contato@{domain}."),
        ],
        "unrelated": [
            ("Não consigo entrar na minha conta", "Oi, troquei de celular e não recebo mais o código de acesso. Já tentei o formulário de recuperação duas vezes. Podem me ajudar? Meu usuário é flor_do_cerrado. Obrigada"),
        ],
    },
}

AR = {
    "issues": {
        "privacy": """
تطبيق قروض منتشر جداً {in} يسحب قائمة جهات الاتصال كاملة من هواتف المقترضين. وعند أي تأخير في السداد يبدأ بإرسال رسائل مهينة إلى الأقارب وأصحاب العمل. تعرّض عدد من أعضائنا {at} لذلك دون أن يوافق أحد على مشاركة بياناته.

[h] تسرّب ملف يضم أسماء وأرقام هواتف ونتائج فحوصات نحو ثلاثة آلاف مريض في مركز صحي {at}، وهو يتداول الآن في مجموعات عامة على خدمة المراسلة لديكم. فقد بعض الأشخاص وظائفهم بسبب ذلك.

[+opaque_practices] تطلب خطوة التحقق الجديدة من المستخدمين {in} صورة بطاقة الهوية وصورة سيلفي، لكن سياسة الخصوصية لا توضح مدة الاحتفاظ بهذه الصور ولا الجهة التي تعالجها ولا طريقة حذفها.

خلال الحملة الانتخابية وصلت إلى سكان {city} إعلانات سياسية تذكر أسماءهم وأحياءهم. نعتقد أن قوائم ناخبين مسرّبة استُخدمت لإنشاء جماهير مخصصة في نظام الإعلانات لديكم.

منذ التحديث الأخير يرسل التطبيق الموقع الدقيق إلى شركات تحليل البيانات حتى عندما يكون تحديد الموقع متوقفاً. تحقق فريقنا التقني من ذلك على ثلاثة هواتف اشتُريت {at}.

[+child_rights] فرضت مدارس ثانوية {at} على الطلاب تثبيت برنامج لمراقبة الامتحانات يصوّر غرفهم ويسجّل ما يكتبونه على لوحة المفاتيح، ولم يُطلب رأي الأهالي أبداً.

أخبرنا موظف سابق لدى أحد وكلاء شركات الاتصالات أن سجلات تسجيل الشرائح، مع صور الهويات، تُباع في قنوات على تطبيقات المراسلة مقابل مبالغ زهيدة، وبعضها يعود لناشطين {at}.
""",
        "surveillance": """
[c][+hrd_safety] تلقّت زميلتان في فريقنا يوم الجمعة رابطاً قال شركاؤنا التقنيون إنه محاولة لزرع برنامج تجسس. ضغطت إحداهما على الرابط. نحتاج أن نعرف بشكل عاجل هل تم الدخول إلى حسابها لديكم من جهاز آخر.

[h][+hrd_safety] خلال التحقيق مع ناشطين معتقلين {in} عرض عليهم المحققون صوراً من محادثاتهم الخاصة وسجل مواقعهم. هل تلقّت شركتكم طلباً من السلطات بهذه البيانات، وعلى أي أساس قانوني استجابت له؟

ركّبت البلدية {at} مئات الكاميرات المزودة بتقنية التعرف على الوجوه، ضمن عقد يظهر فيه قسم الحوسبة السحابية لديكم كمتعاقد من الباطن. لم تجرِ أي مشاورة عامة.

[h][+privacy] مشروع قانون الجرائم الإلكترونية المطروح {in} يُلزم المنصات بالاحتفاظ ببيانات الاتصال لمدة سنتين وتسليمها للأجهزة الأمنية دون إذن قضائي، ومن المتوقع التصويت عليه قبل نهاية العام.

[h][+whistleblower_protection] لاحظ صحفيون {at} أن أحد مصادرهم استُدعي من قبل جهاز المخابرات بعد يوم واحد من تواصلهم معه عبر تطبيق المراسلة الخاص بكم. ما البيانات الوصفية التي تحتفظون بها ومن يستطيع الوصول إليها؟

شركة محلية تروّج لدى الحكومة {in} لخدمة "رصد وسائل التواصل"، وتزعم أنها قادرة على اختراق المجموعات الخاصة على منصتكم بحسابات وهمية لمتابعة المعارضين والصحفيين.

[+hrd_safety] في المطار، يطلب عناصر الأمن {in} من المسافرين، ومنهم ناشطون عائدون من الخارج، فتح هواتفهم وتسليم كلمات مرور حساباتهم، ومن يرفض يُحتجز لساعات.
""",
        "expression": """
[+remedy] خلال الشهر الماضي حُذف أكثر من ثلاثين منشوراً لموقعنا عن انتهاكات الشرطة {at} بحجة "المحتوى العنيف"، رغم أنها مواد صحفية تحمل تحذيراً. رُفضت الطعون خلال دقائق، ما يعني أن أحداً لم يراجعها.

[h][+opaque_practices] عُلّقت صفحتنا التي تنشر نتائج الانتخابات ومواد التوعية المدنية منذ ثماني سنوات، قبل يومين من الاقتراع {in}، ودون أي تفسير.

[+opaque_practices] ترسل الحكومة {in} عشرات أوامر الحذف ضد منشورات تنتقد المسؤولين. يظهر تقرير الشفافية لديكم ارتفاعاً في الاستجابة لهذه الطلبات، لكنه لا يذكر أي محتوى حُذف ولماذا.

[+discrimination] كلمات باللهجة المحلية تعني ببساطة "إضراب" أو "مظاهرة" تؤدي إلى تقييد المنشورات تلقائياً، بينما تبقى المنشورات نفسها بالإنجليزية دون مشكلة.

رسّام كاريكاتير {at} قُيّد حسابه ثلاث مرات بعد حملات إبلاغ جماعية من حسابات موالية للسلطة، وفي كل مرة بعد نشره رسماً عن الفساد.

منذ نشرنا تحقيقاً عن صفقات الأراضي {in} انخفض وصول منشوراتنا بنسبة 80%. الجميع هنا يسميه shadowban، ولا أحد لديكم يوضح إن كان عقوبة أم خطأ.

قانون "الأخبار الكاذبة" الجديد {in} يلزم المنصات بحذف أي محتوى يُبلّغ عنه المنظّم خلال 24 ساعة، ونخشى أن تحذف شركتكم أكثر مما يلزم تجنباً للغرامات.
""",
        "shutdowns": """
[c] منذ السادسة صباح اليوم انقطع الإنترنت عبر الهاتف المحمول في كل أنحاء {name}. تعمل بعض الخطوط الأرضية فقط {at}. هناك اعتقالات قرب مراكز الاقتراع والناس لا يستطيعون نشر ما يحدث.

[c] منذ مساء الثلاثاء حُجبت منصتكم وتطبيقان آخران للمراسلة {in}. لا يمكن الوصول إليها إلا عبر VPN، وبدأت السلطات الآن بحجب مواقع تحميل برامج VPN أيضاً.

[h] كما في كل عام، تنوي السلطات {in} قطع الإنترنت خلال امتحانات الشهادة الثانوية. في العام الماضي خسر صغار التجار {at} دخلهم لأيام بسبب هذا القطع.

[h] منذ تجمّع المعارضة يوم السبت أصبحت خدمة الفيديو لديكم بطيئة جداً {at} إلى حد لا يمكن استخدامها، بينما تعمل المواقع الأخرى بشكل طبيعي. سجّل متطوعونا سرعات أقل من 100 كيلوبت في الثانية.

[c] المناطق الشمالية {in} بلا إنترنت منذ أحد عشر يوماً. لا تستطيع المنظمات الإنسانية تنسيق توزيع الغذاء ولا المستشفيات التواصل مع مورديها، والناس يقطعون مسافات طويلة لإرسال رسالة واحدة.

[h] الانتخابات البلدية مقررة في شهر مارس ونخشى تكرار الانقطاع الذي حدث في الانتخابات الماضية {in}. هل ستنشر شركتكم أوامر القطع أو الحجب التي تتلقاها؟

[h] كل يوم جمعة، خلال الاحتجاجات الأسبوعية، تنقطع بيانات الهاتف في وسط {city} من الظهر حتى الثامنة مساءً، بينما تبقى الأحياء الطرفية متصلة.
""",
        "harmful_content": """
[c][+hrd_safety] تنتشر في مجموعات عامة على منصتكم قائمة بصور وعناوين وأرقام هواتف عشرين ناشطة وناشطاً {at}، مع دعوات إلى "تطهير المدينة" منهم. تعرّض اثنان منهم للاعتداء بالفعل.

[h] منذ بداية الحملة الانتخابية تتعرض المرشحات {in} لصور جنسية مفبركة بالذكاء الاصطناعي ولآلاف التعليقات المسيئة، وانسحبت بعضهن من السباق.

[h] منشورات باللهجة المحلية تصف أبناء طائفة بأنهم "حشرات" وتدعو إلى "إكمال المهمة" متداولة منذ أسابيع. أبلغنا عن خمسين منشوراً، ولم يُحذف منها سوى ثلاثة.

[h] شبكة من الحسابات تروّج أن العاملين الصحيين {at} "يسممون الأطفال" باللقاحات. تعرض مركزان صحيان للهجوم وأوقفت فرق التطعيم جولاتها.

[h][+hrd_safety] تتلقى الصحفيات {in} سيلاً من تهديدات الاغتصاب في التعليقات وفي الرسائل الخاصة. إخفاء التعليقات لا يحل شيئاً بالنسبة للرسائل.

[@SY] صفحات تُدار من خارج البلاد تنشر أخباراً كاذبة عن اللاجئين السوريين {at}. مقطع واحد شوهد أكثر من مليوني مرة يستخدم لقطات من بلد آخر ويتهم اللاجئين بالاعتداء على مدرسة.

[h] قبل الاستفتاء رصدنا أكثر من 300 إعلان ممول على منصتكم تزعم أن مراكز الاقتراع في مناطق المعارضة {in} ستكون مغلقة. الصفحات التي دفعت ثمنها أُنشئت في الأسبوع نفسه.
""",
        "discrimination": """
يرفض نظام مراجعة الإعلانات الآلي حملات الصحة الإنجابية لمنظمات نسائية {in} باعتبارها "محتوى للبالغين"، بينما تُقبل إعلانات شبه مطابقة لمنظمات أوروبية.

تظهر إعلانات وظائف التوصيل المنشورة عبر منصتكم {in} للرجال فقط تقريباً، وإعلانات التمريض للنساء فقط، حتى عندما يختار صاحب العمل "جميع الأجناس".

[+harmful_content] المحتوى المكتوب باللهجات المحلية {in} يحظى بحماية أضعف بكثير من خطاب الكراهية مقارنة بالمحتوى المكتوب بالفصحى أو بالإنجليزية، والشتائم العنصرية تبقى منشورة لأسابيع.

[+labour] يفشل التحقق من الوجه أكثر بكثير مع أصحاب البشرة الداكنة. سائقون {at} يبقون محظورين لأيام لأن صورة السيلفي لا يتم التعرف عليها.

[+opaque_practices] تقرر نقاط ائتمان مبنية على بيانات الهاتف من يحصل على قرض صغير {at}. سكان أحياء معينة يُرفضون مرة بعد مرة، ولا أحد يستطيع أن يشرح السبب.

اللاجئون {at} الذين لا يملكون بطاقة هوية وطنية لا يستطيعون توثيق حساباتهم، فيفقدون الوصول إلى المحافظ الإلكترونية التي تصلهم عبرها المساعدات.

الأشخاص ذوو الإعاقة البصرية {in} لا يستطيعون إكمال التسجيل: رمز التحقق بلا خيار صوتي والتطبيق لا يعمل مع قارئات الشاشة باللغة العربية.
""",
        "labour": """
[h] نمثّل مشرفي محتوى يعملون لدى شركة متعاقدة {at} تراجع المواد لصالح منصتكم. يعملون تسع ساعات يومياً أمام مشاهد قطع الرؤوس والاعتداءات، مع استراحتين قصيرتين، ولا يوجد أخصائي نفسي مؤهل في الموقع.

يتم إيقاف عمّال التوصيل {in} عبر خوارزمية دون إنذار. الأسبوع الماضي فقد نحو مئتي عامل {at} حساباتهم بعد احتجاج على الأجور.

[h][@NP][@BD] عمّال مهاجرون من نيبال وبنغلاديش في مستودعات تجهيز الطلبات {in} يعملون في حرّ يتجاوز 45 درجة، وجوازات سفرهم محتجزة لدى الكفيل.

العاملون في تصنيف البيانات لتدريب أنظمة الذكاء الاصطناعي {at} يتقاضون أجراً عن كل مهمة، أي أقل من دولار في الساعة، والمدفوعات تتأخر أسابيع.

[h] فُصل موظفو مركز الاتصال {at} الذين حاولوا تأسيس نقابة بعد أسبوعين فقط. تقول الشركة إن عقودهم "انتهت".

[+surveillance] موظفو خدمة العملاء الذين يردّون على مستخدميكم من {city} يخضعون لبرنامج مراقبة يقيّم "نبرة الصوت" ويخصم من أجورهم على فترات الذهاب إلى دورة المياه.

سائقو التطبيقات {in} يُصنَّفون "شركاء"، فلا تأمين صحي ولا إجازات ولا تقاعد. عندما أصيب أحد زملائنا في حادث {at} لم يحصل على أي تعويض.
""",
        "hrd_safety": """
[c] اعتُقلت منسّقتنا الميدانية فجر اليوم من منزلها {at} على يد رجال بملابس مدنية، وأخذوا هاتفها وحاسوبها. نخشى أن يحاولوا الدخول إلى حساباتها لديكم، نرجو مساعدتنا في حمايتها.

[c] اختُرق الليلة الماضية حساب محامٍ معروف في مجال حقوق الإنسان {in}. غيّر المهاجم بريد الاسترداد وبدأ بمراسلة موكّليه يطلب منهم ملفات قضاياهم.

[c][+harmful_content] نشرت صفحة موالية للحكومة يتابعها أكثر من مئتي ألف شخص عنوان منزل ناشطة بيئية {at} وتفاصيل تنقلاتها اليومية، مع عبارة "تعرفون ما عليكم فعله". انتقلت إلى مكان آمن، لكن المنشور ما زال موجوداً.

[h] يتلقى ثلاثة صحفيين {at} غطّوا محاكمة الفساد تهديدات بالقتل في الرسائل الخاصة منذ شهر، ومن حسابات جديدة في كل مرة.

[c][+surveillance] ناشطة معتقلة منذ يوم الاثنين {in} محتجزة بمعزل عن العالم. تقول عائلتها إن المحققين اقتبسوا من محادثاتها الخاصة. نطلب منكم بشكل عاجل فحص عمليات الدخول المشبوهة وتأمين حسابها.

[c] منذ صباح اليوم فقدت سكرتيرة شبكتنا الوصول إلى حسابها، وشخص آخر موجود الآن داخل مجموعة التنسيق التي تضم أسماء وأرقام أكثر من ثمانين مدافعاً ومدافعة {in}.

[h][+harmful_content] المدافعون عن حقوق السكن {in} يتعرضون باستمرار لانتحال شخصياتهم عبر حسابات تستخدم أسماءهم وصورهم لنشر "اعترافات" مزيفة وشتائم.
""",
        "child_rights": """
[h] نبّهنا معلمون {at} إلى أن رجالاً بالغين يتواصلون مع طالبات عبر دردشة لعبة إلكترونية ويعرضون عليهن رصيداً للهاتف مقابل صور.

[c][+harmful_content] فتاة عمرها 14 عاماً {at} تتعرض للابتزاز بصور خاصة من شخص تعرّف عليها عبر منصتكم، ويهدد بإرسالها إلى مدرستها غداً. جاءت والدتها إلى مكتبنا هذا الصباح.

[+privacy] حسابات القاصرين {in} عامة بشكل افتراضي، وكثير من الأطفال يكذبون بشأن أعمارهم. صورهم وأسماء مدارسهم مكشوفة للجميع.

مقاطع فيديو لأطفال يبيعون في أسواق {city} تحقق أرباحاً لحسابات تصوّرهم دون موافقتهم أو موافقة أسرهم.

[+privacy] تطبيق تعليمي تستخدمه المدارس الحكومية {in} يجمع مواقع الطلاب وجهات اتصالهم ويشاركها مع شركات إعلانية، بحسب تحليلنا التقني.

[h] ينتشر "تحدٍّ" لإيذاء النفس بين طلاب المدارس الإعدادية {at}، وقد ارتبطت به حالتا دخول إلى المستشفى هذا الشهر.

[+discrimination] أدوات الرقابة الأبوية متوفرة بالإنجليزية فقط، ولذلك لا يستطيع أغلب الأهالي {in} استخدامها. طلبت منا عدة مدارس تنظيم ورش لشرحها.
""",
        "remedy": """
[+inaccessible_structures] رُفض طعننا في تعليق حسابنا خلال أربع دقائق، بالإنجليزية، ودون أي تفسير. لا توجد أي طريقة للتواصل مع إنسان.

[+labour] عمّال التوصيل الذين أوقفت حساباتهم خطأً لا يمكنهم الاعتراض إلا عبر روبوت محادثة. وثّقنا 36 حالة {in} أغلق فيها الروبوت الشكوى دون مراجعة بشرية.

العائلات التي هُجّرت لبناء مركز البيانات قرب {city} ما زالت تنتظر منذ سنتين التعويض الموعود، ورقم خط الشكاوى لم يعد يعمل.

[+privacy] برنامج التعويض لضحايا تسريب البيانات {in} يشترط تقديم محضر شرطة والحضور شخصياً إلى مكتب في العاصمة. لم يتمكن أحد تقريباً من التقديم.

قدّمنا طعناً إلى هيئة المراجعة المستقلة لديكم في شهر مارس. بعد ثمانية أشهر ما زال الطلب "قيد المراجعة".

[+harmful_content] يُطلب من النساء اللواتي نُشرت صورهن الخاصة دون موافقتهن {in} إعادة رفع الصور نفسها لطلب حذفها، ثم الانتظار أسابيع.

[+expression] عندما أعيدت منشوراتنا بعد الطعن لم يعد وصولها كما كان، وبقيت "المخالفة" مسجلة على الحساب. لا توجد آلية لتصحيح السجل.
""",
        "environment": """
[+child_rights] في مكب النفايات على أطراف {city} تُحرق الهواتف والشواحن المستعملة في الهواء الطلق. أطفال ينبشون الرماد بحثاً عن النحاس، والدخان يغطي الحي كل مساء.

مركز البيانات المزمع بناؤه قرب {city} سيسحب المياه من الخزان الجوفي نفسه الذي تعتمد عليه القرى الزراعية، في ظل جفاف مستمر منذ موسمين.

تعتمد ادعاءاتكم بشأن الطاقة المتجددة على شهادات مشتراة من الخارج، بينما تعمل الخوادم التي تستأجرونها {in} على مولدات الديزل خلال انقطاعات الكهرباء المتكررة.

[+labour] عمال إعادة التدوير غير الرسميين {at} يفككون الحواسيب بأيديهم العارية ويستنشقون أبخرة البلاستيك واللحام المحترق، ولا توجد أي علامة تجارية لديها برنامج لاسترجاع الأجهزة هنا.

مراكز البيانات الجديدة {in} تحتاج كميات هائلة من المياه للتبريد في بلد يعاني أصلاً من شح المياه، ولم تُنشر أي دراسة عن الأثر على المخزون المائي.

[+opaque_practices] محطة إنزال الكابل البحري الجديد قرب {city} بُنيت فوق منطقة أشجار مانغروف، ولم تُعرض دراسة الأثر البيئي على مجتمعات الصيادين.

[+labour] مع موجات الحر التي تتجاوز 48 درجة {in}، يعمل سائقو التوصيل دون ظل أو ماء، والتطبيق يعاقب من يتوقف في ساعات الذروة الحرارية.
""",
        "other": """
نتابع خطط شركتكم لافتتاح مكتب وتوقيع شراكة مع الحكومة {in}. ما هي إجراءات العناية الواجبة في مجال حقوق الإنسان التي اتُّخذت قبل هذا القرار؟ وهل سيُنشر تقييم للأثر على حقوق الإنسان؟

تعد شبكتنا ورقة حول كيفية تطبيق شركات التكنولوجيا لمبادئ الأمم المتحدة التوجيهية بشأن الأعمال التجارية وحقوق الإنسان في مناطق النزاع، ومنها {name}.

علمنا أن شركتكم تدرس الانسحاب من السوق {in}. الانسحاب المفاجئ سيحرم الملايين من خدمات أساسية، ونود مناقشة كيفية الخروج المسؤول.

يتحدث تقرير الاستدامة الأخير لديكم عن "الحوار مع أصحاب المصلحة في الشرق الأوسط"، لكنه لا يذكر من تمت استشارته {in}.
""",
    },
    "challenges": {
        "opaque_practices": """
ما زلنا لا نعرف من اتخذ القرار، وعلى أي أساس، وهل كان هناك طلب حكومي وراءه.

تقرير الشفافية لديكم يضع {name} ضمن "دول أخرى"، ولذلك لا يقدم لنا أي معلومة مفيدة.

عندما سألنا عن عدد الطلبات التي تلقيتموها من السلطات {in}، قيل لنا إن هذه المعلومة سرية.

تغيّرت القواعد مرتين هذا العام دون إعلان، واختفت النسخ السابقة من موقعكم.

قيل لنا إن "مراجعة داخلية" قد جرت، لكننا لم نرَ نتائجها ولا حتى ملخصاً لها.

لم يستطع أحد أن يخبرنا أي شركة تراجع المحتوى بلهجتنا، ولا كم من المراجعين يتحدثونها فعلاً.
""",
        "inaccessible_structures": """
راسلنا ثلاثة عناوين مختلفة وملأنا النموذج الإلكتروني مرتين منذ أغسطس، ولم نتلقَّ سوى ردود آلية.

ليس لشركتكم مكتب أو ممثل {in}، والمكتب الإقليمي لا يرد على الهاتف.

ارتدّت رسالتنا السابقة مع عبارة "صندوق البريد ممتلئ". وجدنا هذا العنوان على شريحة عرض في أحد المؤتمرات.

نموذج الإبلاغ متوفر بالإنجليزية فقط ويتطلب تسجيل الدخول، وهذا يستبعد معظم الأشخاص الذين نعمل معهم.

في كل مرة نصل إلى شخص ما، يقال لنا إنه ليس الفريق المختص ويعطوننا عنواناً آخر لا يرد أبداً.

بوابة الشركاء لديكم تطلب رقم سجل تجاري، والمجموعات المجتمعية مثلنا لا تملكه.
""",
        "limited_capacity": """
نحن فريق من ثلاثة متطوعين، ولا نستطيع توثيق كل حالة بالصيغة التي تطلبها نماذجكم.

لا نملك الخبرة التقنية لتحليل السجلات بأنفسنا، ولا المال لدفع أجور مختبر تحليل جنائي رقمي.

ينتهي تمويلنا لهذا العمل في ديسمبر، لذلك علينا أن نكون واقعيين بشأن عدد الاجتماعات.

نفهم أن فريقكم المسؤول عن المنطقة صغير جداً، ويبدو أن شخصاً واحداً يغطي أكثر من عشرين دولة.

قليلون منا يكتبون بالإنجليزية، ولهذا نكتب إليكم بالعربية ونرجو سعة صدركم.

أُعطينا أسبوعاً واحداً للتعليق على مسودة سياسة من ستين صفحة، دون ترجمة، ولم نتمكن من استشارة شركائنا.
""",
        "whistleblower_protection": """
أرجو عدم مشاركة اسمي أو اسم المركز مع الشركة المتعاقدة. من تحدثوا إلى الصحافة العام الماضي فقدوا وظائفهم.

أعمل داخل الشركة التي تشغّل هذا النظام، وأكتب إليكم من بريد شخصي. أطلب السرية التامة.

العمال الذين أدلوا بشهاداتهم يخشون الانتقام. حذفنا أسماءهم ولن نشاركها إلا إذا ضمنتم حماية هوياتهم.

بعد تقريرنا الأخير اكتشفت الإدارة من تحدث إلينا، ونُقل اثنان من مصادرنا إلى فرع بعيد.

نرسل هذه الرسالة دون توقيع لأن آخر شخص أثار المشكلة داخلياً فُصل من عمله خلال أسبوع.

لدى مصدرنا وثائق تثبت ذلك، لكنه لن يتحدث إليكم إلا عن طريقنا ولن يوقّع على أي شيء.
""",
        "discriminatory_practices": """
عندما استهدف محتوى مشابه مستخدمين في أوروبا تحركت شركتكم خلال ساعات، أما هنا فننتظر منذ أسابيع.

مشاوراتكم تُعقد دائماً بالإنجليزية، في واشنطن أو بروكسل، وفي أوقات تصادف منتصف الليل عندنا.

نشعر أن مستخدمي الجنوب العالمي زبائن من الدرجة الثانية: مراجعون أقل، لغات أقل، وحماية أقل.

لم تُدعَ منظمات من {name} إلى المشاورة الإقليمية، بينما دُعيت منظمات مقرها أوروبا للحديث نيابة عنا.

برنامج "المبلّغين الموثوقين" لديكم يضم شركاء من أربعين دولة، وليس بينهم منظمة واحدة من منطقتنا.

وصل ردكم بالإنجليزية بعد شهر، بينما تتلقى منظمات في الأسواق الأغنى ردوداً بلغتها خلال أيام.
""",
        "lack_of_commitment": """
شاركنا في مشاورتكم العام الماضي وقدمنا توصيات مفصلة، ولم نسمع أبداً ماذا حدث لها.

في اجتماع يونيو وعدتمونا بتحديث خلال شهر، وما زلنا ننتظر.

كانت المشاورة مجرد إجراء شكلي، فالسياسة كانت قد أُقرّت قبل أن يُطلب رأينا.

في كل مرة نطرح هذه المشكلة تشكروننا على "ملاحظاتنا" ثم لا يتغير شيء.

أعلنتم قبل سنتين عن تقييم للأثر على حقوق الإنسان في {name}، ولم يُنشر حتى الآن.

غادر الشخص الذي كنا نتعامل معه الشركة، ولم يتابع أحد الحوار بعده.
""",
    },
    "asks": {
        "allegation": """
نطالبكم بمراجعة هذه الحالات وإعادة المحتوى المحذوف خطأً وإبلاغنا بالإجراءات التي ستتخذونها لمنع تكرار ذلك.

نطلب فتح تحقيق ومشاركة نتائجه معنا ومع المتضررين.

نرجو إعلامنا بالشخص المسؤول عن هذا الملف في شركتكم، ومتى يمكننا توقع رد فعلي.

نطلب رداً مكتوباً خلال خمسة عشر يوماً.

نأمل أن تأخذوا هذا الأمر بجدية، فالمتضررون يستحقون إجابة.
""",
        "urgent": """
أرجوكم تحركوا فوراً، كل ساعة مهمة.

نحتاج أن يتواصل معنا شخص من فريق الأمن لديكم اليوم على الرقم أدناه.

الرجاء تأمين الحساب والاحتفاظ بالأدلة، وعدم تسليم أي بيانات للسلطات دون إعلامنا.

هل يمكنكم تصعيد الأمر فوراً؟ نحن متاحون في أي وقت ليلاً أو نهاراً.

نطلب حذف المنشور الآن وإخبارنا بما يمكنكم فعله أيضاً لحمايتها.
""",
        "engagement_request": """
نود طلب اجتماع مع فريق حقوق الإنسان لديكم لمناقشة {topic} {in}. يناسبنا اتصال عبر الإنترنت خلال الأسابيع القادمة ويمكننا التكيف مع توقيتكم.

هل يمكن تنظيم مشاورة مع المجتمعات المتضررة؟ يمكننا استضافتها {at} مع توفير الترجمة.

نقترح اجتماعاً مع فريقي السياسات العامة والثقة والأمان لديكم قبل نهاية الشهر.

نرحب بفرصة عرض نتائجنا على فريقكم والاتفاق معاً على الخطوات التالية.
""",
        "information_request": """
أكون ممتنة لو أجبتم على الأسئلة التالية قبل يوم الجمعة: كم طلباً للبيانات تلقيتم من السلطات {in} هذا العام؟ كم منها نُفّذ؟ وكم من مراجعي المحتوى لديكم يتحدثون اللهجات المحلية؟

هل يمكنكم إخبارنا إن كانت لدى شركتكم سياسة بشأن {topic}، وأين نُشرت؟

نود معرفة عدد الشكاوى المتعلقة بـ{topic} التي تلقيتموها من مستخدمين {in} خلال الاثني عشر شهراً الماضية، وكيف عولجت.

هل تودون التعليق على هذه الحالات في تقريرنا؟ سننشر الأسبوع المقبل.
""",
        "submission_attached": """
تجدون مرفقاً تقريرنا حول {topic} {in}، المبني على ستين مقابلة. نرحب بتعليقاتكم قبل النشر في 10 ديسمبر.

نرسل إليكم مرفقاً أحدث ورقة بحثية لنا، وتوصياتنا لشركتكم في الصفحتين 4 و5.

أرفق مجموعة البيانات ومذكرة منهجية قصيرة، وسيسعدنا تضمين ردكم في النسخة النهائية.
""",
        "submission_link": """
التقرير الكامل حول {topic} متاح على الرابط https://{domain}/report-2026، ويسعدنا مناقشة التوصيات معكم.

نشارككم تقرير الظل الذي أعددناه، ويمكن قراءته على https://{domain}/publications.
""",
        "invitation": """
يسرنا دعوة ممثل عن شركتكم للمشاركة في جلسة حوارية حول {topic} ضمن منتدانا الإقليمي {at} يوم 12 فبراير 2027.

ننظم ندوة عبر الإنترنت حول {topic} يوم 9 ديسمبر، ويشرفنا أن يشارك أحد أعضاء فريق حقوق الإنسان لديكم كمتحدث.

ندعوكم إلى طاولة مستديرة مغلقة مع منظمات المجتمع المدني من {name}، تُعقد {at} في يناير، ويمكننا تغطية تكاليف السفر.
""",
        "follow_up": """
أكتب إليكم لمتابعة رسالتنا المؤرخة في {pdate} بشأن {topic}.

كما اتفقنا خلال المكالمة، إليكم معلومات إضافية عن الحالات التي ذكرناها.

شكراً على ردكم. تجدون أدناه التفاصيل الإضافية التي طلبتموها.

نكتب إليكم مجدداً بخصوص الملف {ref} الذي ما زال مفتوحاً لدينا.
""",
        "evidence_attached": """
أرفق لقطات شاشة للمنشورات وجدولاً بالروابط.

يتضمن الملف المرفق التواريخ والأماكن والروابط التي وثّقناها حتى الآن.
""",
        "general_info": """
أنا طالبة ماجستير وأكتب رسالتي عن سياسات حقوق الإنسان في شركات التكنولوجيا. هل سياسة حقوق الإنسان لديكم منشورة؟ وأين يمكنني الاطلاع عليها؟ شكراً جزيلاً.

مرحباً، هل يمكنكم إرسال آخر تقرير لكم عن حقوق الإنسان، وإعلامي إن كانت هناك نسخة عربية منه؟
""",
        "general_invite": """
يسعدنا دعوتكم إلى مؤتمرنا السنوي حول التكنولوجيا والمجتمع، الذي يُعقد {at} يومي 4 و5 مارس 2027. التسجيل مجاني.
""",
    },
    "greet": {
        "formal": ["السادة فريق حقوق الإنسان المحترمين،", "تحية طيبة وبعد،", "إلى فريق حقوق الإنسان،", "السلام عليكم ورحمة الله،", "عزيزتي {staff}،"],
        "informal": ["مرحباً،", "أهلاً،", "السلام عليكم،", "تحية من {city}،"],
        "urgent": ["عاجل", "مرحباً، أرجو قراءة هذه الرسالة بشكل عاجل.", "عاجل جداً!", ""],
    },
    "close": {
        "formal": ["مع خالص التحية،", "وتفضلوا بقبول فائق الاحترام،", "مع التقدير،", "وشكراً لحسن تعاونكم،"],
        "informal": ["شكراً،", "مع التحية", "شكراً جزيلاً", "تحياتي"],
        "urgent": ["شكراً", "أرجوكم ساعدونا", "بانتظار ردكم"],
    },
    "intro": {
        "ngo": ["أكتب إليكم باسم {org}، وهي {desc} مقرها {ocity}.", "{org} {desc} تعمل {in} منذ عام 2014.", "اسمي {pname}، وأنسّق برنامج الحقوق الرقمية في {org}."],
        "journalist": ["اسمي {pname}، صحفية في {org}.", "أنا صحفي في {org}، {desc}، وأعمل على تحقيق حول {topic}."],
        "academic": ["أنا باحثة في {org}، {desc}، حيث ندرس {topic}.", "عملنا في {org} خلال العام الماضي على دراسة {topic}."],
        "community": ["نحن مجموعة أهلية صغيرة في {ocity}.", "اسمي {pfirst} وأكتب باسم {org}."],
        "coalition": ["نحن المنظمات الموقعة أدناه نعرب عن قلقنا البالغ إزاء {topic} {in}.", "نوجّه هذه الرسالة باسم {org}، {desc}، والمنظمات المدرجة أدناه."],
        "lawyer": ["أنا محامية في {org} وأمثّل عدداً من المتضررين من {topic}.", "أكتب إليكم بصفتي محامياً في {org}، {desc} في {ocity}."],
        "union": ["أنا الأمين العام لـ{org}، {desc} لها أعضاء في {ocity}.", "نحن {org}، {desc}، ونكتب إليكم باسم أعضائنا."],
        "hrd": ["أنا مدافعة عن حقوق الإنسان.", "اسمي {pname}، ناشط حقوقي.", ""],
    },
    "roles": {
        "ngo": ["المديرة التنفيذية", "مسؤول البرامج", "منسقة المناصرة", "مسؤول الحقوق الرقمية"],
        "journalist": ["صحفية", "محرر التحقيقات", "مراسل"],
        "academic": ["باحثة", "أستاذ مشارك", "طالبة دكتوراه"],
        "community": ["رئيسة اللجنة", "أمين السر", "منسق الشباب"],
        "coalition": ["التنسيق، باسم المنظمات الموقعة", "الأمانة العامة"],
        "lawyer": ["محامية", "شريك", "مستشار قانوني"],
        "union": ["الأمين العام", "مسؤولة التنظيم النقابي"],
        "hrd": ["مدافعة عن حقوق الإنسان", "ناشط"],
    },
    "disclaimer": "تنبيه: هذه الرسالة ومرفقاتها سرية وموجهة إلى المرسل إليه فقط. إذا وصلتكم عن طريق الخطأ، يرجى إبلاغ المرسل وحذفها.",
    "also": ["رُصدت حالات مشابهة {in2}.", "يصف شركاؤنا {in2} النمط نفسه.", "ويحدث الأمر نفسه الآن {in2}."],
    "topics": {
        "privacy": ["إساءة استخدام البيانات الشخصية", "تسريب بيانات المستخدمين", "حماية البيانات والموافقة"],
        "surveillance": ["برامج التجسس ضد الناشطين", "تقنيات التعرف على الوجوه", "تسليم البيانات للسلطات", "مراقبة المحتجين"],
        "expression": ["حذف المحتوى وتعليق الحسابات", "الرقابة على الإعلام المستقل", "تقييد حرية التعبير"],
        "shutdowns": ["قطع الإنترنت", "حجب المنصات", "اضطرابات شبكة الهاتف المحمول"],
        "harmful_content": ["خطاب الكراهية والتحريض", "العنف الرقمي ضد النساء", "حملات التضليل"],
        "discrimination": ["التحيز الخوارزمي", "التمييز ضد اللهجات المحلية", "القرارات الآلية التمييزية"],
        "labour": ["ظروف عمل مشرفي المحتوى", "حقوق عمال المنصات", "العمل القسري في سلاسل التوريد"],
        "hrd_safety": ["التهديدات ضد المدافعين عن حقوق الإنسان", "سلامة الصحفيين والناشطين", "اعتقال ناشطة", "اختراق حسابات المدافعين"],
        "child_rights": ["حماية الأطفال على الإنترنت", "استغلال القاصرين", "بيانات الأطفال"],
        "remedy": ["الوصول إلى سبل الانتصاف", "آلية الطعون", "آليات الشكاوى والتعويض"],
        "environment": ["النفايات الإلكترونية", "الأثر البيئي لمراكز البيانات", "استهلاك المياه"],
        "other": ["العناية الواجبة في مجال حقوق الإنسان", "سياسة حقوق الإنسان لديكم", "السلوك المسؤول للشركات"],
    },
    "subjects": {
        "allegation": ["{topic} {in}", "قلق بشأن {topic} {in}", "بلاغ: {topic} {at}", "حالات خطيرة - {topic}", "شكوى بخصوص {topic}"],
        "engagement_request": ["طلب اجتماع: {topic}", "طلب لقاء مع فريق حقوق الإنسان", "مقترح حوار حول {topic} {in}"],
        "information_request": ["استفسار صحفي: {topic} {in}", "أسئلة حول {topic}", "طلب معلومات - {topic}"],
        "submission": ["تقرير جديد: {topic} {in}", "إرسال دراسة حول {topic}", "نتائج بحثنا حول {topic}"],
        "invitation": ["دعوة: جلسة حول {topic}", "دعوة إلى ندوة عبر الإنترنت - {topic}", "دعوة إلى طاولة مستديرة {at}"],
        "general_info": ["استفسار عن سياسة حقوق الإنسان", "طلب تقرير"],
        "general_invite": ["دعوة: المؤتمر السنوي 2027"],
    },
    "urgent_subjects": ["عاجل: {topic} {in}", "عاجل جداً!!! {city}", "عاجل - نحتاج المساعدة", "طارئ: {topic}"],
    "followup_subject": ["متابعة: {subject}", "رد: {subject}", "دون رد - {subject}"],
    "fwd_note": ["أعيد توجيه رسالة من إحدى سكان {city} طلبت منا إيصالها إليكم. نرجو التعامل معها بحذر.", "للعلم، أدناه الرسالة التي وصلتنا أمس من منظمة شريكة.", "أعيد التوجيه بناءً على طلب المرسلة، فليس لديها أي جهة اتصال في شركتكم."],
    "staff_says": [
        "شكراً على رسالتكم. سجلناها تحت الرقم المرجعي {ref}. هل يمكنكم مشاركة روابط أو لقطات شاشة تساعدنا على دراسة الحالة؟",
        "شكراً لتواصلكم. يراجع فريقنا المعلومات حالياً. هل يمكنكم إخبارنا بعدد الأشخاص المتضررين تقريباً؟",
        "نعتذر عن التأخير. هل يمكنكم تأكيد أن الحسابات المتضررة أُبلغ عنها عبر أدوات التطبيق؟",
    ],
    "staff_reply": "مرحباً {first}،\n\nشكراً على رسالتكم وعلى المعلومات المفصلة. شاركناها مع الفرق المعنية وسجلناها تحت الرقم المرجعي {ref}. يسعدنا ترتيب مكالمة خلال الأسابيع القادمة، يرجى اقتراح بعض المواعيد المناسبة.\n\nمع التحية،\n{staff}\nفريق حقوق الإنسان",
    "signatories": "المنظمات الموقعة:",
    "sign_orgs": ["مركز الحقوق الرقمية في {city}", "شبكة صحفيي {plain}", "التجمع النسوي في {city}", "المرصد المدني - {plain}", "شباب من أجل الديمقراطية - {plain}", "الإذاعة المجتمعية في {city}", "جمعية المحاميات - {plain}"],
    "oos": {
        "spam": [
            ("زد متابعيك اليوم! 10 آلاف متابع مضمون", "مرحباً!!\n\nنساعد الجمعيات على النمو في وسائل التواصل. 10 آلاف متابع حقيقي خلال 7 أيام، دون كلمة مرور، آمن 100%.\n\nالباقات تبدأ من 49 دولاراً. رد بكلمة نعم واحصل على تجربة مجانية!\n\nفريق النمو السريع"),
        ],
        "newsletter": [
            ("النشرة الشهرية - نوفمبر", "أصدقاءنا الأعزاء،\n\nإليكم أخبار هذا الشهر: انضمت زميلتان جديدتان إلى فريق التواصل، وودّعنا محاسبنا الذي تقاعد بعد إحدى عشرة سنة من العمل معنا.\n\nوظيفة شاغرة: نبحث عن مسؤول إداري. آخر موعد للتقديم 30 نوفمبر.\n\nشكراً لدعمكم عملنا.\n\nتصلك هذه الرسالة لأنك اشتركت عبر موقعنا."),
        ],
        "autoreply": [
            ("رد تلقائي: {subject}", "شكراً لرسالتكم. أنا خارج المكتب حتى 17 نوفمبر ولا أطّلع على البريد إلا نادراً. للأمور العاجلة يرجى الكتابة إلى info@{domain}."),
        ],
        "unrelated": [
            ("لا أستطيع الدخول إلى حسابي", "مرحباً، غيّرت هاتفي ولم يعد يصلني رمز الدخول. جربت نموذج الاسترداد مرتين دون نتيجة. هل يمكنكم مساعدتي؟ اسم المستخدم: yasmine_1990. شكراً"),
        ],
    },
}


# ---------------------------------------------------------------------------
# 3. The planner
# ---------------------------------------------------------------------------
# Only these languages have a content dict; the others in LANGS are left for later.
CONTENT: dict[str, dict] = {"en": EN, "es": ES, "fr": FR, "pt": PT, "ar": AR}
GEN_LANGS = [lang for lang in LANGS if lang in CONTENT]

# Planner kinds per language.  general_info -> information_request, general_invite ->
# invitation, and the four bulk/unrelated kinds -> out_of_scope in the gold labels.
PLAN_COUNTS: dict[str, dict[str, int]] = {
    "en": {"allegation": 36, "engagement_request": 13, "information_request": 9,
           "general_info": 4, "follow_up": 11, "submission": 10, "invitation": 6,
           "general_invite": 3, "spam": 5, "newsletter": 4, "autoreply": 4, "unrelated": 5},
    "es": {"allegation": 19, "engagement_request": 7, "information_request": 5,
           "general_info": 2, "follow_up": 7, "submission": 6, "invitation": 4,
           "general_invite": 1, "spam": 2, "newsletter": 2, "autoreply": 2, "unrelated": 3},
    "fr": {"allegation": 17, "engagement_request": 7, "information_request": 4,
           "general_info": 2, "follow_up": 6, "submission": 5, "invitation": 4,
           "general_invite": 1, "spam": 2, "newsletter": 2, "autoreply": 2, "unrelated": 3},
    "pt": {"allegation": 17, "engagement_request": 7, "information_request": 4,
           "general_info": 2, "follow_up": 6, "submission": 5, "invitation": 4,
           "general_invite": 1, "spam": 2, "newsletter": 2, "autoreply": 2, "unrelated": 3},
    "ar": {"allegation": 16, "engagement_request": 6, "information_request": 4,
           "general_info": 2, "follow_up": 5, "submission": 5, "invitation": 3,
           "general_invite": 1, "spam": 2, "newsletter": 2, "autoreply": 1, "unrelated": 3},
}
FORMS_PER_LANG = {"en": 13, "es": 8, "fr": 7, "pt": 7, "ar": 5}
FORWARDED_PER_LANG = {"en": 5, "es": 3, "fr": 3, "pt": 2, "ar": 2}
JSON_FORMS = 15
MIN_PER_ID = 12

OOS_TYPES = ("spam", "newsletter", "autoreply", "unrelated")
KIND_OF: dict[str, str] = {
    "general_info": "information_request", "general_invite": "invitation",
    "spam": "out_of_scope", "newsletter": "out_of_scope", "autoreply": "out_of_scope",
    "unrelated": "out_of_scope",
}
LOW_TYPES = ("general_info", "general_invite", *OOS_TYPES)
VOICE = {"cso": "ngo", "media": "journalist", "research": "academic",
         "community": "community", "coalition": "coalition", "legal": "lawyer",
         "union": "union"}
PREFERRED_TYPES: dict[str, tuple[str, ...]] = {
    "allegation": ("cso", "community", "legal", "union", "coalition", "media"),
    "engagement_request": ("cso", "coalition", "union", "community", "legal"),
    "information_request": ("media", "research"),
    "submission": ("research", "cso", "coalition"),
    "invitation": ("research", "coalition", "cso", "union"),
    "general_invite": ("research",),
    "autoreply": ("cso", "research", "legal", "coalition"),
    "newsletter": ("cso", "coalition", "community"),
}
INDIVIDUAL_SHARE = {"allegation": 0.2, "engagement_request": 0.05,
                    "information_request": 0.1, "general_info": 1.0, "unrelated": 1.0}
# (share critical, share high) of the severity target, per planner kind.
TARGETS = {"allegation": (0.24, 0.38), "engagement_request": (0.0, 0.2),
           "information_request": (0.0, 0.1), "submission": (0.0, 0.1),
           "invitation": (0.0, 0.05), "follow_up": (0.0, 0.3)}
# Weights of 0, 1 and 2 challenge paragraphs.
N_CHALLENGES = {"allegation": (35, 45, 20), "engagement_request": (40, 50, 10),
                "information_request": (60, 40, 0), "submission": (50, 45, 5),
                "invitation": (75, 25, 0), "follow_up": (60, 40, 0)}
FORMALITY = {"ngo": 0.7, "coalition": 0.95, "lawyer": 0.9, "academic": 0.85, "union": 0.6,
             "journalist": 0.6, "community": 0.4, "hrd": 0.3}
NORTH = {"GB", "US", "FR", "ES", "PT"}
# Organisations whose work is about other countries than their base.
FOCUS = {"Coordinadora Nicaragüense de Derechos": ["NI"],
         "معهد الخليج لأبحاث السياسات الرقمية": ["SA", "AE", "BH", "QA"]}

DAY0 = date(2026, 10, 1)
NDAYS = 58  # 1 October to 27 November 2026
FIRST_UTC = datetime(2026, 10, 1, 0, 0, tzinfo=UTC)
LAST_UTC = datetime(2026, 11, 27, 23, 59, 59, tzinfo=UTC)

# Mobile number shapes per country (x = random digit); checked against libphonenumber
# metadata when this table was written, so the numbers are valid but fictional.
PHONE_FMT = {
    "AE": "50 xxx xxxx", "AO": "92x xxx xxx", "AR": "9 11 2xxx-xxxx", "BD": "18xx-xxxxxx",
    "BF": "7x xx xx xx", "BH": "36xx xxxx", "BI": "79 xx xx xx", "BJ": "01 9x xx xx xx",
    "BO": "7xxxxxxx", "BR": "11 9xxxx-xxxx", "CD": "99x xxx xxx", "CI": "01 xx xx xxxx",
    "CL": "9 xxxx xxxx", "CM": "6 7x xx xx xx", "CO": "321 xxxxxxx", "CR": "83xx xxxx",
    "CU": "5 xxxxxxx", "CV": "9xx xx xx", "DZ": "55x xx xx xx", "EC": "99 xxx xxxx",
    "EG": "10 xxxxxxxx", "ES": "6xx xx xx xx", "ET": "9x xxx xxxx", "FR": "6 1x xx xx xx",
    "GB": "740x xxxxxx", "GH": "23 xxx xxxx", "GN": "60x xx xx xx", "GT": "5xxx xxxx",
    "GW": "95x xxx xxx", "HN": "9xxx-xxxx", "HT": "3x xx xxxx", "IN": "8xxxx xxxxx",
    "IQ": "79x xxx xxxx", "JO": "7 9xxx xxxx", "KE": "7xx xxx xxx", "KH": "91 xxx xxx",
    "LB": "71 xxx xxx", "LK": "71 xxx xxxx", "LY": "91-xxxxxxx", "MA": "6 5x xx xx xx",
    "MG": "32 xx xxx xx", "ML": "6x xx xx xx", "MM": "9 21x xxxx", "MW": "99x xx xx xx",
    "MX": "22x xxx xxxx", "MY": "12-xxx xxxx", "MZ": "82 xxx xxxx", "NE": "9x xx xx xx",
    "NG": "80x xxx xxxx", "NI": "8xxx xxxx", "NP": "984-xxxxxxx", "PE": "9xx xxx xxx",
    "PH": "905 xxx xxxx", "PK": "30x xxxxxxx", "PS": "59x xxx xxx", "PT": "91x xxx xxx",
    "PY": "961 xxxxxx", "QA": "3xxx xxxx", "RW": "72x xxx xxx", "SA": "51 xxx xxxx",
    "SD": "91 xxx xxxx", "SL": "25 xxxxxx", "SN": "70 xxx xx xx", "ST": "98x xxxx",
    "SV": "7xxx xxxx", "SY": "94x xxx xxx", "TD": "6x xx xx xx", "TG": "90 xx xx xx",
    "TH": "8x xxx xxxx", "TN": "2x xxx xxx", "TZ": "62x xxx xxx", "UG": "7xx xxx xxx",
    "US": "312-555-01xx", "VE": "412-xxxxxxx", "YE": "71x xxx xxx", "ZA": "7x xxx xxxx",
    "ZM": "95 xxxxxxx", "ZW": "71 xxx xxxx",
}
PHONE_LABEL = {"en": ["Tel: ", "Mobile: ", "Signal: ", ""], "es": ["Tel.: ", "Cel.: ", "WhatsApp: ", ""],
               "fr": ["Tél. : ", "Mobile : ", "Signal : ", ""],
               "pt": ["Tel.: ", "Celular: ", "WhatsApp: ", ""],
               "ar": ["هاتف: ", "جوال: ", "واتساب: ", ""]}
STUDENT_ROLE = {"en": "Student", "es": "Estudiante", "fr": "Étudiante", "pt": "Estudante",
                "ar": "طالبة"}
FEMALE_STAFF = [STAFF[0], STAFF[2]]
STAFF_AR = {"Ana": "آنا", "Julia": "جوليا"}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"],
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
           "أكتوبر", "نوفمبر", "ديسمبر"],
}
SHORT_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "es": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."],
    "pt": ["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.",
           "nov.", "dez."],
}
WEEKDAYS = {
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    "es": ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
    "fr": ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    "pt": ["seg.", "ter.", "qua.", "qui.", "sex.", "sáb.", "dom."],
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
}
REPLY_MARKER = {"en": "On {date}, {name} <{addr}> wrote:",
                "es": "El {date}, {name} <{addr}> escribió:",
                "fr": "Le {date}, {name} <{addr}> a écrit :",
                "pt": "Em {date}, {name} <{addr}> escreveu:",
                "ar": "في {date}، كتب {name} <{addr}>:"}
FWD_MARKER = {"en": "---------- Forwarded message ---------",
              "es": "---------- Mensaje reenviado ---------",
              "fr": "---------- Message transféré ---------",
              "pt": "---------- Mensagem encaminhada ---------",
              "ar": "---------- رسالة معاد توجيهها ---------"}
FWD_PREFIX = {"en": "Fwd: ", "es": "RV: ", "fr": "TR: ", "pt": "ENC: ", "ar": "Fwd: "}
FIELD_SEP = {"en": ", ", "es": ", ", "fr": ", ", "pt": ", ", "ar": "، "}
REPORT_FILE = {"en": "report-2026.pdf", "es": "informe-2026.pdf", "fr": "rapport-2026.pdf",
               "pt": "relatório-2026.pdf", "ar": "تقرير-2026.pdf"}
DATA_FILE = {"en": "dataset.csv", "es": "datos.csv", "fr": "donnees.csv", "pt": "dados.csv",
             "ar": "data.csv"}
SPAM_SENDERS = {
    "en": [("GrowthRocket Team", "hello@growthrocket.example"),
           ("Accounts Department", "billing@billing-secure.example.net"),
           ("Mark Ellis", "mark@digital-growth.example"),
           ("WLES Organising Committee", "committee@wles-summit.example")],
    "es": [("Equipo CreceYa", "hola@creceya.example")],
    "fr": [("CroissancePlus", "contact@croissanceplus.example")],
    "pt": [("Equipe CresceJá", "ola@cresceja.example")],
    "ar": [("فريق النمو السريع", "team@growfast.example")],
}
# None: the newsletter of one of the language's organisations.
NEWS_SENDERS: dict[str, list[tuple[str, str] | None]] = {
    "en": [None, ("Dashly Product Team", "updates@dashly.example"),
           ("Riverside Community Hub", "digest@riverside-hub.example")],
    "es": [None], "fr": [None], "pt": [None], "ar": [None],
}

# Information-request templates that only a journalist would write (subject and ask indexes).
PRESS_SUBJECTS = {"en": (0, 3), "es": (0,), "fr": (0,), "pt": (0,), "ar": (0,)}
PRESS_ASKS = {"en": (4,), "es": (3,), "fr": (3,), "pt": (3,), "ar": (3,)}

# Which urgent asks fit which main issue (indexes into asks["urgent"], same order in every
# language: act now, call us, secure the account, escalate, take the post down).
URGENT_FIT = {"shutdowns": (0, 1, 3), "harmful_content": (0, 1, 3, 4),
              "child_rights": (0, 1, 3, 4), "hrd_safety": (0, 1, 2, 3),
              "surveillance": (0, 1, 2, 3)}

COUNTRY_KEYS = {"in", "name", "of", "city", "at", "plain"}
PH_RE = re.compile(r"\{(\w+)\}")
TAG_RE = re.compile(r"^\[(c|h|\+[a-z_]+|@[A-Z]{2})\]\s*")


@dataclass(frozen=True)
class Para:
    """One pool paragraph: text with placeholders, severity and extra labels from its tags."""

    text: str
    sev: str = ""
    extra: tuple[str, ...] = ()
    named: tuple[str, ...] = ()


def parse_pool(pool: str) -> list[Para]:
    out: list[Para] = []
    for block in re.split(r"\n[ \t]*\n", pool.strip()):
        text = block.strip()
        if not text:
            continue
        sev, extra, named = "", [], []
        while match := TAG_RE.match(text):
            tag = match.group(1)
            text = text[match.end():]
            if tag in ("c", "h"):
                sev = "c" if "c" in (sev, tag) else "h"
            elif tag.startswith("+"):
                if tag[1:] not in RIGHTS_ISSUES and tag[1:] not in CHALLENGES:
                    raise ValueError(f"unknown label tag {tag!r}")
                extra.append(tag[1:])
            else:
                named.append(tag[1:])
        out.append(Para(text, sev, tuple(extra), tuple(named)))
    return out


_POOLS: dict[tuple[str, str, str], list[Para]] = {}


def pool(lang: str, section: str, key: str) -> list[Para]:
    k = (lang, section, key)
    if k not in _POOLS:
        _POOLS[k] = parse_pool(CONTENT[lang][section][key])
    return _POOLS[k]


def ascii_fold(text: str) -> str:
    """Lower-case ASCII for e-mail local parts: accents stripped, spaces and quotes removed."""
    norm = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in norm if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9.-]", "", kept)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


@dataclass
class Org:
    name: str
    otype: str
    cc: str
    city: str
    domain: str
    desc: str
    people: list[Person] = field(default_factory=list)


@dataclass
class Person:
    name: str
    first: str
    addr: str
    role: str
    phone: str
    cc: str
    city: str
    voice: str
    org: Org | None = None

    @property
    def domain(self) -> str:
        return self.addr.rpartition("@")[2]


@dataclass
class Composed:
    subject: str
    body: str  # the whole text/plain body, "\n" line endings
    new_text: str  # what the sender wrote now, without signature (used when quoted later)
    issues: set[str]
    challenges: set[str]
    countries: set[str]
    body_countries: set[str]
    subject_countries: set[str]
    priority: str
    paras: list[Para] = field(default_factory=list)
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)
    extra_headers: list[tuple[str, str]] = field(default_factory=list)
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    quoted: bool = False


@dataclass
class Plan:
    lang: str
    ptype: str
    sender: Person
    when: datetime = FIRST_UTC
    cc: str = ""
    cc2: str = ""
    city_idx: int = 0
    issues: list[str] = field(default_factory=list)
    challenges: list[str] = field(default_factory=list)
    target: str = "normal"
    channel: str = "email"
    forwarded: bool = False
    attach: str = ""  # "", "submission" or "evidence"
    parent: Plan | None = None
    has_child: bool = False
    oos_index: int = 0
    id: str = ""
    msgid: str = ""
    topic: str = ""
    out: Composed | None = None

    @property
    def kind(self) -> str:
        return KIND_OF.get(self.ptype, self.ptype)


class Deck:
    """Balanced draws: each item once per round, in a shuffled order."""

    def __init__(self, rng: random.Random, items: list[str]) -> None:
        self.rng = rng
        self.items = items
        self.cards: list[str] = []

    def draw(self, ok: Callable[[str], bool] | None = None, avoid: tuple[str, ...] = ()) -> str:
        for _ in range(3):
            for i, card in enumerate(self.cards):
                if card not in avoid and (ok is None or ok(card)):
                    return self.cards.pop(i)
            fresh = list(self.items)
            self.rng.shuffle(fresh)
            self.cards.extend(fresh)
        raise ValueError("no card satisfies the condition")


def make_phone(rng: random.Random, cc: str) -> str:
    digits = "".join(str(rng.randrange(10)) if ch == "x" else ch for ch in PHONE_FMT[cc])
    return f"+{PHONE_CC[cc]} {digits}"


def person_name(rng: random.Random, lang: str, cc: str) -> tuple[str, str, str, str]:
    """(display name, first name, ascii first, ascii last)."""
    if lang == "ar":
        display, latin = rng.choice(AR_NAMES)
        first_lat, _, last_lat = latin.partition(".")
        return display, display.split()[0], first_lat, last_lat or first_lat[:1]
    region = name_region(lang, cc)
    first, last = rng.choice(FIRST[region]), rng.choice(LAST[region])
    return f"{first} {last}", first, ascii_fold(first), ascii_fold(last)


def make_org_person(rng: random.Random, lang: str, org: Org) -> Person:
    taken = {p.addr.partition("@")[0] for p in org.people}
    while True:
        display, first, fa, la = person_name(rng, lang, org.cc)
        if lang == "ar":
            local = rng.choice([f"{fa}.{la}", f"{fa}{la}", fa if len(fa) > 2 else f"{fa}.{la}"])
        else:
            local = rng.choice([f"{fa}.{la}", f"{fa[:1]}{la}", fa, f"{fa}.{la}"])
        if local not in taken:
            break
    voice = VOICE[org.otype]
    role = rng.choice(CONTENT[lang]["roles"][voice])
    return Person(display, first, f"{local}@{org.domain}", role, make_phone(rng, org.cc),
                  org.cc, org.city, voice, org)


def make_individual(rng: random.Random, lang: str, cc: str, role: str) -> Person:
    display, first, fa, la = person_name(rng, lang, cc)
    local = rng.choice([f"{fa}.{la}", f"{fa}{la[:1]}{rng.randrange(70, 99)}",
                        f"{fa}_{la}", f"{la}.{fa}{rng.randrange(1, 9)}"])
    city = rng.choice(geo(lang, cc)["cities"])
    return Person(display, first, f"{local}@{rng.choice(WEBMAIL)}", role,
                  make_phone(rng, cc), cc, city, "hrd")


def local_dt(when: datetime, cc: str) -> datetime:
    return when.astimezone(timezone(timedelta(minutes=TZ_MIN[cc])))


def random_time(rng: random.Random, cc: str, lo: int = 0, hi: int = NDAYS - 1,
                late: bool = False) -> datetime:
    """A receipt time (UTC) on a sender-local day between DAY0+lo and DAY0+hi."""
    tz = timezone(timedelta(minutes=TZ_MIN[cc]))
    for _ in range(100):
        day = DAY0 + timedelta(days=rng.randint(lo, hi))
        hour = rng.randint(1, 23) if late else rng.choice([7, 8, 9, 9, 10, 10, 11, 11, 12, 13,
                                                           14, 14, 15, 15, 16, 16, 17, 18,
                                                           19, 20, 21])
        local = datetime(day.year, day.month, day.day, hour, rng.randrange(60),
                         rng.randrange(60), tzinfo=tz)
        when = local.astimezone(UTC)
        if FIRST_UTC <= when <= LAST_UTC:
            return when
    raise ValueError("no time in range")


def pick_countries(rng: random.Random, lang: str, sender: Person) -> tuple[str, str]:
    """(message country, second country or "") for one message."""
    choices = [cc for cc in GAZ[lang] if cc not in BASE_ONLY.get(lang, set())]
    own_share = 0.3 if sender.cc in NORTH else 0.72
    focus = FOCUS.get(sender.org.name, []) if sender.org else []
    if focus and rng.random() < 0.85:
        cc = rng.choice(focus)
    elif sender.cc in choices and rng.random() < own_share:
        cc = sender.cc
    else:
        cc = near_choice(rng, lang, [c for c in choices if c != sender.cc], sender.cc)
    return cc, near_choice(rng, lang, [c for c in choices if c != cc], cc)


def near_choice(rng: random.Random, lang: str, choices: list[str], cc: str) -> str:
    """English covers several regions: prefer a country of the same region, usually."""
    near = [c for c in choices if NAME_REGION.get(c) == NAME_REGION.get(cc)]
    if lang == "en" and near and rng.random() < 0.65:
        return rng.choice(near)
    return rng.choice(choices)


def pick_sender(rng: random.Random, lang: str, ptype: str, orgs: list[Org]) -> Person:
    if rng.random() < INDIVIDUAL_SHARE.get(ptype, 0.0):
        cc = rng.choice(sorted(GAZ[lang]))
        if ptype in ("general_info", "unrelated"):
            role = STUDENT_ROLE[lang] if ptype == "general_info" else ""
        else:
            role = rng.choice(CONTENT[lang]["roles"]["hrd"])
        return make_individual(rng, lang, cc, role)
    preferred = [o for o in orgs if o.otype in PREFERRED_TYPES.get(ptype, ())]
    org = rng.choice(preferred if preferred and rng.random() < 0.7 else orgs)
    return rng.choice(org.people)


def bulk_sender(rng: random.Random, lang: str, ptype: str, index: int,
                orgs: list[Org]) -> Person:
    """The sender of a spam or newsletter mail (no signature, no phone)."""
    table = SPAM_SENDERS if ptype == "spam" else NEWS_SENDERS
    entry = table[lang][index % len(table[lang])]
    if entry is None:
        preferred = [o for o in orgs if o.otype in PREFERRED_TYPES["newsletter"]]
        org = rng.choice(preferred)
        local = {"en": "newsletter", "es": "boletin", "fr": "lettre", "pt": "boletim",
                 "ar": "news"}[lang]
        entry = (org.name, f"{local}@{org.domain}")
        cc, city = org.cc, org.city
    else:
        cc, city = rng.choice(sorted(GAZ[lang])), ""
    name, addr = entry
    return Person(name, name.split()[0], addr, "", "", cc, city, "ngo")


def can(lang: str, issue: str, sev: str) -> bool:
    return any(p.sev == sev for p in pool(lang, "issues", issue))


def plan_language(rng: random.Random, lang: str) -> list[Plan]:
    orgs = [Org(*t) for t in ORGS[lang]]
    for org in orgs:
        for _ in range(2):
            org.people.append(make_org_person(rng, lang, org))
    issue_deck = Deck(rng, list(RIGHTS_ISSUES))
    chal_deck = Deck(rng, list(CHALLENGES))
    ptypes = [pt for pt, n in PLAN_COUNTS[lang].items() for _ in range(n)]
    rng.shuffle(ptypes)
    targets: dict[str, list[str]] = {}
    for ptype, (crit, high) in TARGETS.items():
        n = PLAN_COUNTS[lang][ptype]
        n_crit, n_high = round(crit * n), round(high * n)
        targets[ptype] = (["critical"] * n_crit + ["high"] * n_high
                          + ["normal"] * (n - n_crit - n_high))
        rng.shuffle(targets[ptype])
    plans: list[Plan] = []
    oos_seen: Counter[str] = Counter()
    for ptype in ptypes:
        if ptype == "follow_up":
            plans.append(Plan(lang, ptype, orgs[0].people[0]))  # sender set from the parent
            continue
        sender = pick_sender(rng, lang, ptype, orgs)
        if ptype in ("spam", "newsletter"):
            sender = bulk_sender(rng, lang, ptype, oos_seen[ptype], orgs)
        plan = Plan(lang, ptype, sender)
        plans.append(plan)
        plan.cc, cc2 = pick_countries(rng, lang, sender)
        plan.city_idx = rng.randrange(len(geo(lang, plan.cc)["cities"]))
        if ptype in OOS_TYPES:
            plan.oos_index = oos_seen[ptype]
            oos_seen[ptype] += 1
            plan.when = random_time(rng, sender.cc, late=ptype == "spam")
            continue
        if ptype in ("general_info", "general_invite"):
            plan.issues = ["other"]
            plan.when = random_time(rng, sender.cc)
            continue
        plan.target = targets[ptype].pop()
        sev = {"critical": "c", "high": "h"}.get(plan.target)
        first = issue_deck.draw((lambda i, s=sev: can(lang, i, s)) if sev else None)
        plan.issues = [first]
        if rng.random() < {"allegation": 0.3, "submission": 0.2}.get(ptype, 0.0):
            plan.issues.append(issue_deck.draw(lambda i: i != "other", avoid=(first,)))
        n_chal = rng.choices([0, 1, 2], weights=N_CHALLENGES[ptype])[0]
        for _ in range(n_chal):
            plan.challenges.append(chal_deck.draw(avoid=tuple(plan.challenges)))
        if ptype in ("allegation", "engagement_request") and rng.random() < 0.25:
            plan.cc2 = cc2
        plan.when = random_time(rng, sender.cc, late=plan.target == "critical")

    # Channels: web forms, forwarded chains, attachments.
    form_ok = [p for p in plans if p.ptype in ("allegation", "engagement_request",
                                               "information_request", "general_info",
                                               "unrelated")]
    for plan in rng.sample(form_ok, FORMS_PER_LANG[lang]):
        plan.channel = "form"
    fwd_ok = [p for p in plans if p.ptype == "allegation" and p.channel == "email"
              and p.sender.org is not None and p.sender.voice != "journalist"]
    for plan in rng.sample(fwd_ok, FORWARDED_PER_LANG[lang]):
        plan.forwarded = True
    for plan in plans:
        if plan.channel != "email":
            continue
        if plan.ptype == "submission" and rng.random() < 0.6:
            plan.attach = "submission"
        elif plan.ptype == "allegation" and not plan.forwarded and rng.random() < 0.2:
            plan.attach = "evidence"

    # Follow-ups answer an earlier e-mail from the same organisation.
    parents = sorted((p for p in plans if p.channel == "email" and not p.forwarded
                      and p.sender.org is not None and p.ptype in TARGETS
                      and p.ptype != "follow_up" and p.when < LAST_UTC - timedelta(days=4)),
                     key=lambda p: p.when)
    for plan in plans:
        if plan.ptype != "follow_up":
            continue
        fresh = [p for p in parents if not p.has_child]
        parent = rng.choice(fresh or parents)
        parent.has_child = True
        plan.parent, plan.sender = parent, parent.sender
        plan.cc, plan.city_idx, plan.issues = parent.cc, parent.city_idx, parent.issues[:1]
        lo = (parent.when - FIRST_UTC).days + 3
        plan.when = random_time(rng, plan.sender.cc, lo=min(lo, NDAYS - 1))
        if plan.when <= parent.when:
            plan.when = parent.when + timedelta(days=2, hours=rng.randint(1, 20))
            plan.when = min(plan.when, LAST_UTC - timedelta(minutes=rng.randint(5, 300)))
        plan.target = targets["follow_up"].pop()
        if not can(lang, plan.issues[0], "h"):
            plan.target = "normal"
        if rng.random() < 0.65:
            plan.challenges.append("lack_of_commitment")
        if rng.random() < 0.3:
            plan.challenges.append(chal_deck.draw(avoid=tuple(plan.challenges)))

    plans.sort(key=lambda p: (p.when, p.ptype))
    for n, plan in enumerate(plans, start=1):
        plan.id = f"{lang}-{n:04d}"
        plan.msgid = f"<{plan.id}.{rng.getrandbits(40):010x}@{plan.sender.domain}>"
    return plans


# ---------------------------------------------------------------------------
# 4. The composer
# ---------------------------------------------------------------------------
@dataclass
class Labels:
    issues: set[str] = field(default_factory=set)
    challenges: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    sev: set[str] = field(default_factory=set)


class Filler:
    """Fills placeholders and records which countries the filled text names."""

    def __init__(self, values: dict[str, str], cc: str, cc2: str) -> None:
        self.values, self.cc, self.cc2 = values, cc, cc2

    def fill(self, template: str, labels: Labels | None) -> str:
        used = PH_RE.findall(template)
        text = PH_RE.sub(lambda m: self.values[m.group(1)], template)
        if labels is not None:
            if any(u in COUNTRY_KEYS for u in used):
                labels.countries.add(self.cc)
            if "in2" in used and self.cc2:
                labels.countries.add(self.cc2)
        return text

    def para(self, para: Para, labels: Labels) -> str:
        text = self.fill(para.text, labels)
        for label in para.extra:
            (labels.issues if label in RIGHTS_ISSUES else labels.challenges).add(label)
        labels.countries.update(para.named)
        if para.sev:
            labels.sev.add(para.sev)
        return text


def pick(rng: random.Random, paras: list[Para], sevs: tuple[str, ...], cc: str,
         used: list[Para]) -> Para:
    """A paragraph with the first severity in ``sevs`` that has candidates."""
    ok = [p for p in paras if cc not in p.named and p not in used]
    for sev in sevs:
        cands = [p for p in ok if p.sev == sev]
        if cands:
            return rng.choice(cands)
    return rng.choice(ok or paras)


def fmt_pdate(lang: str, when: datetime) -> str:
    month = MONTHS[lang][when.month - 1]
    return f"{when.day} de {month}" if lang in ("es", "pt") else f"{when.day} {month}"


def marker_date(lang: str, when: datetime) -> str:
    wd, d, y, hm = WEEKDAYS[lang][when.weekday()], when.day, when.year, when.strftime("%H:%M")
    if lang == "ar":
        return f"{wd} {d} {MONTHS['ar'][when.month - 1]} {y} الساعة {hm}"
    mon = SHORT_MONTHS[lang][when.month - 1]
    return {"en": f"{wd}, {d} {mon} {y} at {hm}", "es": f"{wd}, {d} {mon} {y} a las {hm}",
            "fr": f"{wd} {d} {mon} {y} à {hm}",
            "pt": f"{wd}, {d} de {mon} de {y} às {hm}"}[lang]


def quote_lines(text: str) -> list[str]:
    return ["> " + line if line else ">" for line in text.rstrip("\n").split("\n")]


def make_filler(plan: Plan, person: Person, ref: str = "", pdate: str = "",
                staff_first: str = "") -> Filler:
    g = geo(plan.lang, plan.cc)
    g2 = geo(plan.lang, plan.cc2) if plan.cc2 else None
    org = person.org
    values = {
        "in": g["in"], "name": g["name"], "of": g["of"], "plain": g["plain"],
        "city": g["cities"][plan.city_idx], "at": g["ats"][plan.city_idx],
        "in2": g2["in"] if g2 else "", "topic": plan.topic,
        "org": org.name if org else "", "desc": org.desc if org else "",
        "ocity": person.city, "pname": person.name, "pfirst": person.first,
        "first": person.first, "staff": staff_first, "domain": person.domain,
        "ref": ref, "pdate": pdate, "subject": "",
    }
    return Filler(values, plan.cc, plan.cc2)


class Letter:
    """Builds the blocks of one message and the labels of what it says."""

    def __init__(self, plan: Plan, rng: random.Random, person: Person, ref: str = "",
                 pdate: str = "") -> None:
        self.plan, self.rng, self.person = plan, rng, person
        self.lang = plan.lang
        self.c = CONTENT[plan.lang]
        staff_first = rng.choice(FEMALE_STAFF)[0].split()[0]
        if self.lang == "ar":
            staff_first = STAFF_AR[staff_first]
        self.f = make_filler(plan, person, ref, pdate, staff_first)
        self.labels = Labels()
        self.used: list[Para] = []
        self.formal = rng.random() < FORMALITY[person.voice]

    def greeting(self, urgent: bool) -> str:
        style = "urgent" if urgent and self.rng.random() < 0.7 else (
            "formal" if self.formal else "informal")
        values = dict(self.f.values, city=self.person.city)  # "Greetings from" the sender's city
        return Filler(values, "", "").fill(self.rng.choice(self.c["greet"][style]), None)

    def closing(self, urgent: bool, sign: bool = True) -> str:
        style = "urgent" if urgent and self.rng.random() < 0.7 else (
            "formal" if self.formal else "informal")
        text = self.rng.choice(self.c["close"][style])
        if sign:
            text += "\n" + (self.person.first if self.rng.random() < 0.6 else self.person.name)
        return text

    def intro(self) -> str:
        choices = self.c["intro"][self.person.voice]
        if self.plan.cc != self.person.cc:  # "has worked in <country>" only for its own country
            choices = [t for t in choices if "topic" in PH_RE.findall(t)
                       or not set(PH_RE.findall(t)) & COUNTRY_KEYS]
        return self.f.fill(self.rng.choice(choices), self.labels)

    def press_choice(self, templates: list, press: tuple[int, ...]) -> int:
        """An index into ``templates``: press ones for journalists (mostly), never for others."""
        others = [i for i in range(len(templates)) if i not in press]
        if self.person.voice == "journalist" and self.rng.random() < 0.6:
            return self.rng.choice(press)
        return self.rng.choice(others)

    def issue_paras(self) -> list[str]:
        plan, rng = self.plan, self.rng
        first_sev = {"critical": ("c",), "high": ("h",)}.get(plan.target, ("", "h"))
        rest_sev = ("", "h") if plan.target == "critical" else ("",)
        picks = [(plan.issues[0], first_sev)]
        picks += [(issue, rest_sev) for issue in plan.issues[1:]]
        if len(plan.issues) == 1 and plan.ptype == "allegation" and rng.random() < 0.3:
            picks.append((plan.issues[0], rest_sev))
        out = []
        for issue, sevs in picks:
            para = pick(rng, pool(self.lang, "issues", issue), sevs, plan.cc, self.used)
            self.used.append(para)
            out.append(self.f.para(para, self.labels))
        if plan.cc2:
            out[-1] += " " + self.f.fill(rng.choice(self.c["also"]), self.labels)
        return out

    def challenge_paras(self) -> list[str]:
        out = []
        for chal in self.plan.challenges:
            para = pick(self.rng, pool(self.lang, "challenges", chal), ("",), self.plan.cc,
                        self.used)
            self.used.append(para)
            self.labels.challenges.add(chal)
            out.append(self.f.para(para, self.labels))
        return out

    def ask(self, key: str, index: int | None = None) -> str:
        paras = pool(self.lang, "asks", key)
        if index is None and key == "information_request":
            index = self.press_choice(paras, PRESS_ASKS[self.lang])
        para = paras[index] if index is not None else self.rng.choice(paras)
        return self.f.para(para, self.labels)

    def urgent_ask(self) -> str:
        fit = list(URGENT_FIT.get(self.plan.issues[0], (0, 1, 3)))
        if "harmful_content" in self.labels.issues and 4 not in fit:
            fit.append(4)
        return self.ask("urgent", self.rng.choice(fit))

    def signatories(self) -> str:
        org = self.person.org
        cities = geo(self.lang, self.plan.cc)["cities"]
        names = self.rng.sample(self.c["sign_orgs"], self.rng.randint(3, 5))
        lines = [self.c["signatories"], org.name if org else self.person.name]
        for name in names:
            values = dict(self.f.values, city=self.rng.choice(cities))
            lines.append(Filler(values, self.plan.cc, "").fill(name, self.labels))
        return "\n".join(lines)

    def signature(self, phone: bool = True) -> str:
        p, rng = self.person, self.rng
        lines = ["-- ", p.name]
        if p.org and rng.random() < 0.6:
            lines.append(f"{p.role}{FIELD_SEP[self.lang]}{p.org.name}")
        elif p.org:
            lines += [p.role, p.org.name]
        elif p.role:
            lines.append(p.role)
        lines.append(p.city)
        if phone:
            lines.append(rng.choice(PHONE_LABEL[self.lang]) + p.phone)
        if p.org and rng.random() < 0.4:
            lines.append(f"https://{p.org.domain}")
        text = "\n".join(lines)
        if p.org and p.org.otype in ("cso", "legal", "research", "coalition") \
                and rng.random() < 0.25:
            text += "\n\n" + self.c["disclaimer"]
        return text

    def subject(self, labels: Labels) -> str:
        plan, rng = self.plan, self.rng
        if "c" in self.labels.sev and rng.random() < 0.7:
            template = rng.choice(self.c["urgent_subjects"])
        elif plan.ptype == "information_request":
            templates = self.c["subjects"][plan.ptype]
            template = templates[self.press_choice(templates, PRESS_SUBJECTS[self.lang])]
        else:
            template = rng.choice(self.c["subjects"][plan.ptype])
        return cap(self.f.fill(template, labels))


def finish(plan: Plan, subject: str, body: str, new_text: str, body_l: Labels,
           subj_l: Labels) -> Composed:
    if plan.ptype in OOS_TYPES:
        issues, chals, countries, priority = {"other"}, set(), set(), "low"
    else:
        issues = set(plan.issues) | body_l.issues
        chals = body_l.challenges
        countries = body_l.countries | subj_l.countries
        if "c" in body_l.sev:
            priority = "critical"
        elif "h" in body_l.sev:
            priority = "high"
        else:
            priority = "low" if plan.ptype in LOW_TYPES else "normal"
    return Composed(subject, body, new_text, issues, chals, countries, set(body_l.countries),
                    set(subj_l.countries), priority)


def compose_letter(plan: Plan, rng: random.Random) -> Composed:
    """Allegations, requests, submissions, invitations, follow-ups and general mail."""
    s, ptype = plan.sender, plan.ptype
    ref = f"HR-2026-{rng.randint(100, 4999):04d}"
    parent = plan.parent
    pdate = fmt_pdate(plan.lang, local_dt(parent.when, s.cc)) if parent else ""
    let = Letter(plan, rng, s, ref, pdate)
    if parent and parent.out:
        let.used += parent.out.paras
    body: list[str] = []
    subj_l = Labels()
    if ptype in ("general_info", "general_invite"):
        body.append(let.greeting(False))
        if ptype == "general_invite" and rng.random() < 0.5:
            body.append(let.intro())
        body.append(let.ask(ptype))
    elif ptype == "follow_up":
        body.append(let.greeting(False))
        body.append(let.ask("follow_up"))
        body += let.issue_paras()
        body += let.challenge_paras()
    else:
        issues = let.issue_paras()
        chals = let.challenge_paras()
        urgent = "c" in let.labels.sev
        body.append(let.greeting(urgent))
        if s.voice != "hrd" or rng.random() < 0.7:
            body.append(let.intro())
        if ptype == "submission":
            key = "submission_attached" if plan.attach else "submission_link"
            index = rng.randrange(len(pool(plan.lang, "asks", key)))
            body.append(let.ask(key, index))
            if plan.attach and index == len(pool(plan.lang, "asks", key)) - 1:
                plan.attach = "submission+data"
            body += issues + chals
        elif ptype == "invitation":
            body.append(let.ask("invitation"))
            body += issues + chals
        else:
            body += issues + chals
            if plan.attach == "evidence":
                index = rng.randrange(2)  # 0 mentions screenshots: attach an image too
                body.append(let.ask("evidence_attached", index))
                plan.attach = "evidence+png" if index == 0 else "evidence"
            if urgent:
                if rng.random() < 0.3:
                    body.append(let.ask("allegation"))
                body.append(let.urgent_ask())
            else:
                body.append(let.ask(ptype))
    body = [b for b in body if b]
    urgent = "c" in let.labels.sev
    if s.voice == "coalition" and ptype in ("allegation", "engagement_request", "submission"):
        body.append(let.closing(urgent, sign=False))
        body.append(let.signatories())
    else:
        body.append(let.closing(urgent))
    new_text = "\n\n".join(body)
    body.append(let.signature(phone=ptype != "general_info"))
    if parent and parent.out:
        template = rng.choice(let.c["followup_subject"])
        subject = Filler({"subject": parent.out.subject}, "", "").fill(template, None)
        subj_l.countries |= parent.out.subject_countries
    else:
        subject = let.subject(subj_l)
    out_refs: tuple[str, list[str]] = ("", [])
    if parent and parent.out:
        quoted, out_refs = quote_history(plan, rng, let, ref)
        body.append(quoted)
    text = "\n\n".join(body) + "\n"
    composed = finish(plan, subject, text, new_text, let.labels, subj_l)
    composed.paras = list(let.used)
    if parent and parent.out:
        composed.in_reply_to, composed.references = out_refs
        composed.quoted = True
    return composed


def quote_history(plan: Plan, rng: random.Random, let: Letter,
                  ref: str) -> tuple[str, tuple[str, list[str]]]:
    """The quoted earlier exchange under a localised reply marker; adds its labels."""
    parent, s, lang = plan.parent, plan.sender, plan.lang
    assert parent is not None and parent.out is not None
    sent = parent.when - timedelta(seconds=rng.randint(20, 600))
    marker = REPLY_MARKER[lang].format(date=marker_date(lang, local_dt(sent, s.cc)),
                                       name=s.name, addr=s.addr)
    earlier = [marker, *quote_lines(parent.out.new_text)]
    let.labels.issues |= parent.out.issues
    let.labels.challenges |= parent.out.challenges
    let.labels.countries |= parent.out.body_countries
    if rng.random() < 0.35:
        return "\n".join(earlier), (parent.msgid, [parent.msgid])
    span = max(1, int((plan.when - parent.when).total_seconds() // 60) - 120)
    staff_when = parent.when + timedelta(minutes=60 + rng.randrange(span))
    staff_name, staff_local = rng.choice(STAFF)
    staff_addr = f"{staff_local}@{COMPANY_DOMAIN}"
    says = rng.random() < 0.6
    staff_text = rng.choice(let.c["staff_says"]) if says else let.c["staff_reply"]
    staff_text = Filler({"ref": ref, "first": s.first, "staff": staff_name}, "", "").fill(
        staff_text, None)
    staff_id = f"<{ref.lower()}.{rng.getrandbits(32):08x}@{COMPANY_DOMAIN}>"
    marker = REPLY_MARKER[lang].format(date=marker_date(lang, local_dt(staff_when, s.cc)),
                                       name=staff_name, addr=staff_addr)
    lines = [marker, *quote_lines(staff_text), ">", *quote_lines("\n".join(earlier))]
    return "\n".join(lines), (staff_id, [parent.msgid, staff_id])


def compose_forwarded(plan: Plan, rng: random.Random) -> Composed:
    """An organisation forwards a community member's message."""
    s, lang = plan.sender, plan.lang
    member = make_individual(rng, lang, plan.cc, "")
    member.city = geo(lang, plan.cc)["cities"][plan.city_idx]
    orig = Letter(plan, rng, member)
    orig.formal = False
    issues = orig.issue_paras()
    chals = orig.challenge_paras()
    urgent = "c" in orig.labels.sev
    blocks = [orig.greeting(urgent)]
    if rng.random() < 0.6:
        blocks.append(orig.intro())
    blocks += issues + chals
    blocks.append(orig.urgent_ask() if urgent else orig.ask("allegation"))
    blocks.append(orig.closing(urgent))
    orig_subject = orig.subject(orig.labels)
    outer = Letter(plan, rng, s)
    outer.labels = orig.labels  # one body, one set of labels
    head = []
    if rng.random() < 0.5:
        head.append(outer.greeting(False))
    head.append(outer.f.fill(rng.choice(outer.c["fwd_note"]), outer.labels))
    head.append(outer.closing(False))
    new_text = "\n\n".join(h for h in head if h)
    sent = max(plan.when - timedelta(hours=rng.randint(3, 60)), FIRST_UTC + timedelta(hours=12))
    header = "\n".join([
        FWD_MARKER[lang],
        f"From: {member.name} <{member.addr}>",
        f"Date: {marker_date(lang, local_dt(sent, plan.cc))}",
        f"Subject: {orig_subject}",
        f"To: {s.name} <{s.addr}>",
    ])
    text = "\n\n".join([new_text, outer.signature(), header,
                        "\n\n".join(b for b in blocks if b)]) + "\n"
    subj_l = Labels(countries=set(orig.labels.countries))
    return finish(plan, FWD_PREFIX[lang] + orig_subject, text, new_text, orig.labels, subj_l)


def compose_form(plan: Plan, rng: random.Random) -> Composed:
    """A web-form message: no signature block, no quoted text."""
    let = Letter(plan, rng, plan.sender)
    subj_l = Labels()
    blocks: list[str] = []
    if plan.ptype == "general_info":
        blocks.append(let.ask("general_info"))
    else:
        issues = let.issue_paras()
        chals = let.challenge_paras()
        urgent = "c" in let.labels.sev
        if rng.random() < 0.3:
            blocks.append(let.greeting(urgent))
        if rng.random() < 0.5:
            blocks.append(let.intro())
        blocks += issues + chals
        blocks.append(let.urgent_ask() if urgent else let.ask(plan.ptype))
    if rng.random() < 0.3:
        blocks.append(let.closing("c" in let.labels.sev, sign=False))
    text = "\n\n".join(b for b in blocks if b)
    subject = let.subject(subj_l)
    return finish(plan, subject, text, text, let.labels, subj_l)


def topic_subject(rng: random.Random, lang: str) -> str:
    """A subject line that names a topic but no country (for auto-replies)."""
    templates = [t for key in ("information_request", "engagement_request", "submission")
                 for t in CONTENT[lang]["subjects"][key] if set(PH_RE.findall(t)) <= {"topic"}]
    topics = [t for key in RIGHTS_ISSUES for t in CONTENT[lang]["topics"][key]]
    values = {"topic": rng.choice(topics)}
    return cap(Filler(values, "", "").fill(rng.choice(templates), None))


def compose_oos(plan: Plan, rng: random.Random) -> Composed:
    lang, s = plan.lang, plan.sender
    items = CONTENT[lang]["oos"][plan.ptype]
    subject_t, body_t = items[plan.oos_index % len(items)]
    values = {"subject": "Re: " + topic_subject(rng, lang), "domain": s.domain}
    subject = Filler(values, "", "").fill(subject_t, None)
    body = Filler(values, "", "").fill(body_t, None)
    text = body if plan.channel == "form" else body + "\n"
    composed = finish(plan, subject, text, body, Labels(), Labels())
    if plan.ptype == "newsletter":
        composed.extra_headers = [
            ("List-Unsubscribe", f"<mailto:unsubscribe@{s.domain}?subject=unsubscribe>, "
                                 f"<https://{s.domain}/unsubscribe>"),
            ("List-Id", f"<news.{s.domain}>"),
            ("Precedence", "bulk"),
        ]
    elif plan.ptype == "autoreply":
        composed.in_reply_to = f"<hr-{rng.getrandbits(48):012x}@{COMPANY_DOMAIN}>"
        composed.references = [composed.in_reply_to]
        composed.extra_headers = [("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes")]
    elif plan.ptype == "spam" and rng.random() < 0.5:
        composed.extra_headers = [("Precedence", "bulk")]
    return composed


def compose(plan: Plan, rng: random.Random) -> Composed:
    if plan.ptype in OOS_TYPES:
        return compose_oos(plan, rng)
    plan.topic = plan.parent.topic if plan.parent else rng.choice(
        CONTENT[plan.lang]["topics"][plan.issues[0]])
    if plan.channel == "form":
        return compose_form(plan, rng)
    if plan.forwarded:
        return compose_forwarded(plan, rng)
    return compose_letter(plan, rng)


# ---------------------------------------------------------------------------
# 5. Renderers: .eml by hand, CSV and JSON forms
# ---------------------------------------------------------------------------
LEGACY_CHARSET = {"en": "us-ascii", "es": "iso-8859-1", "fr": "iso-8859-1",
                  "pt": "iso-8859-1", "ar": "windows-1256"}
Entity = tuple[list[str], bytes]  # header lines (no line ends) and the encoded body


def encodable(text: str, charset: str) -> bool:
    try:
        text.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


def choose_encoding(rng: random.Random, lang: str, text: str) -> tuple[str, str]:
    """(charset, transfer encoding) for the text parts of one message."""
    legacy = LEGACY_CHARSET[lang]
    share = {"en": 0.3, "ar": 0.45}.get(lang, 0.35)
    if rng.random() < share and encodable(text, legacy):
        if legacy == "us-ascii":
            return legacy, "7bit"
        weights = (60, 0, 40) if legacy == "iso-8859-1" else (30, 50, 20)
        cte = rng.choices(["quoted-printable", "base64", "8bit"], weights=weights)[0]
    else:
        legacy = "utf-8"
        cte = rng.choices(["quoted-printable", "base64", "8bit"], weights=(40, 35, 25))[0]
    longest = max(len(line.encode(legacy)) for line in text.split("\n"))
    if cte == "8bit" and (longest > 990 or text.isascii()):
        cte = "quoted-printable" if longest > 990 else "7bit"
    return legacy, cte


def encode_text(text: str, charset: str, cte: str) -> bytes:
    if cte == "base64":
        return base64.encodebytes(text.replace("\n", "\r\n").encode(charset))
    if cte == "quoted-printable":
        return quopri.encodestring(text.encode(charset))
    return text.encode(charset)


def text_entity(text: str, subtype: str, charset: str, cte: str) -> Entity:
    return ([f'Content-Type: text/{subtype}; charset="{charset}"',
             f"Content-Transfer-Encoding: {cte}"], encode_text(text, charset, cte))


def html_document(text: str, lang: str, charset: str) -> str:
    paras = []
    for block in text.rstrip("\n").split("\n\n"):
        lines = [html.escape(line, quote=False) for line in block.split("\n")]
        paras.append("<p>" + "<br>\n".join(lines) + "</p>")
    rtl = ' dir="rtl"' if lang == "ar" else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>\n<head>\n'
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
            f"</head>\n<body>\n" + "\n".join(paras) + "\n</body>\n</html>\n")


def attachment_entity(filename: str, ctype: str, data: bytes) -> Entity:
    if filename.isascii():
        name, disp = f'; name="{filename}"', f'; filename="{filename}"'
    else:
        enc = encode_rfc2231(filename, "utf-8")
        name, disp = f"; name*={enc}", f"; filename*={enc}"
    if ctype.startswith("text/"):
        ctype += '; charset="utf-8"'
    return ([f"Content-Type: {ctype}{name}", f"Content-Disposition: attachment{disp}",
             "Content-Transfer-Encoding: base64"], base64.encodebytes(data))


def multipart(rng: random.Random, subtype: str, parts: list[Entity]) -> Entity:
    boundary = f"=_{rng.getrandbits(64):016x}"
    body = b"This is a multi-part message in MIME format.\n\n" if subtype == "mixed" else b""
    for headers, payload in parts:
        body += f"--{boundary}\n".encode() + "\n".join(headers).encode() + b"\n\n"
        body += payload + b"\n"
    body += f"--{boundary}--\n".encode()
    headers = [f'Content-Type: multipart/{subtype}; boundary="{boundary}"']
    if any("Content-Transfer-Encoding: 8bit" in h for hs, _ in parts for h in hs):
        headers.append("Content-Transfer-Encoding: 8bit")
    return headers, body


def header_line(name: str, value: str, charset: str) -> str:
    """One header, RFC 2047-encoded in the message's charset when it is not ASCII."""
    if value.isascii():
        if len(name) + 2 + len(value) <= 78:
            return f"{name}: {value}"
        return f"{name}: " + Header(value, "us-ascii", header_name=name).encode(linesep="\n")
    cs = charset if charset != "us-ascii" and encodable(value, charset) else "utf-8"
    return f"{name}: " + Header(value, cs, header_name=name).encode(linesep="\n")


def address(name: str, addr: str, charset: str) -> str:
    if name.isascii():
        return formataddr((name, addr))
    cs = charset if charset != "us-ascii" and encodable(name, charset) else "utf-8"
    return formataddr((name, addr), charset=cs)


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF 1.4 written byte by byte (Helvetica, ASCII text, exact xref)."""
    def esc(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return plain.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 18 Tf", "72 760 Td", f"({esc(lines[0])}) Tj", "/F1 11 Tf"]
    for line in lines[1:]:
        ops += ["0 -20 Td", f"({esc(line)}) Tj"]
    ops.append("ET")
    content = "\n".join(ops).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title (" + esc(lines[0]).encode() + b") /Producer (make_samples.py) "
        b"/CreationDate (D:20261015090000Z) >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return out


def make_png(rng: random.Random, width: int = 48, height: int = 32) -> bytes:
    """A tiny RGB PNG (a blocky 'screenshot'), built with zlib and struct."""
    colours = [bytes(rng.randrange(256) for _ in range(3)) for _ in range(3)]
    rows = [b"\x00" + b"".join(colours[(x // 12 + y // 8) % 3] for x in range(width))
            for y in range(height)]

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def make_csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def attachments_for(plan: Plan, rng: random.Random) -> list[tuple[str, str, bytes]]:
    lang, s = plan.lang, plan.sender
    cities = geo(lang, plan.cc)["cities"]
    if plan.attach.startswith("submission"):
        title = {"en": "Report 2026", "es": "Informe 2026", "fr": "Rapport 2026",
                 "pt": "Relatorio 2026", "ar": "Report 2026"}[lang]
        pdf = make_pdf([f"{title}: {s.domain}", f"Topic: {plan.topic}" if lang != "ar"
                        else "Topic: see the covering e-mail",
                        "Synthetic sample document written by scripts/make_samples.py.",
                        "All names, places and figures are fictional."])
        out = [(REPORT_FILE[lang], "application/pdf", pdf)]
        if plan.attach == "submission+data":
            rows = [["respondent", "city", "reported", "resolved"]]
            rows += [[f"R{n:03d}", rng.choice(cities), str(rng.randint(0, 9)),
                      str(rng.randint(0, 3))] for n in range(1, rng.randint(8, 16))]
            out.append((DATA_FILE[lang], "text/csv", make_csv(rows)))
        return out
    out = []
    if plan.attach == "evidence+png":
        out.append((f"screenshot-{rng.randint(1, 9)}.png", "image/png", make_png(rng)))
    rows = [["date", "location", "link"]]
    for _ in range(rng.randint(3, 7)):
        day = DAY0 + timedelta(days=rng.randrange((plan.when.date() - DAY0).days + 1))
        rows.append([day.isoformat(), rng.choice(cities),
                     f"https://social.example/p/{rng.getrandbits(40):010x}"])
    out.append(("links.csv", "text/csv", make_csv(rows)))
    return out


def choose_format(plan: Plan, rng: random.Random) -> str:
    if plan.attach:
        return "mixed"
    weights = {"newsletter": (0, 30, 70), "spam": (50, 50, 0), "autoreply": (100, 0, 0),
               "follow_up": (65, 0, 35)}.get(plan.ptype, (50, 18, 32))
    if plan.forwarded:
        weights = (60, 0, 40)
    return rng.choices(["plain", "html", "alternative"], weights=weights)[0]


def render_email(plan: Plan, rng: random.Random) -> tuple[bytes, dict[str, str | int]]:
    out, s, lang = plan.out, plan.sender, plan.lang
    assert out is not None
    fmt = choose_format(plan, rng)
    charset, cte = choose_encoding(rng, lang, out.body + out.subject)
    html_cte = "quoted-printable" if cte == "7bit" else cte
    plain = text_entity(out.body, "plain", charset, cte)
    html_part = text_entity(html_document(out.body, lang, charset), "html", charset, html_cte)
    if fmt == "plain":
        entity = plain
    elif fmt == "html":
        entity = html_part
    else:
        alt = multipart(rng, "alternative", [plain, html_part])
        entity = alt
        if fmt == "mixed":
            inner = alt if rng.random() < 0.5 else plain
            out.attachments = attachments_for(plan, rng)
            entity = multipart(rng, "mixed", [inner] + [
                attachment_entity(*a) for a in out.attachments])
    sent = plan.when - timedelta(seconds=rng.randint(15, 900))
    headers = [
        f"Received: from mx.{COMPANY_DOMAIN} by inbound.{COMPANY_DOMAIN}; "
        f"{format_datetime(plan.when)}",
        "From: " + address(s.name, s.addr, charset),
        "To: " + formataddr((TEAM_NAME, TEAM_ADDR)),
        header_line("Subject", out.subject, charset),
        f"Date: {format_datetime(local_dt(sent, s.cc))}",
        f"Message-ID: {plan.msgid}",
    ]
    if out.in_reply_to:
        headers.append(f"In-Reply-To: {out.in_reply_to}")
        headers.append("References: " + "\n ".join(out.references))
    headers.append("MIME-Version: 1.0")
    headers += entity[0]
    headers += [f"{name}: {value}" for name, value in out.extra_headers]
    raw = "\n".join(headers).encode("ascii") + b"\n\n" + entity[1]
    label = fmt if fmt != "mixed" else "attachments"
    meta: dict[str, str | int] = {"format": label, "charset": charset, "cte": cte,
                                  "attachments": len(out.attachments)}
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), meta


def email_path(plan: Plan) -> Path:
    month = plan.when.strftime("%Y-%m")
    if plan.forwarded:
        return Path("email", "forwarded", f"{plan.id}.eml")
    if plan.ptype in ("spam", "newsletter", "autoreply"):
        return Path("email", "bulk", month, f"{plan.id}.eml")
    return Path("email", month, f"{plan.id}.eml")


FORM_FIELDS = ["submission_id", "submitted_at", "name", "email", "organisation", "country",
               "subject", "message"]


def form_row(plan: Plan) -> dict[str, str]:
    s, out = plan.sender, plan.out
    assert out is not None
    return {
        "submission_id": plan.id,
        "submitted_at": plan.when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "name": s.name,
        "email": s.addr,
        "organisation": s.org.name if s.org else "",
        "country": geo(plan.lang, s.cc)["plain"],
        "subject": out.subject,
        "message": out.body,
    }


def gold_record(plan: Plan) -> dict[str, object]:
    out, s = plan.out, plan.sender
    assert out is not None
    rec: dict[str, object] = {
        "id": plan.id,
        "subject": out.subject,
        "body": out.body,
        "sender": f"{s.name} <{s.addr}>",
        "language": plan.lang,
        "rights_issue": [r for r in RIGHTS_ISSUES if r in out.issues],
        "challenge": [c for c in CHALLENGES if c in out.challenges],
        "countries": sorted(out.countries),
        "priority": out.priority,
        "kind": plan.kind,
        "channel": plan.channel,
    }
    if plan.channel == "form":
        row = form_row(plan)
        rec["organisation"] = row["organisation"]
        rec["country"] = row["country"]
    return rec


# ---------------------------------------------------------------------------
# 6. README, coverage, main
# ---------------------------------------------------------------------------
@dataclass
class Built:
    plans: list[Plan]
    gold: list[dict[str, object]]
    files: dict[Path, bytes]
    meta: dict[str, dict[str, str | int]]


def build() -> Built:
    rng = random.Random(SEED)
    plans: list[Plan] = []
    for lang in GEN_LANGS:
        plans += plan_language(rng, lang)
    for plan in plans:  # per language in date order: parents are composed before follow-ups
        plan.out = compose(plan, rng)
    files: dict[Path, bytes] = {}
    meta: dict[str, dict[str, str | int]] = {}
    csv_rows: list[dict[str, str]] = []
    json_rows: list[dict[str, str]] = []
    forms = [p for p in plans if p.channel == "form"]
    as_json = {p.id for p in rng.sample(forms, min(JSON_FORMS, len(forms)))}
    for plan in plans:
        if plan.channel == "form":
            target = json_rows if plan.id in as_json else csv_rows
            target.append(form_row(plan))
            meta[plan.id] = {"format": "form (JSON)" if plan.id in as_json else "form (CSV)",
                             "charset": "utf-8", "cte": "-", "attachments": 0}
            continue
        raw, info = render_email(plan, rng)
        if plan.forwarded:
            info["format"] = "forwarded"
        elif plan.out and plan.out.quoted:
            info["format"] = "follow-up with quotes"
        meta[plan.id] = info
        files[email_path(plan)] = raw
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FORM_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(sorted(csv_rows, key=lambda r: r["submitted_at"]))
    files[Path("forms", "contact_form.csv")] = buf.getvalue().encode("utf-8")
    kobo = {"count": len(json_rows), "next": None, "previous": None,
            "results": sorted(json_rows, key=lambda r: r["submitted_at"])}
    files[Path("forms", "kobo_export.json")] = (
        json.dumps(kobo, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    gold = sorted((gold_record(p) for p in plans), key=lambda r: str(r["id"]))
    files[Path("gold.jsonl")] = "".join(
        json.dumps(r, ensure_ascii=False) + "\n" for r in gold).encode("utf-8")
    built = Built(plans, gold, files, meta)
    files[Path("README.md")] = readme(built).encode("utf-8")
    return built


def table(title: str, counts: Counter[str], order: list[str] | None = None) -> list[str]:
    keys = order if order is not None else sorted(counts, key=lambda k: (-counts[k], k))
    lines = [f"| {title} | messages |", "|---|---:|"]
    lines += [f"| `{k}` | {counts[k]} |" for k in keys]
    return [*lines, ""]


def readme(built: Built) -> str:
    gold, meta = built.gold, built.meta
    by_lang: Counter[str] = Counter()
    lang_rows = []
    for lang in GEN_LANGS:
        recs = [r for r in gold if r["language"] == lang]
        by_lang[lang] = len(recs)
        n_form = sum(r["channel"] == "form" for r in recs)
        lang_rows.append(f"| `{lang}` | {len(recs)} | {len(recs) - n_form} | {n_form} |")
    formats = Counter(str(m["format"]) for m in meta.values())
    charsets = Counter(f"{m['charset']} / {m['cte']}" for k, m in meta.items()
                       if not str(m["format"]).startswith("form"))
    facets: dict[str, Counter[str]] = {f: Counter() for f in
                                       ("rights_issue", "challenge", "priority", "kind")}
    countries: Counter[str] = Counter()
    for r in gold:
        for facet in ("rights_issue", "challenge"):
            facets[facet].update(r[facet])  # type: ignore[arg-type]
        facets["priority"][str(r["priority"])] += 1
        facets["kind"][str(r["kind"])] += 1
        countries.update(r["countries"])  # type: ignore[arg-type]
    n_att = sum(int(m["attachments"]) for m in meta.values())
    size = sum(len(b) for p, b in built.files.items() if p.name != "README.md")
    lines = [
        "# Sample messages (synthetic)",
        "",
        "Everything in this folder is **synthetic and fictional**: the messages, people,",
        "organisations, e-mail addresses, phone numbers, links and attachments were written",
        "by `scripts/make_samples.py` from its own templates. Nothing is copied from real",
        "mail, real forms or any external corpus; domains are reserved `example` names.",
        "",
        "The generator is stdlib-only and deterministic (a fixed seed, fixed dates between",
        "1 October and 27 November 2026, no clock, no hash randomisation): running it twice",
        "gives byte-identical files. Regenerate with `make samples`",
        "(or `python scripts/make_samples.py [--out DIR]`); do not edit these files by hand.",
        "",
        "## Layout",
        "",
        "```",
        "email/<yyyy-mm>/<id>.eml        messages, by month of receipt (UTC)",
        "email/forwarded/<id>.eml        forwarded chains",
        "email/bulk/<yyyy-mm>/<id>.eml   newsletters, spam and auto-replies",
        "forms/contact_form.csv          web-form export",
        "forms/kobo_export.json          KoboToolbox-style export, same keys",
        "gold.jsonl                      one labelled record per message, sorted by id",
        "README.md                       this file",
        "```",
        "",
        "`.eml` files use CRLF line endings and hand-written MIME: text/plain, text/html,",
        "multipart/alternative and multipart/mixed with attachments (one-page PDFs, CSVs",
        "and tiny PNGs); charsets utf-8, iso-8859-1, windows-1256 and us-ascii with",
        "quoted-printable, base64, 8bit and 7bit transfer encodings; RFC 2047 subjects and",
        "display names. Each has one `Received:` header whose date is the receipt time.",
        "Follow-ups carry `In-Reply-To`/`References` to an earlier sample message of the",
        "same organisation and quote the earlier exchange under a localised reply marker.",
        "",
        "## Labels",
        "",
        "Labels derive from the template paragraphs actually used in each message:",
        "`rights_issue` is the main issue(s) plus issues a paragraph also shows; `challenge`",
        "the challenge paragraphs used plus challenges a paragraph also shows; `priority` is",
        "critical if a paragraph describes an imminent risk, high for serious or dated harm,",
        "low for out-of-scope and general mail, normal otherwise (for follow-ups, only the",
        "new text counts for priority; the quoted history counts for the other facets);",
        "`countries` lists every country named in the subject or body (never the sender's",
        "own base named in the intro, organisation name or signature); out-of-scope mail is",
        "`other`, no challenge, low, no countries. `body` is the text/plain body (for",
        "HTML-only mail, the text rendered into the HTML); form records also keep the",
        "typed `organisation` and `country`.",
        "",
        "## Counts",
        "",
        f"{len(gold)} messages, {n_att} attachments, {size:,} bytes of generated data.",
        "",
        "| language | messages | e-mail | form |",
        "|---|---:|---:|---:|",
        *lang_rows,
        f"| total | {len(gold)} | {sum(r['channel'] == 'email' for r in gold)} | "
        f"{sum(r['channel'] == 'form' for r in gold)} |",
        "",
        *table("channel / format", formats),
        *table("charset / transfer encoding (e-mail)", charsets),
        *table("rights_issue", facets["rights_issue"], RIGHTS_ISSUES),
        *table("challenge", facets["challenge"], CHALLENGES),
        *table("priority", facets["priority"], PRIORITIES),
        *table("kind", facets["kind"], KINDS),
        *table("country named", countries),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


def coverage(gold: list[dict[str, object]]) -> bool:
    """Print how often each taxonomy id occurs; False if any occurs fewer than MIN_PER_ID."""
    ok = True
    for facet, ids in (("rights_issue", RIGHTS_ISSUES), ("challenge", CHALLENGES),
                       ("priority", PRIORITIES), ("kind", KINDS)):
        counts: Counter[str] = Counter()
        for r in gold:
            value = r[facet]
            counts.update(value if isinstance(value, list) else [str(value)])
        print(f"{facet}:")
        for label in ids:
            flag = "" if counts[label] >= MIN_PER_ID else f"   < {MIN_PER_ID}!"
            ok = ok and not flag
            print(f"  {label:<26}{counts[label]:>5}{flag}")
    langs = Counter(str(r["language"]) for r in gold)
    print("language: " + ", ".join(f"{k} {langs[k]}" for k in GEN_LANGS)
          + f"; total {len(gold)}")
    return ok


def write(out: Path, built: Built) -> None:
    for sub in ("email", "forms"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
    for name in ("gold.jsonl", "README.md"):
        (out / name).unlink(missing_ok=True)
    for rel, data in sorted(built.files.items()):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    default = Path(__file__).resolve().parent.parent / "data" / "samples"
    parser = argparse.ArgumentParser(description="Write the synthetic sample messages.")
    parser.add_argument("--out", type=Path, default=default,
                        help=f"output folder (default: {default})")
    args = parser.parse_args(argv)
    built = build()
    write(args.out, built)
    total = sum(len(b) for b in built.files.values())
    print(f"wrote {len(built.gold)} messages ({len(built.files)} files, {total:,} bytes) "
          f"to {args.out}")
    if not coverage(built.gold):
        print(f"error: some taxonomy ids occur fewer than {MIN_PER_ID} times", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
