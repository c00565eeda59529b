"""The circuit breaker per abonnement: stop calling a subscriber that keeps failing.

closed ──N consecutive failures──▶ open (its deliveries are not claimed)
open ──cool-down over──▶ half-open: one worker claims one probe delivery
half-open ──probe delivered──▶ closed;  ──probe failed──▶ open again for a cool-down

The state lives in :class:`SubscriberCircuit` so every worker process sees the same circuit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from django.db import transaction
from django.db.models import Q

from zaakwerk.notificaties.models import SubscriberCircuit


class CircuitState(StrEnum):
    closed = "closed"
    open = "open"
    half_open = "half-open"


@dataclass(frozen=True)
class Circuit:
    consecutive_failures: int = 0
    open_until: datetime | None = None


def state_of(circuit: Circuit, *, now: datetime, threshold: int) -> CircuitState:
    if circuit.open_until is not None and circuit.open_until > now:
        return CircuitState.open
    if circuit.consecutive_failures >= threshold:
        return CircuitState.half_open
    return CircuitState.closed


def after_failure(circuit: Circuit, *, now: datetime, threshold: int, cooldown: float) -> Circuit:
    """One more failure; reaching the threshold (or failing a probe) opens the circuit."""
    failures = circuit.consecutive_failures + 1
    open_until = now + timedelta(seconds=cooldown) if failures >= threshold else None
    return Circuit(consecutive_failures=failures, open_until=open_until)


def after_success(circuit: Circuit) -> Circuit:
    return Circuit()


def record_failure(abonnement_id: int, *, now: datetime, threshold: int, cooldown: float) -> Circuit:
    with transaction.atomic():
        row, _ = SubscriberCircuit.objects.select_for_update().get_or_create(abonnement_id=abonnement_id)
        current = Circuit(row.consecutive_failures, row.open_until)
        new = after_failure(current, now=now, threshold=threshold, cooldown=cooldown)
        row.consecutive_failures = new.consecutive_failures
        row.open_until = new.open_until
        row.last_failure_at = now
        row.save(update_fields=["consecutive_failures", "open_until", "last_failure_at"])
        return new


def record_success(abonnement_id: int, *, now: datetime) -> None:
    # Only a circuit that had failures is written: a healthy subscriber's deliveries do not all
    # update the same row.
    SubscriberCircuit.objects.filter(abonnement_id=abonnement_id).filter(
        Q(consecutive_failures__gt=0) | Q(open_until__isnull=False)
    ).update(consecutive_failures=0, open_until=None, last_success_at=now)


def take_probe(abonnement_id: int, *, now: datetime, threshold: int, lease: float) -> bool:
    """Reserve the one probe of a half-open circuit; False when another worker has it.

    Call inside the claiming transaction: the row lock serialises competing workers, and the
    circuit stays "open" (for the lease) while the probe is under way.
    """
    return (
        SubscriberCircuit.objects.filter(abonnement_id=abonnement_id, consecutive_failures__gte=threshold)
        .filter(Q(open_until__isnull=True) | Q(open_until__lte=now))
        .update(open_until=now + timedelta(seconds=lease))
        == 1
    )
