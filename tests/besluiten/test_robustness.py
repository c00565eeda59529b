"""Property-based: whatever body a client sends to the Besluiten API, the answer is a 2xx or a 4xx
in the standard's format and matches the spec — never a 5xx."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.besluiten.helpers import BASE, Types, create_besluit
from tests.catalogi.main_types import fuzz_send
from tests.robustness import bodies
from tests.zgw import ZGWClient

SPEC = "besluiten-1.1.0.yaml"
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
BESLUITTYPE = "http://testserver/catalogi/api/v1/besluittypen/x"


@pytest.mark.django_db
@given(body=bodies(SPEC, "/besluiten", "post"))
@FUZZ
def test_create_besluit(api: ZGWClient, catalogue: Types, body: Any) -> None:
    fuzz_send(api, "POST", f"{BASE}/besluiten", body)


@pytest.mark.django_db
@given(body=bodies(SPEC, "/besluiten", "post", {"besluittype": BESLUITTYPE}))
@FUZZ
def test_create_besluit_shaped(api: ZGWClient, catalogue: Types, body: Any) -> None:
    if isinstance(body, dict) and "besluittype" in body:
        body = {**body, "besluittype": catalogue.besluittype}
    fuzz_send(api, "POST", f"{BASE}/besluiten", body)


@pytest.mark.django_db
@given(body=bodies(SPEC, "/besluiten/{uuid}", "patch"))
@FUZZ
def test_patch_besluit(api: ZGWClient, catalogue: Types, body: Any) -> None:
    besluit = create_besluit(api, catalogue.other)
    fuzz_send(api, "PATCH", besluit["url"], body)


@pytest.mark.django_db
@given(body=bodies(SPEC, "/besluitinformatieobjecten", "post"))
@FUZZ
def test_create_besluitinformatieobject(api: ZGWClient, body: Any) -> None:
    fuzz_send(api, "POST", f"{BASE}/besluitinformatieobjecten", body)
