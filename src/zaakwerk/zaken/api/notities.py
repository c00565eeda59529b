"""``/zaaknotities`` (Zaken API 1.7, experimental): list, create, read, update, delete."""

from __future__ import annotations

from typing import Annotated, Any

import pydantic
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.etag import detail_response
from zaakwerk.api.moments import DateTime
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import NoQuery, QuerySchema, filter_fields, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body, parse_partial
from zaakwerk.core.values import only
from zaakwerk.zaken.access import access_zaak
from zaakwerk.zaken.api.common import READ, UPDATE, caller_with
from zaakwerk.zaken.api.schemas import RequiredUrl
from zaakwerk.zaken.api.sub_common import find, visible, zaak_from_url, zaak_lookup
from zaakwerk.zaken.models import ZaakNotitie
from zaakwerk.zaken.models.choices import NotitieStatus, NotitieType
from zaakwerk.zaken.services.inputs import ZaakNotitieValues
from zaakwerk.zaken.services.notities import create_zaaknotitie, delete_zaaknotitie, update_zaaknotitie
from zaakwerk.zaken.subresource_representations import render_zaaknotities

router = Router(tags=["zaaknotities"])

MAX_PAGE_SIZE = 1000


class ZaakNotitieIn(RequestSchema):
    onderwerp: str = Field(min_length=1, max_length=255)
    tekst: str = Field(min_length=1)
    aangemaakt_door: str = Field("", max_length=255)
    notitie_type: NotitieType | None = None
    status: NotitieStatus | None = None
    gerelateerd_aan: RequiredUrl

    def to_values(self, sent: set[str] | None = None) -> ZaakNotitieValues:
        values: ZaakNotitieValues = {
            "onderwerp": self.onderwerp,
            "tekst": self.tekst,
            "aangemaakt_door": self.aangemaakt_door,
            "notitie_type": self.notitie_type.value if self.notitie_type is not None else "",
            "status": self.status.value if self.status is not None else "",
        }
        return only(values, sent) if sent is not None else values


Text = Annotated[str, Field(max_length=1000)]
# query parameter → (type, ZaakNotitie lookup)
FILTERS: dict[str, tuple[Any, str]] = {
    "aangemaaktDoor": (Text, "aangemaakt_door"),
    "aangemaaktDoor__icontains": (Text, "aangemaakt_door__icontains"),
    **{
        f"{param}{suffix}": (DateTime, f"{column}{suffix}")
        for param, column in (("aanmaakdatum", "aanmaakdatum"), ("wijzigingsdatum", "wijzigingsdatum"))
        for suffix in ("", "__gt", "__gte", "__lt", "__lte")
    },
    # The OAS types gerelateerdAan as an integer (an internal key); a client only knows the zaak URL.
    "gerelateerdAan": (Text, ""),
    "notitieType": (NotitieType, "notitie_type"),
    "onderwerp": (Text, "onderwerp"),
    "onderwerp__icontains": (Text, "onderwerp__icontains"),
    "status": (NotitieStatus, "status"),
    "tekst": (Text, "tekst"),
    "tekst__icontains": (Text, "tekst__icontains"),
}


class _NotitieQuery(QuerySchema):
    page_size: int | None = Field(None, alias="pageSize", ge=1, le=MAX_PAGE_SIZE)


NotitieQuery = pydantic.create_model("NotitieQuery", __base__=_NotitieQuery, **filter_fields(FILTERS))


def _filtered(rows: QuerySet[ZaakNotitie], values: dict[str, Any]) -> QuerySet[ZaakNotitie]:
    lookups: dict[str, Any] = zaak_lookup(values.get("gerelateerdAan"), via="gerelateerd_aan")
    for param, (_, column) in FILTERS.items():
        value = values.get(param)
        if value is None or not column:
            continue
        lookups[column] = getattr(value, "value", value)
    return rows.filter(**lookups)


@router.get("/zaaknotities")
def list_zaaknotities(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    values: dict[str, Any] = parse_query(request, NotitieQuery).model_dump(by_alias=True)
    rows = _filtered(visible(caller, ZaakNotitie.objects.all(), READ, via="gerelateerd_aan"), values)
    result = paginate(request, rows.order_by("id"), render_zaaknotities, page_size=values.get("pageSize"))
    return json_response(result)


@router.post("/zaaknotities")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, UPDATE)
    body = parse_body(request, ZaakNotitieIn)
    zaak = zaak_from_url(caller, body.gerelateerd_aan, scope=UPDATE, field="gerelateerdAan")
    row = create_zaaknotitie(zaak, body.to_values(), caller.actor(request))
    data = render_zaaknotities([row])[0]
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.get("/zaaknotities/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    parse_query(request, NoQuery)
    row = find(ZaakNotitie.objects.select_related("gerelateerd_aan"), uuid)
    access_zaak(caller, row.gerelateerd_aan.uuid, scope=READ)
    return detail_response(request, render_zaaknotities([row])[0])


@router.api_operation(["PUT", "PATCH"], "/zaaknotities/{uuid}")
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE)
    row = find(ZaakNotitie.objects.select_related("gerelateerd_aan"), uuid)
    access_zaak(caller, row.gerelateerd_aan.uuid, scope=UPDATE)
    if request.method == "PUT":
        body = parse_body(request, ZaakNotitieIn)
        sent = set(type(body).model_fields)
    else:
        body, sent = parse_partial(request, ZaakNotitieIn)
    named = None
    if "gerelateerd_aan" in sent and body.gerelateerd_aan:
        named = zaak_from_url(caller, body.gerelateerd_aan, scope=UPDATE, field="gerelateerdAan")
    row = update_zaaknotitie(
        row, named, body.to_values(sent), caller.actor(request), partial=request.method == "PATCH"
    )
    return json_response(render_zaaknotities([row])[0])


@router.delete("/zaaknotities/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE)
    row = find(ZaakNotitie.objects.select_related("gerelateerd_aan"), uuid)
    access_zaak(caller, row.gerelateerd_aan.uuid, scope=UPDATE)
    delete_zaaknotitie(row, caller.actor(request))
    return HttpResponse(status=204)
