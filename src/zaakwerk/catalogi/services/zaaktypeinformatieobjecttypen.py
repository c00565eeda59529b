"""Zaaktype-informatieobjecttypen: which kinds of documents zaken of a zaaktype use.

The informatieobjecttype is kept by omschrijving (Catalogi 1.3.x); a client may send the
omschrijving or the URL of a local version (ADR 0004). Publication rule of Catalogi 1.3.2+
(ztc-010): like every sub-type, a relation of a published zaaktype MAG NIET be created, changed
or deleted (``non-concept-zaaktype``) unless as a correctie; whether the informatieobjecttype is
published does not matter (the 1.3.1 rule the VNG suite still tests is in
``conformance-exclusions.txt``). An informatieobjecttype of another catalogue cannot be related
(``relations-incorrect-catalogus``): relations are by omschrijving within one catalogus.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from zaakwerk.catalogi.models import InformatieObjectType, StatusType, ZaakType, ZaakTypeInformatieObjectType
from zaakwerk.catalogi.queries import informatieobjecttype_name_from_ref
from zaakwerk.catalogi.services import subtypes
from zaakwerk.catalogi.services.inputs import ZaakTypeInformatieObjectTypeValues
from zaakwerk.catalogi.services.subtypes import AfterSave, Columns, Values
from zaakwerk.catalogi.subtype_representations import render_zaaktypeinformatieobjecttypen
from zaakwerk.catalogi.urls import uuid_of
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD, ErrorCollector, ValidationError

KIND = subtypes.SubKind(
    resource="zaaktypeinformatieobjecttype",
    collection="zaaktype-informatieobjecttypen",
    render=render_zaaktypeinformatieobjecttypen,
)
COLUMNS = ("volgnummer", "richting")


def _iot_version(value: str) -> InformatieObjectType | None:
    key = uuid_of("informatieobjecttypen", value)
    return InformatieObjectType.objects.filter(uuid=key).first() if key is not None else None


def _guard(zaaktypen: list[ZaakType], values: Values[Any], correctie: bool) -> None:
    # the zaaktype it has, and the one it moves to: neither may be published (ztc-010)
    subtypes.check_zaaktype_editable(*zaaktypen, correctie=correctie)


def _prepare(
    values: Values[ZaakTypeInformatieObjectTypeValues], zaaktype: ZaakType, errors: ErrorCollector
) -> tuple[Columns, AfterSave | None]:
    columns = subtypes.columns_of(values, COLUMNS)
    if values.sent("informatieobjecttype"):
        ref = str(values.given["informatieobjecttype"])
        version = _iot_version(ref)
        if version is not None and version.catalogus_id != zaaktype.catalogus_id:
            errors.add(
                NON_FIELD,
                "relations-incorrect-catalogus",
                "Het informatieobjecttype hoort niet bij de catalogus van het zaaktype.",
            )
        else:
            try:
                columns["informatieobjecttype_omschrijving"] = informatieobjecttype_name_from_ref(
                    ref, zaaktype.catalogus, "informatieobjecttype"
                )
            except ValidationError as exc:
                errors.errors.extend(exc.errors)
    if values.sent("statustype") or values.sent("zaaktype"):
        row = values.row
        current = row.statustype if row is not None and row.statustype_id else None
        statustype = values.get("statustype") if values.sent("statustype") else _url_of(current)
        columns["statustype"] = subtypes.statustype_of(statustype, zaaktype, errors)
    return columns, None


def _url_of(statustype: StatusType | None) -> str | None:
    from zaakwerk.catalogi.urls import url

    return url("statustypen", statustype.uuid) if statustype is not None else None


@transaction.atomic
def create_zaaktypeinformatieobjecttype(
    values: ZaakTypeInformatieObjectTypeValues, actor: Actor, *, correctie: bool
) -> ZaakTypeInformatieObjectType:
    row: ZaakTypeInformatieObjectType = subtypes.create_subtype(
        KIND, ZaakTypeInformatieObjectType, values, actor, correctie=correctie, prepare=_prepare, guard=_guard
    )
    return row


@transaction.atomic
def update_zaaktypeinformatieobjecttype(
    row: ZaakTypeInformatieObjectType,
    changes: ZaakTypeInformatieObjectTypeValues,
    actor: Actor,
    *,
    partial: bool,
    correctie: bool,
) -> ZaakTypeInformatieObjectType:
    updated: ZaakTypeInformatieObjectType = subtypes.update_subtype(
        KIND, row, changes, actor, partial=partial, correctie=correctie, prepare=_prepare, guard=_guard
    )
    return updated


@transaction.atomic
def delete_zaaktypeinformatieobjecttype(
    row: ZaakTypeInformatieObjectType, actor: Actor, *, geforceerd: bool
) -> None:
    subtypes.delete_subtype(KIND, row, actor, geforceerd=geforceerd, guard=_guard)
