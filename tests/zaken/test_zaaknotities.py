"""Zaaknotities (Zaken API 1.7, experimental): notes on a zaak, editable while concept."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import fuzz_send
from tests.robustness import Json, bodies
from tests.zaken.factories import BASE, codes
from tests.zaken.subresource_helpers import READ, UPDATE, FullType, client, full_zaaktype, new_zaak
from tests.zgw import ZGWClient
from zaakwerk.core.models import AuditTrail, OutboxMessage
from zaakwerk.zaken.models import ZaakNotitie

pytestmark = pytest.mark.django_db


@pytest.fixture
def types(api: ZGWClient) -> FullType:
    return full_zaaktype(api)


def body(zaak: str, **overrides: Any) -> dict[str, Any]:
    return {
        "gerelateerdAan": zaak,
        "onderwerp": "Terugbelverzoek",
        "tekst": "Melder wil teruggebeld worden",
        "aangemaaktDoor": "Medewerker KCC",
        "notitieType": "intern",
        "status": "concept",
        **overrides,
    }


def test_create_read_and_audit(api: ZGWClient, types: FullType) -> None:
    # given
    zaak = new_zaak(api, types)
    # when
    response = api.post(f"{BASE}/zaaknotities", body(zaak["url"]))
    # then
    assert response.status_code == 201, response.json_body
    data = response.json_body
    assert response["Location"] == data["url"]
    assert (data["gerelateerdAan"], data["status"], data["notitieType"]) == (zaak["url"], "concept", "intern")
    assert api.get(data["url"]).json_body == data
    assert AuditTrail.objects.get(resource="zaaknotitie").hoofd_object == zaak["url"]
    # the notificaties section of the Zaken API names no zaaknotitie resource
    assert not OutboxMessage.objects.filter(resource="zaaknotitie").exists()
    assert api.get(f"{BASE}/zaaknotities/{uuid.uuid4()}").status_code == 404


def test_only_a_concept_changes(api: ZGWClient, types: FullType) -> None:
    # given
    zaak = new_zaak(api, types)
    created = api.post(f"{BASE}/zaaknotities", body(zaak["url"])).json_body
    # when
    put = api.put(created["url"], body(zaak["url"], tekst="Teruggebeld, geen gehoor"))
    final = api.patch(created["url"], {"status": "definitief"})
    refused = api.patch(created["url"], {"tekst": "Toch iets anders"})
    # then
    assert put.status_code == 200, put.json_body
    assert final.json_body["status"] == "definitief"
    assert codes(refused) == [("nonFieldErrors", "wijzigen-niet-toegelaten")]
    assert ZaakNotitie.objects.get().tekst == "Teruggebeld, geen gehoor"
    assert api.delete(created["url"]).status_code == 204
    assert not ZaakNotitie.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"onderwerp": ""}, ("onderwerp", "blank")),
        ({"tekst": ""}, ("tekst", "blank")),
        ({"notitieType": "geheim"}, ("notitieType", "invalid_choice")),
        ({"status": "klaar"}, ("status", "invalid_choice")),
        ({"gerelateerdAan": "https://elders.example/zaken/1"}, ("gerelateerdAan", "no_match")),
    ],
)
def test_validation(
    api: ZGWClient, types: FullType, overrides: dict[str, Any], expected: tuple[str, str]
) -> None:
    zaak = new_zaak(api, types)
    response = api.post(f"{BASE}/zaaknotities", body(zaak["url"], **overrides))
    assert response.status_code == 400
    assert expected in codes(response)
    assert not ZaakNotitie.objects.exists()


def test_may_not_move_to_another_zaak(api: ZGWClient, types: FullType) -> None:
    zaak, other = new_zaak(api, types), new_zaak(api, types)
    created = api.post(f"{BASE}/zaaknotities", body(zaak["url"])).json_body
    moved = api.patch(created["url"], {"gerelateerdAan": other["url"]})
    assert codes(moved) == [("gerelateerdAan", "wijzigen-niet-toegelaten")]


def test_list_filters_and_page_size(api: ZGWClient, types: FullType) -> None:
    # given
    zaak, other = new_zaak(api, types), new_zaak(api, types)
    urls = [
        api.post(f"{BASE}/zaaknotities", body(zaak["url"], onderwerp=f"Notitie {n}")).json_body["url"]
        for n in range(3)
    ]
    extern = api.post(
        f"{BASE}/zaaknotities",
        body(other["url"], notitieType="extern", status="definitief", tekst="Brief verstuurd"),
    ).json_body["url"]

    def found(**query: Any) -> list[str]:
        response = api.get(f"{BASE}/zaaknotities", **query)
        assert response.status_code == 200, response.json_body
        return [item["url"] for item in response.json_body["results"]]

    # then
    assert found() == [*urls, extern]
    assert found(gerelateerdAan=zaak["url"]) == urls
    assert found(notitieType="extern") == [extern]
    assert found(status="concept") == urls
    assert found(onderwerp__icontains="NOTITIE 1") == [urls[1]]
    assert found(tekst__icontains="brief") == [extern]
    assert found(aanmaakdatum__gte="2000-01-01T00:00:00Z") == [*urls, extern]
    assert found(aanmaakdatum__lt="2000-01-01T00:00:00Z") == []
    page = api.get(f"{BASE}/zaaknotities", pageSize=2).json_body
    assert (page["count"], len(page["results"])) == (4, 2)
    assert "pageSize=2" in page["next"]
    assert api.get(page["next"]).json_body["results"][-1]["url"] == extern
    assert codes(api.get(f"{BASE}/zaaknotities", pageSize=0)) == [("pageSize", "min_value")]
    assert codes(api.get(f"{BASE}/zaaknotities", aanmaakdatum="gisteren")) == [("aanmaakdatum", "invalid")]


def test_visibility_follows_the_zaak(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types, vertrouwelijkheidaanduiding="geheim")
    created = api.post(f"{BASE}/zaaknotities", body(zaak["url"])).json_body
    low = client("notitie-laag", types.zaaktype, [READ, UPDATE], maximum="openbaar")
    reader = client("notitie-lezer", types.zaaktype, [READ])
    assert low.get(f"{BASE}/zaaknotities").json_body["count"] == 0
    assert low.get(created["url"]).status_code == 403
    assert low.post(f"{BASE}/zaaknotities", body(zaak["url"])).status_code == 403
    assert reader.get(f"{BASE}/zaaknotities").json_body["count"] == 1
    assert reader.patch(created["url"], {"tekst": "x"}).status_code == 403
    assert reader.delete(created["url"]).status_code == 403
    assert ZaakNotitie.objects.get().tekst == "Melder wil teruggebeld worden"


FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


def test_robust_create(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    aimed: list[Callable[[dict[str, Json]], dict[str, Json]]] = [
        lambda data: data,
        lambda data: {**data, "gerelateerdAan": zaak["url"]},
    ]

    @given(data=bodies("zaken-1.7.0.yaml", "/zaaknotities", "post"))
    @FUZZ
    def run(data: Json) -> None:
        if isinstance(data, dict):
            data = aimed[len(data) % len(aimed)](data)
        fuzz_send(api, "POST", f"{BASE}/zaaknotities", data)

    run()
