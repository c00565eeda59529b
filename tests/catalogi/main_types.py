"""Request bodies and helpers for the tests of zaaktypen, informatieobjecttypen, besluittypen."""

from __future__ import annotations

from typing import Any

from tests.robustness import Json
from tests.zgw import ZGWClient, ZGWResponse

BASE = "/catalogi/api/v1"
CATALOGUS = {
    "domein": "ZWT",
    "rsin": "002220647",
    "contactpersoonBeheerNaam": "Beheer Zaakwerk",
    "naam": "Testcatalogus",
}


def catalogus(api: ZGWClient, **overrides: Any) -> str:
    response = api.post(f"{BASE}/catalogussen", {**CATALOGUS, **overrides})
    assert response.status_code == 201, response.json_body
    return str(response.json_body["url"])


def zaaktype_body(catalogus_url: str, **overrides: Any) -> dict[str, Any]:
    return {
        "identificatie": "ZT-1",
        "omschrijving": "Melding openbare ruimte",
        "vertrouwelijkheidaanduiding": "openbaar",
        "doel": "Meldingen afhandelen",
        "aanleiding": "Een melding",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "melden",
        "onderwerp": "Openbare ruimte",
        "handelingBehandelaar": "behandelen",
        "doorlooptijd": "P10D",
        "opschortingEnAanhoudingMogelijk": False,
        "verlengingMogelijk": False,
        "publicatieIndicatie": False,
        "productenOfDiensten": ["https://example.com/product/1"],
        "referentieproces": {"naam": "melding"},
        "verantwoordelijke": "Team Buitenruimte",
        "catalogus": catalogus_url,
        "besluittypen": [],
        "gerelateerdeZaaktypen": [],
        "beginGeldigheid": "2024-01-01",
        **overrides,
    }


def iot_body(catalogus_url: str, **overrides: Any) -> dict[str, Any]:
    return {
        "catalogus": catalogus_url,
        "omschrijving": "Melding",
        "vertrouwelijkheidaanduiding": "openbaar",
        "beginGeldigheid": "2024-01-01",
        "informatieobjectcategorie": "formulier",
        **overrides,
    }


def besluittype_body(catalogus_url: str, **overrides: Any) -> dict[str, Any]:
    return {
        "catalogus": catalogus_url,
        "omschrijving": "Vergunning",
        "publicatieIndicatie": False,
        "informatieobjecttypen": [],
        "beginGeldigheid": "2024-01-01",
        **overrides,
    }


def create(api: ZGWClient, collection: str, body: dict[str, Any]) -> dict[str, Any]:
    response = api.post(f"{BASE}/{collection}", body)
    assert response.status_code == 201, response.json_body
    return dict(response.json_body)


def publish(api: ZGWClient, url: str) -> dict[str, Any]:
    response = api.post(f"{url}/publish")
    assert response.status_code == 200, response.json_body
    return dict(response.json_body)


def codes(response: ZGWResponse) -> list[tuple[str, str]]:
    return [(p["name"], p["code"]) for p in response.json_body["invalidParams"]]


def fuzz_send(api: ZGWClient, method: str, url: str, body: Json) -> None:
    """Send a generated body (integers beyond 64 bits included: valid JSON a client may send); the
    answer must be handled (< 500), match the spec and name only fields of the body or the schema."""
    from tests.robustness import check_problem

    response = api.request(method, url, body)
    assert response.status_code < 500, response.content[:500]
    check_problem(response, body)
