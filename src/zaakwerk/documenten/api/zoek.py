"""``POST /enkelvoudiginformatieobjecten/_zoek``: the list's filters plus ``uuid__in`` in a JSON body."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import parse_body
from zaakwerk.documenten.access import visible_informatieobjecten
from zaakwerk.documenten.api import listing
from zaakwerk.documenten.api.common import READ, caller_with
from zaakwerk.documenten.api.relations import expanded
from zaakwerk.documenten.api.schemas import ZoekIn

router = Router(tags=["enkelvoudiginformatieobjecten"])


@router.post("/enkelvoudiginformatieobjecten/_zoek")
def zoek(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    parse_query(request, NoQuery)
    body = parse_body(request, ZoekIn)
    rows = visible_informatieobjecten(caller, READ).filter(uuid__in=body.uuid__in)
    if body.identificatie is not None:
        rows = rows.filter(latest__identificatie=body.identificatie)
    if body.bronorganisatie is not None:
        rows = rows.filter(latest__bronorganisatie=body.bronorganisatie)
    page = listing.page(request, rows)
    expanded(caller, page["results"], body.expand)
    return json_response(page)
