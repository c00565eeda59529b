"""Zaakbesluiten: the besluiten of a zaak, kept in step by the Besluiten register (brc-006)."""

from __future__ import annotations

import pytest

from tests.zaken.factories import BASE, codes, create_zaak, zaken_client
from tests.zaken.relation_helpers import DocumentType, FakeBesluiten, besluiten, document_zaaktype, grant
from tests.zgw import ZGWClient
from zaakwerk.core.actor import Actor
from zaakwerk.core.models import AuditTrail, OutboxMessage
from zaakwerk.zaken.models import Zaak, ZaakBesluit
from zaakwerk.zaken.services.zaakbesluiten import link_besluit, unlink_besluit

pytestmark = pytest.mark.django_db
__all__ = ["besluiten"]  # fixture

BESLUITTYPE = "http://testserver/catalogi/api/v1/besluittypen/6f7c0000-0000-4000-8000-000000000002"


@pytest.fixture
def types(api: ZGWClient) -> DocumentType:
    return document_zaaktype(api)


def test_link_read_delete(api: ZGWClient, types: DocumentType, besluiten: FakeBesluiten) -> None:
    # given
    zaak = create_zaak(api, types.zaaktype)
    besluit = besluiten.add(BESLUITTYPE, zaak["url"])
    collection = f"{BASE}/zaken/{zaak['uuid']}/besluiten"
    # when
    created = api.post(collection, {"besluit": besluit})
    # then
    assert created.status_code == 201, created.json_body
    assert created["Location"] == created.json_body["url"]
    assert created.json_body["url"].startswith(f"http://testserver{collection}/")
    assert api.get(collection).json_body == [created.json_body]
    assert api.get(created.json_body["url"]).json_body == created.json_body
    message = OutboxMessage.objects.get(resource="zaakbesluit")
    assert (message.kanaal, message.actie, message.hoofd_object) == ("zaken", "create", zaak["url"])
    # a besluit is linked once
    again = api.post(collection, {"besluit": besluit})
    assert again.status_code == 400 and codes(again) == [("nonFieldErrors", "unique")]
    # deleting
    assert api.delete(created.json_body["url"]).status_code == 204
    assert api.get(collection).json_body == []
    assert api.get(created.json_body["url"]).status_code == 404
    acties = list(AuditTrail.objects.filter(resource="zaakbesluit").values_list("actie", flat=True))
    assert acties == ["create", "destroy"]
    assert OutboxMessage.objects.filter(resource="zaakbesluit").count() == 1  # only create is announced


def test_besluit_must_resolve(api: ZGWClient, types: DocumentType, besluiten: FakeBesluiten) -> None:
    zaak = create_zaak(api, types.zaaktype)
    collection = f"{BASE}/zaken/{zaak['uuid']}/besluiten"
    unknown = FakeBesluiten().add(BESLUITTYPE)
    for url, code in (
        (unknown, "bad-url"),
        ("https://brc.example.com/api/v1/besluiten/1", "bad-url"),
        (zaak["url"], "invalid-resource"),
    ):
        response = api.post(collection, {"besluit": url})
        assert response.status_code == 400
        assert codes(response) == [("besluit", code)]
    missing = api.post(collection, {})
    assert codes(missing) == [("besluit", "required")]
    assert not ZaakBesluit.objects.exists()


def test_visibility_and_scopes(api: ZGWClient, types: DocumentType, besluiten: FakeBesluiten) -> None:
    # given
    zaak = create_zaak(api, types.zaaktype)
    secret = create_zaak(api, types.zaaktype, vertrouwelijkheidaanduiding="geheim")
    for z in (zaak, secret):
        response = api.post(f"{BASE}/zaken/{z['uuid']}/besluiten", {"besluit": besluiten.add(BESLUITTYPE)})
        assert response.status_code == 201
    reader = zaken_client("lezer", grant(types.zaaktype, "openbaar", "zaken.lezen"))
    # then
    assert len(reader.get(f"{BASE}/zaken/{zaak['uuid']}/besluiten").json_body) == 1
    assert reader.get(f"{BASE}/zaken/{secret['uuid']}/besluiten").status_code == 403
    assert (
        reader.post(
            f"{BASE}/zaken/{zaak['uuid']}/besluiten", {"besluit": besluiten.add(BESLUITTYPE)}
        ).status_code
        == 403
    )
    assert api.get(f"{BASE}/zaken/6f7c0000-0000-4000-8000-000000000009/besluiten").status_code == 404
    assert api.get(f"{BASE}/zaken/{zaak['uuid']}/besluiten/niet-een-uuid").status_code == 404


def test_closed_zaak_needs_forced_rights(
    api: ZGWClient, types: DocumentType, besluiten: FakeBesluiten
) -> None:
    zaak = create_zaak(api, types.zaaktype)
    Zaak.objects.filter(uuid=zaak["uuid"]).update(einddatum="2024-05-10")
    writer = zaken_client("schrijver", grant(types.zaaktype, "geheim", "zaken.bijwerken"))
    response = writer.post(f"{BASE}/zaken/{zaak['uuid']}/besluiten", {"besluit": besluiten.add(BESLUITTYPE)})
    assert response.status_code == 403


def test_services_for_the_besluiten_register(
    api: ZGWClient, types: DocumentType, besluiten: FakeBesluiten
) -> None:
    # the Besluiten register links and unlinks in its own transaction, also on a closed zaak
    zaak = Zaak.objects.get(uuid=create_zaak(api, types.zaaktype)["uuid"])
    Zaak.objects.filter(pk=zaak.pk).update(einddatum="2024-05-10")
    zaak.refresh_from_db()
    besluit = besluiten.add(BESLUITTYPE, zaak.url)
    row = link_besluit(zaak, besluit, Actor.system())
    assert list(zaak.zaakbesluiten.values_list("besluit", flat=True)) == [besluit]
    assert AuditTrail.objects.get(resource="zaakbesluit", actie="create").resource_url.endswith(str(row.uuid))
    unlink_besluit(zaak, besluit, Actor.system())
    assert not zaak.zaakbesluiten.exists()
