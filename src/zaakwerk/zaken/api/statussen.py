"""``/statussen``: list, create, read (Zaken API 1.7.0); the rules live in services.statussen."""

from __future__ import annotations

import uuid as uuid_lib
from typing import TypeVar

from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.etag import detail_response
from zaakwerk.api.moments import DateTime
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import FieldError, NotFound
from zaakwerk.core.references import uuid_from_url
from zaakwerk.zaken.access import access_zaak, may_access, visible_zaken
from zaakwerk.zaken.api import expansion
from zaakwerk.zaken.api.common import CREATE, FORCED, READ, caller_with
from zaakwerk.zaken.api.schemas import RequiredUrl, Url
from zaakwerk.zaken.models import Resultaat, Status, Zaak
from zaakwerk.zaken.representations_status import render_statussen
from zaakwerk.zaken.services.inputs import StatusValues
from zaakwerk.zaken.services.statussen import StatusRights, set_status

router = Router(tags=["statussen"])
RowT = TypeVar("RowT", Status, Resultaat)

TOEVOEGEN = "zaken.statussen.toevoegen"
HEROPENEN = "zaken.heropenen"
WRITE = (CREATE, TOEVOEGEN, HEROPENEN)


class StatusIn(RequestSchema):
    zaak: RequiredUrl
    statustype: RequiredUrl
    datum_status_gezet: DateTime
    statustoelichting: str = Field("", max_length=1000)
    gezetdoor: Url | None = Field("", max_length=200)

    def to_values(self) -> StatusValues:
        return {
            "statustype": self.statustype,
            "datum_status_gezet": self.datum_status_gezet,
            "statustoelichting": self.statustoelichting,
            "gezetdoor": self.gezetdoor,
        }


class StatusQuery(QuerySchema):
    zaak: Url | None = None
    statustype: str | None = Field(None, max_length=1000)
    indicatie_laatst_gezette_status: bool | None = Field(None, alias="indicatieLaatstGezetteStatus")
    expand: str | None = Field(None, max_length=1000)


class DetailQuery(QuerySchema):
    expand: str | None = Field(None, max_length=1000)


def zaak_of_body(caller: Caller, url: str, scopes: tuple[str, ...]) -> Zaak:
    """The zaak a new sub-resource belongs to: 400 ``bad-url`` when there is none, 403 when not allowed."""
    key = uuid_from_url(url, "zaken", "zaken")
    try:
        if key is None:
            raise NotFound()
        return access_zaak(caller, key, scope=scopes)
    except NotFound:
        raise ApiValidationError(
            [FieldError("zaak", "bad-url", f"De URL {url} is geen zaak van dit zakenregister.")]
        ) from None


def by_zaak(rows: QuerySet[RowT], url: str | None) -> QuerySet[RowT]:
    """The rows of the zaak ``url``; none for a URL that is no zaak of this register."""
    if url is None:
        return rows
    key = uuid_from_url(url, "zaken", "zaken")
    return rows.filter(zaak__uuid=key) if key is not None else rows.none()


@router.get("/statussen")
def list_statussen(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, StatusQuery)
    rows = by_zaak(Status.objects.filter(zaak__in=visible_zaken(caller, READ)), query.zaak)
    if query.statustype is not None:
        rows = rows.filter(statustype=query.statustype)
    if query.indicatie_laatst_gezette_status is True:
        rows = rows.filter(zaak__status_id=F("id"))
    elif query.indicatie_laatst_gezette_status is False:
        rows = rows.exclude(zaak__status_id=F("id"))
    result = paginate(request, rows.order_by("id"), render_statussen)
    expansion.expand(caller, result["results"], query.expand)
    return json_response(result)


@router.post("/statussen")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    body = parse_body(request, StatusIn)
    zaak = zaak_of_body(caller, body.zaak, WRITE)
    rights = StatusRights(
        heropenen=may_access(caller, zaak, HEROPENEN), geforceerd=may_access(caller, zaak, FORCED)
    )
    status = set_status(zaak, body.to_values(), caller.actor(request), rights=rights)
    data = render_statussen([status])[0]
    return json_response(data, status=201, headers={"Location": data["url"]})


def _status(caller: Caller, uuid: str) -> Status:
    try:
        key = uuid_lib.UUID(uuid)
    except ValueError:
        raise NotFound() from None
    status = Status.objects.select_related("zaak").filter(uuid=key).first()
    if status is None:
        raise NotFound()
    access_zaak(caller, status.zaak.uuid, scope=READ)
    return status


@router.api_operation(["GET", "HEAD"], "/statussen/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, DetailQuery)
    data = render_statussen([_status(caller, uuid)])[0]
    expansion.expand(caller, [data], query.expand)
    return detail_response(request, data)
