"""/verzendingen: CRUD, exactly one address (RULES.md 4.6), pagination and filters, visibility, no 5xx."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import fuzz_send
from tests.documenten.factories import BASE, codes, create_eio, documenten_client, informatieobjecttype
from tests.robustness import bodies
from tests.zgw import ZGWClient
from zaakwerk.documenten.models import Verzending

VZ = f"{BASE}/verzendingen"
SPEC = "documenten-1.7.0.yaml"
ADRES = {"huisnummer": 12, "naamOpenbareRuimte": "Stationsplein", "woonplaatsnaam": "Utrecht"}


def verzending_body(informatieobject: str, **overrides: Any) -> dict[str, Any]:
    return {
        "informatieobject": informatieobject,
        "betrokkene": "https://klanten.example.com/api/v1/klanten/1",
        "aardRelatie": "geadresseerde",
        "contactPersoon": "https://klanten.example.com/api/v1/medewerkers/2",
        "emailadres": "melder@example.com",
        **overrides,
    }


@pytest.fixture
def eio(api: ZGWClient) -> dict[str, Any]:
    return create_eio(api, informatieobjecttype(api)["url"])


def test_create_read_update_delete(api: ZGWClient, eio: dict[str, Any]) -> None:
    created = api.post(VZ, verzending_body(eio["url"]))
    assert created.status_code == 201, created.json_body
    data = created.json_body
    assert data["emailadres"] == "melder@example.com" and data["mijnOverheid"] is False
    assert api.get(data["url"]).json_body == data
    assert api.head(data["url"]).status_code == 200
    # PATCH: switch to a structured address
    patched = api.patch(data["url"], {"emailadres": None, "binnenlandsCorrespondentieadres": ADRES})
    assert patched.status_code == 200, patched.json_body
    assert patched.json_body["binnenlandsCorrespondentieadres"]["naamOpenbareRuimte"] == "Stationsplein"
    put = api.put(data["url"], verzending_body(eio["url"], emailadres=None, mijnOverheid=True))
    assert put.status_code == 200 and put.json_body["mijnOverheid"] is True
    assert put.json_body["binnenlandsCorrespondentieadres"] is None
    assert api.delete(data["url"]).status_code == 204
    assert not Verzending.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"emailadres": None},  # no address
        {"telefoonnummer": "0301234567"},  # two addresses
        {"mijnOverheid": True},
        {"binnenlandsCorrespondentieadres": ADRES},
    ],
)
def test_exactly_one_address(api: ZGWClient, eio: dict[str, Any], overrides: dict[str, Any]) -> None:
    response = api.post(VZ, verzending_body(eio["url"], **overrides))
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "invalid-address")]
    assert not Verzending.objects.exists()


def test_address_fields_are_validated(api: ZGWClient, eio: dict[str, Any]) -> None:
    body = verzending_body(eio["url"], emailadres=None, correspondentiePostadres={"postadresType": "x"})
    response = api.post(VZ, body)
    assert response.status_code == 400
    assert ("correspondentiePostadres.postadresType", "invalid_choice") in codes(response)


def test_list_is_paginated_and_filtered(api: ZGWClient, eio: dict[str, Any]) -> None:
    other = create_eio(api, eio["informatieobjecttype"])
    first = api.post(VZ, verzending_body(eio["url"])).json_body
    second = api.post(VZ, verzending_body(other["url"], aardRelatie="afzender")).json_body
    page = api.get(VZ).json_body
    assert page["count"] == 2 and page["next"] is None and page["results"] == [first, second]
    assert api.get(VZ, aardRelatie="afzender").json_body["results"] == [second]
    assert api.get(VZ, informatieobject=eio["url"]).json_body["results"] == [first]
    assert api.get(VZ, aardRelatie="iemand").status_code == 400
    assert api.get(VZ, page=2).status_code == 404


def test_visible_through_the_informatieobject(api: ZGWClient, eio: dict[str, Any]) -> None:
    verzending = api.post(VZ, verzending_body(eio["url"])).json_body
    other_type = informatieobjecttype(api, domein="ANDER")["url"]
    stranger = documenten_client("vreemde", (other_type, "zeer_geheim", ["documenten.lezen"]))
    assert stranger.get(VZ).json_body["count"] == 0
    assert stranger.get(verzending["url"]).status_code == 403


@pytest.mark.django_db
@given(body=bodies(SPEC, "/verzendingen", "post"))
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_create_never_fails_with_5xx(api: ZGWClient, eio: dict[str, Any], body: Any) -> None:
    if isinstance(body, dict) and "informatieobject" in body:
        body = {**body, "informatieobject": eio["url"]}
    fuzz_send(api, "POST", VZ, body)
