"""``fields`` on POST /zaken/_zoek (zrc-029): choosing fields, embedding, errors, and no leaks."""

from __future__ import annotations

from typing import Any

import pytest

from tests.contract import load_spec
from tests.zaken.factories import BASE, CRS, codes, create_zaak
from tests.zaken.relation_helpers import (
    DocumentType,
    FakeDocumenten,
    document_zaaktype,
    documenten,
    relate,
    zaak_with_document,
)
from tests.zgw import ZGWClient, client_with
from zaakwerk.zaken.api.fields import ZAAK_FIELDS

pytestmark = pytest.mark.django_db
__all__ = ["documenten"]  # fixtures

ZOEK = f"{BASE}/zaken/_zoek"


@pytest.fixture
def types(api: ZGWClient) -> DocumentType:
    return document_zaaktype(api)


def reader(name: str, zaaktype: str, *extra: dict[str, Any]) -> ZGWClient:
    zrc = {
        "component": "zrc",
        "scopes": ["zaken.lezen"],
        "zaaktype": zaaktype,
        "max_vertrouwelijkheidaanduiding": "zeer_geheim",
    }
    return client_with(name, autorisaties=[zrc, *extra])


def search(client: ZGWClient, fields: Any, **body: Any) -> list[dict[str, Any]]:
    response = client.post(ZOEK, {"fields": fields, **body}, headers=CRS)
    assert response.status_code == 200, response.json_body
    results: list[dict[str, Any]] = response.json_body["results"]
    return results


def test_zaak_fields_are_those_of_the_official_schema() -> None:
    schema = load_spec("zaken-1.7.0.yaml")["components"]["schemas"]["Zaak"]
    assert set(schema["properties"]) == ZAAK_FIELDS


def test_top_level_names_select_the_zaak_fields(api: ZGWClient, types: DocumentType) -> None:
    # given
    zaak = create_zaak(api, types.zaaktype, identificatie="ZAAK-VELDEN")
    # when
    results = search(api, ["url", "identificatie"], uuid__in=[zaak["uuid"]])
    # then only the chosen fields, with their values
    assert results == [{"url": zaak["url"], "identificatie": "ZAAK-VELDEN"}]
    # "*" keeps the whole zaak, as without fields
    whole = search(api, ["*"], uuid__in=[zaak["uuid"]])
    assert whole == api.post(ZOEK, {"uuid__in": [zaak["uuid"]]}, headers=CRS).json_body["results"]


def test_nested_star_embeds_the_whole_object(api: ZGWClient, types: DocumentType) -> None:
    zaak = create_zaak(api, types.zaaktype)
    zaaktype = api.get(types.zaaktype).json_body
    # when
    results = search(api, ["url", {"zaaktype": ["*"]}], uuid__in=[zaak["uuid"]])
    # then the zaaktype comes whole under _expand; the zaak keeps only what was named
    assert set(results[0]) == {"url", "_expand"}
    assert results[0]["_expand"]["zaaktype"] == zaaktype


