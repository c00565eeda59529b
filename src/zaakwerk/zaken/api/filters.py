"""The filters of ``GET /zaken`` and ``POST /zaken/_zoek`` (Zaken API 1.7.0), applied in SQL.

One table names every filter: its parameter, its type and the lookup it becomes. The query
string model and the ``_zoek`` body model are built from it, so both accept exactly the
parameters the spec declares, validated like input (RULES.md 1.1).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal, get_args

import pydantic
from django.db.models import QuerySet
from pydantic import BeforeValidator, Field

from zaakwerk.api.params import filter_fields
from zaakwerk.core.vertrouwelijkheid import VertrouwelijkheidAanduiding, rank
from zaakwerk.zaken.models import Rol, Zaak
from zaakwerk.zaken.models.choices import Archiefnominatie, Archiefstatus, BetrokkeneType
from zaakwerk.zaken.models.rol import IDENTIFICATIE_COLUMNS


def _split(value: Any) -> Any:
    """``a,b`` and repeated parameters alike become a list."""
    if isinstance(value, str):
        return [part for part in value.split(",") if part]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [part for item in value for part in item.split(",") if part]
    return value


Strings = Annotated[list[Annotated[str, Field(max_length=1000)]], BeforeValidator(_split)]
Text = Annotated[str, Field(max_length=1000)]

OmschrijvingGeneriek = Literal[
    "adviseur",
    "behandelaar",
    "belanghebbende",
    "beslisser",
    "initiator",
    "klantcontacter",
    "zaakcoordinator",
    "mede_initiator",
]
OMSCHRIJVING_GENERIEK: tuple[str, ...] = get_args(OmschrijvingGeneriek)
# parameter → (type, Zaak lookup)
ZAAK_FILTERS: dict[str, tuple[Any, str]] = {
    "identificatie": (Text, "identificatie"),
    "bronorganisatie": (Text, "bronorganisatie"),
    "bronorganisatie__in": (Strings, "bronorganisatie__in"),
    "zaaktype": (Text, "zaaktype"),
    "archiefnominatie": (Archiefnominatie, "archiefnominatie"),
    "archiefnominatie__in": (
        Annotated[list[Archiefnominatie], BeforeValidator(_split)],
        "archiefnominatie__in",
    ),
    "archiefactiedatum": (date, "archiefactiedatum"),
    "archiefactiedatum__isnull": (bool, "archiefactiedatum__isnull"),
    "archiefactiedatum__lt": (date, "archiefactiedatum__lt"),
    "archiefactiedatum__gt": (date, "archiefactiedatum__gt"),
    "archiefstatus": (Archiefstatus, "archiefstatus"),
    "archiefstatus__in": (Annotated[list[Archiefstatus], BeforeValidator(_split)], "archiefstatus__in"),
    "startdatum": (date, "startdatum"),
    "startdatum__gt": (date, "startdatum__gt"),
    "startdatum__gte": (date, "startdatum__gte"),
    "startdatum__lt": (date, "startdatum__lt"),
    "startdatum__lte": (date, "startdatum__lte"),
    "registratiedatum": (date, "registratiedatum"),
    "registratiedatum__gt": (date, "registratiedatum__gt"),
    "registratiedatum__lt": (date, "registratiedatum__lt"),
    "einddatum": (date, "einddatum"),
    "einddatum__isnull": (bool, "einddatum__isnull"),
    "einddatum__gt": (date, "einddatum__gt"),
    "einddatum__lt": (date, "einddatum__lt"),
    "einddatumGepland": (date, "einddatum_gepland"),
    "einddatumGepland__gt": (date, "einddatum_gepland__gt"),
    "einddatumGepland__lt": (date, "einddatum_gepland__lt"),
    "uiterlijkeEinddatumAfdoening": (date, "uiterlijke_einddatum_afdoening"),
    "uiterlijkeEinddatumAfdoening__gt": (date, "uiterlijke_einddatum_afdoening__gt"),
    "uiterlijkeEinddatumAfdoening__lt": (date, "uiterlijke_einddatum_afdoening__lt"),
}

_ROL_PREFIX = {
    "natuurlijk_persoon": "natuurlijkPersoon",
    "niet_natuurlijk_persoon": "nietNatuurlijkPersoon",
    "vestiging": "vestiging",
    "medewerker": "medewerker",
    "organisatorische_eenheid": "organisatorischeEenheid",
}
# parameter → (type, Rol lookup); a zaak matches when one of its rollen matches all of them
ROL_FILTERS: dict[str, tuple[Any, str]] = {
    "rol__betrokkeneType": (BetrokkeneType, "betrokkene_type"),
    "rol__betrokkene": (Text, "betrokkene"),
    "rol__omschrijvingGeneriek": (
        Annotated[str, pydantic.AfterValidator(lambda v: _choice(v, OMSCHRIJVING_GENERIEK))],
        "omschrijving_generiek",
    ),
    **{
        f"rol__betrokkeneIdentificatie__{_ROL_PREFIX[kind]}__{key}": (Text, column)
        for (kind, key), column in IDENTIFICATIE_COLUMNS.items()
        if column != "kvk_nummer"
    },
}


def _choice(value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ValueError(f"'{value}' is geen geldige keuze.")
    return value


COMMON: dict[str, tuple[Any, str]] = {
    "maximaleVertrouwelijkheidaanduiding": (VertrouwelijkheidAanduiding, "vertrouwelijkheid_rank__lte"),
    "expand": (Annotated[str, Field(max_length=1000)], ""),
}


ALL_FILTERS = {**ZAAK_FILTERS, **ROL_FILTERS, **COMMON}


def model_fields() -> dict[str, Any]:
    """Every filter as an optional field of a Pydantic model, by its parameter name (alias), for
    the query string model and the ``_zoek`` body model."""
    return filter_fields(ALL_FILTERS)


def apply(rows: QuerySet[Zaak], values: dict[str, Any]) -> QuerySet[Zaak]:
    """Filter ``rows`` by the parameters in ``values`` (by parameter name, None = not given)."""
    zaak_lookups: dict[str, Any] = {}
    rol_lookups: dict[str, Any] = {}
    for param, value in values.items():
        if value is None:
            continue
        if param in ZAAK_FILTERS:
            zaak_lookups[ZAAK_FILTERS[param][1]] = _plain(value)
        elif param in ROL_FILTERS:
            rol_lookups[ROL_FILTERS[param][1]] = _plain(value)
        elif param == "maximaleVertrouwelijkheidaanduiding":
            zaak_lookups["vertrouwelijkheid_rank__lte"] = rank(_plain(value))
    if zaak_lookups:
        rows = rows.filter(**zaak_lookups)
    if rol_lookups:
        # a subquery rather than a join: no duplicate rows, so no DISTINCT over the page
        rows = rows.filter(pk__in=Rol.objects.filter(**rol_lookups).values("zaak_id"))
    return rows


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return getattr(value, "value", value)
