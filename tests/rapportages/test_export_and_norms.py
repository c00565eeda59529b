"""The exports' plain values and formula safety; the norms without a readable catalogue."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from openpyxl import load_workbook

from zaakwerk.client import ClientError
from zaakwerk.rapportages.services import norms
from zaakwerk.rapportages.services.export import to_csv, to_xlsx
from zaakwerk.rapportages.services.tables import Table

TABLE = Table(
    "voorbeeld",
    "Voorbeeld",
    "Een voorbeeld",
    ["Week", "Naam", "Mediaan (dagen)"],
    [[date(2026, 11, 23), '=HYPERLINK("x")', 15.5], [date(2026, 11, 30), "Ontvangen", None]],
)


def test_csv_has_iso_weeks_decimal_points_and_no_formulas() -> None:
    text = to_csv(TABLE).decode("utf-8")
    assert text.startswith("\ufeff")
    assert text.lstrip("\ufeff").splitlines() == [
        "Week;Naam;Mediaan (dagen)",
        """2026-11-23;"'=HYPERLINK(""x"")";15.5""",
        "2026-11-30;Ontvangen;",
    ]


def test_xlsx_has_dates_and_numbers() -> None:
    sheet = load_workbook(io.BytesIO(to_xlsx(TABLE))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Week", "Naam", "Mediaan (dagen)")
    assert (
        rows[1][0].date() == date(2026, 11, 23) and rows[1][1] == '\'=HYPERLINK("x")' and rows[1][2] == 15.5
    )
    assert rows[2][2] is None


class Unreachable:
    """A client whose catalogue cannot be read."""

    class catalogi:  # noqa: N801
        class zaaktypen:  # noqa: N801
            @staticmethod
            def list(**_: Any) -> Any:
                raise ClientError("GET", "http://elders/catalogi/api/v1/zaaktypen", "down")


def test_without_a_catalogue_the_report_has_no_norms() -> None:
    norms.clear()
    assert norms.norms(Unreachable(), "elders") == {}  # type: ignore[arg-type]
