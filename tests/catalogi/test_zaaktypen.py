"""Zaaktypen through the API, validated against catalogi-1.3.3.yaml."""

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
    publish,
    zaaktype_body,
)
from tests.robustness import Json, bodies
from tests.zgw import ZGWClient, client_with
from zaakwerk.catalogi.models import ZaakType
from zaakwerk.core.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_create_read_list(api: ZGWClient) -> None:
    # given
    cat = catalogus(api)
    # when
    created = api.post(f"{BASE}/zaaktypen", zaaktype_body(cat))
    # then
    assert created.status_code == 201, created.json_body
    data = created.json_body
    assert created["Location"] == data["url"]
    assert data["concept"] is True
    assert data["catalogus"] == cat
    assert data["referentieproces"] == {"naam": "melding"}  # no link given: left out, "" is no URI
    assert api.get(data["url"]).json_body == data
    # a concept is only listed when asked for
    assert api.get(f"{BASE}/zaaktypen").json_body["count"] == 0
    assert api.get(f"{BASE}/zaaktypen", status="concept").json_body["count"] == 1
    assert api.get(f"{BASE}/zaaktypen", status="alles").json_body["count"] == 1
    publish(api, data["url"])
    assert api.get(f"{BASE}/zaaktypen").json_body["count"] == 1
    catalogus_data = api.get(cat).json_body
    assert catalogus_data["zaaktypen"] == [data["url"]]


def test_filters(api: ZGWClient) -> None:
    cat = catalogus(api)
    other = catalogus(api, rsin="000000000", domein="OTHR")
    a = create(api, "zaaktypen", zaaktype_body(cat, identificatie="A", trefwoorden=["boom", "straat"]))
    b = create(api, "zaaktypen", zaaktype_body(cat, identificatie="B", trefwoorden=["straat"]))
    c = create(api, "zaaktypen", zaaktype_body(other, identificatie="A"))
    for item in (a, b, c):
        publish(api, item["url"])

    def urls(**query: str) -> list[str]:
        response = api.get(f"{BASE}/zaaktypen", **query)
        assert response.status_code == 200, response.json_body
        return [r["url"] for r in response.json_body["results"]]

    assert urls(catalogus=cat) == [a["url"], b["url"]]
    assert urls(identificatie="A") == [a["url"], c["url"]]
    assert urls(trefwoorden="straat") == [a["url"], b["url"]]
    assert urls(trefwoorden="boom,straat") == [a["url"]]
    assert urls(trefwoorden="geen") == []
    assert urls(datumGeldigheid="2023-12-31") == []
    assert len(urls(datumGeldigheid="2024-01-01")) == 3
    bad = api.get(f"{BASE}/zaaktypen", status="misschien")
    assert bad.status_code == 400 and codes(bad)[0][0] == "status"
    assert api.get(f"{BASE}/zaaktypen", datumGeldigheid="gisteren").status_code == 400
    assert api.get(f"{BASE}/zaaktypen", catalogus="https://elders.example/x").status_code == 400


def test_relations_by_url_and_by_name(api: ZGWClient) -> None:
    # given a concept besluittype and a published one
    cat = catalogus(api)
    concept_bt = create(api, "besluittypen", besluittype_body(cat, omschrijving="Concept"))
    published_bt = create(api, "besluittypen", besluittype_body(cat, omschrijving="Definitief"))
    publish(api, published_bt["url"])
    deel = create(api, "zaaktypen", zaaktype_body(cat, identificatie="DEEL"))
    # when a zaaktype refers to one by URL and the other by name
    zaaktype = create(
        api,
        "zaaktypen",
        zaaktype_body(
            cat,
            besluittypen=[concept_bt["url"], "Definitief"],
            deelzaaktypen=[deel["url"]],
            gerelateerdeZaaktypen=[{"zaaktype": "DEEL", "aardRelatie": "vervolg"}],
        ),
    )
    # then both are stored by name and shown as URLs
    assert zaaktype["besluittypeOmschrijving"] == ["Concept", "Definitief"]
    assert zaaktype["besluittypen"] == [concept_bt["url"], published_bt["url"]]
    assert zaaktype["deelzaaktypen"] == [deel["url"]]
    assert zaaktype["deelzaaktypeIdentificaties"] == ["DEEL"]
    assert zaaktype["gerelateerdeZaaktypen"] == [
        {
            "zaaktype": deel["url"],
            "zaaktypeIdentificatie": "DEEL",
            "aardRelatie": "vervolg",
            "toelichting": "",
        }
    ]
    besluittype = api.get(published_bt["url"]).json_body
    assert besluittype["zaaktypen"] == [zaaktype["url"]]
    assert besluittype["zaaktypeIdentificaties"] == ["ZT-1"]


