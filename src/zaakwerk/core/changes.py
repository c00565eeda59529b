"""Recording a change: its audit trail line and its notification, written together.

Service functions call :func:`record_change` inside the transaction of the change itself
(STYLE.md 7: explicit calls, no signals), so all three commit together or not at all.

A write made of many changes (a zaak registered with its parts) records them in
:func:`recorded_together`: the lines and messages are kept and written in two statements at the
end of the block, still inside its transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
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


@dataclass(frozen=True)
class _Kept:
    change: Change
    actor: Actor
    audit: bool
    moment: datetime


_together: ContextVar[list[_Kept] | None] = ContextVar("zaakwerk_changes_together", default=None)


def _audit_line(change: Change, actor: Actor) -> AuditTrail:
    return AuditTrail(
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


def _message(change: Change, moment: datetime) -> OutboxMessage | None:
    if change.kanaal is None:
        return None  # the standard defines no kanaal for this resource
    return OutboxMessage(
        kanaal=change.kanaal,
        hoofd_object=change.hoofd_object,
        resource=change.resource,
        resource_url=change.resource_url,
        actie=change.actie,
        aanmaakdatum=moment,
        kenmerken=change.kenmerken,
    )


def record_change(change: Change, actor: Actor, *, audit: bool = True) -> None:
    """Write the audit trail line and the outbox message of ``change`` (within
    :func:`recorded_together`: at the end of that block).

    Must run inside the transaction that makes the change.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("record_change must be called inside transaction.atomic()")
    together = _together.get()
    if together is not None:
        together.append(_Kept(change, actor, audit, timezone.now()))
        return
    if audit:
        _audit_line(change, actor).save(force_insert=True)
    message = _message(change, timezone.now())
    if message is not None:
        message.save(force_insert=True)


@contextmanager
def recorded_together() -> Iterator[None]:
    """Within the block, :func:`record_change` keeps each line and message, and the block's end
    writes them all: one statement for the audit lines, one for the messages, in the order the
    changes were made. The block must lie wholly inside the transaction of its changes, and must
    not go on after a change it recorded was rolled back (a savepoint of a part that failed): a
    block that raises writes nothing, so use it where any failure fails the whole write."""
    kept: list[_Kept] = []
    token = _together.set(kept)
    try:
        yield
    finally:
        _together.reset(token)
    AuditTrail.objects.bulk_create([_audit_line(item.change, item.actor) for item in kept if item.audit])
    messages = [_message(item.change, item.moment) for item in kept]
    OutboxMessage.objects.bulk_create([message for message in messages if message is not None])
