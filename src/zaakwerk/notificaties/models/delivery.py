"""The delivery queue: each routed notification and one delivery per matching abonnement.

Workers claim due deliveries with ``SELECT … FOR UPDATE SKIP LOCKED`` (PostgreSQL), so any number
can run side by side; a claim is a lease (``claimed_until``), so a worker that dies mid-delivery
only delays that delivery until its lease runs out (at-least-once).
"""

from __future__ import annotations

from django.db import models

from zaakwerk.notificaties.models.register import Abonnement

URL_LENGTH = 1000


class Notificatie(models.Model):
    """A message accepted for delivery: posted to ``/notificaties`` or published from the outbox."""

    kanaal = models.CharField(max_length=50)
    hoofd_object = models.CharField(max_length=URL_LENGTH)
    resource = models.CharField(max_length=100)
    actie = models.CharField(max_length=100)
    aanmaakdatum = models.DateTimeField()
    message = models.JSONField(help_text="The message exactly as it is delivered (Notificaties API Message)")
    source = models.CharField(max_length=20, help_text="'api' (POST /notificaties) or 'outbox'")
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "notificatie"
        verbose_name_plural = "notificaties"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.kanaal} {self.resource} {self.actie}"


class DeliveryState(models.TextChoices):
    pending = "pending", "Wacht op aflevering / Pending"
    delivered = "delivered", "Afgeleverd / Delivered"
    dead = "dead", "Opgegeven / Dead letter"


class Delivery(models.Model):
    """One notificatie for one abonnement, attempted until delivered or dead."""

    notificatie = models.ForeignKey(Notificatie, on_delete=models.CASCADE, related_name="deliveries")
    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="deliveries")
    # Copied from the notificatie so per-object ordering is one index lookup.
    hoofd_object = models.CharField(max_length=URL_LENGTH)
    state = models.CharField(max_length=10, choices=DeliveryState.choices, default=DeliveryState.pending)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claimed_until = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=100, blank=True)
    last_status = models.PositiveIntegerField(null=True, blank=True, help_text="HTTP status, last attempt")
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "aflevering"
        verbose_name_plural = "afleveringen"
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["next_attempt_at", "id"],
                name="delivery_due",
                condition=models.Q(state="pending"),
            ),
            models.Index(
                fields=["abonnement", "hoofd_object", "id"],
                name="delivery_object_order",
                condition=models.Q(state="pending"),
            ),
            # A subscriber's queue in order. Partial, and without hoofd_object: so the order check
            # (an earlier pending delivery for the same object?) always takes delivery_object_order,
            # even before the table has statistics; the other way round it scans the whole queue.
            models.Index(
                fields=["abonnement", "id"],
                name="delivery_queue",
                condition=models.Q(state="pending"),
            ),
            # the latest deliveries, for the latency figures of /healthz/notificaties
            models.Index(
                fields=["-delivered_at"],
                name="delivery_delivered",
                condition=models.Q(state="delivered"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.notificatie} → {self.abonnement} ({self.state})"


class SubscriberCircuit(models.Model):
    """Circuit breaker state of one abonnement: open after repeated failures, probed when it ends."""

    abonnement = models.OneToOneField(Abonnement, on_delete=models.CASCADE, related_name="circuit")
    consecutive_failures = models.PositiveIntegerField(default=0)
    open_until = models.DateTimeField(null=True, blank=True)
    last_failure_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "stroomonderbreker van een abonnement"
        verbose_name_plural = "stroomonderbrekers van abonnementen"

    def __str__(self) -> str:
        return f"{self.abonnement}: {self.consecutive_failures} failures"


class DeadLetter(Delivery):
    """Deliveries that gave up (state ``dead``), shown on their own in the admin."""

    class Meta:
        proxy = True
        verbose_name = "dode brief / dead letter"
        verbose_name_plural = "dode brieven / dead letters"
