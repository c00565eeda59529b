"""``/besluittypen``: list, create, read, update, delete, publish (Catalogi 1.3.3)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api import expand
from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.etag import detail_response
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import Duration, RequestSchema, parse_body, parse_partial
from zaakwerk.catalogi.api.common import (
    DELETE_OR_FORCED,
    READ_ZAAKTYPE,
    WRITE,
    WRITE_OR_FORCED,
    caller_with,
    get_by_uuid,
)
from zaakwerk.catalogi.api.versioned import (
    DetailQuery,
    VersionQuery,
    day_of,
    filter_versions,
    is_correctie,
    may_force_delete,
)
from zaakwerk.catalogi.models import BesluitType, InformatieObjectType, ZaakType
from zaakwerk.catalogi.representations import render_besluittypen
from zaakwerk.catalogi.services.besluittypen import (
    create_besluittype,
    delete_besluittype,
    publish_besluittype,
    update_besluittype,
)
from zaakwerk.catalogi.urls import uuid_of
from zaakwerk.core.errors import FieldError

router = Router(tags=["besluittypen"])

# ztc-014: the Besluiten and Zaken APIs read besluittypen for their own validation.
READ = READ_ZAAKTYPE


class BesluitTypeIn(RequestSchema):
    catalogus: str = Field(min_length=1, max_length=1000)
    omschrijving: str = Field("", max_length=80)
    omschrijving_generiek: str = Field("", max_length=80)
    besluitcategorie: str = Field("", max_length=40)
    reactietermijn: Duration | None = None
    publicatie_indicatie: bool
    publicatietekst: str = ""
    publicatietermijn: Duration | None = None
    toelichting: str = ""
    # omschrijvingen (1.3.x) or URLs of informatieobjecttype versions (as Open Zaak)
    informatieobjecttypen: list[str]
    begin_geldigheid: date
    einde_geldigheid: date | None = None

    def to_values(self, fields: set[str] | None = None) -> dict[str, Any]:
        sent = fields if fields is not None else set(type(self).model_fields)
        values: dict[str, Any] = {}
        for name in sent:
            value = getattr(self, name)
            if name in (
                "omschrijving",
                "omschrijving_generiek",
                "besluitcategorie",
                "publicatietekst",
                "toelichting",
            ):
                value = value or ""
            elif name == "informatieobjecttypen":
                value = list(value or [])
            values[name] = value
        return values


class BesluitTypeQuery(VersionQuery):
    omschrijving: str | None = None
    zaaktypen: str | None = None
    informatieobjecttypen: str | None = None


def _render(rows: Any, day: date | None = None) -> list[dict[str, Any]]:
    return render_besluittypen(rows, day)


def _local(resource: str, value: str, name: str) -> Any:
    key = uuid_of(resource, value)
    if key is None:
        raise ApiValidationError(
            [FieldError(name, "invalid", f"Geef een geldige URL van een {resource[:-1]} op.")]
        )
    return key


@router.get("/besluittypen")
def list_besluittypen(request: HttpRequest) -> HttpResponse:
    caller_with(request, *READ)
    query = parse_query(request, BesluitTypeQuery)
    rows = filter_versions(BesluitType.objects.order_by("id"), query)
    if query.omschrijving is not None:
        rows = rows.filter(omschrijving=query.omschrijving)
    if query.zaaktypen is not None:
        zaaktype = ZaakType.objects.filter(uuid=_local("zaaktypen", query.zaaktypen, "zaaktypen")).first()
        if zaaktype is None:
            rows = rows.none()
        else:
            rows = rows.filter(
                catalogus_id=zaaktype.catalogus_id,
                omschrijving__in=zaaktype.besluittype_links.values("besluittype_omschrijving"),
            )
    if query.informatieobjecttypen is not None:
        key = _local("informatieobjecttypen", query.informatieobjecttypen, "informatieobjecttypen")
        iot = InformatieObjectType.objects.filter(uuid=key).first()
        if iot is None:
            rows = rows.none()
        else:
            rows = rows.filter(
                catalogus_id=iot.catalogus_id,
                informatieobjecttype_links__informatieobjecttype_omschrijving=iot.omschrijving,
            ).distinct()
    day = day_of(query)
    page = paginate(request, rows, lambda batch: _render(batch, day))
    expand.apply(page["results"], query.expand)
    return json_response(page)


@router.post("/besluittypen")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    body = parse_body(request, BesluitTypeIn)
    besluittype = create_besluittype(body.to_values(), caller.actor(request))
    data = _render([besluittype])[0]
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.api_operation(["GET", "HEAD"], "/besluittypen/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller_with(request, *READ)
    query = parse_query(request, DetailQuery)
    data = _render([get_by_uuid(BesluitType.objects, uuid)], day_of(query))[0]
    expand.apply(data, query.expand)
    return detail_response(request, data)


@router.api_operation(["PUT", "PATCH"], "/besluittypen/{uuid}")
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *WRITE_OR_FORCED)
    besluittype = get_by_uuid(BesluitType.objects, uuid)
    if request.method == "PUT":
        changes = parse_body(request, BesluitTypeIn).to_values()
    else:
        partial, sent = parse_partial(request, BesluitTypeIn)
        changes = partial.to_values(sent)
    besluittype = update_besluittype(
        besluittype,
        changes,
        caller.actor(request),
        partial=request.method == "PATCH",
        correctie=is_correctie(caller),
    )
    return json_response(_render([besluittype])[0])


@router.delete("/besluittypen/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *DELETE_OR_FORCED)
    besluittype = get_by_uuid(BesluitType.objects, uuid)
    delete_besluittype(besluittype, caller.actor(request), geforceerd=may_force_delete(caller))
    return HttpResponse(status=204)


@router.post("/besluittypen/{uuid}/publish")
def publish(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    besluittype = publish_besluittype(get_by_uuid(BesluitType.objects, uuid), caller.actor(request))
    return json_response(_render([besluittype])[0])
