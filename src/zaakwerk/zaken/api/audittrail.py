"""``/zaken/{zaak_uuid}/audittrail``: every recorded change of a zaak and its parts (RULES.md 1.11).

Scope ``audittrails.lezen``, for zaken the caller may use with that scope (its zaaktype and
vertrouwelijkheidaanduiding): the lines are visible exactly when the zaak is.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.http import HttpRequest, HttpResponse
from ninja import Router

from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.core.errors import NotFound
from zaakwerk.core.models import AuditTrail
from zaakwerk.zaken.access import access_zaak
from zaakwerk.zaken.api.common import caller_with

router = Router(tags=["zaken"])

AUDIT = "audittrails.lezen"


@router.get("/zaken/{zaak_uuid}/audittrail")
def list_lines(request: HttpRequest, zaak_uuid: str) -> HttpResponse:
    caller = caller_with(request, AUDIT)
    parse_query(request, NoQuery)
    zaak = access_zaak(caller, zaak_uuid, scope=AUDIT)
    lines = AuditTrail.objects.filter(hoofd_object=zaak.url).order_by("aanmaakdatum", "id")
    return json_response([line.as_resource() for line in lines])


@router.get("/zaken/{zaak_uuid}/audittrail/{uuid}")
def read(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    caller = caller_with(request, AUDIT)
    parse_query(request, NoQuery)
    zaak = access_zaak(caller, zaak_uuid, scope=AUDIT)
    try:
        key = uuid_lib.UUID(uuid)
    except ValueError:
        raise NotFound() from None
    line = AuditTrail.objects.filter(hoofd_object=zaak.url, uuid=key).first()
    if line is None:
        raise NotFound()
    return json_response(line.as_resource())
