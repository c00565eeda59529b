"""``/kanaal``: register, list, filter, read; the kanalen this deployment publishes on."""

from __future__ import annotations

import uuid

import pytest

from tests.notificaties.api_helpers import BASE, codes
from tests.zgw import ZGWClient
from zaakwerk.core.models import AuditTrail
from zaakwerk.notificaties.kanalen import KANALEN, ensure_kanalen
from zaakwerk.notificaties.models import Kanaal

pytestmark = pytest.mark.django_db

BODY = {
    "naam": "meldingen",
    "documentatieLink": "https://example.com/meldingen",
    "filters": ["wijk", "soort"],
}


def test_create_and_read_kanaal(api: ZGWClient) -> None:
    # when
    created = api.post(f"{BASE}/kanaal", BODY)
    # then
    assert created.status_code == 201
    assert created["Location"] == created.json_body["url"]
    assert {k: created.json_body[k] for k in BODY} == BODY
    read = api.get(created.json_body["url"])
    assert read.status_code == 200
    assert read.json_body == created.json_body
    line = AuditTrail.objects.get(resource_url=created.json_body["url"])
    assert (line.bron, line.actie, line.resource) == ("nrc", "create", "kanaal")


def test_optional_fields_default_to_empty(api: ZGWClient) -> None:
    response = api.post(f"{BASE}/kanaal", {"naam": "kaal"})
    assert response.status_code == 201
    assert response.json_body["filters"] == []
    assert "documentatieLink" not in response.json_body  # not given: left out, "" is no URI


def test_naam_is_unique(api: ZGWClient) -> None:
    # given
    api.post(f"{BASE}/kanaal", BODY)
    # when
    again = api.post(f"{BASE}/kanaal", {**BODY, "filters": []})
    # then
    assert again.status_code == 400
    assert codes(again) == [("naam", "unique")]
    assert Kanaal.objects.filter(naam="meldingen").count() == 1


def test_a_standard_kanaal_cannot_be_registered_twice(api: ZGWClient) -> None:
    response = api.post(f"{BASE}/kanaal", {"naam": "zaken"})
    assert response.status_code == 400
    assert codes(response) == [("naam", "unique")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({}, [("naam", "required")]),
        ({"naam": ""}, [("naam", "blank")]),
        ({"naam": "x" * 51}, [("naam", "max_length")]),
        ({"naam": "a", "documentatieLink": "geen url"}, [("documentatieLink", "invalid")]),
        ({"naam": "a", "filters": [""]}, [("filters.0", "blank")]),
        ({"naam": "a", "filters": "wijk"}, [("filters", "not_a_list")]),
    ],
)
def test_invalid_kanaal(api: ZGWClient, body: dict[str, object], expected: list[tuple[str, str]]) -> None:
    response = api.post(f"{BASE}/kanaal", body)
    assert response.status_code == 400
    assert codes(response) == expected


def test_list_is_a_plain_array_filtered_on_naam(api: ZGWClient) -> None:
    # given
    api.post(f"{BASE}/kanaal", BODY)
    # when
    everything = api.get(f"{BASE}/kanaal")
    one = api.get(f"{BASE}/kanaal", naam="meldingen")
    none = api.get(f"{BASE}/kanaal", naam="bestaat-niet")
    # then
    assert isinstance(everything.json_body, list)
    assert {k["naam"] for k in everything.json_body} == {k.naam for k in KANALEN} | {"meldingen"}
    assert [k["naam"] for k in one.json_body] == ["meldingen"]
    assert none.json_body == []


def test_unknown_query_parameter_is_refused(api: ZGWClient) -> None:
    response = api.get(f"{BASE}/kanaal", soort="x")
    assert response.status_code == 400


@pytest.mark.parametrize("key", [str(uuid.uuid4()), "geen-uuid"])
def test_unknown_kanaal_is_404(api: ZGWClient, key: str) -> None:
    assert api.get(f"{BASE}/kanaal/{key}").status_code == 404


def test_kanalen_of_this_deployment_exist_after_migrate() -> None:
    # the data migration ran when the test database was created
    stored = {k.naam: list(k.filters) for k in Kanaal.objects.all()}
    for kanaal in KANALEN:
        assert stored[kanaal.naam] == list(kanaal.filters)


def test_ensure_kanalen_creates_missing_and_leaves_existing_alone() -> None:
    # given: one kanaal removed, another changed by an administrator
    Kanaal.objects.filter(naam="besluiten").delete()
    Kanaal.objects.filter(naam="zaken").update(documentatie_link="https://intranet.example/zaken")
    # when
    ensure_kanalen()
    ensure_kanalen()
    # then
    assert Kanaal.objects.filter(naam="besluiten").count() == 1
    assert Kanaal.objects.get(naam="zaken").documentatie_link == "https://intranet.example/zaken"
    assert Kanaal.objects.filter(naam__in=[k.naam for k in KANALEN]).count() == len(KANALEN)
