"""Property-based: whatever body a client sends to a Catalogi write, the answer is a 2xx or a
4xx in the standard's format and matches the spec — never a 5xx (ZGWClient checks the spec)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.robustness import Json, bodies
from tests.zgw import ZGWClient, ZGWResponse

SPEC = "catalogi-1.3.3.yaml"
BASE = "/catalogi/api/v1"
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def assert_handled(response: ZGWResponse) -> None:
    assert response.status_code < 500, response.content[:500]


@pytest.mark.django_db(transaction=False)
@given(body=bodies(SPEC, "/catalogussen", "post"))
@FUZZ
def test_create_catalogus(api: ZGWClient, body: Json) -> None:
    assert_handled(api.post(f"{BASE}/catalogussen", body))


@pytest.mark.django_db
@given(body=bodies(SPEC, "/catalogussen/{uuid}", "patch"))
@FUZZ
def test_patch_catalogus(api: ZGWClient, body: Json) -> None:
    created = api.post(
        f"{BASE}/catalogussen",
        {"domein": "FUZZ", "rsin": "002220647", "contactpersoonBeheerNaam": "X"},
    )
    url = (
        created.json_body["url"]
        if created.status_code == 201
        else api.get(f"{BASE}/catalogussen", domein="FUZZ").json_body["results"][0]["url"]
    )
    assert_handled(api.patch(url, body))
