"""Property-based, over every served schema: whatever a client sends to a collection, whatever query
string to a list, whatever claims in a signed token, the answer is never a 5xx, matches the spec, and
an error names only fields of what was sent (or of the standard's schemas), once each, in Dutch.

The per-register robustness tests drive the business rules with schema-shaped bodies on real
objects; these cover every operation a client can reach without an object's identifier.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import jwt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.catalogi.main_types import fuzz_send
from tests.contract import load_spec
from tests.robustness import Json, bodies, check_problem, json_values, moments
from tests.zaken.factories import CRS
from tests.zgw import ZGWClient
from zaakwerk.api.versions import APIS
from zaakwerk.autorisaties.clients import register_client

FUZZ = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))


def _collection_operations() -> Iterator[tuple[str, str, str, str]]:
    """(spec file, URL, spec path, method) of every write on a path without an identifier."""
    for segment, info in APIS.items():
        for path, item in load_spec(info.spec_file)["paths"].items():
            for method in ("post", "put", "patch"):
                if "{" not in path and "requestBody" in item.get(method, {}):
                    yield info.spec_file, f"/{segment}/api/v1{path}", path, method


def _list_operations() -> Iterator[tuple[str, list[str]]]:
    """(URL, declared query parameters) of every GET on a path without an identifier."""
    for segment, info in APIS.items():
        spec = load_spec(info.spec_file)
        for path, item in spec["paths"].items():
            operation = item.get("get")
            if "{" in path or operation is None:
                continue
            names = [p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"]
            yield f"/{segment}/api/v1{path}", names


WRITES = list(_collection_operations())
LISTS = list(_list_operations())


class _Sender:
    """Sends the CRS headers the Zaken API requires, so bodies reach the validation."""

    def __init__(self, api: ZGWClient) -> None:
        self.api = api

    def request(self, method: str, url: str, body: Any) -> Any:
        return self.api.request(method, url, body, headers=CRS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("spec_file", "url", "path", "method"), WRITES, ids=[f"{m} {u}" for _, u, _, m in WRITES]
)
@given(data=st.data())
@FUZZ
def test_any_body_to_any_collection(
    api: ZGWClient, spec_file: str, url: str, path: str, method: str, data: st.DataObject
) -> None:
    body: Json = data.draw(bodies(spec_file, path, method))
    # POST /notificaties declares only its 200; its errors are checked by check_problem alone
    client = api if url != "/notificaties/api/v1/notificaties" else ZGWClient(api.token, validate=False)
    fuzz_send(_Sender(client), method.upper(), url, body)  # type: ignore[arg-type]


def _query_values() -> st.SearchStrategy[str]:
    return st.text(max_size=20) | moments | st.integers().map(str) | st.sampled_from(["", "true", "1e400"])


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "names"), LISTS, ids=[u for u, _ in LISTS])
@given(data=st.data())
@FUZZ
def test_any_query_string_to_any_list(
    api: ZGWClient, url: str, names: list[str], data: st.DataObject
) -> None:
    keys = st.sampled_from(names) if names else st.just("onbekend")
    query = data.draw(st.dictionaries(keys | st.text(min_size=1, max_size=8), _query_values(), max_size=4))
    response = api.get(f"{url}?{urlencode(query)}", headers=CRS)
    assert response.status_code < 500, response.content[:500]
    check_problem(response, query)


SECRET = "een-geheim-van-voldoende-lengte-voor-hs256"
CLAIM_VALUES = json_values | st.integers() | st.floats() | st.text(max_size=300)


@pytest.mark.django_db
@given(
    iat=st.one_of(st.just("now"), CLAIM_VALUES),
    exp=st.one_of(st.just("absent"), st.just("future"), CLAIM_VALUES),
    user_id=st.one_of(st.just("absent"), CLAIM_VALUES),
    user_representation=st.one_of(st.just("absent"), CLAIM_VALUES),
)
@FUZZ
def test_any_claims_in_a_signed_token(
    db: None, iat: Json, exp: Json, user_id: Json, user_representation: Json
) -> None:
    register_client("claims-fuzz", SECRET, all_authorizations=True)
    now = int(time.time())
    claims: dict[str, Any] = {"client_id": "claims-fuzz", "iat": now if iat == "now" else iat}
    for name, value in (("exp", exp), ("user_id", user_id), ("user_representation", user_representation)):
        if value != "absent":
            claims[name] = now + 600 if value == "future" else value
    try:
        token = jwt.encode(claims, SECRET, algorithm="HS256")
    except (TypeError, ValueError, OverflowError):  # not JSON PyJWT can write (NaN is, and is sent)
        return
    response = ZGWClient(token).get("/catalogi/api/v1/catalogussen")
    assert response.status_code in (200, 401), response.content[:300]
    check_problem(response)
