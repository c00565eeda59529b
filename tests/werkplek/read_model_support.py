"""What the read model's tests share: the abonnement, and delivering what the registers announced."""

from __future__ import annotations

from django.conf import settings

from zaakwerk.notificaties.delivery.config import DeliveryConfig
from zaakwerk.notificaties.delivery.worker import Worker
from zaakwerk.werkplek.read_model.subscribe import subscribe


def subscribed() -> None:
    """The werkplek's abonnement. A test with ``transactional_db`` runs after a flush that also
    removed the standard kanalen (a data migration's rows), so missing ones are made again first."""
    from zaakwerk.client import ClientCredentials, Http
    from zaakwerk.werkplek.read_model.notifications import KANALEN
    from zaakwerk.werkplek.read_model.subscribe import notificaties_root
    from zaakwerk.werkplek.zgw import client_secret

    http = Http(ClientCredentials(str(settings.WERKPLEK_CLIENT_ID), client_secret()))
    present = {kanaal["naam"] for kanaal in http.request("GET", f"{notificaties_root()}/kanaal")}
    for naam in set(KANALEN) - present:
        http.request(
            "POST", f"{notificaties_root()}/kanaal", expected=(201,), json={"naam": naam, "filters": []}
        )
    subscribe()


def deliver() -> int:
    """Publish what the registers committed and deliver it to the abonnementen (the werkplek's
    callback is this deployment's, so it is called in-process); the number of deliveries."""
    worker = Worker(DeliveryConfig.from_settings(), name="test")
    total = 0
    while outcomes := worker.run_once():
        total += len(outcomes)
    return total
