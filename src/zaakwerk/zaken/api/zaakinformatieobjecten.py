"""``/zaakinformatieobjecten``: list, create, read, update, delete (Zaken API 1.7.0, RULES.md 3.3)."""

from __future__ import annotations

import uuid as uuid_lib

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.etag import detail_response
from zaakwerk.api.moments import DateTime
from zaakwerk.api.params import QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body, parse_partial
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import NotFound, ValidationError
from zaakwerk.core.references import uuid_from_url
from zaakwerk.core.values import only
from zaakwerk.zaken.access import access_zaak, may_access, visible_zaken
from zaakwerk.zaken.api import expansion
from zaakwerk.zaken.api.common import CREATE, DELETE, FORCED, READ, UPDATE, caller_with
from zaakwerk.zaken.api.schemas import RequiredUrl, Url
from zaakwerk.zaken.models import Zaak, ZaakInformatieObject
from zaakwerk.zaken.relation_representations import render_zio, render_zios, with_relations
from zaakwerk.zaken.services.inputs import ZaakInformatieObjectValues
from zaakwerk.zaken.services.zaakinformatieobjecten import (
    create_zaakinformatieobject,
    delete_zaakinformatieobject,
    update_zaakinformatieobject,
)

router = Router(tags=["zaakinformatieobjecten"])

WRITE = (CREATE, UPDATE, FORCED)
CHANGE = (UPDATE, FORCED)
REMOVE = (UPDATE, FORCED, DELETE)


class ZioIn(RequestSchema):
    informatieobject: RequiredUrl
    zaak: RequiredUrl
    titel: str = Field("", max_length=200)
    beschrijving: str = Field("", max_length=100_000)
    vernietigingsdatum: DateTime | None = None
    status: Url | None = None

    def to_values(self, fields: set[str] | None = None) -> ZaakInformatieObjectValues:
        values: ZaakInformatieObjectValues = {
            "informatieobject": self.informatieobject,
            "zaak": self.zaak,
            "titel": self.titel,
            "beschrijving": self.beschrijving,
            "vernietigingsdatum": self.vernietigingsdatum,
            "status": self.status,
        }
        return only(values, fields) if fields is not None else values


class ZioQuery(QuerySchema):
    zaak: Url | None = None
    informatieobject: Url | None = None
    expand: str | None = Field(None, max_length=1000)


class DetailQuery(QuerySchema):
    expand: str | None = Field(None, max_length=1000)


def _zaak(caller: Caller, url: str, scopes: tuple[str, ...]) -> Zaak:
    """The zaak a body names: a zaak of this register (400 otherwise) the caller may use."""
    key = uuid_from_url(url, "zaken", "zaken")
    try:
        if key is None:
            raise NotFound()
        return access_zaak(caller, key, scope=scopes)
    except NotFound:
        raise ValidationError.single(
            "zaak", "bad-url", f"De URL {url} verwijst niet naar een zaak."
        ) from None


def _zio(caller: Caller, uuid: str, scopes: str | tuple[str, ...]) -> ZaakInformatieObject:
    """The zaakinformatieobject ``uuid`` when its zaak may be used with ``scopes`` (404/403)."""
    try:
        key = uuid_lib.UUID(uuid)
    except ValueError:
        raise NotFound() from None
    row = with_relations(ZaakInformatieObject.objects.filter(uuid=key)).first()
    if row is None:
        raise NotFound()
    access_zaak(caller, row.zaak.uuid, scope=scopes)
    return row


@router.get("/zaakinformatieobjecten")
def list_zios(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ZioQuery)
    rows = ZaakInformatieObject.objects.filter(zaak__in=visible_zaken(caller, READ))
    if query.zaak is not None:
        key = uuid_from_url(query.zaak, "zaken", "zaken")
        rows = rows.filter(zaak__uuid=key) if key is not None else rows.none()
    if query.informatieobject is not None:
        rows = rows.filter(informatieobject=query.informatieobject)
    data = render_zios(with_relations(rows).order_by("id"))
    expansion.expand(caller, data, query.expand)
    return json_response(data)


@router.post("/zaakinformatieobjecten")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    body = parse_body(request, ZioIn)
    zaak = _zaak(caller, body.zaak, WRITE)
    zio = create_zaakinformatieobject(
        zaak, body.to_values(), caller.actor(request), geforceerd=may_access(caller, zaak, FORCED)
    )
    data = render_zio(zio)
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.api_operation(["GET", "HEAD"], "/zaakinformatieobjecten/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, DetailQuery)
    data = render_zio(_zio(caller, uuid, READ))
    expansion.expand(caller, [data], query.expand)
    return detail_response(request, data)


@router.api_operation(["PUT", "PATCH"], "/zaakinformatieobjecten/{uuid}")
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *CHANGE)
    zio = _zio(caller, uuid, CHANGE)
    if request.method == "PUT":
        changes = parse_body(request, ZioIn).to_values()
    else:
        partial, sent = parse_partial(request, ZioIn)
        changes = partial.to_values(sent)
    zio = update_zaakinformatieobject(
        zio,
        changes,
        caller.actor(request),
        partial=request.method == "PATCH",
        geforceerd=may_access(caller, zio.zaak, FORCED),
    )
    return json_response(render_zio(zio))


@router.delete("/zaakinformatieobjecten/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *REMOVE)
    zio = _zio(caller, uuid, REMOVE)
    delete_zaakinformatieobject(zio, caller.actor(request), geforceerd=may_access(caller, zio.zaak, FORCED))
    return HttpResponse(status=204)
