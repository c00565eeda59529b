"""Callback validation at abonnement create and update, against a real receiver on loopback."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tests.notificaties.api_helpers import (
    BASE,
    Receiver,
    abonnement_body,
    closed_port_url,
    codes,
    create_abonnement,
)
from tests.zgw import ZGWClient
from zaakwerk.notificaties.models import Abonnement

pytestmark = pytest.mark.django_db


def test_test_message_is_posted_with_auth(api: ZGWClient, receiver: Receiver) -> None:
    # when
    create_abonnement(api, abonnement_body(receiver.url(), auth="Bearer abc123"))
    # then
    [call] = receiver.received
    assert call.path == "/callback"
    assert call.authorization == "Bearer abc123"
    assert call.body["kanaal"] == "test"
    assert set(call.body) == {
        "kanaal",
        "hoofdObject",
        "resource",
        "resourceUrl",
        "actie",
        "aanmaakdatum",
        "kenmerken",
    }


@pytest.mark.parametrize("status", [200, 201, 202, 204])
def test_any_2xx_is_accepted(api: ZGWClient, receiver: Receiver, status: int) -> None:
    receiver.status = status
    response = api.post(f"{BASE}/abonnement", abonnement_body(receiver.url()))
    assert response.status_code == 201


@pytest.mark.parametrize("status", [301, 400, 401, 403, 404, 500, 503])
def test_other_answers_are_refused(api: ZGWClient, receiver: Receiver, status: int) -> None:
    receiver.status = status
    response = api.post(f"{BASE}/abonnement", abonnement_body(receiver.url()))
    assert response.status_code == 400
    assert codes(response) == [("callbackUrl", "invalid-callback-url")]
    assert not Abonnement.objects.exists()


def test_unreachable_callback_is_a_400(api: ZGWClient) -> None:
    response = api.post(f"{BASE}/abonnement", abonnement_body(closed_port_url()))
    assert response.status_code == 400
    assert codes(response) == [("callbackUrl", "invalid-callback-url")]


@override_settings(NOTIFICATIES_CALLBACK_TIMEOUT=0.2)
def test_callback_that_does_not_answer_in_time_is_a_400(api: ZGWClient, receiver: Receiver) -> None:
    receiver.delay = 2
    response = api.post(f"{BASE}/abonnement", abonnement_body(receiver.url("/slow")))
    assert response.status_code == 400
    assert codes(response) == [("callbackUrl", "invalid-callback-url")]


def test_update_to_a_refusing_callback_changes_nothing(api: ZGWClient, receiver: Receiver) -> None:
    # given
    data = create_abonnement(api, abonnement_body(receiver.url()))
    receiver.status = 500
    # when
    response = api.put(
        data["url"], abonnement_body(receiver.url("/nieuw"), {"naam": "besluiten"}, auth="Token x")
    )
    # then
    assert response.status_code == 400
    assert codes(response) == [("callbackUrl", "invalid-callback-url")]
    stored = Abonnement.objects.get()
    assert (stored.callback_url, stored.auth) == (receiver.url(), "Bearer abc123")
    assert [k.kanaal.naam for k in stored.kanalen.all()] == ["zaken"]


def test_patch_of_auth_is_checked_with_the_new_auth(api: ZGWClient, receiver: Receiver) -> None:
    data = create_abonnement(api, abonnement_body(receiver.url()))
    response = api.patch(data["url"], {"auth": "Bearer vernieuwd"})
    assert response.status_code == 200
    assert receiver.received[-1].authorization == "Bearer vernieuwd"
    assert Abonnement.objects.get().auth == "Bearer vernieuwd"


def test_without_the_setting_an_open_callback_is_accepted(api: ZGWClient, receiver: Receiver) -> None:
    response = api.post(f"{BASE}/abonnement", abonnement_body(receiver.url()))
    assert response.status_code == 201
    assert len(receiver.received) == 1  # no second call without auth


@override_settings(NOTIFICATIES_CALLBACK_AUTH_CHECK=True)
def test_auth_check_refuses_a_callback_that_accepts_anyone(api: ZGWClient, receiver: Receiver) -> None:
    response = api.post(f"{BASE}/abonnement", abonnement_body(receiver.url()))
    assert response.status_code == 400
    assert codes(response) == [("callbackUrl", "no-auth-on-callback-url")]
    assert [call.authorization for call in receiver.received] == ["Bearer abc123", None]
    assert not Abonnement.objects.exists()


@pytest.mark.parametrize("status", [401, 403])
@override_settings(NOTIFICATIES_CALLBACK_AUTH_CHECK=True)
def test_auth_check_accepts_a_callback_that_checks_auth(
    api: ZGWClient, receiver: Receiver, status: int
) -> None:
    receiver.status_without_auth = status
    response = api.post(f"{BASE}/abonnement", abonnement_body(receiver.url()))
    assert response.status_code == 201
