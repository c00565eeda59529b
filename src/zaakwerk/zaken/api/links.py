"""The endpoints of a zaak's link to another API's object: list, create, read, delete.

/zaakcontactmomenten and /zaakverzoeken differ only in the name of the URL field
(:class:`zaakwerk.zaken.services.links.LinkKind`), so one function builds both routers.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field, create_model

from zaakwerk.api.etag import detail_response
from zaakwerk.api.params import NoQuery, QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body
from zaakwerk.zaken.access import access_zaak
from zaakwerk.zaken.api.common import READ, UPDATE, caller_with
from zaakwerk.zaken.api.schemas import RequiredUrl
from zaakwerk.zaken.api.sub_common import find, visible, zaak_from_url, zaak_lookup
from zaakwerk.zaken.services.links import LinkKind, create_link, delete_link


def link_router(kind: LinkKind) -> Router:
    router = Router(tags=[kind.collection])
    path = f"/{kind.collection}"
    # the URL field's name is the kind's: a field given by name, beside the zaak both have
    body_fields: dict[str, Any] = {"zaak": (RequiredUrl, ...), kind.field: (RequiredUrl, ...)}
    body_schema = create_model(f"{kind.model.__name__}In", __base__=RequestSchema, **body_fields)
    query_fields: dict[str, Any] = {
        name: (str | None, Field(None, max_length=1000)) for name in ("zaak", kind.field)
    }
    query_schema = create_model(f"{kind.model.__name__}Query", __base__=QuerySchema, **query_fields)
    rows = kind.model._default_manager.select_related("zaak")

    @router.get(path, url_name=f"{kind.collection}-list")
    def list_links(request: HttpRequest) -> HttpResponse:
        caller = caller_with(request, READ)
        query: Any = parse_query(request, query_schema)
        lookups = zaak_lookup(query.zaak)
        if getattr(query, kind.field) is not None:
            lookups[kind.field] = getattr(query, kind.field)
        found = visible(caller, kind.model._default_manager.filter(**lookups), READ).order_by("id")
        return json_response(kind.render(list(found)))

    @router.post(path, url_name=f"{kind.collection}-create")
    def create(request: HttpRequest) -> HttpResponse:
        caller = caller_with(request, UPDATE)
        body: Any = parse_body(request, body_schema)
        zaak = zaak_from_url(caller, body.zaak, scope=UPDATE)
        row = create_link(kind, zaak, getattr(body, kind.field), caller.actor(request))
        data = kind.render([row])[0]
        return json_response(data, status=201, headers={"Location": data["url"]})

    @router.get(f"{path}/{{uuid}}", url_name=f"{kind.collection}-read")
    def read(request: HttpRequest, uuid: str) -> HttpResponse:
        caller = caller_with(request, READ)
        parse_query(request, NoQuery)
        row: Any = find(rows, uuid)
        access_zaak(caller, row.zaak.uuid, scope=READ)
        return detail_response(request, kind.render([row])[0])

    @router.delete(f"{path}/{{uuid}}", url_name=f"{kind.collection}-delete")
    def delete(request: HttpRequest, uuid: str) -> HttpResponse:
        caller = caller_with(request, UPDATE)
        row: Any = find(rows, uuid)
        access_zaak(caller, row.zaak.uuid, scope=UPDATE)
        delete_link(kind, row, caller.actor(request))
        return HttpResponse(status=204)

    return router
