"""Catalogussen through the API, validated against catalogi-1.3.3.yaml."""

from __future__ import annotations

import pytest

from tests.zgw import ZGWClient, client_with
from zaakwerk.catalogi.models import Catalogus

BASE = "/catalogi/api/v1"
BODY = {
    "domein": "ZWT",
    "rsin": "002220647",
    "contactpersoonBeheerNaam": "Beheer Zaakwerk",
    "naam": "Testcatalogus",
}

pytestmark = pytest.mark.django_db


def test_create_read_list(api: ZGWClient) -> None:
    # when
    created = api.post(f"{BASE}/catalogussen", BODY)
    # then
    assert created.status_code == 201, created.json_body
    assert created["Location"] == created.json_body["url"]
    assert created["API-version"] == "1.3.3"
    read = api.get(created.json_body["url"])
    assert read.status_code == 200
    assert read.json_body["naam"] == "Testcatalogus"
    assert read.json_body["zaaktypen"] == []
    listed = api.get(f"{BASE}/catalogussen", rsin="002220647")
    assert listed.json_body["count"] == 1
    assert api.get(f"{BASE}/catalogussen", rsin="000000000").json_body["count"] == 0


def test_etag_and_head(api: ZGWClient) -> None:
    url = api.post(f"{BASE}/catalogussen", BODY).json_body["url"]
    first = api.get(url)
    etag = first["ETag"]
    assert api.get(url, headers={"If-None-Match": etag}).status_code == 304
    head = api.head(url)
    assert head.status_code == 200 and head.content == b"" and head["ETag"] == etag
    api.patch(url, {"naam": "Anders"})
    assert api.get(url, headers={"If-None-Match": etag}).status_code == 200


def test_patch_and_put(api: ZGWClient) -> None:
    url = api.post(f"{BASE}/catalogussen", BODY).json_body["url"]
    patched = api.patch(url, {"versie": "2"})
    assert patched.status_code == 200
    assert patched.json_body["versie"] == "2"
    assert patched.json_body["naam"] == "Testcatalogus"
    put = api.put(url, {**BODY, "naam": "Nieuw"})
    assert put.status_code == 200 and put.json_body["naam"] == "Nieuw" and put.json_body["versie"] == ""


@pytest.mark.parametrize(
    ("body", "name", "code"),
    [
        ({k: v for k, v in BODY.items() if k != "domein"}, "domein", "required"),
        ({**BODY, "domein": "TOOLONG"}, "domein", "max_length"),
        ({**BODY, "rsin": "12345678a"}, "rsin", "only-digits"),
        ({**BODY, "rsin": "123456789"}, "rsin", "invalid"),
        (
            {**BODY, "contactpersoonBeheerEmailadres": "geen-email"},
            "contactpersoonBeheerEmailadres",
            "invalid",
        ),
        ({**BODY, "begindatumVersie": "gisteren"}, "begindatumVersie", "invalid"),
        ({**BODY, "domein": None}, "domein", "null"),
    ],
)
def test_invalid_input(api: ZGWClient, body: dict[str, object], name: str, code: str) -> None:
    response = api.post(f"{BASE}/catalogussen", body)
    assert response.status_code == 400
    assert {"name": name, "code": code} in [
        {"name": p["name"], "code": p["code"]} for p in response.json_body["invalidParams"]
    ]
    assert Catalogus.objects.count() == 0


def test_malformed_json_is_400(api: ZGWClient) -> None:
    response = api.post(f"{BASE}/catalogussen", raw=b"{not json")
    assert response.status_code == 400
    assert response.json_body["code"] == "parse_error"


def test_duplicate_domein_rsin(api: ZGWClient) -> None:
    api.post(f"{BASE}/catalogussen", BODY)
    again = api.post(f"{BASE}/catalogussen", BODY)
    assert again.status_code == 400
    assert again.json_body["invalidParams"][0]["code"] == "unique"


def test_unknown_query_parameter(api: ZGWClient) -> None:
    response = api.get(f"{BASE}/catalogussen", foo="bar")
    assert response.status_code == 400
    assert response.json_body["invalidParams"][0]["code"] == "unknown-parameters"


def test_not_found(api: ZGWClient) -> None:
    assert api.get(f"{BASE}/catalogussen/00000000-0000-4000-8000-000000000000").status_code == 404
    assert api.get(f"{BASE}/catalogussen/not-a-uuid").status_code == 404


def test_scopes(db: None) -> None:
    reader = client_with("lezer", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen"]}])
    assert reader.get(f"{BASE}/catalogussen").status_code == 200
    refused = reader.post(f"{BASE}/catalogussen", BODY)
    assert refused.status_code == 403
    assert refused.json_body["code"] == "permission_denied"


def test_without_token(anonymous: ZGWClient) -> None:
    response = anonymous.get(f"{BASE}/catalogussen")
    assert response.status_code == 401
    assert response.json_body["code"] == "not_authenticated"
