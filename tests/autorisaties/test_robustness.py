"""Property-based: whatever body a client sends to POST or PATCH /applicaties, the answer is a
2xx or a 4xx in the standard's format that matches the spec (ZGWClient checks) — never a 5xx."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness import Json, bodies
from tests.zgw import ZGWClient, ZGWResponse

SPEC = "autorisaties-1.1.0.yaml"
BASE = "/autorisaties/api/v1"
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

ZAAKTYPE = "http://testserver/catalogi/api/v1/zaaktypen/4f3b9e2a-2d0c-4d6b-9a8e-0a6f8e0b6c1d"
# Autorisaties shaped like the rules expect, so that examples also reach ac-002/ac-003 and the
# database, not only the parser.
autorisatie = st.fixed_dictionaries(
    {
        "component": st.sampled_from(["ac", "nrc", "zrc", "ztc", "drc", "brc", "xx"]),
        "scopes": st.lists(
            st.sampled_from(
                ["zaken.lezen", "documenten.lezen", "besluiten.lezen", "notificaties.publiceren", ""]
            ),
            max_size=3,
        ),
    },
    optional={
        "zaaktype": st.sampled_from([ZAAKTYPE, "", "geen url", "http://x"]),
        "informatieobjecttype": st.sampled_from([ZAAKTYPE, "", "ftp://x/y"]),
        "besluittype": st.sampled_from([ZAAKTYPE, ""]),
        "maxVertrouwelijkheidaanduiding": st.sampled_from(["openbaar", "geheim", "", "x"]),
    },
)
shaped = st.fixed_dictionaries(
    {
        "clientIds": st.lists(st.sampled_from(["a", "b", "test-alles", "x" * 50, "x" * 51]), max_size=3),
        "label": st.text(max_size=101),
    },
    optional={
        "heeftAlleAutorisaties": st.booleans(),
        "alleenIsGereedVoorPublicatie": st.booleans(),
        "autorisaties": st.lists(autorisatie, max_size=3),
    },
)


def send(api: ZGWClient, method: str, url: str, body: Json) -> ZGWResponse:
    # json rather than orjson: arbitrary bodies hold integers beyond 64 bits
    return api.request(method, url, raw=json.dumps(body).encode())


def assert_handled(response: ZGWResponse) -> None:
    assert response.status_code < 500, response.content[:500]
    assert response.status_code in (200, 201, 400), response.content[:500]


@pytest.mark.django_db
@given(body=bodies(SPEC, "/applicaties", "post") | shaped)
@FUZZ
def test_create_applicatie(api: ZGWClient, body: Json) -> None:
    response = send(api, "POST", f"{BASE}/applicaties", body)
    assert_handled(response)
    if response.status_code == 201:
        api.delete(response.json_body["url"])


@pytest.mark.django_db
@given(body=bodies(SPEC, "/applicaties/{uuid}", "patch") | shaped)
@FUZZ
def test_patch_applicatie(api: ZGWClient, body: Json) -> None:
    listed = api.get(f"{BASE}/applicaties", clientIds="fuzz")
    if listed.json_body["count"]:
        url = listed.json_body["results"][0]["url"]
    else:
        url = api.post(
            f"{BASE}/applicaties", {"clientIds": ["fuzz"], "label": "Fuzz", "heeftAlleAutorisaties": True}
        ).json_body["url"]
    assert_handled(send(api, "PATCH", url, body))
    assert_handled(send(api, "PUT", url, body))
