"""``/zaken``: list, create, read, update, delete (Zaken API 1.7.0)."""

from __future__ import annotations

from typing import Any

import pydantic
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.etag import detail_response
from zaakwerk.api.params import QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import parse_body, parse_partial
from zaakwerk.api.type_rights import require_type_right
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import PermissionDenied
from zaakwerk.zaken.access import access_zaak, may_access, visible_zaken
from zaakwerk.zaken.api import expansion, filters, listing
from zaakwerk.zaken.api.common import (
    CREATE,
    DELETE,
    FORCED,
    READ,
    UPDATE,
    caller_with,
    check_crs,
    with_crs,
)
from zaakwerk.zaken.api.schemas import ZaakIn
from zaakwerk.zaken.models import Zaak
from zaakwerk.zaken.representations import render_new_zaak, render_zaken
from zaakwerk.zaken.services.zaken import create_zaak, delete_zaak, update_zaak

router = Router(tags=["zaken"])


class _ZaakQuery(QuerySchema):
    ordering: filters.Strings | None = Field(None, alias="ordering")


ZaakQuery = pydantic.create_model("ZaakQuery", __base__=_ZaakQuery, **filters.model_fields())
LIST_PARAMS = frozenset(param for param in filters.ALL_FILTERS if param.endswith("__in")) | {"ordering"}


class DetailQuery(QuerySchema):
    expand: str | None = Field(None, max_length=1000)


def _require(caller: Caller, zaak: Zaak, *scopes: str) -> None:
    """After a write: the caller must be allowed the zaak as it now is (zaaktype, vertrouwelijkheid)."""
    if not any(may_access(caller, zaak, scope) for scope in scopes):
        raise PermissionDenied()


@router.get("/zaken")
def list_zaken(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    check_crs(request, body=False)
    query = parse_query(request, ZaakQuery, list_fields=LIST_PARAMS)
    values: dict[str, Any] = query.model_dump(by_alias=True)
    order_by = listing.ordering(values.get("ordering"))
    kept = listing.kept(caller, READ, values)
    if kept is not None and kept.groups is not None and order_by == ["id"]:
        result = listing.group_page(request, kept.groups)
    else:
        rows = filters.apply(visible_zaken(caller, READ), values)
        result = listing.page(request, rows, order_by, count=kept.count if kept else None)
    expansion.expand(caller, result["results"], values.get("expand"))
    return with_crs(json_response(result))


@router.post("/zaken")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, CREATE)
    check_crs(request, body=True)
    require_type_right(caller, request, component="zrc", scope=CREATE, field="zaaktype")
    body = parse_body(request, ZaakIn)
    zaak = create_zaak(
        body.to_values(), caller.actor(request), allowed=lambda zaak: may_access(caller, zaak, CREATE)
    )
    data = render_new_zaak(zaak)
    return with_crs(json_response(data, status=201, headers={"Location": data["url"]}))


@router.api_operation(["GET", "HEAD"], "/zaken/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    check_crs(request, body=False)
    query = parse_query(request, DetailQuery)
    zaak = access_zaak(caller, uuid, scope=READ)
    data = render_zaken([zaak])[0]
    expansion.expand(caller, [data], query.expand)
    return detail_response(request, data, headers={"Content-Crs": "EPSG:4326"})


@router.api_operation(["PUT", "PATCH"], "/zaken/{uuid}")
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE, FORCED)
    check_crs(request, body=True)
    zaak = access_zaak(caller, uuid, scope=(UPDATE, FORCED))
    if request.method == "PUT":
        changes = parse_body(request, ZaakIn).to_values()
    else:
        partial, sent = parse_partial(request, ZaakIn)
        changes = partial.to_values(sent)
    with transaction.atomic():
        zaak = update_zaak(
            zaak,
            changes,
            caller.actor(request),
            partial=request.method == "PATCH",
            geforceerd=may_access(caller, zaak, FORCED),
        )
        _require(caller, zaak, UPDATE, FORCED)
    return with_crs(json_response(render_zaken([zaak])[0]))


@router.delete("/zaken/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, DELETE)
    # No CRS check: the headers describe geometry in a body and a DELETE has none (ADR 0015).
    zaak = access_zaak(caller, uuid, scope=DELETE)
    delete_zaak(zaak, caller.actor(request))
    return HttpResponse(status=204)
