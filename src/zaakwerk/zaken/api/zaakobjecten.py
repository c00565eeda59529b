"""``/zaakobjecten``: list, create, read, update, delete (Zaken API 1.7.0)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.etag import detail_response
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body, parse_partial
from zaakwerk.core.caller import Caller
from zaakwerk.core.values import only
from zaakwerk.zaken.access import access_zaak, may_access
from zaakwerk.zaken.api import expansion, spec_shapes
from zaakwerk.zaken.api.common import CREATE, DELETE, FORCED, READ, UPDATE, caller_with
from zaakwerk.zaken.api.schemas import RequiredUrl, Url
from zaakwerk.zaken.api.sub_common import find, render_with_expand, visible, zaak_from_url, zaak_lookup
from zaakwerk.zaken.models import Zaak, ZaakObject
from zaakwerk.zaken.models.choices import ObjectType
from zaakwerk.zaken.services.inputs import OverigeDefinitie, ZaakObjectValues
from zaakwerk.zaken.services.zaakobjecten import create_zaakobject, delete_zaakobject, update_zaakobject
from zaakwerk.zaken.subresource_representations import render_zaakobjecten

router = Router(tags=["zaakobjecten"])


class OverigeDefinitieIn(RequestSchema):
    url: RequiredUrl
    schema_: str = Field(min_length=1, max_length=100, alias="schema")
    object_data: str = Field(min_length=1, max_length=100)

    def to_value(self) -> OverigeDefinitie:
        return {"url": self.url, "schema": self.schema_, "objectData": self.object_data}


class ZaakObjectIn(RequestSchema):
    zaak: RequiredUrl
    object: Url = ""
    zaakobjecttype: Url = ""
    object_type: ObjectType
    object_type_overige: str = Field("", max_length=100, pattern=r"^[a-z_]*$")
    object_type_overige_definitie: OverigeDefinitieIn | None = None
    relatieomschrijving: str = Field("", max_length=80)
    object_identificatie: dict[str, Any] | None = None

    def to_values(self, sent: set[str] | None = None) -> ZaakObjectValues:
        definitie = self.object_type_overige_definitie
        values: ZaakObjectValues = {
            "object": self.object,
            "zaakobjecttype": self.zaakobjecttype,
            "object_type": getattr(self.object_type, "value", self.object_type),
            "object_type_overige": self.object_type_overige,
            "object_type_overige_definitie": definitie.to_value() if definitie is not None else None,
            "relatieomschrijving": self.relatieomschrijving,
            "object_identificatie": self.object_identificatie,
        }
        return only(values, sent) if sent is not None else values


class ZaakObjectQuery(QuerySchema):
    zaak: str | None = Field(None, max_length=1000)
    object: str | None = Field(None, max_length=1000)
    object_type: ObjectType | None = Field(None, alias="objectType")
    expand: str | None = Field(None, max_length=1000)


class DetailQuery(QuerySchema):
    expand: str | None = Field(None, max_length=1000)


def _identificatie_errors(object_type: str, identificatie: dict[str, Any] | None) -> None:
    """objectIdentificatie is validated against the objectType discriminator (OAS)."""
    if identificatie is None:
        return
    schema = spec_shapes.variant_schema("ZaakObject", object_type, "objectIdentificatie")
    errors = spec_shapes.validate(schema or {}, identificatie, "objectIdentificatie")
    if errors:
        raise ApiValidationError(errors)


@router.get("/zaakobjecten")
def list_zaakobjecten(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ZaakObjectQuery)
    lookups = zaak_lookup(query.zaak)
    if query.object is not None:
        lookups["object"] = query.object
    if query.object_type is not None:
        lookups["object_type"] = query.object_type.value
    rows = visible(caller, ZaakObject.objects.filter(**lookups), READ).order_by("id")
    result = paginate(request, rows, render_zaakobjecten)
    expansion.expand(caller, result["results"], query.expand)
    return json_response(result)


@router.post("/zaakobjecten")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, CREATE, UPDATE, FORCED)
    body = parse_body(request, ZaakObjectIn)
    _identificatie_errors(body.object_type.value, body.object_identificatie)
    zaak = zaak_from_url(caller, body.zaak, scope=(CREATE, UPDATE, FORCED))
    row = create_zaakobject(
        zaak, body.to_values(), caller.actor(request), geforceerd=may_access(caller, zaak, FORCED)
    )
    data = render_zaakobjecten([row])[0]
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.api_operation(["GET", "HEAD"], "/zaakobjecten/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, DetailQuery)
    row = find(ZaakObject.objects.select_related("zaak"), uuid)
    access_zaak(caller, row.zaak.uuid, scope=READ)
    return detail_response(request, render_with_expand(caller, [row], render_zaakobjecten, query.expand)[0])


@router.api_operation(["PUT", "PATCH"], "/zaakobjecten/{uuid}")
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE, FORCED)
    row = find(ZaakObject.objects.select_related("zaak"), uuid)
    owner = access_zaak(caller, row.zaak.uuid, scope=(UPDATE, FORCED))
    if request.method == "PUT":
        body = parse_body(request, ZaakObjectIn)
        sent = set(type(body).model_fields)
    else:
        body, sent = parse_partial(request, ZaakObjectIn)
    changes = body.to_values(sent)
    object_type = changes.get("object_type", row.object_type)
    if "object_identificatie" in changes:
        _identificatie_errors(object_type, changes["object_identificatie"])
    named = zaak_from_url(caller, body.zaak, scope=READ) if "zaak" in sent and body.zaak else None
    row = update_zaakobject(
        row,
        named,
        changes,
        caller.actor(request),
        partial=request.method == "PATCH",
        geforceerd=may_access(caller, owner, FORCED),
    )
    return json_response(render_zaakobjecten([row])[0])


@router.delete("/zaakobjecten/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE, FORCED, DELETE)
    row = find(ZaakObject.objects.select_related("zaak"), uuid)
    zaak = access_zaak(caller, row.zaak.uuid, scope=(UPDATE, FORCED, DELETE))
    delete_zaakobject(row, caller.actor(request), geforceerd=may_access_forced(caller, zaak))
    return HttpResponse(status=204)


def may_access_forced(caller: Caller, zaak: Zaak) -> bool:
    """Deleting with zaken.verwijderen removes the zaak's data anyway; it counts as forced."""
    return may_access(caller, zaak, FORCED) or may_access(caller, zaak, DELETE)
