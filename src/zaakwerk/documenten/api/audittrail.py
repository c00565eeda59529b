"""``/enkelvoudiginformatieobjecten/{uuid}/audittrail``: every recorded change of a document (RULES.md 1.11).

Scope ``audittrails.lezen``, for documents the caller may use with that scope: the lines are
visible exactly when the document is.
"""

from __future__ import annotations

import uuid as uuid_lib
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.core.errors import NotFound
from zaakwerk.core.models import AuditTrail
from zaakwerk.documenten.access import access_informatieobject
from zaakwerk.documenten.api.common import AUDIT, caller_with
from zaakwerk.documenten.representations import iso_datetime

router = Router(tags=["enkelvoudiginformatieobjecten"])
PATH = "/enkelvoudiginformatieobjecten/{enkelvoudiginformatieobject_uuid}/audittrail"


def render_audittrail(line: AuditTrail) -> dict[str, Any]:
    # Wijzigingen has object-typed members: a side that does not exist is left out, not null.
    wijzigingen = {
        key: value for key, value in (("oud", line.oud), ("nieuw", line.nieuw)) if value is not None
    }
    return {
        "uuid": str(line.uuid),
        "bron": line.bron,
        "applicatieId": line.applicatie_id,
        "applicatieWeergave": line.applicatie_weergave,
        "gebruikersId": line.gebruikers_id,
        "gebruikersWeergave": line.gebruikers_weergave,
        "actie": line.actie,
        "actieWeergave": line.actie_weergave,
        "resultaat": line.resultaat,
        "hoofdObject": line.hoofd_object,
        "resource": line.resource,
        "resourceUrl": line.resource_url,
        "toelichting": line.toelichting,
        "resourceWeergave": line.resource_weergave,
        "aanmaakdatum": iso_datetime(line.aanmaakdatum),
        "wijzigingen": wijzigingen,
    }


@router.get(PATH)
def list_lines(request: HttpRequest, enkelvoudiginformatieobject_uuid: str) -> HttpResponse:
    caller = caller_with(request, AUDIT)
    parse_query(request, NoQuery)
    eio = access_informatieobject(caller, enkelvoudiginformatieobject_uuid, scope=AUDIT)
    lines = AuditTrail.objects.filter(hoofd_object=eio.url).order_by("aanmaakdatum", "id")
    return json_response([render_audittrail(line) for line in lines])


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
    return json_response(render_audittrail(line))
