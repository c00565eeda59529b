"""Sending notificaties again: to one abonnement since a moment, or dead letters once more."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from zaakwerk.notificaties.delivery.queue import matches
from zaakwerk.notificaties.models import Abonnement, Delivery, DeliveryState, Notificatie


def resend(abonnement: Abonnement, *, since: datetime) -> int:
    """Queue a new delivery to ``abonnement`` of every notificatie received since ``since`` that
    its kanalen and filters admit (e.g. after the subscriber lost its data). Returns how many.

    New deliveries are appended to the queue, so per object they arrive in their original order,
    after anything still pending.
    """
    links = {link.kanaal.naam: link.filters for link in abonnement.kanalen.select_related("kanaal")}
    notificaties = Notificatie.objects.filter(received_at__gte=since, kanaal__in=links).order_by("id")
    now = timezone.now()
    with transaction.atomic():
        created = Delivery.objects.bulk_create(
            Delivery(
                notificatie=notificatie,
                abonnement=abonnement,
                hoofd_object=notificatie.hoofd_object,
                next_attempt_at=now,
            )
            for notificatie in notificaties.iterator(chunk_size=1000)
            if matches(links[notificatie.kanaal], notificatie.message)
        )
    return len(created)


def requeue(deliveries: QuerySet[Delivery] | Iterable[Delivery]) -> int:
    """Give dead (or failing) deliveries a fresh set of attempts, due now. Delivered ones are
    left alone: send those again with :func:`resend`."""
    ids = [d.id for d in deliveries if d.state != DeliveryState.delivered]
    return (
        Delivery.objects.filter(id__in=ids)
        .exclude(state=DeliveryState.delivered)
        .update(
            state=DeliveryState.pending,
            attempts=0,
            next_attempt_at=timezone.now(),
            claimed_until=None,
            claimed_by="",
        )
    )


def resend_deliveries(deliveries: Iterable[Delivery]) -> int:
    """Send the chosen deliveries again: dead or pending ones get fresh attempts, delivered ones a
    new delivery at the end of the queue. Returns how many will go out."""
    chosen = list(deliveries)
    now = timezone.now()
    with transaction.atomic():
        count = requeue(d for d in chosen if d.state != DeliveryState.delivered)
        again = Delivery.objects.bulk_create(
            Delivery(
                notificatie_id=d.notificatie_id,
                abonnement_id=d.abonnement_id,
                hoofd_object=d.hoofd_object,
                next_attempt_at=now,
            )
            for d in chosen
            if d.state == DeliveryState.delivered
        )
    return count + len(again)
