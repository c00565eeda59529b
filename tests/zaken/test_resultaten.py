"""Resultaten: one per zaak, of the zaaktype of the zaak, fixed once it is closed (RULES.md 3.4, zrc-020)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import fuzz_send
from tests.robustness import Json, bodies
from tests.zaken.factories import BASE, codes, create_zaak, zaken_client
from tests.zaken.status_helpers import (
    ClosableType,
    add_resultaat,
    closable_zaaktype,
    closed_zaak,
    read_zaak,
)
from tests.zgw import ZGWClient
from zaakwerk.core.models import AuditTrail, OutboxMessage
from zaakwerk.zaken.models import Resultaat

pytestmark = pytest.mark.django_db

READ = "zaken.lezen"
UPDATE = "zaken.bijwerken"
FORCED = "zaken.geforceerd-bijwerken"


@pytest.fixture
def types(api: ZGWClient) -> ClosableType:
    return closable_zaaktype(api)


def test_create_read_head(api: ZGWClient, types: ClosableType) -> None:
    # given
    zaak = create_zaak(api, types.zaaktype)
    # when
    created = add_resultaat(api, zaak["url"], types.vernietigen, toelichting="Vergunning verleend")
    # then
    assert created.status_code == 201, created.json_body
    data = created.json_body
    assert created["Location"] == data["url"]
    assert (data["zaak"], data["resultaattype"], data["toelichting"]) == (
        zaak["url"],
        types.vernietigen,
        "Vergunning verleend",
    )
    assert read_zaak(api, zaak["url"])["resultaat"] == data["url"]
    read = api.get(data["url"])
    assert read.status_code == 200 and read.json_body == data
    head = api.head(data["url"])
    assert head.status_code == 200 and head.content == b"" and head["ETag"] == read["ETag"]
    assert api.get(data["url"], headers={"If-None-Match": read["ETag"]}).status_code == 304
    message = OutboxMessage.objects.get(resource="resultaat")
    assert (message.kanaal, message.hoofd_object, message.actie) == ("zaken", zaak["url"], "create")
    assert message.kenmerken["zaaktype"] == types.zaaktype
    assert AuditTrail.objects.get(resource="resultaat").hoofd_object == zaak["url"]


def test_one_resultaat_per_zaak(api: ZGWClient, types: ClosableType) -> None:
    zaak = create_zaak(api, types.zaaktype)
    add_resultaat(api, zaak["url"], types.vernietigen)
    before = OutboxMessage.objects.count()
    second = add_resultaat(api, zaak["url"], types.bewaren)
    assert second.status_code == 400
    assert codes(second) == [("nonFieldErrors", "unique")]
    assert Resultaat.objects.count() == 1
    assert OutboxMessage.objects.count() == before


def test_resultaattype_of_another_zaaktype(api: ZGWClient, types: ClosableType) -> None:
    other = closable_zaaktype(api, identificatie="ZT-ANDER")
    zaak = create_zaak(api, types.zaaktype)
    response = add_resultaat(api, zaak["url"], other.vernietigen)
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "zaaktype-mismatch")]
    assert not Resultaat.objects.exists()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"resultaattype": "http://testserver/catalogi/api/v1/resultaattypen/" + str(uuid.UUID(int=1))},
            [("resultaattype", "bad-url")],
        ),
        ({"resultaattype": "https://elders.example/resultaattypen/1"}, [("resultaattype", "bad-url")]),
        ({"resultaattype": ""}, [("resultaattype", "blank")]),
        ({"zaak": "http://testserver/zaken/api/v1/zaken/" + str(uuid.UUID(int=2))}, [("zaak", "bad-url")]),
        ({"toelichting": "x" * 1001}, [("toelichting", "max_length")]),
    ],
)
def test_invalid_input(
    api: ZGWClient, types: ClosableType, change: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    zaak = create_zaak(api, types.zaaktype)
    response = api.post(
        f"{BASE}/resultaten", {"zaak": zaak["url"], "resultaattype": types.vernietigen, **change}
    )
    assert response.status_code == 400
    assert codes(response) == expected
    assert not Resultaat.objects.exists()


def test_put_patch_delete(api: ZGWClient, types: ClosableType) -> None:
    # given
    zaak = create_zaak(api, types.zaaktype)
    url = add_resultaat(api, zaak["url"], types.vernietigen).json_body["url"]
    # when / then
    put = api.put(url, {"zaak": zaak["url"], "resultaattype": types.bewaren, "toelichting": "Bewaren"})
    assert put.status_code == 200, put.json_body
    assert (put.json_body["resultaattype"], put.json_body["toelichting"]) == (types.bewaren, "Bewaren")
    patch = api.patch(url, {"toelichting": "Toch niet"})
    assert patch.status_code == 200
    assert (patch.json_body["resultaattype"], patch.json_body["toelichting"]) == (types.bewaren, "Toch niet")
    assert codes(api.patch(url, {"resultaattype": None})) == [("resultaattype", "null")]
    deleted = api.delete(url)
    assert deleted.status_code == 204
    assert api.get(url).status_code == 404
    assert read_zaak(api, zaak["url"])["resultaat"] is None
    acties = list(OutboxMessage.objects.filter(resource="resultaat").values_list("actie", flat=True))
    assert acties == ["create", "update", "partial_update", "destroy"]


def test_zaak_of_a_resultaat_cannot_change(api: ZGWClient, types: ClosableType) -> None:
    zaak, other = create_zaak(api, types.zaaktype), create_zaak(api, types.zaaktype)
    url = add_resultaat(api, zaak["url"], types.vernietigen).json_body["url"]
    response = api.patch(url, {"zaak": other["url"]})
    assert response.status_code == 400
    assert codes(response) == [("zaak", "wijzigen-niet-toegelaten")]
    assert codes(
        api.patch(url, {"resultaattype": closable_zaaktype(api, identificatie="ZT-ANDER").bewaren})
    ) == [("nonFieldErrors", "zaaktype-mismatch")]


def test_closed_zaak_needs_geforceerd_and_rederives_archiving(api: ZGWClient, types: ClosableType) -> None:
    # given: a closed zaak (vernietigen, archiefactiedatum 2034-05-10)
    zaak = closed_zaak(api, types)
    url = zaak["resultaat"]
    bijwerken = zaken_client("bijwerken", (types.zaaktype, "zeer_geheim", [READ, UPDATE]))
    forced = zaken_client("forced", (types.zaaktype, "zeer_geheim", [READ, FORCED]))
    # when changed without zaken.geforceerd-bijwerken: 403, nothing changes
    for response in (
        bijwerken.patch(url, {"resultaattype": types.bewaren}),
        bijwerken.put(url, {"zaak": zaak["url"], "resultaattype": types.bewaren}),
        bijwerken.delete(url),
    ):
        assert response.status_code == 403
        assert response.json_body["code"] == "permission_denied"
    assert read_zaak(api, zaak["url"])["archiefnominatie"] == "vernietigen"
    # with it, the archiving parameters follow the new resultaattype (zrc-021)
    changed = forced.patch(url, {"resultaattype": types.bewaren})
    assert changed.status_code == 200, changed.json_body
    after = read_zaak(api, zaak["url"])
    assert (after["archiefnominatie"], after["archiefactiedatum"]) == ("blijvend_bewaren", None)
    assert forced.delete(url).status_code == 204


def test_list_filters(api: ZGWClient, types: ClosableType) -> None:
    first, second = create_zaak(api, types.zaaktype), create_zaak(api, types.zaaktype)
    one = add_resultaat(api, first["url"], types.vernietigen).json_body["url"]
    two = add_resultaat(api, second["url"], types.bewaren).json_body["url"]

    def urls(**query: str) -> list[str]:
        response = api.get(f"{BASE}/resultaten", **query)
        assert response.status_code == 200, response.json_body
        return [item["url"] for item in response.json_body["results"]]

    assert urls() == [one, two]
    assert urls(zaak=second["url"]) == [two]
    assert urls(resultaattype=types.vernietigen) == [one]
    assert urls(resultaattype="https://elders.example/resultaattypen/1") == []
    assert api.get(f"{BASE}/resultaten", page="2").status_code == 404
    assert codes(api.get(f"{BASE}/resultaten", zaak="geen-url")) == [("zaak", "invalid")]


@pytest.mark.parametrize(
    ("maximum", "visible"),
    [("openbaar", {"openbaar"}), ("geheim", {"openbaar", "geheim"})],
)
def test_visibility_per_zaaktype_and_vertrouwelijkheid(
    api: ZGWClient, types: ClosableType, maximum: str, visible: set[str]
) -> None:
    # given: resultaten of an openbare and a geheime zaak, and of a zaak of another zaaktype
    other = closable_zaaktype(api, identificatie="ZT-ANDER")
    made = {
        "openbaar": (create_zaak(api, types.zaaktype, vertrouwelijkheidaanduiding="openbaar"), types),
        "geheim": (create_zaak(api, types.zaaktype, vertrouwelijkheidaanduiding="geheim"), types),
        "ander": (create_zaak(api, other.zaaktype, vertrouwelijkheidaanduiding="openbaar"), other),
    }
    urls = {
        name: add_resultaat(api, z["url"], t.vernietigen).json_body["url"] for name, (z, t) in made.items()
    }
    client = zaken_client(f"lezer-{maximum}", (types.zaaktype, maximum, [READ, UPDATE]))
    # then
    listed = client.get(f"{BASE}/resultaten").json_body
    assert {item["url"] for item in listed["results"]} == {urls[name] for name in visible}
    assert listed["count"] == len(visible)
    for name, url in urls.items():
        assert client.get(url).status_code == (200 if name in visible else 403)
        assert client.patch(url, {"toelichting": "x"}).status_code == (200 if name in visible else 403)
    reader = zaken_client("alleen-lezen", (types.zaaktype, "zeer_geheim", [READ]))
    assert reader.patch(urls["openbaar"], {"toelichting": "x"}).status_code == 403
    assert add_resultaat(reader, made["openbaar"][0]["url"], types.bewaren).status_code == 403


def test_unknown_resultaat_is_404(api: ZGWClient) -> None:
    assert api.get(f"{BASE}/resultaten/{uuid.uuid4()}").status_code == 404
    assert api.delete(f"{BASE}/resultaten/geen-uuid").status_code == 404


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def test_robust_create_and_patch(api: ZGWClient, types: ClosableType) -> None:
    zaak = create_zaak(api, types.zaaktype)
    existing = create_zaak(api, types.zaaktype)
    url = add_resultaat(api, existing["url"], types.vernietigen).json_body["url"]
    aimed: list[Callable[[dict[str, Json]], dict[str, Json]]] = [
        lambda body: body,
        lambda body: {**body, "zaak": zaak["url"]},
        lambda body: {**body, "zaak": zaak["url"], "resultaattype": types.bewaren},
    ]

    @given(body=bodies("zaken-1.7.0.yaml", "/resultaten", "post"))
    @FUZZ
    def run(body: Json) -> None:
        if isinstance(body, dict):
            body = aimed[len(body) % len(aimed)](body)
        fuzz_send(api, "POST", f"{BASE}/resultaten", body)
        fuzz_send(api, "PATCH", url, body)

    run()
