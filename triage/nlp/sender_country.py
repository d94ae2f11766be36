"""Where the sender is, kept apart from the countries the message is about.

A defender exiled in Costa Rica writing about Nicaragua is about NI but sends from CR; the
metrics on Global South equity need both. The evidence is tried from the most to the least
deliberate: what the sender typed in a form, a phone number in the signature, a place named
in the signature, and last the country-code top-level domain of the address.
"""

from __future__ import annotations

import re

import phonenumbers

from triage.nlp.gazetteer import Gazetteer

FORM = "form"
PHONE = "phone"
SIGNATURE = "signature"
DOMAIN = "domain"

# ccTLDs used as generic domains, which say nothing about where the sender is.
_GENERIC_CCTLDS = frozenset({"io", "ai", "co", "me", "tv", "fm", "ly", "gg", "to", "ws", "cc"})
_PHONE_CANDIDATE = re.compile(r"\+\s?\d[\d\s().-]{6,20}\d")


def sender_country(
    *,
    form_country: str | None,
    signature: str | None,
    address: str | None,
    gazetteer: Gazetteer,
) -> tuple[str | None, str | None]:
    """(ISO alpha-2 or None, which evidence gave it: form, phone, signature or domain)."""
    if form_country:
        code = gazetteer.lookup(form_country)
        if code:
            return code, FORM
    if signature:
        code = phone_country(signature, gazetteer)
        if code:
            return code, PHONE
        places = gazetteer.countries_in(signature[-2000:])
        if places:
            return places[-1], SIGNATURE  # the address line comes last in a signature
    if address:
        code = domain_country(address, gazetteer)
        if code:
            return code, DOMAIN
    return None, None


def phone_country(text: str, gazetteer: Gazetteer) -> str | None:
    """The country of the first international phone number in ``text`` that parses as valid."""
    for candidate in _PHONE_CANDIDATE.findall(text[-4000:]):
        try:
            number = phonenumbers.parse(candidate, None)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_possible_number(number):
            continue
        region = phonenumbers.region_code_for_number(number)
        if region is None:  # a shared prefix (+1, +7): take the main country of the code
            region = phonenumbers.region_code_for_country_code(number.country_code)
        if region and region != phonenumbers.UNKNOWN_REGION and gazetteer.region(region):
            return region
    return None


def domain_country(address: str, gazetteer: Gazetteer) -> str | None:
    """The country of an address's ccTLD (``.co.ke`` is KE, ``.uk`` is GB), or None."""
    domain = address.rpartition("@")[2].strip().rstrip(".").lower()
    tld = domain.rpartition(".")[2]
    if len(tld) != 2 or not tld.isalpha() or tld in _GENERIC_CCTLDS:
        return None
    code = "GB" if tld == "uk" else tld.upper()
    return code if gazetteer.region(code) else None
