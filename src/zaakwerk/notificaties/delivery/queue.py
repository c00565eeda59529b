"""Putting a notificatie on the delivery queue: one delivery per matching abonnement."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from zaakwerk.notificaties.models import AbonnementKanaal, Delivery, Notificatie

ANY = "*"


def matches(filters: Mapping[str, Any], kenmerken: Mapping[str, Any]) -> bool:
    """Whether an abonnement's filters for a kanaal admit a message with ``kenmerken``.

    Every filter must equal the message's kenmerk of that name; ``"*"`` (or no filter) admits all.
    """
    return all(value == ANY or kenmerken.get(key) == value for key, value in filters.items())


def _aanmaakdatum(message: Mapping[str, Any]) -> datetime:
    raw = message.get("aanmaakdatum")
    parsed = parse_datetime(raw) if isinstance(raw, str) else None
    return parsed or timezone.now()


def enqueue(message: Mapping[str, Any], *, source: str) -> Notificatie:
    """Store ``message`` (already validated) and a pending delivery for every matching abonnement.

    Must run inside the transaction that accepts the message, so either both are stored or
    neither is.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("enqueue must be called inside transaction.atomic()")
    kenmerken = message.get("kenmerken") or {}
    notificatie = Notificatie.objects.create(
        kanaal=str(message["kanaal"]),
        hoofd_object=str(message.get("hoofdObject", "")),
        resource=str(message.get("resource", "")),
        actie=str(message.get("actie", "")),
        aanmaakdatum=_aanmaakdatum(message),
        message=dict(message),
        source=source,
    )
    now = timezone.now()
    links = AbonnementKanaal.objects.filter(kanaal__naam=notificatie.kanaal).only("abonnement_id", "filters")
    Delivery.objects.bulk_create(
        Delivery(
            notificatie=notificatie,
            abonnement_id=link.abonnement_id,
            hoofd_object=notificatie.hoofd_object,
            next_attempt_at=now,
        )
        for link in links
        if matches(link.filters, kenmerken)
    )
    return notificatie
