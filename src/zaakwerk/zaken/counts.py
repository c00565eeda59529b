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
transaction, so a rolled-back change leaves the counts as they were. Rows written around the
services (a bulk load, a restore, a repair by hand) are not counted: :func:`verify` compares the
counts with the zaken, :func:`rebuild_counts` recomputes them (``zaakwerk counts``). The
statements are in :mod:`zaakwerk.zaken.queries`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from zaakwerk.core.counters import Difference, differences
from zaakwerk.zaken import queries
from zaakwerk.zaken.models import Zaak

# Zaken ids per block: at a million zaken a hundred blocks, and at most this many index entries
# skipped within one.
BLOK_GROOTTE = 10_000


def created(zaak: Zaak) -> None:
    """A zaak was inserted in the current transaction."""
    queries.add_to_group(zaak.zaaktype, zaak.vertrouwelijkheid_rank, 1)
    queries.add_to_block(zaak.pk // BLOK_GROOTTE, 1)


def move(old: tuple[str, int], new: tuple[str, int]) -> None:
    """One zaak changed group (zaaktype and/or vertrouwelijkheid); its id, so its block, stays."""
    if old != new:
        # always in the same order, so two moves between the same groups cannot deadlock
        for (zaaktype, vertrouwelijkheid_rank), delta in sorted([(old, -1), (new, 1)]):
            queries.add_to_group(zaaktype, vertrouwelijkheid_rank, delta)


def remove(zaken: Iterable[Zaak]) -> None:
    """Zaken that are about to be deleted."""
    groups: dict[tuple[str, int], int] = {}
    blocks: dict[int, int] = {}
    for zaak in zaken:
        key = (zaak.zaaktype, zaak.vertrouwelijkheid_rank)
        groups[key] = groups.get(key, 0) + 1
        blocks[zaak.pk // BLOK_GROOTTE] = blocks.get(zaak.pk // BLOK_GROOTTE, 0) + 1
    for (zaaktype, vertrouwelijkheid_rank), number in sorted(groups.items()):
        queries.add_to_group(zaaktype, vertrouwelijkheid_rank, -number)
    for blok, number in sorted(blocks.items()):
        queries.add_to_block(blok, -number)


def total(max_rank: int | None = None) -> int:
    """The number of zaken, all of them or up to a vertrouwelijkheid rank (one short statement)."""
    return queries.kept_total(max_rank)


def groups(limits: dict[str, int], first: int) -> tuple[int, list[tuple[str, int, int]]]:
    """The zaken of ``limits`` (zaaktype → highest vertrouwelijkheid_rank): how many there are,
    and the first ``first`` of their non-empty (zaaktype, vertrouwelijkheid_rank, aantal) groups,
    ordered by zaaktype and rank (:func:`zaakwerk.zaken.queries.kept_groups`)."""
    return queries.kept_groups(limits, first)


def position(offset: int) -> tuple[int, int]:
    """Where the zaak at ``offset`` of all zaken ordered by id is: ``(first id, skip)``.

    The zaak at ``offset`` is the ``skip``-th (from 0) of the zaken with ``id >= first id``.
    Past the last zaak: the first id after every block, skip 0.
    """
    before = 0
    for blok, aantal in queries.kept_blocks():
        if before + aantal > offset:
            return blok * BLOK_GROOTTE, offset - before
        before += aantal
    last = queries.last_kept_block()
    return ((last + 1) * BLOK_GROOTTE if last is not None else 0), 0


@transaction.atomic
def verify() -> list[Difference]:
    """Where the kept counts differ from the zaken: per group and per block, empty when they agree.

    Creates and deletes wait while it reads (on PostgreSQL), so a change in flight is never
    reported as a difference.
    """
    queries.lock_kept(exclusive=False)
    groups, blocks = queries.all_kept()
    return differences(
        groups, queries.counted_groups(), lambda key: f"zaaktype {key[0]}, vertrouwelijkheid_rank {key[1]}"
    ) + differences(blocks, queries.counted_blocks(BLOK_GROOTTE), lambda blok: f"blok {blok}")


@transaction.atomic
def rebuild_counts() -> None:
    """Recompute every count from the zaken themselves; creates and deletes wait meanwhile (on
    PostgreSQL), lists keep reading the previous counts until it commits."""
    queries.lock_kept(exclusive=True)
    queries.replace_kept(queries.counted_groups(), queries.counted_blocks(BLOK_GROOTTE))
