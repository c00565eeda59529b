"""Zaaknotities (Zaken API 1.7, experimental): notes on a zaak.

A notitie only changes while its status is ``concept`` (OAS PUT/PATCH /zaaknotities/{uuid}).
The Zaken API's notificaties section names no ``zaaknotitie`` resource, so changes are written
to the zaak's audit trail without a notification.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD, ValidationError
from zaakwerk.zaken.models import Zaak, ZaakNotitie
from zaakwerk.zaken.models.choices import NotitieStatus
from zaakwerk.zaken.services.inputs import ZaakNotitieValues
from zaakwerk.zaken.services.subresources import record
from zaakwerk.zaken.subresource_representations import render_zaaknotities


def _snapshot(row: ZaakNotitie) -> dict[str, Any]:
    return render_zaaknotities([row])[0]


@transaction.atomic
def create_zaaknotitie(zaak: Zaak, values: ZaakNotitieValues, actor: Actor) -> ZaakNotitie:
    row = ZaakNotitie.objects.create(gerelateerd_aan=zaak, **values)
    record(
        zaak,
        "zaaknotitie",
        row.url,
        "create",
        actor,
        weergave=row.onderwerp,
        nieuw=_snapshot(row),
        notify=False,
    )
    return row


@transaction.atomic
def update_zaaknotitie(
    row: ZaakNotitie, zaak: Zaak | None, changes: ZaakNotitieValues, actor: Actor, *, partial: bool
) -> ZaakNotitie:
    """PUT/PATCH of a concept notitie; ``zaak`` is the zaak the body names (None when not sent)."""
    row = ZaakNotitie.objects.select_for_update().get(pk=row.pk)
    if row.status == NotitieStatus.definitief:
        raise ValidationError.single(
            NON_FIELD,
            "wijzigen-niet-toegelaten",
            "Een notitie kan alleen gewijzigd worden als de status concept is.",
        )
    if zaak is not None and zaak.pk != row.gerelateerd_aan_id:
        raise ValidationError.single(
            "gerelateerdAan", "wijzigen-niet-toegelaten", "De zaak van een notitie mag niet gewijzigd worden."
        )
    oud = _snapshot(row)
    for key, value in changes.items():
        setattr(row, key, value)
    row.save()
    actie = "partial_update" if partial else "update"
    owner = Zaak.objects.get(pk=row.gerelateerd_aan_id)
    record(
        owner,
        "zaaknotitie",
        row.url,
        actie,
        actor,
        weergave=row.onderwerp,
        oud=oud,
        nieuw=_snapshot(row),
        notify=False,
    )
    return row


@transaction.atomic
def delete_zaaknotitie(row: ZaakNotitie, actor: Actor) -> None:
    zaak = Zaak.objects.get(pk=row.gerelateerd_aan_id)
    oud = _snapshot(row)
    row.delete()
    record(
        zaak, "zaaknotitie", oud["url"], "destroy", actor, weergave=oud["onderwerp"], oud=oud, notify=False
    )
