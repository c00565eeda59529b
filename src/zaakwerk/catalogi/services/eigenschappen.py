"""Eigenschappen: the properties a zaak of a zaaktype can have (RULES.md 2.2–2.4).

ztc-015: ``specificatie.formaat`` ``datum`` has ``lengte`` 8 (``YYYYMMDD``) and ``datum_tijd``
has ``lengte`` 14 (``YYYYMMDDhhmmss``).
"""

from __future__ import annotations

from django.db import transaction

from zaakwerk.catalogi.models import Eigenschap, ZaakType
from zaakwerk.catalogi.models.choices import Formaat
from zaakwerk.catalogi.services import subtypes
from zaakwerk.catalogi.services.inputs import EigenschapValues
from zaakwerk.catalogi.services.subtypes import AfterSave, Columns, Values
from zaakwerk.catalogi.subtype_representations import render_eigenschappen
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import ErrorCollector

KIND = subtypes.SubKind(resource="eigenschap", collection="eigenschappen", render=render_eigenschappen)
COLUMNS = (
    "naam",
    "definitie",
    "toelichting",
    "specificatie_groep",
    "specificatie_formaat",
    "specificatie_lengte",
    "specificatie_kardinaliteit",
    "specificatie_waardenverzameling",
    "begin_geldigheid",
    "einde_geldigheid",
    "begin_object",
    "einde_object",
)
FIXED_LENGTE = {Formaat.datum.value: "8", Formaat.datum_tijd.value: "14"}


def _prepare(
    values: Values[EigenschapValues], zaaktype: ZaakType, errors: ErrorCollector
) -> tuple[Columns, AfterSave | None]:
    columns = subtypes.columns_of(values, COLUMNS)
    formaat = values.get("specificatie_formaat")
    lengte = values.get("specificatie_lengte")
    wanted = FIXED_LENGTE.get(formaat)
    if wanted is not None and lengte != wanted:
        errors.add(
            "specificatie.lengte",
            "invalid",
            f"Een eigenschap met formaat {formaat} heeft lengte {wanted}.",
        )
    if values.sent("statustype") or values.sent("zaaktype"):
        ref = values.get("statustype") if values.sent("statustype") else _current_statustype(values)
        columns["statustype"] = subtypes.statustype_of(ref, zaaktype, errors)
    return columns, None


def _current_statustype(values: Values[EigenschapValues]) -> str | None:
    row = values.row
    if row is None or row.statustype_id is None:
        return None
    from zaakwerk.catalogi.urls import url

    return url("statustypen", row.statustype.uuid)


@transaction.atomic
def create_eigenschap(values: EigenschapValues, actor: Actor, *, correctie: bool) -> Eigenschap:
    row: Eigenschap = subtypes.create_subtype(
        KIND, Eigenschap, values, actor, correctie=correctie, prepare=_prepare
    )
    return row


@transaction.atomic
def update_eigenschap(
    row: Eigenschap, changes: EigenschapValues, actor: Actor, *, partial: bool, correctie: bool
) -> Eigenschap:
    updated: Eigenschap = subtypes.update_subtype(
        KIND, row, changes, actor, partial=partial, correctie=correctie, prepare=_prepare
    )
    return updated


@transaction.atomic
def delete_eigenschap(row: Eigenschap, actor: Actor, *, geforceerd: bool) -> None:
    subtypes.delete_subtype(KIND, row, actor, geforceerd=geforceerd)
