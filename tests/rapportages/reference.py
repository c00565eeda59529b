"""The reports' figures as they were computed before docs/adr/0099, kept as the reference the
optimised computation is tested against: ``PERCENTILE_CONT`` per week and per zaaktype on
PostgreSQL (one sort per group), and on SQLite every duration of the period read in order and
interpolated in Python."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import reduce
from operator import or_
from typing import Any

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Aggregate, Count, Expression, F, FloatField, Q, QuerySet, Value
from django.db.models.sql.compiler import SQLCompiler

from zaakwerk.rapportages.services import figures
from zaakwerk.rapportages.services.figures import (
    Doorlooptijd,
    Report,
    Selection,
    Week,
    _day,
    _per_week,
    _statussen,
    monday,
    zaken,
)
from zaakwerk.rapportages.services.norms import Norm
from zaakwerk.rapportages.services.sql import DaysBetween
from zaakwerk.werkplek.access import Access
from zaakwerk.werkplek.models import ZaakRow


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


def report(access: Access, selection: Selection, norms: dict[str, Norm], *, today: date) -> Report:
    """The report as the figures computed it before the histograms (docs/adr/0099)."""
    rows = zaken(access, selection)
    # PostgreSQL computes the percentiles in the same scans as the counts; SQLite in Python
    percentiles: dict[str, Any] = {}
    if connection.vendor == "postgresql":
        days = DaysBetween(F("einddatum"), F("startdatum"))
        percentiles = {"mediaan": PercentileCont(days, 0.5), "p90": PercentileCont(days, 0.9)}
    instroom = _per_week(rows, "startdatum", selection)
    uitstroom = _per_week(
        rows,
        "einddatum",
        selection,
        te_laat=Count("einddatum", filter=Q(uiterlijke_einddatum_afdoening__lt=F("einddatum"))),
        **percentiles,
    )
    doorlooptijden, durations_per_week = _doorlooptijden(rows, selection, norms, percentiles)
    if percentiles:
        durations_per_week = {week: (item["mediaan"], item["p90"]) for week, item in uitstroom.items()}
    statussen = _statussen(rows, today)

    # the werkvoorraad at the end of each week, counted back from today's open zaken: open then =
    # open now - started since + afgehandeld since (docs/adr/0092)
    open_now = sum(item.open for item in statussen)
    after = (
        rows.filter(startdatum__gt=selection.tot, startdatum__lte=today).count()
        - rows.filter(einddatum__gt=selection.tot, einddatum__lte=today).count()
    )
    weeks: list[Week] = []
    for start in reversed(selection.weeks):
        started, closed = instroom.get(start, {}), uitstroom.get(start, {})
        mediaan, p90 = durations_per_week.get(start, (None, None))
        weeks.append(
            Week(
                start=start,
                instroom=started.get("n", 0),
                uitstroom=closed.get("n", 0),
                te_laat=closed.get("te_laat", 0),
                werkvoorraad=open_now - after,
                mediaan=mediaan,
                p90=p90,
            )
        )
        after += started.get("n", 0) - closed.get("n", 0)
    weeks.reverse()
    taken = figures._taken(access, selection, today)
    return Report(selection, today, weeks, doorlooptijden, statussen, taken)


def _doorlooptijden(
    rows: QuerySet[ZaakRow], selection: Selection, norms: dict[str, Norm], percentiles: dict[str, Any]
) -> tuple[list[Doorlooptijd], dict[date, tuple[float | None, float | None]]]:
    """Per zaaktype; and, on SQLite, the percentiles per week (PostgreSQL has them already)."""
    closed = rows.filter(
        einddatum__gte=selection.van, einddatum__lte=selection.tot, startdatum__isnull=False
    ).alias(dagen=DaysBetween(F("einddatum"), F("startdatum")))
    with_norm = [norm for norm in norms.values() if norm.doorlooptijd is not None]
    over = reduce(
        or_,
        (Q(zaaktype_identificatie=norm.identificatie, dagen__gt=norm.doorlooptijd) for norm in with_norm),
        Q(),
    )
    counts = {
        item["zaaktype_identificatie"]: item
        for item in closed.values("zaaktype_identificatie")
        .annotate(
            n=Count("*"),
            te_laat=Count("einddatum", filter=Q(uiterlijke_einddatum_afdoening__lt=F("einddatum"))),
            boven_norm=Count("einddatum", filter=over) if with_norm else Value(0),
            **percentiles,
        )
        .order_by()
    }
    per_week: dict[date, tuple[float | None, float | None]] = {}
    if percentiles:
        per_type = {key: (item["mediaan"], item["p90"]) for key, item in counts.items()}
    else:
        per_type, per_week = _percentiles_in_python(closed)
    found = []
    for identificatie, item in counts.items():
        norm = norms.get(identificatie)
        mediaan, p90 = per_type.get(identificatie, (None, None))
        found.append(
            Doorlooptijd(
                zaaktype=identificatie,
                omschrijving=norm.omschrijving if norm else identificatie,
                afgehandeld=item["n"],
                mediaan=mediaan,
                p90=p90,
                norm=norm.doorlooptijd if norm else None,
                servicenorm=norm.servicenorm if norm else None,
                boven_norm=item["boven_norm"],
                te_laat=item["te_laat"],
            )
        )
    return sorted(found, key=lambda item: item.omschrijving.lower()), per_week


def _percentiles_in_python(
    closed: QuerySet[ZaakRow],
) -> tuple[dict[str, tuple[float | None, float | None]], dict[date, tuple[float | None, float | None]]]:
    per_type: dict[str, list[int]] = defaultdict(list)
    per_week: dict[date, list[int]] = defaultdict(list)
    # one small tuple per zaak afgehandeld in the period (at most MAX_WEEKS weeks), in order
    durations = closed.annotate(days=DaysBetween(F("einddatum"), F("startdatum")))
    for identificatie, einddatum, dagen in durations.values_list(
        "zaaktype_identificatie", "einddatum", "days"
    ).order_by("days"):
        per_type[identificatie].append(dagen)
        if einddatum is not None:  # always: the query asks for afgehandelde zaken
            per_week[monday(_day(einddatum))].append(dagen)

    def both(values: list[int]) -> tuple[float | None, float | None]:
        return percentile_cont(values, 0.5), percentile_cont(values, 0.9)

    return (
        {key: both(values) for key, values in per_type.items()},
        {key: both(values) for key, values in per_week.items()},
    )
