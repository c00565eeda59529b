"""Zaakinformatieobjecten through the API: zrc-003/004/005/017, uniqueness, the mirror in the
Documenten register, closed zaken, and visibility per scope and vertrouwelijkheid."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import fuzz_send
from tests.remote import origin_of, remote_api
from tests.robustness import bodies
from tests.zaken.factories import BASE, codes, create_zaak, zaken_client
from tests.zaken.relation_helpers import (
    DocumentType,
    FakeDocumenten,
    besluiten,
    document_zaaktype,
    documenten,
    grant,
    relate,
    zaak_with_document,
    zio_body,
)
from tests.zgw import ZGWClient
from zaakwerk.core import references
from zaakwerk.core.models import AuditTrail, OutboxMessage
from zaakwerk.zaken.models import Zaak, ZaakInformatieObject

pytestmark = pytest.mark.django_db
__all__ = ["besluiten", "documenten"]  # fixtures

ZIO = f"{BASE}/zaakinformatieobjecten"
UNKNOWN = "6f7c0000-0000-4000-8000-000000000001"


@pytest.fixture
def types(api: ZGWClient) -> DocumentType:
    return document_zaaktype(api)


def test_create_mirrors_and_records(api: ZGWClient, types: DocumentType, documenten: FakeDocumenten) -> None:
    # given
    zaak = create_zaak(api, types.zaaktype)
    document = documenten.add(types.informatieobjecttype)
    # when
    response = api.post(ZIO, zio_body(zaak["url"], document, beschrijving="Voorkant"))
    # then
    assert response.status_code == 201, response.json_body
    data = response.json_body
    assert response["Location"] == data["url"]
    assert data["zaak"] == zaak["url"] and data["informatieobject"] == document
    assert data["aardRelatieWeergave"] == "Hoort bij, omgekeerd: kent"  # zrc-004
    assert data["registratiedatum"] and data["status"] is None
    assert documenten.mirrors == {(document, zaak["url"], "zaak")}  # zrc-005
    assert api.get(data["url"]).json_body == data
    assert api.get(zaak["url"], headers={"Accept-Crs": "EPSG:4326"}).json_body["zaakinformatieobjecten"] == [
        data["url"]
    ]
    message = OutboxMessage.objects.get(resource="zaakinformatieobject")
    assert (message.kanaal, message.actie, message.hoofd_object) == ("zaken", "create", zaak["url"])
    assert message.kenmerken["zaaktype"] == types.zaaktype
    line = AuditTrail.objects.get(resource="zaakinformatieobject")
    assert line.nieuw is not None
    assert (line.hoofd_object, line.actie, line.nieuw["url"]) == (zaak["url"], "create", data["url"])


def test_informatieobject_must_resolve(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    zaak = create_zaak(api, types.zaaktype)
    unknown = references.build_url("documenten", "enkelvoudiginformatieobjecten", UNKNOWN)
    cases = [
        (unknown, "bad-url"),
        ("https://drc.example.com/api/v1/enkelvoudiginformatieobjecten/1", "bad-url"),
        (zaak["url"], "invalid-resource"),  # answers 200, but is no informatieobject
    ]
    for url, code in cases:
        response = api.post(ZIO, zio_body(zaak["url"], url))
        assert response.status_code == 400
        assert codes(response) == [("informatieobject", code)]
    assert not ZaakInformatieObject.objects.exists()


def test_local_documents_are_bad_url_without_a_documenten_register(
    api: ZGWClient, types: DocumentType
) -> None:
    zaak = create_zaak(api, types.zaaktype)
    document = FakeDocumenten().add(types.informatieobjecttype)
    response = api.post(ZIO, zio_body(zaak["url"], document))
    assert codes(response) == [("informatieobject", "bad-url")]


def test_zaak_must_be_a_zaak(api: ZGWClient, documenten: FakeDocumenten, types: DocumentType) -> None:
    document = documenten.add(types.informatieobjecttype)
    for zaak in (f"http://testserver{BASE}/zaken/6f7c0000-0000-4000-8000-000000000001", types.zaaktype):
        response = api.post(ZIO, zio_body(zaak, document))
        assert response.status_code == 400
        assert codes(response) == [("zaak", "bad-url")]


def test_informatieobjecttype_must_belong_to_the_zaaktype(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    zaak = create_zaak(api, types.zaaktype)
    document = documenten.add(types.other_informatieobjecttype)
    response = api.post(ZIO, zio_body(zaak["url"], document))
    assert response.status_code == 400
    # zrc-017
    assert codes(response) == [("nonFieldErrors", "missing-zaaktype-informatieobjecttype-relation")]
    assert not ZaakInformatieObject.objects.exists() and not documenten.mirrors


def test_unique_per_zaak(api: ZGWClient, types: DocumentType, documenten: FakeDocumenten) -> None:
    zaak, zio = zaak_with_document(api, types, documenten)
    again = api.post(ZIO, zio_body(zaak["url"], zio["informatieobject"]))
    assert again.status_code == 400
    assert codes(again) == [("nonFieldErrors", "unique")]
    # the same document may belong to another zaak
    other = create_zaak(api, types.zaaktype)
    relate(api, other["url"], zio["informatieobject"])


def test_refused_mirror_stores_nothing(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    zaak = create_zaak(api, types.zaaktype)
    documenten.refuse = True
    before = (AuditTrail.objects.count(), OutboxMessage.objects.count())
    response = api.post(ZIO, zio_body(zaak["url"], documenten.add(types.informatieobjecttype)))
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "remote-relation-failed")]
    assert not ZaakInformatieObject.objects.exists()
    assert (AuditTrail.objects.count(), OutboxMessage.objects.count()) == before


def test_status_must_be_of_the_zaak(api: ZGWClient, types: DocumentType, documenten: FakeDocumenten) -> None:
    zaak = create_zaak(api, types.zaaktype)
    other = create_zaak(api, types.zaaktype)
    statussen = [
        api.post(
            f"{BASE}/statussen",
            {"zaak": z["url"], "statustype": types.statustype, "datumStatusGezet": "2024-03-02T09:00:00Z"},
        ).json_body["url"]
        for z in (zaak, other)
    ]
    document = documenten.add(types.informatieobjecttype)
    wrong = api.post(ZIO, zio_body(zaak["url"], document, status=statussen[1]))
    assert codes(wrong) == [("status", "zaak-mismatch")]
    right = relate(api, zaak["url"], document, status=statussen[0])
    assert right["status"] == statussen[0]


def test_update_keeps_zaak_and_informatieobject(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    # given
    zaak, zio = zaak_with_document(api, types, documenten)
    other = create_zaak(api, types.zaaktype)
    # when / then: the relation itself is fixed (zrc-004)
    moved = api.patch(zio["url"], {"zaak": other["url"]})
    assert moved.status_code == 400 and codes(moved) == [("zaak", "wijzigen-niet-toegelaten")]
    swapped = api.put(zio["url"], zio_body(zaak["url"], documenten.add(types.informatieobjecttype)))
    assert codes(swapped) == [("informatieobject", "wijzigen-niet-toegelaten")]
    # its description is not
    patched = api.patch(zio["url"], {"titel": "Nieuwe titel"})
    assert patched.status_code == 200 and patched.json_body["titel"] == "Nieuwe titel"
    put = api.put(zio["url"], zio_body(zaak["url"], zio["informatieobject"], beschrijving="Achterkant"))
    assert put.status_code == 200
    assert (put.json_body["titel"], put.json_body["beschrijving"]) == ("Foto", "Achterkant")
    assert put.json_body["registratiedatum"] == zio["registratiedatum"]
    acties = list(AuditTrail.objects.filter(resource="zaakinformatieobject").values_list("actie", flat=True))
    assert acties == ["create", "partial_update", "update"]
    # only the creation is announced
    assert OutboxMessage.objects.filter(resource="zaakinformatieobject").count() == 1


def test_delete_removes_the_mirror(api: ZGWClient, types: DocumentType, documenten: FakeDocumenten) -> None:
    zaak, zio = zaak_with_document(api, types, documenten)
    response = api.delete(zio["url"])
    assert response.status_code == 204
    assert not documenten.mirrors
    assert api.get(zio["url"]).status_code == 404
    line = AuditTrail.objects.get(resource="zaakinformatieobject", actie="destroy")
    assert line.oud is not None
    assert line.oud["url"] == zio["url"] and line.hoofd_object == zaak["url"]


def test_closed_zaak_needs_forced_rights(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    # given a closed zaak and a client without zaken.geforceerd-bijwerken
    zaak, zio = zaak_with_document(api, types, documenten)
    Zaak.objects.filter(uuid=zaak["uuid"]).update(einddatum="2024-05-10")
    writer = zaken_client("schrijver", grant(types.zaaktype, "geheim", "zaken.lezen", "zaken.bijwerken"))
    forced = zaken_client("geforceerd", grant(types.zaaktype, "geheim", "zaken.geforceerd-bijwerken"))
    document = documenten.add(types.informatieobjecttype)
    # then
    assert writer.post(ZIO, zio_body(zaak["url"], document)).status_code == 403
    assert writer.patch(zio["url"], {"titel": "x"}).status_code == 403
    assert writer.delete(zio["url"]).status_code == 403
    assert forced.post(ZIO, zio_body(zaak["url"], document)).status_code == 201
    assert forced.patch(zio["url"], {"titel": "x"}).status_code == 200


def test_archived_zaak_takes_no_documents(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    zaak = create_zaak(api, types.zaaktype)
    Zaak.objects.filter(uuid=zaak["uuid"]).update(archiefstatus="gearchiveerd")
    response = api.post(ZIO, zio_body(zaak["url"], documenten.add(types.informatieobjecttype)))
    assert response.status_code == 400
    assert codes(response) == [("zaak", "zaak-archiefstatus")]


def test_list_filters_and_visibility(api: ZGWClient, types: DocumentType, documenten: FakeDocumenten) -> None:
    # given an openbaar and a geheim zaak of the type, and a zaak of another type
    open_zaak, open_zio = zaak_with_document(api, types, documenten)
    _, secret_zio = zaak_with_document(api, types, documenten, vertrouwelijkheidaanduiding="geheim")
    other_types = document_zaaktype(api, identificatie="ZT-ANDER")
    _, other_zio = zaak_with_document(api, other_types, documenten)
    reader = zaken_client("lezer", grant(types.zaaktype, "openbaar", "zaken.lezen"))
    # when / then: all for heeftAlleAutorisaties, as a plain array
    everything = api.get(ZIO).json_body
    assert [z["url"] for z in everything] == [open_zio["url"], secret_zio["url"], other_zio["url"]]
    assert [z["url"] for z in api.get(ZIO, zaak=open_zaak["url"]).json_body] == [open_zio["url"]]
    by_document = api.get(ZIO, informatieobject=other_zio["informatieobject"]).json_body
    assert [z["url"] for z in by_document] == [other_zio["url"]]
    assert api.get(ZIO, zaak="https://elders.example.com/zaken/1").json_body == []
    # a restricted reader sees only the zaak of its zaaktype up to its maximum
    assert [z["url"] for z in reader.get(ZIO).json_body] == [open_zio["url"]]
    assert reader.get(open_zio["url"]).status_code == 200
    assert reader.get(secret_zio["url"]).status_code == 403
    assert reader.get(other_zio["url"]).status_code == 403
    assert reader.post(ZIO, zio_body(open_zaak["url"], open_zio["informatieobject"])).status_code == 403
    assert api.get(ZIO, onbekend="1").status_code == 400


def test_etag_head_and_304(api: ZGWClient, types: DocumentType, documenten: FakeDocumenten) -> None:
    _, zio = zaak_with_document(api, types, documenten)
    read = api.get(zio["url"])
    head = api.head(zio["url"])
    assert head.status_code == 200 and head["ETag"] == read["ETag"] and head.content == b""
    assert api.get(zio["url"], headers={"If-None-Match": read["ETag"]}).status_code == 304
    assert api.get(f"{ZIO}/niet-een-uuid").status_code == 404


def test_remote_documenten_register(api: ZGWClient, types: DocumentType) -> None:
    # given a Documenten API elsewhere, holding a document of the allowed type
    root = "https://drc.example.com/api/v1"
    document = f"{root}/enkelvoudiginformatieobjecten/1"
    body = {"url": document, "informatieobjecttype": types.informatieobjecttype}
    calls: list[tuple[str, str]] = []
    answer = {"POST": 201}

    def handle(request: httpx.Request) -> httpx.Response:
        if request.method == "GET" and str(request.url) == document:
            return httpx.Response(200, json=body)
        calls.append((request.method, str(request.url)))
        if request.method == "GET":
            return httpx.Response(200, json=[{"url": f"{root}/objectinformatieobjecten/9"}])
        return httpx.Response(answer.get(request.method, 204), json={})

    with remote_api(origin_of(root), handle):
        zaak = create_zaak(api, types.zaaktype)
        # when the remote register refuses, nothing is stored
        answer["POST"] = 500
        refused = api.post(ZIO, zio_body(zaak["url"], document))
        assert refused.status_code == 400 and not ZaakInformatieObject.objects.exists()
        assert not AuditTrail.objects.filter(resource="zaakinformatieobject").exists()
        # when it agrees, the relation is there and mirrored
        answer["POST"] = 201
        created = api.post(ZIO, zio_body(zaak["url"], document))
        assert created.status_code == 201
        assert calls[-1] == ("POST", f"{root}/objectinformatieobjecten")
        # deleting removes the mirror there as well
        assert api.delete(created.json_body["url"]).status_code == 204
        assert calls[-1] == ("DELETE", f"{root}/objectinformatieobjecten/9")


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@given(body=bodies("zaken-1.7.0.yaml", "/zaakinformatieobjecten", "post"))
@FUZZ
def test_create_never_fails_on_input(api: ZGWClient, types: DocumentType, body: Any) -> None:
    fuzz_send(api, "POST", ZIO, body)


@given(body=bodies("zaken-1.7.0.yaml", "/zaken/{zaak_uuid}/besluiten", "post"))
@FUZZ
def test_create_zaakbesluit_never_fails_on_input(api: ZGWClient, types: DocumentType, body: Any) -> None:
    zaak = Zaak.objects.first() or Zaak.objects.get(uuid=create_zaak(api, types.zaaktype)["uuid"])
    fuzz_send(api, "POST", f"{BASE}/zaken/{zaak.uuid}/besluiten", body)
