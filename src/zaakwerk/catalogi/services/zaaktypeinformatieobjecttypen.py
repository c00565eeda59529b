"""Zaaktype-informatieobjecttypen: which kinds of documents zaken of a zaaktype use.

The informatieobjecttype is kept by omschrijving (Catalogi 1.3.x); a client may send the
omschrijving or the URL of a local version (ADR 0004). Publication rule as the VNG
conformance suite asserts it (ztc-010/ztc-011, 1.3.1 wording): a relation whose zaaktype *and*
informatieobjecttype are both published MAG NIET be created, changed or deleted
(``non-concept-relation``), unless as a correctie; with one side still concept it may. An
informatieobjecttype of another catalogue cannot be related (``relations-incorrect-catalogus``).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from zaakwerk.catalogi.models import InformatieObjectType, ZaakType, ZaakTypeInformatieObjectType
from zaakwerk.catalogi.queries import informatieobjecttype_name_from_ref
from zaakwerk.catalogi.services import subtypes
from zaakwerk.catalogi.services.subtypes import AfterSave, Values
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


def _iot_published(values: Values, zaaktype: ZaakType) -> bool:
    """Whether the related informatieobjecttype is published: the version a URL names, or, for
    an omschrijving, any version of it in the zaaktype's catalogus."""
    if values.sent("informatieobjecttype"):
        ref = str(values.given["informatieobjecttype"])
        version = _iot_version(ref)
        if version is not None:
            return not version.concept
        name = ref
    elif values.row is not None:
        name = values.row.informatieobjecttype_omschrijving
    else:
        return False
    return InformatieObjectType.objects.filter(
        catalogus_id=zaaktype.catalogus_id, omschrijving=name, concept=False
    ).exists()


def _guard(zaaktypen: list[ZaakType], values: Values, correctie: bool) -> None:
    # the zaaktype it has, and the one it moves to: neither may be published with the IOT
    published = [zaaktype for zaaktype in zaaktypen if not zaaktype.concept]
    if correctie or not published:
        return
    if _iot_published(values, published[-1]):
        raise ValidationError.single(
            NON_FIELD,
            "non-concept-relation",
            "Een relatie tussen een gepubliceerd zaaktype en een gepubliceerd informatieobjecttype "
            "mag niet aangemaakt, gewijzigd of verwijderd worden.",
        )


def _prepare(
    values: Values, zaaktype: ZaakType, errors: ErrorCollector
) -> tuple[dict[str, Any], AfterSave | None]:
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


def _url_of(statustype: Any) -> str | None:
    from zaakwerk.catalogi.urls import url

    return url("statustypen", statustype.uuid) if statustype is not None else None


@transaction.atomic
def create_zaaktypeinformatieobjecttype(
    values: dict[str, Any], actor: Actor, *, correctie: bool
) -> ZaakTypeInformatieObjectType:
    row: ZaakTypeInformatieObjectType = subtypes.create_subtype(
        KIND, ZaakTypeInformatieObjectType, values, actor, correctie=correctie, prepare=_prepare, guard=_guard
    )
    return row


@transaction.atomic
def update_zaaktypeinformatieobjecttype(
    row: ZaakTypeInformatieObjectType,
    changes: dict[str, Any],
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
