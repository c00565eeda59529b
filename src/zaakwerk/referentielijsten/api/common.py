"""What the Referentielijsten endpoints share: UUIDs from the path, pages of in-memory lists."""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.pagination import envelope, page_number
from zaakwerk.api.params import QuerySchema, parse_query
from zaakwerk.core.errors import NON_FIELD, FieldError, NotFound

T = TypeVar("T")
QueryT = TypeVar("QueryT", bound=QuerySchema)


def path_uuid(value: str) -> uuid_lib.UUID:
    """The UUID of a detail URL; anything that is not one cannot exist (404)."""
    try:
        return uuid_lib.UUID(value)
    except ValueError:
        raise NotFound() from None


def found(record: T | None) -> T:
    if record is None:
        raise NotFound()
    return record


def unpaginated_query(request: HttpRequest, schema: type[QueryT]) -> QueryT:
    """Query of a list the spec serves as a plain array: it has no ``page`` parameter either."""
    if "page" in request.GET:
        raise ApiValidationError(
            [FieldError(NON_FIELD, "unknown-parameters", "Onbekende query parameters: page")]
        )
    return parse_query(request, schema)


def page_of(request: HttpRequest, rows: Sequence[T], render: Callable[[T], dict[str, Any]]) -> dict[str, Any]:
    """One page of an in-memory list in the standard envelope; an out-of-range page is a 404."""
    size = settings.PAGE_SIZE
    page = page_number(request)
    start = (page - 1) * size
    return envelope(request, page, len(rows), [render(row) for row in rows[start : start + size]], size)
