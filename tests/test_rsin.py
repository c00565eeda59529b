"""Every RSIN field of the registers must hold a valid RSIN: nine digits that pass the 11-proef."""

from __future__ import annotations

import pytest

from tests.zaken.factories import CRS
from tests.zgw import ZGWClient
from zaakwerk.core.rsin import rsin_problem

# (path, field path in the body, the body around the field)
FIELDS = [
    ("/zaken/api/v1/zaken", "bronorganisatie", {}),
    ("/zaken/api/v1/zaken", "verantwoordelijkeOrganisatie", {}),
    ("/zaken/api/v1/zaaknummer_reserveren", "bronorganisatie", {}),
    ("/documenten/api/v1/enkelvoudiginformatieobjecten", "bronorganisatie", {}),
    ("/besluiten/api/v1/besluiten", "verantwoordelijkeOrganisatie", {}),
    ("/catalogi/api/v1/catalogussen", "rsin", {}),
    ("/catalogi/api/v1/zaaktypen", "broncatalogus.rsin", {"url": "https://ztc.example/c/1", "domein": "X"}),
]

BAD = [
    ("123456789", "invalid"),  # fails the 11-proef
    ("12345678", "invalid-length"),
    ("12345678a", "only-digits"),
    ("１２３４５６７８２", "only-digits"),  # full-width digits are digits to Python, not to the standard
]


@pytest.mark.django_db
@pytest.mark.parametrize(("value", "code"), BAD)
@pytest.mark.parametrize(("path", "field", "around"), FIELDS)
def test_an_invalid_rsin_is_refused(
    api: ZGWClient, path: str, field: str, around: dict[str, str], value: str, code: str
) -> None:
    # given a body with only the RSIN field (inside its group where it has one)
    *group, name = field.split(".")
    body: dict[str, object] = {name: value}
    for part in reversed(group):
        body = {part: {**around, **body}}
    # when
    response = api.post(path, body, headers=CRS)
    # then
    assert response.status_code == 400, response.content
    found = {p["name"]: p["code"] for p in response.json_body["invalidParams"]}
    assert found.get(field) == code, found


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("517439943", None),
        ("002220647", None),
        ("000000000", None),  # passes the arithmetic; the VNG conformance suites send it
        ("245122461", None),
        ("123456782", None),
        ("123456789", "invalid"),
        ("", "only-digits"),
        ("5174399430", "invalid-length"),
    ],
)
def test_rsin_problem(value: str, problem: str | None) -> None:
    found = rsin_problem(value)
    assert (found[0] if found else None) == problem
