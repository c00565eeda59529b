"""Zaakobjecttypen: the kinds of objects zaken of a zaaktype relate to (RULES.md 2.2–2.3)."""

from __future__ import annotations

from django.db import transaction

from zaakwerk.catalogi.models import ZaakObjectType, ZaakType
from zaakwerk.catalogi.services import subtypes
from zaakwerk.catalogi.services.inputs import ZaakObjectTypeValues
from zaakwerk.catalogi.services.subtypes import AfterSave, Columns, Values
from zaakwerk.catalogi.subtype_representations import render_zaakobjecttypen
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import ErrorCollector

KIND = subtypes.SubKind(
    resource="zaakobjecttype", collection="zaakobjecttypen", render=render_zaakobjecttypen
)
COLUMNS = (
    "ander_objecttype",
    "objecttype",
    "relatie_omschrijving",
    "begin_geldigheid",
    "einde_geldigheid",
    "begin_object",
    "einde_object",
)


def _prepare(
    values: Values[ZaakObjectTypeValues], zaaktype: ZaakType, errors: ErrorCollector
) -> tuple[Columns, AfterSave | None]:
    if values.sent("catalogus"):
        subtypes.check_catalogus(values.given["catalogus"], zaaktype, errors)
    return subtypes.columns_of(values, COLUMNS), None


@transaction.atomic
def create_zaakobjecttype(values: ZaakObjectTypeValues, actor: Actor, *, correctie: bool) -> ZaakObjectType:
    row: ZaakObjectType = subtypes.create_subtype(
        KIND, ZaakObjectType, values, actor, correctie=correctie, prepare=_prepare
    )
    return row


@transaction.atomic
def update_zaakobjecttype(
    row: ZaakObjectType, changes: ZaakObjectTypeValues, actor: Actor, *, partial: bool, correctie: bool
) -> ZaakObjectType:
    updated: ZaakObjectType = subtypes.update_subtype(
        KIND, row, changes, actor, partial=partial, correctie=correctie, prepare=_prepare
    )
    return updated


@transaction.atomic
def delete_zaakobjecttype(row: ZaakObjectType, actor: Actor, *, geforceerd: bool) -> None:
    subtypes.delete_subtype(KIND, row, actor, geforceerd=geforceerd)
