"""What the endpoints of a zaak's sub-resources share: finding the zaak, access, lists.

Every read and write passes :func:`zaakwerk.zaken.access.access_zaak` (or, for lists,
:func:`~zaakwerk.zaken.access.visible_zaken` in SQL): a sub-resource is visible or writable
exactly when its zaak is, for the scope of the operation.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import FieldError, NotFound
from zaakwerk.core.references import uuid_from_url
from zaakwerk.zaken.access import access_zaak, visible_zaken
from zaakwerk.zaken.api import expansion
from zaakwerk.zaken.models import Zaak

M = TypeVar("M", bound=Model)


def zaak_from_url(caller: Caller, url: str, *, scope: str | tuple[str, ...], field: str = "zaak") -> Zaak:
    """The zaak a request body names: 400 if it is no zaak of this register, 403 if not allowed."""
    key = uuid_from_url(url, "zaken", "zaken")
    if key is None:
        raise ApiValidationError([FieldError(field, "no_match", "De URL verwijst niet naar een zaak.")])
    try:
        return access_zaak(caller, key, scope=scope)
    except NotFound:
        raise ApiValidationError([FieldError(field, "does_not_exist", "De zaak bestaat niet.")]) from None


def find(queryset: QuerySet[M], key: str) -> M:
    """The row with UUID ``key``; 404 when absent (before any access check on its zaak)."""
    try:
        value = uuid_lib.UUID(key)
    except ValueError:
        raise NotFound() from None
    row = queryset.filter(uuid=value).first()
    if row is None:
        raise NotFound()
    return row


def visible(caller: Caller, queryset: QuerySet[M], scope: str, *, via: str = "zaak") -> QuerySet[M]:
    """Rows whose zaak ``caller`` may use with ``scope``: a subquery, no join, no DISTINCT."""
    return queryset.filter(**{f"{via}__in": visible_zaken(caller, scope).values("pk")})


def zaak_lookup(url: str | None, *, via: str = "zaak") -> dict[str, Any]:
    """The filter for a ``zaak`` query parameter; a URL that is no local zaak matches nothing."""
    if url is None:
        return {}
    key = uuid_from_url(url, "zaken", "zaken")
    return {f"{via}__uuid": key} if key is not None else {"pk__in": []}


def render_with_expand(
    caller: Caller,
    rows: Sequence[M],
    render: Callable[[Sequence[M]], list[dict[str, Any]]],
    expand: str | None,
) -> list[dict[str, Any]]:
    items = render(rows)
    expansion.expand(caller, items, expand)
    return items
