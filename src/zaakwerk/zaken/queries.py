"""Every statement of the Zaken register's read path and kept counts, in one place.

The lists, the detail read, the representation of a batch and the kept counts are the hot paths
of the register (DESIGN.md, performance notes). Their statements are written here, by hand where
the ORM would compile a query on every request or cannot express it, with table and column names
taken from the models (:mod:`zaakwerk.core.sql`) and the caller's autorisaties applied with the
one rule of :mod:`zaakwerk.core.visibility`. The modules that decide *which* statement a request
needs — ``access``, ``counts``, ``representations`` and ``api/listing`` — hold no SQL.

A page is read in two steps: its ids first, from narrow indexes (one of the ``ids_…`` functions
returns that subquery), then :func:`zaken_with_ids` fetches only those rows in one statement (a
deferred join) and builds them without compiling a query (ADR 0018).
"""

from __future__ import annotations

import uuid as uuid_lib
from enum import IntEnum
from functools import cache
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from zaakwerk.core import prepared, sql, visibility
from zaakwerk.zaken.models import (
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakAantal,
    ZaakBlokAantal,
    ZaakEigenschap,
    ZaakIdentificatieTeller,
    ZaakInformatieObject,
    ZaakObject,
)

#: A subquery selecting ids, with its parameters.
IdsSql = tuple[str, tuple[Any, ...]]

# --- one zaak, a page of zaken ------------------------------------------------------------------


def zaak_by_uuid(key: uuid_lib.UUID) -> Zaak | None:
    """The zaak with this (unique) uuid: a prepared statement, no query compiled."""
    value = Zaak._meta.get_field("uuid").get_db_prep_value(key, connection)
    found = prepared.instances(Zaak, f"WHERE {sql.column(Zaak, 'uuid')} = %s", [value], prepare=True)
    return found[0] if found else None


def zaken_with_ids(ids: IdsSql, order_by: list[str], *, prepare: bool = False) -> list[Zaak]:
    """The zaken whose ids the subquery ``ids`` selects, in ``order_by`` (field names, ``-name``
    descending): one statement, the rows built without compiling another query."""
    ids_sql, params = ids
    tail = f"WHERE {sql.column(Zaak, 'pk')} IN ({ids_sql}) ORDER BY {order_sql(order_by)}"
    return prepared.instances(Zaak, tail, params, prepare=prepare)


def order_sql(order_by: list[str]) -> str:
    """``ORDER BY`` keys for ``order_by`` (``-name``: descending), as the ORM writes them."""
    keys = (
        f"{sql.column(Zaak, name.lstrip('-'))} {'DESC' if name.startswith('-') else 'ASC'}"
        for name in order_by
    )
    return ", ".join(keys)


def ids_in_order(rows: QuerySet[Zaak], order_by: list[str], start: int, size: int) -> IdsSql:
    """The ids of ``rows[start:start + size]``: ``ORDER BY … OFFSET … LIMIT`` over the ids alone,
    which the ordering's narrow index answers."""
    return rows.order_by(*order_by).values("id")[start : start + size].query.sql_with_params()


def ids_from(first_id: int, skip: int, size: int) -> IdsSql:
    """The ids of all zaken ordered by id, ``size`` of them after skipping ``skip`` from
    ``first_id`` on (the start of a kept block, :func:`kept_blocks`)."""
    rows = Zaak.objects.filter(id__gte=first_id).order_by("id").values("id")
    return rows[skip : skip + size].query.sql_with_params()


