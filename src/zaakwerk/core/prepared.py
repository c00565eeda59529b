"""Hot, fixed statements run as server-side prepared statements on PostgreSQL (ADR 0018).

Django binds parameters client-side and never prepares, so PostgreSQL parses and plans every
statement anew. For most statements that costs little; for a wide statement that runs on every
request (the ``UNION ALL`` of a page's related rows) planning cost more than running it. Such
a statement is written once with array parameters, so its text never changes, and run through
:func:`cursor`: prepared on first use per connection and, with the connection's
``plan_cache_mode = force_generic_plan`` (set in the settings), planned only then.

The cursor is wrapped like Django's own, so statements show up in query logging and counts.
Elsewhere (SQLite, or ``DB_PREPARED_STATEMENTS`` off) it is Django's ordinary cursor.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.conf import settings
from django.db import connection, models
from django.db.backends.utils import CursorDebugWrapper, CursorWrapper
from django.db.models.expressions import Col


def enabled() -> bool:
    """Whether :func:`cursor` prepares: PostgreSQL with prepared statements switched on."""
    return connection.vendor == "postgresql" and bool(settings.DB_PREPARED_STATEMENTS)


def cursor() -> Any:
    """A cursor whose statements are prepared on their first execution on this connection."""
    if not enabled():
        return connection.cursor()
    import psycopg

    connection.ensure_connection()
    raw = connection.connection
    # 0: prepare at the first execution. Django's cursors are client-side binding cursors,
    # which never prepare, so this changes nothing for the statements the ORM sends.
    if raw.prepare_threshold != 0:
        raw.prepare_threshold = 0
    plain = psycopg.Cursor(raw)
    # wrapped as Django wraps its own cursors (BaseDatabaseWrapper.make_cursor/make_debug_cursor)
    wrapper = _DebugWrapper if connection.queries_logged else CursorWrapper
    return wrapper(plain, connection)


class _DebugWrapper(CursorDebugWrapper):
    """Query logging for a prepared statement: a prepared execution leaves no statement text on
    the cursor, so the statement is logged with its parameters filled in, as Django logs others."""

    def execute(self, sql: Any, params: Any = None) -> Any:
        with self.debug_sql(self.db.ops.compose_sql(sql, params), None):
            return self.cursor.execute(sql, params)


def bigint(value: int) -> Any:
    """A parameter of a prepared statement sent as ``bigint`` whatever its size: psycopg sends
    a small int as ``int2`` and a larger one as ``int4``, and each set of types is a statement of
    its own."""
    if not enabled():
        return value
    from psycopg.types.numeric import Int8

    return Int8(value)


M = TypeVar("M", bound=models.Model)

# per (model, database vendor): the SELECT list, the attribute names and the converters per column
_Shape = tuple[str, list[str], list[tuple[int, list[Any], Col]]]
_SHAPES: dict[tuple[type[models.Model], str], _Shape] = {}


def _shape(model: type[models.Model]) -> _Shape:
    key = (model, connection.vendor)
    found = _SHAPES.get(key)
    if found is None:
        q = connection.ops.quote_name
        table = model._meta.db_table
        fields = model._meta.concrete_fields
        columns = ", ".join(f"{q(table)}.{q(field.column)}" for field in fields)
        converters: list[tuple[int, list[Any], Col]] = []
        for position, field in enumerate(fields):
            column = Col(table, field)
            found_converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            if found_converters:
                converters.append((position, found_converters, column))
        found = _SHAPES[key] = (columns, [field.attname for field in fields], converters)
    return found


def instances(model: type[M], tail: str, params: Sequence[Any], *, prepare: bool = False) -> list[M]:
    """The rows of ``SELECT <every column of model> FROM <its table> <tail>`` as instances, as the
    ORM would build them (the same converters), without compiling a query per call.

    ``prepare``: run it as a prepared statement (:func:`cursor`); only for statements whose best
    plan does not depend on the values (a lookup by a unique key), as the plan is generic.
    """
    columns, names, converters = _shape(model)
    sql = f"SELECT {columns} FROM {connection.ops.quote_name(model._meta.db_table)} {tail}"
    with cursor() if prepare else connection.cursor() as running:
        running.execute(sql, list(params))
        rows = running.fetchall()
    built: list[M] = []
    for row in rows:
        values = list(row)
        for position, functions, column in converters:
            value = values[position]
            for convert in functions:
                value = convert(value, column, connection)
            values[position] = value
        built.append(model.from_db(connection.alias, names, values))
    return built
