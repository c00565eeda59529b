"""Kept counters: a row per key whose ``aantal`` column every change adjusts in its own
transaction, so lists can count (and find deep pages) without ``COUNT(*)`` (DESIGN.md,
performance notes). Used by the zaken and documenten counts."""

from __future__ import annotations

from django.db import connection, models


def add(model: type[models.Model], key: dict[str, str | int], delta: int) -> None:
    """Add ``delta`` to ``model``'s ``aantal`` in the row of ``key`` (created at 0 when missing),
    in one statement, in the caller's transaction. ``key`` names the columns of a unique
    constraint."""
    q = connection.ops.quote_name
    table = q(model._meta.db_table)
    columns = ", ".join(q(column) for column in key)
    marks = ", ".join(["%s"] * (len(key) + 1))
    aantal = q("aantal")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({columns}, {aantal}) VALUES ({marks}) ON CONFLICT ({columns}) "
            f"DO UPDATE SET {aantal} = {table}.{aantal} + EXCLUDED.{aantal}",
            [*key.values(), delta],
        )