def ids_sorted_whole(rows: QuerySet[Zaak], order_by: list[str], start: int, size: int) -> IdsSql:
    """The page's ids of a short list: every row's id and ordering columns gathered first
    (``MATERIALIZED``), then sorted.

    Without the fence the planner may walk the ordering's index and filter row by row, which for
    a list that is a small part of all zaken means passing over most of the table.
    """
    fields = [name.lstrip("-") for name in order_by]
    q = connection.ops.quote_name
    inner, params = rows.order_by().values_list(*dict.fromkeys(["id", *fields])).query.sql_with_params()
    # the inner SELECT names its columns after the fields' columns, which order_sql names too
    statement = (
        f"WITH {q('gevonden')} AS MATERIALIZED ({inner}) SELECT {sql.column(Zaak, 'pk')} "
        f"FROM {q('gevonden')} ORDER BY {order_sql(order_by)} LIMIT %s OFFSET %s"
    )
    return statement, (*params, size, start)


def ids_of_groups(groups: list[tuple[str, int, int]], start: int, size: int) -> IdsSql:
    """The page's ids, ordered by id, of the zaken in ``groups`` (zaaktype, vertrouwelijkheid_rank,
    aantal).

    Per group one equality on the authorisation index, whose entries come in id order: at most
    the first ``start + size`` ids of each are read, then merged and sliced. The plan fits any
    values, so the statement may be prepared.
    """
    q = connection.ops.quote_name
    table, pk = sql.table(Zaak), sql.column(Zaak, "pk")
    zaaktype, rank = sql.column(Zaak, "zaaktype"), sql.column(Zaak, "vertrouwelijkheid_rank")
    parts: list[str] = []
    params: list[Any] = []
    for index, (name, group_rank, _) in enumerate(groups):
        parts.append(
            f"SELECT {pk} FROM (SELECT {pk} FROM {table} WHERE {zaaktype} = %s AND {rank} = %s "
            f"ORDER BY {pk} LIMIT %s) AS {q(f'groep_{index}')}"
        )
        params += [name, prepared.bigint(group_rank), prepared.bigint(start + size)]
    if not parts:  # no group: no zaak
        return f"SELECT {pk} FROM {table} WHERE 1 = 0", ()
    statement = (
        f"SELECT {pk} FROM ({' UNION ALL '.join(parts)}) AS {q('groepen')} ORDER BY {pk} LIMIT %s OFFSET %s"
    )
    return statement, (*params, prepared.bigint(size), prepared.bigint(start))


# --- the related rows of a batch ------------------------------------------------------------------


class Related(IntEnum):
    """The kinds of row :func:`related_rows` returns; also their sort order."""

    DEELZAAK = 0
    EIGENSCHAP = 1
    ROL = 2
    ZAAKINFORMATIEOBJECT = 3
    ZAAKOBJECT = 4
    RESULTAAT = 5
    STATUS = 6
    HOOFDZAAK = 7


# Per kind: its table's model, the field naming its owner, and the batch of ids the owner is in
# (the zaken of the batch, their current statussen, their hoofdzaken).
_PARTS: tuple[tuple[Related, type[Any], str, str], ...] = (
    (Related.DEELZAAK, Zaak, "hoofdzaak", "zaken"),
    (Related.EIGENSCHAP, ZaakEigenschap, "zaak", "zaken"),
    (Related.ROL, Rol, "zaak", "zaken"),
    (Related.ZAAKINFORMATIEOBJECT, ZaakInformatieObject, "zaak", "zaken"),
    (Related.ZAAKOBJECT, ZaakObject, "zaak", "zaken"),
    (Related.RESULTAAT, Resultaat, "zaak", "zaken"),
    (Related.STATUS, Status, "pk", "statussen"),
    (Related.HOOFDZAAK, Zaak, "pk", "hoofdzaken"),
)


@cache
def _related_statement(vendor: str) -> str:
    """One ``UNION ALL`` over every kind; its text depends on the database only (the three batches
    of ids are parameters), so PostgreSQL prepares and plans it once per connection."""
    parts = []
    for kind, model, owner, batch in _PARTS:
        owner_sql = sql.column(model, owner)
        # the uuid as text: the URLs need the string, and a UUID object per row costs more
        parts.append(
            f"SELECT {int(kind)} AS kind, {owner_sql} AS owner, {sql.column(model, 'pk')} AS id, "
            f"CAST({sql.column(model, 'uuid')} AS TEXT) AS uuid FROM {sql.table(model)} "
            f"WHERE {sql.in_ids(owner_sql, f'%({batch})s')}"
        )
    return " UNION ALL ".join(parts) + " ORDER BY 1, 3"


