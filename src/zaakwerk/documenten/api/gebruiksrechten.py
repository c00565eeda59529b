"""``/gebruiksrechten``: list (plain array), create, read, update, delete (RULES.md 4.6, drc-006).

Visible exactly when their document is (:mod:`zaakwerk.documenten.access`).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.etag import detail_response
from zaakwerk.api.moments import DateTime
from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body, parse_partial
from zaakwerk.core.values import only
from zaakwerk.documenten.api.common import CREATE, DELETE, READ, UPDATE, caller_with
from zaakwerk.documenten.api.relations import (
    ExpandQuery,
    expanded,
    filter_informatieobject,
    informatieobject_for,
    row_for,
    visible,
)
from zaakwerk.documenten.models import Gebruiksrecht
from zaakwerk.documenten.representations_relations import render_gebruiksrecht
from zaakwerk.documenten.services.gebruiksrechten import (
    create_gebruiksrecht,
    delete_gebruiksrecht,
    update_gebruiksrecht,
)
from zaakwerk.documenten.services.inputs import GebruiksrechtValues

router = Router(tags=["gebruiksrechten"])
PATH = "/gebruiksrechten/{uuid}"


class ListQuery(ExpandQuery):
    informatieobject: str | None = Field(None, max_length=1000)
    startdatum__lt: DateTime | None = None
    startdatum__lte: DateTime | None = None
    startdatum__gt: DateTime | None = None
    startdatum__gte: DateTime | None = None
    einddatum__lt: DateTime | None = None
    einddatum__lte: DateTime | None = None
    einddatum__gt: DateTime | None = None
    einddatum__gte: DateTime | None = None


class GebruiksrechtIn(RequestSchema):
    """``GebruiksrechtenRequest``."""

    informatieobject: str = Field(min_length=1, max_length=1000)
    startdatum: DateTime
    einddatum: DateTime | None = None
    omschrijving_voorwaarden: str = Field(min_length=1)

    def to_values(self, fields: set[str] | None = None) -> GebruiksrechtValues:
        """Service input: model field values (all, or only ``fields`` for PATCH); the document apart."""
        values: GebruiksrechtValues = {
            "startdatum": self.startdatum,
            "einddatum": self.einddatum,
            "omschrijving_voorwaarden": self.omschrijving_voorwaarden,
        }
        return only(values, fields) if fields is not None else values


@router.get("/gebruiksrechten")
def list_gebruiksrechten(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ListQuery)
    rows = visible(Gebruiksrecht.objects.select_related("informatieobject"), caller, READ)
    rows = filter_informatieobject(rows, query.informatieobject)
    for name, value in query.model_dump(exclude={"informatieobject", "expand"}, exclude_none=True).items():
        rows = rows.filter(**{name: value})
    data = [render_gebruiksrecht(recht) for recht in rows.order_by("id")]
    return json_response(expanded(caller, data, query.expand))


@router.post("/gebruiksrechten")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, CREATE)
    parse_query(request, NoQuery)
    body = parse_body(request, GebruiksrechtIn)
    eio = informatieobject_for(caller, body.informatieobject, CREATE)
    recht = create_gebruiksrecht(eio, body.to_values(), caller.actor(request))
    data = render_gebruiksrecht(recht)
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.api_operation(["GET", "HEAD"], PATH)
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ExpandQuery)
    recht = row_for(Gebruiksrecht.objects.all(), caller, uuid, READ)
    return detail_response(request, expanded(caller, render_gebruiksrecht(recht), query.expand))


@router.api_operation(["PUT", "PATCH"], PATH)
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE)
    parse_query(request, NoQuery)
    recht = row_for(Gebruiksrecht.objects.all(), caller, uuid, UPDATE)
    if request.method == "PUT":
        body = parse_body(request, GebruiksrechtIn)
        sent = set(type(body).model_fields)
    else:
        body, sent = parse_partial(request, GebruiksrechtIn)
    eio = informatieobject_for(caller, body.informatieobject, UPDATE) if "informatieobject" in sent else None
    recht = update_gebruiksrecht(
        recht, eio, body.to_values(sent), caller.actor(request), partial=request.method == "PATCH"
    )
    return json_response(render_gebruiksrecht(recht))


@router.delete(PATH)
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, DELETE)
    parse_query(request, NoQuery)
    recht = row_for(Gebruiksrecht.objects.all(), caller, uuid, DELETE)
    delete_gebruiksrecht(recht, caller.actor(request))
    return HttpResponse(status=204)
