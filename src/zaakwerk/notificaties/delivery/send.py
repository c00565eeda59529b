"""Sending one claimed delivery and recording what happened."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
import orjson
from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from zaakwerk.client import ClientError, policy, transport
from zaakwerk.notificaties.delivery import circuit
from zaakwerk.notificaties.delivery.backoff import retry_delay
from zaakwerk.notificaties.delivery.cloudevents import CONTENT_TYPE, to_cloudevent
from zaakwerk.notificaties.delivery.config import DeliveryConfig
from zaakwerk.notificaties.models import Delivery, DeliveryState

logger = logging.getLogger(__name__)
ERROR_LENGTH = 500


@dataclass(frozen=True)
class Request:
    url: str
    body: bytes
    headers: dict[str, str]


@dataclass(frozen=True)
class Outcome:
    delivered: bool
    status: int | None
    error: str


def build_request(delivery: Delivery) -> Request:
    """The POST to the abonnement's callback: the ZGW message, or a CloudEvent wrapping it."""
    abonnement = delivery.abonnement
    message = delivery.notificatie.message
    headers = {"Authorization": abonnement.auth}
    if abonnement.cloudevents:
        payload = to_cloudevent(
            message, notificatie_id=delivery.notificatie_id, default_source=settings.PUBLIC_URL
        )
        headers["Content-Type"] = CONTENT_TYPE
    else:
        payload = message
        headers["Content-Type"] = "application/json"
    return Request(url=abonnement.callback_url, body=orjson.dumps(payload), headers=headers)


def post(client: httpx.Client, request: Request, *, timeout: float) -> Outcome:
    """Any 2xx answer delivers; everything else (status, timeout, refused connection, a redirect,
    an address the policy refuses) fails. ``timeout`` is the whole attempt's deadline; the
    subscribers' policy applies (docs/adr/0035) and the worker, not the client, retries."""
    try:
        reply = transport.send(
            "POST",
            request.url,
            headers=request.headers,
            content=request.body,
            timeout=timeout,
            rules=policy.for_callbacks(),
            retries=0,
            via=client,
        )
    except ClientError as exc:
        # for operators (the admin's delivery list): what failed, and the underlying cause
        cause = f" ({type(exc.__cause__).__name__}: {exc.__cause__})" if exc.__cause__ else ""
        error = f"{type(exc).__name__}: {exc.what}{cause}"
        return Outcome(delivered=False, status=None, error=error[:ERROR_LENGTH])
    if 200 <= reply.status < 300:
        return Outcome(delivered=True, status=reply.status, error="")
    detail = reply.content[:200].decode("utf-8", "replace")
    return Outcome(False, reply.status, f"HTTP {reply.status} {detail}".strip()[:ERROR_LENGTH])


def load(delivery_ids: Sequence[int], *, worker: str) -> list[Delivery]:
    """The deliveries still leased to ``worker``, with their notificatie and abonnement, in id order."""
    return list(
        Delivery.objects.select_related("notificatie", "abonnement")
        .filter(id__in=delivery_ids, claimed_by=worker[:100], state=DeliveryState.pending)
        .order_by("id")
    )


def deliver(delivery_id: int, *, worker: str, client: httpx.Client, config: DeliveryConfig) -> Outcome | None:
    """Send one delivery leased to ``worker`` and store the outcome; None if it is no longer ours."""
    found = load([delivery_id], worker=worker)
    if not found:
        return None
    return send(found[0], worker=worker, client=client, config=config, reset_circuit=True)


def send(
    delivery: Delivery, *, worker: str, client: httpx.Client, config: DeliveryConfig, reset_circuit: bool
) -> Outcome | None:
    """POST a loaded delivery and record the outcome; None when the lease was lost meanwhile."""
    outcome = post(client, build_request(delivery), timeout=config.timeout)
    now = timezone.now()
    if outcome.delivered:
        return (
            outcome
            if record_delivered(delivery, outcome, worker=worker, now=now, reset_circuit=reset_circuit)
            else None
        )
    return outcome if record_failed(delivery, outcome, worker=worker, config=config, now=now) else None


def _ours(delivery: Delivery, worker: str) -> QuerySet[Delivery]:
    return Delivery.objects.filter(id=delivery.id, claimed_by=worker[:100], state=DeliveryState.pending)


def record_delivered(
    delivery: Delivery, outcome: Outcome, *, worker: str, now: datetime, reset_circuit: bool
) -> bool:
    """One UPDATE (no transaction needed); closes the circuit when asked (the lane's first success)."""
    updated = _ours(delivery, worker).update(
        state=DeliveryState.delivered,
        attempts=F("attempts") + 1,
        delivered_at=now,
        claimed_until=None,
        last_status=outcome.status,
        last_error="",
    )
    if reset_circuit:
        circuit.record_success(delivery.abonnement_id, now=now)
    return updated == 1


def record_failed(
    delivery: Delivery, outcome: Outcome, *, worker: str, config: DeliveryConfig, now: datetime
) -> bool:
    """Retry later (with back-off), or dead after the last attempt; count it on the circuit."""
    attempts = delivery.attempts + 1
    if attempts >= config.max_attempts:
        changes: dict[str, object] = {"state": DeliveryState.dead}
    else:
        delay = retry_delay(attempts, base=config.backoff, cap=config.backoff_max)
        changes = {"next_attempt_at": now + timedelta(seconds=delay)}
    with transaction.atomic():
        updated = _ours(delivery, worker).update(
            attempts=F("attempts") + 1,
            claimed_until=None,
            last_status=outcome.status,
            last_error=outcome.error,
            **changes,
        )
        if updated:
            circuit.record_failure(
                delivery.abonnement_id,
                now=now,
                threshold=config.circuit_failures,
                cooldown=config.circuit_cooldown,
            )
    if updated and "state" in changes:
        logger.warning("delivery %s is a dead letter after %s attempts", delivery.id, attempts)
    return updated == 1
