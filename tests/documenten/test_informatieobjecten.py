"""/enkelvoudiginformatieobjecten: create, rules of RULES.md 4.1, versions (4.3), delete (drc-008)."""

from __future__ import annotations

import pytest

from tests.documenten.factories import EIO, b64, codes, create_eio, eio_body, informatieobjecttype, lock
from tests.zgw import ZGWClient
from zaakwerk.core.models import AuditTrail, OutboxMessage
from zaakwerk.documenten.models import EnkelvoudigInformatieObject, ObjectInformatieObject


@pytest.fixture
def iot(api: ZGWClient) -> dict[str, object]:
    return informatieobjecttype(api, vertrouwelijkheidaanduiding="zaakvertrouwelijk")


def test_create_stores_content_and_announces_it(api: ZGWClient, iot: dict[str, str]) -> None:
    # when
    response = api.post(EIO, eio_body(iot["url"]))
    # then
    assert response.status_code == 201, response.json_body
    data = response.json_body
    assert response["Location"] == data["url"]
    assert data["versie"] == 1
    assert data["bestandsomvang"] == len(b"een losliggende stoeptegel")
    assert data["inhoud"] == f"{data['url']}/download?versie=1"
    assert data["identificatie"].startswith("DOCUMENT-")
    # drc-007: derived from the informatieobjecttype
    assert data["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"
    assert data["locked"] is False and data["bestandsdelen"] == []
    message = OutboxMessage.objects.get(kanaal="documenten")
    assert message.actie == "create"
    assert message.kenmerken == {
        "bronorganisatie": data["bronorganisatie"],
        "informatieobjecttype": iot["url"],
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
    }
    assert AuditTrail.objects.filter(hoofd_object=data["url"], bron="drc").count() == 1


def test_explicit_vertrouwelijkheidaanduiding_is_kept(api: ZGWClient, iot: dict[str, str]) -> None:
    data = create_eio(api, iot["url"], vertrouwelijkheidaanduiding="openbaar")
    assert data["vertrouwelijkheidaanduiding"] == "openbaar"


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"informatieobjecttype": "http://example.com/nothing"}, ("informatieobjecttype", "bad-url")),
        (
            {
                "informatieobjecttype": "http://testserver/zaken/api/v1/zaken/6b6f2ba5-9d5e-4ed3-9f44-9cf8e0c2d4bf"
            },
            ("informatieobjecttype", "bad-url"),
        ),
        ({"ontvangstdatum": "2024-03-02", "status": "in_bewerking"}, ("status", "invalid_for_received")),
        ({"ontvangstdatum": "2024-03-02", "status": "ter_vaststelling"}, ("status", "invalid_for_received")),
        ({"indicatieGebruiksrecht": True}, ("indicatieGebruiksrecht", "missing-gebruiksrechten")),
        ({"inhoud": "!!!not base64!!"}, ("inhoud", "invalid")),
        ({"inhoud": "abc"}, ("inhoud", "invalid")),
        ({"inhoud": "QUJD===="}, ("inhoud", "invalid")),  # padding beyond the last group
        ({"inhoud": "QU=D"}, ("inhoud", "invalid")),  # padding inside a group
        ({"inhoud": "QUJDé==="}, ("inhoud", "invalid")),  # not ASCII
        ({"bestandsomvang": 3}, ("bestandsomvang", "file-size")),
        ({"taal": "nl"}, ("taal", "min_length")),
        ({"titel": ""}, ("titel", "blank")),
    ],
)
def test_create_rules(
    api: ZGWClient, iot: dict[str, str], overrides: dict[str, object], expected: tuple[str, str]
) -> None:
    response = api.post(EIO, eio_body(iot["url"], **overrides))
    assert response.status_code == 400
    assert expected in codes(response)
    # nothing half-written
    assert not EnkelvoudigInformatieObject.objects.exists()
    assert not OutboxMessage.objects.filter(kanaal="documenten").exists()


def test_unpublished_informatieobjecttype_is_refused(api: ZGWClient) -> None:
    concept = informatieobjecttype(api, published=False)
    response = api.post(EIO, eio_body(concept["url"]))
    assert response.status_code == 400
    assert codes(response) == [("informatieobjecttype", "not-published")]


def test_received_document_may_be_definitief(api: ZGWClient, iot: dict[str, str]) -> None:
    data = create_eio(api, iot["url"], ontvangstdatum="2024-03-02", status="definitief")
    assert data["status"] == "definitief"


def test_identificatie_is_unique_per_bronorganisatie(api: ZGWClient, iot: dict[str, str]) -> None:
    create_eio(api, iot["url"], identificatie="DOC-1")
    response = api.post(EIO, eio_body(iot["url"], identificatie="DOC-1"))
    assert response.status_code == 400
    assert codes(response) == [("identificatie", "identificatie-niet-uniek")]
    assert create_eio(api, iot["url"], identificatie="DOC-1", bronorganisatie="000000000")["versie"] == 1


def test_publication_fields_and_trefwoorden(api: ZGWClient, iot: dict[str, str]) -> None:
    data = create_eio(
        api,
        iot["url"],
        isGereedVoorPublicatie=True,
        tonenAanInitiator=True,
        inhoudIsVervallen=False,
        trefwoorden=["stoep", "tegel"],
    )
    assert (data["isGereedVoorPublicatie"], data["tonenAanInitiator"], data["inhoudIsVervallen"]) == (
        True,
        True,
        False,
    )
    found = api.get(EIO, trefwoorden="stoep,tegel").json_body
    assert [item["url"] for item in found["results"]] == [data["url"]]
    assert api.get(EIO, trefwoorden="stoep,boom").json_body["count"] == 0


