"""Input that used to reach a 500: each case answers a 4xx with the standard's error body.

Oversized bodies (413), nesting deeper than any ZGW document (400), more query parameters than a
request may carry (400), moments PostgreSQL cannot store (400), and tokens whose claims cannot
be used (401).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import pytest

from tests.catalogi.main_types import catalogus, iot_body
from tests.documenten.factories import EIO, b64, eio_body, informatieobjecttype
from tests.documenten.test_content import download
from tests.zaken.factories import BASE, CRS
from tests.zgw import ZGWClient, ZGWResponse, make_token
from zaakwerk.autorisaties.clients import register_client
from zaakwerk.core.models import AuditTrail

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db

SECRET = "een-geheim-van-voldoende-lengte-voor-hs256"


def assert_problem(response: ZGWResponse, status: int) -> dict[str, Any]:
    """A ``Fout`` (and for 400 a ``ValidatieFout``) body with ``status``; returns the body."""
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    body: dict[str, Any] = response.json_body
    assert {"type", "code", "title", "status", "detail", "instance"} <= body.keys()
    assert body["status"] == status
    if status == 400:
        assert isinstance(body["invalidParams"], list)
    return body


# --- request size --------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)  # contents are published when the transaction commits
def test_a_document_with_two_megabytes_of_inhoud_is_accepted(api: ZGWClient) -> None:
    # given a document whose inhoud is 2 MB before base64 (about 2.7 MB of JSON)
    iot = informatieobjecttype(api)["url"]
    inhoud = os.urandom(2 * 1024 * 1024)
    body = eio_body(iot, inhoud=b64(inhoud), bestandsomvang=len(inhoud))
    # when
    response = api.post(EIO, body)
    # then
    assert response.status_code == 201, response.content[:500]
    assert download(api, response.json_body["url"]) == (200, inhoud)


def test_a_body_over_the_limit_is_a_413_that_points_at_bestandsdelen(
    api: ZGWClient, settings: Settings
) -> None:
    # given a limit of 1 MiB
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    iot = informatieobjecttype(api)["url"]
    body = eio_body(iot, inhoud="A" * (1024 * 1024 + 4))
    # when
    response = api.post(EIO, body)
    # then
    problem = assert_problem(response, 413)
    assert problem["code"] == "request_too_large"
    assert "bestandsdelen" in problem["detail"]
    assert "1 MiB" in problem["detail"]


# --- structure -----------------------------------------------------------------------------------


def test_json_nested_a_thousand_deep_is_a_400(api: ZGWClient) -> None:
    # given
    nested = b"[" * 1000 + b"]" * 1000
    raw = b'{"zaaktype": ' + nested + b"}"
    # when
    response = api.post(f"{BASE}/zaken", raw=raw, headers=CRS)
    # then
    problem = assert_problem(response, 400)
    assert problem["code"] == "parse_error"


def test_json_nested_just_under_the_parser_limit_is_a_400(api: ZGWClient) -> None:
    raw = b'{"kenmerken": ' + b'{"a": ' * 900 + b"1" + b"}" * 900 + b"}"
    response = api.post(f"{BASE}/zaken", raw=raw, headers=CRS)
    assert assert_problem(response, 400)["code"] == "parse_error"


def test_more_than_a_thousand_query_parameters_is_a_400(api: ZGWClient) -> None:
    query = "&".join(f"p{i}=1" for i in range(1100))
    response = api.get(f"/catalogi/api/v1/catalogussen?{query}")
    problem = assert_problem(response, 400)
    assert problem["invalidParams"][0]["code"] == "too-many-parameters"


# --- tokens --------------------------------------------------------------------------------------


@pytest.fixture
def client_id(db: None) -> str:
    register_client("claims-client", SECRET, all_authorizations=True)
    return "claims-client"


def _status_with(client_id: str, **claims: Any) -> ZGWResponse:
    return ZGWClient(make_token(client_id, SECRET, **claims)).get("/catalogi/api/v1/catalogussen")


@pytest.mark.parametrize("iat", [10**400, -(10**400)], ids=["huge", "huge-negative"])
def test_an_iat_beyond_any_float_is_a_401(client_id: str, iat: int) -> None:
    import jwt

    token = jwt.encode({"client_id": client_id, "iat": iat}, SECRET, algorithm="HS256")
    response = ZGWClient(token).get("/catalogi/api/v1/catalogussen")
    assert assert_problem(response, 401)["code"] == "not_authenticated"


@pytest.mark.parametrize(
    "exp",
    ["4102444800", "morgen", None, True, [1], 10**400, float("nan")],
    ids=["numeric-string", "text", "null", "boolean", "list", "huge", "nan"],
)
def test_an_unusable_exp_is_a_401(client_id: str, exp: Any) -> None:
    response = _status_with(client_id, exp=exp)
    assert assert_problem(response, 401)["code"] == "not_authenticated"


def test_a_numeric_future_exp_is_accepted(client_id: str) -> None:
    import time

    assert _status_with(client_id, exp=time.time() + 600).status_code == 200


def _write_with(client_id: str, api: ZGWClient, **claims: Any) -> ZGWResponse:
    """Create an informatieobjecttype (an audited write) with a token carrying ``claims``."""
    body = iot_body(catalogus(api, domein="CLM"))
    client = ZGWClient(make_token(client_id, SECRET, **claims))
    return client.post("/catalogi/api/v1/informatieobjecttypen", body)


@pytest.mark.parametrize("claim", ["user_id", "user_representation"])
def test_a_user_claim_longer_than_the_audit_trail_holds_is_a_401(
    client_id: str, api: ZGWClient, claim: str
) -> None:
    # given a token whose user claim has 256 characters (the audit trail's fields hold 255)
    claims = {claim: "x" * 256}
    # when it writes
    response = _write_with(client_id, api, **claims)
    # then nothing is written and the client is told which claim is too long
    problem = assert_problem(response, 401)
    assert problem["code"] == "not_authenticated"
    assert claim in problem["detail"]
    assert not AuditTrail.objects.filter(resource="informatieobjecttype").exists()


def test_a_user_claim_of_255_characters_is_recorded_whole(client_id: str, api: ZGWClient) -> None:
    response = _write_with(client_id, api, user_id="i" * 255, user_representation="r" * 255)
    assert response.status_code == 201, response.content
    line = AuditTrail.objects.get(resource="informatieobjecttype")
    assert (line.gebruikers_id, line.gebruikers_weergave) == ("i" * 255, "r" * 255)


@pytest.mark.parametrize("claim", ["user_id", "user_representation"])
def test_a_user_claim_with_a_nul_character_is_a_401(client_id: str, claim: str) -> None:
    response = _status_with(client_id, **{claim: "a\x00b"})
    assert assert_problem(response, 401)["code"] == "not_authenticated"


def test_nul_characters_in_keys_and_values_are_one_entry_per_field(api: ZGWClient) -> None:
    body = {"a\x00": 1, "b\x00": 2, "omschrijving": "x\x00", "kenmerken": [{"": "\x00"}]}
    response = api.post(f"{BASE}/zaken", body, headers=CRS)
    problem = assert_problem(response, 400)
    assert [(p["name"], p["code"]) for p in problem["invalidParams"]] == [
        ("nonFieldErrors", "null_characters_not_allowed"),
        ("omschrijving", "null_characters_not_allowed"),
        ("kenmerken.0.", "null_characters_not_allowed"),
    ]
