"""Gebruiksrechten: create, update, delete (RULES.md 4.6, drc-006).

Each change runs in one transaction with the document's ``indicatieGebruiksrecht`` kept in step
(:func:`sync_indicatie_gebruiksrecht`: ``true`` while gebruiksrechten exist, ``null`` after the
last one), its audit trail line (in the document's audit trail: the document is the hoofdobject)
and its notification.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.core.errors import ValidationError
from zaakwerk.documenten.models import EnkelvoudigInformatieObject, Gebruiksrecht
from zaakwerk.documenten.representations import kenmerken
from zaakwerk.documenten.representations_relations import render_gebruiksrecht
from zaakwerk.documenten.services.informatieobjecten import sync_indicatie_gebruiksrecht
from zaakwerk.documenten.services.inputs import GebruiksrechtValues


def record_related(
    eio: EnkelvoudigInformatieObject,
    resource: str,
    resource_url: str,
    actie: str,
    actor: Actor,
    *,
    oud: Any = None,
    nieuw: Any = None,
) -> None:
    """Audit line (hoofdobject: the document) and notification of a change to what hangs off it."""
    versie = eio.latest
    assert versie is not None
    record_change(
        Change(
            bron="drc",
            kanaal="documenten",
            resource=resource,
            resource_url=resource_url,
            actie=actie,
            hoofd_object=eio.url,
            kenmerken=kenmerken(versie),
            resource_weergave=versie.identificatie,
            oud=oud,
            nieuw=nieuw,
        ),
        actor,
    )


def _aware(values: GebruiksrechtValues) -> GebruiksrechtValues:
    """A copy of ``values`` with naive start and end moments made aware."""
    aware: GebruiksrechtValues = {**values}
    startdatum = values.get("startdatum")
    if startdatum is not None and timezone.is_naive(startdatum):
        aware["startdatum"] = timezone.make_aware(startdatum)
    einddatum = values.get("einddatum")
    if einddatum is not None and timezone.is_naive(einddatum):
        aware["einddatum"] = timezone.make_aware(einddatum)
    return aware


@transaction.atomic
def create_gebruiksrecht(
    eio: EnkelvoudigInformatieObject, values: GebruiksrechtValues, actor: Actor
) -> Gebruiksrecht:
    """drc-006: creating a gebruiksrecht makes the document's indicatieGebruiksrecht ``true``."""
    values = _aware(values)
    recht = Gebruiksrecht.objects.create(
        informatieobject=eio,
        startdatum=values["startdatum"],
        einddatum=values.get("einddatum"),
        omschrijving_voorwaarden=values["omschrijving_voorwaarden"],
    )
    sync_indicatie_gebruiksrecht(eio)
    record_related(eio, "gebruiksrechten", recht.url, "create", actor, nieuw=render_gebruiksrecht(recht))
    return recht


@transaction.atomic
def update_gebruiksrecht(
    recht: Gebruiksrecht,
    eio: EnkelvoudigInformatieObject | None,
    changes: GebruiksrechtValues,
    actor: Actor,
    *,
    partial: bool,
) -> Gebruiksrecht:
    """PUT or PATCH (``changes`` not changed here); the document it belongs to stays: ``eio``, the
    document named, if one was sent, must be it (``wijzigen-niet-toegelaten``)."""
    recht = (
        Gebruiksrecht.objects.select_for_update(of=("self",))
        .select_related("informatieobject__latest")
        .get(pk=recht.pk)
    )
    if eio is not None and eio.pk != recht.informatieobject_id:
        raise ValidationError.single(
            "informatieobject",
            "wijzigen-niet-toegelaten",
            "Het informatieobject van een gebruiksrecht mag niet gewijzigd worden.",
        )
    oud = render_gebruiksrecht(recht)
    changes = _aware(changes)
    if "startdatum" in changes:
        recht.startdatum = changes["startdatum"]
    if "einddatum" in changes:
        recht.einddatum = changes["einddatum"]
    if "omschrijving_voorwaarden" in changes:
        recht.omschrijving_voorwaarden = changes["omschrijving_voorwaarden"]
    recht.save()
    nieuw = render_gebruiksrecht(recht)
    actie = "partial_update" if partial else "update"
    record_related(recht.informatieobject, "gebruiksrechten", recht.url, actie, actor, oud=oud, nieuw=nieuw)
    return recht


@transaction.atomic
def delete_gebruiksrecht(recht: Gebruiksrecht, actor: Actor) -> None:
    """drc-006: deleting the last gebruiksrecht sets indicatieGebruiksrecht back to ``null``."""
    eio = recht.informatieobject
    record_related(eio, "gebruiksrechten", recht.url, "destroy", actor, oud=render_gebruiksrecht(recht))
    recht.delete()
    sync_indicatie_gebruiksrecht(eio)
