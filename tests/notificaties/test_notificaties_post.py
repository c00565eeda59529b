"""``POST /notificaties``: checked against the kanaal, queued for exactly the matching abonnementen,
answered with the message unchanged."""

from __future__ import annotations

from typing import Any

import pytest

from tests.notificaties.api_helpers import (
    BASE,
    Receiver,
    abonnement_body,
    check_error_body,
    create_abonnement,
    message,
)
from tests.zgw import ZGWClient
from zaakwerk.notificaties.models import Abonnement, Delivery, Notificatie

pytestmark = pytest.mark.django_db

ORGANISATIE = "002220647"


def _abonnement(api: ZGWClient, receiver: Receiver, path: str, *kanalen: dict[str, Any]) -> str:
    return str(create_abonnement(api, abonnement_body(receiver.url(path), *kanalen))["url"])


def _unchecked(api: ZGWClient) -> ZGWClient:
    """The same caller without the automatic spec check: the operation declares only its 200."""
    client = ZGWClient(api.token, validate=False)
    return client


def test_message_is_returned_unchanged_and_stored(api: ZGWClient) -> None:
    # given
    body = message()
    # when
    response = api.post(f"{BASE}/notificaties", body)
    # then
    assert response.status_code == 200
    assert response.json_body == body
    stored = Notificatie.objects.get()
    assert stored.message == body
    assert (stored.kanaal, stored.source) == ("zaken", "api")


def test_kenmerken_may_be_left_out(api: ZGWClient) -> None:
    body = message("autorisaties", resource="applicatie")
    del body["kenmerken"]
    response = api.post(f"{BASE}/notificaties", body)
    assert response.status_code == 200
    assert response.json_body == body


def test_deliveries_for_exactly_the_matching_abonnementen(api: ZGWClient, receiver: Receiver) -> None:
    # given
    everything = _abonnement(api, receiver, "/alles", {"naam": "zaken"})
    star = _abonnement(api, receiver, "/ster", {"naam": "zaken", "filters": {"bronorganisatie": "*"}})
    exact = _abonnement(
        api,
        receiver,
        "/exact",
        {
            "naam": "zaken",
            "filters": {"bronorganisatie": ORGANISATIE, "vertrouwelijkheidaanduiding": "openbaar"},
        },
    )
    _abonnement(api, receiver, "/ander", {"naam": "zaken", "filters": {"bronorganisatie": "245122461"}})
    _abonnement(api, receiver, "/besluiten", {"naam": "besluiten"})
    # one abonnement on two kanalen, matching on the second
    both = _abonnement(
        api,
        receiver,
        "/beide",
        {"naam": "besluiten"},
        {"naam": "zaken", "filters": {"vertrouwelijkheidaanduiding": "openbaar", "zaaktype": "*"}},
    )
    # when
    response = api.post(
        f"{BASE}/notificaties",
        message(
            kenmerken={
                "bronorganisatie": ORGANISATIE,
                "zaaktype": "x",
                "vertrouwelijkheidaanduiding": "openbaar",
            }
        ),
    )
    # then
    assert response.status_code == 200
    notificatie = Notificatie.objects.get()
    delivered_to = {
        Abonnement.objects.get(pk=d.abonnement_id).url
        for d in Delivery.objects.filter(notificatie=notificatie)
    }
    assert delivered_to == {everything, star, exact, both}


def test_a_filter_on_a_kenmerk_the_message_lacks_does_not_match(api: ZGWClient, receiver: Receiver) -> None:
    _abonnement(api, receiver, "/exact", {"naam": "zaken", "filters": {"zaaktype": "http://z/1"}})
    api.post(f"{BASE}/notificaties", message(kenmerken={"bronorganisatie": ORGANISATIE}))
    assert not Delivery.objects.exists()


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ({"kanaal": "bestaat-niet"}, [("kanaal", "message_kanaal")]),
        ({"kenmerken": {"wijk": "Noord"}}, [("kenmerken", "kenmerken_inconsistent")]),
        (
            {"kanaal": "autorisaties", "kenmerken": {"bronorganisatie": "1"}},
            [("kenmerken", "kenmerken_inconsistent")],
        ),
        ({"hoofdObject": "geen-url"}, [("hoofdObject", "invalid")]),
        ({"aanmaakdatum": "gisteren"}, [("aanmaakdatum", "invalid")]),
        ({"aanmaakdatum": "2024-13-01T00:00:00Z"}, [("aanmaakdatum", "invalid")]),
        ({"kenmerken": {"zaaktype": ""}}, [("kenmerken.zaaktype", "blank")]),
        ({"kanaal": None}, [("kanaal", "null")]),
    ],
)
def test_invalid_message(api: ZGWClient, override: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    # when
    response = _unchecked(api).post(f"{BASE}/notificaties", {**message(), **override})
    # then
    assert response.status_code == 400
    check_error_body(response)
    assert [(p["name"], p["code"]) for p in response.json_body["invalidParams"]] == expected
    assert not Notificatie.objects.exists()


def test_missing_fields(api: ZGWClient) -> None:
    response = _unchecked(api).post(f"{BASE}/notificaties", {"kanaal": "zaken"})
    assert response.status_code == 400
    check_error_body(response)
    assert {p["name"] for p in response.json_body["invalidParams"]} == {
        "hoofdObject",
        "resource",
        "resourceUrl",
        "actie",
        "aanmaakdatum",
    }
