"""``/zaken/{zaak_uuid}/zaakeigenschappen``: list, create, read, update, delete (Zaken API 1.7.0).

A waarde that does not meet the eigenschap's specificatie is stored, and the response carries
an ``X-Warning`` header saying why (ZRC 1.7).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.etag import detail_response
from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body, parse_partial
from zaakwerk.core.errors import FieldError, NotFound
from zaakwerk.core.values import only
from zaakwerk.zaken.access import access_zaak, may_access
from zaakwerk.zaken.api.common import FORCED, READ, UPDATE, caller_with
from zaakwerk.zaken.api.schemas import RequiredUrl, Url
from zaakwerk.zaken.api.sub_common import find
from zaakwerk.zaken.models import Zaak, ZaakEigenschap
from zaakwerk.zaken.services.inputs import ZaakEigenschapChanges
from zaakwerk.zaken.services.zaakeigenschappen import (
    create_zaakeigenschap,
    delete_zaakeigenschap,
    update_zaakeigenschap,
)
from zaakwerk.zaken.subresource_representations import render_zaakeigenschappen

router = Router(tags=["zaken"])


class ZaakEigenschapIn(RequestSchema):
    # the zaak is the one of the path; when the body names one, it must be that zaak
    zaak: Url = ""
    eigenschap: RequiredUrl
    waarde: str

    def to_values(self, sent: set[str] | None = None) -> ZaakEigenschapChanges:
        values: ZaakEigenschapChanges = {
            "zaak": self.zaak,
            "eigenschap": self.eigenschap,
            "waarde": self.waarde,
        }
        return only(values, sent) if sent is not None else values


def warning_headers(warnings: list[str]) -> dict[str, str]:
    if not warnings:
        return {}
    # RFC 7234 warn-code 199 ("miscellaneous warning"); ASCII only, as a header must be
    text = "; ".join(warnings).encode("ascii", "replace").decode("ascii")
    return {"X-Warning": f'199 - "De waarde voldoet niet aan de specificatie van de eigenschap: {text}"'}


def _check_zaak(zaak: Zaak, named: str) -> None:
    if named and named != zaak.url:
        raise ApiValidationError([FieldError("zaak", "invalid", "De zaak moet de zaak uit het pad zijn.")])


def _row(zaak: Zaak, uuid: str) -> ZaakEigenschap:
    row = find(ZaakEigenschap.objects.all(), uuid)
    if row.zaak_id != zaak.pk:
        raise NotFound()
    return row


@router.get("/zaken/{zaak_uuid}/zaakeigenschappen")
def list_zaakeigenschappen(request: HttpRequest, zaak_uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    parse_query(request, NoQuery)
    zaak = access_zaak(caller, zaak_uuid, scope=READ)
    rows = list(ZaakEigenschap.objects.filter(zaak=zaak).order_by("id"))
    return json_response(render_zaakeigenschappen(rows))


@router.post("/zaken/{zaak_uuid}/zaakeigenschappen")
def create(request: HttpRequest, zaak_uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE, FORCED)
    zaak = access_zaak(caller, zaak_uuid, scope=(UPDATE, FORCED))
    body = parse_body(request, ZaakEigenschapIn)
    _check_zaak(zaak, body.zaak)
    row, warnings = create_zaakeigenschap(
        zaak, body.eigenschap, body.waarde, caller.actor(request), geforceerd=may_access(caller, zaak, FORCED)
    )
    data = render_zaakeigenschappen([row])[0]
    return json_response(data, status=201, headers={"Location": data["url"], **warning_headers(warnings)})


@router.api_operation(["GET", "HEAD"], "/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}")
def read(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    parse_query(request, NoQuery)
    zaak = access_zaak(caller, zaak_uuid, scope=READ)
    return detail_response(request, render_zaakeigenschappen([_row(zaak, uuid)])[0])


@router.api_operation(["PUT", "PATCH"], "/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}")
def update(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE, FORCED)
    zaak = access_zaak(caller, zaak_uuid, scope=(UPDATE, FORCED))
    row = _row(zaak, uuid)
    if request.method == "PUT":
        changes = parse_body(request, ZaakEigenschapIn).to_values()
    else:
        body, sent = parse_partial(request, ZaakEigenschapIn)
        changes = body.to_values(sent)
    row, warnings = update_zaakeigenschap(
        row,
        changes,
        caller.actor(request),
        partial=request.method == "PATCH",
        geforceerd=may_access(caller, zaak, FORCED),
    )
    return json_response(render_zaakeigenschappen([row])[0], headers=warning_headers(warnings))


@router.delete("/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}")
def delete(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE, FORCED)
    zaak = access_zaak(caller, zaak_uuid, scope=(UPDATE, FORCED))
    delete_zaakeigenschap(
        _row(zaak, uuid), caller.actor(request), geforceerd=may_access(caller, zaak, FORCED)
    )
    return HttpResponse(status=204)
