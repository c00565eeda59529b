"""Every statement of the Documenten register's read path and kept counts, in one place.

A page of documents is cut from the documents' table (one row per document, ordered by id)
through a narrow index on (id, current version) that PostgreSQL reads without touching the
table; only then are the page's current versions read, as plain values, with one query for all
their bestandsdelen. The kept counts per informatieobjecttype and vertrouwelijkheid (and per
block of ids) give a list's count and the block a deep page starts in (:mod:`.counts`). The
caller's autorisaties are the one rule of :mod:`zaakwerk.core.visibility`, applied by
:mod:`.access`; the modules that decide which statement a request needs hold no queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import Count, F, IntegerField, QuerySet, Sum, Value
from django.db.models.functions import Cast

from zaakwerk.core import sql
from zaakwerk.documenten.models import (
    BestandsDeel,
    DocumentAantal,
    DocumentBlokAantal,
    EnkelvoudigInformatieObject,
    EnkelvoudigInformatieObjectVersie,
)

Documenten = QuerySet[EnkelvoudigInformatieObject]
#: (informatieobjecttype, vertrouwelijkheid_rank)
Group = tuple[str, int]

# --- a page of documents ----------------------------------------------------------------------------


def page_versie_ids(rows: Documenten, start: int, size: int, *, from_id: int = 0) -> list[int]:
    """The current versions' ids of ``rows[start:start + size]`` ordered by id, counting from the
    documents with ``id >= from_id`` (the start of a kept block)."""
    if from_id:
        rows = rows.filter(id__gte=from_id)
    ids = rows.order_by("id").values_list("latest_id", flat=True)[start : start + size]
    return [pk for pk in ids if pk is not None]


# the version's columns a rendering reads (attribute names: ``inhoud_id`` for the foreign key)
_COLUMNS = tuple(field.attname for field in EnkelvoudigInformatieObjectVersie._meta.concrete_fields)


def current_versions(versie_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Versions by id as plain values (no model instances, which cost more than the query for a
    page of 100), with their document's ``informatieobject__uuid`` and ``informatieobject__lock``."""
    rows = EnkelvoudigInformatieObjectVersie.objects.filter(id__in=list(versie_ids)).values(
        *_COLUMNS, "informatieobject__uuid", "informatieobject__lock"
    )
    return {row["id"]: row for row in rows}


def bestandsdelen(informatieobject_ids: Iterable[int]) -> dict[int, list[BestandsDeel]]:
    """The documents' bestandsdelen, by volgnummer, in one query."""
    delen: dict[int, list[BestandsDeel]] = defaultdict(list)
    rows = BestandsDeel.objects.filter(informatieobject_id__in=list(informatieobject_ids))
    for deel in rows.order_by("volgnummer"):
        delen[deel.informatieobject_id].append(deel)
    return delen


# --- kept counts (zaakwerk.documenten.counts) -----------------------------------------------------


def add_to_counts(group: Group, blok: int, delta: int) -> None:
    """Add ``delta`` documents to a group and to its block: two upserts."""
    informatieobjecttype, rank = group
    key: dict[str, str | int] = {"informatieobjecttype": informatieobjecttype, "vertrouwelijkheid_rank": rank}
    sql.add_to_counter(DocumentAantal, key, delta)
    sql.add_to_counter(DocumentBlokAantal, {**key, "blok": blok}, delta)


def kept_total(condition: Any | None = None) -> int:
    """The documents of the kept groups matching ``condition`` (the caller's autorisaties, on
    informatieobjecttype and vertrouwelijkheid_rank; None: all)."""
    rows = DocumentAantal.objects.all() if condition is None else DocumentAantal.objects.filter(condition)
    return int(rows.aggregate(n=Sum("aantal"))["n"] or 0)


def kept_per_block(condition: Any | None = None) -> list[tuple[int, int]]:
    """(block, documents) in block order for the kept groups matching ``condition`` (as for
    :func:`kept_total`); empty blocks are left out."""
    rows = (
        DocumentBlokAantal.objects.all()
        if condition is None
        else DocumentBlokAantal.objects.filter(condition)
    )
    found = rows.order_by("blok").values("blok").annotate(n=Sum("aantal")).values_list("blok", "n")
    return [(blok, int(n)) for blok, n in found if n]


def counted_blocks(size: int) -> dict[tuple[str, int, int], int]:
    """(informatieobjecttype, vertrouwelijkheid_rank, block of ``size`` ids) → documents, counted
    from the documents themselves (those with a current version)."""
    rows = (
        EnkelvoudigInformatieObject.objects.filter(latest__isnull=False)
        .order_by()
        .annotate(blok=Cast(F("id") / Value(size), IntegerField()))
        .values("informatieobjecttype", "vertrouwelijkheid_rank", "blok")
        .annotate(n=Count("id"))
        .values_list("informatieobjecttype", "vertrouwelijkheid_rank", "blok", "n")
    )
    return {(iot, rank, blok): n for iot, rank, blok, n in rows.iterator()}


def all_kept() -> tuple[dict[Group, int], dict[tuple[str, int, int], int]]:
    """Every kept group and block count, empty ones included."""
    groups = DocumentAantal.objects.values_list("informatieobjecttype", "vertrouwelijkheid_rank", "aantal")
    blocks = DocumentBlokAantal.objects.values_list(
        "informatieobjecttype", "vertrouwelijkheid_rank", "blok", "aantal"
    )
    return {(iot, rank): n for iot, rank, n in groups}, {
        (iot, rank, blok): n for iot, rank, blok, n in blocks
    }


def replace_kept(blocks: dict[tuple[str, int, int], int]) -> None:
    """Replace every kept count by ``blocks`` and the groups they add up to (in the caller's
    transaction)."""
    totals: dict[Group, int] = {}
    for (iot, rank, _), n in blocks.items():
        totals[(iot, rank)] = totals.get((iot, rank), 0) + n
    DocumentAantal.objects.all().delete()
    DocumentBlokAantal.objects.all().delete()
    DocumentBlokAantal.objects.bulk_create(
        (
            DocumentBlokAantal(informatieobjecttype=iot, vertrouwelijkheid_rank=rank, blok=blok, aantal=n)
            for (iot, rank, blok), n in sorted(blocks.items())
        ),
        batch_size=1000,
    )
    DocumentAantal.objects.bulk_create(
        DocumentAantal(informatieobjecttype=iot, vertrouwelijkheid_rank=rank, aantal=n)
        for (iot, rank), n in sorted(totals.items())
    )


def lock_kept(*, exclusive: bool) -> None:
    """Hold the kept counts still until the transaction ends (PostgreSQL; SQLite has one writer);
    as :func:`zaakwerk.zaken.queries.lock_kept`."""
    if connection.vendor == "postgresql":
        mode = "EXCLUSIVE" if exclusive else "SHARE"
        with connection.cursor() as cursor:
            cursor.execute(
                f"LOCK TABLE {sql.table(DocumentAantal)}, {sql.table(DocumentBlokAantal)} IN {mode} MODE"
            )
