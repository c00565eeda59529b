"""Recording a change: its audit trail line and its notification, written together.

Service functions call :func:`record_change` inside the transaction of the change itself
(STYLE.md 7: explicit calls, no signals), so all three commit together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from zaakwerk.core.actor import Actor
from zaakwerk.core.models import AuditTrail, OutboxMessage

ACTIE_WEERGAVE = {
    "create": "Object aangemaakt",
    "update": "Object bijgewerkt",
    "partial_update": "Object deels bijgewerkt",
    "destroy": "Object verwijderd",
    "publish": "Object gepubliceerd",
}
RESULTAAT = {"create": 201, "destroy": 204}


@dataclass(frozen=True)
class Change:
    """What changed: enough to write both the audit line and the notification."""

    bron: str
    kanaal: str | None  # None: the standard defines no kanaal for this resource
    resource: str
    resource_url: str
    actie: str
    hoofd_object: str
    kenmerken: dict[str, str]
    resource_weergave: str = ""
    oud: Any = None
    nieuw: Any = None


def record_change(change: Change, actor: Actor, *, audit: bool = True) -> None:
    """Write the audit trail line and the outbox message of ``change``.

    Must run inside the transaction that makes the change.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("record_change must be called inside transaction.atomic()")
    now = timezone.now()
    if audit:
        AuditTrail.objects.create(
            bron=change.bron,
            applicatie_id=actor.client_id,
            applicatie_weergave=actor.applicatie_weergave,
            gebruikers_id=actor.gebruikers_id,
            gebruikers_weergave=actor.gebruikers_weergave,
            actie=change.actie,
            actie_weergave=ACTIE_WEERGAVE.get(change.actie, change.actie),
            resultaat=RESULTAAT.get(change.actie, 200),
            hoofd_object=change.hoofd_object,
            resource=change.resource,
            resource_url=change.resource_url,
            toelichting=actor.toelichting,
            resource_weergave=change.resource_weergave[:200],
            oud=change.oud,
            nieuw=change.nieuw,
        )
    if change.kanaal is None:
        return
    OutboxMessage.objects.create(
        kanaal=change.kanaal,
        hoofd_object=change.hoofd_object,
        resource=change.resource,
        resource_url=change.resource_url,
        actie=change.actie,
        aanmaakdatum=now,
        kenmerken=change.kenmerken,
    )
