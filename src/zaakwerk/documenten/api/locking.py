"""``POST …/{uuid}/lock`` and ``…/{uuid}/unlock`` (drc-009; RULES.md 4.2, 4.4)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import parse_body
from zaakwerk.documenten.access import access_informatieobject, may_access
from zaakwerk.documenten.api.common import FORCED_UNLOCK, LOCK, caller_with
from zaakwerk.documenten.api.schemas import UnlockIn
from zaakwerk.documenten.services.locking import lock_informatieobject, unlock_informatieobject

router = Router(tags=["enkelvoudiginformatieobjecten"])


@router.post("/enkelvoudiginformatieobjecten/{uuid}/lock")
def lock(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, LOCK)
    parse_query(request, NoQuery)
    eio = access_informatieobject(caller, uuid, scope=LOCK)
    return json_response({"lock": lock_informatieobject(eio)})


@router.post("/enkelvoudiginformatieobjecten/{uuid}/unlock")
def unlock(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, LOCK, FORCED_UNLOCK)
    parse_query(request, NoQuery)
    eio = access_informatieobject(caller, uuid, scope=(LOCK, FORCED_UNLOCK))
    body = parse_body(request, UnlockIn)
    assert eio.latest is not None
    # documenten.geforceerd-unlock: the lock may be omitted (or wrong), the document is unlocked anyway
    force = may_access(caller, eio.latest, FORCED_UNLOCK)
    unlock_informatieobject(eio, body.lock or None, caller.actor(request), force=force)
    return HttpResponse(status=204)
