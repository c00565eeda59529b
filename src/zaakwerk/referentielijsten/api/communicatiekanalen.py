"""``/communicatiekanalen``: the channels through which a zaak can come in, paginated."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.referentielijsten import queries
from zaakwerk.referentielijsten.api.common import found, page_of, path_uuid
from zaakwerk.referentielijsten.representations import render_communicatiekanaal

router = Router(tags=["communicatiekanalen"])


@router.get("/communicatiekanalen")
def list_communicatiekanalen(request: HttpRequest) -> HttpResponse:
    parse_query(request, NoQuery)
    return json_response(page_of(request, queries.communicatiekanalen(), render_communicatiekanaal))


@router.get("/communicatiekanalen/{uuid}")
def read_communicatiekanaal(request: HttpRequest, uuid: str) -> HttpResponse:
    return json_response(render_communicatiekanaal(found(queries.communicatiekanaal(path_uuid(uuid)))))
