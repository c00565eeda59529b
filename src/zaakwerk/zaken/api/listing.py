"""One page of zaken: filtered and ordered in SQL, ids first, then the rows of that page.

Fetching the page's ids first lets the database answer from narrow indexes (authorisation,
ordering column) instead of sorting whole rows; the rows and their related collections are then
loaded for at most one page (DESIGN.md, performance notes).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from zaakwerk.api import expand
from zaakwerk.api.auth import Caller
from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.pagination import envelope, page_number
from zaakwerk.core import references
from zaakwerk.core.errors import FieldError
from zaakwerk.core.vertrouwelijkheid import rank
from zaakwerk.zaken import counts, expansion
from zaakwerk.zaken.access import may_access, visibility
from zaakwerk.zaken.models import Zaak
from zaakwerk.zaken.representations import render_zaken

ORDERINGS = {
    name: column
    for field, column in (
        ("startdatum", "startdatum"),
        ("einddatum", "einddatum"),
        ("publicatiedatum", "publicatiedatum"),
        ("archiefactiedatum", "archiefactiedatum"),
        ("registratiedatum", "registratiedatum"),
        ("identificatie", "identificatie"),
    )
    for name, column in ((field, column), (f"-{field}", f"-{column}"))
}


def ordering(value: str | list[str] | None, *, field: str = "ordering") -> list[str]:
    """The ORDER BY of an ``ordering`` parameter; id last, so pages never overlap."""
    parts = value if isinstance(value, list) else [value or ""]
    names = [name.strip() for part in parts for name in part.split(",") if name.strip()]
    unknown = [name for name in names if name not in ORDERINGS]
    if unknown:
        raise ApiValidationError(
            [FieldError(field, "invalid_choice", f"Ongeldige ordering: {', '.join(unknown)}.")]
        )
    columns = [ORDERINGS[name] for name in names]
    descending = bool(columns) and columns[-1].startswith("-")
    return [*columns, "-id" if descending else "id"]


# List parameters a kept count can answer: they only narrow zaaktype and vertrouwelijkheid.
COUNTED = {"zaaktype": "zaaktype", "maximaleVertrouwelijkheidaanduiding": "vertrouwelijkheid_rank__lte"}
NOT_FILTERS = frozenset({"ordering", "expand", "page"})


def kept_count(caller: Caller, scope: str, values: dict[str, Any]) -> int | None:
    """The list's count from the kept counts, or None when other filters need a real COUNT."""
    given = {param: value for param, value in values.items() if value is not None}
    if any(param not in COUNTED and param not in NOT_FILTERS for param in given):
        return None
    condition = visibility(caller, scope) or Q()
    for param, lookup in COUNTED.items():
        if param in given:
            value = getattr(given[param], "value", given[param])
            condition &= Q(**{lookup: rank(value) if lookup.startswith("vertrouwelijkheid") else value})
    return counts.total(condition)


def page(
    request: HttpRequest, rows: QuerySet[Zaak], order_by: list[str], *, count: int | None = None
) -> dict[str, Any]:
    """One page of ``rows``; ``count`` when it is known without counting rows."""
    size = settings.PAGE_SIZE
    number = page_number(request)
    if count is None:
        count = rows.count()
    start = (number - 1) * size
    ids = (
        list(rows.order_by(*order_by).values_list("id", flat=True)[start : start + size])
        if start < count
        else []
    )
    found = Zaak.objects.in_bulk(ids)
    return envelope(request, number, count, render_zaken([found[pk] for pk in ids]), size)


def expander(caller: Caller) -> expand.Expander:
    """Expand only what the caller may read: a zaak it may not see is not fetched."""

    def fetch(url: str) -> dict[str, Any] | None:
        key = references.uuid_from_url(url, "zaken", "zaken")
        if key is not None:
            zaak = Zaak.objects.filter(uuid=key).first()
            if zaak is None or not may_access(caller, zaak, "zaken.lezen"):
                return None
        body, status = references.fetch(url)
        return body if status == 200 else None

    return expand.Expander(fetch)


def apply_expand(caller: Caller, items: list[dict[str, Any]], value: str | None) -> None:
    # one rule for every Zaken resource: nothing the caller may not read is embedded
    expansion.expand(caller, items, value)
