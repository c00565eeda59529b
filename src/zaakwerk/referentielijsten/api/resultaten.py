"""``/resultaten``: the Selectielijst's resultaten (selectielijstklassen), paginated, filtered on
``proces_type`` (the 0.6.0 spec spells this parameter in snake_case)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.params import QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.core.errors import FieldError
from zaakwerk.core.references import uuid_from_url
from zaakwerk.referentielijsten import queries
from zaakwerk.referentielijsten.api.common import found, page_of, path_uuid
from zaakwerk.referentielijsten.representations import API, render_resultaat

router = Router(tags=["resultaten"])


class ResultaatQuery(QuerySchema):
    proces_type: str | None = Field(None, alias="proces_type")


@router.get("/resultaten")
def list_resultaten(request: HttpRequest) -> HttpResponse:
    query = parse_query(request, ResultaatQuery)
    procestype = None
    if query.proces_type:
        procestype = uuid_from_url(query.proces_type, API, "procestypen")
        if procestype is None:
            raise ApiValidationError(
                [FieldError("proces_type", "invalid", "Geef de URL van een procestype van deze API op.")]
            )
    rows = queries.resultaten(procestype=procestype)
    return json_response(page_of(request, rows, render_resultaat))


@router.get("/resultaten/{uuid}")
def read_resultaat(request: HttpRequest, uuid: str) -> HttpResponse:
    return json_response(render_resultaat(found(queries.resultaat(path_uuid(uuid)))))
