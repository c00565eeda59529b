"""A published zaaktype with roltype, eigenschappen and zaakobjecttype, plus request bodies.

For the tests of rollen, zaakobjecten, zaakeigenschappen, klantcontacten, zaakcontactmomenten,
zaakverzoeken and zaaknotities.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.catalogi.main_types import catalogus, create, publish, zaaktype_body
from tests.catalogi.sub_types import (
    PROCESTYPE_1,
    eigenschap_body,
    resultaattype_body,
    roltype_body,
    statustype_body,
    zaakobjecttype_body,
)
from tests.zaken.factories import BASE, create_zaak, zaken_client
from tests.zaken.status_helpers import EIND, add_resultaat, add_status
from tests.zgw import ZGWClient

READ = "zaken.lezen"
CREATE = "zaken.aanmaken"
UPDATE = "zaken.bijwerken"
FORCED = "zaken.geforceerd-bijwerken"
DELETE = "zaken.verwijderen"


@dataclass(frozen=True)
class FullType:
    """A published zaaktype with everything a zaak's sub-resources refer to."""

    zaaktype: str
    roltype: str  # omschrijving "Melder", omschrijvingGeneriek "initiator"
    kenteken: str  # eigenschap: tekst, lengte 8, kardinaliteit 1
    bedrag: str  # eigenschap: getal, lengte "5,2"
    kleur: str  # eigenschap: tekst with a waardenverzameling
    zaakobjecttype: str
    eind: str  # the eindstatus
    resultaattype: str


def full_zaaktype(api: ZGWClient, *, identificatie: str = "ZT-SUB", **overrides: Any) -> FullType:
    cat = catalogus(api, domein=identificatie[-5:])
    zaaktype = create(
        api,
        "zaaktypen",
        zaaktype_body(cat, identificatie=identificatie, selectielijstProcestype=PROCESTYPE_1, **overrides),
    )["url"]

    def eigenschap(naam: str, **specificatie: Any) -> str:
        spec = {
            "formaat": "tekst",
            "lengte": "8",
            "kardinaliteit": "1",
            "waardenverzameling": [],
            **specificatie,
        }
        return str(
            create(api, "eigenschappen", eigenschap_body(zaaktype, naam=naam, specificatie=spec))["url"]
        )

    types = FullType(
        zaaktype=zaaktype,
        roltype=create(api, "roltypen", roltype_body(zaaktype))["url"],
        kenteken=eigenschap("kenteken"),
        bedrag=eigenschap("bedrag", formaat="getal", lengte="5,2"),
        kleur=eigenschap("kleur", waardenverzameling=["rood", "groen"]),
        zaakobjecttype=create(api, "zaakobjecttypen", zaakobjecttype_body(zaaktype, cat))["url"],
        eind=create(api, "statustypen", statustype_body(zaaktype, volgnummer=1))["url"],
        resultaattype=create(api, "resultaattypen", resultaattype_body(zaaktype))["url"],
    )
    publish(api, zaaktype)
    return types


def close(api: ZGWClient, types: FullType, zaak_url: str) -> None:
    """Close the zaak through the API: a resultaat, then the eindstatus."""
    assert add_resultaat(api, zaak_url, types.resultaattype).status_code == 201
    response = add_status(api, zaak_url, types.eind, EIND)
    assert response.status_code == 201, response.json_body


def rol_body(zaak: str, roltype: str, **overrides: Any) -> dict[str, Any]:
    return {
        "zaak": zaak,
        "betrokkeneType": "natuurlijk_persoon",
        "roltype": roltype,
        "roltoelichting": "Melder van de losliggende tegel",
        "betrokkeneIdentificatie": {"inpBsn": "111222333", "geslachtsnaam": "Jansen", "voorletters": "J"},
        **overrides,
    }


def zaakobject_body(zaak: str, **overrides: Any) -> dict[str, Any]:
    return {
        "zaak": zaak,
        "objectType": "adres",
        "relatieomschrijving": "Plaats van de melding",
        "objectIdentificatie": {
            "identificatie": "0363200000123456",
            "wplWoonplaatsNaam": "Amsterdam",
            "gorOpenbareRuimteNaam": "Dam",
            "huisnummer": 1,
        },
        **overrides,
    }


def client(client_id: str, zaaktype: str, scopes: list[str], maximum: str = "zeer_geheim") -> ZGWClient:
    return zaken_client(client_id, (zaaktype, maximum, scopes))


def new_zaak(api: ZGWClient, types: FullType, **overrides: Any) -> dict[str, Any]:
    return create_zaak(api, types.zaaktype, **overrides)


__all__ = ["BASE", "FullType", "client", "close", "full_zaaktype", "new_zaak", "rol_body", "zaakobject_body"]