def related_rows(
    ids: list[int], status_ids: list[int], hoofdzaak_ids: list[int]
) -> list[tuple[int, int, str]]:
    """(kind, owner id, uuid) of every related row of the zaken ``ids`` — deelzaken, eigenschappen,
    rollen, zaakinformatieobjecten, zaakobjecten, resultaat — and of the statussen and hoofdzaken
    with ``status_ids`` and ``hoofdzaak_ids``, in one query.

    One ``UNION ALL`` rather than a query per collection: a page costs one round trip for all
    its related rows. Within a kind the rows come in id order (creation order), as the lists of
    the representation need them. Each part probes its index with the batch of ids. The kind is
    the plain number of a :class:`Related` (a page has hundreds of rows; an enum member each
    would cost more than the rest of the loop).
    """
    if not (ids or status_ids or hoofdzaak_ids):
        return []
    batches = {"zaken": sql.ids(ids), "statussen": sql.ids(status_ids), "hoofdzaken": sql.ids(hoofdzaak_ids)}
    with prepared.cursor() as cursor:
        cursor.execute(_related_statement(connection.vendor), batches)
        rows = cursor.fetchall()
    if connection.vendor == "postgresql":
        return [(kind, owner, key) for kind, owner, _, key in rows]
    # SQLite keeps a uuid as its 32 hex digits
    return [(kind, owner, str(uuid_lib.UUID(key))) for kind, owner, _, key in rows]


# --- kept counts (zaakwerk.zaken.counts) -----------------------------------------------------------


def add_to_group(zaaktype: str, vertrouwelijkheid_rank: int, delta: int) -> None:
    """Add ``delta`` zaken to a (zaaktype, vertrouwelijkheid_rank) group: one upsert."""
    key: dict[str, str | int] = {"zaaktype": zaaktype, "vertrouwelijkheid_rank": vertrouwelijkheid_rank}
    sql.add_to_counter(ZaakAantal, key, delta)


def add_to_block(blok: int, delta: int) -> None:
    """Add ``delta`` zaken to a block of ids: one upsert."""
    sql.add_to_counter(ZaakBlokAantal, {"blok": blok}, delta)


def kept_total(max_rank: int | None = None) -> int:
    """The number of zaken, all or up to a vertrouwelijkheid rank, from the kept groups."""
    aantal, rank = sql.column(ZaakAantal, "aantal"), sql.column(ZaakAantal, "vertrouwelijkheid_rank")
    statement = f"SELECT COALESCE(SUM({aantal}), 0) FROM {sql.table(ZaakAantal)}"
    params: list[int] = []
    if max_rank is not None:
        statement += f" WHERE {rank} <= %s"
        params.append(max_rank)
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        row = cursor.fetchone()
    return int(row[0]) if row is not None else 0


def kept_groups(limits: dict[str, int], first: int) -> tuple[int, list[tuple[str, int, int]]]:
    """The zaken of ``limits`` (zaaktype → highest vertrouwelijkheid_rank) from the kept groups:
    how many there are, and the first ``first`` non-empty (zaaktype, vertrouwelijkheid_rank,
    aantal) groups, ordered by zaaktype and rank; one short statement.

    ``limits`` are autorisaties (possibly narrowed by the list's filters), so the access rule
    selects the groups.
    """
    if not limits:
        return 0, []
    zaaktype, rank = sql.column(ZaakAantal, "zaaktype"), sql.column(ZaakAantal, "vertrouwelijkheid_rank")
    aantal = sql.column(ZaakAantal, "aantal")
    rule, params = visibility.rule_sql(limits, zaaktype, rank)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {zaaktype}, {rank}, {aantal}, SUM({aantal}) OVER () FROM {sql.table(ZaakAantal)} "
            f"WHERE {aantal} > 0 AND {rule} ORDER BY {zaaktype}, {rank} LIMIT %s",
            [*params, first],
        )
        rows = cursor.fetchall()
    total = int(rows[0][3]) if rows else 0
    return total, [(str(name), int(level), int(number)) for name, level, number, _ in rows]


