"""``/kanaal``: list (filter ``naam``), create, read (Notificaties API 1.0.1; no pagination), and
register again (``PUT /kanaal/{uuid}``, an extension served from ``extension_spec.yaml``)."""

from __future__ import annotations

import uuid as uuid_lib

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.params import QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import parse_body
from zaakwerk.core.errors import NotFound
from zaakwerk.notificaties.api.common import PUBLICEREN, READ, caller_with
from zaakwerk.notificaties.api.schemas import KanaalIn
from zaakwerk.notificaties.models import Kanaal
from zaakwerk.notificaties.services.kanalen import create_kanaal, render_kanaal, update_kanaal

router = Router(tags=["kanaal"])


class KanaalQuery(QuerySchema):
    naam: str | None = Field(None, max_length=50)


@router.get("/kanaal")
def list_kanalen(request: HttpRequest) -> HttpResponse:
    caller_with(request, *READ)
    query = parse_query(request, KanaalQuery)
    rows = Kanaal.objects.order_by("naam")
    if query.naam is not None:
        rows = rows.filter(naam=query.naam)
    return json_response([render_kanaal(kanaal) for kanaal in rows])


@router.post("/kanaal")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, PUBLICEREN)
    body = parse_body(request, KanaalIn)
    data = render_kanaal(create_kanaal(body.to_data(), caller.actor(request)))
    return json_response(data, status=201, headers={"Location": data["url"]})


def _kanaal(uuid: str) -> Kanaal:
    try:
        key = uuid_lib.UUID(uuid)
    except ValueError:
        raise NotFound() from None
    kanaal = Kanaal.objects.filter(uuid=key).first()
    if kanaal is None:
        raise NotFound()
    return kanaal


@router.get("/kanaal/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller_with(request, *READ)
    return json_response(render_kanaal(_kanaal(uuid)))


@router.put("/kanaal/{uuid}")
def replace(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, PUBLICEREN)
    kanaal = _kanaal(uuid)
    body = parse_body(request, KanaalIn)
    return json_response(render_kanaal(update_kanaal(kanaal, body.to_data(), caller.actor(request))))
