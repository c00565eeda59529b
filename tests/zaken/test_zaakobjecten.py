"""Zaakobjecten: the objects a zaak is about (RULES.md 3.2, 3.4)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import fuzz_send
from tests.robustness import Json, bodies
from tests.zaken.factories import BASE, codes
from tests.zaken.subresource_helpers import (
    DELETE,
    FORCED,
    READ,
    UPDATE,
    FullType,
    client,
    close,
    full_zaaktype,
    new_zaak,
    zaakobject_body,
)
from tests.zgw import ZGWClient
from zaakwerk.core.models import OutboxMessage
from zaakwerk.zaken.models import ZaakObject

pytestmark = pytest.mark.django_db


@pytest.fixture
def types(api: ZGWClient) -> FullType:
    return full_zaaktype(api)


def test_create_read_and_notify(api: ZGWClient, types: FullType) -> None:
    # given
    zaak = new_zaak(api, types)
    # when
    response = api.post(
        f"{BASE}/zaakobjecten", zaakobject_body(zaak["url"], zaakobjecttype=types.zaakobjecttype)
    )
    # then
    assert response.status_code == 201, response.json_body
    data = response.json_body
    assert response["Location"] == data["url"]
    assert data["objectIdentificatie"]["gorOpenbareRuimteNaam"] == "Dam"
    assert data["zaakobjecttype"] == types.zaakobjecttype
    message = OutboxMessage.objects.get(resource="zaakobject")
    assert (message.actie, message.hoofd_object) == ("create", zaak["url"])
    read = api.get(data["url"])
    assert read.json_body == data
    assert api.get(data["url"], headers={"If-None-Match": read["ETag"]}).status_code == 304
    assert api.head(data["url"])["ETag"] == read["ETag"]


@pytest.mark.parametrize(
    ("object_type", "identificatie"),
    [
        ("pand", {"identificatie": "0363100012345678"}),
        ("buurt", {"buurtCode": "A1", "buurtNaam": "Centrum", "gemGemeenteCode": "0363", "wykWijkCode": "A"}),
        ("overige", {"overigeData": {"kleur": "rood"}}),
        ("natuurlijk_persoon", {"inpBsn": "123456782", "geslachtsnaam": "Jansen"}),
    ],
)
def test_object_types_with_their_identificatie(
    api: ZGWClient, types: FullType, object_type: str, identificatie: dict[str, Any]
) -> None:
    zaak = new_zaak(api, types)
    body = zaakobject_body(zaak["url"], objectType=object_type, objectIdentificatie=identificatie)
    if object_type == "overige":
        body["objectTypeOverige"] = "boom"
    response = api.post(f"{BASE}/zaakobjecten", body)
    assert response.status_code == 201, response.json_body
    assert response.json_body["objectIdentificatie"] == identificatie


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"objectIdentificatie": {"identificatie": "x"}}, ("objectIdentificatie.huisnummer", "required")),
        (
            {
                "objectIdentificatie": {
                    "identificatie": "x",
                    "wplWoonplaatsNaam": "A",
                    "gorOpenbareRuimteNaam": "B",
                    "huisnummer": 100000,
                }
            },
            ("objectIdentificatie.huisnummer", "max_value"),
        ),
        (
            {"objectType": "overige", "objectIdentificatie": {"overigeData": {}}},
            ("objectTypeOverige", "required"),
        ),
        ({"objectType": "overige", "objectTypeOverige": "Boom!"}, ("objectTypeOverige", "invalid")),
        ({"objectType": "fiets"}, ("objectType", "invalid_choice")),
        ({"objectIdentificatie": None}, ("object", "invalid-zaakobject")),
        ({"object": "https://elders.example/objecten/1"}, ("object", "bad-url")),
        (
            {
                "objectType": "overige",
                "objectIdentificatie": None,
                "objectTypeOverigeDefinitie": {
                    "url": "https://t.example/1",
                    "schema": ".x",
                    "objectData": ".y",
                },
            },
            ("object", "required"),
        ),
    ],
)
def test_validation(
    api: ZGWClient, types: FullType, overrides: dict[str, Any], expected: tuple[str, str]
) -> None:
    zaak = new_zaak(api, types)
    response = api.post(f"{BASE}/zaakobjecten", zaakobject_body(zaak["url"], **overrides))
    assert response.status_code == 400
    assert expected in codes(response)
    assert not ZaakObject.objects.exists()


def test_zaakobjecttype_must_belong_to_the_zaaktype(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    other = full_zaaktype(api, identificatie="ZT-ANDER")
    response = api.post(
        f"{BASE}/zaakobjecten", zaakobject_body(zaak["url"], zaakobjecttype=other.zaakobjecttype)
    )
    assert codes(response) == [("nonFieldErrors", "zaaktype-mismatch")]
    wrong_kind = api.post(f"{BASE}/zaakobjecten", zaakobject_body(zaak["url"], zaakobjecttype=types.roltype))
    assert codes(wrong_kind) == [("zaakobjecttype", "invalid-resource")]


def test_update_and_partial_update(api: ZGWClient, types: FullType) -> None:
    # given
    zaak = new_zaak(api, types)
    created = api.post(f"{BASE}/zaakobjecten", zaakobject_body(zaak["url"])).json_body
    # when
    put = api.put(created["url"], zaakobject_body(zaak["url"], relatieomschrijving="Nieuw adres"))
    patch = api.patch(created["url"], {"relatieomschrijving": "Gewijzigd"})
    # then
    assert put.status_code == 200, put.json_body
    assert patch.json_body["relatieomschrijving"] == "Gewijzigd"
    assert ZaakObject.objects.get().relatieomschrijving == "Gewijzigd"
    actions = list(OutboxMessage.objects.filter(resource="zaakobject").values_list("actie", flat=True))
    assert actions == ["create", "update", "partial_update"]


def test_relation_may_not_change(api: ZGWClient, types: FullType) -> None:
    zaak, other = new_zaak(api, types), new_zaak(api, types)
    created = api.post(f"{BASE}/zaakobjecten", zaakobject_body(zaak["url"])).json_body
    moved = api.patch(created["url"], {"zaak": other["url"]})
    assert codes(moved) == [("zaak", "wijzigen-niet-toegelaten")]
    retyped = api.patch(created["url"], {"objectType": "pand"})
    assert codes(retyped) == [("objectType", "wijzigen-niet-toegelaten")]
    assert ZaakObject.objects.get().zaak.url == zaak["url"]


def test_list_filters_and_delete(api: ZGWClient, types: FullType) -> None:
    zaak, other = new_zaak(api, types), new_zaak(api, types)
    adres = api.post(f"{BASE}/zaakobjecten", zaakobject_body(zaak["url"])).json_body
    pand = api.post(
        f"{BASE}/zaakobjecten",
        zaakobject_body(other["url"], objectType="pand", objectIdentificatie={"identificatie": "p1"}),
    ).json_body

    def urls(**query: Any) -> list[str]:
        response = api.get(f"{BASE}/zaakobjecten", **query)
        assert response.status_code == 200, response.json_body
        return [r["url"] for r in response.json_body["results"]]

    assert urls() == [adres["url"], pand["url"]]
    assert urls(zaak=zaak["url"]) == [adres["url"]]
    assert urls(objectType="pand") == [pand["url"]]
    assert codes(api.get(f"{BASE}/zaakobjecten", objectType="fiets")) == [("objectType", "invalid_choice")]
    assert api.delete(adres["url"]).status_code == 204
    assert urls() == [pand["url"]]
    assert api.get(f"{BASE}/zaakobjecten/{uuid.uuid4()}").status_code == 404


def test_visibility_and_closed_zaak(api: ZGWClient, types: FullType) -> None:
    # given
    zaak = new_zaak(api, types, vertrouwelijkheidaanduiding="vertrouwelijk")
    created = api.post(f"{BASE}/zaakobjecten", zaakobject_body(zaak["url"])).json_body
    low = client("zo-laag", types.zaaktype, [READ, UPDATE], maximum="openbaar")
    writer = client("zo-schrijver", types.zaaktype, [READ, UPDATE])
    remover = client("zo-verwijderaar", types.zaaktype, [DELETE])
    forced = client("zo-geforceerd", types.zaaktype, [READ, FORCED])
    # then: too confidential for one client
    assert low.get(f"{BASE}/zaakobjecten").json_body["count"] == 0
    assert low.get(created["url"]).status_code == 403
    assert low.patch(created["url"], {"relatieomschrijving": "x"}).status_code == 403
    # and after closing only geforceerd-bijwerken (or verwijderen, for a delete) may change it
    close(api, types, zaak["url"])
    assert writer.post(f"{BASE}/zaakobjecten", zaakobject_body(zaak["url"])).status_code == 403
    assert writer.patch(created["url"], {"relatieomschrijving": "x"}).status_code == 403
    assert forced.patch(created["url"], {"relatieomschrijving": "x"}).status_code == 200
    assert remover.delete(created["url"]).status_code == 204


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def test_robust_create(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    aimed: list[Callable[[dict[str, Json]], dict[str, Json]]] = [
        lambda body: body,
        lambda body: {**body, "zaak": zaak["url"]},
    ]

    @given(body=bodies("zaken-1.7.0.yaml", "/zaakobjecten", "post"))
    @FUZZ
    def run(body: Json) -> None:
        if isinstance(body, dict):
            body = aimed[len(body) % len(aimed)](body)
        fuzz_send(api, "POST", f"{BASE}/zaakobjecten", body)

    run()
