"""``/besluiten/{besluit_uuid}/audittrail``: every recorded change of a besluit (RULES.md 1.11).

Scope ``audittrails.lezen``, for besluiten of a besluittype the caller may use with that scope.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.http import HttpRequest, HttpResponse
from ninja import Router

from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.besluiten.access import access_besluit
from zaakwerk.besluiten.api.common import AUDIT, caller_with
from zaakwerk.core.errors import NotFound
from zaakwerk.core.models import AuditTrail

router = Router(tags=["besluiten"])


@router.get("/besluiten/{besluit_uuid}/audittrail")
def list_lines(request: HttpRequest, besluit_uuid: str) -> HttpResponse:
    caller = caller_with(request, AUDIT)
    parse_query(request, NoQuery)
    besluit = access_besluit(caller, besluit_uuid, scope=AUDIT)
    lines = AuditTrail.objects.filter(hoofd_object=besluit.url).order_by("aanmaakdatum", "id")
    return json_response([line.as_resource() for line in lines])


@router.get("/besluiten/{besluit_uuid}/audittrail/{uuid}")
def read(request: HttpRequest, besluit_uuid: str, uuid: str) -> HttpResponse:
    caller = caller_with(request, AUDIT)
    parse_query(request, NoQuery)
    besluit = access_besluit(caller, besluit_uuid, scope=AUDIT)
    try:
        key = uuid_lib.UUID(uuid)
    except ValueError:
        raise NotFound() from None
    line = AuditTrail.objects.filter(hoofd_object=besluit.url, uuid=key).first()
    if line is None:
        raise NotFound()
    return json_response(line.as_resource())