@pytest.mark.parametrize(
    ("ref", "code"),
    [
        ("http://testserver/catalogi/api/v1/besluittypen/00000000-0000-4000-8000-000000000000", "bad-url"),
        ("CATALOGUS", "invalid-resource"),
        ("https://elders.example/besluittypen/1", "bad-url"),
        ("Bestaat niet", "does_not_exist"),
    ],
)
def test_bad_besluittype_reference(api: ZGWClient, ref: str, code: str) -> None:
    cat = catalogus(api)
    ref = cat if ref == "CATALOGUS" else ref
    response = api.post(f"{BASE}/zaaktypen", zaaktype_body(cat, besluittypen=[ref]))
    assert response.status_code == 400
    assert codes(response) == [("besluittypen.0", code)]
    assert ZaakType.objects.count() == 0


def test_besluittype_of_another_catalogus(api: ZGWClient) -> None:
    cat = catalogus(api)
    other = catalogus(api, rsin="000000000", domein="OTHR")
    elsewhere = create(api, "besluittypen", besluittype_body(other))
    response = api.post(f"{BASE}/zaaktypen", zaaktype_body(cat, besluittypen=[elsewhere["url"]]))
    assert response.status_code == 400
    assert codes(response) == [("besluittypen.0", "invalid-resource")]


@pytest.mark.parametrize(
    ("overrides", "name", "code"),
    [
        ({"identificatie": None}, "identificatie", "null"),
        ({"doorlooptijd": "10 dagen"}, "doorlooptijd", "invalid"),
        ({"vertrouwelijkheidaanduiding": "supergeheim"}, "vertrouwelijkheidaanduiding", "invalid_choice"),
        ({"verlengingstermijn": "P5D"}, "verlengingstermijn", "must-be-empty"),
        ({"eindeGeldigheid": "2023-01-01"}, "eindeGeldigheid", "date-mismatch"),
        (
            {
                "catalogus": "http://testserver/catalogi/api/v1/catalogussen/00000000-0000-4000-8000-000000000000"
            },
            "catalogus",
            "bad-url",
        ),
        (
            {"selectielijstProcestype": "https://elders.example/procestypen/1"},
            "selectielijstProcestype",
            "bad-url",
        ),
    ],
)
def test_invalid_input(api: ZGWClient, overrides: dict[str, object], name: str, code: str) -> None:
    cat = catalogus(api)
    response = api.post(f"{BASE}/zaaktypen", zaaktype_body(cat, **overrides))
    assert response.status_code == 400
    assert (name, code) in codes(response)
    assert ZaakType.objects.count() == 0
    assert OutboxMessage.objects.count() == 0


def test_concept_can_be_changed_and_deleted(api: ZGWClient) -> None:
    cat = catalogus(api)
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat))
    patched = api.patch(zaaktype["url"], {"omschrijving": "Anders"})
    assert patched.status_code == 200 and patched.json_body["omschrijving"] == "Anders"
    put = api.put(zaaktype["url"], zaaktype_body(cat, doel="Nieuw doel"))
    assert put.status_code == 200 and put.json_body["doel"] == "Nieuw doel"
    assert put.json_body["omschrijving"] == "Melding openbare ruimte"
    assert api.delete(zaaktype["url"]).status_code == 204
    assert api.get(zaaktype["url"]).status_code == 404


def test_ztc_009_published_is_frozen(db: None) -> None:
    # a client that may write but not force (like the conformance suite's limited client)
    writer = client_with(
        "schrijver", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )
    cat = catalogus(writer)
    zaaktype = create(writer, "zaaktypen", zaaktype_body(cat))
    publish(writer, zaaktype["url"])
    for response in (
        writer.put(zaaktype["url"], zaaktype_body(cat, doel="Anders")),
        writer.patch(zaaktype["url"], {"omschrijving": "Anders"}),
        writer.patch(zaaktype["url"], {"omschrijving": "Anders", "eindeGeldigheid": "2024-12-31"}),
        writer.delete(zaaktype["url"]),
    ):
        assert response.status_code == 400
        assert codes(response) == [("nonFieldErrors", "non-concept-object")]
    ended = writer.patch(zaaktype["url"], {"eindeGeldigheid": "2024-12-31"})
    assert ended.status_code == 200 and ended.json_body["eindeGeldigheid"] == "2024-12-31"