def test_nested_lists_select_at_every_level(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    # given a zaak with a status and a document
    zaak, _ = zaak_with_document(api, types, documenten)
    api.post(
        f"{BASE}/statussen",
        {"zaak": zaak["url"], "statustype": types.statustype, "datumStatusGezet": "2024-03-02T09:00:00Z"},
    )
    catalogus = api.get(types.zaaktype).json_body["catalogus"]
    fields = [
        {
            "zaaktype": ["identificatie", {"catalogus": ["domein"]}],
            "status": ["datumStatusGezet"],
            "zaakinformatieobjecten": [{"informatieobject": ["titel"]}],
        }
    ]
    # when
    [found] = search(api, fields, uuid__in=[zaak["uuid"]])
    # then: no names at the zaak's level keeps all its fields (as expand does)
    assert found["url"] == zaak["url"] and found["zaaktype"] == types.zaaktype
    embedded = found["_expand"]
    assert embedded["zaaktype"] == {
        "identificatie": "ZT-DOC",
        "_expand": {"catalogus": {"domein": api.get(catalogus).json_body["domein"]}},
    }
    assert embedded["status"] == {"datumStatusGezet": "2024-03-02T09:00:00Z"}
    [zio] = embedded["zaakinformatieobjecten"]
    assert zio["titel"] == "Foto"  # a level with only nested selections keeps its own fields
    assert zio["_expand"] == {"informatieobject": {"titel": "Foto van de stoeptegel"}}


def test_mixing_names_references_and_gegevensgroepen(api: ZGWClient, types: DocumentType) -> None:
    zaak = create_zaak(
        api,
        types.zaaktype,
        identificatie="ZAAK-MIX",
        processobject={
            "datumkenmerk": "aanvraag",
            "identificatie": "PO-1",
            "objecttype": "melding",
            "registratie": "BRP",
        },
    )
    fields = ["identificatie", "status", {"processobject": ["identificatie"]}, {"zaaktype": ["omschrijving"]}]
    # when
    [found] = search(api, fields, uuid__in=[zaak["uuid"]])
    # then: a gegevensgroep is narrowed where it is; an empty reference embeds the empty object
    assert found == {
        "identificatie": "ZAAK-MIX",
        "status": None,
        "processobject": {"identificatie": "PO-1"},
        "_expand": {"zaaktype": {"omschrijving": api.get(types.zaaktype).json_body["omschrijving"]}},
    }


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (["bestaatniet"], "fields"),
        (["url", {"onbekend": ["*"]}], "fields"),
        ([{"zaaktype": ["bestaatniet"]}], "fields"),
        ([{"identificatie": ["x"]}], "fields"),  # not a reference nor a gegevensgroep
        ([1], "fields"),
        ([{"zaaktype": "omschrijving"}], "fields"),
        ([""], "fields"),
        ("url", "fields"),
    ],
)
def test_unknown_or_malformed_fields_are_a_400(
    api: ZGWClient, types: DocumentType, fields: Any, field: str
) -> None:
    create_zaak(api, types.zaaktype)
    response = api.post(ZOEK, {"fields": fields}, headers=CRS)
    assert response.status_code == 400, response.json_body
    assert [name for name, _ in codes(response)] == [field]


def test_fields_and_expand_exclude_each_other(api: ZGWClient, types: DocumentType) -> None:
    create_zaak(api, types.zaaktype)
    in_body = api.post(ZOEK, {"fields": ["url"], "expand": "zaaktype"}, headers=CRS)
    in_query = api.post(f"{ZOEK}?expand=zaaktype", {"fields": ["url"]}, headers=CRS)
    for response in (in_body, in_query):
        assert response.status_code == 400
        assert codes(response) == [("nonFieldErrors", "invalid")]


def test_never_an_object_the_client_may_not_see(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    # given a zaak the reader may see, with a vertrouwelijk document and a hoofdzaak it may not read
    other = document_zaaktype(api, identificatie="ZT-ANDER")
    hoofdzaak = create_zaak(api, other.zaaktype, omschrijving="Geheime hoofdzaak")
    zaak = create_zaak(api, types.zaaktype, hoofdzaak=hoofdzaak["url"])
    relate(api, zaak["url"], documenten.add(types.informatieobjecttype, "vertrouwelijk"))
    documents = {
        "component": "drc",
        "scopes": ["documenten.lezen"],
        "informatieobjecttype": types.informatieobjecttype,
        "max_vertrouwelijkheidaanduiding": "openbaar",
    }
    restricted = reader("beperkt", types.zaaktype, documents)
    document_fields = ["url", {"zaakinformatieobjecten": [{"informatieobject": ["titel"]}]}]
    # then a client that may see everything gets both
    assert search(api, ["url", {"hoofdzaak": ["omschrijving"]}], uuid__in=[zaak["uuid"]])[0]["_expand"] == {
        "hoofdzaak": {"omschrijving": "Geheime hoofdzaak"}
    }
    assert search(api, document_fields, uuid__in=[zaak["uuid"]])[0]["_expand"]["zaakinformatieobjecten"]
    # and the restricted client neither: refused as for expand (zrc-028), nothing of them shown
    for fields in (["url", {"hoofdzaak": ["omschrijving"]}], document_fields):
        response = restricted.post(ZOEK, {"fields": fields}, headers=CRS)
        assert response.status_code == 404
        assert b"Geheime hoofdzaak" not in response.content
        assert b"Foto van de stoeptegel" not in response.content
    # the zaak itself, without those objects, it may search
    assert search(restricted, ["url"]) == [{"url": zaak["url"]}]
