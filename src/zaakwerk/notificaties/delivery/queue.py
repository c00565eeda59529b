"""Putting a notificatie on the delivery queue: one delivery per matching abonnement."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from zaakwerk.notificaties.delivery.cloudevents import event_type
from zaakwerk.notificaties.models import AbonnementKanaal, Delivery, Notificatie

ANY = "*"
# Beyond the standard (ADR 0016): a filter on the CloudEvent type, e.g.
# {"#type": "nl.overheid.zaken.zaak-aangemaakt"}. Kenmerk names never start with "#".
TYPE_FILTER = "#type"


def matches(filters: Mapping[str, Any], message: Mapping[str, Any]) -> bool:
    """Whether an abonnement's filters for a kanaal admit ``message``.

    Every filter must equal the message's kenmerk of that name; ``"*"`` (or no filter) admits all.
    ``#type`` compares with the message's CloudEvent type instead of a kenmerk.
    """
    kenmerken = message.get("kenmerken") or {}
    for key, value in filters.items():
        if value == ANY:
            continue
        actual = event_type(message) if key == TYPE_FILTER else kenmerken.get(key)
        if actual != value:
            return False
    return True


def _aanmaakdatum(message: Mapping[str, Any]) -> datetime:
    raw = message.get("aanmaakdatum")
    parsed = parse_datetime(raw) if isinstance(raw, str) else None
    return parsed or timezone.now()


def enqueue(message: Mapping[str, Any], *, source: str) -> Notificatie:
    """Store ``message`` (already validated) and a pending delivery for every matching abonnement.

    Must run inside the transaction that accepts the message, so either both are stored or
    neither is.
    """
    return enqueue_many([message], source=source)[0]


def enqueue_many(messages: Sequence[Mapping[str, Any]], *, source: str) -> list[Notificatie]:
    """:func:`enqueue` for several messages, in their order, with a few queries in all."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("enqueue must be called inside transaction.atomic()")
    if not messages:
        return []
    notificaties = Notificatie.objects.bulk_create(
        Notificatie(
            kanaal=str(message["kanaal"]),
            hoofd_object=str(message.get("hoofdObject", "")),
            resource=str(message.get("resource", "")),
            actie=str(message.get("actie", "")),
            aanmaakdatum=_aanmaakdatum(message),
            message=dict(message),
            source=source,
        )
        for message in messages
    )
    links: dict[str, list[AbonnementKanaal]] = {}
    for link in (
        AbonnementKanaal.objects.filter(kanaal__naam__in={n.kanaal for n in notificaties})
        .select_related("kanaal")
        .only("abonnement_id", "filters", "kanaal__naam")
    ):
        links.setdefault(link.kanaal.naam, []).append(link)
    now = timezone.now()
    Delivery.objects.bulk_create(
        Delivery(
            notificatie=notificatie,
            abonnement_id=link.abonnement_id,
            hoofd_object=notificatie.hoofd_object,
            next_attempt_at=now,
        )
        for notificatie, message in zip(notificaties, messages, strict=True)
        for link in links.get(notificatie.kanaal, [])
        if matches(link.filters, message)
    )
    return notificaties
