"""``/procestypen``: the Selectielijst's procestypen, a plain array filtered on ``jaar``."""

from __future__ import annotations

from typing import Annotated

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import BeforeValidator

from zaakwerk.api.params import QuerySchema
from zaakwerk.api.responses import json_response
from zaakwerk.referentielijsten import queries
from zaakwerk.referentielijsten.api.common import found, path_uuid, unpaginated_query
from zaakwerk.referentielijsten.representations import render_procestype

router = Router(tags=["procestypen"])


def _blank_is_none(value: object) -> object:
    # ``?jaar=`` filters on nothing, as an empty filter field does in the reference implementation.
    return None if value == "" else value


class ProcesTypeQuery(QuerySchema):
    jaar: Annotated[int | None, BeforeValidator(_blank_is_none)] = None


@router.get("/procestypen")
def list_procestypen(request: HttpRequest) -> HttpResponse:
    query = unpaginated_query(request, ProcesTypeQuery)
    return json_response([render_procestype(row) for row in queries.procestypen(jaar=query.jaar)])


@router.get("/procestypen/{uuid}")
def read_procestype(request: HttpRequest, uuid: str) -> HttpResponse:
    return json_response(render_procestype(found(queries.procestype(path_uuid(uuid)))))
