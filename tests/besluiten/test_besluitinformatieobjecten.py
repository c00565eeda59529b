"""Besluitinformatieobjecten: documents of a besluit, mirrored in the Documenten register (brc-003..009)."""

from __future__ import annotations

import pytest

from tests.besluiten.helpers import BASE, FakeDocumenten, Types, codes, create_besluit
from tests.zgw import ZGWClient
from zaakwerk.besluiten.models import BesluitInformatieObject
from zaakwerk.core.models import AuditTrail

pytestmark = pytest.mark.django_db
COLLECTION = f"{BASE}/besluitinformatieobjecten"


def test_create_list_read_delete(api: ZGWClient, catalogue: Types, documenten: FakeDocumenten) -> None:
    # given
    besluit = create_besluit(api, catalogue.besluittype)
    document = documenten.add(catalogue.informatieobjecttype)
    # when
    created = api.post(COLLECTION, {"besluit": besluit["url"], "informatieobject": document})
    # then
    assert created.status_code == 201, created.json_body
    data = created.json_body
    assert (data["besluit"], data["informatieobject"], created["Location"]) == (
        besluit["url"],
        document,
        data["url"],
    )
    assert documenten.mirrors == {(document, besluit["url"], "besluit")}  # brc-005
    assert api.get(COLLECTION).json_body == [data]
    assert api.get(COLLECTION, besluit=besluit["url"]).json_body == [data]
    assert api.get(COLLECTION, informatieobject=document).json_body == [data]
    assert api.get(COLLECTION, informatieobject="https://elders.example/doc/1").json_body == []
    assert api.get(data["url"]).json_body == data
    # a document is related once
    again = api.post(COLLECTION, {"besluit": besluit["url"], "informatieobject": document})
    assert again.status_code == 400 and codes(again) == [("nonFieldErrors", "unique")]
    # deleting
    assert api.delete(data["url"]).status_code == 204
    assert documenten.mirrors == set()
    assert api.get(data["url"]).status_code == 404
    acties = AuditTrail.objects.filter(resource="besluitinformatieobject").values_list("actie", flat=True)
    assert list(acties) == ["create", "destroy"]


def test_informatieobjecttype_must_belong_to_the_besluittype(
    api: ZGWClient, catalogue: Types, documenten: FakeDocumenten
) -> None:
    besluit = create_besluit(api, catalogue.besluittype)
    document = documenten.add(catalogue.other_informatieobjecttype)
    response = api.post(COLLECTION, {"besluit": besluit["url"], "informatieobject": document})
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "missing-besluittype-informatieobjecttype-relation")]
    assert not BesluitInformatieObject.objects.exists() and not documenten.mirrors


def test_references_must_resolve(api: ZGWClient, catalogue: Types, documenten: FakeDocumenten) -> None:
    besluit = create_besluit(api, catalogue.besluittype)
    unknown = FakeDocumenten().add(catalogue.informatieobjecttype)
    for body, name, code in (
        ({"besluit": besluit["url"], "informatieobject": unknown}, "informatieobject", "bad-url"),
        (
            {"besluit": besluit["url"], "informatieobject": "https://elders.example/d/1"},
            "informatieobject",
            "bad-url",
        ),
        (
            {"besluit": besluit["url"], "informatieobject": catalogue.zaaktype},
            "informatieobject",
            "invalid-resource",
        ),
        ({"besluit": catalogue.zaaktype, "informatieobject": unknown}, "besluit", "bad-url"),
        ({"besluit": besluit["url"]}, "informatieobject", "required"),
        ({"besluit": besluit["url"], "informatieobject": "geen-url"}, "informatieobject", "invalid"),
    ):
        response = api.post(COLLECTION, body)
        assert response.status_code == 400, body
        assert codes(response) == [(name, code)]
    assert not BesluitInformatieObject.objects.exists()


def test_refused_mirror_stores_nothing(api: ZGWClient, catalogue: Types, documenten: FakeDocumenten) -> None:
    besluit = create_besluit(api, catalogue.besluittype)
    documenten.refuse = True
    document = documenten.add(catalogue.informatieobjecttype)
    response = api.post(COLLECTION, {"besluit": besluit["url"], "informatieobject": document})
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "remote-relation-failed")]
    assert not BesluitInformatieObject.objects.exists()


def test_no_documenten_register_installed(api: ZGWClient, catalogue: Types) -> None:
    # a local document URL while no Documenten register is installed: nothing is there
    besluit = create_besluit(api, catalogue.besluittype)
    document = FakeDocumenten().add(catalogue.informatieobjecttype)
    response = api.post(COLLECTION, {"besluit": besluit["url"], "informatieobject": document})
    assert codes(response) == [("informatieobject", "bad-url")]


def test_deleting_the_besluit_cascades(api: ZGWClient, catalogue: Types, documenten: FakeDocumenten) -> None:
    besluit = create_besluit(api, catalogue.besluittype)
    document = documenten.add(catalogue.informatieobjecttype)
    bio = api.post(COLLECTION, {"besluit": besluit["url"], "informatieobject": document}).json_body
    assert api.delete(besluit["url"]).status_code == 204
    assert api.get(bio["url"]).status_code == 404  # brc-009
    assert documenten.mirrors == set()
    assert not AuditTrail.objects.filter(hoofd_object=besluit["url"]).exists()


def test_expand(api: ZGWClient, catalogue: Types, documenten: FakeDocumenten) -> None:
    besluit = create_besluit(api, catalogue.besluittype)
    document = documenten.add(catalogue.informatieobjecttype)
    bio = api.post(COLLECTION, {"besluit": besluit["url"], "informatieobject": document}).json_body
    data = api.get(bio["url"], expand="besluit.besluittype").json_body
    assert data["_expand"]["besluit"]["url"] == besluit["url"]
    assert data["_expand"]["besluit"]["_expand"]["besluittype"]["url"] == catalogue.besluittype
