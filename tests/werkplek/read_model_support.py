"""What the read model's tests share: the abonnement, and delivering what the registers announced."""

from __future__ import annotations

from zaakwerk.notificaties.delivery.config import DeliveryConfig
from zaakwerk.notificaties.delivery.worker import Worker
from zaakwerk.werkplek.read_model.subscribe import subscribe


def subscribed() -> None:
    subscribe()


def deliver() -> int:
    """Publish what the registers committed and deliver it to the abonnementen (the werkplek's
    callback is this deployment's, so it is called in-process); the number of deliveries."""
    worker = Worker(DeliveryConfig.from_settings(), name="test")
    total = 0
    while outcomes := worker.run_once():
        total += len(outcomes)
    return total
