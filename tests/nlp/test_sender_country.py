"""The sender's own country, kept apart from the countries a message is about."""

from __future__ import annotations

import pytest

from triage.nlp.gazetteer import Gazetteer, load_gazetteer
from triage.nlp.sender_country import domain_country, phone_country, sender_country


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def test_form_field_wins(gazetteer: Gazetteer) -> None:
    code = sender_country(
        form_country="Tanzania",
        signature="Tel: +254 712 345 678",
        address="a@x.example.co.ke",
        gazetteer=gazetteer,
    )
    assert code == ("TZ", "form")


def test_phone_prefix_in_signature(gazetteer: Gazetteer) -> None:
    signature = "Amina Diallo\nCoordinatrice\nTél. : +221 77 123 45 67"
    assert sender_country(
        form_country=None, signature=signature, address=None, gazetteer=gazetteer
    ) == ("SN", "phone")  # fmt: skip


def test_place_in_signature_then_domain(gazetteer: Gazetteer) -> None:
    assert sender_country(
        form_country="", signature="Open Line\nNairobi", address=None, gazetteer=gazetteer
    ) == ("KE", "signature")  # fmt: skip
    assert sender_country(
        form_country="Narnia", signature="", address="x@lab.example.com.br", gazetteer=gazetteer
    ) == ("BR", "domain")  # fmt: skip


def test_nothing_known(gazetteer: Gazetteer) -> None:
    assert sender_country(
        form_country=None, signature="Best,\nJo", address="jo@mailbox.example", gazetteer=gazetteer
    ) == (None, None)  # fmt: skip


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("a@b.co.ke", "KE"),
        ("a@b.ac.uk", "GB"),
        ("a@b.org", None),
        ("a@startup.io", None),  # a ccTLD sold as generic
        ("a@b.example", None),
        ("not an address", None),
    ],
)
def test_domain_country(gazetteer: Gazetteer, address: str, expected: str | None) -> None:
    assert domain_country(address, gazetteer) == expected


def test_phone_country_ignores_numbers_that_are_not_phones(gazetteer: Gazetteer) -> None:
    assert phone_country("Invoice +1234", gazetteer) is None
    assert phone_country("Call +55 11 91234-5678 any time", gazetteer) == "BR"
