"""Besluittypen through the API, validated against catalogi-1.3.3.yaml."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import (
    BASE,
    besluittype_body,
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
from zaakwerk.catalogi.models import BesluitType
from zaakwerk.core.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_create_read_list_publish(api: ZGWClient) -> None:
    cat = catalogus(api)
    iot = create(api, "informatieobjecttypen", iot_body(cat))
    created = api.post(
        f"{BASE}/besluittypen",
        besluittype_body(cat, informatieobjecttypen=[iot["url"]], reactietermijn="P6W", zaaktypen=[]),
    )
    assert created.status_code == 201, created.json_body
    data = created.json_body
    assert data["informatieobjecttypen"] == [iot["url"]]
    assert data["informatieobjecttypeOmschrijvingen"] == ["Melding"] == data["vastgelegdIn"]
    assert data["reactietermijn"] == "P6W" and data["concept"] is True
    assert api.get(data["url"]).json_body == data
    publish(api, data["url"])
    assert api.get(f"{BASE}/besluittypen", omschrijving="Vergunning").json_body["count"] == 1
    assert api.get(cat).json_body["besluittypen"] == [data["url"]]


def test_filters_by_zaaktype_and_informatieobjecttype(api: ZGWClient) -> None:
    cat = catalogus(api)
    iot = create(api, "informatieobjecttypen", iot_body(cat))
    with_iot = create(api, "besluittypen", besluittype_body(cat, informatieobjecttypen=["Melding"]))
    other = create(api, "besluittypen", besluittype_body(cat, omschrijving="Weigering"))
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat, besluittypen=["Weigering"]))

    def urls(**query: str) -> list[str]:
        response = api.get(f"{BASE}/besluittypen", status="alles", **query)
        assert response.status_code == 200, response.json_body
        return [r["url"] for r in response.json_body["results"]]

    assert urls(informatieobjecttypen=iot["url"]) == [with_iot["url"]]
    assert urls(zaaktypen=zaaktype["url"]) == [other["url"]]
    assert api.get(f"{BASE}/besluittypen", zaaktypen="geen-url").status_code == 400


@pytest.mark.parametrize(
    ("overrides", "name", "code"),
    [
        ({"publicatieIndicatie": None}, "publicatieIndicatie", "null"),
        ({"reactietermijn": "zes weken"}, "reactietermijn", "invalid"),
        ({"informatieobjecttypen": ["Onbekend"]}, "informatieobjecttypen.0", "does_not_exist"),
        ({"informatieobjecttypen": ["https://elders.example/iot/1"]}, "informatieobjecttypen.0", "bad-url"),
    ],
)
def test_invalid_input(api: ZGWClient, overrides: dict[str, object], name: str, code: str) -> None:
    cat = catalogus(api)
    response = api.post(f"{BASE}/besluittypen", besluittype_body(cat, **overrides))
    assert response.status_code == 400
    assert (name, code) in codes(response)
    assert BesluitType.objects.count() == 0
    assert OutboxMessage.objects.count() == 0


def test_ztc_009(db: None) -> None:
    writer = client_with(
        "schrijver", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )
    cat = catalogus(writer)
    besluittype = create(writer, "besluittypen", besluittype_body(cat))
    publish(writer, besluittype["url"])
    for response in (
        writer.put(besluittype["url"], besluittype_body(cat, toelichting="Anders")),
        writer.patch(besluittype["url"], {"omschrijving": "Anders"}),
        writer.delete(besluittype["url"]),
    ):
        assert response.status_code == 400
        assert codes(response) == [("nonFieldErrors", "non-concept-object")]
    ended = writer.patch(besluittype["url"], {"eindeGeldigheid": "2030-01-01"})
    assert ended.status_code == 200 and ended.json_body["eindeGeldigheid"] == "2030-01-01"


def test_notifications(api: ZGWClient) -> None:
    cat = catalogus(api)
    besluittype = create(api, "besluittypen", besluittype_body(cat))
    api.put(besluittype["url"], besluittype_body(cat, toelichting="x"))
    api.delete(besluittype["url"])
    messages = list(OutboxMessage.objects.order_by("id"))
    assert [(m.kanaal, m.resource, m.actie) for m in messages] == [
        ("besluittypen", "besluittype", "create"),
        ("besluittypen", "besluittype", "update"),
        ("besluittypen", "besluittype", "destroy"),
    ]
    assert all(m.kenmerken == {"catalogus": cat} for m in messages)


def test_etag_head_and_scopes(api: ZGWClient) -> None:
    cat = catalogus(api)
    besluittype = create(api, "besluittypen", besluittype_body(cat))
    etag = api.get(besluittype["url"])["ETag"]
    assert api.head(besluittype["url"])["ETag"] == etag
    assert api.get(besluittype["url"], headers={"If-None-Match": etag}).status_code == 304
    reader = client_with("lezer", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen"]}])
    assert reader.delete(besluittype["url"]).status_code == 403
    assert reader.put(besluittype["url"], besluittype_body(cat)).status_code == 403


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@given(body=bodies("catalogi-1.3.3.yaml", "/besluittypen", "post"))
@FUZZ
def test_robust_create(api: ZGWClient, body: Json) -> None:
    fuzz_send(api, "POST", f"{BASE}/besluittypen", body)


@given(body=bodies("catalogi-1.3.3.yaml", "/besluittypen/{uuid}", "patch"))
@FUZZ
def test_robust_patch(api: ZGWClient, body: Json) -> None:
    existing = api.get(f"{BASE}/besluittypen", status="concept").json_body["results"]
    url = (
        existing[0]["url"]
        if existing
        else create(api, "besluittypen", besluittype_body(catalogus(api)))["url"]
    )
    fuzz_send(api, "PATCH", url, body)
