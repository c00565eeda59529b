"""Informatieobjecttypen: create, change, delete and publish versions (RULES.md 2.2–2.3)."""

from __future__ import annotations

from django.db import transaction

from zaakwerk.catalogi import usage
from zaakwerk.catalogi.models import InformatieObjectType
from zaakwerk.catalogi.queries import catalogus_from_url
from zaakwerk.catalogi.representations import render_informatieobjecttypen
from zaakwerk.catalogi.services import publish
from zaakwerk.catalogi.services.inputs import InformatieObjectTypeValues
from zaakwerk.catalogi.urls import url
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import ErrorCollector

KIND = publish.Kind(
    resource="informatieobjecttype",
    collection="informatieobjecttypen",
    name_field="omschrijving",
    render=render_informatieobjecttypen,
)


def _columns(values: InformatieObjectTypeValues) -> dict[str, object]:
    """The columns of the row among ``values`` (a new dict): all but the catalogus."""
    return {key: value for key, value in values.items() if key != "catalogus"}


@transaction.atomic
def create_informatieobjecttype(values: InformatieObjectTypeValues, actor: Actor) -> InformatieObjectType:
    errors = ErrorCollector()
    catalogus = catalogus_from_url(values["catalogus"], errors)
    publish.check_geldigheid(values["begin_geldigheid"], values.get("einde_geldigheid"), errors)
    errors.raise_if_any()
    assert catalogus is not None
    iot = InformatieObjectType.objects.create(catalogus=catalogus, concept=True, **_columns(values))
    publish.record(KIND, iot, "create", actor, nieuw=publish.snapshot(KIND, iot))
    return iot


@transaction.atomic
def update_informatieobjecttype(
    iot: InformatieObjectType,
    changes: InformatieObjectTypeValues,
    actor: Actor,
    *,
    partial: bool,
    correctie: bool,
) -> InformatieObjectType:
    iot = InformatieObjectType.objects.select_for_update().get(pk=iot.pk)
    publish.check_editable(iot, changes, correctie=correctie)
    oud = publish.snapshot(KIND, iot)
    errors = ErrorCollector()
    catalogus = iot.catalogus
    if "catalogus" in changes:
        catalogus = catalogus_from_url(changes["catalogus"], errors) or catalogus
    publish.check_geldigheid(
        changes.get("begin_geldigheid", iot.begin_geldigheid),
        changes.get("einde_geldigheid", iot.einde_geldigheid),
        errors,
    )
    errors.raise_if_any()
    for key, value in _columns(changes).items():
        setattr(iot, key, value)
    iot.catalogus = catalogus
    iot.save()
    actie = "partial_update" if partial else "update"
    publish.record(KIND, iot, actie, actor, oud=oud, nieuw=publish.snapshot(KIND, iot))
    return iot


@transaction.atomic
def delete_informatieobjecttype(iot: InformatieObjectType, actor: Actor, *, geforceerd: bool) -> None:
    """Delete a version. Relations name informatieobjecttypen, not versions, so a zaaktype or
    besluittype that names this one keeps its relation (to the other versions of the name)."""
    publish.check_deletable(iot, geforceerd=geforceerd)
    usage.check_not_in_use("informatieobjecttypen", url("informatieobjecttypen", iot.uuid))
    publish.record(KIND, iot, "destroy", actor, oud=publish.snapshot(KIND, iot))
    publish.delete_rows(iot)


@transaction.atomic
def publish_informatieobjecttype(iot: InformatieObjectType, actor: Actor) -> InformatieObjectType:
    iot = InformatieObjectType.objects.select_for_update().get(pk=iot.pk)
    if not iot.concept:
        return iot  # publishing is idempotent
    oud = publish.snapshot(KIND, iot)
    publish.end_previous_version(iot, "omschrijving", actor, KIND)
    iot.concept = False
    iot.save(update_fields=["concept"])
    publish.record(KIND, iot, "publish", actor, oud=oud, nieuw=publish.snapshot(KIND, iot))
    return iot
