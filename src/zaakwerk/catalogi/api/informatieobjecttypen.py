"""``/informatieobjecttypen``: list, create, read, update, delete, publish (Catalogi 1.3.3)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import BaseModel, Field

from zaakwerk.api import expand
from zaakwerk.api.etag import detail_response
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body, parse_partial
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
from zaakwerk.catalogi.models import InformatieObjectType
from zaakwerk.catalogi.representations import render_informatieobjecttypen
from zaakwerk.catalogi.services.informatieobjecttypen import (
    create_informatieobjecttype,
    delete_informatieobjecttype,
    publish_informatieobjecttype,
    update_informatieobjecttype,
)
from zaakwerk.core.vertrouwelijkheid import VertrouwelijkheidAanduiding

router = Router(tags=["informatieobjecttypen"])

# ztc-014: the Documenten API reads informatieobjecttypen with documenten.lezen.
READ = READ_ZAAKTYPE


class OmschrijvingGeneriekIn(BaseModel):
    informatieobjecttype_omschrijving_generiek: str = Field(
        max_length=80, alias="informatieobjecttypeOmschrijvingGeneriek"
    )
    definitie: str = Field(max_length=255, alias="definitieInformatieobjecttypeOmschrijvingGeneriek")
    herkomst: str = Field(max_length=12, alias="herkomstInformatieobjecttypeOmschrijvingGeneriek")
    hierarchie: str = Field(max_length=80, alias="hierarchieInformatieobjecttypeOmschrijvingGeneriek")
    opmerking: str | None = Field(
        None, max_length=255, alias="opmerkingInformatieobjecttypeOmschrijvingGeneriek"
    )


class InformatieObjectTypeIn(RequestSchema):
    catalogus: str = Field(min_length=1, max_length=1000)
    omschrijving: str = Field(max_length=80, min_length=1)
    vertrouwelijkheidaanduiding: VertrouwelijkheidAanduiding
    begin_geldigheid: date
    einde_geldigheid: date | None = None
    informatieobjectcategorie: str = Field(max_length=80, min_length=1)
    trefwoord: list[str] = Field(default_factory=list)
    omschrijving_generiek: OmschrijvingGeneriekIn | None = None

    def to_values(self, fields: set[str] | None = None) -> dict[str, Any]:
        sent = fields if fields is not None else set(type(self).model_fields)
        values: dict[str, Any] = {}
        for name in sent:
            value = getattr(self, name)
            if name == "omschrijving_generiek":
                values["omschrijving_generiek_informatieobjecttype"] = (
                    value.informatieobjecttype_omschrijving_generiek if value else ""
                )
                values["omschrijving_generiek_definitie"] = value.definitie if value else ""
                values["omschrijving_generiek_herkomst"] = value.herkomst if value else ""
                values["omschrijving_generiek_hierarchie"] = value.hierarchie if value else ""
                values["omschrijving_generiek_opmerking"] = value.opmerking if value else None
            elif name == "trefwoord":
                values[name] = list(value or [])
            else:
                values[name] = value
        return values


class InformatieObjectTypeQuery(VersionQuery):
    omschrijving: str | None = None


def _render(rows: Any, day: date | None = None) -> list[dict[str, Any]]:
    return render_informatieobjecttypen(rows, day)


@router.get("/informatieobjecttypen")
def list_informatieobjecttypen(request: HttpRequest) -> HttpResponse:
    caller_with(request, *READ)
    query = parse_query(request, InformatieObjectTypeQuery)
    rows = filter_versions(InformatieObjectType.objects.order_by("id"), query)
    if query.omschrijving is not None:
        rows = rows.filter(omschrijving=query.omschrijving)
    day = day_of(query)
    page = paginate(request, rows, lambda batch: _render(batch, day))
    expand.apply(page["results"], query.expand)
    return json_response(page)


@router.post("/informatieobjecttypen")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    body = parse_body(request, InformatieObjectTypeIn)
    iot = create_informatieobjecttype(body.to_values(), caller.actor(request))
    data = _render([iot])[0]
    # 201 as every other create (RULES.md 1.1); the 1.3.3 OAS says 200 here by mistake
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.api_operation(["GET", "HEAD"], "/informatieobjecttypen/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller_with(request, *READ)
    query = parse_query(request, DetailQuery)
    data = _render([get_by_uuid(InformatieObjectType.objects, uuid)], day_of(query))[0]
    expand.apply(data, query.expand)
    return detail_response(request, data)


@router.api_operation(["PUT", "PATCH"], "/informatieobjecttypen/{uuid}")
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *WRITE_OR_FORCED)
    iot = get_by_uuid(InformatieObjectType.objects, uuid)
    if request.method == "PUT":
        changes = parse_body(request, InformatieObjectTypeIn).to_values()
    else:
        partial, sent = parse_partial(request, InformatieObjectTypeIn)
        changes = partial.to_values(sent)
    iot = update_informatieobjecttype(
        iot, changes, caller.actor(request), partial=request.method == "PATCH", correctie=is_correctie(caller)
    )
    return json_response(_render([iot])[0])


@router.delete("/informatieobjecttypen/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *DELETE_OR_FORCED)
    iot = get_by_uuid(InformatieObjectType.objects, uuid)
    delete_informatieobjecttype(iot, caller.actor(request), geforceerd=may_force_delete(caller))
    return HttpResponse(status=204)


@router.post("/informatieobjecttypen/{uuid}/publish")
def publish(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    iot = publish_informatieobjecttype(get_by_uuid(InformatieObjectType.objects, uuid), caller.actor(request))
    return json_response(_render([iot])[0])
