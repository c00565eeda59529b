"""The werkplek's pure rules, as tables: the BSN eleven test, what a change of gegevens sends,
and how an initiator becomes a rol."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from zaakwerk.client import models
from zaakwerk.werkplek.services import aanmaken, gegevens


@pytest.mark.parametrize(
    ("bsn", "valid"),
    [
        ("111222333", True),
        ("123456782", True),
        ("123456789", False),
        ("11122233", False),
        ("11122233a", False),
    ],
)
def test_the_eleven_test(bsn: str, valid: bool) -> None:
    assert aanmaken.elfproef(bsn) is valid


ZAAK = models.Zaak(omschrijving="Oud", toelichting="", startdatum=date(2026, 11, 2), publicatiedatum=None)


@pytest.mark.parametrize(
    ("values", "sent"),
    [
        ({"omschrijving": "Oud", "startdatum": date(2026, 11, 2)}, {}),  # nothing changed: nothing sent
        ({"omschrijving": "Nieuw"}, {"omschrijving": "Nieuw"}),
        ({"startdatum": date(2026, 11, 3)}, {"startdatum": "2026-11-03"}),
        ({"publicatiedatum": ""}, {}),  # empty stays empty
        ({"publicatiedatum": date(2026, 12, 1)}, {"publicatiedatum": "2026-12-01"}),
        ({"identificatie": "ZAAK-X"}, {}),  # not a field that may change here
    ],
)
def test_only_changed_gegevens_are_sent(values: dict[str, Any], sent: dict[str, Any]) -> None:
    assert gegevens.changed_values(ZAAK, values) == sent


def test_a_closed_zaak_refuses_changes() -> None:
    with pytest.raises(gegevens.ZaakClosed):
        gegevens.require_open(models.Zaak(einddatum=date(2026, 11, 20)))


@pytest.mark.parametrize(
    ("initiator", "kind", "identificatie"),
    [
        (aanmaken.Initiator(aanmaken.BSN, "111222333"), "natuurlijk_persoon", {"inpBsn": "111222333"}),
        (aanmaken.Initiator(aanmaken.KVK, "12345678"), "vestiging", {"kvkNummer": "12345678"}),
        (
            aanmaken.Initiator(aanmaken.VESTIGING, "000012345678"),
            "vestiging",
            {"vestigingsNummer": "000012345678"},
        ),
        (
            aanmaken.Initiator(aanmaken.CONTACT, naam="A. Jansen"),
            "natuurlijk_persoon",
            {"geslachtsnaam": "A. Jansen"},
        ),
    ],
)
def test_an_initiator_as_a_rol(
    initiator: aanmaken.Initiator, kind: str, identificatie: dict[str, str]
) -> None:
    rol = initiator.rol()
    assert (rol["betrokkeneType"], rol["betrokkeneIdentificatie"]) == (kind, identificatie)


def test_a_contact_keeps_its_phone_number() -> None:
    rol = aanmaken.Initiator(aanmaken.CONTACT, naam="A. Jansen", telefoonnummer="0612345678").rol()
    assert rol["contactpersoonRol"] == {"naam": "A. Jansen", "telefoonnummer": "0612345678"}
    assert rol["afwijkendeNaamBetrokkene"] == "A. Jansen"
