"""``/resultaattypeomschrijvingen``: the generic descriptions of resultaattypen, a plain array."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from zaakwerk.api.params import NoQuery
from zaakwerk.api.responses import json_response
from zaakwerk.referentielijsten import queries
from zaakwerk.referentielijsten.api.common import found, path_uuid, unpaginated_query
from zaakwerk.referentielijsten.representations import render_resultaattypeomschrijving

router = Router(tags=["resultaattypeomschrijvingen"])


@router.get("/resultaattypeomschrijvingen")
def list_resultaattypeomschrijvingen(request: HttpRequest) -> HttpResponse:
    unpaginated_query(request, NoQuery)
    return json_response(
        [render_resultaattypeomschrijving(row) for row in queries.resultaattypeomschrijvingen()]
    )


@router.get("/resultaattypeomschrijvingen/{uuid}")
def read_resultaattypeomschrijving(request: HttpRequest, uuid: str) -> HttpResponse:
    row = found(queries.resultaattypeomschrijving(path_uuid(uuid)))
    return json_response(render_resultaattypeomschrijving(row))
