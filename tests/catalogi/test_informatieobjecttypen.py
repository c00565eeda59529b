"""Informatieobjecttypen through the API, validated against catalogi-1.3.3.yaml."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import (
    BASE,
    catalogus,
    codes,
    create,
    fuzz_send,
    iot_body,
    publish,
    zaaktype_body,
)
from tests.robustness import Json, bodies
from tests.zgw import ZGWClient, client_with
from zaakwerk.catalogi.models import InformatieObjectType, ZaakType, ZaakTypeInformatieObjectType
from zaakwerk.core.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_create_read_list_publish(api: ZGWClient) -> None:
    cat = catalogus(api)
    created = api.post(
        f"{BASE}/informatieobjecttypen",
        iot_body(
            cat,
            trefwoord=["melding"],
            omschrijvingGeneriek={
                "informatieobjecttypeOmschrijvingGeneriek": "Melding",
                "definitieInformatieobjecttypeOmschrijvingGeneriek": "Een melding",
                "herkomstInformatieobjecttypeOmschrijvingGeneriek": "VNG",
                "hierarchieInformatieobjecttypeOmschrijvingGeneriek": "top",
            },
        ),
    )
    assert created.status_code == 201, created.json_body
    data = created.json_body
    assert created["Location"] == data["url"]
    assert data["concept"] is True and data["trefwoord"] == ["melding"]
    assert data["omschrijvingGeneriek"]["herkomstInformatieobjecttypeOmschrijvingGeneriek"] == "VNG"
    assert api.get(data["url"]).json_body == data
    assert api.get(f"{BASE}/informatieobjecttypen").json_body["count"] == 0
    published = publish(api, data["url"])
    assert published["concept"] is False
    assert api.get(f"{BASE}/informatieobjecttypen", omschrijving="Melding").json_body["count"] == 1
    assert api.get(f"{BASE}/informatieobjecttypen", omschrijving="Anders").json_body["count"] == 0
    assert api.get(f"{BASE}/informatieobjecttypen", catalogus=cat).json_body["count"] == 1
    assert api.get(cat).json_body["informatieobjecttypen"] == [data["url"]]


def test_zaaktypen_that_use_it(api: ZGWClient) -> None:
    cat = catalogus(api)
    iot = create(api, "informatieobjecttypen", iot_body(cat))
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat))
    # (the zaaktype-informatieobjecttypen endpoint belongs to the sub-types; the row is enough here)
    ZaakTypeInformatieObjectType.objects.create(
        zaaktype=ZaakType.objects.get(uuid=zaaktype["url"].rsplit("/", 1)[1]),
        informatieobjecttype_omschrijving="Melding",
        volgnummer=1,
        richting="inkomend",
    )
    data = api.get(iot["url"]).json_body
    assert data["zaaktypen"] == [zaaktype["url"]]
    assert data["zaaktypeIdentificaties"] == ["ZT-1"]
    assert api.get(zaaktype["url"]).json_body["informatieobjecttypen"] == [iot["url"]]


@pytest.mark.parametrize(
    ("overrides", "name", "code"),
    [
        ({"omschrijving": ""}, "omschrijving", "blank"),
        ({"vertrouwelijkheidaanduiding": "x"}, "vertrouwelijkheidaanduiding", "invalid_choice"),
        ({"informatieobjectcategorie": None}, "informatieobjectcategorie", "null"),
        ({"beginGeldigheid": "2024-13-01"}, "beginGeldigheid", "invalid"),
        ({"catalogus": "https://elders.example/catalogussen/1"}, "catalogus", "bad-url"),
    ],
)
def test_invalid_input(api: ZGWClient, overrides: dict[str, object], name: str, code: str) -> None:
    cat = catalogus(api)
    response = api.post(f"{BASE}/informatieobjecttypen", iot_body(cat, **overrides))
    assert response.status_code == 400
    assert (name, code) in codes(response)
    assert InformatieObjectType.objects.count() == 0


def test_ztc_009(db: None) -> None:
    writer = client_with(
        "schrijver", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )
    cat = catalogus(writer)
    iot = create(writer, "informatieobjecttypen", iot_body(cat))
    patched = writer.patch(iot["url"], {"omschrijving": "Aanvraag"})
    assert patched.status_code == 200 and patched.json_body["omschrijving"] == "Aanvraag"
    publish(writer, iot["url"])
    for response in (
        writer.put(iot["url"], iot_body(cat, omschrijving="Anders")),
        writer.patch(iot["url"], {"omschrijving": "Anders"}),
        writer.delete(iot["url"]),
    ):
        assert response.status_code == 400
        assert codes(response) == [("nonFieldErrors", "non-concept-object")]
    assert writer.patch(iot["url"], {"eindeGeldigheid": "2030-01-01"}).status_code == 200


def test_notifications_and_delete(api: ZGWClient) -> None:
    cat = catalogus(api)
    iot = create(api, "informatieobjecttypen", iot_body(cat))
    publish(api, iot["url"])
    # heeftAlleAutorisaties includes catalogi.geforceerd-verwijderen
    assert api.delete(iot["url"]).status_code == 204
    messages = list(OutboxMessage.objects.order_by("id"))
    assert [(m.kanaal, m.resource, m.actie) for m in messages] == [
        ("informatieobjecttypen", "informatieobjecttype", "create"),
        ("informatieobjecttypen", "informatieobjecttype", "publish"),
        ("informatieobjecttypen", "informatieobjecttype", "destroy"),
    ]
    assert all(m.kenmerken == {"catalogus": cat} and m.hoofd_object == iot["url"] for m in messages)


def test_etag_and_scopes(api: ZGWClient) -> None:
    cat = catalogus(api)
    iot = create(api, "informatieobjecttypen", iot_body(cat))
    etag = api.get(iot["url"])["ETag"]
    assert api.get(iot["url"], headers={"If-None-Match": etag}).status_code == 304
    assert api.head(iot["url"])["ETag"] == etag
    reader = client_with("lezer", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen"]}])
    assert reader.get(iot["url"]).status_code == 200
    assert reader.post(f"{BASE}/informatieobjecttypen", iot_body(cat)).status_code == 403
    assert reader.post(f"{iot['url']}/publish").status_code == 403


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@given(body=bodies("catalogi-1.3.3.yaml", "/informatieobjecttypen", "post"))
@FUZZ
def test_robust_create(api: ZGWClient, body: Json) -> None:
    fuzz_send(api, "POST", f"{BASE}/informatieobjecttypen", body)


@given(body=bodies("catalogi-1.3.3.yaml", "/informatieobjecttypen/{uuid}", "patch"))
@FUZZ
def test_robust_patch(api: ZGWClient, body: Json) -> None:
    existing = api.get(f"{BASE}/informatieobjecttypen", status="concept").json_body["results"]
    url = (
        existing[0]["url"]
        if existing
        else create(api, "informatieobjecttypen", iot_body(catalogus(api)))["url"]
    )
    fuzz_send(api, "PATCH", url, body)
