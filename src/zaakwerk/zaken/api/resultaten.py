"""``/resultaten``: list, create, read, update, delete (Zaken API 1.7.0); rules in services.resultaten."""

from __future__ import annotations

import uuid as uuid_lib

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.etag import detail_response
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body, parse_partial
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import NotFound
from zaakwerk.core.values import only
from zaakwerk.zaken.access import access_zaak, may_access, visible_zaken
from zaakwerk.zaken.api import expansion
from zaakwerk.zaken.api.common import FORCED, READ, UPDATE, caller_with
from zaakwerk.zaken.api.schemas import RequiredUrl, Url
from zaakwerk.zaken.api.statussen import DetailQuery, by_zaak, zaak_of_body
from zaakwerk.zaken.models import Resultaat
from zaakwerk.zaken.representations_status import render_resultaten
from zaakwerk.zaken.services.inputs import ResultaatValues
from zaakwerk.zaken.services.resultaten import create_resultaat, delete_resultaat, update_resultaat

router = Router(tags=["resultaten"])

WRITE = (UPDATE, FORCED)


class ResultaatIn(RequestSchema):
    zaak: RequiredUrl
    resultaattype: RequiredUrl
    toelichting: str = Field("", max_length=1000)

    def to_values(self, sent: set[str] | None = None) -> ResultaatValues:
        values: ResultaatValues = {
            "zaak": self.zaak,
            "resultaattype": self.resultaattype,
            "toelichting": self.toelichting,
        }
        return only(values, sent) if sent is not None else values


class ResultaatQuery(QuerySchema):
    zaak: Url | None = None
    resultaattype: str | None = Field(None, max_length=1000)
    expand: str | None = Field(None, max_length=1000)


@router.get("/resultaten")
def list_resultaten(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ResultaatQuery)
    rows = by_zaak(Resultaat.objects.filter(zaak__in=visible_zaken(caller, READ)), query.zaak)
    if query.resultaattype is not None:
        rows = rows.filter(resultaattype=query.resultaattype)
    result = paginate(request, rows.order_by("id"), render_resultaten)
    expansion.expand(caller, result["results"], query.expand)
    return json_response(result)


@router.post("/resultaten")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    body = parse_body(request, ResultaatIn)
    zaak = zaak_of_body(caller, body.zaak, WRITE)
    values = only(body.to_values(), {"resultaattype", "toelichting"})
    resultaat = create_resultaat(
        zaak, values, caller.actor(request), geforceerd=may_access(caller, zaak, FORCED)
    )
    data = render_resultaten([resultaat])[0]
    return json_response(data, status=201, headers={"Location": data["url"]})


def _resultaat(caller: Caller, uuid: str, scope: str | tuple[str, ...]) -> Resultaat:
    """The resultaat ``uuid`` if its zaak may be used with ``scope`` (the zaak's door)."""
    try:
        key = uuid_lib.UUID(uuid)
    except ValueError:
        raise NotFound() from None
    resultaat = Resultaat.objects.select_related("zaak").filter(uuid=key).first()
    if resultaat is None:
        raise NotFound()
    access_zaak(caller, resultaat.zaak.uuid, scope=scope)
    return resultaat


@router.api_operation(["GET", "HEAD"], "/resultaten/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, DetailQuery)
    data = render_resultaten([_resultaat(caller, uuid, READ)])[0]
    expansion.expand(caller, [data], query.expand)
    return detail_response(request, data)


@router.api_operation(["PUT", "PATCH"], "/resultaten/{uuid}")
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    resultaat = _resultaat(caller, uuid, WRITE)
    if request.method == "PUT":
        changes = parse_body(request, ResultaatIn).to_values()
    else:
        partial, sent = parse_partial(request, ResultaatIn)
        changes = partial.to_values(sent)
    resultaat = update_resultaat(
        resultaat,
        changes,
        caller.actor(request),
        partial=request.method == "PATCH",
        geforceerd=may_access(caller, resultaat.zaak, FORCED),
    )
    return json_response(render_resultaten([resultaat])[0])


@router.delete("/resultaten/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    resultaat = _resultaat(caller, uuid, WRITE)
    delete_resultaat(resultaat, caller.actor(request), geforceerd=may_access(caller, resultaat.zaak, FORCED))
    return HttpResponse(status=204)
