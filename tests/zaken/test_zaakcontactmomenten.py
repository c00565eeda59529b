"""ZaakContactMoment: a zaak's link to an object of the Contactmomenten API (ADR 0009: a URL, not fetched)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import fuzz_send
from tests.robustness import Json, bodies
from tests.zaken.factories import BASE, codes
from tests.zaken.subresource_helpers import READ, UPDATE, FullType, client, full_zaaktype, new_zaak
from tests.zgw import ZGWClient
from zaakwerk.core.models import OutboxMessage
from zaakwerk.zaken.models import ZaakContactMoment

pytestmark = pytest.mark.django_db

EXTERNAL = "https://contactmomenten.example/api/v1/contactmomenten/{}"


@pytest.fixture
def types(api: ZGWClient) -> FullType:
    return full_zaaktype(api)


def test_create_list_read_delete(api: ZGWClient, types: FullType) -> None:
    # given
    zaak, other = new_zaak(api, types), new_zaak(api, types)
    target = EXTERNAL.format(uuid.uuid4())
    # when: an external URL that this deployment cannot reach is accepted as it is
    created = api.post(f"{BASE}/zaakcontactmomenten", {"zaak": zaak["url"], "contactmoment": target})
    api.post(
        f"{BASE}/zaakcontactmomenten", {"zaak": other["url"], "contactmoment": EXTERNAL.format(uuid.uuid4())}
    )
    # then
    assert created.status_code == 201, created.json_body
    data = created.json_body
    assert created["Location"] == data["url"]
    assert (data["zaak"], data["contactmoment"]) == (zaak["url"], target)
    assert OutboxMessage.objects.filter(
        resource="zaakcontactmoment", actie="create", hoofd_object=zaak["url"]
    ).exists()
    assert api.get(data["url"]).json_body == data
    assert [item["url"] for item in api.get(f"{BASE}/zaakcontactmomenten", zaak=zaak["url"]).json_body] == [
        data["url"]
    ]
    assert [
        item["url"] for item in api.get(f"{BASE}/zaakcontactmomenten", contactmoment=target).json_body
    ] == [data["url"]]
    assert len(api.get(f"{BASE}/zaakcontactmomenten").json_body) == 2
    assert api.delete(data["url"]).status_code == 204
    assert api.get(data["url"]).status_code == 404
    assert OutboxMessage.objects.filter(resource="zaakcontactmoment", actie="destroy").exists()


def test_validation(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    assert codes(
        api.post(f"{BASE}/zaakcontactmomenten", {"zaak": zaak["url"], "contactmoment": "geen url"})
    ) == [("contactmoment", "invalid")]
    assert codes(api.post(f"{BASE}/zaakcontactmomenten", {"zaak": zaak["url"]})) == [
        ("contactmoment", "required")
    ]
    assert codes(
        api.post(f"{BASE}/zaakcontactmomenten", {"zaak": types.zaaktype, "contactmoment": EXTERNAL.format(1)})
    ) == [("zaak", "no_match")]
    assert codes(api.get(f"{BASE}/zaakcontactmomenten", onbekend="x"))[0][1] == "unknown-parameters"
    assert not ZaakContactMoment.objects.exists()


def test_visibility_follows_the_zaak(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types, vertrouwelijkheidaanduiding="vertrouwelijk")
    created = api.post(
        f"{BASE}/zaakcontactmomenten", {"zaak": zaak["url"], "contactmoment": EXTERNAL.format(1)}
    ).json_body
    low = client("contactmoment-laag", types.zaaktype, [READ, UPDATE], maximum="openbaar")
    high = client("contactmoment-hoog", types.zaaktype, [READ])
    assert low.get(f"{BASE}/zaakcontactmomenten").json_body == []
    assert low.get(created["url"]).status_code == 403
    assert low.delete(created["url"]).status_code == 403
    assert (
        low.post(
            f"{BASE}/zaakcontactmomenten", {"zaak": zaak["url"], "contactmoment": EXTERNAL.format(2)}
        ).status_code
        == 403
    )
    assert [item["url"] for item in high.get(f"{BASE}/zaakcontactmomenten").json_body] == [created["url"]]
    assert high.delete(created["url"]).status_code == 403
    assert ZaakContactMoment.objects.count() == 1


FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


def test_robust_create(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    aimed: list[Callable[[dict[str, Json]], dict[str, Json]]] = [
        lambda data: data,
        lambda data: {**data, "zaak": zaak["url"]},
    ]

    @given(data=bodies("zaken-1.7.0.yaml", "/zaakcontactmomenten", "post"))
    @FUZZ
    def run(data: Json) -> None:
        if isinstance(data, dict):
            data = aimed[len(data) % len(aimed)](data)
        fuzz_send(api, "POST", f"{BASE}/zaakcontactmomenten", data)

    run()
