"""The reference data this register serves, read once from the JSON files beside this module.

Most files are Django fixtures (``model``/``pk``/``fields``) as VNG Realisatie publishes them; the
resultaten of the 2020 procestypen are built from the published Selectielijst 2020 spreadsheet
(``build_2020.py``); see ``SOURCES.md``. They are read lazily, on first use, and kept in memory
for the life of the process: the data are read-only and small (a few hundred records), so there
are no tables. Records keep the fixture's UUIDs, and the 2020 resultaten UUIDs derived from their
number, so their URLs are stable across deployments and releases.
"""

from __future__ import annotations

import functools
import json
import uuid as uuid_lib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent

PROCESTYPEN_FILE = "selectielijst_2020_procestypen.json"
RESULTATEN_FILE = "selectielijst_2020_resultaten.json"
RESULTATEN_2020_FILE = "selectielijst_2020_resultaten_2020.json"
RESULTAATTYPEOMSCHRIJVINGEN_FILE = "resultaattypeomschrijvingen.json"
COMMUNICATIEKANALEN_FILE = "communicatiekanalen.json"

# The taakgebieden flags of a Resultaat, in the order of the 0.6.0 spec (fixture names).
TAAKGEBIEDEN = (
    "algemeen_bestuur_en_inrichting_organisatie",
    "bedrijfsvoering_en_personeel",
    "publieke_informatie_en_registratie",
    "burgerzaken",
    "veiligheid",
    "verkeer_en_vervoer",
    "economie",
    "onderwijs",
    "sport_cultuur_en_recreatie",
    "sociaal_domein",
    "volksgezonheid_en_milieu",
    "vhrosv",
    "heffen_belastingen",
    "alle_taakgebieden",
)


@dataclass(frozen=True)
class ProcesType:
    uuid: uuid_lib.UUID
    nummer: int
    jaar: int
    naam: str
    omschrijving: str
    toelichting: str
    procesobject: str


@dataclass(frozen=True)
class Resultaat:
    """A selectielijstklasse. A generic result has no ``generiek``; a specific one refines it."""

    uuid: uuid_lib.UUID
    procestype: ProcesType
    generiek: Resultaat | None
    nummer: int
    naam: str
    omschrijving: str
    herkomst: str
    waardering: str
    procestermijn: str
    bewaartermijn: str | None
    toelichting: str
    procestermijn_opmerking: str
    taakgebieden: tuple[tuple[str, bool], ...]

    @property
    def volledig_nummer(self) -> str:
        """``<procestype>.<resultaat>``, or ``<procestype>.<generiek>.<resultaat>`` when specific."""
        if self.generiek is None:
            return f"{self.procestype.nummer}.{self.nummer}"
        return f"{self.procestype.nummer}.{self.generiek.nummer}.{self.nummer}"


@dataclass(frozen=True)
class ResultaattypeOmschrijving:
    uuid: uuid_lib.UUID
    omschrijving: str
    definitie: str
    opmerking: str


@dataclass(frozen=True)
class CommunicatieKanaal:
    uuid: uuid_lib.UUID
    naam: str
    omschrijving: str


@dataclass(frozen=True)
class Lists:
    """Every list, in the order it is served (fixture ``pk`` order)."""

    procestypen: tuple[ProcesType, ...]
    resultaten: tuple[Resultaat, ...]
    resultaattypeomschrijvingen: tuple[ResultaattypeOmschrijving, ...]
    communicatiekanalen: tuple[CommunicatieKanaal, ...]


def read_fixture(filename: str) -> list[dict[str, Any]]:
    """The records of one fixture file, sorted by ``pk``: ``{"pk": ..., **fields}``."""
    raw: list[dict[str, Any]] = json.loads((DATA_DIR / filename).read_text(encoding="utf-8"))
    return [{"pk": item["pk"], **item["fields"]} for item in sorted(raw, key=lambda item: item["pk"])]


