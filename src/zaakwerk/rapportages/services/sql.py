"""The SQL expression the figures need, for PostgreSQL and SQLite alike."""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Func, IntegerField
from django.db.models.sql.compiler import SQLCompiler


class DaysBetween(Func):
    """``end - start`` in whole days, for two date columns."""

    output_field = IntegerField()

    def __init__(self, end: Any, start: Any) -> None:
        super().__init__(end, start)

    def as_sql(  # type: ignore[override]
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, tuple[Any, ...]]:
        end, start = (compiler.compile(part) for part in self.get_source_expressions())
        if connection.vendor == "sqlite":
            # dates are ISO text; julianday turns them into day numbers
            sql = f"CAST(julianday({end[0]}) - julianday({start[0]}) AS INTEGER)"
        else:  # PostgreSQL: date - date is an integer number of days
            sql = f"({end[0]} - {start[0]})"
        return sql, (*end[1], *start[1])
