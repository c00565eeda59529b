"""A report as tables (what the page shows beside each chart, and what CSV and XLSX export) and
the charts drawn from them. One table per chart: the chart shows nothing the table does not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zaakwerk.rapportages.services.figures import Report

Cell = str | int | float | date | None


@dataclass(frozen=True)
class Chart:
    kind: str  # "bar" or "line" (Chart.js types)
    #: which columns of the table are series (by index); the first column gives the labels
    series: tuple[int, ...]
    horizontal: bool = False
    y_title: str | Promise = ""


@dataclass(frozen=True)
class Table:
    key: str
    title: str | Promise
    caption: str | Promise
    columns: Sequence[str | Promise]
    rows: Sequence[Sequence[Cell]]
    chart: Chart | None = None
    note: str | Promise = ""
    empty_text: str | Promise = field(default_factory=lambda: gettext_lazy("Geen zaken in deze periode."))

    def cells(self) -> list[list[str]]:
        return [[display(cell) for cell in row] for row in self.rows]

    def chart_data(self) -> dict[str, Any] | None:
        """What ``rapportages/charts.js`` needs to draw the chart with Chart.js."""
        if self.chart is None or not self.rows:
            return None
        return {
            "type": self.chart.kind,
            "horizontal": self.chart.horizontal,
            "yTitle": str(self.chart.y_title),
            "labels": [short(row[0]) for row in self.rows],
            "datasets": [
                {"label": str(self.columns[index]), "data": [_number(row[index]) for row in self.rows]}
                for index in self.chart.series
            ],
        }


def _number(cell: Cell) -> float | int | None:
    return cell if isinstance(cell, int | float) else None


def week_label(start: date) -> str:
    year, week, _day = start.isocalendar()
    return _("week %(week)s, %(year)s") % {"week": week, "year": year}


def display(cell: Cell) -> str:
    if cell is None:
        return "–"
    if isinstance(cell, date):
        return f"{week_label(cell)} ({date_format(cell, 'j M')})"
    if isinstance(cell, float):
        return number_format(cell, 1)
    return str(cell)


def short(cell: Cell) -> str:
    """A chart's label: shorter than the table's."""
    if isinstance(cell, date):
        return date_format(cell, "j M")
    return display(cell)


def tables(report: Report) -> list[Table]:
    weeks = report.weeks
    days = _("dagen")
    single = report.doorlooptijden[0] if len(report.doorlooptijden) == 1 else None
    norm: list[Cell] = [single.norm] if single else []
    week_rows: list[list[Cell]] = [
        [week.start, week.uitstroom, week.mediaan, week.p90, *norm] for week in weeks
    ]
    return [
        Table(
            "instroom-uitstroom",
            gettext_lazy("Instroom en uitstroom per week"),
            gettext_lazy("Zaken gestart (instroom) en afgehandeld (uitstroom) per week"),
            [_("Week"), _("Instroom"), _("Uitstroom")],
            [[week.start, week.instroom, week.uitstroom] for week in weeks],
            Chart("bar", (1, 2), y_title=_("zaken")),
        ),
        Table(
            "werkvoorraad",
            gettext_lazy("Werkvoorraad"),
            gettext_lazy("Open zaken aan het eind van elke week"),
            [_("Week"), _("Open zaken")],
            [[week.start, week.werkvoorraad] for week in weeks],
            Chart("line", (1,), y_title=_("zaken")),
        ),
        Table(
            "doorlooptijd-per-week",
            gettext_lazy("Doorlooptijd per week"),
            gettext_lazy("Doorlooptijd in dagen van de zaken die in de week zijn afgehandeld"),
            [_("Week"), _("Afgehandeld"), _("Mediaan (dagen)"), _("90e percentiel (dagen)")]
            + ([_("Norm (dagen)")] if single else []),
            week_rows,
            Chart("line", (2, 3, 4) if single else (2, 3), y_title=days),
            note=gettext_lazy(
                "De norm is de doorlooptijd van het zaaktype; kies één zaaktype om hem te zien."
            )
            if single is None
            else "",
        ),
        Table(
            "doorlooptijd-per-zaaktype",
            gettext_lazy("Doorlooptijd tegen de norm"),
            gettext_lazy("Doorlooptijd in dagen per zaaktype, van de zaken afgehandeld in de periode"),
            [
                _("Zaaktype"),
                _("Afgehandeld"),
                _("Mediaan (dagen)"),
                _("90e percentiel (dagen)"),
                _("Norm: doorlooptijd (dagen)"),
                _("Servicenorm (dagen)"),
                _("Langer dan de norm"),
                _("Na de uiterlijke einddatum"),
            ],
            [
                [
                    item.omschrijving or item.zaaktype,
                    item.afgehandeld,
                    item.mediaan,
                    item.p90,
                    item.norm,
                    item.servicenorm,
                    item.boven_norm,
                    item.te_laat,
                ]
                for item in report.doorlooptijden
            ],
            Chart("bar", (2, 3, 4), y_title=days),
        ),
        Table(
            "termijnoverschrijdingen",
            gettext_lazy("Termijnoverschrijdingen"),
            gettext_lazy("Zaken afgehandeld na hun uiterlijke einddatum afdoening, per week"),
            [_("Week"), _("Afgehandeld"), _("Te laat afgehandeld")],
            [[week.start, week.uitstroom, week.te_laat] for week in weeks],
            Chart("bar", (2,), y_title=_("zaken")),
            note=_("Nu open en al over de uiterlijke einddatum: %(aantal)s van %(open)s open zaken.")
            % {"aantal": report.open_te_laat, "open": report.open},
        ),
        Table(
            "zaken-per-status",
            gettext_lazy("Open zaken per status"),
            gettext_lazy("Open zaken per status, vandaag"),
            [_("Status"), _("Open"), _("Over de uiterlijke einddatum")],
            [[item.status or _("(geen status)"), item.open, item.te_laat] for item in report.statussen],
            Chart("bar", (1, 2), horizontal=True, y_title=_("zaken")),
            empty_text=gettext_lazy("Geen open zaken."),
        ),
        Table(
            "open-taken",
            gettext_lazy("Open taken"),
            gettext_lazy("Open taken per soort, vandaag"),
            [_("Soort taak"), _("Open"), _("Over de uiterlijke datum")],
            [[item.kind, item.open, item.te_laat] for item in report.taken],
            Chart("bar", (1, 2), y_title=_("taken")),
            empty_text=gettext_lazy("Geen open taken."),
        ),
    ]
