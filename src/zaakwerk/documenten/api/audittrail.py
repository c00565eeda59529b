"""``/enkelvoudiginformatieobjecten/{uuid}/audittrail``: every recorded change of a document (RULES.md 1.11).

Scope ``audittrails.lezen``, for documents the caller may use with that scope: the lines are
visible exactly when the document is.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.http import HttpRequest, HttpResponse
from ninja import Router

from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.core.errors import NotFound
from zaakwerk.core.models import AuditTrail
from zaakwerk.documenten.access import access_informatieobject
from zaakwerk.documenten.api.common import AUDIT, caller_with

router = Router(tags=["enkelvoudiginformatieobjecten"])
PATH = "/enkelvoudiginformatieobjecten/{enkelvoudiginformatieobject_uuid}/audittrail"


@router.get(PATH)
def list_lines(request: HttpRequest, enkelvoudiginformatieobject_uuid: str) -> HttpResponse:
    caller = caller_with(request, AUDIT)
    parse_query(request, NoQuery)
    eio = access_informatieobject(caller, enkelvoudiginformatieobject_uuid, scope=AUDIT)
    lines = AuditTrail.objects.filter(hoofd_object=eio.url).order_by("aanmaakdatum", "id")
    return json_response([line.as_resource() for line in lines])


@router.get(PATH + "/{uuid}")
def read(request: HttpRequest, enkelvoudiginformatieobject_uuid: str, uuid: str) -> HttpResponse:
    caller = caller_with(request, AUDIT)
    parse_query(request, NoQuery)
    eio = access_informatieobject(caller, enkelvoudiginformatieobject_uuid, scope=AUDIT)
    try:
        key = uuid_lib.UUID(uuid)
    except ValueError:
        raise NotFound() from None
    line = AuditTrail.objects.filter(hoofd_object=eio.url, uuid=key).first()
    if line is None:
        raise NotFound()
    return json_response(line.as_resource())
