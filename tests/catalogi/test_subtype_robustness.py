"""Property-based: whatever body a client sends to a sub-type's create or update, the answer
is a 2xx or a 4xx in the standard's format and matches the spec — never a 5xx."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import BASE, create, fuzz_send
from tests.catalogi.sub_types import concept_zaaktype, statustype_body
from tests.robustness import Json, bodies
from tests.zgw import ZGWClient

SPEC = "catalogi-1.3.3.yaml"
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
COLLECTIONS = (
    "statustypen",
    "roltypen",
    "resultaattypen",
    "eigenschappen",
    "zaaktype-informatieobjecttypen",
    "zaakobjecttypen",
)

pytestmark = pytest.mark.django_db


def _zaaktype(api: ZGWClient) -> str:
    existing = api.get(f"{BASE}/zaaktypen", status="concept").json_body["results"]
    return str(existing[0]["url"] if existing else concept_zaaktype(api)["url"])


def _aimed(body: Json, zaaktype: str) -> Json:
    """Half of the bodies name a real zaaktype, so they reach the business rules."""
    if isinstance(body, dict) and len(body) % 2 == 0:
        return {**body, "zaaktype": zaaktype}
    return body


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_robust_create(api: ZGWClient, collection: str) -> None:
    @given(body=bodies(SPEC, f"/{collection}", "post"))
    @FUZZ
    def run(body: Json) -> None:
        fuzz_send(api, "POST", f"{BASE}/{collection}", _aimed(body, _zaaktype(api)))

    run()


@given(body=bodies(SPEC, "/statustypen/{uuid}", "patch"))
@FUZZ
def test_robust_patch_statustype(api: ZGWClient, body: Json) -> None:
    zaaktype = _zaaktype(api)
    existing = api.get(f"{BASE}/statustypen", status="concept").json_body["results"]
    url = existing[0]["url"] if existing else create(api, "statustypen", statustype_body(zaaktype))["url"]
    fuzz_send(api, "PATCH", url, _aimed(body, zaaktype))
