"""Statustypen: the steps of a zaaktype, ordered by volgnummer (RULES.md 2.2–2.4).

The statustype with the highest volgnummer is the eindstatus; a volgnummer is unique within
its zaaktype.
"""

from __future__ import annotations

from django.db import transaction

from zaakwerk.catalogi.models import StatusType, ZaakType
from zaakwerk.catalogi.services import subtypes
from zaakwerk.catalogi.services.inputs import StatusTypeValues
from zaakwerk.catalogi.services.subtypes import AfterSave, Columns, Values
from zaakwerk.catalogi.subtype_representations import render_statustypen
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD, ErrorCollector

KIND = subtypes.SubKind(resource="statustype", collection="statustypen", render=render_statustypen)
COLUMNS = (
    "omschrijving",
    "omschrijving_generiek",
    "statustekst",
    "volgnummer",
    "informeren",
    "doorlooptijd",
    "toelichting",
    "checklistitem_statustype",
    "begin_geldigheid",
    "einde_geldigheid",
    "begin_object",
    "einde_object",
)


def _prepare(
    values: Values[StatusTypeValues], zaaktype: ZaakType, errors: ErrorCollector
) -> tuple[Columns, AfterSave | None]:
    taken = StatusType.objects.filter(zaaktype=zaaktype, volgnummer=values.get("volgnummer"))
    if values.row is not None:
        taken = taken.exclude(pk=values.row.pk)
    if taken.exists():
        errors.add(NON_FIELD, "unique", "Dit zaaktype heeft al een statustype met dit volgnummer.")
    return subtypes.columns_of(values, COLUMNS), None


@transaction.atomic
def create_statustype(values: StatusTypeValues, actor: Actor, *, correctie: bool) -> StatusType:
    row: StatusType = subtypes.create_subtype(
        KIND, StatusType, values, actor, correctie=correctie, prepare=_prepare
    )
    return row


@transaction.atomic
def update_statustype(
    row: StatusType, changes: StatusTypeValues, actor: Actor, *, partial: bool, correctie: bool
) -> StatusType:
    updated: StatusType = subtypes.update_subtype(
        KIND, row, changes, actor, partial=partial, correctie=correctie, prepare=_prepare
    )
    return updated


@transaction.atomic
def delete_statustype(row: StatusType, actor: Actor, *, geforceerd: bool) -> None:
    subtypes.delete_subtype(KIND, row, actor, geforceerd=geforceerd)
