"""The endpoints every sub-type of a zaaktype has: list, create, read (GET/HEAD with ETag),
update (PUT/PATCH) and delete (Catalogi 1.3.3). Each resource module describes its schema,
filters, renderer and service functions in a :class:`SubtypeApi`; this module builds the
router, so the six resources authorise, parse and answer in exactly the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api import expand
from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.etag import detail_response
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import parse_body
from zaakwerk.catalogi.api.common import (
    READ_ZAAKTYPE,
    WRITE_OR_FORCED,
    TypeIn,
    caller_with,
    delete_view,
    get_by_uuid,
    is_correctie,
    update_view,
)
from zaakwerk.catalogi.queries import geldig_op
from zaakwerk.catalogi.urls import uuid_of
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import FieldError

# ztc-014: the Zaken API reads the sub-types of a zaaktype with zaken.lezen.
READ = READ_ZAAKTYPE


class SubtypeIn(TypeIn):
    """Base of the sub-types' request bodies; ``to_values`` gives the service input (a
    ``TypedDict`` of :mod:`zaakwerk.catalogi.services.inputs`, built field by field)."""


class SubtypeQuery(QuerySchema):
    """The filters statustypen, roltypen, resultaattypen and eigenschappen share."""

    zaaktype: str | None = None
    zaaktype_identificatie: str | None = Field(None, alias="zaaktypeIdentificatie")
    status: Literal["alles", "concept", "definitief"] | None = None
    datum_geldigheid: date | None = Field(None, alias="datumGeldigheid")
    expand: str | None = None


class DetailQuery(QuerySchema):
    expand: str | None = None


def zaaktype_key(value: str, name: str = "zaaktype") -> Any:
    key = uuid_of("zaaktypen", value)
    if key is None:
        raise ApiValidationError([FieldError(name, "invalid", "Geef een geldige zaaktype-URL op.")])
    return key


def filter_by_zaaktype(rows: QuerySet[Any], query: Any) -> QuerySet[Any]:
    """``zaaktype``, ``zaaktypeIdentificatie``, ``status`` (of the zaaktype, default
    ``definitief``) and ``datumGeldigheid`` (the zaaktype valid on that day)."""
    if getattr(query, "zaaktype", None) is not None:
        rows = rows.filter(zaaktype__uuid=zaaktype_key(query.zaaktype))
    if getattr(query, "zaaktype_identificatie", None) is not None:
        rows = rows.filter(zaaktype__identificatie=query.zaaktype_identificatie)
    if hasattr(query, "status"):
        status = query.status or "definitief"
        if status != "alles":
            rows = rows.filter(zaaktype__concept=status == "concept")
    if getattr(query, "datum_geldigheid", None) is not None:
        rows = rows.filter(geldig_op(query.datum_geldigheid, "zaaktype__"))
    return rows


@dataclass(frozen=True)
class SubtypeApi:
    collection: str  # URL segment, e.g. "statustypen"
    model: type[Model]
    schema: type[TypeIn]
    query: type[QuerySchema]
    filter: Callable[[QuerySet[Any], Any], QuerySet[Any]]
    render: Callable[[Sequence[Any]], list[dict[str, Any]]]
    create: Callable[..., Any]  # (values, actor, *, correctie) -> row
    update: Callable[..., Any]  # (row, changes, actor, *, partial, correctie) -> row
    delete: Callable[..., None]  # (row, actor, *, geforceerd) -> None


def build_router(spec: SubtypeApi) -> Router:
    router = Router(tags=[spec.collection])
    path = f"/{spec.collection}"
    name = spec.collection.replace("-", "_")

    def objects() -> QuerySet[Any]:
        manager: Any = spec.model._default_manager
        found: QuerySet[Any] = manager.select_related("zaaktype__catalogus").order_by("id")
        return found

    def list_view(request: HttpRequest) -> HttpResponse:
        caller_with(request, *READ)
        query = parse_query(request, spec.query)
        page = paginate(request, spec.filter(objects(), query), spec.render)
        expand.apply(page["results"], getattr(query, "expand", None))
        return json_response(page)

    def create_view(request: HttpRequest) -> HttpResponse:
        caller = caller_with(request, *WRITE_OR_FORCED)
        body = parse_body(request, spec.schema)
        actor: Actor = caller.actor(request)
        row = spec.create(body.to_values(), actor, correctie=is_correctie(caller))
        data = spec.render([row])[0]
        return json_response(data, status=201, headers={"Location": data["url"]})

    def read_view(request: HttpRequest, uuid: str) -> HttpResponse:
        caller_with(request, *READ)
        query = parse_query(request, DetailQuery)
        data = spec.render([get_by_uuid(objects(), uuid)])[0]
        expand.apply(data, query.expand)
        return detail_response(request, data)

    router.add_api_operation(path, ["GET"], list_view, operation_id=f"{name}_list", url_name=f"{name}-list")
    router.add_api_operation(path, ["POST"], create_view, operation_id=f"{name}_create")
    detail = f"{path}/{{uuid}}"
    router.add_api_operation(detail, ["GET", "HEAD"], read_view, operation_id=f"{name}_read")
    update = update_view(objects, spec.schema, spec.update, spec.render)
    router.add_api_operation(detail, ["PUT", "PATCH"], update, operation_id=f"{name}_update")
    router.add_api_operation(
        detail, ["DELETE"], delete_view(objects, spec.delete), operation_id=f"{name}_delete"
    )
    return router
