"""What the Catalogi endpoints share: authorisation, lookup by uuid, and the update and delete
endpoints every catalogue type has (main types and sub-types alike)."""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

from django.db.models import Manager, Model, QuerySet
from django.http import HttpRequest, HttpResponse

from zaakwerk.api.auth import authenticate
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body, parse_partial
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import NotFound

COMPONENT = "ztc"
READ = ("catalogi.lezen",)
WRITE = ("catalogi.schrijven",)
WRITE_OR_FORCED = ("catalogi.schrijven", "catalogi.geforceerd-schrijven")
DELETE_OR_FORCED = ("catalogi.schrijven", "catalogi.geforceerd-verwijderen")
# ztc-014: components reading zaken or documenten may read the catalogue they refer to.
READ_ZAAKTYPE = ("catalogi.lezen", "zaken.lezen", "documenten.lezen")

M = TypeVar("M", bound=Model)


def caller_with(request: HttpRequest, *scopes: str) -> Caller:
    """Authenticate and require one of ``scopes``; 401/403 in the standard's format."""
    caller = authenticate(request)
    caller.require_scope(*scopes)
    return caller


def get_by_uuid(queryset: QuerySet[M, M] | Manager[M], value: str) -> M:
    try:
        key = uuid_lib.UUID(value)
    except ValueError:
        raise NotFound() from None
    found = queryset.filter(uuid=key).first()
    if found is None:
        raise NotFound()
    return found


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def is_correctie(caller: Caller) -> bool:
    """A change of a published version is a correctie when the caller may force writes."""
    return caller.has_scope(["catalogi.geforceerd-schrijven"])


def may_force_delete(caller: Caller) -> bool:
    return caller.has_scope(["catalogi.geforceerd-verwijderen"])


class TypeIn(RequestSchema):
    """Base of the catalogue types' request bodies: :meth:`to_values` gives the service input,
    a ``TypedDict`` of :mod:`zaakwerk.catalogi.services.inputs` built field by field (only the
    ``fields`` sent, for PATCH)."""

    def to_values(self, fields: set[str] | None = None) -> Mapping[str, Any]:
        raise NotImplementedError


def sent_keys(fields: set[str], groups: Mapping[str, Collection[str]]) -> set[str]:
    """The keys of the service input a PATCH sent: ``fields``, and the columns of each nested
    group among them (``groups``: request field → the columns it is stored in)."""
    names = set(fields)
    for group, columns in groups.items():
        if group in fields:
            names.update(columns)
    return names


Objects = Callable[[], QuerySet[Any]]
View = Callable[..., HttpResponse]


def update_view(
    objects: Objects,
    schema: type[TypeIn],
    update: Callable[..., Any],
    render: Callable[[Sequence[Any]], list[dict[str, Any]]],
) -> View:
    """PUT/PATCH of one type: ``update(row, changes, actor, *, partial, correctie)``."""

    def view(request: HttpRequest, uuid: str) -> HttpResponse:
        caller = caller_with(request, *WRITE_OR_FORCED)
        row = get_by_uuid(objects(), uuid)
        if request.method == "PUT":
            changes = parse_body(request, schema).to_values()
        else:
            partial, sent = parse_partial(request, schema)
            changes = partial.to_values(sent)
        partly = request.method == "PATCH"
        row = update(row, changes, caller.actor(request), partial=partly, correctie=is_correctie(caller))
        return json_response(render([row])[0])

    return view


def delete_view(objects: Objects, delete: Callable[..., None]) -> View:
    """DELETE of one type: ``delete(row, actor, *, geforceerd)``."""

    def view(request: HttpRequest, uuid: str) -> HttpResponse:
        caller = caller_with(request, *DELETE_OR_FORCED)
        row = get_by_uuid(objects(), uuid)
        delete(row, caller.actor(request), geforceerd=may_force_delete(caller))
        return HttpResponse(status=204)

    return view
