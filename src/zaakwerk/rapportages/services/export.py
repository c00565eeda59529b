"""A report's table as CSV or XLSX: the same rows the page shows, with plain values (a week as
the date of its Monday, durations in days with a decimal point, nothing for no value)."""

from __future__ import annotations

import csv
import io
from datetime import date

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from zaakwerk.rapportages.services.tables import Cell, Table

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _plain(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float):
        return f"{cell:.1f}"
    return str(cell)


def _safe(text: str) -> str:
    """A text that a spreadsheet would take for a formula gets a leading quote (CSV injection)."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([str(column) for column in table.columns])
    for row in table.rows:
        writer.writerow([_safe(cell) if isinstance(cell, str) else _plain(cell) for cell in row])
    # a byte order mark, so spreadsheet programs read the text as UTF-8
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(table: Table) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = table.key[:31]
    sheet.append([str(column) for column in table.columns])
    for row in table.rows:
        sheet.append([_safe(cell) if isinstance(cell, str) else cell for cell in row])
    for index, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(str(column)) + 2)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, float):
                cell.number_format = "0.0"
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
