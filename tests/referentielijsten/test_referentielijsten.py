"""Resultaattypeomschrijvingen and communicatiekanalen through the API, and what all the
Referentielijsten endpoints share (no authentication, errors in the standard's format)."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from openapi_schema_validator import OAS30Validator

from tests.contract import FORMATS, load_spec
from tests.referentielijsten import fixtures
from tests.referentielijsten.fixtures import BASE
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db


def assert_validatiefout(body: bytes) -> dict[str, Any]:
    """For list operations whose spec declares no 400: the body is still a ``ValidatieFout``."""
    spec = load_spec("referentielijsten-0.6.0.yaml")
    schema = {"$ref": "#/components/schemas/ValidatieFout", "components": spec["components"]}
    data: dict[str, Any] = orjson.loads(body)
    OAS30Validator(schema, format_checker=FORMATS).validate(data)
    return data


# --- resultaattypeomschrijvingen -----------------------------------------------------------------


def test_resultaattypeomschrijvingen_is_a_plain_array(anonymous: ZGWClient) -> None:
    response = anonymous.get(f"{BASE}/resultaattypeomschrijvingen")
    assert response.status_code == 200
    assert response.json_body == [
        {
            "url": fixtures.url("resultaattypeomschrijvingen", row["uuid"]),
            "omschrijving": row["omschrijving"],
            "definitie": row["definitie"],
            "opmerking": row["opmerking"],
        }
        for row in fixtures.resultaattypeomschrijvingen()
    ]


def test_conformance_suite_resultaattypeomschrijving(anonymous: ZGWClient) -> None:
    # The VNG suite hard-codes this URL (RULES.md 8).
    response = anonymous.get(f"{BASE}/resultaattypeomschrijvingen/{fixtures.AFGEWEZEN}")
    assert response.status_code == 200
    assert response.json_body["url"] == fixtures.url("resultaattypeomschrijvingen", fixtures.AFGEWEZEN)
    assert response.json_body["omschrijving"] == "Afgewezen"


@pytest.mark.parametrize("uuid", ["00000000-0000-4000-8000-000000000000", "afgewezen"])
def test_unknown_resultaattypeomschrijving_is_404(anonymous: ZGWClient, uuid: str) -> None:
    response = anonymous.get(f"{BASE}/resultaattypeomschrijvingen/{uuid}")
    assert response.status_code == 404
    assert response.json_body["code"] == "not_found"


@pytest.mark.parametrize("query", [{"omschrijving": "Afgewezen"}, {"page": "1"}])
def test_resultaattypeomschrijvingen_refuse_unknown_parameters(query: dict[str, str], db: None) -> None:
    response = ZGWClient(None).get(f"{BASE}/resultaattypeomschrijvingen", **query)
    assert response.status_code == 400
    body = assert_validatiefout(response.content)
    assert [p["code"] for p in body["invalidParams"]] == ["unknown-parameters"]


# --- communicatiekanalen -------------------------------------------------------------------------


def test_communicatiekanalen_are_paginated(anonymous: ZGWClient) -> None:
    kanalen = fixtures.communicatiekanalen()
    response = anonymous.get(f"{BASE}/communicatiekanalen")
    assert response.status_code == 200
    assert response.json_body == {
        "count": len(kanalen),
        "next": None,
        "previous": None,
        "results": [
            {
                "url": fixtures.url("communicatiekanalen", row["uuid"]),
                "naam": row["naam"],
                "omschrijving": row["omschrijving"],
            }
            for row in kanalen
        ],
    }
    assert anonymous.get(f"{BASE}/communicatiekanalen", page="1").json_body == response.json_body
    assert anonymous.get(f"{BASE}/communicatiekanalen", page="2").status_code == 404


def test_communicatiekanaal_detail(anonymous: ZGWClient) -> None:
    item = anonymous.get(f"{BASE}/communicatiekanalen").json_body["results"][1]
    response = anonymous.get(item["url"])
    assert response.status_code == 200
    assert response.json_body == item


def test_unknown_communicatiekanaal_is_404(anonymous: ZGWClient) -> None:
    response = anonymous.get(f"{BASE}/communicatiekanalen/00000000-0000-4000-8000-000000000000")
    assert response.status_code == 404
    assert response.json_body["code"] == "not_found"


def test_communicatiekanalen_refuse_unknown_parameters(db: None) -> None:
    response = ZGWClient(None).get(f"{BASE}/communicatiekanalen", naam="E-mail")
    assert response.status_code == 400
    body = assert_validatiefout(response.content)
    assert [(p["name"], p["code"]) for p in body["invalidParams"]] == [
        ("nonFieldErrors", "unknown-parameters")
    ]


# --- shared ----------------------------------------------------------------------------------------


def test_every_url_is_unique(anonymous: ZGWClient) -> None:
    uuids = [
        row["uuid"]
        for rows in (
            fixtures.procestypen(),
            fixtures.resultaten(),
            fixtures.resultaattypeomschrijvingen(),
            fixtures.communicatiekanalen(),
        )
        for row in rows
    ]
    assert len(uuids) == len(set(uuids))


@pytest.mark.parametrize(
    "path",
    ["procestypen", "resultaten", "resultaattypeomschrijvingen", "communicatiekanalen"],
)
def test_no_authentication_needed_and_a_token_is_ignored(path: str, db: None) -> None:
    anonymous = ZGWClient(None).get(f"{BASE}/{path}")
    with_bad_token = ZGWClient("niet-een-jwt").get(f"{BASE}/{path}")
    assert anonymous.status_code == with_bad_token.status_code == 200
    assert anonymous.json_body == with_bad_token.json_body


def test_writes_are_not_allowed(db: None) -> None:
    client = ZGWClient(None, validate=False)
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(f"{BASE}/resultaattypeomschrijvingen/{fixtures.AFGEWEZEN}")
        assert response.status_code == 405
        assert response.json_body["code"] == "method_not_allowed"
    assert client.get(f"{BASE}/resultaattypeomschrijvingen/{fixtures.AFGEWEZEN}").status_code == 200


def test_schema_is_served(anonymous: ZGWClient) -> None:
    response = anonymous.get(f"{BASE}/openapi.yaml")
    assert response.status_code == 200
    assert b"/resultaattypeomschrijvingen/{uuid}" in response.content
