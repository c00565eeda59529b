"""Applicaties through the Autorisaties API, validated against autorisaties-1.1.0.yaml."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from tests.zgw import ZGWClient, ZGWResponse, client_with
from zaakwerk.autorisaties.models import Applicatie, Autorisatie, ClientId
from zaakwerk.core.models import AuditTrail, OutboxMessage

if TYPE_CHECKING:
    from pytest_django import Settings

BASE = "/autorisaties/api/v1"
ZAAKTYPE = "http://testserver/catalogi/api/v1/zaaktypen/4f3b9e2a-2d0c-4d6b-9a8e-0a6f8e0b6c1d"
IOT = "http://testserver/catalogi/api/v1/informatieobjecttypen/0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5"
BESLUITTYPE = "http://testserver/catalogi/api/v1/besluittypen/5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"
ZRC = {
    "component": "zrc",
    "scopes": ["zaken.lezen"],
    "zaaktype": ZAAKTYPE,
    "maxVertrouwelijkheidaanduiding": "openbaar",
}
BODY: dict[str, Any] = {"clientIds": ["app-1", "app-2"], "label": "Test applicatie", "autorisaties": [ZRC]}

pytestmark = pytest.mark.django_db


def invalid(response: ZGWResponse) -> list[tuple[str, str]]:
    assert response.status_code == 400, response.json_body
    return sorted((p["name"], p["code"]) for p in response.json_body["invalidParams"])


def test_create_read_list(api: ZGWClient) -> None:
    # when
    created = api.post(f"{BASE}/applicaties", BODY)
    # then
    assert created.status_code == 201, created.json_body
    assert created["Location"] == created.json_body["url"]
    assert created["API-version"] == "1.1.0"
    body = created.json_body
    assert body["clientIds"] == ["app-1", "app-2"]
    assert body["heeftAlleAutorisaties"] is False
    assert body["alleenIsGereedVoorPublicatie"] is False
    assert body["autorisaties"] == [{**ZRC, "componentWeergave": "Zaken API"}]
    assert api.get(body["url"]).json_body == body
    listed = api.get(f"{BASE}/applicaties", clientIds="app-2")
    assert listed.json_body["count"] == 1 and listed.json_body["results"] == [body]
    assert api.get(f"{BASE}/applicaties", clientIds="unknown,app-1").json_body["count"] == 1
    assert api.get(f"{BASE}/applicaties", clientIds="unknown").json_body["count"] == 0
    # the "test-alles" applicatie of the api fixture and this one
    assert api.get(f"{BASE}/applicaties").json_body["count"] == 2


def test_consumer(api: ZGWClient) -> None:
    url = api.post(f"{BASE}/applicaties", BODY).json_body["url"]
    found = api.get(f"{BASE}/applicaties/consumer", clientId="app-2")
    assert found.status_code == 200
    assert [a["url"] for a in found.json_body] == [url]
    assert api.get(f"{BASE}/applicaties/consumer", clientId="nobody").status_code == 404


def test_pagination(api: ZGWClient, settings: Settings) -> None:
    settings.PAGE_SIZE = 2
    for number in range(3):
        api.post(f"{BASE}/applicaties", {**BODY, "clientIds": [f"page-{number}"]})
    first = api.get(f"{BASE}/applicaties")
    assert first.json_body["count"] == 4 and len(first.json_body["results"]) == 2
    assert first.json_body["previous"] is None
    second = api.get(first.json_body["next"])
    assert len(second.json_body["results"]) == 2 and second.json_body["next"] is None
    assert api.get(f"{BASE}/applicaties", page=3).status_code == 404


def test_unknown_query_parameter_is_400(api: ZGWClient) -> None:
    assert invalid(api.get(f"{BASE}/applicaties", clientId="x")) == [("nonFieldErrors", "unknown-parameters")]


def test_patch_replaces_autorisaties(api: ZGWClient) -> None:
    url = api.post(f"{BASE}/applicaties", BODY).json_body["url"]
    drc = {
        "component": "drc",
        "scopes": ["documenten.lezen"],
        "informatieobjecttype": IOT,
        "maxVertrouwelijkheidaanduiding": "geheim",
    }
    # when
    patched = api.patch(url, {"autorisaties": [drc]})
    # then
    assert patched.status_code == 200, patched.json_body
    assert patched.json_body["autorisaties"] == [{**drc, "componentWeergave": "Documenten API"}]
    assert patched.json_body["clientIds"] == ["app-1", "app-2"]
    assert Autorisatie.objects.filter(component="zrc").count() == 0
    # a PATCH without autorisaties keeps them
    relabelled = api.patch(url, {"label": "Nieuw", "alleenIsGereedVoorPublicatie": True})
    assert relabelled.json_body["label"] == "Nieuw" and relabelled.json_body["alleenIsGereedVoorPublicatie"]
    assert len(relabelled.json_body["autorisaties"]) == 1


def test_put_replaces_everything(api: ZGWClient) -> None:
    url = api.post(f"{BASE}/applicaties", BODY).json_body["url"]
    put = api.put(url, {"clientIds": ["app-2", "app-3"], "label": "Alles", "heeftAlleAutorisaties": True})
    assert put.status_code == 200, put.json_body
    assert put.json_body["clientIds"] == ["app-2", "app-3"]
    assert put.json_body["autorisaties"] == [] and put.json_body["heeftAlleAutorisaties"] is True
    assert not ClientId.objects.filter(client_id="app-1").exists()
    # the same body again: its own client ids are not "in use"
    assert (
        api.put(
            url, {"clientIds": ["app-2", "app-3"], "label": "Alles", "heeftAlleAutorisaties": True}
        ).status_code
        == 200
    )


def test_delete(api: ZGWClient) -> None:
    url = api.post(f"{BASE}/applicaties", BODY).json_body["url"]
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404
    assert not ClientId.objects.filter(client_id="app-1").exists()
    assert api.delete(url).status_code == 404
    assert api.get(f"{BASE}/applicaties/not-a-uuid").status_code == 404


def test_ac_001_client_id_in_use(api: ZGWClient) -> None:
    api.post(f"{BASE}/applicaties", BODY)
    response = api.post(
        f"{BASE}/applicaties",
        {"clientIds": ["app-1"], "label": "Ander", "heeftAlleAutorisaties": True, "autorisaties": []},
    )
    assert response.json_body["invalidParams"][0]["name"] == "clientIds"
    assert invalid(response) == [("clientIds", "clientId-exists")]
    assert invalid(api.post(f"{BASE}/applicaties", {**BODY, "clientIds": ["x", "x"]})) == [
        ("clientIds", "unique")
    ]
    assert Applicatie.objects.count() == 2


def test_ac_001_on_update(api: ZGWClient) -> None:
    api.post(f"{BASE}/applicaties", BODY)
    other = api.post(f"{BASE}/applicaties", {**BODY, "clientIds": ["other"]}).json_body["url"]
    assert invalid(api.patch(other, {"clientIds": ["other", "app-2"]})) == [("clientIds", "clientId-exists")]
    assert api.get(other).json_body["clientIds"] == ["other"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"heeftAlleAutorisaties": True, "autorisaties": [ZRC]}, "ambiguous-authorizations-specified"),
        ({"heeftAlleAutorisaties": False, "autorisaties": []}, "missing-authorizations"),
        ({}, "missing-authorizations"),
    ],
)
def test_ac_002(api: ZGWClient, body: dict[str, Any], code: str) -> None:
    response = api.post(f"{BASE}/applicaties", {"clientIds": ["x"], "label": "x", **body})
    assert invalid(response) == [("nonFieldErrors", code)]
    assert not ClientId.objects.filter(client_id="x").exists()


def test_ac_002_on_patch_uses_the_merged_state(api: ZGWClient) -> None:
    url = api.post(f"{BASE}/applicaties", BODY).json_body["url"]
    assert invalid(api.patch(url, {"heeftAlleAutorisaties": True})) == [
        ("nonFieldErrors", "ambiguous-authorizations-specified")
    ]
    assert api.patch(url, {"heeftAlleAutorisaties": True, "autorisaties": []}).status_code == 200
    assert invalid(api.patch(url, {"heeftAlleAutorisaties": False})) == [
        ("nonFieldErrors", "missing-authorizations")
    ]


@pytest.mark.parametrize(
    ("autorisatie", "errors"),
    [
        (
            {
                "component": "zrc",
                "scopes": ["zaken.lezen"],
                "zaaktype": "",
                "maxVertrouwelijkheidaanduiding": "",
            },
            [
                ("autorisaties.0.maxVertrouwelijkheidaanduiding", "required"),
                ("autorisaties.0.zaaktype", "required"),
            ],
        ),
        (
            {"component": "zrc", "scopes": ["zaken.aanmaken"]},
            [
                ("autorisaties.0.maxVertrouwelijkheidaanduiding", "required"),
                ("autorisaties.0.zaaktype", "required"),
            ],
        ),
        (
            {
                "component": "drc",
                "scopes": ["documenten.lezen"],
                "informatieobjecttype": "",
                "maxVertrouwelijkheidaanduiding": "",
            },
            [
                ("autorisaties.0.informatieobjecttype", "required"),
                ("autorisaties.0.maxVertrouwelijkheidaanduiding", "required"),
            ],
        ),
        (
            {"component": "brc", "scopes": ["besluiten.lezen"], "besluittype": ""},
            [("autorisaties.0.besluittype", "required")],
        ),
        (
            {
                "component": "zrc",
                "scopes": ["zaken.lezen"],
                "zaaktype": "geen url",
                "maxVertrouwelijkheidaanduiding": "openbaar",
            },
            [("autorisaties.0.zaaktype", "invalid")],
        ),
        (
            {**ZRC, "maxVertrouwelijkheidaanduiding": "topgeheim"},
            [("autorisaties.0.maxVertrouwelijkheidaanduiding", "invalid_choice")],
        ),
        ({**ZRC, "component": "xyz"}, [("autorisaties.0.component", "invalid_choice")]),
        ({**ZRC, "scopes": [""]}, [("autorisaties.0.scopes.0", "blank")]),
    ],
)
def test_ac_003_and_field_validation(
    api: ZGWClient, autorisatie: dict[str, Any], errors: list[tuple[str, str]]
) -> None:
    response = api.post(
        f"{BASE}/applicaties", {"clientIds": ["x"], "label": "x", "autorisaties": [autorisatie]}
    )
    assert invalid(response) == errors


@pytest.mark.parametrize(
    "autorisatie",
    [
        {
            "component": "zrc",
            "scopes": ["notificaties.publiceren"],
            "zaaktype": "",
            "maxVertrouwelijkheidaanduiding": "",
        },
        {
            "component": "drc",
            "scopes": ["notificaties.publiceren"],
            "informatieobjecttype": "",
            "maxVertrouwelijkheidaanduiding": "",
        },
        {"component": "brc", "scopes": ["notificaties.publiceren"], "besluittype": ""},
        {"component": "ztc", "scopes": ["catalogi.lezen"], "zaaktype": ZAAKTYPE},
    ],
)
def test_ac_003_other_scopes_need_no_type(api: ZGWClient, autorisatie: dict[str, Any]) -> None:
    response = api.post(
        f"{BASE}/applicaties", {"clientIds": ["x"], "label": "x", "autorisaties": [autorisatie]}
    )
    assert response.status_code == 201, response.json_body
    rendered = response.json_body["autorisaties"][0]
    # fields that were not given (or do not belong to the component) are left out
    assert set(rendered) == {"component", "componentWeergave", "scopes"}


def test_brc_autorisatie_round_trip(api: ZGWClient) -> None:
    brc = {"component": "brc", "scopes": ["besluiten.lezen"], "besluittype": BESLUITTYPE}
    response = api.post(f"{BASE}/applicaties", {"clientIds": ["x"], "label": "x", "autorisaties": [brc]})
    assert response.json_body["autorisaties"] == [{**brc, "componentWeergave": "Besluiten API"}]


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"label": "x"}, [("clientIds", "required")]),
        ({"clientIds": ["x"], "heeftAlleAutorisaties": True}, [("label", "required")]),
        ({"clientIds": ["x"], "label": "", "heeftAlleAutorisaties": True}, [("label", "blank")]),
        (
            {"clientIds": ["x" * 51], "label": "x", "heeftAlleAutorisaties": True},
            [("clientIds.0", "max_length")],
        ),
        ({"clientIds": "x", "label": "x", "heeftAlleAutorisaties": True}, [("clientIds", "not_a_list")]),
        (
            {"clientIds": ["x"], "label": "x", "heeftAlleAutorisaties": None},
            [("heeftAlleAutorisaties", "null")],
        ),
    ],
)
def test_invalid_input(api: ZGWClient, body: dict[str, Any], errors: list[tuple[str, str]]) -> None:
    assert invalid(api.post(f"{BASE}/applicaties", body)) == errors


def test_scopes(anonymous: ZGWClient) -> None:
    reader = client_with("lezer", autorisaties=[{"component": "ac", "scopes": ["autorisaties.lezen"]}])
    other_component = client_with(
        "ander", autorisaties=[{"component": "zrc", "scopes": ["autorisaties.bijwerken"]}]
    )
    assert reader.get(f"{BASE}/applicaties").status_code == 200
    denied = reader.post(f"{BASE}/applicaties", BODY)
    assert denied.status_code == 403 and denied.json_body["code"] == "permission_denied"
    # authorisation is checked before the body is read
    assert reader.post(f"{BASE}/applicaties", {"nonsense": 1}).status_code == 403
    assert other_component.post(f"{BASE}/applicaties", BODY).status_code == 403
    refused = anonymous.get(f"{BASE}/applicaties")
    assert refused.status_code == 401 and refused.json_body["code"] == "not_authenticated"
    assert Applicatie.objects.filter(label="Test applicatie").count() == 0


def test_changes_are_notified_and_audited(api: ZGWClient) -> None:
    # when
    url = api.post(f"{BASE}/applicaties", BODY).json_body["url"]
    api.put(url, {**BODY, "label": "Put"})
    api.patch(url, {"label": "Patch"})
    api.delete(url)
    # then
    messages = list(OutboxMessage.objects.filter(kanaal="autorisaties", resource_url=url).order_by("id"))
    assert [m.actie for m in messages] == ["create", "update", "partial_update", "destroy"]
    for message in messages:
        assert (message.resource, message.resource_url, message.hoofd_object) == ("applicatie", url, url)
        assert message.kenmerken == {}
    trail = list(AuditTrail.objects.filter(bron="ac", resource_url=url).order_by("id"))
    assert [t.actie for t in trail] == ["create", "update", "partial_update", "destroy"]
    assert trail[0].applicatie_id == "test-alles"
    oud, nieuw = trail[1].oud, trail[1].nieuw
    assert oud is not None and nieuw is not None
    assert oud["label"] == "Test applicatie" and nieuw["label"] == "Put"


def test_a_refused_change_writes_nothing(api: ZGWClient) -> None:
    before = OutboxMessage.objects.count()
    api.post(f"{BASE}/applicaties", {**BODY, "autorisaties": []})
    assert OutboxMessage.objects.count() == before
    assert not ClientId.objects.filter(client_id="app-1").exists()
