"""``/objectinformatieobjecten``: list (plain array), create, read, delete (RULES.md 1.13, 4.5).

The Zaken and Besluiten registers of this deployment keep these in step in-process; a client
that calls these endpoints gets the checks of drc-002..004 (:mod:`..services.objectinformatieobjecten`).
Visible exactly when their document is.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.etag import detail_response
from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body
from zaakwerk.documenten.api.common import CREATE, DELETE, READ, caller_with
from zaakwerk.documenten.api.relations import (
    ExpandQuery,
    expanded,
    filter_informatieobject,
    informatieobject_for,
    row_for,
    visible,
)
from zaakwerk.documenten.models import ObjectInformatieObject
from zaakwerk.documenten.models.choices import ObjectType
from zaakwerk.documenten.representations_relations import render_objectinformatieobject
from zaakwerk.documenten.services.objectinformatieobjecten import (
    create_objectinformatieobject,
    delete_objectinformatieobject,
)

router = Router(tags=["objectinformatieobjecten"])
PATH = "/objectinformatieobjecten/{uuid}"


class ListQuery(ExpandQuery):
    object: str | None = Field(None, max_length=1000)
    informatieobject: str | None = Field(None, max_length=1000)


class ObjectInformatieObjectIn(RequestSchema):
    """``ObjectInformatieObjectRequest``."""

    informatieobject: str = Field(min_length=1, max_length=1000)
    object: str = Field(min_length=1, max_length=1000)
    object_type: ObjectType


@router.get("/objectinformatieobjecten")
def list_objectinformatieobjecten(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ListQuery)
    rows = visible(ObjectInformatieObject.objects.select_related("informatieobject"), caller, READ)
    rows = filter_informatieobject(rows, query.informatieobject)
    if query.object is not None:
        rows = rows.filter(object=query.object)
    data = [render_objectinformatieobject(oio) for oio in rows.order_by("id")]
    return json_response(expanded(caller, data, query.expand))


@router.post("/objectinformatieobjecten")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, CREATE)
    parse_query(request, NoQuery)
    body = parse_body(request, ObjectInformatieObjectIn)
    eio = informatieobject_for(caller, body.informatieobject, CREATE)
    oio = create_objectinformatieobject(
        eio, body.object, body.object_type.value, caller.actor(request), registered=False
    )
    data = render_objectinformatieobject(oio)
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.api_operation(["GET", "HEAD"], PATH)
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ExpandQuery)
    oio = row_for(ObjectInformatieObject.objects.all(), caller, uuid, READ)
    return detail_response(request, expanded(caller, render_objectinformatieobject(oio), query.expand))


@router.delete(PATH)
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, DELETE)
    parse_query(request, NoQuery)
    oio = row_for(ObjectInformatieObject.objects.all(), caller, uuid, DELETE)
    delete_objectinformatieobject(oio, caller.actor(request), registered=False)
    return HttpResponse(status=204)
