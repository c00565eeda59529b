"""How many documents there are per informatieobjecttype and vertrouwelijkheid_rank of their
current version, in all and per block of ids, kept rather than recomputed.

``COUNT(*)`` over a million documents costs tens of milliseconds, and ``OFFSET 500000`` skips
half a million index entries. A list that is unfiltered, or only filtered by the caller's
autorisaties (which name informatieobjecttypen and a maximum vertrouwelijkheid), instead sums
the caller's groups: :class:`DocumentAantal` gives the count, and :class:`DocumentBlokAantal`
says in which block of :data:`BLOCK` ids a later page starts, so its query starts at that
block's first id and skips at most one block's documents (DESIGN.md, performance notes). The
informatieobjecten service adjusts both in the transaction of every create, new version and
delete, so a rolled-back change leaves them as they were; :func:`rebuild_counts` recomputes them
from the documents (after bulk loads).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, F, IntegerField, Q, Sum, Value
from django.db.models.functions import Cast

from zaakwerk.core import counters
from zaakwerk.documenten.models import (
    DocumentAantal,
    DocumentBlokAantal,
    EnkelvoudigInformatieObject,
    EnkelvoudigInformatieObjectVersie,
)

# Ids per block: a deep page skips at most this many documents after jumping to its block.
BLOCK = 10_000

Group = tuple[str, int]


def block_of(informatieobject_id: int) -> int:
    return informatieobject_id // BLOCK


def adjust(informatieobjecttype: str, vertrouwelijkheid_rank: int, blok: int, delta: int) -> None:
    """Add ``delta`` documents to a group and to its block, in the caller's transaction."""
    if delta == 0:
        return
    group: dict[str, str | int] = {
        "informatieobjecttype": informatieobjecttype,
        "vertrouwelijkheid_rank": vertrouwelijkheid_rank,
    }
    counters.add(DocumentAantal, group, delta)
    counters.add(DocumentBlokAantal, {**group, "blok": blok}, delta)


def group(versie: EnkelvoudigInformatieObjectVersie) -> Group:
    """The group a document is counted in: that of its current version."""
    return (versie.informatieobjecttype, versie.vertrouwelijkheid_rank)


def move(informatieobject_id: int, old: Group | None, new: Group | None) -> None:
    """A document's current version changed group; None: it did not exist before / no longer exists."""
    if old == new:
        return
    blok = block_of(informatieobject_id)
    if old is not None:
        adjust(*old, blok, -1)
    if new is not None:
        adjust(*new, blok, 1)


def total(condition: Q | None = None) -> int:
    """The number of documents whose current version matches ``condition``: a condition on
    ``informatieobjecttype`` and ``vertrouwelijkheid_rank`` only, as
    :func:`zaakwerk.documenten.access.visibility` builds it."""
    rows = DocumentAantal.objects.all() if condition is None else DocumentAantal.objects.filter(condition)
    return int(rows.aggregate(n=Sum("aantal"))["n"] or 0)


def per_block(condition: Q | None = None) -> list[tuple[int, int]]:
    """(block, documents) in block order, for the documents whose current version matches
    ``condition`` (as for :func:`total`). Empty blocks are left out."""
    rows = (
        DocumentBlokAantal.objects.all()
        if condition is None
        else DocumentBlokAantal.objects.filter(condition)
    )
    found = rows.order_by("blok").values("blok").annotate(n=Sum("aantal")).values_list("blok", "n")
    return [(blok, int(n)) for blok, n in found if n]


@transaction.atomic
def rebuild_counts() -> None:
    """Recompute every count from the documents themselves."""
    DocumentAantal.objects.all().delete()
    DocumentBlokAantal.objects.all().delete()
    groups = (
        EnkelvoudigInformatieObject.objects.filter(latest__isnull=False)
        .order_by()
        .annotate(blok=Cast(F("id") / Value(BLOCK), IntegerField()))
        .values("informatieobjecttype", "vertrouwelijkheid_rank", "blok")
        .annotate(n=Count("id"))
        .values_list("informatieobjecttype", "vertrouwelijkheid_rank", "blok", "n")
    )
    totals: dict[Group, int] = {}
    blocks = []
    for iot, rank, blok, n in groups.iterator():
        totals[(iot, rank)] = totals.get((iot, rank), 0) + n
        blocks.append(
            DocumentBlokAantal(informatieobjecttype=iot, vertrouwelijkheid_rank=rank, blok=blok, aantal=n)
        )
    DocumentBlokAantal.objects.bulk_create(blocks, batch_size=1000)
    DocumentAantal.objects.bulk_create(
        DocumentAantal(informatieobjecttype=iot, vertrouwelijkheid_rank=rank, aantal=n)
        for (iot, rank), n in totals.items()
    )
