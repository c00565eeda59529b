"""What a notification means for the read model, and handling each message once (docs/adr/0057).

The message only says *that* something changed; the zaak is always read again through the client
and written with the upsert of :mod:`.rows`, so the order in which notifications arrive does not
matter and handling one twice would do no harm. It is still done once: the message's key is
inserted in :class:`ReceivedNotification` in the same transaction as the refresh, so a second
werkplek instance given the same message at the same moment waits for the first one's commit and
then skips it, and a message delivered again is skipped too. When the refresh fails, the key is
rolled back with it and the Notificaties API's next attempt does the work.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from zaakwerk.client import HTTPStatusError, ZGWClient
from zaakwerk.werkplek.models import ReceivedNotification, ZaakRow
from zaakwerk.werkplek.read_model.refresh import GONE, refresh_zaak, remove_zaak

logger = logging.getLogger(__name__)

KANALEN = ("zaken", "documenten", "besluiten")


class InvalidMessage(ValueError):
    """The body is not a notification the werkplek can read."""


@dataclass
class Outcome:
    duplicate: bool = False
    refreshed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def message_key(message: dict[str, Any]) -> str:
    """The same message (any key order) gives the same key."""
    return hashlib.sha256(orjson.dumps(message, option=orjson.OPT_SORT_KEYS)).hexdigest()


def _text(message: dict[str, Any], key: str) -> str:
    value = message.get(key)
    if not isinstance(value, str):
        raise InvalidMessage(f"'{key}' ontbreekt of is geen tekst")
    return value


def _moment(message: dict[str, Any]) -> datetime:
    found = parse_datetime(str(message.get("aanmaakdatum") or ""))
    if found is None:
        return timezone.now()
    return found if timezone.is_aware(found) else timezone.make_aware(found, timezone.get_default_timezone())


def receive(client: ZGWClient, message: dict[str, Any]) -> Outcome:
    """Handle one notification; a message already handled (here or by another instance) is
    skipped. Raises :class:`~zaakwerk.client.ClientError` when the registers cannot be read
    (nothing is recorded, so the next delivery tries again)."""
    kanaal = _text(message, "kanaal")
    resource_url = _text(message, "resourceUrl")
    _text(message, "hoofdObject")
    if kanaal not in KANALEN:
        return Outcome()  # e.g. the Notificaties API's test message when the abonnement is made
    with transaction.atomic():
        _, created = ReceivedNotification.objects.get_or_create(
            key=message_key(message), defaults={"kanaal": kanaal[:50], "resource_url": resource_url[:1000]}
        )
        if not created:
            return Outcome(duplicate=True)
        return apply(client, message)


def apply(client: ZGWClient, message: dict[str, Any]) -> Outcome:
    """Bring the rows of the zaken the message is about up to date."""
    kanaal, resource, actie = message["kanaal"], message.get("resource"), message.get("actie")
    hoofd_object, resource_url = message["hoofdObject"], message["resourceUrl"]
    moment = _moment(message)
    outcome = Outcome()
    if kanaal == "zaken":
        if resource == "zaak" and actie == "destroy":
            remove_zaak(hoofd_object)
            outcome.removed.append(hoofd_object)
            return outcome
        zaken = [hoofd_object]
    elif kanaal == "documenten":
        # a document changed (a new version, its title): the zaken it belongs to
        links = client.zaken.zaakinformatieobjecten.list(informatieobject=hoofd_object)
        zaken = sorted({link.zaak for link in links if link.zaak})
    else:  # besluiten: the besluit's zaak, while the besluit exists
        zaken = _besluit_zaak(client, hoofd_object)
    for url in zaken:
        if refresh_zaak(client, url, gewijzigd_op=moment):
            outcome.refreshed.append(url)
        else:
            outcome.removed.append(url)
    if kanaal == "zaken" and resource == "zaak" and actie == "create" and outcome.refreshed:
        take_in(client, hoofd_object)
    if kanaal == "zaken" and resource == "status" and actie == "create" and outcome.refreshed:
        start_tasks_of_status(client, hoofd_object, resource_url)
    logger.debug("notificatie %s %s %s: %s", kanaal, actie, resource_url, outcome)
    return outcome


def take_in(client: ZGWClient, zaak_url: str) -> None:
    """A new zaak, made elsewhere: its zaaktype's default team gets it (docs/adr/0104). The team's
    rol is announced like any change, and its notification refreshes the row."""
    from zaakwerk.werkplek.services import intake

    zaaktype = ZaakRow.objects.filter(url=zaak_url).values_list("zaaktype_identificatie", flat=True).first()
    if zaaktype:
        intake.take_in(client, zaak_url, zaaktype)


def start_tasks_of_status(client: ZGWClient, zaak_url: str, status_url: str) -> None:
    """A status was set, by the werkplek or by another application: the tasks its handling
    parameters name start, once for that status (docs/adr/0095)."""
    from zaakwerk.werkplek import tasks
    from zaakwerk.werkplek.services import acties

    state = acties.load(client, zaak_url)
    status = client.zaken.statussen.get(status_url)
    statustype = next((item for item in state.statustypen if item.url == status.statustype), None)
    if statustype is None:
        return
    _started, problems = tasks.start_status_tasks(
        client, state, statustype, by="notificatie", status_url=status_url
    )
    for problem in problems:
        logger.warning("taken bij status %s: %s", status_url, problem)


def _besluit_zaak(client: ZGWClient, besluit_url: str) -> list[str]:
    try:
        besluit = client.besluiten.besluiten.get(besluit_url)
    except HTTPStatusError as exc:
        if exc.status in GONE:
            return []  # a destroyed besluit: its zaak is not known any more
        raise
    return [besluit.zaak] if besluit.zaak else []


def forget_before(moment: datetime) -> int:
    """Remove the keys of notifications received before ``moment`` (after the Notificaties API's
    redelivery window, a repeat is unlikely and harmless: it refreshes once more)."""
    deleted, _ = ReceivedNotification.objects.filter(received_at__lt=moment).delete()
    return deleted