def kept_blocks() -> list[tuple[int, int]]:
    """(blok, aantal) of the non-empty kept blocks, in block order."""
    rows = ZaakBlokAantal.objects.filter(aantal__gt=0).order_by("blok").values_list("blok", "aantal")
    return list(rows)


def last_kept_block() -> int | None:
    """The highest block with a kept count (possibly 0), or None."""
    return ZaakBlokAantal.objects.order_by("-blok").values_list("blok", flat=True).first()


def counted_groups() -> dict[tuple[str, int], int]:
    """(zaaktype, vertrouwelijkheid_rank) → zaken, counted from the zaken themselves."""
    zaaktype, rank = sql.column(Zaak, "zaaktype"), sql.column(Zaak, "vertrouwelijkheid_rank")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {zaaktype}, {rank}, COUNT(*) FROM {sql.table(Zaak)} GROUP BY 1, 2")
        return {(str(name), int(level)): int(n) for name, level, n in cursor.fetchall()}


def counted_blocks(size: int) -> dict[int, int]:
    """blok → zaken, for blocks of ``size`` ids, counted from the zaken themselves."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {sql.column(Zaak, 'pk')} / %s, COUNT(*) FROM {sql.table(Zaak)} GROUP BY 1", [size]
        )
        return {int(blok): int(n) for blok, n in cursor.fetchall()}


def all_kept() -> tuple[dict[tuple[str, int], int], dict[int, int]]:
    """Every kept group and block count, empty ones included."""
    groups = ZaakAantal.objects.values_list("zaaktype", "vertrouwelijkheid_rank", "aantal")
    blocks = ZaakBlokAantal.objects.values_list("blok", "aantal")
    return {(name, level): n for name, level, n in groups}, dict(blocks)


def replace_kept(groups: dict[tuple[str, int], int], blocks: dict[int, int]) -> None:
    """Replace every kept count by ``groups`` and ``blocks`` (in the caller's transaction)."""
    ZaakAantal.objects.all().delete()
    ZaakAantal.objects.bulk_create(
        ZaakAantal(zaaktype=name, vertrouwelijkheid_rank=level, aantal=n)
        for (name, level), n in groups.items()
    )
    ZaakBlokAantal.objects.all().delete()
    ZaakBlokAantal.objects.bulk_create(
        ZaakBlokAantal(blok=blok, aantal=n) for blok, n in sorted(blocks.items())
    )


def lock_kept(*, exclusive: bool) -> None:
    """Hold the kept counts still until the transaction ends (PostgreSQL; SQLite has one writer).

    Every change that adjusts a count does so in its own transaction, so with the counts' tables
    locked no such change commits meanwhile, and each statement of the caller sees the zaken and
    their counts agree. ``exclusive``: for replacing them (lists still read the old counts);
    otherwise for reading them (other readers too).
    """
    if connection.vendor == "postgresql":
        mode = "EXCLUSIVE" if exclusive else "SHARE"
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {sql.table(ZaakAantal)}, {sql.table(ZaakBlokAantal)} IN {mode} MODE")


# --- identificatie ----------------------------------------------------------------------------------


def take_numbers(bronorganisatie: str, jaar: int, aantal: int) -> int:
    """Raise the identificatie counter of (bronorganisatie, jaar) by ``aantal`` (created at 0 when
    missing); the new last number. One statement, which also locks the row until the transaction
    ends, so concurrent creates never take the same numbers."""
    key: dict[str, str | int] = {"bronorganisatie": bronorganisatie, "jaar": jaar}
    return sql.add_to_counter(ZaakIdentificatieTeller, key, aantal, counter="laatste")
