"""Building blocks of the registers' hand-written SQL.

Each register keeps its statements in its own ``queries.py``; what they share is here: table and
column names taken from the models (never written out, so a renamed field or column cannot leave
a statement behind), the one way a batch of ids is passed, and the kept counters' upsert. The
access rule on types and vertrouwelijkheid is :mod:`zaakwerk.core.visibility`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db import connection, models


def table(model: type[models.Model]) -> str:
    """The quoted table of ``model``."""
    return connection.ops.quote_name(model._meta.db_table)


# (model, field name, database vendor) → quoted column; statements are built on every request
_COLUMNS: dict[tuple[type[models.Model], str, str], str] = {}


def column(model: type[models.Model], name: str) -> str:
    """The quoted column of ``model``'s field ``name`` (``"pk"``: its primary key); a foreign key's
    column is its ``…_id``."""
    key = (model, name, connection.vendor)
    found = _COLUMNS.get(key)
    if found is None:
        field = model._meta.pk if name == "pk" else model._meta.get_field(name)
        assert field is not None and isinstance(field, models.Field), name
        found = _COLUMNS[key] = connection.ops.quote_name(field.column)
    return found


def in_ids(column_sql: str, param: str = "%s") -> str:
    """``column_sql`` is one of a batch of ids given as one parameter (:func:`ids`); ``param`` is
    its placeholder (``%(name)s`` for a named one).

    One parameter whatever the batch's size, so the statement's text never changes and can be
    prepared (ADR 0018). On PostgreSQL a ``bigint[]``, which the index scan takes in key order; it
    comes in through a scalar subquery, so the planner plans for an array it does not know, as it
    does for a prepared statement. Given the values themselves, it took the related rows of a page
    of a hundred zaken for a large job and started parallel workers: ten times slower (ADR 0032).
    On SQLite a JSON array, read with ``json_each``.
    """
    if connection.vendor == "postgresql":
        return f"{column_sql} = ANY((SELECT {param}::bigint[])::bigint[])"
    return f"{column_sql} IN (SELECT value FROM json_each({param}))"


def ids(values: Iterable[int]) -> str:
    """The parameter of :func:`in_ids`: an array literal on PostgreSQL (one parameter type, however
    large the numbers), a JSON array elsewhere."""
    joined = ",".join(str(int(value)) for value in values)
    return "{" + joined + "}" if connection.vendor == "postgresql" else "[" + joined + "]"


def add_to_counter(
    model: type[models.Model], key: Mapping[str, str | int], delta: int, *, counter: str = "aantal"
) -> int:
    """Add ``delta`` to the ``counter`` field of ``model``'s row for ``key`` (created at 0 when
    missing) and return its new value: one statement, in the caller's transaction, which locks
    the row until the transaction ends. ``key`` names the fields of a unique constraint.

    Kept counts (``ZaakAantal``, ``DocumentAantal``, …) let lists count and find deep pages
    without ``COUNT(*)`` (DESIGN.md, performance notes); identificatie counters hand out numbers.
    """
    name = table(model)
    columns = ", ".join(column(model, field) for field in key)
    amount = column(model, counter)
    marks = ", ".join(["%s"] * (len(key) + 1))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {name} ({columns}, {amount}) VALUES ({marks}) ON CONFLICT ({columns}) "
            f"DO UPDATE SET {amount} = {name}.{amount} + EXCLUDED.{amount} RETURNING {amount}",
            [*key.values(), delta],
        )
        row = cursor.fetchone()
    return int(row[0])
