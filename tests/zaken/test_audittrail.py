"""The audit trail of a zaak: its own changes and those of its parts, for audittrails.lezen."""

from __future__ import annotations

import pytest

from tests.zaken.factories import BASE, CRS, create_zaak, zaken_client
from tests.zaken.relation_helpers import (
    DocumentType,
    FakeDocumenten,
    document_zaaktype,
    documenten,
    grant,
    zaak_with_document,
)
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db
__all__ = ["documenten"]  # fixture


@pytest.fixture
def types(api: ZGWClient) -> DocumentType:
    return document_zaaktype(api)


def test_lines_of_the_zaak_and_its_parts(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    # given a zaak, changed, with a document; and another zaak
    zaak, zio = zaak_with_document(api, types, documenten)
    assert api.patch(zaak["url"], {"omschrijving": "Gewijzigd"}, headers=CRS).status_code == 200
    create_zaak(api, types.zaaktype)
    # when
    response = api.get(f"{BASE}/zaken/{zaak['uuid']}/audittrail", headers={"X-Audit-Toelichting": "x"})
    # then
    assert response.status_code == 200
    lines = response.json_body
    assert [(line["resource"], line["actie"]) for line in lines] == [
        ("zaak", "create"),
        ("zaakinformatieobject", "create"),
        ("zaak", "partial_update"),
    ]
    assert all(line["hoofdObject"] == zaak["url"] and line["bron"] == "zrc" for line in lines)
    assert lines[1]["resourceUrl"] == zio["url"]
    assert lines[1]["wijzigingen"] == {"nieuw": zio}
    assert lines[2]["wijzigingen"]["oud"]["omschrijving"] != "Gewijzigd"
    assert lines[2]["wijzigingen"]["nieuw"]["omschrijving"] == "Gewijzigd"
    assert lines[0]["applicatieId"] == "test-alles" and lines[0]["gebruikersId"] == "tester"
    one = api.get(f"{BASE}/zaken/{zaak['uuid']}/audittrail/{lines[1]['uuid']}")
    assert one.status_code == 200 and one.json_body == lines[1]


def test_line_of_another_zaak_is_not_found(api: ZGWClient, types: DocumentType) -> None:
    zaak = create_zaak(api, types.zaaktype)
    other = create_zaak(api, types.zaaktype)
    line = api.get(f"{BASE}/zaken/{other['uuid']}/audittrail").json_body[0]
    assert api.get(f"{BASE}/zaken/{zaak['uuid']}/audittrail/{line['uuid']}").status_code == 404
    assert api.get(f"{BASE}/zaken/{zaak['uuid']}/audittrail/niet-een-uuid").status_code == 404


def test_scope_and_visibility(api: ZGWClient, types: DocumentType) -> None:
    # given
    zaak = create_zaak(api, types.zaaktype)
    secret = create_zaak(api, types.zaaktype, vertrouwelijkheidaanduiding="geheim")
    auditor = zaken_client("auditor", grant(types.zaaktype, "openbaar", "audittrails.lezen"))
    reader = zaken_client("lezer", grant(types.zaaktype, "geheim", "zaken.lezen"))
    # then: the scope is audittrails.lezen, for the zaken that scope reaches
    assert auditor.get(f"{BASE}/zaken/{zaak['uuid']}/audittrail").status_code == 200
    assert auditor.get(f"{BASE}/zaken/{secret['uuid']}/audittrail").status_code == 403
    assert reader.get(f"{BASE}/zaken/{zaak['uuid']}/audittrail").status_code == 403
    assert api.get(f"{BASE}/zaken/{zaak['uuid']}/audittrail", onbekend="1").status_code == 400


def test_deleted_zaak_takes_its_audit_trail(api: ZGWClient, types: DocumentType) -> None:
    zaak = create_zaak(api, types.zaaktype)
    assert api.delete(zaak["url"], headers=CRS).status_code == 204
    assert api.get(f"{BASE}/zaken/{zaak['uuid']}/audittrail").status_code == 404
