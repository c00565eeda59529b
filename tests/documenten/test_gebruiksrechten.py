"""/gebruiksrechten: CRUD, drc-006 (indicatieGebruiksrecht kept in step), visibility, no 5xx."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import fuzz_send
from tests.documenten.factories import BASE, codes, create_eio, documenten_client, informatieobjecttype
from tests.robustness import bodies
from tests.zgw import ZGWClient
from zaakwerk.core.models import AuditTrail
from zaakwerk.documenten.models import Gebruiksrecht

GR = f"{BASE}/gebruiksrechten"
SPEC = "documenten-1.7.0.yaml"


def recht_body(informatieobject: str, **overrides: Any) -> dict[str, Any]:
    return {
        "informatieobject": informatieobject,
        "startdatum": "2024-03-01T09:00:00Z",
        "omschrijvingVoorwaarden": "Alleen voor intern gebruik",
        **overrides,
    }


@pytest.fixture
def eio(api: ZGWClient) -> dict[str, Any]:
    return create_eio(api, informatieobjecttype(api)["url"])


def test_create_sets_indicatie_and_delete_of_last_unsets_it(api: ZGWClient, eio: dict[str, Any]) -> None:
    # when
    first = api.post(GR, recht_body(eio["url"]))
    second = api.post(GR, recht_body(eio["url"], einddatum="2025-01-01T00:00:00Z"))
    # then: drc-006
    assert first.status_code == 201, first.json_body
    assert first["Location"] == first.json_body["url"]
    assert api.get(eio["url"]).json_body["indicatieGebruiksrecht"] is True
    assert api.get(first.json_body["url"]).json_body == first.json_body
    # deleting one keeps it true, deleting the last sets it back to null
    assert api.delete(first.json_body["url"]).status_code == 204
    assert api.get(eio["url"]).json_body["indicatieGebruiksrecht"] is True
    assert api.delete(second.json_body["url"]).status_code == 204
    assert api.get(eio["url"]).json_body["indicatieGebruiksrecht"] is None
    assert not Gebruiksrecht.objects.exists()
    # every change is in the document's audit trail
    lines = AuditTrail.objects.filter(hoofd_object=eio["url"], resource="gebruiksrechten")
    assert sorted(lines.values_list("actie", flat=True)) == ["create", "create", "destroy", "destroy"]


def test_list_filters(api: ZGWClient, eio: dict[str, Any]) -> None:
    other = create_eio(api, eio["informatieobjecttype"])
    early = api.post(GR, recht_body(eio["url"])).json_body
    late = api.post(GR, recht_body(other["url"], startdatum="2024-06-01T09:00:00Z")).json_body
    assert [r["url"] for r in api.get(GR).json_body] == [early["url"], late["url"]]
    assert api.get(GR, informatieobject=other["url"]).json_body == [late]
    assert api.get(GR, startdatum__gt="2024-04-01T00:00:00Z").json_body == [late]
    assert api.get(GR, startdatum__lte="2024-04-01T00:00:00Z").json_body == [early]
    assert api.get(GR, startdatum__gt="gisteren").status_code == 400


def test_update_and_immutable_informatieobject(api: ZGWClient, eio: dict[str, Any]) -> None:
    recht = api.post(GR, recht_body(eio["url"])).json_body
    other = create_eio(api, eio["informatieobjecttype"])
    # PUT and PATCH change the conditions
    put = api.put(recht["url"], recht_body(eio["url"], omschrijvingVoorwaarden="Openbaar"))
    assert put.status_code == 200 and put.json_body["omschrijvingVoorwaarden"] == "Openbaar"
    patch = api.patch(recht["url"], {"einddatum": "2030-01-01T00:00:00Z"})
    assert patch.json_body["einddatum"] == "2030-01-01T00:00:00Z"
    # the document it belongs to may not change
    moved = api.patch(recht["url"], {"informatieobject": other["url"]})
    assert moved.status_code == 400
    assert codes(moved) == [("informatieobject", "wijzigen-niet-toegelaten")]


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"informatieobject": "http://example.com/documenten/1"}, ("informatieobject", "bad-url")),
        ({"omschrijvingVoorwaarden": ""}, ("omschrijvingVoorwaarden", "blank")),
        ({"startdatum": None}, ("startdatum", "null")),
    ],
)
def test_create_rules(
    api: ZGWClient, eio: dict[str, Any], overrides: dict[str, Any], expected: tuple[str, str]
) -> None:
    response = api.post(GR, {**recht_body(eio["url"]), **overrides})
    assert response.status_code == 400
    assert expected in codes(response)
    assert not Gebruiksrecht.objects.exists()
    assert api.get(eio["url"]).json_body["indicatieGebruiksrecht"] is None


def test_visible_through_the_informatieobject(api: ZGWClient, eio: dict[str, Any]) -> None:
    recht = api.post(GR, recht_body(eio["url"])).json_body
    other_type = informatieobjecttype(api, domein="ANDER")["url"]
    stranger = documenten_client(
        "vreemde", (other_type, "zeer_geheim", ["documenten.lezen", "documenten.aanmaken"])
    )
    assert stranger.get(GR).json_body == []
    assert stranger.get(recht["url"]).status_code == 403
    assert stranger.post(GR, recht_body(eio["url"])).status_code == 403
    reader = documenten_client("lezer", (eio["informatieobjecttype"], "openbaar", ["documenten.lezen"]))
    assert reader.get(GR).json_body == [recht]
    assert reader.delete(recht["url"]).status_code == 403


@pytest.mark.django_db
@given(body=bodies(SPEC, "/gebruiksrechten", "post"))
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_create_never_fails_with_5xx(api: ZGWClient, eio: dict[str, Any], body: Any) -> None:
    if isinstance(body, dict) and "informatieobject" in body:
        body = {**body, "informatieobject": eio["url"]}
    fuzz_send(api, "POST", GR, body)
