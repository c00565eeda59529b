"""The figures of the reports: SQL aggregates over the werkplek's read model and its tasks.

Every figure starts from :func:`zaken`, which starts from the werkplek's one door
(``queries.visible``): a user's figures count only zaken of zaaktypen on which they have a role
(docs/adr/0091). A period is whole weeks (Monday to Sunday) and ends today at the latest. Nothing
here loads the rows of the read model into Python: the database counts and groups; the
afgehandelde zaken arrive as histograms of their doorlooptijd (``histogram``), from which the
median and 90th percentile follow exactly (docs/adr/0092, docs/adr/0099).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncWeek

from zaakwerk.rapportages.services.histogram import Histogram, closed
from zaakwerk.rapportages.services.norms import Norm
from zaakwerk.werkplek.access import Access
from zaakwerk.werkplek.models import Task, ZaakRow
from zaakwerk.werkplek.read_model.queries import visible

MAX_WEEKS = 104
DEFAULT_WEEKS = 12


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Selection:
    """What a report shows: the zaken of one zaaktype and/or team (empty: all one may see) in
    the weeks from ``van`` to ``tot`` (both days included)."""

    van: date
    tot: date
    zaaktype: str = ""
    team: str = ""

    @classmethod
    def of(cls, van: date, tot: date, *, today: date, zaaktype: str = "", team: str = "") -> Selection:
        """Whole weeks: from the Monday of ``van`` to the Sunday of ``tot``, but not after today."""
        return cls(monday(van), min(monday(tot) + timedelta(days=6), today), zaaktype, team)

    @classmethod
    def default(cls, today: date) -> Selection:
        return cls.of(monday(today) - timedelta(weeks=DEFAULT_WEEKS - 1), today, today=today)

    @property
    def weeks(self) -> list[date]:
        first, count = monday(self.van), (monday(self.tot) - monday(self.van)).days // 7 + 1
        return [first + timedelta(weeks=number) for number in range(count)]


@dataclass(frozen=True)
class Week:
    start: date
    instroom: int
    uitstroom: int
    #: afgehandeld after the zaak's uiterlijke einddatum afdoening
    te_laat: int
    #: open zaken at the end of the week (or today, for the current week)
    werkvoorraad: int
    #: doorlooptijd in days of the zaken afgehandeld in the week
    mediaan: float | None
    p90: float | None


@dataclass(frozen=True)
class Doorlooptijd:
    """The zaken of one zaaktype afgehandeld in the period."""

    zaaktype: str
    omschrijving: str
    afgehandeld: int
    mediaan: float | None
    p90: float | None
    #: the zaaktype's doorlooptijd and servicenorm in days (None: the catalogue gives none)
    norm: int | None
    servicenorm: int | None
    #: took longer than the doorlooptijd
    boven_norm: int
    #: afgehandeld after the uiterlijke einddatum afdoening
    te_laat: int


@dataclass(frozen=True)
class StatusCount:
    status: str
    open: int
    te_laat: int


@dataclass(frozen=True)
class TaskCount:
    kind: str
    open: int
    te_laat: int


@dataclass(frozen=True)
class Report:
    selection: Selection
    today: date
    weeks: list[Week]
    doorlooptijden: list[Doorlooptijd]
    statussen: list[StatusCount]
    taken: list[TaskCount]

    @property
    def open(self) -> int:
        return sum(item.open for item in self.statussen)

    @property
    def open_te_laat(self) -> int:
        return sum(item.te_laat for item in self.statussen)


def zaken(access: Access, selection: Selection) -> QuerySet[ZaakRow]:
    rows = visible(access)
    if selection.zaaktype:
        rows = rows.filter(zaaktype_identificatie=selection.zaaktype)
    if selection.team:
        rows = rows.filter(team=selection.team)
    return rows


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


# COUNT(*) and COUNT(<a column of the index>): a count of "id" would make PostgreSQL visit the table
# for every row, where the covering indexes of docs/adr/0093 answer from the index alone.


def _per_week(rows: QuerySet[ZaakRow], column: str, selection: Selection, **counts: Any) -> dict[date, Any]:
    found = (
        rows.filter(**{f"{column}__gte": selection.van, f"{column}__lte": selection.tot})
        .annotate(week=TruncWeek(column))
        .values("week")
        .annotate(n=Count("*"), **counts)
        .order_by()
    )
    return {_day(item["week"]): item for item in found}


def report(access: Access, selection: Selection, norms: dict[str, Norm], *, today: date) -> Report:
    rows = zaken(access, selection)
    instroom = _per_week(rows, "startdatum", selection)
    # uitstroom, its percentiles per week and everything per zaaktype: one read of the period's
    # afgehandelde zaken, as histograms of their doorlooptijd (docs/adr/0099)
    afgehandeld = closed(rows, selection.van, selection.tot)
    statussen = _statussen(rows, today)

    # the werkvoorraad at the end of each week, counted back from today's open zaken: open then =
    # open now - started since + afgehandeld since (docs/adr/0092); nothing happened after today
    open_now = sum(item.open for item in statussen)
    after = 0
    if selection.tot < today:
        after = (
            rows.filter(startdatum__gt=selection.tot, startdatum__lte=today).count()
            - rows.filter(einddatum__gt=selection.tot, einddatum__lte=today).count()
        )
    weeks: list[Week] = []
    for start in reversed(selection.weeks):
        started = instroom.get(start, {}).get("n", 0)
        week = afgehandeld.per_week.get(start, Histogram())
        weeks.append(
            Week(
                start=start,
                instroom=started,
                uitstroom=week.n,
                te_laat=week.te_laat,
                werkvoorraad=open_now - after,
                mediaan=week.percentile(0.5),
                p90=week.percentile(0.9),
            )
        )
        after += started - week.n
    weeks.reverse()
    doorlooptijden = _doorlooptijden(afgehandeld.per_zaaktype, norms)
    return Report(selection, today, weeks, doorlooptijden, statussen, _taken(access, selection, today))


def _statussen(rows: QuerySet[ZaakRow], today: date) -> list[StatusCount]:
    found = (
        rows.filter(einddatum__isnull=True, startdatum__lte=today)
        .values("status_omschrijving")
        .annotate(
            n=Count("*"),
            te_laat=Count(
                "uiterlijke_einddatum_afdoening", filter=Q(uiterlijke_einddatum_afdoening__lt=today)
            ),
        )
        .order_by()
    )
    counts = [StatusCount(item["status_omschrijving"], item["n"], item["te_laat"]) for item in found]
    return sorted(counts, key=lambda item: (-item.open, item.status.lower()))


def _doorlooptijden(per_zaaktype: dict[str, Histogram], norms: dict[str, Norm]) -> list[Doorlooptijd]:
    found = []
    for identificatie, histogram in per_zaaktype.items():
        norm = norms.get(identificatie)
        limit = norm.doorlooptijd if norm else None
        found.append(
            Doorlooptijd(
                zaaktype=identificatie,
                omschrijving=norm.omschrijving if norm else identificatie,
                afgehandeld=histogram.n,
                mediaan=histogram.percentile(0.5),
                p90=histogram.percentile(0.9),
                norm=limit,
                servicenorm=norm.servicenorm if norm else None,
                boven_norm=histogram.above(limit) if limit is not None else 0,
                te_laat=histogram.te_laat,
            )
        )
    return sorted(found, key=lambda item: item.omschrijving.lower())


def _taken(access: Access, selection: Selection, today: date) -> list[TaskCount]:
    """Open tasks on the selection's zaaktypen, per kind; of a team: the tasks given to the team
    (its werkvoorraad of tasks in the werkplek)."""
    tasks = Task.objects.filter(state=Task.State.OPEN)
    allowed = access.zaaktypen()
    if allowed is not None:
        tasks = tasks.filter(zaaktype_identificatie__in=sorted(allowed))
    if selection.zaaktype:
        tasks = tasks.filter(zaaktype_identificatie=selection.zaaktype)
    if selection.team:
        tasks = tasks.filter(assignee_group__name=selection.team)
    found = (
        tasks.values("kind")
        .annotate(n=Count("pk"), te_laat=Count("pk", filter=Q(due_date__lt=today)))
        .order_by()
    )
    labels = dict(Task.Kind.choices)
    counts = [
        TaskCount(str(labels.get(item["kind"], item["kind"])), item["n"], item["te_laat"]) for item in found
    ]
    return sorted(counts, key=lambda item: item.kind.lower())
