"""What the endpoints of gebruiksrechten, objectinformatieobjecten and verzendingen share: the
document a request body names, the row a URL names, and expansion of the answer."""

from __future__ import annotations

import uuid as uuid_lib
from typing import Any, TypeVar

from django.db.models import QuerySet
from pydantic import Field

from zaakwerk.api.params import QuerySchema
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import NotFound, ValidationError
from zaakwerk.core.references import uuid_from_url
from zaakwerk.documenten.access import access_informatieobject, visible_informatieobjecten
from zaakwerk.documenten.api import expansion
from zaakwerk.documenten.models import (
    EnkelvoudigInformatieObject,
    Gebruiksrecht,
    ObjectInformatieObject,
    Verzending,
)

# the rows that hang off a document
M = TypeVar("M", Gebruiksrecht, ObjectInformatieObject, Verzending)
Data = dict[str, Any]


class ExpandQuery(QuerySchema):
    expand: str | None = Field(None, max_length=1000)


def informatieobject_for(
    caller: Caller, url: str, scope: str | tuple[str, ...], *, field: str = "informatieobject"
) -> EnkelvoudigInformatieObject:
    """The document of this register at ``url``: ``bad-url`` when there is none, 403 when the
    caller may not use it with ``scope``."""
    key = uuid_from_url(url, "documenten", "enkelvoudiginformatieobjecten")
    try:
        if key is None:
            raise NotFound()
        return access_informatieobject(caller, key, scope=scope)
    except NotFound:
        raise ValidationError.single(
            field, "bad-url", f"De URL {url} resulteerde niet in een HTTP 200 (status 404)."
        ) from None


def visible(rows: QuerySet[M], caller: Caller, scope: str) -> QuerySet[M]:
    """``rows`` whose document the caller may use with ``scope`` (filtered in SQL)."""
    return rows.filter(informatieobject__in=visible_informatieobjecten(caller, scope))


def filter_informatieobject(rows: QuerySet[M], url: str | None) -> QuerySet[M]:
    if url is None:
        return rows
    key = uuid_from_url(url, "documenten", "enkelvoudiginformatieobjecten")
    return rows.filter(informatieobject__uuid=key) if key is not None else rows.none()


def row_for(rows: QuerySet[M], caller: Caller, key: str, scope: str | tuple[str, ...]) -> M:
    """The row ``key`` (404 absent) whose document the caller may use with ``scope`` (403)."""
    try:
        value = uuid_lib.UUID(key)
    except ValueError:
        raise NotFound() from None
    row = rows.select_related("informatieobject__latest").filter(uuid=value).first()
    if row is None:
        raise NotFound()
    access_informatieobject(caller, row.informatieobject.uuid, scope=scope)
    return row


def expanded(caller: Caller, data: list[Data] | Data, value: str | None) -> Any:
    expansion.expand(caller, data if isinstance(data, list) else [data], value)
    return data
