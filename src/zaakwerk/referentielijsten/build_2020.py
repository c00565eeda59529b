"""Build ``data/selectielijst_2020_resultaten_2020.json`` from the published Selectielijst 2020.

VNG Realisatie publishes the "Selectielijst gemeenten en intergemeentelijke organen 2020" as a
spreadsheet (``selectielijst_2020.xls``: sheet "Selectielijst na reacties", one row per resultaat).
This module turns its rows into the resultaten of the 2020 procestypen, one record per row, with
every figure taken from its cell by the rules below (``data/SOURCES.md`` lists them per column)::

    python -m zaakwerk.referentielijsten.build_2020 selectielijst_2020.xls         # write the file
    python -m zaakwerk.referentielijsten.build_2020 selectielijst_2020.xls --check # exit 1 if stale

Reading the spreadsheet needs ``xlrd`` (in the ``dev`` extra); the server only reads the JSON file.

Identifiers never change: a record's UUID is a name-based UUID (version 5) of its place in the
list, ``uuid5(SELECTIELIJST_2020, "resultaat/<volledig nummer>")`` — the same row gives the same
UUID on every machine and in every release, and a zaaktype's URL to it stays valid.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import uuid as uuid_lib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).resolve().parent / "data" / "selectielijst_2020_resultaten_2020.json"
SHEET = "Selectielijst na reacties"
# Namespace of the derived identifiers (itself name-based, so it needs no registry either).
SELECTIELIJST_2020 = uuid_lib.uuid5(
    uuid_lib.NAMESPACE_URL, "urn:zaakwerk:referentielijsten:selectielijst:2020"
)

# Spreadsheet columns (0-based) of the sheet's header row, checked before reading.
_COLUMNS = {
    0: "Procestypenummer",
    5: "Nr.",
    6: "Generiek / specifiek",
    7: "Resultaat",
    8: "Omschrijving",
    9: "Herkomst",
    10: "Waardering",
    11: "Procestermijn",
    12: "Bewaartermijn",
    13: "Toelichting/voorbeelden",
}
# Columns 14–27: one per taakgebied, in the order of data.TAAKGEBIEDEN; a filled cell means "yes".
_FIRST_TAAKGEBIED = 14

# Procestermijn: the legend's categories, recognised by their wording in the cell.
_PROCESTERMIJNEN = tuple(
    (re.compile(wording, re.IGNORECASE), value)
    for wording, value in (
        (r"(de )?ingeschatte maximale bestaans", "ingeschatte_bestaansduur_procesobject"),
        (r"(de )?bestaans- of geldigheidsduur van het procesobject", "bestaansduur_procesobject"),
        (r"(de tijdens het proces )?vast te leggen datum", "vast_te_leggen_datum"),
        (r"(de procestermijn is )?samengevoegd met de bewaartermijn", "samengevoegd_met_bewaartermijn"),
        (r"nihil", "nihil"),
    )
)
_DURATION = re.compile(r"^(\d+)(?:,(\d+))?\s*(jaar|maanden|weken|dagen)$", re.IGNORECASE)


class SheetError(ValueError):
    """The spreadsheet does not have the layout or values these rules know."""


def resultaat_uuid(volledig_nummer: str) -> uuid_lib.UUID:
    """The fixed identifier of the 2020 resultaat with this number (``"1.1.1"``)."""
    return uuid_lib.uuid5(SELECTIELIJST_2020, f"resultaat/{volledig_nummer}")


def waardering(cell: str) -> str:
    """``Vernietigen`` → vernietigen; ``Bewaren`` (also "… met uitzondering van …") → blijvend_bewaren.

    An empty cell stays empty: the row is withdrawn ("Vervallen"), see ADR 0011.
    """
    text = cell.strip().lower()
    if text == "vernietigen":
        return "vernietigen"
    if text.startswith("bewaren"):
        return "blijvend_bewaren"
    if not text:
        return ""
    raise SheetError(f"unknown waardering {cell!r}")


def procestermijn(cell: str) -> tuple[str, str]:
    """The procestermijn category and the remark the cell adds to it (``"5 of 10 jaar"``)."""
    text = " ".join(cell.split())
    if not text:
        return "", ""
    for wording, value in _PROCESTERMIJNEN:
        found = wording.search(text)
        if found is not None:
            # what precedes the category's words is a remark on it: "5 of 10 jaar, De tijdens …"
            return value, text[: found.start()].strip(" ,(")
    raise SheetError(f"unknown procestermijn {cell!r}")


def bewaartermijn(cell: str) -> str | None:
    """An ISO 8601 duration: ``10 jaar`` → P10Y, ``1,5 jaar`` → P1Y6M, ``6 weken`` → P42D.

    ``Direct`` and "… terstond vernietigen" are P0D; an empty cell (a result to keep) is None.
    """
    text = " ".join(cell.split())
    if not text:
        return None
    if text.lower() == "direct" or "terstond" in text.lower():
        return "P0D"
    match = _DURATION.match(text)
    if match is None:
        raise SheetError(f"unknown bewaartermijn {cell!r}")
    amount, fraction, unit = int(match.group(1)), match.group(2), match.group(3).lower()
    if unit == "jaar":
        months = round(float(f"0.{fraction}") * 12) if fraction else 0
        return f"P{amount}Y" + (f"{months}M" if months else "")
    if fraction:
        raise SheetError(f"unknown bewaartermijn {cell!r}")
    if unit == "maanden":
        return f"P{amount}M"
    return f"P{amount * 7}D" if unit == "weken" else f"P{amount}D"


def record(row: Sequence[Any], line: int) -> dict[str, Any]:
    """One resultaat from one spreadsheet row; ``line`` is its row number as the sheet shows it."""
    from zaakwerk.referentielijsten.data import TAAKGEBIEDEN

    nummer = str(row[5]).strip()
    parts = nummer.split(".")
    kind = str(row[6]).strip().lower()
    if len(parts) != (2 if kind == "generiek" else 3) or not all(part.isdigit() for part in parts):
        raise SheetError(f"row {line}: number {nummer!r} does not fit {row[6]!r}")
    if int(parts[0]) != int(row[0]):
        raise SheetError(f"row {line}: {nummer} is not in procestype {row[0]}")
    termijn, opmerking = procestermijn(str(row[11]))
    data: dict[str, Any] = {
        "uuid": str(resultaat_uuid(nummer)),
        "volledig_nummer": nummer,
        "procestype": int(parts[0]),
        "nummer": int(parts[-1]),
        "naam": str(row[7]).strip(),
        "omschrijving": str(row[8]).strip(),
        "herkomst": str(row[9]).strip(),
        "waardering": waardering(str(row[10])),
        "procestermijn": termijn,
        "procestermijn_opmerking": opmerking,
        "bewaartermijn": bewaartermijn(str(row[12])),
        "toelichting": str(row[13]).strip(),
    }
    for offset, name in enumerate(TAAKGEBIEDEN):
        data[name] = bool(str(row[_FIRST_TAAKGEBIED + offset]).strip())
    data["bron"] = f"selectielijst_2020.xls, {SHEET}, rij {line}"
    return data


def records(rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    """Every resultaat of the sheet's rows (the header row first), in the sheet's order."""
    header = rows[0]
    for column, title in _COLUMNS.items():
        if str(header[column]).strip() != title:
            raise SheetError(f"column {column + 1} is {header[column]!r}, expected {title!r}")
    result = [record(row, line) for line, row in enumerate(rows[1:], start=2) if str(row[5]).strip()]
    numbers = [item["volledig_nummer"] for item in result]
    if len(set(numbers)) != len(numbers):
        raise SheetError("a resultaat number occurs twice")
    return result


def read_sheet(path: Path) -> list[list[Any]]:
    import xlrd  # a development dependency: only this build step reads the spreadsheet

    sheet = xlrd.open_workbook(str(path)).sheet_by_name(SHEET)
    return [sheet.row_values(index) for index in range(sheet.nrows)]


def render(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("spreadsheet", type=Path, help="selectielijst_2020.xls as VNG publishes it")
    parser.add_argument("--check", action="store_true", help="exit 1 when the packaged file differs")
    args = parser.parse_args(argv)
    text = render(records(read_sheet(args.spreadsheet)))
    if args.check:
        if DATA_FILE.read_text(encoding="utf-8") != text:
            print(f"{DATA_FILE.name} is out of date: run without --check", file=sys.stderr)
            return 1
        return 0
    DATA_FILE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
