"""Zaken: create, read, update, delete through the API, validated against zaken-1.7.0.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from tests.referentielijsten.fixtures import communicatiekanalen
from tests.zaken.factories import BASE, BRONORGANISATIE, CRS, PRODUCT, codes, create_zaak, zaak_body, zaaktype
from tests.zgw import ZGWClient
from zaakwerk.core.models import AuditTrail, OutboxMessage
from zaakwerk.zaken.models import Zaak

pytestmark = pytest.mark.django_db


@pytest.fixture
def zt(api: ZGWClient) -> dict[str, Any]:
    return zaaktype(api, vertrouwelijkheidaanduiding="zaakvertrouwelijk")


def test_create_read(api: ZGWClient, zt: dict[str, Any]) -> None:
    # when
    created = api.post(f"{BASE}/zaken", zaak_body(zt["url"]), headers=CRS)
    # then
    assert created.status_code == 201, created.json_body
    data = created.json_body
    assert created["Location"] == data["url"]
    assert created["Content-Crs"] == "EPSG:4326"
    assert data["identificatie"].startswith("ZAAK-2024-")
    # zrc-009: derived from the zaaktype
    assert data["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"
    assert data["opschorting"] == {"indicatie": False, "reden": ""}
    assert data["archiefstatus"] == "nog_te_archiveren"
    read = api.get(data["url"], headers=CRS)
    assert read.status_code == 200
    assert read.json_body == data
    assert read["ETag"]


def test_generated_identificaties_are_unique_and_given_ones_checked(
    api: ZGWClient, zt: dict[str, Any]
) -> None:
    first = create_zaak(api, zt["url"])
    second = create_zaak(api, zt["url"])
    assert first["identificatie"] != second["identificatie"]
    own = create_zaak(api, zt["url"], identificatie="EIGEN-1")
    assert own["identificatie"] == "EIGEN-1"
    again = api.post(f"{BASE}/zaken", zaak_body(zt["url"], identificatie="EIGEN-1"), headers=CRS)
    assert again.status_code == 400
    assert codes(again) == [("identificatie", "identificatie-niet-uniek")]
    # another bronorganisatie may use the same identificatie
    create_zaak(api, zt["url"], identificatie="EIGEN-1", bronorganisatie="000000000")


def test_reserved_numbers_are_used_only_explicitly(api: ZGWClient, zt: dict[str, Any]) -> None:
    # given
    reserved = api.post(f"{BASE}/zaaknummer_reserveren", {"bronorganisatie": BRONORGANISATIE, "aantal": 2})
    assert reserved.status_code == 201, reserved.json_body
    numbers = [item["zaaknummer"] for item in reserved.json_body]
    assert len(set(numbers)) == 2
    # when a zaak is created without identificatie, it does not get a reserved number
    generated = create_zaak(api, zt["url"])
    assert generated["identificatie"] not in numbers
    # a reserved number can be used once
    used = create_zaak(api, zt["url"], identificatie=numbers[0])
    assert used["identificatie"] == numbers[0]
    twice = api.post(f"{BASE}/zaken", zaak_body(zt["url"], identificatie=numbers[0]), headers=CRS)
    assert codes(twice) == [("identificatie", "identificatie-niet-uniek")]
    bad = api.post(f"{BASE}/zaaknummer_reserveren", {"bronorganisatie": "1", "aantal": 0})
    assert bad.status_code == 400
    assert {name for name, _ in codes(bad)} == {"bronorganisatie", "aantal"}


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        (
            {"zaaktype": "http://testserver/catalogi/api/v1/zaaktypen/0c3f1b9e-4f0a-4c59-9c1e-7a0c1b9e4f0a"},
            [("zaaktype", "bad-url")],
        ),
        ({"zaaktype": "https://elders.example/zaaktypen/1"}, [("zaaktype", "bad-url")]),
        (
            {"laatsteBetaaldatum": "2024-01-01T12:00:00Z", "betalingsindicatie": "nvt"},
            [("laatsteBetaaldatum", "betaling-nvt")],
        ),
        (
            {"laatsteBetaaldatum": "2999-01-01T12:00:00Z", "betalingsindicatie": "geheel"},
            [("laatsteBetaaldatum", "future_not_allowed")],
        ),
        (
            {"productenOfDiensten": ["https://example.com/ander-product"]},
            [("productenOfDiensten", "invalid-products-services")],
        ),
        (
            {"relevanteAndereZaken": [{"url": "https://elders.example/zaken/1", "aardRelatie": "vervolg"}]},
            [("relevanteAndereZaken.0.url", "bad-url")],
        ),
        ({"communicatiekanaal": "https://elders.example/kanaal"}, [("communicatiekanaal", "bad-url")]),
        ({"hoofdzaak": "https://elders.example/zaken/1"}, [("hoofdzaak", "no_match")]),
        ({"opschorting": {"reden": "wachten"}}, [("opschorting.indicatie", "required")]),
        ({"verlenging": {"reden": "drukte", "duur": "tien dagen"}}, [("verlenging.duur", "invalid")]),
        (
            {"archiefstatus": "gearchiveerd"},
            [
                ("archiefnominatie", "archiefnominatie-not-set"),
                ("archiefactiedatum", "archiefactiedatum-not-set"),
            ],
        ),
        ({"zaakgeometrie": {"type": "Point", "coordinates": ["a"]}}, [("zaakgeometrie", "invalid")]),
        ({"startdatum": None}, [("startdatum", "null")]),
    ],
)
def test_create_rules(
    api: ZGWClient, zt: dict[str, Any], overrides: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    # given
    audit_before, outbox_before = AuditTrail.objects.count(), OutboxMessage.objects.count()
    # when
    response = api.post(f"{BASE}/zaken", zaak_body(zt["url"], **overrides), headers=CRS)
    # then
    assert response.status_code == 400, response.json_body
    assert codes(response) == expected
    assert Zaak.objects.count() == 0
    assert (AuditTrail.objects.count(), OutboxMessage.objects.count()) == (audit_before, outbox_before)


def test_zaaktype_must_be_a_published_zaaktype(api: ZGWClient) -> None:
    concept = zaaktype(api, published=False)
    response = api.post(f"{BASE}/zaken", zaak_body(concept["url"]), headers=CRS)
    assert codes(response) == [("zaaktype", "not-published")]
    catalogus_url = concept["catalogus"]
    response = api.post(f"{BASE}/zaken", zaak_body(catalogus_url), headers=CRS)
    assert codes(response) == [("zaaktype", "invalid-resource")]


def test_valid_references_are_accepted(api: ZGWClient, zt: dict[str, Any]) -> None:
    kanaal = api.get("/referentielijsten/api/v1/communicatiekanalen").json_body["results"][0]["url"]
    other = create_zaak(api, zt["url"])
    data = create_zaak(
        api,
        zt["url"],
        communicatiekanaal=kanaal,
        productenOfDiensten=[PRODUCT],
        relevanteAndereZaken=[{"url": other["url"], "aardRelatie": "bijdrage"}],
        verlenging={"reden": "drukte", "duur": "P10D"},
        opschorting={"indicatie": True, "reden": "wachten op info"},
        vertrouwelijkheidaanduiding="openbaar",
        kenmerken=[{"kenmerk": "K-1", "bron": "balie"}],
    )
    assert data["communicatiekanaal"] == kanaal
    assert data["verlenging"] == {"reden": "drukte", "duur": "P10D"}
    assert data["opschorting"] == {"indicatie": True, "reden": "wachten op info"}
    assert data["vertrouwelijkheidaanduiding"] == "openbaar"
    assert communicatiekanalen()


def test_hoofdzaak_rules(api: ZGWClient, zt: dict[str, Any]) -> None:
    hoofd = create_zaak(api, zt["url"])
    deel = create_zaak(api, zt["url"], hoofdzaak=hoofd["url"])
    assert deel["hoofdzaak"] == hoofd["url"]
    assert api.get(hoofd["url"], headers=CRS).json_body["deelzaken"] == [deel["url"]]
    # zrc-013: a deelzaak cannot be a hoofdzaak
    nested = api.post(f"{BASE}/zaken", zaak_body(zt["url"], hoofdzaak=deel["url"]), headers=CRS)
    assert codes(nested) == [("hoofdzaak", "deelzaak-als-hoofdzaak")]
    # nor can a zaak be its own hoofdzaak
    own = api.patch(hoofd["url"], {"hoofdzaak": hoofd["url"]}, headers=CRS)
    assert codes(own) == [("hoofdzaak", "self-forbidden")]


def test_update_and_immutable_fields(api: ZGWClient, zt: dict[str, Any]) -> None:
    zaak = create_zaak(api, zt["url"], betalingsindicatie="geheel", laatsteBetaaldatum="2024-01-01T10:00:00Z")
    patched = api.patch(zaak["url"], {"omschrijving": "Nieuw", "betalingsindicatie": "nvt"}, headers=CRS)
    assert patched.status_code == 200, patched.json_body
    assert patched.json_body["omschrijving"] == "Nieuw"
    # zrc-014: nvt clears laatsteBetaaldatum
    assert patched.json_body["laatsteBetaaldatum"] is None
    changed = api.patch(zaak["url"], {"identificatie": "ANDERS"}, headers=CRS)
    assert codes(changed) == [("identificatie", "wijzigen-niet-toegelaten")]
    put = api.put(
        zaak["url"], zaak_body(zt["url"], identificatie=zaak["identificatie"], toelichting="x"), headers=CRS
    )
    assert put.status_code == 200, put.json_body
    assert put.json_body["toelichting"] == "x"
    assert put.json_body["omschrijving"] == zaak_body(zt["url"])["omschrijving"]
    assert [a.actie for a in AuditTrail.objects.filter(hoofd_object=zaak["url"])] == [
        "create",
        "partial_update",
        "update",
    ]


def test_closed_zaak_needs_geforceerd_bijwerken(api: ZGWClient, zt: dict[str, Any]) -> None:
    from tests.zaken.factories import zaken_client

    zaak = create_zaak(api, zt["url"])
    Zaak.objects.filter(uuid=zaak["uuid"]).update(einddatum="2024-04-01")
    gewoon = zaken_client("gewoon", (zt["url"], "zeer_geheim", ["zaken.lezen", "zaken.bijwerken"]))
    refused = gewoon.patch(zaak["url"], {"omschrijving": "Toch"}, headers=CRS)
    assert refused.status_code == 403
    assert refused.json_body["code"] == "permission_denied"
    forced = zaken_client("forced", (zt["url"], "zeer_geheim", ["zaken.geforceerd-bijwerken"]))
    assert forced.patch(zaak["url"], {"omschrijving": "Toch"}, headers=CRS).status_code == 200


def test_delete_cascades_and_notifies_once(api: ZGWClient, zt: dict[str, Any]) -> None:
    from zaakwerk.zaken.models import Rol, Status

    hoofd = create_zaak(api, zt["url"])
    deel = create_zaak(api, zt["url"], hoofdzaak=hoofd["url"])
    zaak = Zaak.objects.get(uuid=hoofd["uuid"])
    status = Status.objects.create(zaak=zaak, statustype=zt["url"], datum_status_gezet="2024-03-02T10:00:00Z")
    Zaak.objects.filter(pk=zaak.pk).update(status=status)
    Rol.objects.create(zaak=zaak, betrokkene_type="medewerker", roltype=zt["url"])
    OutboxMessage.objects.all().delete()
    # when
    response = api.delete(hoofd["url"], headers=CRS)
    # then
    assert response.status_code == 204
    assert not Zaak.objects.filter(uuid__in=[hoofd["uuid"], deel["uuid"]]).exists()
    assert not Status.objects.exists() and not Rol.objects.exists()
    assert not AuditTrail.objects.filter(hoofd_object__in=[hoofd["url"], deel["url"]]).exists()
    assert [(m.resource, m.actie, m.resource_url) for m in OutboxMessage.objects.all()] == [
        ("zaak", "destroy", hoofd["url"])
    ]
    assert api.get(hoofd["url"], headers=CRS).status_code == 404


def test_audit_and_notification_written_with_the_change(api: ZGWClient, zt: dict[str, Any]) -> None:
    zaak = create_zaak(api, zt["url"])
    message = OutboxMessage.objects.filter(kanaal="zaken").get()
    assert message.as_message()["kenmerken"] == {
        "bronorganisatie": BRONORGANISATIE,
        "zaaktype": zt["url"],
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
    }
    assert (message.resource, message.actie, message.hoofd_object) == ("zaak", "create", zaak["url"])
    line = AuditTrail.objects.get(hoofd_object=zaak["url"])
    assert (line.bron, line.actie) == ("zrc", "create")
    assert line.nieuw is not None and line.nieuw["identificatie"] == zaak["identificatie"]


def test_crs_headers_and_etag(api: ZGWClient, zt: dict[str, Any]) -> None:
    zaak = create_zaak(api, zt["url"])
    missing = api.get(zaak["url"])
    assert missing.status_code == 412
    wrong = api.get(zaak["url"], headers={**CRS, "Accept-Crs": "EPSG:28992"})
    assert wrong.status_code == 406
    no_content_crs = api.post(f"{BASE}/zaken", zaak_body(zt["url"]), headers={"Accept-Crs": "EPSG:4326"})
    assert no_content_crs.status_code == 412
    first = api.get(zaak["url"], headers=CRS)
    tag = first["ETag"]
    assert api.get(zaak["url"], headers={**CRS, "If-None-Match": tag}).status_code == 304
    head = api.head(zaak["url"], headers=CRS)
    assert head.status_code == 200 and head["ETag"] == tag and head.content == b""
    api.patch(zaak["url"], {"omschrijving": "Anders"}, headers=CRS)
    assert api.get(zaak["url"], headers={**CRS, "If-None-Match": tag}).status_code == 200


def test_delete_needs_no_crs_headers(api: ZGWClient, zt: dict[str, Any]) -> None:
    zaak = create_zaak(api, zt["url"])
    assert api.delete(zaak["url"]).status_code == 204
    assert api.get(zaak["url"], headers=CRS).status_code == 404


def test_unknown_zaak_is_404(api: ZGWClient) -> None:
    assert api.get(f"{BASE}/zaken/9b0e4e1c-6c9e-4c0e-9a4c-8a8b2b6e7f10", headers=CRS).status_code == 404
    assert api.get(f"{BASE}/zaken/geen-uuid", headers=CRS).status_code == 404
