"""Request bodies and helpers for the tests of the sub-types of a zaaktype."""

from __future__ import annotations

from typing import Any

from tests.catalogi.main_types import BASE, catalogus, create, zaaktype_body
from tests.zgw import ZGWClient
from zaakwerk.core.references import build_url

# Real entries of the built-in Referentielijsten (VNG Selectielijst 2020 fixtures).
PROCESTYPE_1 = build_url("referentielijsten", "procestypen", "e1b73b12-b2f6-4c4e-8929-94f84dd2a57d")
RESULTAAT_NIHIL = build_url("referentielijsten", "resultaten", "6711baff-798b-4c7f-9133-8ad02c8b7c6f")
RESULTAAT_BEWAREN = build_url("referentielijsten", "resultaten", "6d37598e-30f0-4aef-930d-3e1690725d95")
RESULTAAT_INGESCHAT = build_url("referentielijsten", "resultaten", "59596a33-c8db-4aa7-bb81-140cb29bb42a")
TOEGEKEND = build_url(
    "referentielijsten", "resultaattypeomschrijvingen", "fb65d251-1518-4185-865f-b8bdcfad07b1"
)


def concept_zaaktype(api: ZGWClient, cat: str | None = None, **overrides: Any) -> dict[str, Any]:
    if cat is None:
        existing = api.get(f"{BASE}/catalogussen", domein="ZWT").json_body["results"]
        cat = existing[0]["url"] if existing else catalogus(api)
    overrides.setdefault("selectielijstProcestype", PROCESTYPE_1)
    return create(api, "zaaktypen", zaaktype_body(cat, **overrides))


def statustype_body(zaaktype: str, **overrides: Any) -> dict[str, Any]:
    return {"zaaktype": zaaktype, "omschrijving": "Ontvangen", "volgnummer": 1, **overrides}


def roltype_body(zaaktype: str, **overrides: Any) -> dict[str, Any]:
    return {"zaaktype": zaaktype, "omschrijving": "Melder", "omschrijvingGeneriek": "initiator", **overrides}


def brondatum(afleidingswijze: str = "afgehandeld", **overrides: Any) -> dict[str, Any]:
    return {
        "afleidingswijze": afleidingswijze,
        "procestermijn": None,
        "datumkenmerk": "",
        "einddatumBekend": False,
        "objecttype": "",
        "registratie": "",
        **overrides,
    }


def resultaattype_body(zaaktype: str, **overrides: Any) -> dict[str, Any]:
    return {
        "zaaktype": zaaktype,
        "omschrijving": "Afgehandeld",
        "resultaattypeomschrijving": TOEGEKEND,
        "selectielijstklasse": RESULTAAT_NIHIL,
        "brondatumArchiefprocedure": brondatum(),
        **overrides,
    }


def eigenschap_body(zaaktype: str, **overrides: Any) -> dict[str, Any]:
    return {
        "zaaktype": zaaktype,
        "naam": "kenteken",
        "definitie": "Het kenteken van het voertuig",
        "specificatie": {"formaat": "tekst", "lengte": "8", "kardinaliteit": "1", "waardenverzameling": []},
        **overrides,
    }


def ziot_body(zaaktype: str, informatieobjecttype: str, **overrides: Any) -> dict[str, Any]:
    return {
        "zaaktype": zaaktype,
        "informatieobjecttype": informatieobjecttype,
        "volgnummer": 1,
        "richting": "inkomend",
        **overrides,
    }


def zaakobjecttype_body(zaaktype: str, catalogus_url: str, **overrides: Any) -> dict[str, Any]:
    return {
        "zaaktype": zaaktype,
        "catalogus": catalogus_url,
        "anderObjecttype": False,
        "objecttype": "https://objecttypen.example/api/v2/objecttypes/1",
        "relatieOmschrijving": "Betreft",
        **overrides,
    }


def list_urls(api: ZGWClient, collection: str, **query: Any) -> list[str]:
    response = api.get(f"{BASE}/{collection}", **query)
    assert response.status_code == 200, response.json_body
    return [item["url"] for item in response.json_body["results"]]
