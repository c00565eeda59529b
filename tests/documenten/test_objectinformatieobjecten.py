"""/objectinformatieobjecten called by a client: drc-002 (object resolves), drc-003 (unique),
drc-004 (the relation must exist in the Zaken API, and be gone there before a DELETE), visibility."""

from __future__ import annotations

from typing import Any

import pytest

from tests.documenten.factories import BASE, codes, create_eio, documenten_client
from tests.test_wiring import Types, relate, types
from tests.zaken.factories import create_zaak
from tests.zgw import ZGWClient
from zaakwerk.documenten.models import ObjectInformatieObject
from zaakwerk.zaken.models import ZaakInformatieObject

OIO = f"{BASE}/objectinformatieobjecten"
__all__ = ["types"]  # fixture


def oio_body(document: str, zaak: str) -> dict[str, Any]:
    return {"informatieobject": document, "object": zaak, "objectType": "zaak"}


def test_client_post_needs_the_relation_in_the_zaken_api(api: ZGWClient, types: Types) -> None:
    zaak = create_zaak(api, types.zaaktype)
    document = create_eio(api, types.informatieobjecttype)
    # drc-004: no zaakinformatieobject → refused
    response = api.post(OIO, oio_body(document["url"], zaak["url"]))
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "inconsistent-relation")]
    assert not ObjectInformatieObject.objects.exists()
    # with the relation (mirrored already): drc-003 unique
    relate(api, zaak["url"], document["url"])
    duplicate = api.post(OIO, oio_body(document["url"], zaak["url"]))
    assert codes(duplicate) == [("nonFieldErrors", "unique")]


def test_client_delete_only_after_the_relation_is_gone(api: ZGWClient, types: Types) -> None:
    zaak = create_zaak(api, types.zaaktype)
    document = create_eio(api, types.informatieobjecttype)
    relate(api, zaak["url"], document["url"])
    mirror = api.get(OIO, informatieobject=document["url"]).json_body[0]
    assert api.get(mirror["url"]).json_body == mirror
    refused = api.delete(mirror["url"])
    assert refused.status_code == 400
    assert codes(refused) == [("nonFieldErrors", "inconsistent-relation")]
    # the relation disappears other than through the Zaken API: now the client may clean up
    ZaakInformatieObject.objects.all().delete()
    assert api.delete(mirror["url"]).status_code == 204
    assert not ObjectInformatieObject.objects.exists()


@pytest.mark.parametrize(
    ("target", "code"),
    [
        ("http://testserver/zaken/api/v1/zaken/6b6f2ba5-9d5e-4ed3-9f44-9cf8e0c2d4bf", "bad-url"),
        ("https://elders.example.com/zaken/api/v1/zaken/1", "bad-url"),
    ],
)
def test_object_must_resolve(api: ZGWClient, types: Types, target: str, code: str) -> None:
    document = create_eio(api, types.informatieobjecttype)
    response = api.post(OIO, oio_body(document["url"], target))
    assert response.status_code == 400
    assert ("object", code) in codes(response)


def test_object_of_the_wrong_type_is_invalid(api: ZGWClient, types: Types) -> None:
    zaak = create_zaak(api, types.zaaktype)
    document = create_eio(api, types.informatieobjecttype)
    response = api.post(OIO, {**oio_body(document["url"], zaak["url"]), "objectType": "besluit"})
    assert ("object", "invalid-resource") in codes(response)


def test_visible_through_the_informatieobject(api: ZGWClient, types: Types) -> None:
    zaak = create_zaak(api, types.zaaktype)
    document = create_eio(api, types.informatieobjecttype)
    relate(api, zaak["url"], document["url"])
    mirror = api.get(OIO).json_body[0]
    reader = documenten_client("lezer", (types.informatieobjecttype, "openbaar", ["documenten.lezen"]))
    assert reader.get(OIO).json_body == [mirror]
    geheim = create_eio(api, types.informatieobjecttype, vertrouwelijkheidaanduiding="geheim")
    relate(api, zaak["url"], geheim["url"])
    assert reader.get(OIO, object=zaak["url"]).json_body == [mirror]
    hidden = api.get(OIO, informatieobject=geheim["url"]).json_body[0]
    assert reader.get(hidden["url"]).status_code == 403
