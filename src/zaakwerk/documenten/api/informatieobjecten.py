"""``/enkelvoudiginformatieobjecten``: list, create, read, update, delete (Documenten API 1.7.0)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.etag import detail_response
from zaakwerk.api.params import QuerySchema, csv_list, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import parse_body, parse_partial
from zaakwerk.api.type_rights import require_type_right
from zaakwerk.documenten.access import access_informatieobject, may_access, visible_informatieobjecten
from zaakwerk.documenten.api import listing
from zaakwerk.documenten.api.common import (
    CREATE,
    DELETE,
    FORCED_UPDATE,
    READ,
    UPDATE,
    VersionQuery,
    caller_with,
    select_version,
)
from zaakwerk.documenten.api.relations import expanded
from zaakwerk.documenten.api.schemas import InformatieObjectIn, InformatieObjectWithLockIn
from zaakwerk.documenten.models.choices import ObjectType
from zaakwerk.documenten.representations import render_latest, render_versies
from zaakwerk.documenten.services.informatieobjecten import (
    create_informatieobject,
    delete_informatieobject,
    update_informatieobject,
)

router = Router(tags=["enkelvoudiginformatieobjecten"])


class ListQuery(QuerySchema):
    identificatie: str | None = Field(None, max_length=40)
    bronorganisatie: str | None = Field(None, max_length=9)
    objectinformatieobjecten_object: str | None = Field(None, max_length=1000)
    objectinformatieobjecten_object_type: ObjectType | None = Field(
        None, alias="objectinformatieobjecten_objectType"
    )
    trefwoorden: str | None = Field(None, max_length=1000)
    expand: str | None = Field(None, max_length=1000)


class DetailQuery(VersionQuery):
    expand: str | None = Field(None, max_length=1000)


@router.get("/enkelvoudiginformatieobjecten")
def list_informatieobjecten(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ListQuery)
    rows = visible_informatieobjecten(caller, READ)
    filtered = query.model_dump(exclude={"expand"}, exclude_none=True)
    if query.identificatie is not None:
        rows = rows.filter(latest__identificatie=query.identificatie)
    if query.bronorganisatie is not None:
        rows = rows.filter(latest__bronorganisatie=query.bronorganisatie)
    if query.objectinformatieobjecten_object is not None:
        rows = rows.filter(objectinformatieobjecten__object=query.objectinformatieobjecten_object)
    if query.objectinformatieobjecten_object_type is not None:
        rows = rows.filter(
            objectinformatieobjecten__object_type=query.objectinformatieobjecten_object_type
        ).distinct()
    for trefwoord in csv_list(query.trefwoorden):
        rows = listing.with_trefwoord(rows, trefwoord)
    # without filters the kept counts say how many documents there are, and where a page starts
    page = listing.page(request, rows, known=None if filtered else listing.kept(caller, READ))
    expanded(caller, page["results"], query.expand)
    return json_response(page)


@router.post("/enkelvoudiginformatieobjecten")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, CREATE)
    require_type_right(caller, request, component="drc", scope=CREATE, field="informatieobjecttype")
    body = parse_body(request, InformatieObjectIn)
    values = body.to_values()
    # the caller must be allowed the document it asks for (informatieobjecttype, vertrouwelijkheid)
    eio = create_informatieobject(
        values, body.inhoud, caller.actor(request), allowed=lambda versie: may_access(caller, versie, CREATE)
    )
    data = render_latest(eio, lock=eio.lock)
    data["lock"] = eio.lock
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.api_operation(["GET", "HEAD"], "/enkelvoudiginformatieobjecten/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, DetailQuery)
    eio = access_informatieobject(caller, uuid, scope=READ)
    versie = select_version(eio, query)
    return detail_response(request, expanded(caller, render_versies([versie])[0], query.expand))


@router.api_operation(["PUT", "PATCH"], "/enkelvoudiginformatieobjecten/{uuid}")
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE, FORCED_UPDATE)
    eio = access_informatieobject(caller, uuid, scope=(UPDATE, FORCED_UPDATE))
    if request.method == "PUT":
        body = parse_body(request, InformatieObjectWithLockIn)
        fields = set(InformatieObjectIn.model_fields)
        if body.inhoud is None and "bestandsomvang" not in body.model_fields_set:
            fields.discard("bestandsomvang")  # no new content sent: the version keeps its file
        changes, lock, inhoud = body.to_values(fields), body.lock, body.inhoud
    else:
        partial, sent = parse_partial(request, InformatieObjectWithLockIn)
        changes, lock, inhoud = partial.to_values(sent), partial.lock, partial.inhoud
    eio = update_informatieobject(
        eio,
        changes,
        inhoud,
        lock,
        caller.actor(request),
        partial=request.method == "PATCH",
        allowed=lambda versie: any(may_access(caller, versie, s) for s in (UPDATE, FORCED_UPDATE)),
    )
    return json_response(render_latest(eio, lock=eio.lock))


@router.delete("/enkelvoudiginformatieobjecten/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, DELETE)
    eio = access_informatieobject(caller, uuid, scope=DELETE)
    delete_informatieobject(eio, caller.actor(request))
    return HttpResponse(status=204)
