"""``POST /zaaknummer_reserveren``: reserve identificaties for later explicit use (1.7.0)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router

from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import parse_body
from zaakwerk.zaken.api.common import CREATE, caller_with
from zaakwerk.zaken.api.schemas import ReserveringIn
from zaakwerk.zaken.services.identificatie import reserve_zaaknummer

router = Router(tags=["zaaknummer_reserveren"])


@router.post("/zaaknummer_reserveren")
def reserve(request: HttpRequest) -> HttpResponse:
    caller_with(request, CREATE)
    body = parse_body(request, ReserveringIn)
    numbers = reserve_zaaknummer(body.bronorganisatie, body.aantal, today=timezone.localdate())
    return json_response([{"zaaknummer": number} for number in numbers], status=201)
