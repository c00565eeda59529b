"""The Referentielijsten 0.6.0 representations: camelCase, every required field of the spec.

The API endpoints and the in-process loaders (``loaders.py``) both render through these
functions, so a URL resolved without HTTP gives exactly what ``GET`` on it gives.
"""

from __future__ import annotations

from typing import Any

from pydantic.alias_generators import to_camel

from zaakwerk.core.references import build_url
from zaakwerk.referentielijsten.data import (
    CommunicatieKanaal,
    ProcesType,
    Resultaat,
    ResultaattypeOmschrijving,
)

API = "referentielijsten"

# Display values of ``procestermijn``, as the 0.6.0 spec explains each value.
PROCESTERMIJN_WEERGAVE = {
    "": "",
    "nihil": "Nihil",
    "bestaansduur_procesobject": "De bestaans- of geldigheidsduur van het procesobject.",
    "ingeschatte_bestaansduur_procesobject": (
        "De ingeschatte maximale bestaans- of geldigheidsduur van het procesobject."
    ),
    "vast_te_leggen_datum": (
        "De tijdens het proces vast te leggen datum waarop de geldigheid van het procesobject komt "
        "te vervallen."
    ),
    "samengevoegd_met_bewaartermijn": "De procestermijn is samengevoegd met de bewaartermijn.",
}


def render_procestype(row: ProcesType) -> dict[str, Any]:
    return {
        "url": build_url(API, "procestypen", row.uuid),
        "nummer": row.nummer,
        "jaar": row.jaar,
        "naam": row.naam,
        "omschrijving": row.omschrijving,
        "toelichting": row.toelichting,
        "procesobject": row.procesobject,
    }


def render_resultaat(row: Resultaat) -> dict[str, Any]:
    data: dict[str, Any] = {
        "url": build_url(API, "resultaten", row.uuid),
        "procesType": build_url(API, "procestypen", row.procestype.uuid),
        "nummer": row.nummer,
        "volledigNummer": row.volledig_nummer,
        "generiek": row.generiek is None,
        "specifiek": row.generiek is not None,
        "naam": row.naam,
        "omschrijving": row.omschrijving,
        "herkomst": row.herkomst,
        "waardering": row.waardering,
        "procestermijn": row.procestermijn,
        "procestermijnWeergave": PROCESTERMIJN_WEERGAVE.get(row.procestermijn, row.procestermijn),
        "bewaartermijn": row.bewaartermijn,
        "toelichting": row.toelichting,
    }
    data.update((to_camel(name), value) for name, value in row.taakgebieden)
    data["procestermijnOpmerking"] = row.procestermijn_opmerking
    return data


def render_resultaattypeomschrijving(row: ResultaattypeOmschrijving) -> dict[str, Any]:
    return {
        "url": build_url(API, "resultaattypeomschrijvingen", row.uuid),
        "omschrijving": row.omschrijving,
        "definitie": row.definitie,
        "opmerking": row.opmerking,
    }


def render_communicatiekanaal(row: CommunicatieKanaal) -> dict[str, Any]:
    return {
        "url": build_url(API, "communicatiekanalen", row.uuid),
        "naam": row.naam,
        "omschrijving": row.omschrijving,
    }
