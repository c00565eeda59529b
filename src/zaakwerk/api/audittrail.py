"""``…/{uuid}/audittrail`` and ``…/{uuid}/audittrail/{uuid}``: every recorded change of one object
and its parts (RULES.md 1.11), the same in the Zaken, Documenten and Besluiten APIs.

The lines are visible exactly when the object is: each register passes the door of its own access
rule (``access_zaak``, ``access_informatieobject``, ``access_besluit``) with ``audittrails.lezen``.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from ninja import Router

from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import NotFound
from zaakwerk.core.models import AuditTrail

AUDIT = "audittrails.lezen"


def audittrail_router(
    collection: str,
    *,
    tag: str,
    authorise: Callable[[HttpRequest], Caller],
    object_url: Callable[[Caller, str], str],
) -> Router:
    """The audit trail endpoints under ``/{collection}/{uuid}``. ``authorise``: the caller of a
    request, with the scope ``audittrails.lezen`` (401/403); ``object_url``: the URL of the object
    ``uuid`` that caller may read with that scope (404/403), whose lines are shown."""
    router = Router(tags=[tag])
    path = f"/{collection}/{{object_uuid}}/audittrail"

    def lines_of(request: HttpRequest, object_uuid: str) -> str:
        caller = authorise(request)
        parse_query(request, NoQuery)
        return object_url(caller, object_uuid)

    def list_view(request: HttpRequest, object_uuid: str) -> HttpResponse:
        url = lines_of(request, object_uuid)
        lines = AuditTrail.objects.filter(hoofd_object=url).order_by("aanmaakdatum", "id")
        return json_response([line.as_resource() for line in lines])

    def read_view(request: HttpRequest, object_uuid: str, uuid: str) -> HttpResponse:
        url = lines_of(request, object_uuid)
        try:
            key = uuid_lib.UUID(uuid)
        except ValueError:
            raise NotFound() from None
        line = AuditTrail.objects.filter(hoofd_object=url, uuid=key).first()
        if line is None:
            raise NotFound()
        return json_response(line.as_resource())

    router.add_api_operation(path, ["GET"], list_view, operation_id=f"{collection}_audittrail_list")
    router.add_api_operation(
        f"{path}/{{uuid}}", ["GET"], read_view, operation_id=f"{collection}_audittrail_read"
    )
    return router