def _procestype(row: dict[str, Any]) -> ProcesType:
    return ProcesType(
        uuid=uuid_lib.UUID(row["uuid"]),
        nummer=row["nummer"],
        jaar=row["jaar"],
        naam=row["naam"],
        omschrijving=row["omschrijving"],
        toelichting=row["toelichting"],
        procesobject=row["procesobject"],
    )


def _resultaat(row: dict[str, Any], procestype: ProcesType, generiek: Resultaat | None) -> Resultaat:
    return Resultaat(
        uuid=uuid_lib.UUID(row["uuid"]),
        procestype=procestype,
        generiek=generiek,
        nummer=row["nummer"],
        naam=row["naam"],
        omschrijving=row["omschrijving"],
        herkomst=row["herkomst"],
        waardering=row["waardering"],
        procestermijn=row["procestermijn"],
        bewaartermijn=row.get("bewaartermijn") or None,
        toelichting=row["toelichting"],
        procestermijn_opmerking=row["procestermijn_opmerking"],
        taakgebieden=tuple((name, bool(row[name])) for name in TAAKGEBIEDEN),
    )


def _resultaten(procestypen: dict[int, ProcesType]) -> list[Resultaat]:
    """The resultaten of VNG's fixture, in ``pk`` order (they refer to the 2017 procestypen)."""
    rows = read_fixture(RESULTATEN_FILE)
    by_pk: dict[int, Resultaat] = {}
    # Generic results first, so every specific one finds its generic result already built.
    for row in sorted(rows, key=lambda row: row.get("generiek_resultaat") is not None):
        generiek_pk = row.get("generiek_resultaat")
        generiek = by_pk[generiek_pk] if generiek_pk is not None else None
        by_pk[row["pk"]] = _resultaat(row, procestypen[row["proces_type"]], generiek)
    return [by_pk[row["pk"]] for row in rows]


def _resultaten_2020(procestypen: dict[int, ProcesType]) -> list[Resultaat]:
    """The resultaten of the 2020 procestypen, in the order of the list (generic before specific)."""
    by_nummer = {row.nummer: row for row in procestypen.values() if row.jaar == 2020}
    rows: list[dict[str, Any]] = json.loads((DATA_DIR / RESULTATEN_2020_FILE).read_text(encoding="utf-8"))
    built: dict[str, Resultaat] = {}
    for row in rows:
        generiek = (
            built[row["volledig_nummer"].rsplit(".", 1)[0]]
            if row["volledig_nummer"].count(".") == 2
            else None
        )
        built[row["volledig_nummer"]] = _resultaat(row, by_nummer[row["procestype"]], generiek)
    return list(built.values())


@functools.cache
def lists() -> Lists:
    """All reference data, read on first use and then shared (immutable) by every request."""
    procestypen = {row["pk"]: _procestype(row) for row in read_fixture(PROCESTYPEN_FILE)}
    resultaten = _resultaten(procestypen) + _resultaten_2020(procestypen)
    return Lists(
        procestypen=tuple(procestypen.values()),
        # Withdrawn results ("Vervallen") have no waardering; the spec requires one of its values,
        # so they are not served (they stay in the files as published, ADR 0011).
        resultaten=tuple(row for row in resultaten if row.waardering),
        resultaattypeomschrijvingen=tuple(
            ResultaattypeOmschrijving(
                uuid=uuid_lib.UUID(row["uuid"]),
                omschrijving=row["omschrijving"],
                definitie=row["definitie"],
                opmerking=row["opmerking"],
            )
            for row in read_fixture(RESULTAATTYPEOMSCHRIJVINGEN_FILE)
        ),
        communicatiekanalen=tuple(
            CommunicatieKanaal(
                uuid=uuid_lib.UUID(row["uuid"]), naam=row["naam"], omschrijving=row["omschrijving"]
            )
            for row in read_fixture(COMMUNICATIEKANALEN_FILE)
        ),
    )
