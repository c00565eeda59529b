"""``/besluitinformatieobjecten``: list, create, read, delete (Besluiten API 1.1.0, brc-003..005, 008)."""

from __future__ import annotations

import uuid as uuid_lib

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.etag import detail_response
from zaakwerk.api.params import QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import parse_body
from zaakwerk.besluiten.access import access_besluit, visible_besluiten
from zaakwerk.besluiten.api import expansion
from zaakwerk.besluiten.api.common import CREATE, DELETE, READ, caller_with
from zaakwerk.besluiten.api.schemas import BesluitInformatieObjectIn, Url
from zaakwerk.besluiten.models import Besluit, BesluitInformatieObject
from zaakwerk.besluiten.representations import render_bio
from zaakwerk.besluiten.services.besluitinformatieobjecten import create_bio, delete_bio
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import NotFound, ValidationError
from zaakwerk.core.references import uuid_from_url

router = Router(tags=["besluitinformatieobjecten"])


class BioQuery(QuerySchema):
    besluit: Url | None = None
    informatieobject: Url | None = None
    expand: str | None = Field(None, max_length=1000)


class DetailQuery(QuerySchema):
    expand: str | None = Field(None, max_length=1000)


def _besluit(caller: Caller, url: str, scope: str) -> Besluit:
    """The besluit a body names: a besluit of this register (400 otherwise) the caller may use."""
    key = uuid_from_url(url, "besluiten", "besluiten")
    try:
        if key is None:
            raise NotFound()
        return access_besluit(caller, key, scope=scope)
    except NotFound:
        raise ValidationError.single(
            "besluit", "bad-url", f"De URL {url} verwijst niet naar een besluit."
        ) from None


def _bio(caller: Caller, uuid: str, scope: str) -> BesluitInformatieObject:
    """The besluitinformatieobject ``uuid`` when its besluit may be used with ``scope`` (404/403)."""
    try:
        key = uuid_lib.UUID(uuid)
    except ValueError:
        raise NotFound() from None
    row = BesluitInformatieObject.objects.filter(uuid=key).select_related("besluit").first()
    if row is None:
        raise NotFound()
    access_besluit(caller, row.besluit.uuid, scope=scope)
    return row


@router.get("/besluitinformatieobjecten")
def list_bios(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, BioQuery)
    rows = BesluitInformatieObject.objects.filter(besluit__in=visible_besluiten(caller, READ))
    if query.besluit is not None:
        key = uuid_from_url(query.besluit, "besluiten", "besluiten")
        rows = rows.filter(besluit__uuid=key) if key is not None else rows.none()
    if query.informatieobject is not None:
        rows = rows.filter(informatieobject=query.informatieobject)
    data = [render_bio(row) for row in rows.select_related("besluit").order_by("id")]
    expansion.expand(caller, data, query.expand)
    return json_response(data)


@router.post("/besluitinformatieobjecten")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, CREATE)
    body = parse_body(request, BesluitInformatieObjectIn)
    besluit = _besluit(caller, body.besluit, CREATE)
    data = render_bio(create_bio(besluit, body.informatieobject, caller.actor(request)))
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.get("/besluitinformatieobjecten/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, DetailQuery)
    data = render_bio(_bio(caller, uuid, READ))
    expansion.expand(caller, [data], query.expand)
    return detail_response(request, data)


@router.delete("/besluitinformatieobjecten/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, DELETE)
    delete_bio(_bio(caller, uuid, DELETE), caller.actor(request))
    return HttpResponse(status=204)
