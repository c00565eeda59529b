"""Changing and deleting zaken: fields left out of a PUT, combined field rules, and the order in
which a refusal names its reasons (RULES.md 3.1, 3.6, 3.7)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.zaken.factories import BASE, CRS, codes, create_zaak, zaak_body, zaken_client
from tests.zaken.relation_helpers import DocumentType, FakeDocumenten, document_zaaktype, documenten
from tests.zaken.status_helpers import ClosableType, add_resultaat, closable_zaaktype, closed_zaak
from tests.zaken.subresource_helpers import FullType, full_zaaktype, new_zaak, rol_body
from tests.zgw import ZGWClient
from zaakwerk.zaken.models import Resultaat, Rol, ZaakInformatieObject

pytestmark = pytest.mark.django_db
__all__ = ["documenten"]  # fixture


@pytest.fixture
def types(api: ZGWClient) -> DocumentType:
    return document_zaaktype(api)


def test_put_without_identificatie_keeps_it(api: ZGWClient, types: DocumentType) -> None:
    # given
    zaak = create_zaak(api, types.zaaktype, vertrouwelijkheidaanduiding="openbaar")
    # when: a full body that leaves identificatie out (zrc-002 refuses only a changed one)
    body = zaak_body(types.zaaktype, omschrijving="Aangepast", vertrouwelijkheidaanduiding="intern")
    response = api.put(zaak["url"], body, headers=CRS)
    # then
    assert response.status_code == 200, response.json_body
    data = response.json_body
    assert data["identificatie"] == zaak["identificatie"]
    assert (data["omschrijving"], data["vertrouwelijkheidaanduiding"]) == ("Aangepast", "intern")
    # a different one is still refused
    changed = api.put(zaak["url"], {**body, "identificatie": "ANDERS"}, headers=CRS)
    assert codes(changed) == [("identificatie", "wijzigen-niet-toegelaten")]


def test_patch_nvt_with_a_betaaldatum_is_refused(api: ZGWClient, types: DocumentType) -> None:
    # given
    zaak = create_zaak(api, types.zaaktype, betalingsindicatie="geheel")
    # when: zrc-014, nvt and a payment date in one request
    response = api.patch(
        zaak["url"],
        {"betalingsindicatie": "nvt", "laatsteBetaaldatum": "2019-03-29T12:00:00"},
        headers=CRS,
    )
    # then
    assert response.status_code == 400
    assert codes(response) == [("laatsteBetaaldatum", "betaling-nvt")]
    assert api.get(zaak["url"], headers=CRS).json_body["betalingsindicatie"] == "geheel"


def test_archiefstatus_refusal_names_the_documents_first(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    # given: a zaak with a document that is not archived, no archiefnominatie or archiefactiedatum
    zaak = create_zaak(api, types.zaaktype)
    document = documenten.add(types.informatieobjecttype)
    assert (
        api.post(
            f"{BASE}/zaakinformatieobjecten", {"zaak": zaak["url"], "informatieobject": document}
        ).status_code
        == 201
    )
    # when
    response = api.patch(zaak["url"], {"archiefstatus": "gearchiveerd"}, headers=CRS)
    # then: zrc-022, every reason, the documents first
    assert response.status_code == 400
    assert codes(response) == [
        ("archiefstatus", "documents-not-archived"),
        ("archiefnominatie", "archiefnominatie-not-set"),
        ("archiefactiedatum", "archiefactiedatum-not-set"),
    ]


def test_delete_removes_the_mirrors_in_the_documenten_register(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    # given: a zaak and its deelzaak, each with a document
    hoofd = create_zaak(api, types.zaaktype)
    deel = create_zaak(api, types.zaaktype, hoofdzaak=hoofd["url"])
    for zaak in (hoofd, deel):
        body = {"zaak": zaak["url"], "informatieobject": documenten.add(types.informatieobjecttype)}
        assert api.post(f"{BASE}/zaakinformatieobjecten", body).status_code == 201
    assert len(documenten.mirrors) == 2
    # when
    assert api.delete(hoofd["url"], headers=CRS).status_code == 204
    # then: zrc-023
    assert documenten.mirrors == set()
    assert not ZaakInformatieObject.objects.exists()


def test_rol_refusal_names_the_roltype_mismatch_first(api: ZGWClient) -> None:
    # given
    types: FullType = full_zaaktype(api)
    other = full_zaaktype(api, identificatie="ZT-ANDER")
    zaak = new_zaak(api, types)
    body: dict[str, Any] = rol_body(zaak["url"], other.roltype)
    del body["betrokkeneIdentificatie"]
    # when
    response = api.post(f"{BASE}/rollen", body)
    # then
    assert response.status_code == 400
    assert codes(response) == [
        ("nonFieldErrors", "zaaktype-mismatch"),
        ("betrokkene", "invalid-betrokkene"),
    ]
    assert not Rol.objects.exists()


def test_second_resultaat_of_a_closed_zaak_is_invalid_whatever_the_scope(api: ZGWClient) -> None:
    # given: a closed zaak (it has its resultaat)
    closable: ClosableType = closable_zaaktype(api)
    zaak = closed_zaak(api, closable)
    gewoon = zaken_client("gewoon", (closable.zaaktype, "zeer_geheim", ["zaken.lezen", "zaken.bijwerken"]))
    # when
    response = add_resultaat(gewoon, zaak["url"], closable.bewaren)
    # then
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "unique")]
    assert Resultaat.objects.count() == 1
