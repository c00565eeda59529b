"""The Notificaties register's tables: kanalen and abonnementen (the API's resources) and the
delivery queue behind them."""

from zaakwerk.notificaties.models.delivery import (
    DeadLetter,
    Delivery,
    DeliveryState,
    Notificatie,
    SubscriberCircuit,
)
from zaakwerk.notificaties.models.register import Abonnement, AbonnementKanaal, Kanaal

__all__ = [
    "Abonnement",
    "AbonnementKanaal",
    "DeadLetter",
    "Delivery",
    "DeliveryState",
    "Kanaal",
    "Notificatie",
    "SubscriberCircuit",
]
