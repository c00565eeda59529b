"""Lookups and filters over the in-memory reference data."""

from __future__ import annotations

import functools
import uuid as uuid_lib
from dataclasses import dataclass

from zaakwerk.referentielijsten.data import (
    CommunicatieKanaal,
    ProcesType,
    Resultaat,
    ResultaattypeOmschrijving,
    lists,
)


@dataclass(frozen=True)
class _Indexes:
    procestypen: dict[uuid_lib.UUID, ProcesType]
    resultaten: dict[uuid_lib.UUID, Resultaat]
    resultaattypeomschrijvingen: dict[uuid_lib.UUID, ResultaattypeOmschrijving]
    communicatiekanalen: dict[uuid_lib.UUID, CommunicatieKanaal]


@functools.cache
def _indexes() -> _Indexes:
    data = lists()
    return _Indexes(
        procestypen={row.uuid: row for row in data.procestypen},
        resultaten={row.uuid: row for row in data.resultaten},
        resultaattypeomschrijvingen={row.uuid: row for row in data.resultaattypeomschrijvingen},
        communicatiekanalen={row.uuid: row for row in data.communicatiekanalen},
    )


def procestypen(*, jaar: int | None = None) -> list[ProcesType]:
    return [row for row in lists().procestypen if jaar is None or row.jaar == jaar]


def procestype(key: uuid_lib.UUID) -> ProcesType | None:
    return _indexes().procestypen.get(key)


def resultaten(*, procestype: uuid_lib.UUID | None = None) -> list[Resultaat]:
    return [row for row in lists().resultaten if procestype is None or row.procestype.uuid == procestype]


def resultaat(key: uuid_lib.UUID) -> Resultaat | None:
    return _indexes().resultaten.get(key)


def resultaattypeomschrijvingen() -> list[ResultaattypeOmschrijving]:
    return list(lists().resultaattypeomschrijvingen)


def resultaattypeomschrijving(key: uuid_lib.UUID) -> ResultaattypeOmschrijving | None:
    return _indexes().resultaattypeomschrijvingen.get(key)


def communicatiekanalen() -> list[CommunicatieKanaal]:
    return list(lists().communicatiekanalen)


def communicatiekanaal(key: uuid_lib.UUID) -> CommunicatieKanaal | None:
    return _indexes().communicatiekanalen.get(key)
