"""How many zaken there are per (zaaktype, vertrouwelijkheid_rank), kept rather than recomputed.

``COUNT(*)`` over a million zaken costs tens of milliseconds; a list that is unfiltered, or only
filtered by the caller's autorisaties (which name zaaktypen and a maximum vertrouwelijkheid),
sums at most a few hundred rows of this table instead (DESIGN.md, performance notes). Every
service that creates or deletes a zaak, or changes its zaaktype or vertrouwelijkheidaanduiding,
calls :func:`adjust` in its own transaction, so a rolled-back change leaves the counts as they
were. :func:`rebuild_counts` recomputes the table from the zaken (after bulk loads).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count, Q, Sum

from zaakwerk.zaken.models import Zaak, ZaakAantal


def adjust(zaaktype: str, vertrouwelijkheid_rank: int, delta: int) -> None:
    """Add ``delta`` zaken to a group, in the caller's transaction (one upsert)."""
    if delta == 0:
        return
    table = connection.ops.quote_name(ZaakAantal._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (zaaktype, vertrouwelijkheid_rank, aantal) VALUES (%s, %s, %s) "
            "ON CONFLICT (zaaktype, vertrouwelijkheid_rank) "
            f"DO UPDATE SET aantal = {table}.aantal + EXCLUDED.aantal",
            [zaaktype, vertrouwelijkheid_rank, delta],
        )


def move(old: tuple[str, int], new: tuple[str, int]) -> None:
    """One zaak changed group (zaaktype and/or vertrouwelijkheid)."""
    if old != new:
        adjust(*old, -1)
        adjust(*new, 1)


def remove(zaken: Iterable[Zaak]) -> None:
    """Zaken that are about to be deleted."""
    groups: dict[tuple[str, int], int] = {}
    for zaak in zaken:
        key = (zaak.zaaktype, zaak.vertrouwelijkheid_rank)
        groups[key] = groups.get(key, 0) + 1
    for (zaaktype, vertrouwelijkheid_rank), number in sorted(groups.items()):
        adjust(zaaktype, vertrouwelijkheid_rank, -number)


def total(condition: Q | None = None) -> int:
    """The number of zaken matching ``condition`` on zaaktype / vertrouwelijkheid_rank only."""
    rows = ZaakAantal.objects.all() if condition is None else ZaakAantal.objects.filter(condition)
    return int(rows.aggregate(n=Sum("aantal"))["n"] or 0)


@transaction.atomic
def rebuild_counts() -> None:
    """Recompute every count from the zaken themselves."""
    ZaakAantal.objects.all().delete()
    groups = (
        Zaak.objects.order_by()
        .values("zaaktype", "vertrouwelijkheid_rank")
        .annotate(n=Count("id"))
        .values_list("zaaktype", "vertrouwelijkheid_rank", "n")
    )
    ZaakAantal.objects.bulk_create(
        ZaakAantal(zaaktype=zaaktype, vertrouwelijkheid_rank=rank, aantal=n) for zaaktype, rank, n in groups
    )
