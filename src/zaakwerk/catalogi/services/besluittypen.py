"""Besluittypen: create, change, delete and publish versions (RULES.md 2.2–2.3)."""

from __future__ import annotations

from django.db import transaction

from zaakwerk.catalogi import usage
from zaakwerk.catalogi.models import BesluitType, BesluitTypeInformatieObjectType, Catalogus
from zaakwerk.catalogi.queries import catalogus_from_url, informatieobjecttype_name_from_ref
from zaakwerk.catalogi.representations import render_besluittypen
from zaakwerk.catalogi.services import publish
from zaakwerk.catalogi.services.inputs import BesluitTypeValues
from zaakwerk.catalogi.urls import url
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import ErrorCollector, ValidationError

KIND = publish.Kind(
    resource="besluittype", collection="besluittypen", name_field="omschrijving", render=render_besluittypen
)
RELATIONS = ("catalogus", "informatieobjecttypen")


def _columns(values: BesluitTypeValues) -> dict[str, object]:
    """The columns of the row among ``values`` (a new dict): all but the relations."""
    return {key: value for key, value in values.items() if key not in RELATIONS}


def _iot_names(refs: list[str], catalogus: Catalogus, errors: ErrorCollector) -> list[str]:
    names: list[str] = []
    for index, ref in enumerate(refs):
        try:
            name = informatieobjecttype_name_from_ref(ref, catalogus, f"informatieobjecttypen.{index}")
        except ValidationError as exc:
            errors.errors.extend(exc.errors)
            continue
        if name not in names:
            names.append(name)
    return names


def _save_iots(besluittype: BesluitType, names: list[str]) -> None:
    besluittype.informatieobjecttype_links.all().delete()
    BesluitTypeInformatieObjectType.objects.bulk_create(
        BesluitTypeInformatieObjectType(
            besluittype=besluittype, informatieobjecttype_omschrijving=name, position=i
        )
        for i, name in enumerate(names)
    )


@transaction.atomic
def create_besluittype(values: BesluitTypeValues, actor: Actor) -> BesluitType:
    errors = ErrorCollector()
    catalogus = catalogus_from_url(values["catalogus"], errors)
    publish.check_geldigheid(values["begin_geldigheid"], values.get("einde_geldigheid"), errors)
    names = _iot_names(values.get("informatieobjecttypen", []), catalogus, errors) if catalogus else []
    errors.raise_if_any()
    assert catalogus is not None
    besluittype = BesluitType.objects.create(catalogus=catalogus, concept=True, **_columns(values))
    _save_iots(besluittype, names)
    publish.record(KIND, besluittype, "create", actor, nieuw=publish.snapshot(KIND, besluittype))
    return besluittype


@transaction.atomic
def update_besluittype(
    besluittype: BesluitType, changes: BesluitTypeValues, actor: Actor, *, partial: bool, correctie: bool
) -> BesluitType:
    besluittype = BesluitType.objects.select_for_update().get(pk=besluittype.pk)
    publish.check_editable(besluittype, changes, correctie=correctie)
    oud = publish.snapshot(KIND, besluittype)
    errors = ErrorCollector()
    catalogus = besluittype.catalogus
    if "catalogus" in changes:
        catalogus = catalogus_from_url(changes["catalogus"], errors) or catalogus
    publish.check_geldigheid(
        changes.get("begin_geldigheid", besluittype.begin_geldigheid),
        changes.get("einde_geldigheid", besluittype.einde_geldigheid),
        errors,
    )
    names = (
        _iot_names(changes["informatieobjecttypen"], catalogus, errors)
        if "informatieobjecttypen" in changes
        else None
    )
    errors.raise_if_any()
    for key, value in _columns(changes).items():
        setattr(besluittype, key, value)
    besluittype.catalogus = catalogus
    besluittype.save()
    if names is not None:
        _save_iots(besluittype, names)
    actie = "partial_update" if partial else "update"
    publish.record(KIND, besluittype, actie, actor, oud=oud, nieuw=publish.snapshot(KIND, besluittype))
    return besluittype


@transaction.atomic
def delete_besluittype(besluittype: BesluitType, actor: Actor, *, geforceerd: bool) -> None:
    """Delete a version; zaaktypen and resultaattypen name besluittypen, not versions."""
    publish.check_deletable(besluittype, geforceerd=geforceerd)
    usage.check_not_in_use("besluittypen", url("besluittypen", besluittype.uuid))
    publish.record(KIND, besluittype, "destroy", actor, oud=publish.snapshot(KIND, besluittype))
    publish.delete_rows(besluittype)


@transaction.atomic
def publish_besluittype(besluittype: BesluitType, actor: Actor) -> BesluitType:
    besluittype = BesluitType.objects.select_for_update().get(pk=besluittype.pk)
    if not besluittype.concept:
        return besluittype  # publishing is idempotent
    oud = publish.snapshot(KIND, besluittype)
    publish.end_previous_version(besluittype, "omschrijving", actor, KIND)
    besluittype.concept = False
    besluittype.save(update_fields=["concept"])
    publish.record(KIND, besluittype, "publish", actor, oud=oud, nieuw=publish.snapshot(KIND, besluittype))
    return besluittype
