"""Rollen: betrokkenen of a zaak (RULES.md 3.2 zrc-019, 3.4 zrc-007, 3.8)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import fuzz_send
from tests.robustness import Json, bodies
from tests.zaken.factories import BASE, codes
from tests.zaken.subresource_helpers import (
    FORCED,
    READ,
    UPDATE,
    FullType,
    client,
    close,
    full_zaaktype,
    new_zaak,
    rol_body,
)
from tests.zgw import ZGWClient
from zaakwerk.core.models import AuditTrail, OutboxMessage
from zaakwerk.zaken.models import Rol

pytestmark = pytest.mark.django_db


@pytest.fixture
def types(api: ZGWClient) -> FullType:
    return full_zaaktype(api)


def test_create_copies_the_roltype_and_records_the_change(api: ZGWClient, types: FullType) -> None:
    # given
    zaak = new_zaak(api, types)
    body = rol_body(
        zaak["url"],
        types.roltype,
        indicatieMachtiging="gemachtigde",
        contactpersoonRol={"naam": "P. de Vries", "emailadres": "p@example.com"},
    )
    # when
    response = api.post(f"{BASE}/rollen", body)
    # then
    assert response.status_code == 201, response.json_body
    data = response.json_body
    assert response["Location"] == data["url"]
    assert (data["omschrijving"], data["omschrijvingGeneriek"]) == ("Melder", "initiator")
    assert data["betrokkeneIdentificatie"]["inpBsn"] == "111222333"
    assert data["contactpersoonRol"]["naam"] == "P. de Vries"
    assert data["indicatieMachtiging"] == "gemachtigde"
    assert Rol.objects.get(uuid=data["uuid"]).inp_bsn == "111222333"
    message = OutboxMessage.objects.get(resource="rol")
    assert (message.kanaal, message.actie, message.hoofd_object) == ("zaken", "create", zaak["url"])
    assert message.kenmerken["zaaktype"] == types.zaaktype
    assert AuditTrail.objects.get(resource="rol").hoofd_object == zaak["url"]
    assert api.get(zaak["url"], headers={"Accept-Crs": "EPSG:4326"}).json_body["rollen"] == [data["url"]]


IDENTIFICATIES: list[tuple[str, dict[str, Any], str, str]] = [
    ("natuurlijk_persoon", {"inpBsn": "123456782"}, "natuurlijkPersoon__inpBsn", "123456782"),
    ("natuurlijk_persoon", {"anpIdentificatie": "A1"}, "natuurlijkPersoon__anpIdentificatie", "A1"),
    ("natuurlijk_persoon", {"inpA_nummer": "1234567890"}, "natuurlijkPersoon__inpA_nummer", "1234567890"),
    ("niet_natuurlijk_persoon", {"innNnpId": "517439943"}, "nietNatuurlijkPersoon__innNnpId", "517439943"),
    ("niet_natuurlijk_persoon", {"annIdentificatie": "N1"}, "nietNatuurlijkPersoon__annIdentificatie", "N1"),
    (
        "vestiging",
        {"vestigingsNummer": "000012345678", "handelsnaam": ["Bakkerij"]},
        "vestiging__vestigingsNummer",
        "000012345678",
    ),
    (
        "organisatorische_eenheid",
        {"identificatie": "OE-1", "naam": "Wijkteam"},
        "organisatorischeEenheid__identificatie",
        "OE-1",
    ),
    (
        "medewerker",
        {"identificatie": str(uuid.UUID(int=7)), "achternaam": "Bos"},
        "medewerker__identificatie",
        str(uuid.UUID(int=7)),
    ),
]


@pytest.mark.parametrize(("betrokkene_type", "identificatie", "param", "value"), IDENTIFICATIES)
def test_every_betrokkene_type_is_stored_and_filterable(
    api: ZGWClient,
    types: FullType,
    betrokkene_type: str,
    identificatie: dict[str, Any],
    param: str,
    value: str,
) -> None:
    # given
    zaak = new_zaak(api, types)
    other = api.post(f"{BASE}/rollen", rol_body(zaak["url"], types.roltype))
    assert other.status_code == 201
    # when
    body = rol_body(
        zaak["url"], types.roltype, betrokkeneType=betrokkene_type, betrokkeneIdentificatie=identificatie
    )
    created = api.post(f"{BASE}/rollen", body)
    # then
    assert created.status_code == 201, created.json_body
    assert created.json_body["betrokkeneIdentificatie"] == identificatie
    found = api.get(f"{BASE}/rollen", **{f"betrokkeneIdentificatie__{param}": value})
    assert [r["url"] for r in found.json_body["results"]] == [created.json_body["url"]]


@pytest.mark.parametrize(
    ("betrokkene_type", "identificatie", "expected"),
    [
        ("natuurlijk_persoon", {"inpBsn": "1234567890"}, ("betrokkeneIdentificatie.inpBsn", "max_length")),
        (
            "natuurlijk_persoon",
            {"inpA_nummer": "0123456789"},
            ("betrokkeneIdentificatie.inpA_nummer", "invalid"),
        ),
        (
            "natuurlijk_persoon",
            {"geslachtsaanduiding": "x"},
            ("betrokkeneIdentificatie.geslachtsaanduiding", "invalid_choice"),
        ),
        ("vestiging", {"handelsnaam": "geen lijst"}, ("betrokkeneIdentificatie.handelsnaam", "invalid")),
        ("medewerker", {"identificatie": 12}, ("betrokkeneIdentificatie.identificatie", "invalid")),
    ],
)
def test_betrokkene_identificatie_is_validated_per_type(
    api: ZGWClient,
    types: FullType,
    betrokkene_type: str,
    identificatie: dict[str, Any],
    expected: tuple[str, str],
) -> None:
    zaak = new_zaak(api, types)
    body = rol_body(
        zaak["url"], types.roltype, betrokkeneType=betrokkene_type, betrokkeneIdentificatie=identificatie
    )
    response = api.post(f"{BASE}/rollen", body)
    assert response.status_code == 400
    assert expected in codes(response)
    assert not Rol.objects.exists()


def test_roltype_of_another_zaaktype_is_refused(api: ZGWClient, types: FullType) -> None:
    # given
    zaak = new_zaak(api, types)
    other = full_zaaktype(api, identificatie="ZT-ANDER")
    # when
    response = api.post(f"{BASE}/rollen", rol_body(zaak["url"], other.roltype))
    # then
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "zaaktype-mismatch")]
    assert not Rol.objects.exists()
    assert not OutboxMessage.objects.filter(resource="rol").exists()


def test_bad_references(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    bad_roltype = api.post(
        f"{BASE}/rollen", rol_body(zaak["url"], "http://testserver/catalogi/api/v1/roltypen/x")
    )
    assert ("roltype", "bad-url") in codes(bad_roltype)
    wrong_kind = api.post(f"{BASE}/rollen", rol_body(zaak["url"], types.zaaktype))
    assert ("roltype", "invalid-resource") in codes(wrong_kind)
    no_zaak = api.post(f"{BASE}/rollen", rol_body(types.zaaktype, types.roltype))
    assert codes(no_zaak) == [("zaak", "no_match")]
    nobody = api.post(f"{BASE}/rollen", rol_body(zaak["url"], types.roltype, betrokkeneIdentificatie=None))
    assert codes(nobody) == [("betrokkene", "invalid-betrokkene")]
    with_url = rol_body(
        zaak["url"], types.roltype, betrokkeneIdentificatie=None, betrokkene="https://brp.example/1"
    )
    assert api.post(f"{BASE}/rollen", with_url).status_code == 201


def test_list_filters(api: ZGWClient, types: FullType) -> None:
    # given
    first, second = new_zaak(api, types), new_zaak(api, types)
    mine = api.post(f"{BASE}/rollen", rol_body(first["url"], types.roltype)).json_body
    theirs = api.post(
        f"{BASE}/rollen",
        rol_body(
            second["url"],
            types.roltype,
            betrokkeneType="medewerker",
            betrokkeneIdentificatie={"identificatie": "m"},
        ),
    ).json_body

    def urls(**query: Any) -> list[str]:
        response = api.get(f"{BASE}/rollen", **query)
        assert response.status_code == 200, response.json_body
        return [r["url"] for r in response.json_body["results"]]

    # then
    assert urls() == [mine["url"], theirs["url"]]
    assert urls(zaak=first["url"]) == [mine["url"]]
    assert urls(betrokkeneType="medewerker") == [theirs["url"]]
    assert urls(omschrijvingGeneriek="initiator") == [mine["url"], theirs["url"]]
    assert urls(omschrijving="Melder", roltype=types.roltype) == [mine["url"], theirs["url"]]
    assert urls(zaak="https://elders.example/zaken/1") == []
    assert codes(api.get(f"{BASE}/rollen", betrokkeneType="kat")) == [("betrokkeneType", "invalid_choice")]
    assert codes(api.get(f"{BASE}/rollen", onbekend="1"))[0][1] == "unknown-parameters"


def test_read_head_and_etag(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    rol = api.post(f"{BASE}/rollen", rol_body(zaak["url"], types.roltype)).json_body
    read = api.get(rol["url"])
    assert read.status_code == 200
    assert read.json_body == rol
    head = api.head(rol["url"])
    assert head.status_code == 200
    assert head["ETag"] == read["ETag"]
    assert head.content == b""
    assert api.get(rol["url"], headers={"If-None-Match": read["ETag"]}).status_code == 304
    assert api.get(rol["url"], expand="zaak").json_body["_expand"]["zaak"]["url"] == zaak["url"]
    assert api.get(f"{BASE}/rollen/{uuid.uuid4()}").status_code == 404


def test_delete(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    rol = api.post(f"{BASE}/rollen", rol_body(zaak["url"], types.roltype)).json_body
    assert api.delete(rol["url"]).status_code == 204
    assert not Rol.objects.exists()
    assert OutboxMessage.objects.filter(resource="rol", actie="destroy", resource_url=rol["url"]).exists()
    assert api.get(rol["url"]).status_code == 404


def test_visibility_follows_the_zaak(api: ZGWClient, types: FullType) -> None:
    # given: an openbaar and a geheim zaak, each with a rol
    open_zaak = new_zaak(api, types, vertrouwelijkheidaanduiding="openbaar")
    secret_zaak = new_zaak(api, types, vertrouwelijkheidaanduiding="geheim")
    visible_rol = api.post(f"{BASE}/rollen", rol_body(open_zaak["url"], types.roltype)).json_body
    hidden_rol = api.post(f"{BASE}/rollen", rol_body(secret_zaak["url"], types.roltype)).json_body
    reader = client("rol-lezer", types.zaaktype, [READ], maximum="openbaar")
    other_type = client("rol-ander", full_zaaktype(api, identificatie="ZT-ANDER").zaaktype, [READ, UPDATE])
    # then: lists are filtered, details answer 403
    listed = reader.get(f"{BASE}/rollen").json_body
    assert (listed["count"], [r["url"] for r in listed["results"]]) == (1, [visible_rol["url"]])
    assert reader.get(hidden_rol["url"]).status_code == 403
    assert other_type.get(f"{BASE}/rollen").json_body["count"] == 0
    assert other_type.get(visible_rol["url"]).status_code == 403
    # and writing needs zaken.bijwerken on the zaak's zaaktype
    assert reader.post(f"{BASE}/rollen", rol_body(open_zaak["url"], types.roltype)).status_code == 403
    assert other_type.post(f"{BASE}/rollen", rol_body(open_zaak["url"], types.roltype)).status_code == 403
    assert other_type.delete(visible_rol["url"]).status_code == 403
    assert Rol.objects.count() == 2


def test_closed_zaak_needs_geforceerd_bijwerken(api: ZGWClient, types: FullType) -> None:
    # given
    zaak = new_zaak(api, types)
    rol = api.post(f"{BASE}/rollen", rol_body(zaak["url"], types.roltype)).json_body
    close(api, types, zaak["url"])
    writer = client("rol-schrijver", types.zaaktype, [READ, UPDATE])
    forced = client("rol-geforceerd", types.zaaktype, [READ, FORCED])
    # then
    refused = writer.post(f"{BASE}/rollen", rol_body(zaak["url"], types.roltype))
    assert (refused.status_code, refused.json_body["code"]) == (403, "permission_denied")
    assert writer.delete(rol["url"]).status_code == 403
    assert forced.post(f"{BASE}/rollen", rol_body(zaak["url"], types.roltype)).status_code == 201
    assert forced.delete(rol["url"]).status_code == 204


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def test_robust_create(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    aimed: list[Callable[[dict[str, Json]], dict[str, Json]]] = [
        lambda body: body,
        lambda body: {**body, "zaak": zaak["url"]},
        lambda body: {**body, "zaak": zaak["url"], "roltype": types.roltype},
    ]

    @given(body=bodies("zaken-1.7.0.yaml", "/rollen", "post"))
    @FUZZ
    def run(body: Json) -> None:
        if isinstance(body, dict):
            body = aimed[len(body) % len(aimed)](body)
        fuzz_send(api, "POST", f"{BASE}/rollen", body)

    run()