def test_correctie_and_forced_delete(db: None) -> None:
    forcer = client_with(
        "beheerder",
        autorisaties=[
            {
                "component": "ztc",
                "scopes": ["catalogi.lezen", "catalogi.schrijven", "catalogi.geforceerd-schrijven"],
            }
        ],
    )
    cat = catalogus(forcer)
    zaaktype = create(forcer, "zaaktypen", zaaktype_body(cat))
    publish(forcer, zaaktype["url"])
    corrected = forcer.patch(zaaktype["url"], {"trefwoorden": ["extra"]})
    assert corrected.status_code == 200 and corrected.json_body["trefwoorden"] == ["extra"]
    refused = forcer.delete(zaaktype["url"])
    assert refused.status_code == 400
    deleter = client_with(
        "opruimer", autorisaties=[{"component": "ztc", "scopes": ["catalogi.geforceerd-verwijderen"]}]
    )
    assert deleter.delete(zaaktype["url"]).status_code == 204


def test_scopes(api: ZGWClient) -> None:
    cat = catalogus(api)
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat))
    reader = client_with("lezer", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen"]}])
    zaken_reader = client_with(
        "zaken",
        autorisaties=[
            {
                "component": "zrc",
                "scopes": ["zaken.lezen"],
                "zaaktype": zaaktype["url"],
                "max_vertrouwelijkheidaanduiding": "openbaar",
            }
        ],
    )
    assert reader.get(zaaktype["url"]).status_code == 200
    assert zaken_reader.get(zaaktype["url"]).status_code == 200  # ztc-014
    for response in (
        reader.post(f"{BASE}/zaaktypen", zaaktype_body(cat)),
        reader.patch(zaaktype["url"], {"doel": "x"}),
        reader.delete(zaaktype["url"]),
        reader.post(f"{zaaktype['url']}/publish"),
    ):
        assert response.status_code == 403
        assert response.json_body["code"] == "permission_denied"


def test_etag_head_and_datum_geldigheid_on_read(api: ZGWClient) -> None:
    cat = catalogus(api)
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat))
    first = api.get(zaaktype["url"])
    etag = first["ETag"]
    assert api.get(zaaktype["url"], headers={"If-None-Match": etag}).status_code == 304
    head = api.head(zaaktype["url"])
    assert head.status_code == 200 and head.content == b"" and head["ETag"] == etag
    assert api.get(zaaktype["url"], datumGeldigheid="2024-06-01").status_code == 200
    api.patch(zaaktype["url"], {"doel": "Ander doel"})
    assert api.get(zaaktype["url"], headers={"If-None-Match": etag}).status_code == 200


def test_notifications(api: ZGWClient) -> None:
    cat = catalogus(api)
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat))
    api.patch(zaaktype["url"], {"doel": "x"})
    api.put(zaaktype["url"], zaaktype_body(cat))
    publish(api, zaaktype["url"])
    api.delete(zaaktype["url"])
    messages = list(OutboxMessage.objects.order_by("id"))
    assert [m.actie for m in messages] == ["create", "partial_update", "update", "publish", "destroy"]
    for message in messages:
        assert message.kanaal == "zaaktypen"
        assert message.resource == "zaaktype"
        assert message.hoofd_object == zaaktype["url"] == message.resource_url
        assert message.kenmerken == {"catalogus": cat}


def test_expand_besluittypen(api: ZGWClient) -> None:
    cat = catalogus(api)
    besluittype = create(api, "besluittypen", besluittype_body(cat))
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat, besluittypen=[besluittype["url"]]))
    expanded = api.get(zaaktype["url"], expand="besluittypen")
    assert expanded.status_code == 200
    assert [b["url"] for b in expanded.json_body["_expand"]["besluittypen"]] == [besluittype["url"]]


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@given(body=bodies("catalogi-1.3.3.yaml", "/zaaktypen", "post"))
@FUZZ
def test_robust_create(api: ZGWClient, body: Json) -> None:
    fuzz_send(api, "POST", f"{BASE}/zaaktypen", body)


@given(body=bodies("catalogi-1.3.3.yaml", "/zaaktypen/{uuid}", "patch"))
@FUZZ
def test_robust_patch(api: ZGWClient, body: Json) -> None:
    existing = api.get(f"{BASE}/zaaktypen", status="concept").json_body["results"]
    url = existing[0]["url"] if existing else create(api, "zaaktypen", zaaktype_body(catalogus(api)))["url"]
    fuzz_send(api, "PATCH", url, body)


def test_a_number_for_a_string_field_is_read_as_its_text(api: ZGWClient) -> None:
    # given a client that sends identificatie as a JSON number, as the VNG suite's zrc-006 does
    catalogus_url = catalogus(api)
    # when
    response = api.post(f"{BASE}/zaaktypen", zaaktype_body(catalogus_url, identificatie=20))
    # then
    assert response.status_code == 201, response.json_body
    assert response.json_body["identificatie"] == "20"
    # a boolean is no number: still refused
    refused = api.post(f"{BASE}/zaaktypen", zaaktype_body(catalogus_url, identificatie=True))
    assert refused.status_code == 400