def test_every_update_is_a_new_version(api: ZGWClient, iot: dict[str, str]) -> None:
    # given
    data = create_eio(api, iot["url"])
    other = create_eio(api, iot["url"])
    key = lock(api, data["url"])
    # when (the PUT leaves identificatie out, as the VNG suite's drc-009f does)
    patched = api.patch(data["url"], {"titel": "Nieuwe titel", "lock": key})
    body = eio_body(iot["url"], titel="Derde titel", lock=key, inhoud=b64(b"nieuwe inhoud"))
    put = api.put(data["url"], body)
    # then
    assert put.json_body["identificatie"] == data["identificatie"] != other["identificatie"]
    assert patched.status_code == 200, patched.json_body
    assert (patched.json_body["versie"], patched.json_body["titel"]) == (2, "Nieuwe titel")
    # the content did not change in version 2: it is the same file
    assert patched.json_body["bestandsomvang"] == data["bestandsomvang"]
    assert put.status_code == 200, put.json_body
    assert (put.json_body["versie"], put.json_body["bestandsomvang"]) == (3, len(b"nieuwe inhoud"))
    assert api.get(data["url"]).json_body["titel"] == "Derde titel"
    assert api.get(data["url"], versie=1).json_body["titel"] == data["titel"]
    assert api.get(data["url"], versie=2).json_body["titel"] == "Nieuwe titel"
    assert api.get(data["url"], registratieOp=data["beginRegistratie"]).json_body["versie"] == 1
    assert api.get(data["url"], versie=9).status_code == 404
    assert api.get(data["url"], registratieOp="gisteren").status_code == 400
    # the list shows each document once, at its current version
    assert sorted(item["versie"] for item in api.get(EIO).json_body["results"]) == [1, 3]
    assert (
        OutboxMessage.objects.filter(kanaal="documenten", actie__in=["update", "partial_update"]).count() == 2
    )


def test_etag_and_head(api: ZGWClient, iot: dict[str, str]) -> None:
    data = create_eio(api, iot["url"])
    first = api.get(data["url"])
    assert api.get(data["url"], headers={"If-None-Match": first["ETag"]}).status_code == 304
    head = api.head(data["url"])
    assert head.status_code == 200 and head.content == b"" and head["ETag"] == first["ETag"]


def test_delete_removes_everything(api: ZGWClient, iot: dict[str, str]) -> None:
    data = create_eio(api, iot["url"])
    response = api.delete(data["url"])
    assert response.status_code == 204
    assert api.get(data["url"]).status_code == 404
    assert not AuditTrail.objects.filter(hoofd_object=data["url"]).exists()
    assert OutboxMessage.objects.filter(kanaal="documenten", actie="destroy").count() == 1


def test_delete_with_objectinformatieobjecten_is_refused(api: ZGWClient, iot: dict[str, str]) -> None:
    # given (drc-008)
    data = create_eio(api, iot["url"])
    ObjectInformatieObject.objects.create(
        informatieobject=EnkelvoudigInformatieObject.objects.get(),
        object="http://example.com/zaak/1",
        object_type="zaak",
    )
    # when
    response = api.delete(data["url"])
    # then
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "pending-relations")]
    assert api.get(data["url"]).status_code == 200


def test_audittrail(api: ZGWClient, iot: dict[str, str]) -> None:
    data = create_eio(api, iot["url"])
    key = lock(api, data["url"])
    api.patch(data["url"], {"titel": "Anders", "lock": key}, headers={"X-Audit-Toelichting": "typfout"})
    lines = api.get(f"{data['url']}/audittrail").json_body
    assert [line["actie"] for line in lines] == ["create", "partial_update"]
    assert lines[1]["toelichting"] == "typfout"
    assert lines[1]["wijzigingen"]["oud"]["titel"] == data["titel"]
    one = api.get(f"{data['url']}/audittrail/{lines[0]['uuid']}")
    assert one.status_code == 200 and one.json_body["uuid"] == lines[0]["uuid"]


def test_zoek(api: ZGWClient, iot: dict[str, str]) -> None:
    first = create_eio(api, iot["url"])
    create_eio(api, iot["url"])
    response = api.post(f"{EIO}/_zoek", {"uuid__in": [first["url"].rsplit("/", 1)[1]]})
    assert response.status_code == 200
    assert [item["url"] for item in response.json_body["results"]] == [first["url"]]
    assert api.post(f"{EIO}/_zoek", {"uuid__in": ["geen-uuid"]}).status_code == 400


def test_unknown_filter_is_refused(api: ZGWClient) -> None:
    assert api.get(EIO, onbekend="1").status_code == 400


@pytest.mark.parametrize("groep", ["ondertekening", "integriteit"])
def test_an_empty_gegevensgroep_is_none_and_a_partial_one_refused(
    api: ZGWClient, iot: dict[str, str], groep: str
) -> None:
    data = create_eio(api, iot["url"])
    key = lock(api, data["url"])
    emptied = api.patch(data["url"], {groep: {}, "lock": key})
    assert emptied.status_code == 200, emptied.json_body
    assert emptied.json_body[groep] is None
    partial = api.patch(data["url"], {groep: {"datum": "2024-03-01"}, "lock": key})
    assert partial.status_code == 400
    assert [p["code"] for p in partial.json_body["invalidParams"]] == ["required"]
