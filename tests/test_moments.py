"""Every date-time a client sends, in a body or a query string, is one the database can store.

Offsets beyond ±15:59 and moments outside the calendar in UTC used to pass the parser and fail
in PostgreSQL (500). Each input is tried here with such values (400 naming the field), and no
request or query schema may declare a plain ``datetime`` that bypasses the check.
"""

from __future__ import annotations

import types
from datetime import datetime
from importlib import import_module
from typing import Annotated, Any, Union, get_args, get_origin
from urllib.parse import urlencode

import pytest
from django.conf import settings
from pydantic import AfterValidator, BaseModel

from tests.documenten.factories import create_eio, informatieobjecttype
from tests.zaken.factories import CRS
from tests.zgw import ZGWClient
from zaakwerk.api.moments import storable_moment
from zaakwerk.api.params import QuerySchema
from zaakwerk.api.schemas import RequestSchema

OUT_OF_RANGE = [
    "2024-03-01T10:00:00+16:00",
    "2024-03-01T10:00:00-23:59",
    "0001-01-01T00:30:00+01:00",
    "9999-12-31T23:30:00-01:00",
]

ZRC = "/zaken/api/v1"
DRC = "/documenten/api/v1"

# (method, path, body field or query parameter, is it a query parameter)
INPUTS = [
    ("POST", f"{ZRC}/zaken", "laatsteBetaaldatum", False),
    ("POST", f"{ZRC}/statussen", "datumStatusGezet", False),
    ("POST", f"{ZRC}/klantcontacten", "datumtijd", False),
    ("POST", f"{ZRC}/zaakinformatieobjecten", "vernietigingsdatum", False),
    *[
        ("GET", f"{ZRC}/zaaknotities", f"{name}{suffix}", True)
        for name in ("aanmaakdatum", "wijzigingsdatum")
        for suffix in ("", "__gt", "__gte", "__lt", "__lte")
    ],
    ("POST", f"{DRC}/gebruiksrechten", "startdatum", False),
    ("POST", f"{DRC}/gebruiksrechten", "einddatum", False),
    *[
        ("GET", f"{DRC}/gebruiksrechten", f"{name}__{op}", True)
        for name in ("startdatum", "einddatum")
        for op in ("lt", "lte", "gt", "gte")
    ],
    ("GET", "{eio}", "registratieOp", True),
    ("GET", "{eio}/download", "registratieOp", True),
    ("POST", "/notificaties/api/v1/notificaties", "aanmaakdatum", False),
]


@pytest.mark.django_db
@pytest.mark.parametrize("value", OUT_OF_RANGE)
@pytest.mark.parametrize(("method", "path", "name", "in_query"), INPUTS, ids=lambda v: str(v))
def test_an_unstorable_moment_is_a_400_naming_the_input(
    api: ZGWClient, method: str, path: str, name: str, in_query: bool, value: str
) -> None:
    # given
    if "{eio}" in path:
        path = path.format(eio=create_eio(api, informatieobjecttype(api)["url"])["url"])
    # POST /notificaties declares only its 200, so its 400 is checked here, not against the spec
    client = ZGWClient(api.token, validate=not path.startswith("/notificaties"))
    # when
    if in_query:
        response = client.request(method, f"{path}?{urlencode({name: value})}", headers=CRS)
    else:
        response = client.request(method, path, {name: value}, headers=CRS)
    # then
    assert response.status_code == 400, response.content
    params = {p["name"]: p["code"] for p in response.json_body["invalidParams"]}
    assert params.get(name) == "invalid", params


@pytest.mark.django_db
def test_the_widest_offsets_are_stored(api: ZGWClient) -> None:
    # given a document
    eio = create_eio(api, informatieobjecttype(api)["url"])
    # when its gebruiksrechten start at the edges of the offsets PostgreSQL accepts
    for moment in ("2024-03-01T10:00:00+15:59", "2024-03-01T10:00:00-15:59"):
        body = {"informatieobject": eio["url"], "startdatum": moment, "omschrijvingVoorwaarden": "Intern"}
        response = api.post(f"{DRC}/gebruiksrechten", body)
        # then they are stored, and shown in UTC
        assert response.status_code == 201, response.json_body
    shown = [r["startdatum"] for r in api.get(f"{DRC}/gebruiksrechten").json_body]
    assert sorted(shown) == ["2024-02-29T18:01:00Z", "2024-03-02T01:59:00Z"]


def _plain_datetime(annotation: Any, metadata: list[Any]) -> bool:
    """True when ``annotation`` contains a ``datetime`` without the storable-moment check."""
    if annotation is datetime:
        return not any(isinstance(m, AfterValidator) and m.func is storable_moment for m in metadata)
    if get_origin(annotation) is Annotated:
        inner, *extra = get_args(annotation)
        return _plain_datetime(inner, extra)
    if get_origin(annotation) in (Union, types.UnionType, list, dict, tuple, set):
        return any(_plain_datetime(arg, []) for arg in get_args(annotation))
    return False


def _subclasses(base: type[BaseModel]) -> list[type[BaseModel]]:
    found, pending = [], [base]
    while pending:
        for sub in pending.pop().__subclasses__():
            found.append(sub)
            pending.append(sub)
    return found


def test_no_request_or_query_schema_declares_a_plain_datetime() -> None:
    import_module(settings.ROOT_URLCONF)  # every register's endpoints and schemas
    schemas = _subclasses(RequestSchema) + _subclasses(QuerySchema)
    assert len(schemas) > 50  # the walk found the registers' schemas
    plain = [
        f"{schema.__module__}.{schema.__qualname__}.{name}"
        for schema in schemas
        for name, info in schema.model_fields.items()
        if _plain_datetime(info.annotation, list(info.metadata))
    ]
    assert plain == []
