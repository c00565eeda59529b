"""The endpoints every versioned main type has: list, create, read (GET/HEAD with ETag), update
(PUT/PATCH), delete and publish (Catalogi 1.3.3). Each of zaaktypen, informatieobjecttypen and
besluittypen describes its schema, its own list filters, renderer and service functions in a
:class:`MainTypeApi`; this module builds the router, so the three authorise, parse and answer in
exactly the same way (the sub-types have :mod:`.subtype_endpoints`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router

from zaakwerk.api import expand
from zaakwerk.api.etag import detail_response
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import parse_body
from zaakwerk.catalogi.api.common import (
    READ_ZAAKTYPE,
    WRITE,
    TypeIn,
    caller_with,
    delete_view,
    get_by_uuid,
    update_view,
)
from zaakwerk.catalogi.api.versioned import DetailQuery, VersionQuery, day_of, filter_versions

# ztc-014: the Zaken, Documenten and Besluiten APIs read the catalogue with their own read scopes.
READ = READ_ZAAKTYPE


@dataclass(frozen=True)
class MainTypeApi:
    collection: str  # URL segment, e.g. "zaaktypen"
    model: type[Model]
    schema: type[TypeIn]
    query: type[VersionQuery]
    # the type's own list filters, after catalogus, status and datumGeldigheid
    filter: Callable[[QuerySet[Any], Any], QuerySet[Any]]
    render: Callable[
        [Sequence[Any], date | None], list[dict[str, Any]]
    ]  # (rows, day relations are shown for)
    create: Callable[..., Any]  # (values, actor) -> row
    update: Callable[..., Any]  # (row, changes, actor, *, partial, correctie) -> row
    delete: Callable[..., None]  # (row, actor, *, geforceerd) -> None
    publish: Callable[..., Any]  # (row, actor) -> row


def build_router(spec: MainTypeApi) -> Router:
    router = Router(tags=[spec.collection])
    path = f"/{spec.collection}"

    def objects() -> QuerySet[Any]:
        found: QuerySet[Any] = spec.model._default_manager.order_by("id")
        return found

    def render(rows: Sequence[Any], day: date | None = None) -> list[dict[str, Any]]:
        return spec.render(rows, day)

    def list_view(request: HttpRequest) -> HttpResponse:
        caller_with(request, *READ)
        query = parse_query(request, spec.query)
        rows = spec.filter(filter_versions(objects(), query), query)
        day = day_of(query)
        page = paginate(request, rows, lambda batch: render(batch, day))
        expand.apply(page["results"], query.expand)
        return json_response(page)

    def create_view(request: HttpRequest) -> HttpResponse:
        caller = caller_with(request, *WRITE)
        row = spec.create(parse_body(request, spec.schema).to_values(), caller.actor(request))
        data = render([row])[0]
        # 201 as every other create (RULES.md 1.1); the 1.3.3 OAS says 200 for
        # informatieobjecttypen by mistake
        return json_response(data, status=201, headers={"Location": data["url"]})

    def read_view(request: HttpRequest, uuid: str) -> HttpResponse:
        caller_with(request, *READ)
        query = parse_query(request, DetailQuery)
        data = render([get_by_uuid(objects(), uuid)], day_of(query))[0]
        expand.apply(data, query.expand)
        return detail_response(request, data)

    def publish_view(request: HttpRequest, uuid: str) -> HttpResponse:
        caller = caller_with(request, *WRITE)
        row = spec.publish(get_by_uuid(objects(), uuid), caller.actor(request))
        return json_response(render([row])[0])

    name = spec.collection
    detail = f"{path}/{{uuid}}"
    router.add_api_operation(path, ["GET"], list_view, operation_id=f"{name}_list")
    router.add_api_operation(path, ["POST"], create_view, operation_id=f"{name}_create")
    router.add_api_operation(detail, ["GET", "HEAD"], read_view, operation_id=f"{name}_read")
    update = update_view(objects, spec.schema, spec.update, render)
    router.add_api_operation(detail, ["PUT", "PATCH"], update, operation_id=f"{name}_update")
    router.add_api_operation(
        detail, ["DELETE"], delete_view(objects, spec.delete), operation_id=f"{name}_delete"
    )
    router.add_api_operation(f"{detail}/publish", ["POST"], publish_view, operation_id=f"{name}_publish")
    return router
