"""``/notificaties``: POST only — accept a message and route it to the matching abonnementen."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import parse_body
from zaakwerk.notificaties.api.common import PUBLICEREN, caller_with
from zaakwerk.notificaties.api.schemas import MessageIn
from zaakwerk.notificaties.services.notificaties import accept_notificatie

router = Router(tags=["notificaties"])


@router.post("/notificaties")
def publish(request: HttpRequest) -> HttpResponse:
    caller_with(request, PUBLICEREN)
    message = parse_body(request, MessageIn).to_message()
    accept_notificatie(message)
    # 200 with the message (the spec declares no 201: nothing addressable is created)
    return json_response(message)
