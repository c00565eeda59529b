"""Two SQL expressions the figures need, for PostgreSQL and SQLite alike."""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Aggregate, Expression, FloatField, Func, IntegerField
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


class PercentileCont(Aggregate):
    """PostgreSQL's ``PERCENTILE_CONT(fraction) WITHIN GROUP (ORDER BY expression)``: the value
    at ``fraction`` of the ordered values, interpolated between the two nearest (so the median of
    an even number of values is the mean of the middle two). SQLite has no such aggregate: the
    figures compute it with :func:`percentile_cont` there."""

    function = "PERCENTILE_CONT"
    name = "PercentileCont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression: Expression | str, fraction: float) -> None:
        if not 0 <= fraction <= 1:
            raise ValueError("a fraction between 0 and 1")
        self.fraction = float(fraction)
        super().__init__(expression)

    def as_sql(  # type: ignore[override]
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, tuple[Any, ...]]:
        # a float we made, never user input: safe to write into the statement
        sql, params = super().as_sql(compiler, connection, fraction=repr(self.fraction), **extra)
        return sql, tuple(params)


def percentile_cont(ordered: list[int], fraction: float) -> float | None:
    """The same value as PostgreSQL's ``PERCENTILE_CONT`` for ``ordered`` (ascending) values."""
    if not ordered:
        return None
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (position - low) * (ordered[high] - ordered[low])
