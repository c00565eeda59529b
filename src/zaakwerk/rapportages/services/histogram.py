"""The afgehandelde zaken of a period as histograms of their doorlooptijd: per week of einddatum
and per zaaktype, how many zaken took each number of days (docs/adr/0099).

A doorlooptijd is a whole number of days in a small range, so the zaken of a period fall into a
few thousand (zaaktype or week, days) groups however many zaken there are. From those counts the
median, the 90th percentile (the same linear interpolation as PostgreSQL's ``PERCENTILE_CONT``),
the count above the norm and the count afgehandeld late follow exactly, in Python, without sorting
the zaken themselves. On PostgreSQL one statement reads the period's entries of the afgehandelde
zaken's covering index once and groups them both ways (``GROUPING SETS``); SQLite has no grouping
sets, so there the groups are (zaaktype, einddatum, days) and are added up here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from django.db import connection
from django.db.models import Count, F, Q, QuerySet

from zaakwerk.rapportages.services.sql import DaysBetween
from zaakwerk.werkplek.models import ZaakRow


@dataclass
class Histogram:
    """Zaken afgehandeld: how many, how many late, and how many took each number of days."""

    n: int = 0
    te_laat: int = 0
    days: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, dagen: int | None, n: int, te_laat: int) -> None:
        self.n += n
        self.te_laat += te_laat
        if dagen is not None:
            self.days[dagen] += n

    def percentile(self, fraction: float) -> float | None:
        """PostgreSQL's ``PERCENTILE_CONT(fraction)`` of the durations (zaken without a
        startdatum have none and are left out, as the aggregate leaves out NULLs)."""
        values = sorted(self.days)
        if not values:
            return None
        # ends[i]: how many durations are <= values[i]; the k-th (from 0) is values[first end > k]
        ends = list(accumulate(self.days[value] for value in values))
        position = fraction * (ends[-1] - 1)
        low = int(position)
        high = min(low + 1, ends[-1] - 1)
        at_low, at_high = values[bisect_right(ends, low)], values[bisect_right(ends, high)]
        return at_low + (position - low) * (at_high - at_low)

    def above(self, limit: int) -> int:
        """How many took longer than ``limit`` days."""
        return sum(n for dagen, n in self.days.items() if dagen > limit)


@dataclass
class Closed:
    per_week: dict[date, Histogram] = field(default_factory=lambda: defaultdict(Histogram))
    per_zaaktype: dict[str, Histogram] = field(default_factory=lambda: defaultdict(Histogram))


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def closed(rows: QuerySet[ZaakRow], van: date, tot: date) -> Closed:
    """The histograms of the zaken of ``rows`` afgehandeld from ``van`` to ``tot``. Per zaaktype
    only zaken with a startdatum count (their doorlooptijd is known); per week all."""
    period = rows.filter(einddatum__gte=van, einddatum__lte=tot)
    found = Closed()
    if period.query.is_empty():
        return found
    if connection.vendor == "postgresql":
        _grouping_sets(period, found)
    else:
        _grouped_by_day(period, found)
    return found


def _grouping_sets(period: QuerySet[ZaakRow], found: Closed) -> None:
    # the period's rows as Django filters them (the reader's zaaktypen, zaaktype, team), narrowed
    # to four columns of the covering index; the planner pulls the subquery up into one scan
    inner, params = period.values_list(
        "zaaktype_identificatie", "startdatum", "einddatum", "uiterlijke_einddatum_afdoening"
    ).query.sql_with_params()
    statement = f"""
        SELECT GROUPING(zaaktype), zaaktype, week, dagen, COUNT(*), COUNT(*) FILTER (WHERE te_laat)
        FROM (
            SELECT z, eind - (EXTRACT(ISODOW FROM eind)::integer - 1), eind - start, uiterlijk < eind
            FROM ({inner}) AS period (z, start, eind, uiterlijk)
        ) AS closed (zaaktype, week, dagen, te_laat)
        GROUP BY GROUPING SETS ((zaaktype, dagen), (week, dagen))
    """  # only Django's compiled SQL and fixed text: the values are parameters
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for per_week, zaaktype, week, dagen, n, te_laat in cursor.fetchall():
            if per_week:
                found.per_week[week].add(dagen, n, te_laat)
            elif dagen is not None:
                found.per_zaaktype[zaaktype].add(dagen, n, te_laat)


def _grouped_by_day(period: QuerySet[ZaakRow], found: Closed) -> None:
    grouped = (
        period.annotate(dagen=DaysBetween(F("einddatum"), F("startdatum")))
        .values("zaaktype_identificatie", "einddatum", "dagen")
        .annotate(
            n=Count("*"),
            te_laat=Count("einddatum", filter=Q(uiterlijke_einddatum_afdoening__lt=F("einddatum"))),
        )
        .order_by()
    )
    for item in grouped:
        dagen, n, te_laat = item["dagen"], item["n"], item["te_laat"]
        found.per_week[_monday(item["einddatum"])].add(dagen, n, te_laat)
        if dagen is not None:
            found.per_zaaktype[item["zaaktype_identificatie"]].add(dagen, n, te_laat)
