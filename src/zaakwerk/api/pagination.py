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


def page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    try:
        page = int(raw)
    except ValueError:
        raise ApiError(404, "not_found", "Ongeldige pagina.") from None
    if page < 1:
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


def paginate(
    request: HttpRequest,
    queryset: QuerySet[M],
    render: Callable[[Sequence[M]], list[dict[str, Any]]],
    *,
    page_size: int | None = None,
) -> dict[str, Any]:
    """One page of ``queryset`` (already filtered and ordered), rendered in one batch."""
    size = page_size or settings.PAGE_SIZE
    page = page_number(request)
    count = queryset.count()
    start = (page - 1) * size
    rows = list(queryset[start : start + size]) if start < count else []
    return envelope(request, page, count, render(rows), size)
