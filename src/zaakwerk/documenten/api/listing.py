"""One page of informatieobjecten: filtered in SQL, ids first, then the rows of that page."""

from __future__ import annotations

from typing import Any

import orjson
from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpRequest

from zaakwerk.api.pagination import envelope, page_number
from zaakwerk.documenten.models import EnkelvoudigInformatieObjectVersie
from zaakwerk.documenten.representations import render_versies

Versies = QuerySet[EnkelvoudigInformatieObjectVersie]


def with_trefwoord(rows: Versies, trefwoord: str) -> Versies:
    """Documents that carry ``trefwoord`` (several calls: all of them)."""
    if connection.vendor == "postgresql":
        return rows.filter(trefwoorden__contains=[trefwoord])
    # SQLite has no JSON containment: match the quoted JSON string, then confirm exactly below
    candidates = rows.filter(trefwoorden__icontains=orjson.dumps(trefwoord).decode())
    exact = [pk for pk, words in candidates.values_list("pk", "trefwoorden") if trefwoord in (words or [])]
    return rows.filter(pk__in=exact)


def page(request: HttpRequest, rows: Versies) -> dict[str, Any]:
    size = settings.PAGE_SIZE
    number = page_number(request)
    count = rows.count()
    start = (number - 1) * size
    ids = (
        list(rows.order_by("informatieobject_id").values_list("id", flat=True)[start : start + size])
        if start < count
        else []
    )
    found = EnkelvoudigInformatieObjectVersie.objects.select_related("informatieobject").in_bulk(ids)
    return envelope(request, number, count, render_versies([found[pk] for pk in ids]), size)
