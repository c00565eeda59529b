"""``/zaakverzoeken``: list, create, read, delete (Zaken API 1.7.0).

The verzoek is a URL into the Verzoeken API: checked to be a URL, not fetched
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
from zaakwerk.zaken.models import ZaakVerzoek
from zaakwerk.zaken.services.verzoeken import create_zaakverzoek, delete_zaakverzoek
from zaakwerk.zaken.subresource_representations import render_zaakverzoeken

router = Router(tags=["zaakverzoeken"])


class ZaakVerzoekIn(RequestSchema):
    zaak: RequiredUrl
    verzoek: RequiredUrl


class ZaakVerzoekQuery(QuerySchema):
    zaak: str | None = Field(None, max_length=1000)
    verzoek: str | None = Field(None, max_length=1000)


@router.get("/zaakverzoeken")
def list_zaakverzoeken(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ZaakVerzoekQuery)
    lookups = zaak_lookup(query.zaak)
    if query.verzoek is not None:
        lookups["verzoek"] = query.verzoek
    rows = visible(caller, ZaakVerzoek.objects.filter(**lookups), READ).order_by("id")
    return json_response(render_zaakverzoeken(list(rows)))


@router.post("/zaakverzoeken")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, UPDATE)
    body = parse_body(request, ZaakVerzoekIn)
    zaak = zaak_from_url(caller, body.zaak, scope=UPDATE)
    row = create_zaakverzoek(zaak, body.verzoek, caller.actor(request))
    data = render_zaakverzoeken([row])[0]
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.get("/zaakverzoeken/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    parse_query(request, NoQuery)
    row = find(ZaakVerzoek.objects.select_related("zaak"), uuid)
    access_zaak(caller, row.zaak.uuid, scope=READ)
    return detail_response(request, render_zaakverzoeken([row])[0])


@router.delete("/zaakverzoeken/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE)
    row = find(ZaakVerzoek.objects.select_related("zaak"), uuid)
    access_zaak(caller, row.zaak.uuid, scope=UPDATE)
    delete_zaakverzoek(row, caller.actor(request))
    return HttpResponse(status=204)
