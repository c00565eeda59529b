"""One page of informatieobjecten: filtered in SQL, ids first, then the rows of that page.

A page is cut from the documents' table (one row per document, ordered by id), not from the
versions, through a narrow index on (id, current version) that PostgreSQL reads without
touching the table. Without filters beyond the caller's autorisaties the kept counts
(:mod:`zaakwerk.documenten.counts`) give the count and the block of ids the page starts in, so
the page query starts there instead of skipping every document before it. Only then are the
page's current versions loaded and rendered, with one query for all their bestandsdelen
(DESIGN.md, performance notes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson
from django.conf import settings
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from zaakwerk.api.pagination import count_of_page, envelope, page_number
from zaakwerk.core.caller import Caller
from zaakwerk.documenten import counts, queries
from zaakwerk.documenten.access import READ_SCOPES, visibility
from zaakwerk.documenten.models import EnkelvoudigInformatieObject
from zaakwerk.documenten.representations import render_current

Documenten = QuerySet[EnkelvoudigInformatieObject]


def with_trefwoord(rows: Documenten, trefwoord: str) -> Documenten:
    """Documents whose current version carries ``trefwoord`` (several calls: all of them)."""
    if connection.vendor == "postgresql":
        return rows.filter(latest__trefwoorden__contains=[trefwoord])
    # SQLite has no JSON containment: match the quoted JSON string, then confirm exactly below
    candidates = rows.filter(latest__trefwoorden__icontains=orjson.dumps(trefwoord).decode())
    exact = [
        pk for pk, words in candidates.values_list("pk", "latest__trefwoorden") if trefwoord in (words or [])
    ]
    return rows.filter(pk__in=exact)


@dataclass(frozen=True)
class Kept:
    """The list is exactly the documents whose current version matches ``condition`` (on
    informatieobjecttype and vertrouwelijkheid_rank; None: all), so the kept counts describe it."""

    condition: Q | None


def kept(caller: Caller, scope: str) -> Kept | None:
    """The documents ``caller`` may see with ``scope``, as the kept counts know them; None when
    the caller's autorisaties also depend on isGereedVoorPublicatie, which they do not keep."""
    if caller.authorisations.alleen_is_gereed_voor_publicatie and scope in READ_SCOPES:
        return None
    return Kept(visibility(caller, scope))


def page(request: HttpRequest, rows: Documenten, *, known: Kept | None = None) -> dict[str, Any]:
    """One page of the documents ``rows``; ``known`` when the kept counts describe ``rows``."""
    size = settings.PAGE_SIZE
    number = page_number(request)
    start = (number - 1) * size
    if known is None:
        # a filtered list (a zaak's documents) mostly fits on one page: then the page counts it
        ids = queries.page_versie_ids(rows, start, size)
        count = count_of_page(number, size, len(ids))
        if count is None:
            count = rows.count()
        return envelope(request, number, count, render_current(ids), size)
    count = counts.total(known.condition)
    from_id = 0
    if known is not None and 0 < start < count:
        # jump to the block of ids the page starts in: skip the documents of the blocks before it
        before = 0
        for blok, documents in counts.per_block(known.condition):
            if before + documents > start:
                from_id, start = blok * counts.BLOCK, start - before
                break
            before += documents
    ids = queries.page_versie_ids(rows, start, size, from_id=from_id) if start < count else []
    return envelope(request, number, count, render_current(ids), size)
