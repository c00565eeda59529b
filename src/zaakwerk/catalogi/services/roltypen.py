"""Roltypen: the roles a betrokkene can have in zaken of a zaaktype (RULES.md 2.2–2.4)."""

from __future__ import annotations

from django.db import transaction

from zaakwerk.catalogi.models import RolType, ZaakType
from zaakwerk.catalogi.services import subtypes
from zaakwerk.catalogi.services.inputs import RolTypeValues
from zaakwerk.catalogi.services.subtypes import AfterSave, Columns, Values
from zaakwerk.catalogi.subtype_representations import render_roltypen
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import ErrorCollector

KIND = subtypes.SubKind(resource="roltype", collection="roltypen", render=render_roltypen)
COLUMNS = (
    "omschrijving",
    "omschrijving_generiek",
    "begin_geldigheid",
    "einde_geldigheid",
    "begin_object",
    "einde_object",
)


def _prepare(
    values: Values[RolTypeValues], zaaktype: ZaakType, errors: ErrorCollector
) -> tuple[Columns, AfterSave | None]:
    if values.sent("catalogus"):
        subtypes.check_catalogus(values.given["catalogus"], zaaktype, errors)
    return subtypes.columns_of(values, COLUMNS), None


@transaction.atomic
def create_roltype(values: RolTypeValues, actor: Actor, *, correctie: bool) -> RolType:
    row: RolType = subtypes.create_subtype(
        KIND, RolType, values, actor, correctie=correctie, prepare=_prepare
    )
    return row


@transaction.atomic
def update_roltype(
    row: RolType, changes: RolTypeValues, actor: Actor, *, partial: bool, correctie: bool
) -> RolType:
    updated: RolType = subtypes.update_subtype(
        KIND, row, changes, actor, partial=partial, correctie=correctie, prepare=_prepare
    )
    return updated


@transaction.atomic
def delete_roltype(row: RolType, actor: Actor, *, geforceerd: bool) -> None:
    subtypes.delete_subtype(KIND, row, actor, geforceerd=geforceerd)
