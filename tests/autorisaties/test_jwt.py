"""The JWT layer end to end (RULES.md 1.6), against a Catalogi endpoint.

Missing or invalid credentials → 401 ``not_authenticated``; a valid token without the needed
scope → 403 ``permission_denied`` (ADR "401 for credentials, 403 for scopes").
"""

from __future__ import annotations

import base64
import time
from typing import TYPE_CHECKING, Any

import jwt
import orjson
import pytest

from tests.zgw import ZGWClient, ZGWResponse, client_with, make_token
from zaakwerk.autorisaties.clients import delete_client, register_client
from zaakwerk.autorisaties.models import ApiClient

if TYPE_CHECKING:
    from pytest_django import Settings

URL = "/catalogi/api/v1/catalogussen"
AC = "/autorisaties/api/v1"
SECRET = "een-geheim-van-voldoende-lengte-voor-hs256"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _jwt_settings(settings: Settings) -> None:
    settings.JWT_LEEWAY = 300
    settings.JWT_MAX_AGE = 3600


@pytest.fixture
def client_id(db: None) -> str:
    register_client("jwt-client", SECRET, all_authorizations=True)
    return "jwt-client"


def get(token: str | None = None, header: str | None = None) -> ZGWResponse:
    client = ZGWClient(token)
    headers = {"Authorization": header} if header is not None else None
    return client.get(URL, headers=headers)


def assert_refused(response: ZGWResponse) -> None:
    assert response.status_code == 401, response.content
    assert response.json_body["code"] == "not_authenticated"
    assert response["Content-Type"] == "application/problem+json"


def b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(data)).rstrip(b"=").decode()


def test_valid_token(client_id: str) -> None:
    assert get(make_token(client_id, SECRET)).status_code == 200


def test_bad_signature(client_id: str) -> None:
    assert_refused(get(make_token(client_id, "een-ander-geheim-van-voldoende-lengte")))


def test_tampered_payload(client_id: str) -> None:
    header, _, signature = make_token(client_id, SECRET).split(".")
    forged = b64({"client_id": client_id, "iat": int(time.time()), "user_id": "admin"})
    assert_refused(get(f"{header}.{forged}.{signature}"))


def test_alg_none(client_id: str) -> None:
    payload = {"client_id": client_id, "iss": client_id, "iat": int(time.time())}
    unsigned = f"{b64({'typ': 'JWT', 'alg': 'none'})}.{b64(payload)}."
    assert_refused(get(unsigned))
    # PyJWT takes "" as the absent key of alg "none"
    assert_refused(get(jwt.encode(payload, "", algorithm="none")))


def test_other_algorithm(client_id: str) -> None:
    assert_refused(get(make_token(client_id, SECRET, alg="HS512")))


def test_unknown_client_id(client_id: str) -> None:
    assert_refused(get(make_token("onbekend", SECRET)))


def test_missing_client_id(client_id: str) -> None:
    token = jwt.encode({"iss": client_id, "iat": int(time.time())}, SECRET, algorithm="HS256")
    assert_refused(get(token))
    token = jwt.encode({"client_id": "", "iat": int(time.time())}, SECRET, algorithm="HS256")
    assert_refused(get(token))


def test_missing_iat(client_id: str) -> None:
    assert_refused(get(jwt.encode({"client_id": client_id}, SECRET, algorithm="HS256")))


@pytest.mark.parametrize("iat", ["gisteren", None, True, [1]])
def test_iat_not_a_number(client_id: str, iat: object) -> None:
    assert_refused(get(jwt.encode({"client_id": client_id, "iat": iat}, SECRET, algorithm="HS256")))


@pytest.mark.parametrize("literal", [b"NaN", b"Infinity", b"-Infinity", b"1e400"])
def test_iat_not_finite(client_id: str, literal: bytes) -> None:
    # Python's JSON reader accepts these literals; NaN would pass every age comparison.
    header = b64({"typ": "JWT", "alg": "HS256"})
    payload = (
        base64.urlsafe_b64encode(b'{"client_id": "jwt-client", "iat": ' + literal + b"}")
        .rstrip(b"=")
        .decode()
    )
    signing_input = f"{header}.{payload}".encode()
    signature = jwt.api_jws.get_algorithm_by_name("HS256").sign(signing_input, SECRET.encode())
    token = f"{header}.{payload}.{base64.urlsafe_b64encode(signature).rstrip(b'=').decode()}"
    assert_refused(get(token))


