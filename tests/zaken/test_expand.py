"""``expand`` on the Zaken resources: every kind of object, nesting, and what must never leak."""

from __future__ import annotations

from typing import Any

import pytest

from tests.zaken.factories import BASE, CRS, create_zaak
from tests.zaken.relation_helpers import (
    DocumentType,
    FakeBesluiten,
    FakeDocumenten,
    besluiten,
    document_zaaktype,
    documenten,
    relate,
    zaak_with_document,
)
from tests.zgw import ZGWClient, client_with

pytestmark = pytest.mark.django_db
__all__ = ["besluiten", "documenten"]  # fixtures

ZIO = f"{BASE}/zaakinformatieobjecten"
BESLUITTYPE = "http://testserver/catalogi/api/v1/besluittypen/6f7c0000-0000-4000-8000-000000000002"


@pytest.fixture
def types(api: ZGWClient) -> DocumentType:
    return document_zaaktype(api)


def unchecked(client: ZGWClient) -> ZGWClient:
    """The same client: embedded objects are checked against the spec like everything else
    (tests/contract.py resolves references into the other registers' specs)."""
    return ZGWClient(client.token)


def reader(name: str, zaaktype: str, *extra: dict[str, Any], maximum: str = "openbaar") -> ZGWClient:
    """A client that may read zaken of ``zaaktype`` up to ``maximum``, plus ``extra`` autorisaties."""
    zrc = {
        "component": "zrc",
        "scopes": ["zaken.lezen"],
        "zaaktype": zaaktype,
        "max_vertrouwelijkheidaanduiding": maximum,
    }
    return client_with(name, autorisaties=[zrc, *extra])


def documenten_lezen(informatieobjecttype: str, maximum: str = "openbaar") -> dict[str, Any]:
    return {
        "component": "drc",
        "scopes": ["documenten.lezen"],
        "informatieobjecttype": informatieobjecttype,
        "max_vertrouwelijkheidaanduiding": maximum,
    }


def test_nested_expand_of_own_and_catalogue_objects(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    # given a zaak with a status and a document that belongs to that status
    zaak = create_zaak(api, types.zaaktype)
    status = api.post(
        f"{BASE}/statussen",
        {"zaak": zaak["url"], "statustype": types.statustype, "datumStatusGezet": "2024-03-02T09:00:00Z"},
    ).json_body["url"]
    zio = relate(api, zaak["url"], documenten.add(types.informatieobjecttype), status=status)
    client = reader("lezer", types.zaaktype)
    # when
    response = unchecked(client).get(zio["url"], expand="zaak.zaaktype,status.statustype")
    # then: URLs stay, the objects come in _expand, every segment expanded
    assert response.status_code == 200, response.json_body
    data = response.json_body
    assert data["zaak"] == zaak["url"]
    embedded_zaak = data["_expand"]["zaak"]
    assert embedded_zaak["url"] == zaak["url"]
    assert embedded_zaak["_expand"]["zaaktype"]["url"] == types.zaaktype  # catalogue: any reader of the zaak
    assert data["_expand"]["status"]["_expand"]["statustype"]["url"] == types.statustype
    listed = unchecked(client).get(ZIO, expand="zaak").json_body
    assert listed[0]["_expand"]["zaak"]["url"] == zaak["url"]


def test_documents_only_for_readers_of_their_type(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    # given a zaak with an openbaar document, and one with a vertrouwelijk document
    zaak, zio = zaak_with_document(api, types, documenten)
    secret_doc = documenten.add(types.informatieobjecttype, "vertrouwelijk")
    secret_zio = relate(api, zaak["url"], secret_doc)
    with_documents = reader("met-documenten", types.zaaktype, documenten_lezen(types.informatieobjecttype))
    without = reader("zonder-documenten", types.zaaktype)
    # then
    shown = unchecked(with_documents).get(zio["url"], expand="informatieobject")
    assert shown.status_code == 200
    assert shown.json_body["_expand"]["informatieobject"]["url"] == zio["informatieobject"]
    assert unchecked(api).get(secret_zio["url"], expand="informatieobject").status_code == 200
    # never a document the caller could not read itself
    for client, url in ((without, zio["url"]), (with_documents, secret_zio["url"])):
        response = client.get(url, expand="informatieobject")
        assert response.status_code == 404
        assert b"Foto van de stoeptegel" not in response.content


def test_other_zaken_only_when_visible(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    # given a deelzaak the reader may see, whose hoofdzaak is of a zaaktype it may not read
    other = document_zaaktype(api, identificatie="ZT-ANDER")
    hoofdzaak = create_zaak(api, other.zaaktype, omschrijving="Geheime hoofdzaak")
    deelzaak, zio = zaak_with_document(api, types, documenten, hoofdzaak=hoofdzaak["url"])
    client = reader("lezer", types.zaaktype)
    # then
    assert (
        unchecked(api)
        .get(zio["url"], expand="zaak.hoofdzaak")
        .json_body["_expand"]["zaak"]["_expand"]["hoofdzaak"]["url"]
        == hoofdzaak["url"]
    )
    response = client.get(zio["url"], expand="zaak.hoofdzaak")
    assert response.status_code == 404
    assert b"Geheime hoofdzaak" not in response.content
    assert client.get(ZIO, expand="zaak.hoofdzaak").status_code == 404
    # the deelzaak itself may be expanded
    assert (
        unchecked(client).get(zio["url"], expand="zaak").json_body["_expand"]["zaak"]["url"]
        == deelzaak["url"]
    )


def test_besluiten_only_for_readers_of_their_type(
    api: ZGWClient, types: DocumentType, besluiten: FakeBesluiten
) -> None:
    zaak = create_zaak(api, types.zaaktype)
    collection = f"{BASE}/zaken/{zaak['uuid']}/besluiten"
    row = api.post(collection, {"besluit": besluiten.add(BESLUITTYPE, zaak["url"])}).json_body
    brc = {"component": "brc", "scopes": ["besluiten.lezen"], "besluittype": BESLUITTYPE}
    allowed = reader("met-besluiten", types.zaaktype, brc)
    refused = reader("zonder-besluiten", types.zaaktype)
    shown = unchecked(allowed).get(row["url"], expand="besluit")
    assert shown.status_code == 200
    assert shown.json_body["_expand"]["besluit"]["url"] == row["besluit"]
    assert (
        unchecked(allowed).get(collection, expand="besluit").json_body[0]["_expand"]["besluit"]["besluittype"]
        == BESLUITTYPE
    )
    assert refused.get(row["url"], expand="besluit").status_code == 404
    assert refused.get(collection, expand="besluit").status_code == 404


def test_unknown_attributes_and_bad_paths(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    _, zio = zaak_with_document(api, types, documenten)
    assert api.get(zio["url"], expand="bestaatniet").status_code == 404  # zrc-027
    assert api.get(zio["url"], expand="titel").status_code == 404  # not a reference
    assert api.get(zio["url"], expand="zaak..zaaktype").status_code == 400
    # an empty reference expands to an empty object (RULES.md 1.12, EmptyObject)
    assert unchecked(api).get(zio["url"], expand="status").json_body["_expand"] == {"status": {}}
    assert unchecked(api).get(f"{BASE}/zaken", headers=CRS, expand="zaaktype").status_code == 200
