"""``/besluiten``: list, create, read, update, delete (Besluiten API 1.1.0, RULES.md 5)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.etag import detail_response
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import parse_body, parse_partial
from zaakwerk.besluiten.access import access_besluit, may_access, visible_besluiten
from zaakwerk.besluiten.api import expansion
from zaakwerk.besluiten.api.common import CREATE, DELETE, READ, UPDATE, caller_with
from zaakwerk.besluiten.api.schemas import BesluitIn, Url
from zaakwerk.besluiten.representations import render_besluit, render_besluiten
from zaakwerk.besluiten.services.besluiten import create_besluit, delete_besluit, update_besluit
from zaakwerk.core.errors import PermissionDenied

router = Router(tags=["besluiten"])


class BesluitQuery(QuerySchema):
    identificatie: str | None = Field(None, max_length=50)
    verantwoordelijke_organisatie: str | None = Field(
        None, alias="verantwoordelijkeOrganisatie", max_length=9
    )
    besluittype: Url | None = None
    zaak: Url | None = None
    expand: str | None = Field(None, max_length=1000)


class DetailQuery(QuerySchema):
    expand: str | None = Field(None, max_length=1000)


@router.get("/besluiten")
def list_besluiten(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, BesluitQuery)
    rows = visible_besluiten(caller, READ)
    for column in ("identificatie", "verantwoordelijke_organisatie", "besluittype", "zaak"):
        value = getattr(query, column)
        if value is not None:
            rows = rows.filter(**{column: value})
    result = paginate(request, rows.order_by("id"), render_besluiten)
    expansion.expand(caller, result["results"], query.expand)
    return json_response(result)


@router.post("/besluiten")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, CREATE)
    body = parse_body(request, BesluitIn)
    # autorisaties are per besluittype: one the caller may not create is refused before any check
    if not may_access(caller, body.besluittype, CREATE):
        raise PermissionDenied()
    besluit = create_besluit(body.to_values(), caller.actor(request))
    data = render_besluit(besluit)
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.get("/besluiten/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, DetailQuery)
    data = render_besluit(access_besluit(caller, uuid, scope=READ))
    expansion.expand(caller, [data], query.expand)
    return detail_response(request, data)


@router.api_operation(["PUT", "PATCH"], "/besluiten/{uuid}")
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE)
    besluit = access_besluit(caller, uuid, scope=UPDATE)
    if request.method == "PUT":
        changes = parse_body(request, BesluitIn).to_values()
    else:
        partial, sent = parse_partial(request, BesluitIn)
        changes = partial.to_values(sent)
    besluit = update_besluit(besluit, changes, caller.actor(request), partial=request.method == "PATCH")
    return json_response(render_besluit(besluit))


@router.delete("/besluiten/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, DELETE)
    besluit = access_besluit(caller, uuid, scope=DELETE)
    delete_besluit(besluit, caller.actor(request))
    return HttpResponse(status=204)
