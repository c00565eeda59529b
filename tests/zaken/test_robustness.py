"""Property-based: whatever body a client sends to POST /zaken or PATCH /zaken/{uuid}, the answer
is a 2xx or a 4xx in the standard's format and matches the spec — never a 5xx."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import fuzz_send
from tests.robustness import bodies
from tests.zaken.factories import BASE, CRS, create_zaak, zaaktype
from tests.zgw import ZGWClient

SPEC = "zaken-1.7.0.yaml"
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


class CrsClient:
    """Sends the CRS headers the Zaken API requires, so bodies reach the validation."""

    def __init__(self, api: ZGWClient) -> None:
        self.api = api

    def request(self, method: str, url: str, body: Any) -> Any:
        return self.api.request(method, url, body, headers=CRS)


@pytest.fixture
def zaaktype_url(api: ZGWClient) -> str:
    return str(zaaktype(api)["url"])


@pytest.mark.django_db
@given(body=bodies(SPEC, "/zaken", "post"))
@FUZZ
def test_create_zaak(api: ZGWClient, zaaktype_url: str, body: Any) -> None:
    fuzz_send(CrsClient(api), "POST", f"{BASE}/zaken", body)  # type: ignore[arg-type]


@pytest.mark.django_db
@given(body=bodies(SPEC, "/zaken", "post", {"zaaktype": "http://testserver/catalogi/api/v1/zaaktypen/x"}))
@FUZZ
def test_create_zaak_shaped(api: ZGWClient, zaaktype_url: str, body: Any) -> None:
    if isinstance(body, dict) and "zaaktype" in body:
        body = {**body, "zaaktype": zaaktype_url}
    fuzz_send(CrsClient(api), "POST", f"{BASE}/zaken", body)  # type: ignore[arg-type]


@pytest.mark.django_db
@given(body=bodies(SPEC, "/zaken/{uuid}", "patch"))
@FUZZ
def test_patch_zaak(api: ZGWClient, zaaktype_url: str, body: Any) -> None:
    zaak = create_zaak(api, zaaktype_url)
    fuzz_send(CrsClient(api), "PATCH", zaak["url"], body)  # type: ignore[arg-type]
