"""Place names in the languages added after the first ten: Chinese (simplified and
traditional), Japanese, Korean, German and Turkish, plus Russian nationality adjectives; and
the false matches each one brought (words that contain or equal a place name)."""

from __future__ import annotations

import pytest

from triage.nlp.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Chinese has no spaces: names are found inside the clause.
        ("我们在中国和美国的记者被逮捕了", ["CN", "US"]),
        ("新疆的维吾尔族活动人士失踪", ["CN"]),
        ("香港警方要求科技公司提供用户资料", ["HK"]),
        ("本會現設於台北，關注香港新聞自由", ["TW", "HK"]),  # traditional characters
        ("印度尼西亚的记者", ["ID"]),  # not India: the longest name wins
        ("索马里和南苏丹的难民", ["SO", "SS"]),  # not Mali, not Sudan
        ("许多哥伦比亚人", ["CO"]),  # not Togo (多哥) across the word boundary
        ("刚果（金）的矿工", ["CD"]),
        # Japanese and Korean
        ("日本とアメリカの記者が拘束された", ["JP", "US"]),
        ("ミャンマーで記者が逮捕された", ["MM"]),
        ("미국에서 한국 기자들이 체포되었다", ["US", "KR"]),  # particles after the name
        # German: names, genitive, declined adjectives, nouns for people, cities
        ("Internetsperren in der Türkei und in Russland", ["TR", "RU"]),
        ("Die Behörden Russlands haben Journalisten festgenommen", ["RU"]),
        ("türkische Behörden fordern Nutzerdaten", ["TR"]),
        ("Exil-Iraner in Wien", ["IR", "AT"]),
        ("Fahrer in Köln und Leipzig", ["DE"]),
        # Turkish: case endings after an apostrophe
        ("Türkiye'de ve Almanya'da gazeteciler gözaltına alındı", ["TR", "DE"]),
        ("Suriye'den gelen mülteciler", ["SY"]),
        ("Suriyeli ve Iraklı mülteciler", ["SY", "IQ"]),  # demonyms by vowel harmony
        # States, provinces and cities in Hindi, Urdu, Indonesian, Swahili mail, Russian cases
        ("मणिपुर में इंटरनेट बंद है", ["IN"]),
        ("ہم گلگت بلتستان کے ایک مقامی نیوز پورٹل ہیں", ["PK"]),
        ("پاکستانی صحافیوں کو دھمکیاں", ["PK"]),  # the Urdu demonym (پ, ک, ی)
        ("Tambang nikel di Maluku Utara", ["ID"]),
        ("Wakulima wa chai Kericho", ["KE"]),
        ("Os indígenas do Maranhão e da Bahia", ["BR"]),
        ("студента из Казани обвиняют", ["RU"]),
        # Russian nationality adjectives in every case
        ("по требованию российских властей", ["RU"]),
        ("украинской журналистке угрожают", ["UA"]),
    ],
)
def test_countries_in_more_languages(gazetteer: Gazetteer, text: str, expected: list[str]) -> None:
    assert gazetteer.countries_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "非法国家机关",  # "illegal state organs", not France (法国)
        "合法国际组织",
        "沿海地区的工厂",  # "coastal areas", not Haiti (海地)
        "视频被打了马赛克",  # "mosaic" (pixelated), not Marseille
        "请重新安装应用",  # "reinstall": 新安 is not counted as a city
        "我买了一个汉堡",  # a hamburger
        "中",  # one character is never a name
        "美",
        "日本語のインドア活動",  # "indoor" is not India: Katakana names are whole words
        "인도적 지원이 필요합니다",  # "humanitarian aid", not India
        "정말 고마워요",  # "thank you", not Goma
        "Ich schreibe auf Deutsch, mein Kollege spricht Russisch.",  # languages
        "Island communities were cut off.",  # English, not German "Island" (Iceland)
        "Hass gegen Sinti und Roma",  # the people, not Rome
        "Les réunions de la semaine",  # French "meetings", not German Réunion genitive
        "Makao makuu ya shirika",  # Swahili "headquarters", not Macao
        "Tunashukuru sana kwa msaada",  # Swahili "very", not Sanaa
        "Sam wrote to us yesterday",  # not Turkish Şam (Damascus)
        "Пишу на русском языке, перевожу с казахского",  # the languages
        "Это самое важное",  # "the most", not Samoa (a generated case form)
        "Помощь для многодетных семей",  # "families", not Semey (Kazakhstan)
        "مغربی ممالک کی کمپنیاں",  # Urdu "western", not Moroccan (Arabic مغربي)
        "چینی اور آٹا مہنگا ہو گیا",  # Urdu "sugar"
        "ویمن رائٹس اور سول سوسائٹی",  # Urdu "women", "civil": not و+Yemen, not Seoul
        "Situasi sudah aman sekarang",  # Indonesian "safe", not Amman (es Amán)
        "Maine complaint ki thi, jawab nahi aaya",  # Hinglish "I did", not the US state
        "Pedimos atendimento em língua portuguesa",  # the language, not Portugal
        "كان التأثير كبيراً وعاد الجميع بأمان",  # "big" (not ك + Beira), "safely" (not Amman)
        "وہ کل چلی گئی، پیغام موصول ہوا",  # Urdu "went" (not Chile), "received" (not Mosul)
        "Watoto wao na wazazi lao, bali si wote",  # Swahili "their", "rather"
        "La réunion de lundi est reportée",  # "the meeting", not Réunion
        "Ele irá à zona franca",  # "will go", "free zone": not Iran, not France
    ],
)
def test_words_that_are_not_places_in_more_languages(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.countries_in(text) == []


def test_a_cjk_mention_weighs_like_the_others(gazetteer: Gazetteer) -> None:
    doc = gazetteer.make_doc("Kenyan workers; 活动人士在中国被捕，中国否认 日本で")
    assert gazetteer.weighed_mentions_in_doc(doc) == [
        ("KE", "Kenyan", 0.5),
        ("CN", "中国", 3.0),  # 在 "in" before it
        ("CN", "中国", 1.0),
        ("JP", "日本", 3.0),  # で "in" after it
    ]


def test_cjk_mentions_keep_text_order_among_the_others(gazetteer: Gazetteer) -> None:
    text = "Partners in Kenya wrote: 我们在越南 and then Uganda"
    assert gazetteer.countries_in(text) == ["KE", "VN", "UG"]
    assert gazetteer.evidence_in(text) == [("KE", "Kenya"), ("VN", "越南"), ("UG", "Uganda")]


def test_lookup_of_names_in_more_languages(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("中国") == "CN"
    assert gazetteer.lookup("德國") == "DE"
    assert gazetteer.lookup("Deutschland") == "DE"
    assert gazetteer.lookup("Türkiye") == "TR"
    assert gazetteer.lookup("대한민국") == "KR"
