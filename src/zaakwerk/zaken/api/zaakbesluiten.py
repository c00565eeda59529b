"""``/zaken/{zaak_uuid}/besluiten``: the besluiten of a zaak (Zaken API 1.7.0, brc-006).

Only the Besluiten API is meant to write here (RULES.md 1.13); reads are for every client that
may read the zaak.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.params import QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body
from zaakwerk.core.errors import NotFound
from zaakwerk.zaken.access import access_zaak, may_access
from zaakwerk.zaken.api import expansion
from zaakwerk.zaken.api.common import FORCED, READ, UPDATE, caller_with
from zaakwerk.zaken.api.schemas import RequiredUrl
from zaakwerk.zaken.models import Zaak, ZaakBesluit
from zaakwerk.zaken.relation_representations import render_zaakbesluit
from zaakwerk.zaken.services.zaakbesluiten import delete_zaakbesluit, link_besluit

router = Router(tags=["zaken"])


class ZaakBesluitIn(RequestSchema):
    besluit: RequiredUrl


class ExpandQuery(QuerySchema):
    expand: str | None = Field(None, max_length=1000)


def _row(zaak: Zaak, uuid: str) -> ZaakBesluit:
    try:
        key = uuid_lib.UUID(uuid)
    except ValueError:
        raise NotFound() from None
    row = ZaakBesluit.objects.filter(zaak=zaak, uuid=key).select_related("zaak").first()
    if row is None:
        raise NotFound()
    return row


@router.get("/zaken/{zaak_uuid}/besluiten")
def list_besluiten(request: HttpRequest, zaak_uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ExpandQuery)
    zaak = access_zaak(caller, zaak_uuid, scope=READ)
    data = [render_zaakbesluit(row) for row in zaak.zaakbesluiten.select_related("zaak").order_by("id")]
    expansion.expand(caller, data, query.expand)
    return json_response(data)


@router.post("/zaken/{zaak_uuid}/besluiten")
def create(request: HttpRequest, zaak_uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE)
    zaak = access_zaak(caller, zaak_uuid, scope=UPDATE)
    body = parse_body(request, ZaakBesluitIn)
    row = link_besluit(zaak, body.besluit, caller.actor(request), geforceerd=may_access(caller, zaak, FORCED))
    data = render_zaakbesluit(row)
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.get("/zaken/{zaak_uuid}/besluiten/{uuid}")
def read(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ExpandQuery)
    zaak = access_zaak(caller, zaak_uuid, scope=READ)
    data = render_zaakbesluit(_row(zaak, uuid))
    expansion.expand(caller, [data], query.expand)
    return json_response(data)


@router.delete("/zaken/{zaak_uuid}/besluiten/{uuid}")
def delete(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE)
    zaak = access_zaak(caller, zaak_uuid, scope=UPDATE)
    delete_zaakbesluit(_row(zaak, uuid), caller.actor(request), geforceerd=may_access(caller, zaak, FORCED))
    return HttpResponse(status=204)
