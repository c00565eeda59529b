"""Besluiten: create, read, list, change, delete, with the zaakbesluit kept in step (RULES.md 5)."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tests.besluiten.helpers import BASE, ORGANISATIE, Types, besluit_body, codes, create_besluit
from tests.zaken.factories import BASE as ZAKEN
from tests.zaken.factories import create_zaak
from tests.zgw import ZGWClient
from zaakwerk.besluiten.models import Besluit
from zaakwerk.core.models import AuditTrail, OutboxMessage
from zaakwerk.zaken.models import ZaakBesluit

pytestmark = pytest.mark.django_db


def zaakbesluiten(api: ZGWClient, zaak: dict[str, str]) -> list[str]:
    response = api.get(f"{ZAKEN}/zaken/{zaak['uuid']}/besluiten")
    assert response.status_code == 200
    return [item["besluit"] for item in response.json_body]


def test_create_with_zaak_links_the_zaakbesluit(api: ZGWClient, catalogue: Types) -> None:
    # given
    zaak = create_zaak(api, catalogue.zaaktype)
    # when
    response = api.post(f"{BASE}/besluiten", besluit_body(catalogue.besluittype, zaak=zaak["url"]))
    # then
    assert response.status_code == 201, response.json_body
    data = response.json_body
    assert response["Location"] == data["url"]
    assert data["identificatie"] == "BESLUIT-2024-0000000001"  # brc-002: generated
    assert (data["zaak"], data["vervaldatum"]) == (zaak["url"], None)
    assert "vervalreden" not in data
    assert api.get(data["url"]).json_body == data
    assert zaakbesluiten(api, zaak) == [data["url"]]  # brc-006
    message = OutboxMessage.objects.get(kanaal="besluiten")
    assert (message.actie, message.resource, message.hoofd_object) == ("create", "besluit", data["url"])
    assert message.kenmerken == {
        "verantwoordelijke_organisatie": ORGANISATIE,
        "besluittype": catalogue.besluittype,
    }
    lines = api.get(f"{data['url']}/audittrail").json_body
    assert [(line["bron"], line["actie"], line["resource"]) for line in lines] == [
        ("brc", "create", "besluit")
    ]
    assert api.get(f"{data['url']}/audittrail/{lines[0]['uuid']}").json_body == lines[0]


def test_create_without_zaak(api: ZGWClient, catalogue: Types) -> None:
    data = create_besluit(api, catalogue.other, identificatie="B-1", vervalreden="tijdelijk")
    assert data["identificatie"] == "B-1"
    assert "zaak" not in data  # optional, not nullable, and "" is no URI: left out
    assert data["vervalredenWeergave"] == "Besluit met tijdelijke werking"
    assert not ZaakBesluit.objects.exists()


def test_besluittype_must_be_a_published_besluittype(api: ZGWClient, catalogue: Types) -> None:
    for url, code in (
        ("http://testserver/catalogi/api/v1/besluittypen/6f7c0000-0000-4000-8000-000000000001", "bad-url"),
        ("https://elders.example/besluittypen/1", "bad-url"),
        (catalogue.zaaktype, "invalid-resource"),
        (catalogue.concept, "not-published"),
    ):
        response = api.post(f"{BASE}/besluiten", besluit_body(url))
        assert response.status_code == 400
        assert codes(response) == [("besluittype", code)]
    assert not Besluit.objects.exists()


def test_zaak_must_resolve_and_allow_the_besluittype(api: ZGWClient, catalogue: Types) -> None:
    zaak = create_zaak(api, catalogue.zaaktype)
    mismatch = api.post(f"{BASE}/besluiten", besluit_body(catalogue.other, zaak=zaak["url"]))
    assert mismatch.status_code == 400
    assert codes(mismatch) == [("nonFieldErrors", "zaaktype-mismatch")]  # brc-007
    for url, code in (
        ("http://testserver/zaken/api/v1/zaken/6f7c0000-0000-4000-8000-000000000001", "bad-url"),
        (catalogue.zaaktype, "invalid-resource"),
    ):
        response = api.post(f"{BASE}/besluiten", besluit_body(catalogue.besluittype, zaak=url))
        assert response.status_code == 400
        assert codes(response) == [("zaak", code)]
    assert not Besluit.objects.exists() and not ZaakBesluit.objects.exists()


def test_identificatie_unique_per_organisatie(api: ZGWClient, catalogue: Types) -> None:
    create_besluit(api, catalogue.other, identificatie="B-1")
    again = api.post(f"{BASE}/besluiten", besluit_body(catalogue.other, identificatie="B-1"))
    assert again.status_code == 400
    assert codes(again) == [("identificatie", "identificatie-niet-uniek")]
    elsewhere = create_besluit(
        api, catalogue.other, identificatie="B-1", verantwoordelijkeOrganisatie="002220647"
    )
    assert elsewhere["identificatie"] == "B-1"
    generated = [create_besluit(api, catalogue.other)["identificatie"] for _ in range(2)]
    assert generated == ["BESLUIT-2024-0000000001", "BESLUIT-2024-0000000002"]


@pytest.mark.parametrize(
    ("body", "name", "code"),
    [
        ({"datum": None}, "datum", "null"),
        ({"datum": "gisteren"}, "datum", "invalid"),
        ({"vervalreden": "vergeten"}, "vervalreden", "invalid_choice"),
        ({"verantwoordelijkeOrganisatie": ""}, "verantwoordelijkeOrganisatie", "blank"),
        ({"besluittype": "geen-url"}, "besluittype", "invalid"),
        ({"bestuursorgaan": "x" * 51}, "bestuursorgaan", "max_length"),
    ],
)
def test_field_validation(
    api: ZGWClient, catalogue: Types, body: dict[str, object], name: str, code: str
) -> None:
    response = api.post(f"{BASE}/besluiten", {**besluit_body(catalogue.other), **body})
    assert response.status_code == 400
    assert (name, code) in codes(response)


def test_immutable_fields(api: ZGWClient, catalogue: Types) -> None:
    besluit = create_besluit(api, catalogue.other)
    for field, value in (
        ("identificatie", "ANDERS"),
        ("verantwoordelijkeOrganisatie", "002220647"),
        ("besluittype", catalogue.besluittype),
    ):
        response = api.patch(besluit["url"], {field: value})
        assert response.status_code == 400
        assert codes(response) == [(field, "wijzigen-niet-toegelaten")]
    assert api.get(besluit["url"]).json_body == besluit


def test_update_vervaldatum_and_vervalreden(api: ZGWClient, catalogue: Types) -> None:
    besluit = create_besluit(api, catalogue.other, toelichting="eerst")
    patched = api.patch(besluit["url"], {"vervaldatum": "2025-01-01", "vervalreden": "ingetrokken_overheid"})
    assert patched.status_code == 200, patched.json_body
    assert (patched.json_body["vervaldatum"], patched.json_body["vervalreden"]) == (
        "2025-01-01",
        "ingetrokken_overheid",
    )
    assert patched.json_body["toelichting"] == "eerst"
    put = api.put(besluit["url"], besluit_body(catalogue.other, toelichting="daarna"))
    assert put.status_code == 200, put.json_body
    assert (put.json_body["toelichting"], put.json_body["vervaldatum"]) == ("daarna", None)
    assert put.json_body["identificatie"] == besluit["identificatie"]
    acties = list(AuditTrail.objects.filter(hoofd_object=besluit["url"]).values_list("actie", flat=True))
    assert acties == ["create", "partial_update", "update"]


def test_the_zaak_once_set_does_not_change(api: ZGWClient, catalogue: Types) -> None:
    # brc-006: the zaak of a besluit MAG NIET change on update
    first, second = create_zaak(api, catalogue.zaaktype), create_zaak(api, catalogue.zaaktype)
    besluit = create_besluit(api, catalogue.besluittype, zaak=first["url"])
    for value in (second["url"], None):
        response = api.patch(besluit["url"], {"zaak": value})
        assert codes(response) == [("zaak", "wijzigen-niet-toegelaten")]
    assert (zaakbesluiten(api, first), zaakbesluiten(api, second)) == ([besluit["url"]], [])
    # the same zaak again is no change
    assert api.patch(besluit["url"], {"zaak": first["url"]}).status_code == 200


def test_a_besluit_without_zaak_can_be_linked_to_one(api: ZGWClient, catalogue: Types) -> None:
    zaak = create_zaak(api, catalogue.zaaktype)
    besluit = create_besluit(api, catalogue.besluittype)
    linked = api.patch(besluit["url"], {"zaak": zaak["url"]})
    assert linked.status_code == 200, linked.json_body
    assert zaakbesluiten(api, zaak) == [besluit["url"]]
    wrong = create_besluit(api, catalogue.other)
    response = api.patch(wrong["url"], {"zaak": zaak["url"]})
    assert codes(response) == [("nonFieldErrors", "zaaktype-mismatch")]
    assert ZaakBesluit.objects.count() == 1


def test_delete_removes_zaakbesluit_and_audit_trail(api: ZGWClient, catalogue: Types) -> None:
    zaak = create_zaak(api, catalogue.zaaktype)
    besluit = create_besluit(api, catalogue.besluittype, zaak=zaak["url"])
    assert api.delete(besluit["url"]).status_code == 204
    assert api.get(besluit["url"]).status_code == 404
    assert zaakbesluiten(api, zaak) == []
    assert not AuditTrail.objects.filter(hoofd_object=besluit["url"]).exists()  # brc-009
    message = OutboxMessage.objects.filter(kanaal="besluiten").latest("id")
    assert (message.actie, message.resource_url) == ("destroy", besluit["url"])
    assert api.delete(besluit["url"]).status_code == 404


def test_list_filters_and_pages(api: ZGWClient, catalogue: Types) -> None:
    zaak = create_zaak(api, catalogue.zaaktype)
    with_zaak = create_besluit(api, catalogue.besluittype, zaak=zaak["url"])
    named = create_besluit(api, catalogue.other, identificatie="B-7")
    other_org = create_besluit(api, catalogue.other, verantwoordelijkeOrganisatie="002220647")

    def urls(**query: str) -> list[str]:
        response = api.get(f"{BASE}/besluiten", **query)
        assert response.status_code == 200, response.json_body
        return [item["url"] for item in response.json_body["results"]]

    assert urls() == [with_zaak["url"], named["url"], other_org["url"]]
    assert urls(zaak=zaak["url"]) == [with_zaak["url"]]
    assert urls(besluittype=catalogue.other) == [named["url"], other_org["url"]]
    assert urls(identificatie="B-7") == [named["url"]]
    assert urls(verantwoordelijkeOrganisatie="002220647") == [other_org["url"]]
    assert codes(api.get(f"{BASE}/besluiten", onbekend="1")) == [("nonFieldErrors", "unknown-parameters")]
    assert api.get(f"{BASE}/besluiten", zaak="geen-url").status_code == 400
    with override_settings(PAGE_SIZE=2):
        first = api.get(f"{BASE}/besluiten").json_body
        assert (first["count"], len(first["results"]), first["previous"]) == (3, 2, None)
        assert api.get(first["next"]).json_body["results"][0]["url"] == other_org["url"]
        assert api.get(f"{BASE}/besluiten", page="3").status_code == 404


def test_expand(api: ZGWClient, catalogue: Types) -> None:
    zaak = create_zaak(api, catalogue.zaaktype)
    besluit = create_besluit(api, catalogue.besluittype, zaak=zaak["url"])
    data = api.get(besluit["url"], expand="besluittype,zaak").json_body
    assert data["_expand"]["besluittype"]["url"] == catalogue.besluittype
    assert data["_expand"]["zaak"]["url"] == zaak["url"]
    listed = api.get(f"{BASE}/besluiten", expand="zaak").json_body["results"]
    assert listed[0]["_expand"]["zaak"]["identificatie"] == zaak["identificatie"]
