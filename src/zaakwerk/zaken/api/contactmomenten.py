"""``/zaakcontactmomenten``: list, create, read, delete (Zaken API 1.7.0).

The contactmoment is a URL into the Contactmomenten API: checked to be a URL, not fetched
(docs/adr/0009-external-references-in-zaken.md).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.etag import detail_response
from zaakwerk.api.params import NoQuery, QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body
from zaakwerk.zaken.access import access_zaak
from zaakwerk.zaken.api.common import READ, UPDATE, caller_with
from zaakwerk.zaken.api.schemas import RequiredUrl
from zaakwerk.zaken.api.sub_common import find, visible, zaak_from_url, zaak_lookup
from zaakwerk.zaken.models import ZaakContactMoment
from zaakwerk.zaken.services.contactmomenten import create_zaakcontactmoment, delete_zaakcontactmoment
from zaakwerk.zaken.subresource_representations import render_zaakcontactmomenten

router = Router(tags=["zaakcontactmomenten"])


class ZaakContactMomentIn(RequestSchema):
    zaak: RequiredUrl
    contactmoment: RequiredUrl


class ZaakContactMomentQuery(QuerySchema):
    zaak: str | None = Field(None, max_length=1000)
    contactmoment: str | None = Field(None, max_length=1000)


@router.get("/zaakcontactmomenten")
def list_zaakcontactmomenten(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ZaakContactMomentQuery)
    lookups = zaak_lookup(query.zaak)
    if query.contactmoment is not None:
        lookups["contactmoment"] = query.contactmoment
    rows = visible(caller, ZaakContactMoment.objects.filter(**lookups), READ).order_by("id")
    return json_response(render_zaakcontactmomenten(list(rows)))


@router.post("/zaakcontactmomenten")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, UPDATE)
    body = parse_body(request, ZaakContactMomentIn)
    zaak = zaak_from_url(caller, body.zaak, scope=UPDATE)
    row = create_zaakcontactmoment(zaak, body.contactmoment, caller.actor(request))
    data = render_zaakcontactmomenten([row])[0]
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.get("/zaakcontactmomenten/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    parse_query(request, NoQuery)
    row = find(ZaakContactMoment.objects.select_related("zaak"), uuid)
    access_zaak(caller, row.zaak.uuid, scope=READ)
    return detail_response(request, render_zaakcontactmomenten([row])[0])


@router.delete("/zaakcontactmomenten/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE)
    row = find(ZaakContactMoment.objects.select_related("zaak"), uuid)
    access_zaak(caller, row.zaak.uuid, scope=UPDATE)
    delete_zaakcontactmoment(row, caller.actor(request))
    return HttpResponse(status=204)
