"""How many documents there are per informatieobjecttype and vertrouwelijkheid_rank of their
current version, in all and per block of ids, kept rather than recomputed.

``COUNT(*)`` over a million documents costs tens of milliseconds, and ``OFFSET 500000`` skips
half a million index entries. A list that is unfiltered, or only filtered by the caller's
autorisaties (which name informatieobjecttypen and a maximum vertrouwelijkheid), instead sums
the caller's groups: :class:`DocumentAantal` gives the count, and :class:`DocumentBlokAantal`
says in which block of :data:`BLOCK` ids a later page starts, so its query starts at that
block's first id and skips at most one block's documents (DESIGN.md, performance notes). The
informatieobjecten service adjusts both in the transaction of every create, new version and
delete, so a rolled-back change leaves them as they were. Rows written around the service (a
bulk load, a restore) are not counted: :func:`verify` compares the counts with the documents,
:func:`rebuild_counts` recomputes them (``zaakwerk counts``). The statements are in
:mod:`zaakwerk.documenten.queries`.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from zaakwerk.core.counters import Difference, differences
from zaakwerk.documenten import queries
from zaakwerk.documenten.models import EnkelvoudigInformatieObjectVersie
from zaakwerk.documenten.queries import Group

# Ids per block: a deep page skips at most this many documents after jumping to its block.
BLOCK = 10_000


def block_of(informatieobject_id: int) -> int:
    return informatieobject_id // BLOCK


def group(versie: EnkelvoudigInformatieObjectVersie) -> Group:
    """The group a document is counted in: that of its current version."""
    return (versie.informatieobjecttype, versie.vertrouwelijkheid_rank)


def move(informatieobject_id: int, old: Group | None, new: Group | None) -> None:
    """A document's current version changed group; None: it did not exist before / no longer exists."""
    if old == new:
        return
    blok = block_of(informatieobject_id)
    if old is not None:
        queries.add_to_counts(old, blok, -1)
    if new is not None:
        queries.add_to_counts(new, blok, 1)


def total(condition: Any | None = None) -> int:
    """The number of documents whose current version matches ``condition``: a condition on
    ``informatieobjecttype`` and ``vertrouwelijkheid_rank`` only, as
    :func:`zaakwerk.documenten.access.visibility` builds it."""
    return queries.kept_total(condition)


def per_block(condition: Any | None = None) -> list[tuple[int, int]]:
    """(block, documents) in block order, for the documents whose current version matches
    ``condition`` (as for :func:`total`). Empty blocks are left out."""
    return queries.kept_per_block(condition)


@transaction.atomic
def verify() -> list[Difference]:
    """Where the kept counts differ from the documents: per group and per group and block, empty
    when they agree. Creates, new versions and deletes wait while it reads (on PostgreSQL)."""
    queries.lock_kept(exclusive=False)
    groups, blocks = queries.all_kept()
    counted = queries.counted_blocks(BLOCK)
    counted_groups: dict[Group, int] = {}
    for (iot, rank, _), n in counted.items():
        counted_groups[(iot, rank)] = counted_groups.get((iot, rank), 0) + n
    return differences(
        groups, counted_groups, lambda key: f"informatieobjecttype {key[0]}, vertrouwelijkheid_rank {key[1]}"
    ) + differences(
        blocks,
        counted,
        lambda key: f"informatieobjecttype {key[0]}, vertrouwelijkheid_rank {key[1]}, blok {key[2]}",
    )


@transaction.atomic
def rebuild_counts() -> None:
    """Recompute every count from the documents themselves; changes wait meanwhile (on
    PostgreSQL), lists keep reading the previous counts until it commits."""
    queries.lock_kept(exclusive=True)
    queries.replace_kept(queries.counted_blocks(BLOCK))
