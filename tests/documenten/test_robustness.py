"""Property-based: whatever body a client sends to POST or PATCH an informatieobject, the answer is
a 2xx or a 4xx in the standard's format and matches the spec — never a 5xx."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import fuzz_send
from tests.documenten.factories import EIO, create_eio, informatieobjecttype
from tests.robustness import bodies
from tests.zgw import ZGWClient

SPEC = "documenten-1.7.0.yaml"
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture
def iot_url(api: ZGWClient) -> str:
    return str(informatieobjecttype(api)["url"])


@pytest.mark.django_db
@given(body=bodies(SPEC, "/enkelvoudiginformatieobjecten", "post"))
@FUZZ
def test_create(api: ZGWClient, iot_url: str, body: Any) -> None:
    if isinstance(body, dict) and "informatieobjecttype" in body:
        body = {**body, "informatieobjecttype": iot_url}
    fuzz_send(api, "POST", EIO, body)


@pytest.mark.django_db
@given(body=bodies(SPEC, "/enkelvoudiginformatieobjecten/{uuid}", "patch"))
@FUZZ
def test_patch(api: ZGWClient, iot_url: str, body: Any) -> None:
    eio = create_eio(api, iot_url)
    lock = api.post(f"{eio['url']}/lock").json_body["lock"]
    if isinstance(body, dict):
        body = {**body, "lock": lock}
    fuzz_send(api, "PATCH", eio["url"], body)
