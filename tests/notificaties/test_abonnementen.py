"""``/abonnement``: create, list, read, PUT, PATCH, DELETE and the rules on kanalen and filters."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.notificaties.api_helpers import BASE, Receiver, abonnement_body, codes, create_abonnement
from tests.zgw import ZGWClient
from zaakwerk.core.models import AuditTrail
from zaakwerk.notificaties.models import Abonnement, AbonnementKanaal

pytestmark = pytest.mark.django_db

ZAKEN_FILTERS = {"bronorganisatie": "002220647", "zaaktype": "*"}


def test_create_read_and_list(api: ZGWClient, receiver: Receiver) -> None:
    # given
    body = abonnement_body(
        receiver.url(),
        {"naam": "zaken", "filters": ZAKEN_FILTERS},
        {"naam": "besluiten"},
    )
    # when
    created = api.post(f"{BASE}/abonnement", body)
    # then
    assert created.status_code == 201
    data = created.json_body
    assert created["Location"] == data["url"]
    assert data["callbackUrl"] == receiver.url()
    assert data["kanalen"] == [
        {"naam": "zaken", "filters": ZAKEN_FILTERS},
        {"naam": "besluiten", "filters": {}},
    ]
    assert api.get(data["url"]).json_body == data
    listed = api.get(f"{BASE}/abonnement")
    assert listed.json_body == [data]
    stored = Abonnement.objects.get()
    assert stored.auth == "Bearer abc123"
    assert stored.client_id == "test-alles"
    line = AuditTrail.objects.get(resource_url=data["url"])
    assert (line.bron, line.actie) == ("nrc", "create")
    assert "abc123" not in str(line.nieuw)


def test_auth_is_shown_masked(api: ZGWClient, receiver: Receiver) -> None:
    data = create_abonnement(api, abonnement_body(receiver.url(), auth="Bearer geheim-token"))
    assert data["auth"] == "Bearer ****"
    assert "geheim" not in str(api.get(f"{BASE}/abonnement").json_body)
    plain = create_abonnement(api, abonnement_body(receiver.url(), auth="geheim"))
    assert plain["auth"] == "****"


def test_put_of_what_was_read_keeps_the_stored_auth(api: ZGWClient, receiver: Receiver) -> None:
    # given: a client reads the abonnement, changes the kanalen and sends it all back
    data = create_abonnement(api, abonnement_body(receiver.url(), auth="Bearer geheim-token"))
    body: dict[str, Any] = {**data, "kanalen": [{"naam": "documenten", "filters": {}}]}
    # when
    response = api.put(data["url"], body)
    # then
    assert response.status_code == 200
    assert response.json_body["kanalen"] == [{"naam": "documenten", "filters": {}}]
    assert Abonnement.objects.get().auth == "Bearer geheim-token"
    assert receiver.received[-1].authorization == "Bearer geheim-token"


def test_put_replaces_everything(api: ZGWClient, receiver: Receiver) -> None:
    data = create_abonnement(
        api, abonnement_body(receiver.url(), {"naam": "zaken", "filters": ZAKEN_FILTERS})
    )
    response = api.put(
        data["url"],
        abonnement_body(receiver.url("/nieuw"), {"naam": "besluiten", "filters": {}}, auth="Token nieuw"),
    )
    assert response.status_code == 200
    assert response.json_body == {
        "url": data["url"],
        "callbackUrl": receiver.url("/nieuw"),
        "auth": "Token ****",
        "kanalen": [{"naam": "besluiten", "filters": {}}],
    }
    assert Abonnement.objects.get().auth == "Token nieuw"
    assert AbonnementKanaal.objects.count() == 1


def test_put_needs_every_field(api: ZGWClient, receiver: Receiver) -> None:
    data = create_abonnement(api, abonnement_body(receiver.url()))
    response = api.put(data["url"], {"callbackUrl": receiver.url()})
    assert response.status_code == 400
    assert sorted(codes(response)) == [("auth", "required"), ("kanalen", "required")]


def test_patch_kanalen_only_keeps_the_rest_and_calls_nobody(api: ZGWClient, receiver: Receiver) -> None:
    # given
    data = create_abonnement(api, abonnement_body(receiver.url()))
    calls = len(receiver.received)
    # when
    response = api.patch(data["url"], {"kanalen": [{"naam": "zaken", "filters": {"zaaktype": "*"}}]})
    # then
    assert response.status_code == 200
    assert response.json_body["callbackUrl"] == receiver.url()
    assert response.json_body["kanalen"] == [{"naam": "zaken", "filters": {"zaaktype": "*"}}]
    assert len(receiver.received) == calls
    assert AuditTrail.objects.filter(resource_url=data["url"], actie="partial_update").count() == 1


def test_patch_callback_url_is_checked(api: ZGWClient, receiver: Receiver) -> None:
    data = create_abonnement(api, abonnement_body(receiver.url()))
    response = api.patch(data["url"], {"callbackUrl": receiver.url("/elders")})
    assert response.status_code == 200
    assert receiver.received[-1].path == "/elders"
    assert receiver.received[-1].authorization == "Bearer abc123"


def test_delete(api: ZGWClient, receiver: Receiver) -> None:
    data = create_abonnement(api, abonnement_body(receiver.url()))
    response = api.delete(data["url"])
    assert response.status_code == 204
    assert api.get(data["url"]).status_code == 404
    assert not AbonnementKanaal.objects.exists()
    assert AuditTrail.objects.filter(resource_url=data["url"], actie="destroy").count() == 1


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("key", [str(uuid.uuid4()), "geen-uuid"])
def test_unknown_abonnement_is_404(api: ZGWClient, receiver: Receiver, method: str, key: str) -> None:
    response = api.request(method, f"{BASE}/abonnement/{key}", abonnement_body(receiver.url()))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("kanalen", "expected"),
    [
        ([{"naam": "bestaat-niet"}], [("kanalen.0.naam", "kanaal_naam")]),
        (
            [{"naam": "zaken", "filters": {"bronorganisatie": "1", "wijk": "Noord"}}],
            [("kanalen.0.filters", "inconsistent-abonnement-filters")],
        ),
        (
            [{"naam": "autorisaties", "filters": {"applicatie": "*"}}],
            [("kanalen.0.filters", "inconsistent-abonnement-filters")],
        ),
        ([{"naam": "zaken"}, {"naam": "zaken"}], [("kanalen.1.naam", "unique")]),
        (
            [{"naam": "zaken"}, {"naam": "nergens"}, {"naam": "besluiten", "filters": {"zaaktype": "x"}}],
            [("kanalen.1.naam", "kanaal_naam"), ("kanalen.2.filters", "inconsistent-abonnement-filters")],
        ),
        ([{"filters": {}}], [("kanalen.0.naam", "required")]),
        ([{"naam": "zaken", "filters": {"zaaktype": ""}}], [("kanalen.0.filters.zaaktype", "blank")]),
    ],
)
def test_kanalen_rules(
    api: ZGWClient, receiver: Receiver, kanalen: list[dict[str, Any]], expected: list[tuple[str, str]]
) -> None:
    # when
    response = api.post(f"{BASE}/abonnement", abonnement_body(receiver.url(), *kanalen))
    # then: refused before the callback is called, nothing stored
    assert response.status_code == 400
    assert codes(response) == expected
    assert receiver.received == []
    assert not Abonnement.objects.exists()


def test_kanalen_rules_apply_to_updates(api: ZGWClient, receiver: Receiver) -> None:
    data = create_abonnement(api, abonnement_body(receiver.url()))
    response = api.patch(data["url"], {"kanalen": [{"naam": "zaken", "filters": {"wijk": "*"}}]})
    assert response.status_code == 400
    assert codes(response) == [("kanalen.0.filters", "inconsistent-abonnement-filters")]
    assert api.get(data["url"]).json_body["kanalen"] == [{"naam": "zaken", "filters": {}}]


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ({"callbackUrl": "geen-url"}, [("callbackUrl", "invalid")]),
        ({"callbackUrl": ""}, [("callbackUrl", "blank")]),
        ({"auth": ""}, [("auth", "blank")]),
        ({"auth": "Bearer a\r\nX-Extra: 1"}, [("auth", "invalid")]),
        ({"kanalen": None}, [("kanalen", "null")]),
    ],
)
def test_invalid_fields(
    api: ZGWClient, receiver: Receiver, override: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    response = api.post(f"{BASE}/abonnement", {**abonnement_body(receiver.url()), **override})
    assert response.status_code == 400
    assert codes(response) == expected
    assert receiver.received == []
