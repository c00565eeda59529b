"""Klantcontacten of a zaak (Zaken API 1.7.0, deprecated by the standard; RULES.md 3.4)."""

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
)
from tests.zgw import ZGWClient
from zaakwerk.core.models import AuditTrail, OutboxMessage
from zaakwerk.zaken.models import KlantContact

pytestmark = pytest.mark.django_db


@pytest.fixture
def types(api: ZGWClient) -> FullType:
    return full_zaaktype(api)


def body(zaak: str, **overrides: Any) -> dict[str, Any]:
    return {
        "zaak": zaak,
        "datumtijd": "2024-03-01T10:15:00Z",
        "kanaal": "telefoon",
        "onderwerp": "Tegel",
        **overrides,
    }


def test_create_generates_an_identificatie(api: ZGWClient, types: FullType) -> None:
    # given
    zaak = new_zaak(api, types)
    # when
    generated = api.post(f"{BASE}/klantcontacten", body(zaak["url"]))
    given_id = api.post(f"{BASE}/klantcontacten", body(zaak["url"], identificatie="KC-0001"))
    # then
    assert generated.status_code == 201, generated.json_body
    assert generated["Location"] == generated.json_body["url"]
    assert len(generated.json_body["identificatie"]) == 14
    assert given_id.json_body["identificatie"] == "KC-0001"
    assert generated.json_body["datumtijd"] == "2024-03-01T10:15:00Z"
    assert (
        OutboxMessage.objects.filter(
            resource="klantcontact", actie="create", hoofd_object=zaak["url"]
        ).count()
        == 2
    )
    assert AuditTrail.objects.filter(resource="klantcontact").count() == 2
    read = api.get(generated.json_body["url"])
    assert read.json_body == generated.json_body
    assert api.get(f"{BASE}/klantcontacten/{uuid.uuid4()}").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"datumtijd": None}, ("datumtijd", "null")),
        ({"datumtijd": "gisteren"}, ("datumtijd", "invalid")),
        ({"identificatie": "X" * 15}, ("identificatie", "max_length")),
        ({"zaak": "geen url"}, ("zaak", "invalid")),
        ({"zaak": "https://elders.example/zaken/1"}, ("zaak", "no_match")),
    ],
)
def test_validation(
    api: ZGWClient, types: FullType, overrides: dict[str, Any], expected: tuple[str, str]
) -> None:
    zaak = new_zaak(api, types)
    response = api.post(f"{BASE}/klantcontacten", {**body(zaak["url"]), **overrides})
    assert response.status_code == 400
    assert expected in codes(response)
    assert not KlantContact.objects.exists()


def test_list_and_visibility(api: ZGWClient, types: FullType) -> None:
    first = new_zaak(api, types, vertrouwelijkheidaanduiding="openbaar")
    second = new_zaak(api, types, vertrouwelijkheidaanduiding="geheim")
    visible = api.post(f"{BASE}/klantcontacten", body(first["url"])).json_body
    hidden = api.post(f"{BASE}/klantcontacten", body(second["url"])).json_body
    reader = client("kc-lezer", types.zaaktype, [READ], maximum="openbaar")
    listed = api.get(f"{BASE}/klantcontacten", zaak=second["url"]).json_body
    assert [item["url"] for item in listed["results"]] == [hidden["url"]]
    seen = reader.get(f"{BASE}/klantcontacten").json_body
    assert (seen["count"], seen["results"][0]["url"]) == (1, visible["url"])
    assert reader.get(hidden["url"]).status_code == 403
    assert reader.post(f"{BASE}/klantcontacten", body(first["url"])).status_code == 403


def test_closed_zaak_needs_geforceerd_bijwerken(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    close(api, types, zaak["url"])
    writer = client("kc-schrijver", types.zaaktype, [READ, UPDATE])
    forced = client("kc-geforceerd", types.zaaktype, [READ, FORCED])
    refused = writer.post(f"{BASE}/klantcontacten", body(zaak["url"]))
    assert (refused.status_code, refused.json_body["code"]) == (403, "permission_denied")
    assert forced.post(f"{BASE}/klantcontacten", body(zaak["url"])).status_code == 201


FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


def test_robust_create(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    aimed: list[Callable[[dict[str, Json]], dict[str, Json]]] = [
        lambda data: data,
        lambda data: {**data, "zaak": zaak["url"]},
    ]

    @given(data=bodies("zaken-1.7.0.yaml", "/klantcontacten", "post"))
    @FUZZ
    def run(data: Json) -> None:
        if isinstance(data, dict):
            data = aimed[len(data) % len(aimed)](data)
        fuzz_send(api, "POST", f"{BASE}/klantcontacten", data)

    run()
