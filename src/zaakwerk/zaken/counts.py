"""How many zaken there are, kept rather than recomputed: per (zaaktype, vertrouwelijkheid_rank),
and per block of ids.

``COUNT(*)`` over a million zaken costs tens of milliseconds; a list that is unfiltered, or only
filtered by the caller's autorisaties (which name zaaktypen and a maximum vertrouwelijkheid),
sums at most a few hundred rows of :class:`ZaakAantal` instead (DESIGN.md, performance notes).
Skipping rows costs the same: ``OFFSET 500000`` walks half a million index entries. The counts
per block of :data:`BLOK_GROOTTE` ids (:class:`ZaakBlokAantal`) tell which block a position of
the whole list, ordered by id, falls in, and how many zaken of that block to skip
(:func:`position`).

Every service that creates or deletes a zaak, or changes its zaaktype or
vertrouwelijkheidaanduiding, calls :func:`created`, :func:`remove` or :func:`move` in its own
transaction, so a rolled-back change leaves the counts as they were. :func:`rebuild_counts`
recomputes both tables from the zaken (after bulk loads).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count

from zaakwerk.core import counters
from zaakwerk.zaken.models import Zaak, ZaakAantal, ZaakBlokAantal

# Zaken ids per block: at a million zaken a hundred blocks, and at most this many index entries
# skipped within one.
BLOK_GROOTTE = 10_000


def adjust(zaaktype: str, vertrouwelijkheid_rank: int, delta: int) -> None:
    """Add ``delta`` zaken to a group, in the caller's transaction (one upsert)."""
    if delta != 0:
        group: dict[str, str | int] = {"zaaktype": zaaktype, "vertrouwelijkheid_rank": vertrouwelijkheid_rank}
        counters.add(ZaakAantal, group, delta)


def _adjust_block(blok: int, delta: int) -> None:
    if delta != 0:
        counters.add(ZaakBlokAantal, {"blok": blok}, delta)


def created(zaak: Zaak) -> None:
    """A zaak was inserted in the current transaction."""
    adjust(zaak.zaaktype, zaak.vertrouwelijkheid_rank, 1)
    _adjust_block(zaak.pk // BLOK_GROOTTE, 1)


def move(old: tuple[str, int], new: tuple[str, int]) -> None:
    """One zaak changed group (zaaktype and/or vertrouwelijkheid); its id, so its block, stays."""
    if old != new:
        # always in the same order, so two moves between the same groups cannot deadlock
        for (zaaktype, vertrouwelijkheid_rank), delta in sorted([(old, -1), (new, 1)]):
            adjust(zaaktype, vertrouwelijkheid_rank, delta)


def remove(zaken: Iterable[Zaak]) -> None:
    """Zaken that are about to be deleted."""
    groups: dict[tuple[str, int], int] = {}
    blocks: dict[int, int] = {}
    for zaak in zaken:
        key = (zaak.zaaktype, zaak.vertrouwelijkheid_rank)
        groups[key] = groups.get(key, 0) + 1
        blocks[zaak.pk // BLOK_GROOTTE] = blocks.get(zaak.pk // BLOK_GROOTTE, 0) + 1
    for (zaaktype, vertrouwelijkheid_rank), number in sorted(groups.items()):
        adjust(zaaktype, vertrouwelijkheid_rank, -number)
    for blok, number in sorted(blocks.items()):
        _adjust_block(blok, -number)


def total(max_rank: int | None = None) -> int:
    """The number of zaken, all of them or up to a vertrouwelijkheid rank (one short statement)."""
    q = connection.ops.quote_name
    sql = f"SELECT COALESCE(SUM({q('aantal')}), 0) FROM {q(ZaakAantal._meta.db_table)}"
    params: list[int] = []
    if max_rank is not None:
        sql += f" WHERE {q('vertrouwelijkheid_rank')} <= %s"
        params.append(max_rank)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return int(row[0]) if row is not None else 0


def groups(limits: dict[str, int], first: int) -> tuple[int, list[tuple[str, int, int]]]:
    """The zaken of ``limits`` (zaaktype → highest vertrouwelijkheid_rank), in one short statement:
    how many there are, and the first ``first`` of their non-empty (zaaktype,
    vertrouwelijkheid_rank, aantal) groups, ordered by zaaktype and rank.

    A client authorised for many zaaktypen has many groups; only as many as a caller can use
    are read.
    """
    if not limits:
        return 0, []
    q = connection.ops.quote_name
    zaaktype, rang, aantal = q("zaaktype"), q("vertrouwelijkheid_rank"), q("aantal")
    # one term per distinct limit, as access.visibility writes the same rule
    by_limit: dict[int, list[str]] = {}
    for name, limit in sorted(limits.items()):
        by_limit.setdefault(limit, []).append(name)
    terms: list[str] = []
    params: list[str | int] = []
    for limit, names in sorted(by_limit.items()):
        terms.append(f"({zaaktype} IN ({', '.join(['%s'] * len(names))}) AND {rang} <= %s)")
        params += [*names, limit]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {zaaktype}, {rang}, {aantal}, SUM({aantal}) OVER () FROM {q(ZaakAantal._meta.db_table)} "
            f"WHERE {aantal} > 0 AND ({' OR '.join(terms)}) ORDER BY {zaaktype}, {rang} LIMIT %s",
            [*params, first],
        )
        rows = cursor.fetchall()
    total = int(rows[0][3]) if rows else 0
    return total, [(str(name), int(level), int(number)) for name, level, number, _ in rows]


def position(offset: int) -> tuple[int, int]:
    """Where the zaak at ``offset`` of all zaken ordered by id is: ``(first id, skip)``.

    The zaak at ``offset`` is the ``skip``-th (from 0) of the zaken with ``id >= first id``.
    Past the last zaak: the first id after every block, skip 0.
    """
    before = 0
    rows = ZaakBlokAantal.objects.filter(aantal__gt=0).order_by("blok").values_list("blok", "aantal")
    for blok, aantal in rows:
        if before + aantal > offset:
            return blok * BLOK_GROOTTE, offset - before
        before += aantal
    last = ZaakBlokAantal.objects.order_by("-blok").values_list("blok", flat=True).first()
    return ((last + 1) * BLOK_GROOTTE if last is not None else 0), 0


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
    ZaakBlokAantal.objects.all().delete()
    ZaakBlokAantal.objects.bulk_create(ZaakBlokAantal(blok=blok, aantal=n) for blok, n in block_counts())


def block_counts() -> list[tuple[int, int]]:
    """(blok, aantal) of every zaak, counted in SQL."""
    q = connection.ops.quote_name
    table = q(Zaak._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {q('id')} / %s AS blok, COUNT(*) FROM {table} GROUP BY 1 ORDER BY 1", [BLOK_GROOTTE]
        )
        return [(int(blok), int(n)) for blok, n in cursor.fetchall()]
