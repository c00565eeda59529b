"""The standard's page envelope (RULES.md 1.3): ``count``, ``next``, ``previous``, ``results``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from zaakwerk.api.errors import ApiError

M = TypeVar("M", bound=Model)

# No list holds this many pages (its rows' offset would not fit a 64-bit integer, which the
# databases' OFFSET takes): a page beyond is refused before any query, as any page past the last.
MAX_PAGE = 2**63 // 10_000


def page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    try:
        page = int(raw)
    except ValueError:
        raise ApiError(404, "not_found", "Ongeldige pagina.") from None
    if page < 1 or page > MAX_PAGE:
        raise ApiError(404, "not_found", "Ongeldige pagina.")
    return page


def page_url(request: HttpRequest, page: int) -> str:
    params = [(key, value) for key, values in request.GET.lists() for value in values if key != "page"]
    params.append(("page", str(page)))
    base = settings.PUBLIC_URL + request.path[len(request.META.get("SCRIPT_NAME", "")) :]
    return f"{base}?{urlencode(params)}"


def envelope(
    request: HttpRequest, page: int, count: int, results: Sequence[Any], page_size: int
) -> dict[str, Any]:
    last = max(1, -(-count // page_size))
    if page > last:
        raise ApiError(404, "not_found", "Ongeldige pagina.")
    return {
        "count": count,
        "next": page_url(request, page + 1) if page < last else None,
        "previous": page_url(request, page - 1) if page > 1 else None,
        "results": list(results),
    }


def count_of_page(page: int, size: int, found: int) -> int | None:
    """How many rows the whole list has, when one page of it says so without counting: a page
    that is not full (and not empty, or the first) is the last, so the count is the rows before
    it plus its own. None: count them (a full page, or an empty one beyond the first)."""
    if found < size and (found > 0 or page == 1):
        return (page - 1) * size + found
    return None


def paginate(
    request: HttpRequest,
    queryset: QuerySet[M],
    render: Callable[[Sequence[M]], list[dict[str, Any]]],
    *,
    page_size: int | None = None,
) -> dict[str, Any]:
    """One page of ``queryset`` (already filtered and ordered), rendered in one batch.

    The page's rows are read first: most lists (a zaak's statussen, a zaaktype's sub-types) fit
    on one page, and then their number is the count, without a ``COUNT(*)``."""
    size = page_size or settings.PAGE_SIZE
    page = page_number(request)
    start = (page - 1) * size
    rows = list(queryset[start : start + size])
    count = count_of_page(page, size, len(rows))
    if count is None:
        count = queryset.count()
    return envelope(request, page, count, render(rows), size)
