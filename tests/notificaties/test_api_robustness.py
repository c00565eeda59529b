"""Property-based: whatever body a client sends to the Notificaties API, the answer is a 2xx or a
4xx in the standard's format and matches the spec — never a 5xx."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, assume, given, settings

from tests.catalogi.main_types import fuzz_send
from tests.contract import check_response
from tests.notificaties.api_helpers import (
    BASE,
    SPEC,
    Receiver,
    abonnement_body,
    check_error_body,
    create_abonnement,
    running_receiver,
)
from tests.robustness import bodies
from tests.zgw import ZGWClient

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
CALLBACK = "http://127.0.0.1:9/callback"  # replaced by the receiver's URL below


@pytest.fixture(scope="module")
def webhook() -> Iterator[Receiver]:
    """One receiver for all examples: generated callback URLs are pointed at it, never elsewhere."""
    with running_receiver() as running:
        yield running


def _to_receiver(body: Any, webhook: Receiver) -> Any:
    if isinstance(body, dict) and "callbackUrl" in body:
        return {**body, "callbackUrl": webhook.url()}
    return body


@pytest.mark.django_db
@given(body=bodies(SPEC, "/kanaal", "post"))
@FUZZ
def test_create_kanaal(api: ZGWClient, body: Any) -> None:
    fuzz_send(api, "POST", f"{BASE}/kanaal", body)


@pytest.mark.django_db
@given(body=bodies(SPEC, "/kanaal/{uuid}", "put"))
@FUZZ
def test_replace_kanaal(api: ZGWClient, body: Any) -> None:
    # the extension (ADR 0014), on this deployment's own kanaal and on another one
    kanalen = api.get(f"{BASE}/kanaal").json_body
    for kanaal in (kanalen[0], next(k for k in kanalen if k["naam"] == "zaken")):
        fuzz_send(api, "PUT", kanaal["url"], body)


@pytest.mark.django_db
@given(body=bodies(SPEC, "/abonnement", "post", {"callbackUrl": CALLBACK}))
@FUZZ
def test_create_abonnement(api: ZGWClient, webhook: Receiver, body: Any) -> None:
    fuzz_send(api, "POST", f"{BASE}/abonnement", _to_receiver(body, webhook))


@pytest.mark.django_db
@given(body=bodies(SPEC, "/abonnement/{uuid}", "patch", {"callbackUrl": CALLBACK}))
@FUZZ
def test_patch_abonnement(api: ZGWClient, webhook: Receiver, body: Any) -> None:
    url = create_abonnement(api, abonnement_body(webhook.url()))["url"]
    fuzz_send(api, "PATCH", url, _to_receiver(body, webhook))


@pytest.mark.django_db
@given(body=bodies(SPEC, "/notificaties", "post", {"kanaal": "zaken"}))
@FUZZ
def test_post_notificatie(api: ZGWClient, body: Any) -> None:
    try:
        orjson.dumps(body)
    except TypeError:  # integers beyond 64 bits: not JSON this client can send
        assume(False)
    # the operation declares only its 200: a 4xx is checked against the spec's error schemas
    response = ZGWClient(api.token, validate=False).post(f"{BASE}/notificaties", body)
    assert response.status_code in (200, 400), response.content[:500]
    if response.status_code == 400:
        check_error_body(response)
    else:
        check_response(
            "POST", f"{BASE}/notificaties", 200, response.headers["Content-Type"], response.content
        )