def test_iat_too_old(client_id: str) -> None:
    assert get(make_token(client_id, SECRET, iat=time.time() - 3600 + 60)).status_code == 200
    assert_refused(get(make_token(client_id, SECRET, iat=time.time() - 3600 - 300 - 60)))


def test_iat_in_the_future(client_id: str) -> None:
    # within the leeway (the OAS suite's variant sends iat = now + 257 s)
    assert get(make_token(client_id, SECRET, iat=time.time() + 257)).status_code == 200
    assert_refused(get(make_token(client_id, SECRET, iat=time.time() + 300 + 120)))


def test_expired_exp(client_id: str) -> None:
    assert_refused(get(make_token(client_id, SECRET, exp=int(time.time()) - 300 - 60)))


@pytest.mark.parametrize(
    "header",
    [
        "",
        "Bearer",
        "Bearer ",
        "Token abc",
        "Basic dXNlcjpwYXNz",
        "Bearer not-a-jwt",
        "Bearer a.b.c",
        "Bearer ....",
    ],
)
def test_malformed_header(client_id: str, header: str) -> None:
    assert_refused(get(header=header))


def test_no_header(client_id: str) -> None:
    assert_refused(get())


def test_valid_token_without_scope_is_403() -> None:
    client = client_with("geen-catalogi", autorisaties=[{"component": "zrc", "scopes": ["zaken.lezen"]}])
    response = client.get(URL)
    assert response.status_code == 403
    assert response.json_body["code"] == "permission_denied"


def test_client_without_applicatie_is_403(db: None) -> None:
    register_client("zonder-applicatie", SECRET)
    response = get(make_token("zonder-applicatie", SECRET))
    assert response.status_code == 403 and response.json_body["code"] == "permission_denied"


def test_authorisation_changes_apply_on_the_next_request(api: ZGWClient) -> None:
    # given a client that may read the catalogue
    reader = client_with("lezer", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen"]}])
    assert reader.get(URL).status_code == 200
    applicatie = api.get(f"{AC}/applicaties/consumer", clientId="lezer").json_body[0]["url"]
    # when its autorisaties are replaced through the API
    changed = api.patch(
        applicatie, {"autorisaties": [{"component": "ztc", "scopes": ["catalogi.schrijven"]}]}
    )
    assert changed.status_code == 200
    # then the very next request is refused
    assert reader.get(URL).status_code == 403
    # and given back
    api.patch(applicatie, {"autorisaties": [{"component": "ztc", "scopes": ["catalogi.lezen"]}]})
    assert reader.get(URL).status_code == 200
    # deleting the applicatie leaves a known client without authorisations
    api.delete(applicatie)
    assert reader.get(URL).status_code == 403


def test_secret_changes_apply_on_the_next_request(client_id: str) -> None:
    old = make_token(client_id, SECRET)
    assert get(old).status_code == 200
    register_client(client_id, "een-nieuw-geheim-van-voldoende-lengte")
    assert_refused(get(old))
    assert get(make_token(client_id, "een-nieuw-geheim-van-voldoende-lengte")).status_code == 200
    delete_client(ApiClient.objects.get(client_id=client_id))
    assert_refused(get(make_token(client_id, "een-nieuw-geheim-van-voldoende-lengte")))


def test_secret_is_stored_encrypted(client_id: str) -> None:
    stored = ApiClient.objects.get(client_id=client_id)
    assert SECRET not in stored.secret_encrypted
    assert base64.urlsafe_b64encode(SECRET.encode()).decode() not in stored.secret_encrypted
    assert stored.get_secret() == SECRET


def test_secret_encrypted_with_another_key_is_refused(client_id: str, settings: Settings) -> None:
    settings.SECRET_KEY = "een-andere-sleutel"
    assert ApiClient.objects.get(client_id=client_id).get_secret() is None


def test_a_token_accepted_before_is_checked_again(client_id: str, settings: Settings) -> None:
    token = make_token(client_id, SECRET)
    assert get(token).status_code == 200
    assert get(token).status_code == 200  # the verified signature is remembered
    settings.JWT_MAX_AGE = 0
    settings.JWT_LEEWAY = -60
    assert_refused(get(token))  # its age is still checked on every request
    settings.JWT_MAX_AGE = 3600
    settings.JWT_LEEWAY = 300
    assert get(token).status_code == 200
    delete_client(ApiClient.objects.get(client_id=client_id))
    assert_refused(get(token))  # a deleted client's remembered token no longer counts
