"""``expand`` on gebruiksrechten, objectinformatieobjecten and verzendingen (RULES.md 1.12, drc-011..014):
embedded documents and their informatieobjecttype, 404 for unknown names, and never more than reading."""

from __future__ import annotations

from typing import Any

import pytest

from tests.documenten.factories import BASE, create_eio, documenten_client, informatieobjecttype
from tests.test_wiring import Types, relate, types
from tests.zaken.factories import create_zaak
from tests.zgw import ZGWClient

GR = f"{BASE}/gebruiksrechten"
OIO = f"{BASE}/objectinformatieobjecten"
VZ = f"{BASE}/verzendingen"
__all__ = ["types"]  # fixture


@pytest.fixture
def eio(api: ZGWClient) -> dict[str, Any]:
    return create_eio(api, informatieobjecttype(api)["url"])


def _recht(api: ZGWClient, document: str) -> dict[str, Any]:
    body = {
        "informatieobject": document,
        "startdatum": "2024-03-01T09:00:00Z",
        "omschrijvingVoorwaarden": "x",
    }
    return dict(api.post(GR, body).json_body)


def test_expand_informatieobject_and_its_type(api: ZGWClient, eio: dict[str, Any]) -> None:
    recht = _recht(api, eio["url"])
    detail = api.get(recht["url"], expand="informatieobject.informatieobjecttype").json_body
    embedded = detail["_expand"]["informatieobject"]
    assert embedded["url"] == eio["url"] and embedded["titel"] == eio["titel"]
    assert embedded["_expand"]["informatieobjecttype"]["url"] == eio["informatieobjecttype"]
    listed = api.get(GR, expand="informatieobject").json_body
    assert listed[0]["_expand"]["informatieobject"]["url"] == eio["url"]


def test_expand_on_verzendingen_page(api: ZGWClient, eio: dict[str, Any]) -> None:
    body = {
        "informatieobject": eio["url"],
        "betrokkene": "https://klanten.example.com/1",
        "aardRelatie": "afzender",
        "contactPersoon": "https://klanten.example.com/2",
        "faxnummer": "0301234567",
    }
    assert api.post(VZ, body).status_code == 201
    page = api.get(VZ, expand="informatieobject").json_body
    assert page["results"][0]["_expand"]["informatieobject"]["url"] == eio["url"]


def test_unknown_name_or_foreign_object_is_404(api: ZGWClient, types: Types) -> None:
    zaak = create_zaak(api, types.zaaktype)
    document = create_eio(api, types.informatieobjecttype)
    relate(api, zaak["url"], document["url"])
    mirror = api.get(OIO).json_body[0]
    assert api.get(mirror["url"], expand="nietsbestaands").status_code == 404
    # drc-011: the zaak is not this API's to expand
    assert api.get(mirror["url"], expand="object").status_code == 404
    assert (
        api.get(mirror["url"], expand="informatieobject").json_body["_expand"]["informatieobject"]["url"]
        == (document["url"])
    )


def test_expand_never_shows_more_than_reading(api: ZGWClient, eio: dict[str, Any]) -> None:
    recht = _recht(api, eio["url"])
    # a client that may read the document with a lower maximum does not get it
    reader = documenten_client("beperkt", (eio["informatieobjecttype"], "openbaar", ["documenten.lezen"]))
    assert reader.get(recht["url"], expand="informatieobject").status_code == 200
    geheim = create_eio(api, eio["informatieobjecttype"], vertrouwelijkheidaanduiding="geheim")
    hidden = _recht(api, geheim["url"])
    assert reader.get(hidden["url"], expand="informatieobject").status_code == 403
    listed = reader.get(GR, expand="informatieobject").json_body
    assert [item["_expand"]["informatieobject"]["url"] for item in listed] == [eio["url"]]
